package schedule

import (
	"strconv"

	"github.com/dinie/lending/apierr"
)

// DayCount is how the schedule measures the interest time t_k of installment k,
// in months from the release date to the installment's nominal date (see the
// package doc). The zero value is MonthlyProRata, the library's default.
type DayCount uint8

const (
	// MonthlyProRata: whole calendar months from the release date to the nominal
	// date plus the remaining calendar days / 30. The default; wire name "monthly".
	MonthlyProRata DayCount = iota
	// Periodic: t_k = k, the textbook table; dates only label the rows. Wire name
	// "periodic".
	Periodic
	// DailyProRata: calendar days from the release date to the nominal date / 30.
	// Wire name "daily".
	DailyProRata
)

var dayCountNames = [...]string{"monthly", "periodic", "daily"}

func (d DayCount) valid() bool { return int(d) < len(dayCountNames) }

// String returns the wire name ("monthly", "periodic" or "daily"), or
// "DayCount(N)" for a value that is none of the constants.
func (d DayCount) String() string {
	if d.valid() {
		return dayCountNames[d]
	}
	return "DayCount(" + strconv.Itoa(int(d)) + ")"
}

// ParseDayCount returns the DayCount whose wire name is s, exactly as String
// writes it. Any other text is an *apierr.Error with Code invalid_format,
// Param "day_count" and reason apierr.ErrSyntax.
func ParseDayCount(s string) (DayCount, error) {
	for i, name := range dayCountNames {
		if s == name {
			return DayCount(i), nil
		}
	}
	return 0, dayCountError(quote(s))
}

func dayCountError(what string) error {
	return apierr.Wrap(apierr.ErrSyntax, apierr.InvalidFormat, "day_count",
		"day_count %s is not a day count; expected monthly, periodic or daily", what)
}

// MarshalText returns the wire name; a value that is none of the constants is
// an error.
func (d DayCount) MarshalText() ([]byte, error) {
	if !d.valid() {
		return nil, dayCountError(d.String())
	}
	return []byte(dayCountNames[d]), nil
}

// UnmarshalText parses a wire name with ParseDayCount. On error d is unchanged.
func (d *DayCount) UnmarshalText(text []byte) error {
	v, err := ParseDayCount(string(text))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

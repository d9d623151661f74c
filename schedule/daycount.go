package schedule

import (
	"strconv"

	"github.com/dinie/lending/apierr"
)

// DayCount is how the schedule measures the interest time t_k of installment k,
// from the release date to the installment's nominal date (see the package
// doc). The zero value is MonthlyProRata, the library's default.
//
// Every day count measures time as a whole number of its unit (Plan.
// InterestTime): thirtieths of a month for MonthlyProRata, Periodic and
// DailyProRata, calendar days for Actual365, business days for Business252.
// UnitsPerYear says how many units make a year.
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
	// Actual365: calendar days from the release date to the nominal date / 365,
	// in years ("base 365 dias corridos"). Wire name "actual365".
	Actual365
	// Business252: business days of the plan's calendar (ANBIMA's by default)
	// from the release date, counted, to the due date, not counted, / 252, in
	// years (the "DU/252" convention; business days are defined on the rolled
	// date). Wire name "business252".
	Business252
)

var dayCountNames = [...]string{"monthly", "periodic", "daily", "actual365", "business252"}

func (d DayCount) valid() bool { return int(d) < len(dayCountNames) }

// UnitsPerYear returns how many of d's time units make a year: 360 for the
// month-based day counts (thirtieths of a month, twelve months), 365 for
// Actual365, 252 for Business252; 0 for a value that is none of the constants.
// A time of T units is T/UnitsPerYear years, and grows by (1+a)^(T/UnitsPerYear)
// at an annual rate a, or (1+i)^(12·T/UnitsPerYear) at a monthly rate i.
func (d DayCount) UnitsPerYear() int {
	switch d {
	case MonthlyProRata, Periodic, DailyProRata:
		return 360
	case Actual365:
		return 365
	case Business252:
		return 252
	}
	return 0
}

// String returns the wire name ("monthly", "periodic", "daily", "actual365" or
// "business252"), or "DayCount(N)" for a value that is none of the constants.
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
		"day_count %s is not a day count; expected monthly, periodic, daily, actual365 or business252", what)
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

// Amortization is the amortization system of a schedule. The zero value is
// Price, the library's default.
type Amortization uint8

const (
	// Price: the French system (tabela Price), a constant installment. Wire name
	// "price".
	Price Amortization = iota
	// SAC: the constant amortization system (sistema de amortização constante),
	// decreasing installments. Wire name "sac".
	SAC
)

var amortizationNames = [...]string{"price", "sac"}

func (a Amortization) valid() bool { return int(a) < len(amortizationNames) }

// String returns the wire name ("price" or "sac"), or "Amortization(N)" for a
// value that is none of the constants.
func (a Amortization) String() string {
	if a.valid() {
		return amortizationNames[a]
	}
	return "Amortization(" + strconv.Itoa(int(a)) + ")"
}

// ParseAmortization returns the Amortization whose wire name is s. Any other
// text is an *apierr.Error with Code invalid_format, Param "amortization" and
// reason apierr.ErrSyntax.
func ParseAmortization(s string) (Amortization, error) {
	for i, name := range amortizationNames {
		if s == name {
			return Amortization(i), nil
		}
	}
	return 0, amortizationError(quote(s))
}

func amortizationError(what string) error {
	return apierr.Wrap(apierr.ErrSyntax, apierr.InvalidFormat, paramAmortization,
		"amortization %s is not an amortization system; expected price or sac", what)
}

// MarshalText returns the wire name; a value that is none of the constants is
// an error.
func (a Amortization) MarshalText() ([]byte, error) {
	if !a.valid() {
		return nil, amortizationError(a.String())
	}
	return []byte(amortizationNames[a]), nil
}

// UnmarshalText parses a wire name with ParseAmortization. On error a is
// unchanged.
func (a *Amortization) UnmarshalText(text []byte) error {
	v, err := ParseAmortization(string(text))
	if err != nil {
		return err
	}
	*a = v
	return nil
}

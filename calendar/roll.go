package calendar

import "strconv"

// Roll is a business day convention: how Adjust moves a date that is not a
// business day. The zero value is Following, the default of the loan contracts
// this library serves (Lei 7.089/1983, art. 1: no late interest on an
// obligation that falls due on a Saturday, Sunday or holiday and is paid on the
// first business day after it); Unadjusted must be chosen explicitly.
type Roll uint8

// The conventions, in the calendar's business days. Following, Modified Following
// and Preceding are those of the ISDA 2006 Definitions (section 4.12); Modified
// Preceding is the customary mirror of Modified Following. Each leaves a
// business day where it is.
const (
	// Following moves to the first business day after the date.
	Following Roll = iota
	// ModifiedFollowing moves to the first business day after the date, unless
	// that is in a later month; then to the last business day before the date.
	ModifiedFollowing
	// Preceding moves to the last business day before the date.
	Preceding
	// ModifiedPreceding moves to the last business day before the date, unless
	// that is in an earlier month; then to the first business day after it.
	ModifiedPreceding
	// Unadjusted keeps the date, business day or not.
	Unadjusted
)

// rollNames are the wire and CLI names, indexed by Roll.
var rollNames = [...]string{
	Following:         "following",
	ModifiedFollowing: "modified-following",
	Preceding:         "preceding",
	ModifiedPreceding: "modified-preceding",
	Unadjusted:        "unadjusted",
}

// String returns the wire name of r ("following", "modified-following",
// "preceding", "modified-preceding" or "unadjusted"), or "Roll(N)" for a value
// that is none of the constants.
func (r Roll) String() string {
	if r.valid() {
		return rollNames[r]
	}
	return "Roll(" + strconv.Itoa(int(r)) + ")"
}

func (r Roll) valid() bool { return int(r) < len(rollNames) }

// ParseRoll returns the Roll whose wire name is s, exactly as String writes it
// (lower case, hyphenated). Any other text returns ErrInvalidRoll.
func ParseRoll(s string) (Roll, error) { return parseRoll("ParseRoll", s) }

func parseRoll(op, s string) (Roll, error) {
	for r, name := range rollNames {
		if s == name {
			return Roll(r), nil
		}
	}
	return Following, newError(ErrInvalidRoll, op, s,
		"want following, modified-following, preceding, modified-preceding or unadjusted")
}

// MarshalText returns the wire name of r; ErrInvalidRoll for a value that is none
// of the constants.
func (r Roll) MarshalText() ([]byte, error) {
	if !r.valid() {
		return nil, newError(ErrInvalidRoll, "MarshalText", r.String(), "not a Roll constant")
	}
	return []byte(rollNames[r]), nil
}

// UnmarshalText parses a wire name with ParseRoll. On error r is left unchanged.
func (r *Roll) UnmarshalText(text []byte) error {
	v, err := parseRoll("UnmarshalText", string(text))
	if err != nil {
		return err
	}
	*r = v
	return nil
}

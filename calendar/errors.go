package calendar

import (
	"github.com/dinie/lending/apierr"
)

// The reasons of the package's failures. Every error the package returns is an
// *apierr.Error whose Err is one of these, so callers branch with errors.Is and read
// Code, Param and Detail with errors.As.
const (
	// ErrInvalidDate: text that is not a date in the form YYYY-MM-DD, or a year,
	// month and day that name no day (2026-02-30, month 13). Code invalid_format,
	// param "date".
	ErrInvalidDate apierr.Reason = "invalid date"
	// ErrOutOfRange: an input or a result outside the supported dates, 0001-01-01
	// through 9999-12-31 (years MinYear through MaxYear), or a count too large for any
	// result to exist. Code date_out_of_range, param "date" ("year" for Holidays).
	ErrOutOfRange apierr.Reason = "date out of range"
	// ErrInvalidRoll: a roll convention name or value that is not one of the five
	// Roll constants. Code invalid_format, param "roll".
	ErrInvalidRoll apierr.Reason = "invalid roll"
	// ErrInvalidRule: an extra holiday Rule passed to New that names no day (empty
	// name, February 30, an Easter offset that leaves the year, a year range outside
	// MinYear..MaxYear or reversed). Code invalid_format, param "rule".
	ErrInvalidRule apierr.Reason = "invalid holiday rule"
)

// newError builds the package's error: the code and param follow from the reason
// (and "year" for Holidays, whose input is a year), and the Detail reads
// `date "2026-02-30": invalid date: day 30 is not 01 through 28 (February 2026)` —
// the param, the input as given (apierr.Quote bounds it), the reason and why.
// The operation is not named: the caller knows what it called, and a server shows
// the Detail to a client who never saw the function's name.
func newError(reason apierr.Reason, op, input, why string) *apierr.Error {
	code, param := apierr.InvalidFormat, "date"
	switch reason {
	case ErrOutOfRange:
		code = apierr.DateOutOfRange
		if op == "Holidays" {
			param = "year"
		}
	case ErrInvalidRoll:
		param = "roll"
	case ErrInvalidRule:
		param = "rule"
	}
	return apierr.Wrap(reason, code, param, "%s %s: %s: %s", param, apierr.Quote(input), string(reason), why)
}

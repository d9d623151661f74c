package calendar

import (
	"errors"
	"strconv"
)

// Sentinel errors. Every error the package returns is an *Error whose Err is one of
// these, so callers branch with errors.Is and read the details with errors.As.
var (
	// ErrInvalidDate: text that is not a date in the form YYYY-MM-DD, or a year,
	// month and day that name no day (2026-02-30, month 13).
	ErrInvalidDate = errors.New("calendar: invalid date")
	// ErrOutOfRange: an input or a result outside the supported dates, 0001-01-01
	// through 9999-12-31 (years MinYear through MaxYear), or a count too large for
	// any result to exist.
	ErrOutOfRange = errors.New("calendar: out of range")
	// ErrInvalidRoll: a roll convention name or value that is not one of the five
	// Roll constants.
	ErrInvalidRoll = errors.New("calendar: invalid roll")
	// ErrInvalidRule: an extra holiday Rule passed to New that names no day (empty
	// name, February 30, an Easter offset that leaves the year, a year range
	// outside MinYear..MaxYear or reversed).
	ErrInvalidRule = errors.New("calendar: invalid holiday rule")
)

// Error is the error type of the package: the operation, the input it refused,
// why, and the sentinel that classifies it (returned by Unwrap, so errors.Is
// matches it).
type Error struct {
	Op     string // the function or method, e.g. "ParseDate", "AddBusinessDays"
	Input  string // the input as the caller gave it (text) or as it formats
	Reason string // what was wrong and what was expected
	Err    error  // ErrInvalidDate, ErrOutOfRange, ErrInvalidRoll or ErrInvalidRule
}

// maxQuoted bounds how much of the input the message repeats, so a megabyte of
// garbage does not become a megabyte of log line. Input keeps all of it.
const maxQuoted = 64

func (e *Error) Error() string {
	in := e.Input
	if len(in) > maxQuoted {
		in = in[:maxQuoted] + "..."
	}
	return e.Err.Error() + ": " + e.Op + " " + strconv.Quote(in) + ": " + e.Reason
}

// Unwrap returns the sentinel, for errors.Is.
func (e *Error) Unwrap() error { return e.Err }

func newError(sentinel error, op, input, reason string) *Error {
	return &Error{Op: op, Input: input, Reason: reason, Err: sentinel}
}

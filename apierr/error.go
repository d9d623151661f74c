package apierr

import (
	"fmt"
	"strings"
)

// Error is a rule failure a server reports to its client: the API's Code, the
// offending field in Param (the wire name, e.g. "requested_amount"; empty when no
// single field is at fault) and a human Detail saying what was wrong and what was
// expected. Err, when set, is a finer-grained cause (a Reason, or another error)
// reachable through errors.Is and errors.As.
//
// Every exported function of the library reports its failures as *Error, alone or
// gathered in an Errors. Use errors.As to read the fields and errors.Is with a Code
// (or a Reason) to branch. An *Error is not modified after it is returned; it is safe
// to share between goroutines. Its JSON form is {"code", "param", "detail"}, the shape
// of one entry of a problem document's errors member.
type Error struct {
	Code   Code   `json:"code"`
	Param  string `json:"param"`
	Detail string `json:"detail"`
	Err    error  `json:"-"`
}

// Errorf returns an *Error with the given code and param and a Detail formatted by
// fmt.Sprintf. By convention the Detail starts with the param's name when it is about
// the field's value ("requested_amount 60000.00 is above approved_amount 50000.00"),
// which lets WithParam keep the two in step.
func Errorf(code Code, param, format string, args ...any) *Error {
	return &Error{Code: code, Param: param, Detail: fmt.Sprintf(format, args...)}
}

// Wrap is Errorf with a cause: cause is kept in Err, so errors.Is(err, cause) holds.
func Wrap(cause error, code Code, param, format string, args ...any) *Error {
	return &Error{Code: code, Param: param, Detail: fmt.Sprintf(format, args...), Err: cause}
}

// WithParam returns a copy of e reporting param as the offending field. Parsers that
// do not know which request field they read (a money string, a date) report a generic
// param; the caller relabels it with the wire name. When the Detail starts with the
// old param followed by a space (the convention of Errorf), that word is replaced too,
// so a relabelled detail never names the field the parser guessed: "amount 1.005 is not
// a whole number of cents" becomes "fee_fixed 1.005 is not …".
//
// A nil e gives nil.
func (e *Error) WithParam(param string) *Error {
	if e == nil {
		return nil
	}
	c := *e
	if e.Param != "" && e.Param != param && strings.HasPrefix(e.Detail, e.Param+" ") {
		c.Detail = param + e.Detail[len(e.Param):]
	}
	c.Param = param
	return &c
}

// Relabel is WithParam for an error value: an *Error comes back as a copy reporting
// param as the offending field (see WithParam); an Errors of one entry likewise;
// any other error (one that wraps or joins several *Errors keeps its own structure)
// and nil come back unchanged. It is what a caller writes after a parser that does
// not know which request field it read:
//
//	amount, err := money.Parse(s)
//	if err != nil {
//		return apierr.Relabel(err, "requested_amount")
//	}
func Relabel(err error, param string) error {
	switch e := err.(type) {
	case *Error:
		return e.WithParam(param)
	case Errors:
		if len(e) == 1 && e[0] != nil {
			return e[0].WithParam(param)
		}
	}
	return err
}

// Error returns "code: detail", for example
// "amount_out_of_range: requested_amount 60000.00 is above approved_amount 50000.00".
func (e *Error) Error() string {
	if e == nil {
		return "<nil>"
	}
	if e.Detail == "" {
		return string(e.Code)
	}
	return string(e.Code) + ": " + e.Detail
}

// Unwrap returns the cause, if any. Like Error and Is, it accepts a nil e, so a typed
// nil *Error stored in an error never makes errors.Is or errors.As panic.
func (e *Error) Unwrap() error {
	if e == nil {
		return nil
	}
	return e.Err
}

// Is reports whether target is e's Code, so that a Code works as a sentinel.
func (e *Error) Is(target error) bool {
	c, ok := target.(Code)
	return ok && e != nil && c == e.Code
}

// Reason is a finer-grained cause of a failure, kept in Error.Err: the Code says which
// rule failed (invalid_cpf), the Reason says why (a check digit mismatch), so a caller
// can branch on either with errors.Is without reading Detail. Reasons are constants,
// like Codes; the generic ones below serve every field, and packages declare their
// own (validation.ErrCheckDigit, calendar.ErrInvalidDate, cet.ErrNet …).
type Reason string

// Error implements the error interface, so a Reason is its own sentinel.
func (r Reason) Error() string { return string(r) }

// The generic reasons, shared by every package.
const (
	ErrEmpty     Reason = "empty"                    // no characters, or a required value left at its zero value
	ErrLength    Reason = "wrong length"             // too few or too many characters, digits or items
	ErrCharacter Reason = "invalid character"        // a character outside the field's alphabet
	ErrSyntax    Reason = "malformed"                // the overall shape is wrong
	ErrPrecision Reason = "wrong number of decimals" // more decimal places than the field holds
	ErrRange     Reason = "out of range"             // a number or date outside its bounds
	ErrPrefix    Reason = "wrong prefix"             // an ID, secret or token with another prefix
	ErrDuplicate Reason = "duplicate"                // a key, value or item given twice
	ErrUnknown   Reason = "unknown"                  // a name outside its catalogue (a status, an enum value, a JSON key)
	ErrNil       Reason = "nil receiver"             // a method called on a nil pointer
)

// NilReceiver is the error every method of the library returns when it is called on a
// nil pointer (the typ it names, such as "*schedule.Schedule"): code Internal and
// reason ErrNil, since a nil value is a defect of the caller, not a rule a client
// broke, and a problem document shows it as a plain 500. It is the one nil contract of
// the library: a method on a nil pointer never panics; one that returns an error
// returns this, and one that does not returns the zero value of its result (a nil
// receiver reads as the zero value). The few types whose nil pointer is itself a
// documented value say so (a nil *calendar.Calendar is the national calendar; a
// nil *Error prints "<nil>"). Decoders (UnmarshalJSON, UnmarshalText) may report
// their input's error first. Methods with value receivers take the zero value and
// never panic on it either. internal/errorpaths holds every exported method of
// every exported type to this by reflection.
func NilReceiver(typ string) *Error {
	return &Error{Code: Internal, Detail: "method called on a nil " + typ, Err: ErrNil}
}

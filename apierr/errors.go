package apierr

import (
	"errors"
	"strconv"
	"strings"
)

// Errors is several failures reported together, such as every invalid field of a
// registration. Build it with Append and return it with Err. It unwraps to its
// entries, so errors.Is(err, InvalidCPF) and errors.As(err, &e) see each of them; a
// problem document lists them all in its errors member.
type Errors []*Error

// Append adds err to es and returns the result, like append: nil adds nothing, an
// *Error (or an error wrapping one) adds it, an Errors adds its non-nil entries, and
// any other error adds an entry with code Internal that keeps err in Err, so a
// collection with a failure that is not a rule failure reads as an internal error.
func (es Errors) Append(err error) Errors {
	if err == nil {
		return es
	}
	var more Errors
	if errors.As(err, &more) {
		for _, e := range more {
			if e != nil {
				es = append(es, e)
			}
		}
		return es
	}
	var e *Error
	if errors.As(err, &e) && e != nil {
		return append(es, e)
	}
	return append(es, &Error{Code: Internal, Detail: "internal error", Err: err})
}

// Err returns es as an error, or nil when es holds no failure (it is empty or holds
// only nil entries), so that
//
//	return errs.Err()
//
// never returns a non-nil error without a failure in it. Nil entries are dropped.
func (es Errors) Err() error {
	n := 0
	for _, e := range es {
		if e != nil {
			n++
		}
	}
	switch {
	case n == 0:
		return nil
	case n == len(es):
		return es
	}
	out := make(Errors, 0, n)
	for _, e := range es {
		if e != nil {
			out = append(out, e)
		}
	}
	return out
}

// Error joins the entries' messages with "; ".
func (es Errors) Error() string {
	var b strings.Builder
	for _, e := range es {
		if e == nil {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("; ")
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Unwrap returns the non-nil entries, for errors.Is and errors.As.
func (es Errors) Unwrap() []error {
	out := make([]error, 0, len(es))
	for _, e := range es {
		if e != nil {
			out = append(out, e)
		}
	}
	return out
}

// Summary is the one-line detail of a problem document for several failures:
// "3 fields are invalid: cpf, email, phone" (a failure without a Param is named by
// its code). One failure gives its own Detail.
func (es Errors) Summary() string {
	live := es.Unwrap()
	if len(live) == 1 {
		return live[0].(*Error).Detail
	}
	names := make([]string, 0, len(live))
	for _, err := range live {
		e := err.(*Error)
		if e.Param != "" {
			names = append(names, e.Param)
		} else {
			names = append(names, string(e.Code))
		}
	}
	return strconv.Itoa(len(live)) + " fields are invalid: " + strings.Join(names, ", ")
}

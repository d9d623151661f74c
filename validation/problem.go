package validation

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
)

// ProblemContentType is the media type of a Problem document (RFC 9457 §3).
const ProblemContentType = "application/problem+json"

// Problem is an RFC 9457 problem details document in the API's shape
// (api-contract.md, "Errors"): the standard members type, title, status, detail and
// instance, and the extensions code (what clients branch on), param (the offending
// field) and errors (one entry per invalid field). Encode it with encoding/json and
// serve it with Content-Type ProblemContentType and HTTP status Status.
//
// Type is "about:blank" and Title the status's reason phrase, as RFC 9457 §4.2.1
// asks when a problem has no type URI of its own; a server with documentation
// pages per code may set Type to one. Instance is left for the server (the request
// path or an ID).
type Problem struct {
	Type     string   `json:"type"`
	Title    string   `json:"title"`
	Status   int      `json:"status"`
	Detail   string   `json:"detail,omitempty"`
	Instance string   `json:"instance,omitempty"`
	Code     Code     `json:"code"`
	Param    string   `json:"param,omitempty"`
	Errors   []*Error `json:"errors,omitempty"`
}

// NewProblem builds the problem document a server answers err with. It never fails
// and never leaks internal details:
//
//   - an *Error (found with errors.As, so wrapped ones count) gives its Code, Param,
//     Detail and Code.Status();
//   - an Errors (several fields at once, also through wrapping) gives the first
//     entry's Code, Param and status, a Detail counting the failures, and every entry
//     in Errors; if any entry is CodeInternal the whole document is the internal one;
//   - any other error, and nil (a server bug: nothing to report), gives status 500
//     with CodeInternal and the fixed Detail "internal error". The error's text is
//     not shown to the client — log it instead.
func NewProblem(err error) Problem {
	var es Errors
	if errors.As(err, &es) && len(es) > 0 {
		first := es[0]
		for _, e := range es {
			if e == nil || e.Code == CodeInternal {
				return internalProblem()
			}
		}
		p := newProblem(first.Code, first.Param, first.Detail)
		if len(es) > 1 {
			p.Detail = strconv.Itoa(len(es)) + " fields are invalid: " + strings.Join(es.params(), ", ")
		}
		p.Errors = append([]*Error(nil), es...)
		return p
	}
	var e *Error
	if errors.As(err, &e) && e != nil && e.Code != "" && e.Code != CodeInternal {
		return newProblem(e.Code, e.Param, e.Detail)
	}
	return internalProblem()
}

func newProblem(code Code, param, detail string) Problem {
	status := code.Status()
	return Problem{
		Type:   "about:blank",
		Title:  http.StatusText(status),
		Status: status,
		Detail: detail,
		Code:   code,
		Param:  param,
	}
}

func internalProblem() Problem {
	return newProblem(CodeInternal, "", "internal error")
}

// Errors is several rule failures reported together, such as every invalid field
// of a registration. Build it with Append and return it with Err. It unwraps to its
// entries, so errors.Is(err, CodeInvalidCPF) and errors.As(err, &e) see each of them;
// NewProblem lists them all in the problem's errors member.
type Errors []*Error

// Append adds err to es and returns the result, like append: nil adds nothing, an
// *Error (or an error wrapping one) adds it, an Errors adds its entries, and any
// other error adds an entry with CodeInternal that keeps err in Err, so a collection
// with a failure that is not a rule failure is reported as an internal error.
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
	return append(es, &Error{Code: CodeInternal, Detail: "internal error", Err: err})
}

// Err returns es as an error, or nil if es is empty, so that
//
//	return errs.Err()
//
// never returns a non-nil error holding no failure.
func (es Errors) Err() error {
	if len(es) == 0 {
		return nil
	}
	return es
}

// Error joins the entries' messages with "; ".
func (es Errors) Error() string {
	var b strings.Builder
	for i, e := range es {
		if i > 0 {
			b.WriteString("; ")
		}
		if e == nil {
			b.WriteString("<nil>")
			continue
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Unwrap returns the entries, for errors.Is and errors.As.
func (es Errors) Unwrap() []error {
	out := make([]error, 0, len(es))
	for _, e := range es {
		if e != nil {
			out = append(out, e)
		}
	}
	return out
}

func (es Errors) params() []string {
	out := make([]string, 0, len(es))
	for _, e := range es {
		if e.Param != "" {
			out = append(out, e.Param)
		} else {
			out = append(out, string(e.Code))
		}
	}
	return out
}

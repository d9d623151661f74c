package api

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/dinie/lending/apierr"
)

// ProblemContentType is the media type of a Problem document (RFC 9457 §3).
const ProblemContentType = "application/problem+json"

// Problem is an RFC 9457 problem details document in the API's shape: the standard
// members type, title, status, detail and instance, and the extensions code (what
// clients branch on), param (the offending field) and errors (one entry per invalid
// field). Encode it with encoding/json (or write it with WriteProblem) and serve it
// with Content-Type ProblemContentType and HTTP status Status.
//
// Type is "about:blank" and Title the status's reason phrase, as RFC 9457 §4.2.1 asks
// when a problem has no type URI of its own; a server with documentation pages per
// code may set Type to one. Instance is left for the server (the request path or an
// ID).
type Problem struct {
	Type     string          `json:"type"`
	Title    string          `json:"title"`
	Status   int             `json:"status"`
	Detail   string          `json:"detail,omitempty"`
	Instance string          `json:"instance,omitempty"`
	Code     apierr.Code     `json:"code"`
	Param    string          `json:"param,omitempty"`
	Errors   []*apierr.Error `json:"errors,omitempty"`
}

// NewProblem builds the problem document a server answers err with. It never fails
// and never leaks internal details:
//
//   - an *apierr.Error (found with errors.As, so wrapped ones count) gives its Code,
//     Param, Detail and Status(Code);
//   - an apierr.Errors (several fields at once, also through wrapping) gives the first
//     entry's Code, Param and status, a Detail counting the failures, and every entry
//     in Errors; if any entry is apierr.Internal the whole document is the internal one.
//     An Errors of one failure is that failure's document, without an errors list;
//   - any other error, and nil (a server bug: nothing to report), gives status 500 with
//     apierr.Internal and the fixed Detail "internal error". The error's text is not
//     shown to the client — log it instead.
func NewProblem(err error) Problem {
	var es apierr.Errors
	if errors.As(err, &es) {
		live := es.Unwrap()
		if len(live) > 0 {
			list := make([]*apierr.Error, len(live))
			for i, e := range live {
				list[i] = e.(*apierr.Error)
				if list[i].Code == apierr.Internal || list[i].Code == "" {
					return internalProblem()
				}
			}
			p := newProblem(list[0].Code, list[0].Param, es.Summary())
			if len(list) > 1 { // errors[] is for several fields at once (docs/api.md §9.1)
				p.Errors = list
			}
			return p
		}
	}
	var e *apierr.Error
	if errors.As(err, &e) && e != nil && e.Code != "" && e.Code != apierr.Internal {
		return newProblem(e.Code, e.Param, e.Detail)
	}
	return internalProblem()
}

func newProblem(code apierr.Code, param, detail string) Problem {
	status := Status(code)
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
	return newProblem(apierr.Internal, "", "internal error")
}

// WriteProblem answers err as a problem document: the status NewProblem gives it,
// Content-Type application/problem+json, and instance set to the request path when r
// is not nil. A write failure (the client went away) is ignored: there is no one left
// to tell.
func WriteProblem(w http.ResponseWriter, r *http.Request, err error) {
	p := NewProblem(err)
	if r != nil && r.URL != nil {
		p.Instance = r.URL.Path
	}
	body, merr := jsonMarshal(p)
	if merr != nil { // strings and ints only: unreachable
		body = []byte(`{"type":"about:blank","title":"Internal Server Error","status":500,"code":"internal_error"}`)
		p.Status = http.StatusInternalServerError
	}
	w.Header().Set("Content-Type", ProblemContentType)
	w.Header().Set("Content-Length", strconv.Itoa(len(body)+1))
	w.WriteHeader(p.Status)
	_, _ = w.Write(append(body, '\n'))
}

// WriteJSON answers v (a wire value) as application/json with status; a value that
// fails to marshal is answered as the problem of its error instead.
func WriteJSON(w http.ResponseWriter, r *http.Request, status int, v any) {
	var body []byte
	var err error
	if m, ok := v.(interface{ MarshalJSON() ([]byte, error) }); ok {
		body, err = m.MarshalJSON()
	} else {
		body, err = jsonMarshal(v)
	}
	if err != nil {
		WriteProblem(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(len(body)+1))
	w.WriteHeader(status)
	_, _ = w.Write(append(body, '\n'))
}

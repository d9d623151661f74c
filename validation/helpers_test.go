package validation_test

import (
	"errors"
	"strings"

	"github.com/dinie/lending/apierr"
)

// tb is what both *testing.T and *rapid.T offer.
type tb interface {
	Helper()
	Errorf(format string, args ...any)
	Fatalf(format string, args ...any)
}

// checkErr fails t unless err is an *apierr.Error with the given code and param
// that also matches reason through errors.Is, and whose Detail is a single
// non-empty line (the CLI prints it after a tab).
func checkErr(t tb, what string, err error, code apierr.Code, param string, reason error) {
	t.Helper()
	var e *apierr.Error
	if !errors.As(err, &e) {
		t.Errorf("%s: error = %v (%T), want *apierr.Error %s", what, err, err, code)
		return
	}
	if e.Code != code || e.Param != param {
		t.Errorf("%s: code, param = %s, %q; want %s, %q (%v)", what, e.Code, e.Param, code, param, err)
	}
	if !errors.Is(err, code) {
		t.Errorf("%s: errors.Is(err, %s) = false", what, code)
	}
	if reason != nil && !errors.Is(err, reason) {
		t.Errorf("%s: errors.Is(err, %v) = false; err = %v (cause %v)", what, reason, err, e.Err)
	}
	if e.Detail == "" || strings.ContainsAny(e.Detail, "\n\r\t") {
		t.Errorf("%s: Detail %q is empty or not a single line", what, e.Detail)
	}
}

func quoteShort(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}

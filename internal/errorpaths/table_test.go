package errorpaths_test

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"slices"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/dinie/lending/apierr"
)

// row is one error path: call makes an exported call with a bad input and
// returns its error. The error must be an *apierr.Error (errors.As) with a code
// from apierr.Codes(), the given code when set, and param as its Param (the
// wire name of the offending input; "" where no single input is at fault), and
// is, when set, must match with errors.Is (the reason). The call must return
// within a second. The expected codes, params and reasons are those the
// packages' docs list for each failure (their "Errors" sections and tables).
type row struct {
	name  string
	call  func() error
	code  apierr.Code
	param string
	is    error
}

// rowLimit is how long a row may take: every bad input is refused in bounded
// time, most in microseconds (issue 18's hostile decimals took hours before).
const rowLimit = time.Second

func run(t *testing.T, rows []row) {
	t.Helper()
	for _, r := range rows {
		msg := check(r)
		why, isPending := pendingRows[r.name]
		switch {
		case isPending && msg == "":
			t.Errorf("%s now holds: remove it from pending (%s)", r.name, why)
		case !isPending && msg != "":
			t.Error(msg)
		}
	}
}

// check returns why r fails, or "".
func check(r row) string {
	codes := apierr.Codes()
	start := time.Now()
	err := r.call()
	if d := time.Since(start); d > rowLimit {
		return fmt.Sprintf("%s took %v, want under %v", r.name, d, rowLimit)
	}
	var e *apierr.Error
	switch {
	case err == nil:
		return fmt.Sprintf("%s: no error", r.name)
	case !errors.As(err, &e):
		return fmt.Sprintf("%s: %T %v, want an *apierr.Error", r.name, err, err)
	case e.Code == "" || !slices.Contains(codes, e.Code) || !e.Code.Known():
		return fmt.Sprintf("%s: code %q is not one of apierr.Codes() (%v)", r.name, e.Code, err)
	case r.code != "" && e.Code != r.code:
		return fmt.Sprintf("%s: code %s, want %s (%v)", r.name, e.Code, r.code, err)
	case e.Param != r.param:
		return fmt.Sprintf("%s: param %q, want %q (%v)", r.name, e.Param, r.param, err)
	case r.is != nil && !errors.Is(err, r.is):
		return fmt.Sprintf("%s: %v is not %v", r.name, err, r.is)
	case e.Detail == "" || len(e.Detail) > 1000:
		return fmt.Sprintf("%s: detail of %d bytes, want a line: %v", r.name, len(e.Detail), err)
	}
	return ""
}

// pendingRows are rows another branch makes pass (by name, with why): each must
// still fail here, and the test says to remove it from the list as soon as the fix
// lands, so the row then holds like any other. Empty since the strict JSON reader
// landed (ParseRequest's domain, decoders' params, Row.UnmarshalJSON(nil)).
var pendingRows = map[string]string{}

// tables holds each package's rows, one file per package (calendar_test.go …).
var tables = map[string]func() []row{}

// TestErrorPaths runs every package's table and logs the table's size.
func TestErrorPaths(t *testing.T) {
	total := 0
	for _, pkg := range sortedKeys(tables) {
		rows := tables[pkg]()
		total += len(rows)
		t.Run(pkg, func(t *testing.T) { run(t, rows) })
	}
	t.Logf("error-path table: %d rows over %d packages", total, len(tables))
}

// Hostile decimals (issue 18): values a server can build from decimal.New or
// decimal.NewFromBigInt, which shopspring would expand to billions of digits.
var (
	decHuge     = decimal.New(1, math.MaxInt32)                                                              // 1e2147483647
	decTiny     = decimal.New(1, math.MinInt32)                                                              // 1e-2147483648
	decNegHuge  = decimal.New(-7, math.MaxInt32)                                                             // -7e2147483647
	decLongCoef = decimal.NewFromBigInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(100_000), nil), -99_998) // 100.00 with 100,001 digits
)

// err2 and err3 keep the rows one line each: they return the error of a call
// with two or three results.
func err2[A any](_ A, err error) error         { return err }
func err3[A, B any](_ A, _ B, err error) error { return err }

func mustDecimal(s string) decimal.Decimal { return decimal.RequireFromString(s) }

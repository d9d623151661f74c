package apierr_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/money"
)

// TestRelabel: an *Error comes back as a relabelled copy, its Detail naming the new
// param (the original is not modified); anything else, wrapped and joined *Errors included, unchanged.
func TestRelabel(t *testing.T) {
	orig := apierr.Errorf(apierr.InvalidFormat, "amount", "amount is empty")
	got := apierr.Relabel(orig, "requested_amount")
	var e *apierr.Error
	if !errors.As(got, &e) || e == orig || e.Param != "requested_amount" || e.Code != orig.Code ||
		e.Detail != "requested_amount is empty" || orig.Param != "amount" || orig.Detail != "amount is empty" {
		t.Errorf("Relabel(*Error) = %#v (original %#v)", got, orig)
	}
	wrapped := fmt.Errorf("reading: %w", orig)
	joined := apierr.Errors{}.Append(orig).Append(apierr.Errorf(apierr.InvalidCPF, "cpf", "x")).Err()
	plain := errors.New("boom")
	for _, err := range []error{nil, wrapped, plain} {
		if got := apierr.Relabel(err, "requested_amount"); got != err {
			t.Errorf("Relabel(%v) = %v, want it unchanged", err, got)
		}
	}
	// Errors is a slice, so it is compared entry by entry.
	list, ok := apierr.Relabel(joined, "requested_amount").(apierr.Errors)
	want := joined.(apierr.Errors)
	if !ok || len(list) != len(want) || list[0] != want[0] || list[1] != want[1] || list[0].Param != "amount" {
		t.Errorf("Relabel(%v) = %v, want it unchanged", joined, list)
	}
}

// TestErrorsOfNil: an Errors holding only nil entries is no error (issue 19:
// it was a non-nil error printing "<nil>"); nil entries are dropped from the
// rest.
func TestErrorsOfNil(t *testing.T) {
	if err := (apierr.Errors{nil}).Err(); err != nil {
		t.Errorf("Errors{nil}.Err() = %v (%T); want nil", err, err)
	}
	if err := (apierr.Errors{nil, nil}).Err(); err != nil {
		t.Errorf("Errors{nil, nil}.Err() = %v; want nil", err)
	}
	e := apierr.Errorf(apierr.InvalidCPF, "cpf", "cpf is wrong")
	got, ok := apierr.Errors{nil, e, nil}.Err().(apierr.Errors)
	if !ok || len(got) != 1 || got[0] != e {
		t.Errorf("Errors{nil, e, nil}.Err() = %v; want [e]", got)
	}
	if s := (apierr.Errors{nil, e}).Error(); s != "invalid_cpf: cpf is wrong" {
		t.Errorf("Error() = %q", s)
	}
}

// TestRelabelMoneyParams: the money parsers' detail names "amount"; once the
// param is relabelled the detail names the new param (issue 19 found "amount"
// left in details for fee_fixed, max_amount, min_amount and net).
func TestRelabelMoneyParams(t *testing.T) {
	for _, in := range []string{"1,00", "x", "-1.00", "9.999", ""} {
		_, err := money.ParseCents(in)
		for _, param := range []string{"fee_fixed", "max_amount", "min_amount", "net"} {
			var e *apierr.Error
			if !errors.As(apierr.Relabel(err, param), &e) || e.Param != param ||
				!strings.HasPrefix(e.Detail, param+" ") || strings.HasPrefix(e.Detail, "amount") {
				t.Errorf("Relabel(ParseCents(%q), %s) = %+v", in, param, e)
			}
		}
	}
}

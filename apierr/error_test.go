package apierr_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/dinie/lending/apierr"
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

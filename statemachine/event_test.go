package statemachine

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/dinie/lending/apierr"
)

// catalogue is docs/api.md §8's table of events, copied by hand: 4 customer, 2 credit
// offer and 10 loan events.
var catalogue = []string{
	"customer.created", "customer.under_review", "customer.kyc_updated", "customer.active",
	"credit_offer.available", "credit_offer.expired",
	"loan.created", "loan.contract_generated", "loan.awaiting_signatures", "loan.signed",
	"loan.disbursing", "loan.active", "loan.payment_received", "loan.finished",
	"loan.cancelled", "loan.error",
}

func TestEventsCatalogue(t *testing.T) {
	if got := names(Events()); !slices.Equal(got, catalogue) {
		t.Fatalf("Events() = %v\nwant %v", got, catalogue)
	}
	for i, name := range catalogue {
		e, err := ParseEvent(name)
		if err != nil || e != Events()[i] || e.String() != name || !e.Valid() {
			t.Errorf("ParseEvent(%q) = %v, %v", name, e, err)
		}
		b, err := e.MarshalText()
		if err != nil || string(b) != name {
			t.Errorf("%v.MarshalText() = %q, %v", e, b, err)
		}
		var u Event
		if err := u.UnmarshalText([]byte(name)); err != nil || u != e {
			t.Errorf("UnmarshalText(%q) = %v, %v", name, u, err)
		}
		prefix, _, _ := strings.Cut(name, ".")
		if e.Resource().String() != prefix {
			t.Errorf("%v.Resource() = %q, want %q", e, e.Resource(), prefix)
		}
	}
	for _, bad := range []Event{0, 17, 255} {
		if bad.Valid() || bad.Resource() != 0 || bad.String() != "Event("+itoa(int(bad))+")" {
			t.Errorf("Event(%d): Valid %v, Resource %q, String %q", bad, bad.Valid(), bad.Resource(), bad.String())
		}
		if _, err := bad.MarshalText(); !errors.Is(err, ErrUnknownEvent) {
			t.Errorf("Event(%d).MarshalText() error = %v", bad, err)
		}
	}
}

func TestParseEventErrors(t *testing.T) {
	for _, s := range []string{"", "*", "loan.*", "loan", "Loan.created", "loan.created ", "loan.accepted",
		"credit_offer.accepted", "customer.updated", "loan.payment", "transaction.paid", "\x00"} {
		e, err := ParseEvent(s)
		var ve *apierr.Error
		if e != 0 || !errors.As(err, &ve) || ve.Code != apierr.InvalidFormat || ve.Param != "type" ||
			!errors.Is(err, ErrUnknownEvent) {
			t.Errorf("ParseEvent(%q) = %v, %v; want invalid_format/type/ErrUnknownEvent", s, e, err)
		}
		u := EventLoanSigned
		if err := u.UnmarshalText([]byte(s)); err == nil || u != EventLoanSigned {
			t.Errorf("UnmarshalText(%q) changed the event to %v or did not fail", s, u)
		}
	}
}

package statemachine

import (
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/money"
	"github.com/shopspring/decimal"
	"pgregory.net/rapid"
)

// catalogue is api-contract.md's table of events, copied by hand: 4 customer, 2 credit
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

// matchSlow is the obvious string matcher of lifecycles.md ("Event patterns"), the
// reference the compiled EventSet is checked against.
func matchSlow(patterns []string, event string) bool {
	if len(patterns) == 0 {
		return true
	}
	for _, p := range patterns {
		switch {
		case p == "*", p == event:
			return true
		case p == "customer.*" || p == "credit_offer.*" || p == "loan.*":
			if strings.HasPrefix(event, strings.TrimSuffix(p, "*")) {
				return true
			}
		}
	}
	return false
}

func validSlow(p string) bool {
	return p == "*" || p == "customer.*" || p == "credit_offer.*" || p == "loan.*" || slices.Contains(catalogue, p)
}

func TestParsePattern(t *testing.T) {
	tests := []struct {
		pattern string
		want    int // number of events
	}{
		{"*", 16}, {"customer.*", 4}, {"credit_offer.*", 2}, {"loan.*", 10},
		{"loan.created", 1}, {"customer.kyc_updated", 1}, {"credit_offer.expired", 1},
	}
	for _, tt := range tests {
		s, err := ParsePattern(tt.pattern)
		if err != nil || s.Len() != tt.want || len(s.Events()) != tt.want {
			t.Errorf("ParsePattern(%q) = %v (%d events), %v; want %d events", tt.pattern, s, s.Len(), err, tt.want)
		}
		for _, e := range catalogue {
			ev, _ := ParseEvent(e)
			if got, want := s.Match(ev), matchSlow([]string{tt.pattern}, e); got != want {
				t.Errorf("ParsePattern(%q).Match(%s) = %v, want %v", tt.pattern, e, got, want)
			}
		}
	}
	for _, bad := range []string{"", "**", "*.*", "loan", "loan.", "loan.**", "LOAN.*", " loan.*", "loan.* ",
		"*.created", "transaction.*", "webhook_endpoint.*", "customer.created,loan.*", "loan.created.*",
		"loan.*.created", "credit_offer", "loan.accepted", strings.Repeat("*", 5000)} {
		s, err := ParsePattern(bad)
		var ve *apierr.Error
		if s != 0 || !errors.As(err, &ve) || ve.Code != apierr.InvalidFormat || ve.Param != "events" ||
			!errors.Is(err, ErrInvalidPattern) {
			t.Errorf("ParsePattern(%q) = %v, %v; want invalid_format/events/ErrInvalidPattern", bad, s, err)
			continue
		}
		if !strings.Contains(ve.Detail, quote(bad)) {
			t.Errorf("ParsePattern(%q) detail %q does not name the pattern", bad, ve.Detail)
		}
	}
}

func TestParsePatterns(t *testing.T) {
	for _, empty := range [][]string{nil, {}} {
		if s, err := ParsePatterns(empty); err != nil || s != AllEvents || s.Len() != 16 {
			t.Errorf("ParsePatterns(%v) = %v, %v; want AllEvents", empty, s, err)
		}
	}
	s, err := ParsePatterns([]string{"credit_offer.*", "loan.finished", "loan.finished", "customer.active"})
	if err != nil || s.String() != "customer.active,credit_offer.available,credit_offer.expired,loan.finished" {
		t.Errorf("ParsePatterns = %q, %v", s, err)
	}
	_, err = ParsePatterns([]string{"loan.*", "loans.*"})
	if err == nil || err.Error() != `invalid_format: invalid event pattern "loans.*" at events[1]; `+
		`want "*", "customer.*", "credit_offer.*", "loan.*" or an event name such as "loan.created"` {
		t.Errorf("ParsePatterns error = %v", err)
	}
	if ok, err := MatchPatterns([]string{"customer.*"}, EventLoanCreated); ok || err != nil {
		t.Errorf("MatchPatterns(customer.*, loan.created) = %v, %v", ok, err)
	}
	if ok, err := MatchPatterns([]string{"bad"}, EventLoanCreated); ok || err == nil {
		t.Errorf("MatchPatterns(bad) = %v, %v", ok, err)
	}
	var zero EventSet
	if zero.Match(EventLoanCreated) || zero.Len() != 0 || zero.String() != "" || len(zero.Events()) != 0 {
		t.Error("the zero EventSet is not empty")
	}
	if AllEvents.String() != "*" || AllEvents.Match(0) || AllEvents.Match(17) {
		t.Error("AllEvents misbehaves")
	}
	if SetOf(EventLoanCreated, 0, 200, EventLoanCreated) != SetOf(EventLoanCreated) {
		t.Error("SetOf does not ignore non-events")
	}
}

// TestPatternsMatchSlowReference: on random pattern lists drawn from valid patterns and
// near misses, ParsePatterns accepts exactly the lists the slow validator accepts and
// matches exactly as the slow matcher does.
func TestPatternsMatchSlowReference(t *testing.T) {
	pool := append([]string{"*", "customer.*", "credit_offer.*", "loan.*", "loan", "loan.", "*.*",
		"Customer.*", "loan.accepted", ""}, catalogue...)
	rapid.Check(t, func(t *rapid.T) {
		ps := rapid.SliceOfN(rapid.SampledFrom(pool), 0, 5).Draw(t, "patterns")
		s, err := ParsePatterns(ps)
		valid := true
		for _, p := range ps {
			valid = valid && validSlow(p)
		}
		if (err == nil) != valid {
			t.Fatalf("ParsePatterns(%q) error = %v, want valid = %v", ps, err, valid)
		}
		if !valid {
			return
		}
		var expanded []string
		for _, name := range catalogue {
			e, _ := ParseEvent(name)
			if s.Match(e) != matchSlow(ps, name) {
				t.Fatalf("ParsePatterns(%q).Match(%s) = %v, slow matcher says %v", ps, name, s.Match(e), !s.Match(e))
			}
			if matchSlow(ps, name) {
				expanded = append(expanded, name)
			}
		}
		if got := names(s.Events()); !slices.Equal(got, expanded) && !(len(got) == 0 && len(expanded) == 0) {
			t.Fatalf("Events() = %v, want %v", got, expanded)
		}
	})
}

func TestEnvelopeJSON(t *testing.T) {
	sp := time.FixedZone("BRT", -3*3600)
	env := Envelope{
		Type:      EventLoanPaymentReceived,
		Timestamp: time.Date(2026, 5, 15, 10, 0, 0, 0, sp),
		Data: map[string]any{"payment": Payment{Amount: decimal.RequireFromString("150.5"),
			PaidAt: time.Date(2026, 5, 15, 9, 59, 30, 0, sp), InstallmentNumber: 2}},
	}
	b, err := json.Marshal(env)
	want := `{"type":"loan.payment_received","timestamp":"2026-05-15T13:00:00Z","data":{"payment":` +
		`{"amount":"150.50","paid_at":"2026-05-15T12:59:30Z","installment_number":2}}}`
	if err != nil || string(b) != want {
		t.Errorf("json.Marshal(envelope) = %s, %v\nwant %s", b, err, want)
	}
	// A receiver (a mock, a test) decodes the same body with the standard decoder.
	var back struct {
		Type      Event     `json:"type"`
		Timestamp time.Time `json:"timestamp"`
		Data      struct {
			Payment Payment `json:"payment"`
		} `json:"data"`
	}
	if err := json.Unmarshal(b, &back); err != nil || back.Type != EventLoanPaymentReceived ||
		!back.Timestamp.Equal(env.Timestamp) || money.Format(back.Data.Payment.Amount) != "150.50" ||
		back.Data.Payment.InstallmentNumber != 2 {
		t.Errorf("json.Unmarshal(envelope) = %+v, %v", back, err)
	}
	if _, err := json.Marshal(Envelope{}); !errors.Is(err, ErrUnknownEvent) {
		t.Errorf("json.Marshal(Envelope{}) error = %v, want ErrUnknownEvent", err)
	}
}

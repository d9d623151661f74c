package webhook_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/statemachine"
	"github.com/dinie/lending/webhook"
	"pgregory.net/rapid"
)

// catalogue is the API's table of events, copied by hand: 4 customer, 2 credit offer
// and 10 loan events.
var catalogue = []string{
	"customer.created", "customer.under_review", "customer.kyc_updated", "customer.active",
	"credit_offer.available", "credit_offer.expired",
	"loan.created", "loan.contract_generated", "loan.awaiting_signatures", "loan.signed",
	"loan.disbursing", "loan.active", "loan.payment_received", "loan.finished",
	"loan.cancelled", "loan.error",
}

func names(es []statemachine.Event) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.String())
	}
	return out
}

func event(t testing.TB, name string) statemachine.Event {
	e, err := statemachine.ParseEvent(name)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// matchSlow is the obvious string matcher of the pattern rules, the reference the
// compiled Patterns are checked against.
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

func TestAllEventsIsTheCatalogue(t *testing.T) {
	if got := names(statemachine.Events()); !slices.Equal(got, catalogue) {
		t.Fatalf("statemachine.Events() = %v", got)
	}
	if webhook.PatternsOf(statemachine.Events()...) != webhook.AllEvents || webhook.AllEvents.Len() != 16 {
		t.Error("AllEvents is not the set of the catalogue")
	}
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
		s, err := webhook.ParsePattern(tt.pattern)
		if err != nil || s.Len() != tt.want || len(s.Events()) != tt.want {
			t.Errorf("ParsePattern(%q) = %v (%d events), %v; want %d events", tt.pattern, s, s.Len(), err, tt.want)
		}
		for _, e := range catalogue {
			if got, want := s.Match(event(t, e)), matchSlow([]string{tt.pattern}, e); got != want {
				t.Errorf("ParsePattern(%q).Match(%s) = %v, want %v", tt.pattern, e, got, want)
			}
		}
	}
	for _, bad := range []string{"", "**", "*.*", "loan", "loan.", "loan.**", "LOAN.*", " loan.*", "loan.* ",
		"*.created", "transaction.*", "webhook_endpoint.*", "kyc_requirement.*", "customer.created,loan.*",
		"loan.created.*", "loan.*.created", "credit_offer", "loan.accepted", strings.Repeat("*", 5000)} {
		s, err := webhook.ParsePattern(bad)
		if s != 0 {
			t.Errorf("ParsePattern(%q) = %v with an error", bad, s)
		}
		checkErr(t, "ParsePattern("+apierr.Quote(bad)+")", err, apierr.InvalidFormat, "events", webhook.ErrInvalidPattern)
		var ve *apierr.Error
		if errors.As(err, &ve) && !strings.Contains(ve.Detail, apierr.Quote(bad)) {
			t.Errorf("ParsePattern(%q) detail %q does not name the pattern", bad, ve.Detail)
		}
	}
}

func TestParsePatterns(t *testing.T) {
	for _, empty := range [][]string{nil, {}} {
		if s, err := webhook.ParsePatterns(empty); err != nil || s != webhook.AllEvents || s.Len() != 16 {
			t.Errorf("ParsePatterns(%v) = %v, %v; want AllEvents", empty, s, err)
		}
	}
	s, err := webhook.ParsePatterns([]string{"credit_offer.*", "loan.finished", "loan.finished", "customer.active"})
	if err != nil || s.String() != "customer.active,credit_offer.available,credit_offer.expired,loan.finished" {
		t.Errorf("ParsePatterns = %q, %v", s, err)
	}
	_, err = webhook.ParsePatterns([]string{"loan.*", "loans.*"})
	if err == nil || err.Error() != `invalid_format: events[1]: invalid event pattern "loans.*"; `+
		`want "*", "customer.*", "credit_offer.*", "loan.*" or an event name such as "loan.created"` {
		t.Errorf("ParsePatterns error = %v", err)
	}
	long := make([]string, webhook.MaxPatterns+1)
	for i := range long {
		long[i] = "*"
	}
	if s, err := webhook.ParsePatterns(long[1:]); err != nil || s != webhook.AllEvents {
		t.Errorf("ParsePatterns(100 patterns) = %v, %v", s, err)
	}
	_, err = webhook.ParsePatterns(long)
	checkErr(t, "101 patterns", err, apierr.InvalidFormat, "events", apierr.ErrLength)
	if ok, err := webhook.MatchPatterns([]string{"customer.*"}, statemachine.EventLoanCreated); ok || err != nil {
		t.Errorf("MatchPatterns(customer.*, loan.created) = %v, %v", ok, err)
	}
	if ok, err := webhook.MatchPatterns([]string{"bad"}, statemachine.EventLoanCreated); ok || err == nil {
		t.Errorf("MatchPatterns(bad) = %v, %v", ok, err)
	}
	var zero webhook.Patterns
	if zero.Match(statemachine.EventLoanCreated) || zero.Len() != 0 || zero.String() != "" || len(zero.Events()) != 0 {
		t.Error("the zero Patterns is not empty")
	}
	if webhook.AllEvents.String() != "*" || webhook.AllEvents.Match(0) || webhook.AllEvents.Match(17) {
		t.Error("AllEvents misbehaves")
	}
	if webhook.PatternsOf(statemachine.EventLoanCreated, 0, 200, statemachine.EventLoanCreated) !=
		webhook.PatternsOf(statemachine.EventLoanCreated) {
		t.Error("PatternsOf does not ignore non-events")
	}
}

// TestPatternsMatchSlowReference: on random pattern lists drawn from valid patterns
// and near misses, ParsePatterns accepts exactly the lists the slow validator accepts
// and matches exactly as the slow matcher does.
func TestPatternsMatchSlowReference(t *testing.T) {
	pool := append([]string{"*", "customer.*", "credit_offer.*", "loan.*", "loan", "loan.", "*.*",
		"Customer.*", "loan.accepted", ""}, catalogue...)
	rapid.Check(t, func(t *rapid.T) {
		ps := rapid.SliceOfN(rapid.SampledFrom(pool), 0, 5).Draw(t, "patterns")
		checkPatterns(t, ps)
	})
}

func checkPatterns(t tb, ps []string) {
	t.Helper()
	s, err := webhook.ParsePatterns(ps)
	valid := len(ps) <= webhook.MaxPatterns
	for _, p := range ps {
		valid = valid && validSlow(p)
	}
	if (err == nil) != valid {
		t.Fatalf("ParsePatterns(%q) error = %v, want valid = %v", ps, err, valid)
	}
	if !valid {
		if s != 0 || !errors.Is(err, apierr.InvalidFormat) {
			t.Fatalf("ParsePatterns(%q) = %v, %v", ps, s, err)
		}
		return
	}
	var expanded []string
	for _, name := range catalogue {
		e, _ := statemachine.ParseEvent(name)
		if s.Match(e) != matchSlow(ps, name) {
			t.Fatalf("ParsePatterns(%q).Match(%s) = %v, slow matcher says %v", ps, name, s.Match(e), !s.Match(e))
		}
		if matchSlow(ps, name) {
			expanded = append(expanded, name)
		}
	}
	if got := names(s.Events()); !slices.Equal(got, expanded) {
		t.Fatalf("Events() = %v, want %v", got, expanded)
	}
}

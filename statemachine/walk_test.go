package statemachine

import (
	"errors"
	"testing"
	"time"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/calendar"
	"pgregory.net/rapid"
)

// walk drives a lifecycle with random targets (any uint8, so invalid values too) and
// checks the invariants every machine must keep, against the spec's expectation in
// specs: the state is always one of the lifecycle's states; a move succeeds exactly when
// the spec lists the edge (through Transition for free edges, through the internal
// guard-checked path for guarded ones); every event is one of the 16 of the catalogue
// and is what entering the state emits; a terminal state absorbs every attempt.
func walk[S State](t *rapid.T, l *Lifecycle[S], spec specMachine) {
	s, created := l.Create()
	for _, e := range created {
		if !e.Valid() {
			t.Fatalf("creation event %v outside the catalogue", e)
		}
	}
	for step := 0; step < 50; step++ {
		to := S(rapid.IntRange(0, len(spec.all)+2).Draw(t, "to"))
		guardOK := rapid.Bool().Draw(t, "guardOK")
		key := s.String() + ">" + to.String()
		guarded, allowed := spec.edges[key]
		wantOK := allowed && (!guarded || guardOK)
		ev, err := l.move(s, to, guardOK)
		if wantOK != (err == nil) {
			t.Fatalf("%s %s (guardOK %v): error %v, want ok = %v", spec.resource, key, guardOK, err, wantOK)
		}
		if err != nil {
			if ev != nil {
				t.Fatal("events with an error")
			}
			if l.Terminal(s) && !errors.Is(err, ErrTerminal) && to.Valid() {
				t.Fatalf("leaving terminal %s: %v does not match ErrTerminal", s, err)
			}
			continue
		}
		for _, e := range ev {
			if !e.Valid() || e.String() != spec.enter[to.String()] {
				t.Fatalf("%s: event %v, want %q", key, e, spec.enter[to.String()])
			}
		}
		if len(ev) == 0 && spec.enter[to.String()] != "" {
			t.Fatalf("%s: no event, want %s", key, spec.enter[to.String()])
		}
		s = to
		if !s.Valid() || !l.has(s) {
			t.Fatalf("walked into %v", s)
		}
	}
	if l.Terminal(s) {
		for _, to := range l.States() {
			if _, err := l.move(s, to, true); err == nil {
				t.Fatalf("terminal %s left for %s", s, to)
			}
		}
	}
}

func TestRandomWalks(t *testing.T) {
	t.Run("customer", func(t *testing.T) {
		rapid.Check(t, func(t *rapid.T) { walk(t, CustomerLifecycle(), specs["customer"]) })
	})
	t.Run("kyc_document", func(t *testing.T) {
		rapid.Check(t, func(t *rapid.T) { walk(t, KYCDocumentLifecycle(), specs["kyc_document"]) })
	})
	t.Run("kyc_data", func(t *testing.T) {
		rapid.Check(t, func(t *rapid.T) { walk(t, KYCDataLifecycle(), specs["kyc_data"]) })
	})
	t.Run("credit_offer", func(t *testing.T) {
		rapid.Check(t, func(t *rapid.T) { walk(t, OfferLifecycle(), specs["credit_offer"]) })
	})
	t.Run("loan", func(t *testing.T) {
		rapid.Check(t, func(t *rapid.T) { walk(t, LoanLifecycle(), specs["loan"]) })
	})
	t.Run("transaction", func(t *testing.T) {
		rapid.Check(t, func(t *rapid.T) { walk(t, InstallmentLifecycle(), specs["transaction"]) })
	})
	t.Run("webhook_endpoint", func(t *testing.T) {
		rapid.Check(t, func(t *rapid.T) { walk(t, WebhookLifecycle(), specs["webhook_endpoint"]) })
	})
	t.Run("credential", func(t *testing.T) {
		rapid.Check(t, func(t *rapid.T) { walk(t, CredentialLifecycle(), specs["credential"]) })
	})
}

// TestOfferWalk moves an offer through random actions at advancing instants (settling,
// requesting a loan, cancelling it) and checks that every status change is an edge of the
// offer's table, that the events are the ones entering the new status emits, and that an
// offer is never accepted after valid_until nor available after it once settled.
func TestOfferWalk(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		vu := time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)
		now := vu.Add(-time.Duration(rapid.IntRange(0, 72).Draw(t, "start")) * time.Hour)
		o := offerOf(OfferAvailable, vu)
		sims := []*fakeQuote{{id: simNew, created: now.Add(-time.Minute), n: 3,
			value: 1000, release: mustDate(t, "2026-04-30"), first: mustDate(t, "2026-05-01")}}
		req := LoanRequest{SimulationID: simNew, Installments: 3, InstallmentsValue: dec("10.00"),
			FirstDueDate: mustDate(t, "2026-05-01")}
		for step := 0; step < 20; step++ {
			now = now.Add(time.Duration(rapid.IntRange(0, 20).Draw(t, "gap")) * time.Hour)
			var (
				n   Offer
				ev  []Event
				err error
			)
			switch rapid.IntRange(0, 2).Draw(t, "action") {
			case 0:
				if n, ev, err = o.At(now); err != nil {
					t.Fatal(err)
				}
			case 1:
				var org Origination[*fakeQuote]
				org, err = RequestLoan(CustomerActive, o, sims, req, now)
				n, ev = org.Offer, org.Events
				if err == nil {
					if now.After(vu) || o.Status != OfferAvailable {
						t.Fatalf("loan accepted at %s on a %s offer", now, o.Status)
					}
					ev = ev[:0] // loan.created belongs to the loan
				} else {
					n = o
				}
			case 2:
				n, ev, err = o.LoanCancelled(now)
				if err != nil && (o.Status == OfferAccepted || !errors.Is(err, apierr.InvalidTransition)) {
					t.Fatalf("LoanCancelled on %s: %v", o.Status, err)
				}
				if err != nil {
					n = o
				}
			}
			if n.Status != o.Status {
				if !OfferLifecycle().Allowed(o.Status, n.Status) {
					t.Fatalf("%s → %s is not an edge", o.Status, n.Status)
				}
				if e := OfferLifecycle().Enter(n.Status); e != 0 && !slicesEqual(ev, e) || e == 0 && len(ev) != 0 {
					t.Fatalf("%s → %s emitted %v", o.Status, n.Status, ev)
				}
				if n.Status == OfferAvailable && now.After(vu) {
					t.Fatalf("available again after valid_until")
				}
			} else if len(ev) != 0 {
				t.Fatalf("events %v without a status change", ev)
			}
			if o.Status == OfferExpired && n.Status != OfferExpired {
				t.Fatal("expired offer revived")
			}
			o = n
		}
	})
}

func mustDate(t *rapid.T, s string) calendar.Date {
	return date(t, s)
}

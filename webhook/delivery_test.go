package webhook_test

import (
	"errors"
	"testing"
	"time"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/statemachine"
	"github.com/dinie/lending/validation"
	"github.com/dinie/lending/webhook"
)

const weID = "we_550e8400e29b41d4a716446655440000"

func TestNewEndpoint(t *testing.T) {
	s := secretOf(0, 32)
	ep, err := webhook.NewEndpoint(weID, "https://partner.example/hooks", []string{"loan.*"}, s)
	if err != nil || ep.Status != statemachine.WebhookActive || ep.Events.Len() != 10 || len(ep.Secrets) != 1 ||
		ep.Secrets[0].Secret != s || !ep.Secrets[0].ExpiresAt.IsZero() || ep.ID != weID {
		t.Fatalf("NewEndpoint = %+v, %v", ep, err)
	}
	all, err := webhook.NewEndpoint(weID, "https://partner.example/hooks", nil, s)
	if err != nil || all.Events != webhook.AllEvents {
		t.Errorf("NewEndpoint(no patterns) = %v, %v", all.Events, err)
	}
	// Every field at fault is reported, in order.
	_, err = webhook.NewEndpoint("ln_550e8400e29b41d4a716446655440000", "http://partner.example/hooks",
		[]string{"loans.*"}, webhook.Secret{})
	var es apierr.Errors
	if !errors.As(err, &es) || len(es) != 4 {
		t.Fatalf("NewEndpoint(all bad) = %v", err)
	}
	checkErr(t, "id", es[0], apierr.InvalidFormat, "id", apierr.ErrPrefix)
	checkErr(t, "url", es[1], apierr.InvalidFormat, "url", validation.ErrScheme)
	checkErr(t, "events", es[2], apierr.InvalidFormat, "events[0]", webhook.ErrInvalidPattern)
	checkErr(t, "secret", es[3], apierr.InvalidFormat, "secret", apierr.ErrEmpty)
}

func TestRecipients(t *testing.T) {
	mk := func(patterns []string, status statemachine.WebhookStatus) webhook.Endpoint {
		ep, err := webhook.NewEndpoint(weID, "https://partner.example/hooks", patterns, secretOf(0, 32))
		if err != nil {
			t.Fatal(err)
		}
		ep.Status = status
		return ep
	}
	eps := []webhook.Endpoint{
		mk(nil, statemachine.WebhookActive),                                            // 0: every event
		mk([]string{"loan.*"}, statemachine.WebhookActive),                             // 1
		mk([]string{"customer.*"}, statemachine.WebhookActive),                         // 2
		mk([]string{"loan.payment_received"}, statemachine.WebhookDisabled),            // 3: disabled
		mk([]string{"*"}, statemachine.WebhookDeleted),                                 // 4: deleted
		mk([]string{"credit_offer.expired", "loan.error"}, statemachine.WebhookActive), // 5
	}
	for _, c := range []struct {
		event statemachine.Event
		want  []int
	}{
		{statemachine.EventLoanPaymentReceived, []int{0, 1}},
		{statemachine.EventCustomerCreated, []int{0, 2}},
		{statemachine.EventCreditOfferExpired, []int{0, 5}},
		{statemachine.EventLoanError, []int{0, 1, 5}},
		{statemachine.EventCreditOfferAvailable, []int{0}},
		{0, nil},
	} {
		got := webhook.Recipients(eps, c.event)
		if len(got) != len(c.want) {
			t.Errorf("Recipients(%s) = %d endpoints, want %v", c.event, len(got), c.want)
			continue
		}
		for i, k := range c.want {
			if got[i].Events != eps[k].Events || got[i].Status != eps[k].Status {
				t.Errorf("Recipients(%s)[%d] is not endpoint %d", c.event, i, k)
			}
		}
	}
	// The signing secrets of an endpoint are its valid ones.
	got, err := eps[0].SigningSecrets(t0)
	if err != nil || len(got) != 1 || got[0] != secretOf(0, 32) {
		t.Errorf("SigningSecrets = %v, %v", values(got), err)
	}
}

// TestRetryDelay: the schedule is Standard Webhooks' example (spec, "Deliverability
// and reliability"), whose table gives the time since the first attempt of each; the
// delays must add up to that column.
func TestRetryDelay(t *testing.T) {
	sinceStart := []string{"0s", "5s", "5m5s", "35m5s", "2h35m5s", "7h35m5s", "17h35m5s", "31h35m5s", "51h35m5s", "75h35m5s"}
	var total time.Duration
	for attempt := 1; attempt <= webhook.MaxAttempts; attempt++ {
		d, ok := webhook.RetryDelay(attempt)
		if !ok {
			t.Fatalf("RetryDelay(%d) is not an attempt", attempt)
		}
		if attempt > 2 {
			prev, _ := webhook.RetryDelay(attempt - 1)
			if d <= prev {
				t.Errorf("RetryDelay(%d) = %v does not back off from %v", attempt, d, prev)
			}
		}
		total += d
		if want, _ := time.ParseDuration(sinceStart[attempt-1]); total != want {
			t.Errorf("attempt %d comes %v after the first, want %v", attempt, total, want)
		}
	}
	for _, a := range []int{0, -1, 11, 1 << 30} {
		if d, ok := webhook.RetryDelay(a); ok || d != 0 {
			t.Errorf("RetryDelay(%d) = %v, %v", a, d, ok)
		}
	}
	if d, _ := webhook.RetryDelay(webhook.MaxAttempts); d != 24*time.Hour {
		t.Errorf("the cap is %v", d)
	}
}

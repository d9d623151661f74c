package webhook

import (
	"time"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/statemachine"
	"github.com/dinie/lending/validation"
)

// Endpoint is a partner's webhook endpoint as a sender needs it: where to post, which
// events, whether it is active, and its secrets. Build one with NewEndpoint, or fill
// the fields from storage; Endpoint is a plain value and its methods never modify it.
type Endpoint struct {
	// ID is the endpoint's id, we_ and 32 lowercase hex digits.
	ID string
	// URL is the absolute https URL deliveries are posted to.
	URL string
	// Events is the compiled form of the endpoint's event patterns (ParsePatterns).
	Events Patterns
	// Status is active or disabled (statemachine.WebhookLifecycle); only an active
	// endpoint receives deliveries.
	Status statemachine.WebhookStatus
	// Secrets are the endpoint's signing secrets: the current one, and those rotated
	// out that have not yet expired (RotateSecret).
	Secrets []EndpointSecret
}

// NewEndpoint returns a new active endpoint with one current secret, after checking
// every field: id as validation.CheckID for a webhook endpoint (param
// webhook_endpoint_id relabelled id), url as validation.ParseWebhookURL (param url),
// patterns as ParsePatterns (param events; empty means every event), and a non-zero
// secret (invalid_format, param secret). The failures of all fields come together in
// an apierr.Errors, in that order.
func NewEndpoint(id, url string, patterns []string, secret Secret) (Endpoint, error) {
	var errs apierr.Errors
	errs = errs.Append(apierr.Relabel(validation.CheckID(id, validation.WebhookEndpoint), "id"))
	if _, err := validation.ParseWebhookURL(url); err != nil {
		errs = errs.Append(err)
	}
	events, err := ParsePatterns(patterns)
	errs = errs.Append(err)
	if secret.key == "" {
		errs = errs.Append(apierr.Wrap(apierr.ErrEmpty, apierr.InvalidFormat, "secret",
			"secret is the zero Secret; want one from GenerateSecret or ParseSecret"))
	}
	if err := errs.Err(); err != nil {
		return Endpoint{}, err
	}
	return Endpoint{ID: id, URL: url, Events: events, Status: statemachine.WebhookActive,
		Secrets: []EndpointSecret{{Secret: secret}}}, nil
}

// Receives reports whether the endpoint gets deliveries of event e: it is active and
// its patterns match e.
func (ep Endpoint) Receives(e statemachine.Event) bool {
	return ep.Status == statemachine.WebhookActive && ep.Events.Match(e)
}

// SigningSecrets returns the secrets that sign a delivery attempted at instant at,
// the current one first: ValidSecrets of the endpoint's secrets, with its errors.
func (ep Endpoint) SigningSecrets(at time.Time) ([]Secret, error) {
	return ValidSecrets(ep.Secrets, at)
}

// Recipients returns, in a new slice and in the order given, the endpoints that
// receive event e (Endpoint.Receives). Delivery is at least once: each gets the event
// until it acknowledges it, and dedups on webhook-id. The endpoints returned share
// their Secrets with the input; neither is modified. The cost is one bit test per
// endpoint.
func Recipients(endpoints []Endpoint, e statemachine.Event) []Endpoint {
	var out []Endpoint
	for _, ep := range endpoints {
		if ep.Receives(e) {
			out = append(out, ep)
		}
	}
	return out
}

// MaxAttempts is the number of attempts of a delivery: the first and nine retries.
const MaxAttempts = 10

// retrySchedule is Standard Webhooks' example schedule: the delay before attempt n+1,
// after attempt n failed.
var retrySchedule = [MaxAttempts]time.Duration{
	0, // the first attempt goes at once
	5 * time.Second,
	5 * time.Minute,
	30 * time.Minute,
	2 * time.Hour,
	5 * time.Hour,
	10 * time.Hour,
	14 * time.Hour,
	20 * time.Hour,
	24 * time.Hour,
}

// RetryDelay returns how long to wait before attempt number attempt (1 to
// MaxAttempts) of a delivery, counted from the failure of the attempt before it: 0
// for the first attempt (at once), then 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h,
// 20 h and 24 h. ok is false for an attempt outside 1 to MaxAttempts: after the tenth
// failure the delivery is abandoned (and the sender tells the partner by other means,
// and may disable the endpoint).
//
// The numbers are Standard Webhooks' recommended schedule: exponential backoff at
// first (×60, ×6, ×4, ×2.5, ×2), growing more slowly after 5 h up to a cap of 24 h, so
// that a receiver down for a moment recovers within seconds and one down for a
// weekend still gets the event: the tenth attempt comes 75 h 35 min 5 s after the
// first. The function is pure; a sender adds its own random jitter (Standard Webhooks
// recommends some) so that retries of many deliveries do not arrive together.
func RetryDelay(attempt int) (delay time.Duration, ok bool) {
	if attempt < 1 || attempt > MaxAttempts {
		return 0, false
	}
	return retrySchedule[attempt-1], true
}

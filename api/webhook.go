package api

import (
	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/statemachine"
	"github.com/dinie/lending/webhook"
)

// WebhookEndpoint is the API's webhook endpoint resource (we_) on the wire. Secret is
// written only in the responses that create the endpoint or rotate its secret (a
// non-empty value, the new current secret); every other response omits it.
type WebhookEndpoint struct {
	ID          string                     `json:"id"`
	URL         string                     `json:"url"`
	Events      []string                   `json:"events"`
	Description *string                    `json:"description"`
	Status      statemachine.WebhookStatus `json:"status"`
	Secret      string                     `json:"secret,omitempty"`
	CreatedAt   Instant                    `json:"created_at"`
}

// MarshalJSON writes the endpoint, with an empty events array (every event) rather
// than null.
func (e WebhookEndpoint) MarshalJSON() ([]byte, error) {
	type plain WebhookEndpoint
	if e.Events == nil {
		e.Events = []string{}
	}
	return jsonMarshal(plain(e))
}

// WithSecret returns e showing secret, for the creation and rotation responses.
func (e WebhookEndpoint) WithSecret(secret webhook.Secret) WebhookEndpoint {
	e.Secret = secret.Encode()
	return e
}

// WebhookEndpointFields is the body of POST /webhook-endpoints (url required) and of
// PATCH /webhook-endpoints/{id} (every field optional; status active or disabled). A
// nil field was absent.
type WebhookEndpointFields struct {
	URL         *string                     `json:"url"`
	Events      *[]string                   `json:"events"`
	Description *string                     `json:"description"`
	Status      *statemachine.WebhookStatus `json:"status"`
}

// CheckStatus checks the status a request sets, if any: the wire's endpoint statuses
// are active and disabled. deleted ends the lifecycle (statemachine.WebhookDeleted)
// but is no status a client sets — DELETE removes an endpoint — so it is
// invalid_format (param status), as any other string.
func (f WebhookEndpointFields) CheckStatus() error {
	if f.Status == nil || *f.Status == statemachine.WebhookActive || *f.Status == statemachine.WebhookDisabled {
		return nil
	}
	return apierr.Wrap(statemachine.ErrUnknownStatus, apierr.InvalidFormat, "status",
		"status %s is not one an endpoint is set to; expected \"active\" or \"disabled\" (DELETE removes an endpoint)",
		apierr.Quote(f.Status.String()))
}

// RotateSecretRequest is the body of POST /webhook-endpoints/{id}/rotate-secret:
// expire_current_in, the seconds the current secret keeps signing (absent:
// webhook.DefaultExpireCurrentIn).
type RotateSecretRequest struct {
	ExpireCurrentIn *int `json:"expire_current_in"`
}

// Deleted is the answer to a DELETE: the id and "deleted": true.
type Deleted struct {
	ID      string `json:"id"`
	Deleted bool   `json:"deleted"`
}

// WebhookEndpointOf is the wire form of endpoint ep: its id, url and status, the
// event patterns as the client sent them (patterns, which ep.Events compiles; nil is
// every event, written []), the description and the instant it was created. It shows
// no secret; WithSecret adds the one the creation and rotation responses carry. The
// patterns slice is copied.
func WebhookEndpointOf(ep webhook.Endpoint, patterns []string, description *string, createdAt Instant) WebhookEndpoint {
	return WebhookEndpoint{ID: ep.ID, URL: ep.URL, Events: append([]string{}, patterns...), Description: description,
		Status: ep.Status, CreatedAt: createdAt}
}

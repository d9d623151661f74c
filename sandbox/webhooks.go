package sandbox

import (
	"net"
	"net/http"
	"net/url"
	"strings"

	"github.com/dinie/lending/api"
	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/statemachine"
	"github.com/dinie/lending/validation"
	"github.com/dinie/lending/webhook"
)

type endpointRec struct {
	partner     string
	ep          webhook.Endpoint
	patterns    []string // as the partner sent them; ep.Events compiles them
	description *string
	createdAt   api.Instant
}

// wire is the endpoint as the API shows it, without its secret.
func (rec *endpointRec) wire() api.WebhookEndpoint {
	return api.WebhookEndpointOf(rec.ep, rec.patterns, rec.description, rec.createdAt)
}

func (s *Server) webhookRoutes() {
	s.route(http.MethodPost, "/webhook-endpoints", true, (*call).createEndpoint)
	s.route(http.MethodGet, "/webhook-endpoints", true, (*call).listEndpoints)
	s.route(http.MethodGet, "/webhook-endpoints/{id}", true, (*call).getEndpoint)
	s.route(http.MethodPatch, "/webhook-endpoints/{id}", true, (*call).updateEndpoint)
	s.route(http.MethodDelete, "/webhook-endpoints/{id}", true, (*call).deleteEndpoint)
	s.route(http.MethodPost, "/webhook-endpoints/{id}/rotate-secret", true, (*call).rotateSecret)
}

// checkURL is the contract's rule for an endpoint URL (validation.ParseWebhookURL:
// absolute https), which the sandbox relaxes for http:// on a loopback address so a
// partner's CI can receive on localhost; nothing else.
func checkURL(raw string) error {
	err := func() error { _, err := validation.ParseWebhookURL(raw); return err }()
	if err == nil {
		return nil
	}
	u, perr := url.Parse(raw)
	if perr == nil && u.Scheme == "http" && u.User == nil && isLoopback(u.Hostname()) {
		return nil
	}
	return err
}

func isLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func (c *call) createEndpoint() (int, any, error) {
	var f api.WebhookEndpointFields
	if err := api.DecodeBytes(c.body, &f); err != nil {
		return 0, nil, err
	}
	var errs apierr.Errors
	if f.URL == nil {
		errs = errs.Append(apierr.Wrap(apierr.ErrEmpty, apierr.MissingRequiredField, "url", "url is required"))
	} else {
		errs = errs.Append(checkURL(*f.URL))
	}
	var patterns []string
	if f.Events != nil {
		patterns = *f.Events
	}
	set, err := webhook.ParsePatterns(patterns)
	errs = errs.Append(err)
	if f.Description != nil {
		errs = errs.Append(api.CheckName("description", *f.Description))
	}
	if f.Status != nil {
		errs = errs.Append(apierr.Errorf(apierr.InvalidFormat, "status", "a new endpoint is active; status is set by an update"))
	}
	if err := errs.Err(); err != nil {
		return 0, nil, err
	}
	if err := full(len(c.s.st.endpoints)); err != nil {
		return 0, nil, err
	}
	id, err := c.s.newID(validation.WebhookEndpoint)
	if err != nil {
		return 0, nil, err
	}
	secret, err := webhook.GenerateSecret(c.s.rnd)
	if err != nil {
		return 0, nil, err
	}
	rec := &endpointRec{partner: c.partner, patterns: append([]string(nil), patterns...),
		description: f.Description, createdAt: api.InstantOf(c.s.now()),
		ep: webhook.Endpoint{ID: id, URL: *f.URL, Events: set, Status: statemachine.WebhookActive,
			Secrets: []webhook.EndpointSecret{{Secret: secret}}}}
	c.s.st.endpoints[id] = rec
	c.s.st.epOrder = append(c.s.st.epOrder, id)
	return http.StatusCreated, rec.wire().WithSecret(secret), nil
}

func (c *call) endpoint() (*endpointRec, error) {
	id := c.r.PathValue("id")
	if err := validation.CheckID(id, validation.WebhookEndpoint); err != nil {
		return nil, apierr.Relabel(err, "id")
	}
	rec, ok := c.s.st.endpoints[id]
	if !ok || rec.partner != c.partner {
		return nil, notFound("webhook_endpoint", id)
	}
	return rec, nil
}

func (c *call) getEndpoint() (int, any, error) {
	rec, err := c.endpoint()
	if err != nil {
		return 0, nil, err
	}
	return http.StatusOK, rec.wire(), nil
}

func (c *call) listEndpoints() (int, any, error) {
	var list []api.WebhookEndpoint
	for i := len(c.s.st.epOrder) - 1; i >= 0; i-- {
		if rec := c.s.st.endpoints[c.s.st.epOrder[i]]; rec.partner == c.partner {
			list = append(list, rec.wire())
		}
	}
	page, err := pageOf(c.r, list, func(x api.WebhookEndpoint) string { return x.ID }, validation.WebhookEndpoint)
	return http.StatusOK, page, err
}

// updateEndpoint is PATCH: url, events, description, and status through the
// endpoint's lifecycle (active ⇄ disabled).
func (c *call) updateEndpoint() (int, any, error) {
	rec, err := c.endpoint()
	if err != nil {
		return 0, nil, err
	}
	var f api.WebhookEndpointFields
	if err := api.DecodeBytes(c.body, &f); err != nil {
		return 0, nil, err
	}
	next := *rec
	var errs apierr.Errors
	if f.URL != nil {
		if err := checkURL(*f.URL); err != nil {
			errs = errs.Append(err)
		} else {
			next.ep.URL = *f.URL
		}
	}
	if f.Events != nil {
		if set, err := webhook.ParsePatterns(*f.Events); err != nil {
			errs = errs.Append(err)
		} else {
			next.patterns = append([]string(nil), *f.Events...)
			next.ep.Events = set
		}
	}
	if f.Description != nil {
		if err := api.CheckName("description", *f.Description); err != nil {
			errs = errs.Append(err)
		} else {
			next.description = f.Description
		}
	}
	if err := f.CheckStatus(); err != nil {
		errs = errs.Append(err)
	} else if f.Status != nil && *f.Status != rec.ep.Status {
		if _, err := statemachine.WebhookLifecycle().Transition(rec.ep.Status, *f.Status); err != nil {
			errs = errs.Append(err)
		} else {
			next.ep.Status = *f.Status
		}
	}
	if err := errs.Err(); err != nil {
		return 0, nil, err
	}
	*rec = next
	return http.StatusOK, rec.wire(), nil
}

func (c *call) deleteEndpoint() (int, any, error) {
	rec, err := c.endpoint()
	if err != nil {
		return 0, nil, err
	}
	delete(c.s.st.endpoints, rec.ep.ID)
	for i, id := range c.s.st.epOrder {
		if id == rec.ep.ID {
			c.s.st.epOrder = append(c.s.st.epOrder[:i:i], c.s.st.epOrder[i+1:]...)
			break
		}
	}
	return http.StatusOK, api.Deleted{ID: rec.ep.ID, Deleted: true}, nil
}

// rotateSecret is POST /webhook-endpoints/{id}/rotate-secret: a new current secret;
// the old one keeps signing for expire_current_in seconds.
func (c *call) rotateSecret() (int, any, error) {
	rec, err := c.endpoint()
	if err != nil {
		return 0, nil, err
	}
	var rq api.RotateSecretRequest
	if len(c.body) > 0 {
		if err := api.DecodeBytes(c.body, &rq); err != nil {
			return 0, nil, err
		}
	}
	in := webhook.DefaultExpireCurrentIn
	if rq.ExpireCurrentIn != nil {
		in = *rq.ExpireCurrentIn
	}
	secret, err := webhook.GenerateSecret(c.s.rnd)
	if err != nil {
		return 0, nil, err
	}
	secrets, err := webhook.RotateSecret(rec.ep.Secrets, secret, c.s.now(), in)
	if err != nil {
		return 0, nil, err
	}
	rec.ep.Secrets = secrets
	return http.StatusOK, rec.wire().WithSecret(secret), nil
}

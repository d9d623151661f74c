package sandbox

import (
	"crypto/subtle"
	"net/http"
	"strings"
	"time"

	"github.com/dinie/lending/api"
	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/statemachine"
	"github.com/dinie/lending/validation"
)

func (s *Server) authRoutes() {
	s.route(http.MethodPost, "/auth/token", false, (*call).token)
	s.route(http.MethodPost, "/auth/credentials", true, (*call).createCredential)
	s.route(http.MethodGet, "/auth/credentials", true, (*call).listCredentials)
	s.route(http.MethodDelete, "/auth/credentials/{client_id}", true, (*call).revokeCredential)
}

// newCredential mints a credential of the sandbox environment for partner ("" makes
// the credential a new partner of its own), expiring at expiresAt (zero: never).
// Callers hold s.mu.
func (s *Server) newCredential(name, partner string, expiresAt time.Time) (api.Credential, error) {
	if err := full(len(s.st.credentials)); err != nil {
		return api.Credential{}, err
	}
	id, err := s.newID(validation.Credential)
	if err != nil {
		return api.Credential{}, err
	}
	secret, err := api.NewClientSecret(validation.Sandbox, s.rnd)
	if err != nil {
		return api.Credential{}, err
	}
	if partner == "" {
		partner = id
	}
	state, err := statemachine.NewCredential(s.now(), expiresAt)
	if err != nil {
		return api.Credential{}, err
	}
	rec := &credentialRec{partner: partner, secret: secret, state: state,
		wire: api.CredentialOf(id, name, state, api.InstantOf(s.now()))}
	s.st.credentials[id] = rec
	s.st.credOrder = append(s.st.credOrder, id)
	return rec.wire.WithSecret(secret), nil
}

// token is POST /auth/token: HTTP Basic client_id:client_secret (RFC 6749 §2.3.1).
func (c *call) token() (int, any, error) {
	id, secret, ok := c.r.BasicAuth()
	if !ok {
		return 0, nil, apierr.Errorf(apierr.MissingToken, "authorization",
			"POST /auth/token needs HTTP Basic authentication with client_id and client_secret")
	}
	if err := validation.CheckClientSecret(secret, validation.Sandbox); err != nil {
		return 0, nil, err // a live secret here is forbidden (403)
	}
	rec, found := c.s.st.credentials[id]
	// Compare even when the id is unknown, so timing does not tell which ids exist.
	want := "dinie_cs_test_000000000000000000000000000000000000000000000000"
	if found {
		want = rec.secret
	}
	if subtle.ConstantTimeCompare([]byte(secret), []byte(want)) != 1 || !found {
		return 0, nil, apierr.Errorf(apierr.InvalidToken, "authorization", "client_id and client_secret do not match a credential")
	}
	now := c.s.now()
	if err := rec.state.CanIssue(now); err != nil {
		return 0, nil, err
	}
	tok, err := api.IssueAccessToken(c.s.key, id, now)
	if err != nil {
		return 0, nil, err
	}
	return http.StatusOK, api.NewToken(tok), nil
}

// authenticate checks the bearer token of r and returns its client id.
func (s *Server) authenticate(r *http.Request) (string, error) {
	h := r.Header.Get("Authorization")
	if h == "" {
		return "", apierr.Errorf(apierr.MissingToken, "authorization", "the request has no Authorization: Bearer token")
	}
	tok, ok := strings.CutPrefix(h, "Bearer ")
	if !ok {
		return "", apierr.Errorf(apierr.InvalidToken, "authorization", "Authorization is not a Bearer token")
	}
	id, issued, err := api.ParseAccessToken(s.key, tok)
	if err != nil {
		return "", err
	}
	rec, found := s.st.credentials[id]
	if !found {
		return "", apierr.Errorf(apierr.InvalidToken, "authorization", "the token's credential does not exist")
	}
	if err := rec.state.TokenValid(issued, s.now()); err != nil {
		return "", err
	}
	return id, nil
}

func (c *call) createCredential() (int, any, error) {
	var req api.CredentialRequest
	if err := api.DecodeBytes(c.body, &req); err != nil {
		return 0, nil, err
	}
	if err := api.CheckName("name", req.Name); err != nil {
		return 0, nil, err
	}
	cred, err := c.s.newCredential(req.Name, c.partner, req.ExpiresAt.Time)
	if err != nil {
		return 0, nil, err
	}
	return http.StatusCreated, cred, nil
}

func (c *call) listCredentials() (int, any, error) {
	list := make([]api.Credential, 0, len(c.s.st.credOrder))
	for i := len(c.s.st.credOrder) - 1; i >= 0; i-- {
		if rec := c.s.st.credentials[c.s.st.credOrder[i]]; rec.partner == c.partner {
			list = append(list, rec.wire)
		}
	}
	page, err := pageOf(c.r, list, func(x api.Credential) string { return x.ClientID }, validation.Credential)
	return http.StatusOK, page, err
}

func (c *call) revokeCredential() (int, any, error) {
	id := c.r.PathValue("client_id")
	rec, ok := c.s.st.credentials[id]
	if !ok || rec.partner != c.partner {
		return 0, nil, notFound("client_id", id)
	}
	next, err := rec.state.Revoke(c.s.now())
	if err != nil {
		return 0, nil, err
	}
	rec.state = next
	rec.wire = api.CredentialOf(rec.wire.ClientID, rec.wire.Name, next, rec.wire.CreatedAt)
	return http.StatusOK, rec.wire, nil
}

// pageOf pages a listing by the request's limit and starting_after.
func pageOf[T any](r *http.Request, items []T, id func(T) string, res validation.Resource) (api.List[T], error) {
	q := r.URL.Query()
	limit, err := validation.ParseLimit(q.Get("limit"))
	if err != nil {
		return api.List[T]{}, err
	}
	return api.Page(items, id, res, limit, q.Get("starting_after"))
}

package api

import (
	"github.com/dinie/lending/statemachine"
)

// Credential is the API's credential resource on the wire. ClientSecret is written
// only in the response that creates the credential (a non-empty value); every other
// response omits it — the secret is shown once.
type Credential struct {
	ClientID     string                        `json:"client_id"`
	Name         string                        `json:"name"`
	Status       statemachine.CredentialStatus `json:"status"`
	ExpiresAt    Instant                       `json:"expires_at"`
	CreatedAt    Instant                       `json:"created_at"`
	ClientSecret string                        `json:"client_secret,omitempty"`
}

// MarshalJSON writes the credential.
func (c Credential) MarshalJSON() ([]byte, error) {
	type plain Credential
	return jsonMarshal(plain(c))
}

// CredentialRequest is the body of POST /auth/credentials: a name, and an optional
// expiry (null or absent: never).
type CredentialRequest struct {
	Name      string  `json:"name"`
	ExpiresAt Instant `json:"expires_at"`
}

// Token is the body of a POST /auth/token response (RFC 6749 §5.1): the access token,
// its type and its lifetime in seconds.
type Token struct {
	AccessToken string `json:"access_token"`
	TokenType   string `json:"token_type"`
	ExpiresIn   int    `json:"expires_in"`
}

// NewToken is the token response for an access token issued now, valid for
// statemachine.TokenLifetime.
func NewToken(accessToken string) Token {
	return Token{AccessToken: accessToken, TokenType: "Bearer", ExpiresIn: int(statemachine.TokenLifetime.Seconds())}
}

// CredentialOf is the wire form of a credential: its client id and name, the status
// and expiry of its lifecycle state, and the instant it was created. It shows no
// secret; WithSecret adds the one the creation response carries.
func CredentialOf(clientID, name string, state statemachine.Credential, createdAt Instant) Credential {
	return Credential{ClientID: clientID, Name: name, Status: state.Status,
		ExpiresAt: InstantOf(state.ExpiresAt), CreatedAt: createdAt}
}

// WithSecret returns c showing its client secret, for the response that creates it
// (the only one that shows it).
func (c Credential) WithSecret(clientSecret string) Credential {
	c.ClientSecret = clientSecret
	return c
}

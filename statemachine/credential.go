package statemachine

import (
	"errors"
	"time"

	"github.com/dinie/lending/apierr"
)

// TokenLifetime is how long an access token ("dinie_at_…") is valid after it is issued
// (docs/api.md §4: an access token lives 3,600 s).
const TokenLifetime = 3600 * time.Second

// Reasons a credential cannot issue a token or a token is refused; they sit in the chain
// of the *apierr.Error returned.
var (
	ErrRevoked           = errors.New("statemachine: credential revoked")
	ErrCredentialExpired = errors.New("statemachine: credential expired")
)

// Credential is the part of an API credential (client_id "dinie_ci_…") the rules need.
// The zero ExpiresAt means the credential never expires (the API's expires_at null);
// RevokedAt is the instant of revocation, zero while active.
//
// A Credential is a value: Revoke returns a new one.
type Credential struct {
	Status    CredentialStatus
	ExpiresAt time.Time
	RevokedAt time.Time
}

// NewCredential returns a new active credential made at instant now, expiring at
// expiresAt (zero: never). A credential that would be born expired — expiresAt not
// after now — is value_out_of_range (param expires_at, apierr.ErrRange).
func NewCredential(now, expiresAt time.Time) (Credential, error) {
	if !expiresAt.IsZero() && !expiresAt.After(now) {
		return Credential{}, apierr.Wrap(apierr.ErrRange, apierr.ValueOutOfRange, "expires_at",
			"expires_at %s is not after now, %s; expected a future instant, or null for a credential that never expires",
			expiresAt.UTC().Format(time.RFC3339), now.UTC().Format(time.RFC3339))
	}
	return Credential{Status: CredentialActive, ExpiresAt: expiresAt}, nil
}

func (c Credential) check() error {
	switch {
	case !c.Status.Valid():
		return apierr.Wrap(ErrUnknownStatus, apierr.InvalidFormat, "status",
			"%s is not a credential status", c.Status)
	case c.Status == CredentialRevoked && c.RevokedAt.IsZero():
		return apierr.Errorf(apierr.MissingRequiredField, "revoked_at",
			"a revoked credential needs the instant of its revocation")
	case c.Status == CredentialActive && !c.RevokedAt.IsZero():
		return apierr.Errorf(apierr.InvalidFormat, "revoked_at",
			"an active credential has no revocation instant")
	}
	return nil
}

// Revoke revokes c at instant now: immediately and irreversibly (docs/api.md
// §5.7). Revoking a revoked credential is invalid_transition matching ErrTerminal.
// Tokens issued before now stay valid until they expire (TokenValid).
func (c Credential) Revoke(now time.Time) (Credential, error) {
	if err := c.check(); err != nil {
		return c, err
	}
	if err := checkInstant(now, "now"); err != nil {
		return c, err
	}
	if _, err := credentialLifecycle.Transition(c.Status, CredentialRevoked); err != nil {
		return c, err
	}
	c.Status, c.RevokedAt = CredentialRevoked, now
	return c, nil
}

// CanIssue reports, as an error, whether c may issue a new access token at instant now:
// it must be active (revocation is immediate: from RevokedAt on, nothing is issued) and
// not past its expiry (an expires_at in the past stops new tokens; at ExpiresAt itself
// the credential still works, as an offer does at valid_until).
//
// Errors: forbidden wrapping ErrRevoked or ErrCredentialExpired; invalid input as for
// Revoke.
func (c Credential) CanIssue(now time.Time) error {
	if err := c.check(); err != nil {
		return err
	}
	if err := checkInstant(now, "now"); err != nil {
		return err
	}
	if c.Status == CredentialRevoked && !now.Before(c.RevokedAt) {
		return apierr.Wrap(ErrRevoked, apierr.Forbidden, "client_id",
			"the credential was revoked at %s", c.RevokedAt.UTC().Format(time.RFC3339))
	}
	if !c.ExpiresAt.IsZero() && now.After(c.ExpiresAt) {
		return apierr.Wrap(ErrCredentialExpired, apierr.Forbidden, "client_id",
			"the credential expired at %s", c.ExpiresAt.UTC().Format(time.RFC3339))
	}
	return nil
}

// IssueToken returns the expiry of an access token issued at now (now + TokenLifetime),
// or CanIssue's error.
func (c Credential) IssueToken(now time.Time) (time.Time, error) {
	if err := c.CanIssue(now); err != nil {
		return time.Time{}, err
	}
	return now.Add(TokenLifetime), nil
}

// TokenValid reports, as an error, whether a token of c issued at issuedAt is accepted at
// instant now. A token lives TokenLifetime: it is refused from issuedAt + TokenLifetime
// on (RFC 7519 §4.1.4: not accepted "on or after" exp). Revocation and credential expiry
// do not cut a token short: a token issued before them stays valid until it expires
// (docs/api.md §5.7). A token c could not have issued at issuedAt is invalid.
//
// Errors: token_expired (401); invalid_token (401) for a token issued after now or at an
// instant c could not issue, wrapping CanIssue's reason; invalid input as for Revoke.
func (c Credential) TokenValid(issuedAt, now time.Time) error {
	if err := checkInstant(now, "now"); err != nil {
		return err
	}
	if err := checkInstant(issuedAt, "issued_at"); err != nil {
		return err
	}
	if err := c.CanIssue(issuedAt); err != nil {
		var ve *apierr.Error
		if errors.As(err, &ve) && ve.Code == apierr.Forbidden {
			return apierr.Wrap(ve.Err, apierr.InvalidToken, "authorization",
				"the token was issued when the credential could not issue: %s", ve.Detail)
		}
		return err
	}
	if now.Before(issuedAt) {
		return apierr.Errorf(apierr.InvalidToken, "authorization",
			"the token is issued at %s, after now %s", issuedAt.UTC().Format(time.RFC3339),
			now.UTC().Format(time.RFC3339))
	}
	if exp := issuedAt.Add(TokenLifetime); !now.Before(exp) {
		return apierr.Errorf(apierr.TokenExpired, "authorization",
			"the token expired at %s", exp.UTC().Format(time.RFC3339))
	}
	return nil
}

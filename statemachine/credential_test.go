package statemachine

import (
	"errors"
	"testing"
	"time"

	"github.com/dinie/lending/apierr"
)

func TestCredential(t *testing.T) {
	t0 := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	c := Credential{Status: CredentialActive} // expires_at null: never
	if err := c.CanIssue(t0.AddDate(50, 0, 0)); err != nil {
		t.Errorf("never-expiring credential: %v", err)
	}
	exp, err := c.IssueToken(t0)
	if err != nil || !exp.Equal(t0.Add(3600*time.Second)) {
		t.Errorf("IssueToken = %s, %v; want t0 + 3600 s", exp, err)
	}
	// Revocation at t0 + 10 min.
	rev := t0.Add(10 * time.Minute)
	r, err := c.Revoke(rev)
	if err != nil || r.Status != CredentialRevoked || !r.RevokedAt.Equal(rev) || c.Status != CredentialActive {
		t.Fatalf("Revoke = %+v, %v", r, err)
	}
	if _, err := r.Revoke(rev.Add(time.Second)); !errors.Is(err, ErrTerminal) || !errors.Is(err, apierr.InvalidTransition) {
		t.Errorf("second Revoke: %v, want invalid_transition/ErrTerminal", err)
	}
	for _, c := range []struct {
		at   time.Time
		want error
	}{
		{rev.Add(-time.Nanosecond), nil},
		{rev, ErrRevoked}, // immediate
		{rev.Add(time.Hour), ErrRevoked},
	} {
		err := r.CanIssue(c.at)
		if (c.want == nil) != (err == nil) || (c.want != nil && (!errors.Is(err, c.want) || !errors.Is(err, apierr.Forbidden))) {
			t.Errorf("revoked CanIssue(%s) = %v, want %v", c.at, err, c.want)
		}
	}
	// A token issued 5 minutes before revocation lives its full hour.
	issued := rev.Add(-5 * time.Minute)
	for _, c := range []struct {
		now  time.Time
		code apierr.Code
	}{
		{issued, ""},
		{rev.Add(time.Minute), ""},
		{issued.Add(time.Hour - time.Nanosecond), ""},
		{issued.Add(time.Hour), apierr.TokenExpired}, // RFC 7519: not on or after exp
		{issued.Add(-time.Second), apierr.InvalidToken},
	} {
		err := r.TokenValid(issued, c.now)
		if c.code == "" && err != nil || c.code != "" && !errors.Is(err, c.code) {
			t.Errorf("TokenValid(issued %s, now %s) = %v, want %q", issued, c.now, err, c.code)
		}
	}
	// A token claiming to be issued after revocation is invalid.
	if err := r.TokenValid(rev.Add(time.Minute), rev.Add(2*time.Minute)); !errors.Is(err, apierr.InvalidToken) ||
		!errors.Is(err, ErrRevoked) {
		t.Errorf("token issued after revocation: %v", err)
	}

	// expires_at: at the instant itself still valid, after it no new token.
	e := Credential{Status: CredentialActive, ExpiresAt: t0}
	if err := e.CanIssue(t0); err != nil {
		t.Errorf("at expires_at: %v", err)
	}
	if err := e.CanIssue(t0.Add(time.Nanosecond)); !errors.Is(err, ErrCredentialExpired) || !errors.Is(err, apierr.Forbidden) {
		t.Errorf("after expires_at: %v", err)
	}
	if err := e.TokenValid(t0.Add(-time.Minute), t0.Add(50*time.Minute)); err != nil {
		t.Errorf("token issued before expiry, used after: %v", err)
	}
	if _, err := e.IssueToken(t0.Add(time.Second)); err == nil {
		t.Error("IssueToken after expiry succeeded")
	}

	bad := []struct {
		name  string
		c     Credential
		code  apierr.Code
		param string
	}{
		{"zero", Credential{}, apierr.InvalidFormat, "status"},
		{"revoked without instant", Credential{Status: CredentialRevoked}, apierr.MissingRequiredField, "revoked_at"},
		{"active with instant", Credential{Status: CredentialActive, RevokedAt: t0}, apierr.InvalidFormat, "revoked_at"},
	}
	for _, tt := range bad {
		for _, err := range []error{tt.c.CanIssue(t0), func() error { _, err := tt.c.Revoke(t0); return err }(),
			tt.c.TokenValid(t0, t0)} {
			var ve *apierr.Error
			if !errors.As(err, &ve) || ve.Code != tt.code || ve.Param != tt.param {
				t.Errorf("%s: %v, want %s/%s", tt.name, err, tt.code, tt.param)
			}
		}
	}
	if _, err := c.Revoke(time.Time{}); !errors.Is(err, apierr.MissingRequiredField) {
		t.Errorf("Revoke(zero): %v", err)
	}
	if err := c.TokenValid(time.Time{}, t0); !errors.Is(err, apierr.MissingRequiredField) {
		t.Errorf("TokenValid(zero issued): %v", err)
	}
}

package statemachine

import (
	"slices"
	"time"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/validation"
)

// Bounds of expire_current_in, the seconds a rotated-out webhook secret keeps signing
// (api-contract.md, WebhookEndpoint: "default 3600, max 86400").
const (
	DefaultExpireCurrentIn = 3600
	MaxExpireCurrentIn     = 86400
)

// Secret is a webhook endpoint's signing secret ("whsec_…") with the instant it stops
// signing. The zero ExpiresAt marks the current secret, which never expires; a rotated-out
// secret signs while the instant is before ExpiresAt.
//
// The package treats Value as opaque and never puts it in an error message.
type Secret struct {
	Value     string
	ExpiresAt time.Time
}

// current reports whether s is the current secret.
func (s Secret) current() bool { return s.ExpiresAt.IsZero() }

// checkSecrets validates an endpoint's secrets: each of the shape whsec_…
// (validation.CheckWebhookSecret), exactly one current, no value twice.
func checkSecrets(secrets []Secret) error {
	currents := 0
	for i, s := range secrets {
		if err := validation.CheckWebhookSecret(s.Value); err != nil {
			return err
		}
		if s.current() {
			currents++
		}
		for _, t := range secrets[:i] {
			if t.Value == s.Value {
				return apierr.Errorf(apierr.InvalidFormat, "secret",
					"secret %d repeats an earlier secret", i)
			}
		}
	}
	if currents != 1 {
		return apierr.Errorf(apierr.InvalidFormat, "secret",
			"an endpoint has exactly one current secret (zero ExpiresAt), got %d", currents)
	}
	return nil
}

// RotateSecret replaces an endpoint's current secret by newSecret at instant now
// (lifecycles.md, "Secret rotation"). The old current secret keeps signing for
// expireCurrentIn seconds: it is valid while the instant is before now +
// expireCurrentIn, so 0 retires it at once. The API's default, for a request without
// expire_current_in, is DefaultExpireCurrentIn.
//
// Secrets rotated out earlier keep their own expiry (a rotation never shortens a window
// a receiver was promised); those already expired at now are dropped. The result is a
// new slice: the current secret first, then the others by expiry, latest first.
//
// Errors: expireCurrentIn outside 0 … MaxExpireCurrentIn is value_out_of_range for
// param expire_current_in; a zero now is missing_required_field; a secret (new or old) not of
// the shape whsec_… (validation.CheckWebhookSecret), a new secret equal to one of the
// endpoint's, or secrets without exactly one current secret are invalid_format for
// param secret. No error message contains a secret.
func RotateSecret(secrets []Secret, newSecret string, now time.Time, expireCurrentIn int) ([]Secret, error) {
	if expireCurrentIn < 0 || expireCurrentIn > MaxExpireCurrentIn {
		return nil, apierr.Errorf(apierr.ValueOutOfRange, "expire_current_in",
			"expire_current_in %d is outside 0 to %d seconds", expireCurrentIn, MaxExpireCurrentIn)
	}
	if err := checkInstant(now, "now"); err != nil {
		return nil, err
	}
	if err := checkSecrets(secrets); err != nil {
		return nil, err
	}
	if err := validation.CheckWebhookSecret(newSecret); err != nil {
		return nil, err
	}
	out := make([]Secret, 1, len(secrets)+1)
	out[0] = Secret{Value: newSecret}
	for _, s := range secrets {
		if s.Value == newSecret {
			return nil, apierr.Errorf(apierr.InvalidFormat, "secret",
				"the new secret equals one of the endpoint's secrets")
		}
		if s.current() {
			s.ExpiresAt = now.Add(time.Duration(expireCurrentIn) * time.Second)
		}
		if now.Before(s.ExpiresAt) {
			out = append(out, s)
		}
	}
	slices.SortStableFunc(out[1:], func(a, b Secret) int { return b.ExpiresAt.Compare(a.ExpiresAt) })
	return out, nil
}

// ValidSecrets returns, in a new slice, the secrets that sign deliveries at instant t:
// the current one, and each rotated-out one while t is before its ExpiresAt. Errors are
// those of RotateSecret for the secrets and t.
func ValidSecrets(secrets []Secret, t time.Time) ([]Secret, error) {
	if err := checkInstant(t, "at"); err != nil {
		return nil, err
	}
	if err := checkSecrets(secrets); err != nil {
		return nil, err
	}
	var out []Secret
	for _, s := range secrets {
		if s.current() || t.Before(s.ExpiresAt) {
			out = append(out, s)
		}
	}
	return out, nil
}

// checkInstant rejects the zero time.Time, which is never a real instant here and
// usually means a field was left unset.
func checkInstant(t time.Time, param string) error {
	if t.IsZero() {
		return apierr.Errorf(apierr.MissingRequiredField, param,
			"%s is the zero time; want an instant", param)
	}
	return nil
}

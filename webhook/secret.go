package webhook

import (
	"encoding/base64"
	"io"
	"slices"
	"strconv"
	"time"

	"github.com/dinie/lending/apierr"
)

// Secret sizes, in bytes of key (Standard Webhooks: 24 to 64 random bytes), and the
// wire prefix.
const (
	SecretPrefix       = "whsec_"
	MinSecretBytes     = 24
	MaxSecretBytes     = 64
	GeneratedSecretLen = 32 // what GenerateSecret draws
	// maxSecretText is the longest base64 text of a secret: 64 bytes, padded.
	maxSecretText = (MaxSecretBytes + 2) / 3 * 4
)

// MaxSecrets is the most secrets that sign or verify one message: the endpoint's
// current secret and up to nine rotated-out ones still in their window. It bounds the
// webhook-signature header Sign writes (10 tokens, 479 bytes) and the MACs Verify
// computes.
const MaxSecrets = 10

// Bounds of expire_current_in, the seconds a rotated-out secret keeps signing: the
// API's default for a rotation request without it, and its maximum (one day).
const (
	DefaultExpireCurrentIn = 3600
	MaxExpireCurrentIn     = 86400
)

// Secret is an endpoint's signing key for HMAC-SHA256: 24 to 64 bytes. Its wire form
// is SecretPrefix followed by the key in padded standard base64
// ("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"), written by Encode and read by
// ParseSecret.
//
// A Secret is an immutable value, comparable with ==; the zero value is no secret and
// is refused wherever one is needed. Printing it with fmt (String, GoString) shows
// "whsec_(redacted)", never the key, so a secret logged by accident does not leak;
// Encode is the one way to reveal it. It has no JSON or text marshaller for the same
// reason: a server that returns a new secret to its partner writes Encode's result.
type Secret struct {
	key string
}

// GenerateSecret draws a new secret of GeneratedSecretLen (32) bytes from rand, which
// must be a cryptographically secure source (crypto/rand.Reader in production; a
// seeded reader makes tests reproducible). A nil rand or a read that fails or comes
// short is an internal_error wrapping the cause (apierr.ErrNil for a nil rand).
func GenerateSecret(rand io.Reader) (Secret, error) {
	var b [GeneratedSecretLen]byte
	if err := readRandom(rand, b[:]); err != nil {
		return Secret{}, err
	}
	return Secret{key: string(b[:])}, nil
}

// readRandom fills b from rand.
func readRandom(rand io.Reader, b []byte) error {
	if rand == nil {
		return apierr.Wrap(apierr.ErrNil, apierr.Internal, "", "the source of randomness is nil")
	}
	if _, err := io.ReadFull(rand, b); err != nil {
		return apierr.Wrap(err, apierr.Internal, "", "reading %d random bytes: %v", len(b), err)
	}
	return nil
}

// ParseSecret reads a secret in its wire form: SecretPrefix (optional, as the
// Standard Webhooks libraries accept it) followed by padded standard base64 (RFC 4648
// §4: A–Z, a–z, 0–9, '+', '/', '=' padding to a multiple of 4 characters, unused bits
// zero) of 24 to 64 bytes. Nothing is trimmed.
//
// Failures are invalid_format with Param "secret": apierr.ErrEmpty for "" or a bare
// prefix; apierr.ErrCharacter for a character outside the alphabet (a space, a line
// break, '-', '_', '!'), apierr.ErrSyntax for text that is not padded base64 (a length
// not a multiple of 4, padding inside, nonzero unused bits); apierr.ErrLength for a
// key outside 24 to 64 bytes, or more than the 88 characters of 64 bytes (checked
// first, so at most 94 bytes of s are ever read). The Detail gives positions and
// lengths, never the text.
func ParseSecret(s string) (Secret, error) {
	const param = "secret"
	const want = "expected whsec_ and padded standard base64 of 24 to 64 bytes"
	rest := s
	if len(rest) >= len(SecretPrefix) && rest[:len(SecretPrefix)] == SecretPrefix {
		rest = rest[len(SecretPrefix):]
	}
	if rest == "" {
		return Secret{}, apierr.Wrap(apierr.ErrEmpty, apierr.InvalidFormat, param, "secret is empty; %s", want)
	}
	if len(rest) > maxSecretText {
		return Secret{}, apierr.Wrap(apierr.ErrLength, apierr.InvalidFormat, param,
			"secret has %d characters after its prefix, more than the %d of 64 bytes in base64; %s",
			len(rest), maxSecretText, want)
	}
	for i := 0; i < len(rest); i++ {
		if !isBase64(rest[i]) {
			return Secret{}, apierr.Wrap(apierr.ErrCharacter, apierr.InvalidFormat, param,
				"secret has a character outside base64 at position %d; %s", len(s)-len(rest)+i+1, want)
		}
	}
	var key [MaxSecretBytes + 2]byte
	n, err := base64.StdEncoding.Strict().Decode(key[:], []byte(rest))
	if err != nil || len(rest)%4 != 0 {
		return Secret{}, apierr.Wrap(apierr.ErrSyntax, apierr.InvalidFormat, param,
			"secret is not padded standard base64 (%d characters); %s", len(rest), want)
	}
	if n < MinSecretBytes || n > MaxSecretBytes {
		return Secret{}, apierr.Wrap(apierr.ErrLength, apierr.InvalidFormat, param,
			"secret decodes to %d bytes; %s", n, want)
	}
	return Secret{key: string(key[:n])}, nil
}

// isBase64 reports whether c is in the standard base64 alphabet or is '='.
func isBase64(c byte) bool {
	return c-'A' < 26 || c-'a' < 26 || c-'0' < 10 || c == '+' || c == '/' || c == '='
}

// Encode returns the secret's wire form, SecretPrefix and padded standard base64 of
// the key; "" for the zero Secret. ParseSecret(s.Encode()) == s for every secret.
func (s Secret) Encode() string {
	if s.key == "" {
		return ""
	}
	b := make([]byte, 0, len(SecretPrefix)+base64.StdEncoding.EncodedLen(len(s.key)))
	b = append(b, SecretPrefix...)
	return string(base64.StdEncoding.AppendEncode(b, []byte(s.key)))
}

// String returns "whsec_(redacted)", or "" for the zero Secret: never the key.
func (s Secret) String() string {
	if s.key == "" {
		return ""
	}
	return SecretPrefix + "(redacted)"
}

// GoString is String, so %#v does not print the key either.
func (s Secret) GoString() string { return "webhook.Secret(" + strconv.Quote(s.String()) + ")" }

// EndpointSecret is one of an endpoint's secrets with the instant it stops signing.
// The zero ExpiresAt marks the current secret, which never expires; a rotated-out
// secret signs while the instant is before ExpiresAt.
type EndpointSecret struct {
	Secret    Secret
	ExpiresAt time.Time
}

func (s EndpointSecret) current() bool { return s.ExpiresAt.IsZero() }

// checkEndpointSecrets validates an endpoint's secrets: 1 to MaxSecrets of them, none
// the zero Secret, exactly one current, no secret twice.
func checkEndpointSecrets(secrets []EndpointSecret) error {
	if len(secrets) > MaxSecrets {
		return apierr.Wrap(apierr.ErrLength, apierr.InvalidFormat, "secret",
			"an endpoint has at most %d secrets, got %d", MaxSecrets, len(secrets))
	}
	currents := 0
	for i, s := range secrets {
		if s.Secret.key == "" {
			return apierr.Wrap(apierr.ErrEmpty, apierr.InvalidFormat, "secret",
				"secret %d is the zero Secret; want one from ParseSecret or GenerateSecret", i)
		}
		if s.current() {
			currents++
		}
		for _, t := range secrets[:i] {
			if t.Secret == s.Secret {
				return apierr.Wrap(apierr.ErrDuplicate, apierr.InvalidFormat, "secret",
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

// RotateSecret replaces an endpoint's current secret by newSecret at instant now. The
// old current secret keeps signing for expireCurrentIn seconds: it is valid while the
// instant is before now + expireCurrentIn, so 0 retires it at once. The API's default,
// for a request without expire_current_in, is DefaultExpireCurrentIn.
//
// Secrets rotated out earlier keep their own expiry (a rotation never shortens a window
// a receiver was promised); those already expired at now are dropped. The result is a
// new slice: the current secret first, then the others by expiry, latest first; the
// input is not modified.
//
// Errors: expireCurrentIn outside 0 … MaxExpireCurrentIn is value_out_of_range for
// param expire_current_in; a zero now is missing_required_field for param now; for
// param secret, invalid_format: a zero newSecret (apierr.ErrEmpty), one equal to one
// of the endpoint's (apierr.ErrDuplicate), secrets that are not a valid endpoint's
// (none or several current, a zero or repeated secret, more than MaxSecrets), and a
// rotation that would leave more than MaxSecrets signing (apierr.ErrLength: wait for
// one to expire). No error message contains a secret.
func RotateSecret(secrets []EndpointSecret, newSecret Secret, now time.Time, expireCurrentIn int) ([]EndpointSecret, error) {
	if expireCurrentIn < 0 || expireCurrentIn > MaxExpireCurrentIn {
		return nil, apierr.Wrap(apierr.ErrRange, apierr.ValueOutOfRange, "expire_current_in",
			"expire_current_in %d is outside 0 to %d seconds", expireCurrentIn, MaxExpireCurrentIn)
	}
	if err := checkInstant(now, "now"); err != nil {
		return nil, err
	}
	if err := checkEndpointSecrets(secrets); err != nil {
		return nil, err
	}
	if newSecret.key == "" {
		return nil, apierr.Wrap(apierr.ErrEmpty, apierr.InvalidFormat, "secret",
			"the new secret is the zero Secret; want one from ParseSecret or GenerateSecret")
	}
	out := make([]EndpointSecret, 1, len(secrets)+1)
	out[0] = EndpointSecret{Secret: newSecret}
	for _, s := range secrets {
		if s.Secret == newSecret {
			return nil, apierr.Wrap(apierr.ErrDuplicate, apierr.InvalidFormat, "secret",
				"the new secret equals one of the endpoint's secrets")
		}
		if s.current() {
			s.ExpiresAt = now.Add(time.Duration(expireCurrentIn) * time.Second)
		}
		if now.Before(s.ExpiresAt) {
			out = append(out, s)
		}
	}
	if len(out) > MaxSecrets {
		return nil, apierr.Wrap(apierr.ErrLength, apierr.InvalidFormat, "secret",
			"the rotation would leave %d secrets signing, more than %d; wait until one expires",
			len(out), MaxSecrets)
	}
	slices.SortStableFunc(out[1:], func(a, b EndpointSecret) int { return b.ExpiresAt.Compare(a.ExpiresAt) })
	return out, nil
}

// ValidSecrets returns, in a new slice, the secrets that sign deliveries at instant t:
// the current one first, then each rotated-out one whose ExpiresAt is after t, in the
// order given (RotateSecret's order: latest expiry first). It is what Sign takes.
// Errors are those of RotateSecret for the secrets (param secret) and for a zero t
// (missing_required_field, param at).
func ValidSecrets(secrets []EndpointSecret, t time.Time) ([]Secret, error) {
	if err := checkInstant(t, "at"); err != nil {
		return nil, err
	}
	if err := checkEndpointSecrets(secrets); err != nil {
		return nil, err
	}
	out := make([]Secret, 1, len(secrets))
	for _, s := range secrets {
		switch {
		case s.current():
			out[0] = s.Secret
		case t.Before(s.ExpiresAt):
			out = append(out, s.Secret)
		}
	}
	return out, nil
}

// checkInstant rejects the zero time.Time, which is never a real instant here and
// usually means a field was left unset.
func checkInstant(t time.Time, param string) error {
	if t.IsZero() {
		return apierr.Wrap(apierr.ErrEmpty, apierr.MissingRequiredField, param,
			"%s is the zero time; want an instant", param)
	}
	return nil
}

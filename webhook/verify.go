package webhook

import (
	"bytes"
	"crypto/subtle"
	"encoding/base64"
	"io"
	"math"
	"net/http"
	"strings"
	"time"

	"github.com/dinie/lending/apierr"
)

// DefaultTolerance is how far a webhook-timestamp may be from the receiver's clock, on
// either side: five minutes, the Standard Webhooks libraries' value.
const DefaultTolerance = 300 * time.Second

// Verify checks a delivery as a receiver does: its three headers h, the body exactly
// as received, the receiver's secrets for the endpoint, its clock now and its
// tolerance (DefaultTolerance unless the receiver has reasons). It returns nil when a
// v1 token of webhook-signature is the MAC of the message under one of the secrets,
// with a timestamp within the tolerance of now; otherwise the first failure, checked
// in this order:
//
//  1. The arguments: secrets as Sign wants them (invalid_format, param secrets), a
//     tolerance that is not positive (value_out_of_range, param tolerance: no value
//     turns the check off), a zero now (missing_required_field, param now).
//  2. webhook-id, webhook-timestamp, webhook-signature present and non-empty, in this
//     order: missing_required_field with the header's name as param.
//  3. webhook-id as Sign wants it (invalid_format, param webhook-id), webhook-timestamp
//     strictly decimal digits (invalid_format, apierr.ErrCharacter: no sign, space or
//     fraction), at most MaxTimestampDigits of them (apierr.ErrLength), and
//     webhook-signature at most MaxSignatureLen bytes (invalid_format, apierr.ErrLength).
//  4. The timestamp within the tolerance: now − ts ≤ tolerance and ts − now ≤ tolerance,
//     both edges inclusive, with now rounded down to whole seconds as the Standard
//     Webhooks libraries do; otherwise timestamp_out_of_range, param webhook-timestamp,
//     reason ErrTooOld or ErrTooNew.
//  5. The body at most MaxBodyLen bytes (invalid_format, param body).
//  6. A token "v1,<base64>" equal, in constant time, to the padded standard base64 of
//     HMAC-SHA256(secret, id + "." + ts + "." + body) for one of the secrets, where ts is
//     the timestamp's decimal form without leading zeros (the value the header holds,
//     as the reference libraries read it). Tokens are separated by spaces or tabs, any
//     number of them; tokens of other versions (v1a, v2) and malformed ones (no comma, a
//     signature that is not 44 characters) are skipped. None matching is
//     invalid_signature, param webhook-signature, reason ErrNoMatch (ErrNoSignature
//     when there was no well-formed v1 token at all).
//
// A header given several times is read at its first value, as http.Header.Get does;
// keys are found in canonical form ("Webhook-Id") or, for a hand-built map, lowercase.
// The cost is bounded for any input: at most len(secrets) HMACs over the message,
// computed one at a time until one matches, and at most 85 token
// comparisons per secret. It allocates one scratch buffer and what crypto/hmac
// allocates per MAC.
func Verify(h http.Header, body []byte, secrets []Secret, now time.Time, tolerance time.Duration) error {
	m, err := checkDelivery(h, secrets, now, tolerance)
	if err != nil {
		return err
	}
	if err := checkBody(body); err != nil {
		return err
	}
	return m.match(body, secrets)
}

// VerifyRequest is Verify for an incoming request: it checks r's headers, reads its
// body (at most MaxBodyLen bytes) and checks the signature, returning the body. The
// body stays readable: after the call r.Body reads the same bytes again from the start
// (what was read, then any unread rest), whatever the outcome, and closing it closes
// the original. The body is not read when the headers already fail (steps 1 to 4).
//
// Errors are Verify's; in addition, a nil r is internal_error (apierr.ErrNil), a body
// longer than MaxBodyLen is invalid_format with apierr.ErrLength (param body), and a
// body that cannot be read is malformed_body wrapping the read error.
func VerifyRequest(r *http.Request, secrets []Secret, now time.Time, tolerance time.Duration) ([]byte, error) {
	if r == nil {
		return nil, apierr.Wrap(apierr.ErrNil, apierr.Internal, "", "the request is nil")
	}
	m, err := checkDelivery(r.Header, secrets, now, tolerance)
	if err != nil {
		return nil, err
	}
	var body []byte
	if r.Body != nil && r.Body != http.NoBody {
		orig := r.Body
		body, err = io.ReadAll(io.LimitReader(orig, MaxBodyLen+1))
		// The bytes read go back in front of whatever was not read.
		r.Body = readCloser{io.MultiReader(bytes.NewReader(body), orig), orig}
		if err != nil {
			return nil, apierr.Wrap(err, apierr.MalformedBody, "body",
				"body could not be read after %d bytes: %v", len(body), err)
		}
	}
	if err := checkBody(body); err != nil {
		return nil, err
	}
	if err := m.match(body, secrets); err != nil {
		return nil, err
	}
	return body, nil
}

type readCloser struct {
	io.Reader
	io.Closer
}

// delivery is a message whose headers passed steps 1 to 4.
type delivery struct {
	id        string
	ts        int64
	signature string
}

// header returns the first value of h under the canonical key ("Webhook-Id", what
// http.Header.Set and net/http's server write), or else under the lowercase one (a
// hand-built map), without canonicalizing at run time.
func header(h http.Header, canonical, lower string) string {
	if vs := h[canonical]; len(vs) > 0 && vs[0] != "" {
		return vs[0]
	}
	if vs := h[lower]; len(vs) > 0 {
		return vs[0]
	}
	return ""
}

// checkDelivery runs Verify's steps 1 to 4.
func checkDelivery(h http.Header, secrets []Secret, now time.Time, tolerance time.Duration) (delivery, error) {
	if err := checkSecrets(secrets); err != nil {
		return delivery{}, err
	}
	if tolerance <= 0 {
		return delivery{}, apierr.Wrap(apierr.ErrRange, apierr.ValueOutOfRange, "tolerance",
			"tolerance %s is not positive; want a positive duration (the default is 300 s)", tolerance)
	}
	if now.IsZero() {
		return delivery{}, apierr.Wrap(apierr.ErrEmpty, apierr.MissingRequiredField, "now",
			"now is the zero time; want the receiver's clock")
	}
	d := delivery{id: header(h, "Webhook-Id", HeaderID), signature: header(h, "Webhook-Signature", HeaderSignature)}
	tsText := header(h, "Webhook-Timestamp", HeaderTimestamp)
	for _, f := range [...]struct{ name, value string }{
		{HeaderID, d.id}, {HeaderTimestamp, tsText}, {HeaderSignature, d.signature},
	} {
		if f.value == "" {
			return delivery{}, apierr.Wrap(apierr.ErrEmpty, apierr.MissingRequiredField, f.name,
				"%s header is missing or empty", f.name)
		}
	}
	if err := checkID(d.id); err != nil {
		return delivery{}, err
	}
	ts, err := parseTimestamp(tsText)
	if err != nil {
		return delivery{}, err
	}
	d.ts = ts
	if len(d.signature) > MaxSignatureLen {
		return delivery{}, apierr.Wrap(apierr.ErrLength, apierr.InvalidFormat, HeaderSignature,
			"%s has %d bytes; want at most %d", HeaderSignature, len(d.signature), MaxSignatureLen)
	}
	// Both sides in whole seconds, without overflow for any now or ts.
	nowSec := now.Unix()
	tol := int64(tolerance / time.Second)
	switch {
	case nowSec > ts && uint64(nowSec)-uint64(ts) > uint64(tol):
		return delivery{}, apierr.Wrap(ErrTooOld, apierr.TimestampOutOfRange, HeaderTimestamp,
			"%s %d is %d s before the receiver's clock; the tolerance is %d s",
			HeaderTimestamp, ts, uint64(nowSec)-uint64(ts), tol)
	case ts > nowSec && uint64(ts)-uint64(nowSec) > uint64(tol):
		return delivery{}, apierr.Wrap(ErrTooNew, apierr.TimestampOutOfRange, HeaderTimestamp,
			"%s %d is %d s after the receiver's clock; the tolerance is %d s",
			HeaderTimestamp, ts, uint64(ts)-uint64(nowSec), tol)
	}
	return d, nil
}

// parseTimestamp reads webhook-timestamp: 1 to MaxTimestampDigits decimal digits. A
// value above MaxInt64 saturates, which no clock is within any tolerance of.
func parseTimestamp(s string) (int64, error) {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < '0' || c > '9' {
			return 0, apierr.Wrap(apierr.ErrCharacter, apierr.InvalidFormat, HeaderTimestamp,
				"%s %s has %s at position %d; want Unix seconds in decimal digits only",
				HeaderTimestamp, apierr.Quote(s), apierr.Quote(s[i:i+1]), i+1)
		}
	}
	if len(s) > MaxTimestampDigits {
		return 0, apierr.Wrap(apierr.ErrLength, apierr.InvalidFormat, HeaderTimestamp,
			"%s has %d digits; want Unix seconds, at most %d digits", HeaderTimestamp, len(s), MaxTimestampDigits)
	}
	var v uint64
	for i := 0; i < len(s); i++ {
		v = v*10 + uint64(s[i]-'0') // 19 digits fit in a uint64
	}
	if v > math.MaxInt64 {
		return math.MaxInt64, nil
	}
	return int64(v), nil
}

// match runs Verify's step 6.
func (d delivery) match(body []byte, secrets []Secret) error {
	sc := newScratch(d.id, d.ts)
	var want, got [tokenLen]byte
	tokens := 0
	for i, s := range secrets {
		base64.StdEncoding.Encode(want[:], sc.mac(s, body))
		for rest := d.signature; rest != ""; {
			var tok string
			tok, rest = nextToken(rest)
			sig, ok := strings.CutPrefix(tok, signatureVersion)
			if !ok || len(sig) != tokenLen {
				continue
			}
			if i == 0 {
				tokens++
			}
			copy(got[:], sig)
			if subtle.ConstantTimeCompare(got[:], want[:]) == 1 {
				return nil
			}
		}
	}
	if tokens == 0 {
		return apierr.Wrap(ErrNoSignature, apierr.InvalidSignature, HeaderSignature,
			"%s has no v1 token (v1, and 44 characters of base64); tokens of other versions are skipped",
			HeaderSignature)
	}
	return apierr.Wrap(ErrNoMatch, apierr.InvalidSignature, HeaderSignature,
		"%s has %d v1 tokens and none matches the message under any of the receiver's %d secrets",
		HeaderSignature, tokens, len(secrets))
}

// nextToken splits the first token off s, skipping spaces and tabs around it.
func nextToken(s string) (tok, rest string) {
	i := 0
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	j := i
	for j < len(s) && s[j] != ' ' && s[j] != '\t' {
		j++
	}
	return s[i:j], s[j:]
}

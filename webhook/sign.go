package webhook

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/dinie/lending/apierr"
)

// The delivery headers, as Standard Webhooks names them. http.Header canonicalizes
// them ("Webhook-Id"); Verify finds them either way.
const (
	HeaderID        = "webhook-id"
	HeaderTimestamp = "webhook-timestamp"
	HeaderSignature = "webhook-signature"
)

// Bounds of what is signed and verified. They keep the cost of Verify bounded for any
// input: at most MaxSecrets MACs over at most MaxIDLen + 20 + MaxBodyLen bytes, and at
// most 85 constant-time comparisons of 44 bytes per secret (MaxSignatureLen/48).
const (
	// MaxIDLen is the longest webhook-id: the API's evt_ ids have 36 bytes; the bound
	// leaves room for other senders' ids.
	MaxIDLen = 256
	// MaxTimestampDigits is the longest webhook-timestamp: an int64 of seconds.
	MaxTimestampDigits = 19
	// MaxSignatureLen is the longest webhook-signature value: room for 85 tokens of
	// 47 bytes, far more than the MaxSecrets a sender of this library writes.
	MaxSignatureLen = 4096
	// MaxBodyLen is the longest body signed, verified or read by VerifyRequest:
	// 256 KiB, thirteen times the 20 KB Standard Webhooks recommends as a payload's
	// size and three times a loan of 420 installments. It bounds Sign and Verify:
	// MaxSecrets MACs over it take about 3 ms (bench/, BenchmarkWorstWebhook),
	// where 1 MiB took 13 ms.
	MaxBodyLen = 256 << 10
)

// signatureVersion is the scheme of the tokens this package writes and reads: v1,
// HMAC-SHA256. Tokens of other versions (v1a, ed25519) are skipped by Verify.
const signatureVersion = "v1,"

// tokenLen is the length of a v1 token's signature: padded base64 of 32 bytes.
const tokenLen = 44

// Sign returns the value of the webhook-signature header for a message: one token
// "v1,<base64>" per secret, in the order given (ValidSecrets' order: the current
// secret first), separated by single spaces. Each token is the padded standard base64
// of HMAC-SHA256, keyed with the secret, of the bytes id + "." + timestamp + "." +
// body, where timestamp is at in Unix seconds (rounded down, as a decimal integer
// without sign or leading zeros). body must be the bytes sent, exactly: re-encoding a
// JSON body changes them.
//
// Errors: id empty (missing_required_field), longer than MaxIDLen or holding a '.', a
// space or a byte outside printable ASCII (invalid_format), all for param webhook-id; a
// zero at (missing_required_field) or one before 1970 (value_out_of_range), param
// webhook-timestamp; a body over MaxBodyLen (invalid_format with apierr.ErrLength,
// param body); no secrets, more than MaxSecrets, a zero or a repeated Secret
// (invalid_format, param secrets). The cost is one HMAC-SHA256 per secret over the
// message; it allocates the result, one scratch buffer and what crypto/hmac allocates
// per MAC.
func Sign(id string, at time.Time, body []byte, secrets []Secret) (string, error) {
	ts, err := checkMessage(id, at, body)
	if err != nil {
		return "", err
	}
	if err := checkSecrets(secrets); err != nil {
		return "", err
	}
	sc := newScratch(id, ts)
	var b strings.Builder
	b.Grow(len(secrets)*(len(signatureVersion)+tokenLen+1) - 1)
	var enc [tokenLen]byte
	for i, s := range secrets {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(signatureVersion)
		base64.StdEncoding.Encode(enc[:], sc.mac(s, body))
		b.Write(enc[:])
	}
	return b.String(), nil
}

// Headers returns the three delivery headers of a message, as Sign signs it:
// webhook-id, webhook-timestamp (at in Unix seconds) and webhook-signature, in a new
// http.Header under their canonical keys. The caller adds Content-Type
// (application/json) and sends body as given. Errors are Sign's.
func Headers(id string, at time.Time, body []byte, secrets []Secret) (http.Header, error) {
	sig, err := Sign(id, at, body, secrets)
	if err != nil {
		return nil, err
	}
	return http.Header{
		"Webhook-Id":        {id},
		"Webhook-Timestamp": {strconv.FormatInt(at.Unix(), 10)},
		"Webhook-Signature": {sig},
	}, nil
}

// scratch holds what the MACs of one message need, in one allocation: the signed
// content without the body (id + "." + ts + "."), a copy of the key being used (hmac.New
// takes a []byte; Secret holds a string) and the MAC.
type scratch struct {
	prefix    []byte
	prefixBuf [MaxIDLen + MaxTimestampDigits + 2]byte
	key       [MaxSecretBytes]byte
	sum       [sha256.Size]byte
}

func newScratch(id string, ts int64) *scratch {
	sc := new(scratch)
	p := append(sc.prefixBuf[:0], id...)
	p = append(p, '.')
	p = strconv.AppendInt(p, ts, 10)
	sc.prefix = append(p, '.')
	return sc
}

// mac returns HMAC-SHA256(s, prefix || body), valid until the next call.
func (sc *scratch) mac(s Secret, body []byte) []byte {
	h := hmac.New(sha256.New, sc.key[:copy(sc.key[:], s.key)])
	h.Write(sc.prefix)
	h.Write(body)
	return h.Sum(sc.sum[:0])
}

// checkMessage checks what Sign signs and returns at in Unix seconds.
func checkMessage(id string, at time.Time, body []byte) (int64, error) {
	if err := checkID(id); err != nil {
		return 0, err
	}
	if at.IsZero() {
		return 0, apierr.Wrap(apierr.ErrEmpty, apierr.MissingRequiredField, HeaderTimestamp,
			"%s is the zero time; want the instant of the attempt", HeaderTimestamp)
	}
	ts := at.Unix()
	if ts < 0 {
		return 0, apierr.Wrap(apierr.ErrRange, apierr.ValueOutOfRange, HeaderTimestamp,
			"%s %s is before 1970-01-01T00:00:00Z; the header holds unsigned Unix seconds",
			HeaderTimestamp, at.UTC().Format(time.RFC3339))
	}
	if err := checkBody(body); err != nil {
		return 0, err
	}
	return ts, nil
}

// checkID checks a message id: 1 to MaxIDLen bytes of printable ASCII without '.'
// (which would let a different id and timestamp sign the same bytes) or a space.
func checkID(id string) error {
	switch {
	case id == "":
		return apierr.Wrap(apierr.ErrEmpty, apierr.MissingRequiredField, HeaderID,
			"%s is empty; want the message id", HeaderID)
	case len(id) > MaxIDLen:
		return apierr.Wrap(apierr.ErrLength, apierr.InvalidFormat, HeaderID,
			"%s has %d bytes; want at most %d", HeaderID, len(id), MaxIDLen)
	}
	for i := 0; i < len(id); i++ {
		if c := id[i]; c <= ' ' || c >= 0x7f || c == '.' {
			return apierr.Wrap(apierr.ErrCharacter, apierr.InvalidFormat, HeaderID,
				"%s %s has %s at position %d; want printable ASCII without '.' or spaces",
				HeaderID, apierr.Quote(id), apierr.Quote(id[i:i+1]), i+1)
		}
	}
	return nil
}

func checkBody(body []byte) error {
	if len(body) > MaxBodyLen {
		return apierr.Wrap(apierr.ErrLength, apierr.InvalidFormat, "body",
			"body has %d bytes; want at most %d", len(body), MaxBodyLen)
	}
	return nil
}

// checkSecrets checks the secrets a message is signed or verified with: 1 to
// MaxSecrets, none the zero Secret, none twice.
func checkSecrets(secrets []Secret) error {
	if len(secrets) == 0 || len(secrets) > MaxSecrets {
		return apierr.Wrap(apierr.ErrLength, apierr.InvalidFormat, "secrets",
			"secrets has %d secrets; want 1 to %d", len(secrets), MaxSecrets)
	}
	for i, s := range secrets {
		if s.key == "" {
			return apierr.Wrap(apierr.ErrEmpty, apierr.InvalidFormat, "secrets",
				"secrets[%d] is the zero Secret; want one from ParseSecret or GenerateSecret", i)
		}
		for _, t := range secrets[:i] {
			if t == s {
				return apierr.Wrap(apierr.ErrDuplicate, apierr.InvalidFormat, "secrets",
					"secrets[%d] repeats an earlier secret", i)
			}
		}
	}
	return nil
}

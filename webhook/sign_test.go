package webhook_test

import (
	"bytes"
	"errors"
	"math"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/webhook"
	"pgregory.net/rapid"
)

// vectors are the fixed vectors of the Standard Webhooks reference libraries' own
// tests (standard-webhooks/standard-webhooks: libraries/go/webhook_test.go and
// libraries/python/tests/test_webhooks.py for the first, libraries/rust/src/lib.rs for
// the second). Both signatures were also recomputed outside Go, with Python's
// hmac/hashlib/base64.
var vectors = []struct {
	secret, id string
	ts         int64
	body, sig  string
}{
	{"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
		`{"test": 2432232314}`, "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="},
	{"whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD", "msg_27UH4WbU6Z5A5EzD8u03UvzRbpk", 1649367553,
		`{"email":"test@example.com","username":"test_user"}`, "v1,tZ1I4/hDygAJgO5TYxiSd6Sd0kDW6hPenDe+bTa3Kkw="},
}

func TestVectors(t *testing.T) {
	for _, v := range vectors {
		for _, text := range []string{v.secret, strings.TrimPrefix(v.secret, "whsec_")} {
			s := mustSecret(t, text)
			at := time.Unix(v.ts, 0)
			got, err := webhook.Sign(v.id, at, []byte(v.body), []webhook.Secret{s})
			if err != nil || got != v.sig {
				t.Errorf("Sign(%s) = %q, %v; want %q", v.id, got, err, v.sig)
			}
			// A fraction of a second does not change the signature: the timestamp is in
			// whole seconds.
			if got, _ := webhook.Sign(v.id, at.Add(999*time.Millisecond), []byte(v.body), []webhook.Secret{s}); got != v.sig {
				t.Errorf("Sign(%s) at +0.999 s = %q; want %q", v.id, got, v.sig)
			}
			h := headersOf(v.id, strconv.FormatInt(v.ts, 10), v.sig)
			if err := webhook.Verify(h, []byte(v.body), []webhook.Secret{s}, at, webhook.DefaultTolerance); err != nil {
				t.Errorf("Verify(%s) = %v", v.id, err)
			}
			hs, err := webhook.Headers(v.id, at, []byte(v.body), []webhook.Secret{s})
			if err != nil || hs.Get("webhook-id") != v.id || hs.Get("webhook-timestamp") != strconv.FormatInt(v.ts, 10) ||
				hs.Get("webhook-signature") != v.sig || len(hs) != 3 {
				t.Errorf("Headers(%s) = %v, %v", v.id, hs, err)
			}
		}
	}
}

// TestReferenceLibraryCases replays the cases of the Standard Webhooks libraries'
// tests on the first vector: multiple tokens with other versions, a partial token, a
// wrong signature, each header missing, a non-numeric timestamp, and timestamps just
// beyond the tolerance.
func TestReferenceLibraryCases(t *testing.T) {
	v := vectors[0]
	s := []webhook.Secret{mustSecret(t, v.secret)}
	now := time.Unix(v.ts, 0)
	body := []byte(v.body)
	ts := strconv.FormatInt(v.ts, 10)
	bad := "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc="
	ok := []string{
		strings.Join([]string{bad, "v2," + bad[3:], v.sig, bad}, " "),
		"v1a,hnO3f9T8Ytu9HwrXslvumlUpqtNVqkhqw/enGzPCXe5BdqzCInXqYXFymVJaA7AZdpXwVLPo3mNl8EM+m7TBAg== " + v.sig,
		"  " + v.sig + "   ",
		"\t" + bad + "\t\t" + v.sig,
		"v1 , nonsense ,,, v1, " + v.sig,
	}
	for _, sig := range ok {
		if err := webhook.Verify(headersOf(v.id, ts, sig), body, s, now, webhook.DefaultTolerance); err != nil {
			t.Errorf("Verify(signature %q) = %v, want nil", sig, err)
		}
	}
	fails := []struct {
		name        string
		h           http.Header
		code        apierr.Code
		param       string
		reason      error
		atOffsetSec int64
	}{
		{"wrong signature", headersOf(v.id, ts, bad), apierr.InvalidSignature, "webhook-signature", webhook.ErrNoMatch, 0},
		{"last byte changed", headersOf(v.id, ts, "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OA="),
			apierr.InvalidSignature, "webhook-signature", webhook.ErrNoMatch, 0},
		{"partial v1,", headersOf(v.id, ts, "v1,"), apierr.InvalidSignature, "webhook-signature", webhook.ErrNoSignature, 0},
		{"partial first bytes", headersOf(v.id, ts, v.sig[:8]), apierr.InvalidSignature, "webhook-signature", webhook.ErrNoSignature, 0},
		{"v1a only", headersOf(v.id, ts, "v1a,"+v.sig[3:]), apierr.InvalidSignature, "webhook-signature", webhook.ErrNoSignature, 0},
		{"no id", headersOf("", ts, v.sig), apierr.MissingRequiredField, "webhook-id", apierr.ErrEmpty, 0},
		{"no timestamp", headersOf(v.id, "", v.sig), apierr.MissingRequiredField, "webhook-timestamp", apierr.ErrEmpty, 0},
		{"no signature", headersOf(v.id, ts, ""), apierr.MissingRequiredField, "webhook-signature", apierr.ErrEmpty, 0},
		{"timestamp hello", headersOf(v.id, "hello", v.sig), apierr.InvalidFormat, "webhook-timestamp", apierr.ErrCharacter, 0},
		{"too old", headersOf(v.id, ts, v.sig), apierr.TimestampOutOfRange, "webhook-timestamp", webhook.ErrTooOld, 301},
		{"too new", headersOf(v.id, ts, v.sig), apierr.TimestampOutOfRange, "webhook-timestamp", webhook.ErrTooNew, -301},
	}
	for _, f := range fails {
		err := webhook.Verify(f.h, body, s, now.Add(time.Duration(f.atOffsetSec)*time.Second), webhook.DefaultTolerance)
		checkErr(t, f.name, err, f.code, f.param, f.reason)
	}
}

// TestVerifyOrder: each failure of Verify's documented list, on a delivery that also
// has every later failure, reports the earlier one.
func TestVerifyOrder(t *testing.T) {
	v := vectors[0]
	s := []webhook.Secret{mustSecret(t, v.secret)}
	now := time.Unix(v.ts, 0)
	body := []byte(v.body)
	far := strconv.FormatInt(v.ts+10000, 10)
	huge := bytes.Repeat([]byte("x"), webhook.MaxBodyLen+1)
	cases := []struct {
		name    string
		h       http.Header
		body    []byte
		secrets []webhook.Secret
		now     time.Time
		tol     time.Duration
		code    apierr.Code
		param   string
	}{
		{"no secrets", headersOf("", "x", ""), huge, nil, time.Time{}, 0, apierr.InvalidFormat, "secrets"},
		{"zero secret", headersOf("", "x", ""), huge, []webhook.Secret{{}}, time.Time{}, 0, apierr.InvalidFormat, "secrets"},
		{"repeated secret", headersOf("", "x", ""), huge, []webhook.Secret{s[0], s[0]}, time.Time{}, 0, apierr.InvalidFormat, "secrets"},
		{"eleven secrets", headersOf("", "x", ""), huge, make([]webhook.Secret, 11), time.Time{}, 0, apierr.InvalidFormat, "secrets"},
		{"zero tolerance", headersOf("", "x", ""), huge, s, time.Time{}, 0, apierr.ValueOutOfRange, "tolerance"},
		{"negative tolerance", headersOf("", "x", ""), huge, s, time.Time{}, -time.Second, apierr.ValueOutOfRange, "tolerance"},
		{"zero now", headersOf("", "x", ""), huge, s, time.Time{}, time.Second, apierr.MissingRequiredField, "now"},
		{"id missing first", headersOf("", "", ""), huge, s, now, time.Second, apierr.MissingRequiredField, "webhook-id"},
		{"timestamp missing before signature", headersOf("a.b", "", ""), huge, s, now, time.Second, apierr.MissingRequiredField, "webhook-timestamp"},
		{"signature missing before shapes", headersOf("a.b", "x", ""), huge, s, now, time.Second, apierr.MissingRequiredField, "webhook-signature"},
		{"id with a dot", headersOf("a.b", "x", strings.Repeat("v", 5000)), huge, s, now, time.Second, apierr.InvalidFormat, "webhook-id"},
		{"id too long", headersOf(strings.Repeat("i", 257), "x", "v"), huge, s, now, time.Second, apierr.InvalidFormat, "webhook-id"},
		{"signed timestamp", headersOf(v.id, "+1614265330", strings.Repeat("v", 5000)), huge, s, now, time.Second, apierr.InvalidFormat, "webhook-timestamp"},
		{"timestamp 20 digits", headersOf(v.id, strings.Repeat("1", 20), strings.Repeat("v", 5000)), huge, s, now, time.Second, apierr.InvalidFormat, "webhook-timestamp"},
		{"signature too long", headersOf(v.id, far, strings.Repeat("v", 4097)), huge, s, now, time.Second, apierr.InvalidFormat, "webhook-signature"},
		{"out of tolerance", headersOf(v.id, far, "v1,x"), huge, s, now, time.Second, apierr.TimestampOutOfRange, "webhook-timestamp"},
		{"19 nines saturate", headersOf(v.id, strings.Repeat("9", 19), "v1,x"), huge, s, now, time.Second, apierr.TimestampOutOfRange, "webhook-timestamp"},
		{"body too long", headersOf(v.id, strconv.FormatInt(v.ts, 10), "v1,x"), huge, s, now, time.Second, apierr.InvalidFormat, "body"},
		{"then the signature", headersOf(v.id, strconv.FormatInt(v.ts, 10), "v1,x"), body, s, now, time.Second, apierr.InvalidSignature, "webhook-signature"},
	}
	for _, c := range cases {
		err := webhook.Verify(c.h, c.body, c.secrets, c.now, c.tol)
		checkErr(t, c.name, err, c.code, c.param, nil)
	}
}

func TestVerifyHeaderKeys(t *testing.T) {
	v := vectors[0]
	s := []webhook.Secret{mustSecret(t, v.secret)}
	ts := strconv.FormatInt(v.ts, 10)
	// A hand-built map with the lowercase names of the spec works too.
	h := http.Header{"webhook-id": {v.id}, "webhook-timestamp": {ts}, "webhook-signature": {v.sig}}
	if err := webhook.Verify(h, []byte(v.body), s, time.Unix(v.ts, 0), webhook.DefaultTolerance); err != nil {
		t.Errorf("Verify(lowercase keys) = %v", err)
	}
	// A repeated header is read at its first value.
	h = headersOf(v.id, ts, v.sig)
	h.Add(webhook.HeaderSignature, "v1,garbage")
	if err := webhook.Verify(h, []byte(v.body), s, time.Unix(v.ts, 0), webhook.DefaultTolerance); err != nil {
		t.Errorf("Verify(repeated signature header) = %v", err)
	}
	h = headersOf(v.id, ts, "v1,garbage")
	h.Add(webhook.HeaderSignature, v.sig)
	checkErr(t, "second signature header", webhook.Verify(h, []byte(v.body), s, time.Unix(v.ts, 0), webhook.DefaultTolerance),
		apierr.InvalidSignature, "webhook-signature", webhook.ErrNoSignature)
	// Leading zeros are digits: the signed content uses the value (as the reference
	// libraries, which parse the header, do).
	if err := webhook.Verify(headersOf(v.id, "000"+ts, v.sig), []byte(v.body), s, time.Unix(v.ts, 0), webhook.DefaultTolerance); err != nil {
		t.Errorf("Verify(leading zeros) = %v", err)
	}
}

func TestSignErrors(t *testing.T) {
	s := []webhook.Secret{mustSecret(t, vectors[0].secret)}
	at := time.Unix(1767225600, 0)
	cases := []struct {
		name    string
		id      string
		at      time.Time
		body    []byte
		secrets []webhook.Secret
		code    apierr.Code
		param   string
		reason  error
	}{
		{"empty id", "", at, nil, s, apierr.MissingRequiredField, "webhook-id", apierr.ErrEmpty},
		{"dot in id", "msg.1", at, nil, s, apierr.InvalidFormat, "webhook-id", apierr.ErrCharacter},
		{"space in id", "msg 1", at, nil, s, apierr.InvalidFormat, "webhook-id", apierr.ErrCharacter},
		{"non-ASCII id", "msg_é", at, nil, s, apierr.InvalidFormat, "webhook-id", apierr.ErrCharacter},
		{"long id", strings.Repeat("a", 257), at, nil, s, apierr.InvalidFormat, "webhook-id", apierr.ErrLength},
		{"zero time", "msg_1", time.Time{}, nil, s, apierr.MissingRequiredField, "webhook-timestamp", apierr.ErrEmpty},
		{"before 1970", "msg_1", time.Unix(-1, 0), nil, s, apierr.ValueOutOfRange, "webhook-timestamp", apierr.ErrRange},
		{"huge body", "msg_1", at, make([]byte, webhook.MaxBodyLen+1), s, apierr.InvalidFormat, "body", apierr.ErrLength},
		{"no secrets", "msg_1", at, nil, nil, apierr.InvalidFormat, "secrets", apierr.ErrLength},
		{"zero secret", "msg_1", at, nil, []webhook.Secret{s[0], {}}, apierr.InvalidFormat, "secrets", apierr.ErrEmpty},
		{"repeated secret", "msg_1", at, nil, []webhook.Secret{s[0], s[0]}, apierr.InvalidFormat, "secrets", apierr.ErrDuplicate},
	}
	for _, c := range cases {
		got, err := webhook.Sign(c.id, c.at, c.body, c.secrets)
		if got != "" {
			t.Errorf("%s: Sign = %q with an error", c.name, got)
		}
		checkErr(t, c.name, err, c.code, c.param, c.reason)
		h, err := webhook.Headers(c.id, c.at, c.body, c.secrets)
		if h != nil {
			t.Errorf("%s: Headers = %v with an error", c.name, h)
		}
		checkErr(t, c.name+" (Headers)", err, c.code, c.param, c.reason)
	}
	// The limits themselves are accepted: an id of 256 bytes, a body of MaxBodyLen (256 KiB), 10
	// secrets, the Unix epoch, an empty body.
	ten := make([]webhook.Secret, webhook.MaxSecrets)
	for i := range ten {
		ten[i] = secretOf(byte(i), 32)
	}
	sig, err := webhook.Sign(strings.Repeat("a", 256), time.Unix(0, 0), make([]byte, webhook.MaxBodyLen), ten)
	if err != nil || len(sig) != 10*47+9 {
		t.Errorf("Sign at the limits = %d bytes, %v", len(sig), err)
	}
	if _, err := webhook.Sign("m", at, nil, s); err != nil {
		t.Errorf("Sign(empty body) = %v", err)
	}
}

// secretOf is a secret of n bytes, all equal to b+1 (never the zero Secret).
func secretOf(b byte, n int) webhook.Secret {
	key := bytes.Repeat([]byte{b + 1}, n)
	s, err := webhook.ParseSecret(base64Std(key))
	if err != nil {
		panic(err)
	}
	return s
}

// genKeys draws min to max distinct raw keys of 24 to 64 bytes.
func genKeys(t *rapid.T, min, max int) [][]byte {
	n := rapid.IntRange(min, max).Draw(t, "secrets")
	keys := make([][]byte, 0, n)
	seen := map[string]bool{}
	for len(keys) < n {
		k := rapid.SliceOfN(rapid.Byte(), webhook.MinSecretBytes, webhook.MaxSecretBytes).Draw(t, "key")
		if !seen[string(k)] {
			seen[string(k)] = true
			keys = append(keys, k)
		}
	}
	return keys
}

func secretsOf(t tb, keys [][]byte) []webhook.Secret {
	out := make([]webhook.Secret, len(keys))
	for i, k := range keys {
		s, err := webhook.ParseSecret("whsec_" + base64Std(k))
		if err != nil {
			t.Fatalf("ParseSecret: %v", err)
		}
		out[i] = s
	}
	return out
}

// idRunes is the alphabet of a message id: printable ASCII without '.' or space.
var idRunes = func() []rune {
	var rs []rune
	for c := rune('!'); c <= '~'; c++ {
		if c != '.' {
			rs = append(rs, c)
		}
	}
	return rs
}()

// genID draws a valid message id.
func genID(t *rapid.T) string {
	return rapid.StringOfN(rapid.RuneFrom(idRunes), 1, 64, -1).Draw(t, "id")
}

// TestSignMatchesReference: Sign equals the slow reference signer on random keys,
// ids, instants and bodies.
func TestSignMatchesReference(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		keys := genKeys(t, 1, webhook.MaxSecrets)
		id := genID(t)
		ts := rapid.Int64Range(0, 1<<40).Draw(t, "ts")
		body := rapid.SliceOfN(rapid.Byte(), 0, 2048).Draw(t, "body")
		got, err := webhook.Sign(id, time.Unix(ts, 0), body, secretsOf(t, keys))
		if want := refSign(keys, id, ts, body); err != nil || got != want {
			t.Fatalf("Sign = %q, %v\nwant %q", got, err, want)
		}
	})
}

// TestSignThenVerify: what Sign signs, Verify accepts, for any secrets the receiver
// shares with the sender, at any clock within the tolerance.
func TestSignThenVerify(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		keys := genKeys(t, 1, webhook.MaxSecrets)
		secrets := secretsOf(t, keys)
		id := genID(t)
		ts := rapid.Int64Range(0, 1<<40).Draw(t, "ts")
		body := rapid.SliceOfN(rapid.Byte(), 0, 2048).Draw(t, "body")
		tol := time.Duration(rapid.Int64Range(1, 86400).Draw(t, "tolerance")) * time.Second
		skew := time.Duration(rapid.Int64Range(-int64(tol), int64(tol)).Draw(t, "skew"))
		h, err := webhook.Headers(id, time.Unix(ts, 0), body, secrets)
		if err != nil {
			t.Fatal(err)
		}
		// The receiver holds any non-empty subset of the secrets, in any order.
		perm := rapid.Permutation(secrets).Draw(t, "order")
		mine := perm[:rapid.IntRange(1, len(perm)).Draw(t, "held")]
		now := time.Unix(ts, 0).Add(skew) // within the tolerance, rounded down or not
		if err := webhook.Verify(h, body, mine, now, tol); err != nil {
			t.Fatalf("Verify = %v", err)
		}
	})
}

// TestOneByteChangeFails: changing one byte of the body, the id or the timestamp of a
// signed delivery makes Verify fail; when the change leaves the headers well formed
// and in tolerance, the failure is invalid_signature. The property fails if too few
// draws reach that case.
func TestOneByteChangeFails(t *testing.T) {
	var signatureFailures, draws int
	rapid.Check(t, func(t *rapid.T) {
		draws++
		keys := genKeys(t, 1, 2)
		secrets := secretsOf(t, keys)
		id := genID(t)
		ts := rapid.Int64Range(1e9, 1e10-1).Draw(t, "ts") // ten digits
		body := rapid.SliceOfN(rapid.Byte(), 1, 256).Draw(t, "body")
		sig, err := webhook.Sign(id, time.Unix(ts, 0), body, secrets)
		if err != nil {
			t.Fatal(err)
		}
		tsText := strconv.FormatInt(ts, 10)
		// change replaces one byte of s: by any other byte, or (half the time) by
		// another byte of alphabet, which keeps a header well formed.
		change := func(s []byte, alphabet string) []byte {
			out := bytes.Clone(s)
			i := rapid.IntRange(0, len(out)-1).Draw(t, "at")
			if rapid.Bool().Draw(t, "well formed") {
				c := alphabet[rapid.IntRange(0, len(alphabet)-1).Draw(t, "to")]
				if c == out[i] {
					c = alphabet[(strings.IndexByte(alphabet, c)+1)%len(alphabet)]
				}
				out[i] = c
			} else {
				out[i] ^= byte(rapid.IntRange(1, 255).Draw(t, "xor"))
			}
			return out
		}
		field := rapid.SampledFrom([]string{"body", "id", "timestamp"}).Draw(t, "field")
		switch field {
		case "body":
			body = change(body, "{}[]:,\"0123456789abc")
		case "id":
			id = string(change([]byte(id), string(idRunes)))
		case "timestamp":
			tsText = string(change([]byte(tsText), "0123456789"))
		}
		// The longest tolerance (292 years) keeps every 10-digit timestamp in range.
		err = webhook.Verify(headersOf(id, tsText, sig), body, secrets, time.Unix(ts, 0), math.MaxInt64)
		if err == nil {
			t.Fatalf("Verify accepted a delivery whose %s changed", field)
		}
		if errors.Is(err, apierr.InvalidSignature) {
			signatureFailures++
		}
	})
	if signatureFailures < draws/2 {
		t.Fatalf("only %d of %d draws failed on the signature itself", signatureFailures, draws)
	}
}

// TestRotationTokensVerifyAlone: during a rotation a delivery carries one token per
// secret; each token verifies alone, for a receiver holding its secret (or both), and
// not for a receiver holding only the other.
func TestRotationTokensVerifyAlone(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		keys := genKeys(t, 2, 2)
		secrets := secretsOf(t, keys)
		id := genID(t)
		ts := rapid.Int64Range(0, 1<<40).Draw(t, "ts")
		body := rapid.SliceOfN(rapid.Byte(), 0, 512).Draw(t, "body")
		at := time.Unix(ts, 0)
		sig, err := webhook.Sign(id, at, body, secrets)
		toks := strings.Split(sig, " ")
		if err != nil || len(toks) != 2 {
			t.Fatalf("Sign = %q, %v", sig, err)
		}
		h := func(tok string) http.Header { return headersOf(id, strconv.FormatInt(ts, 10), tok) }
		for i, tok := range toks {
			for _, mine := range [][]webhook.Secret{{secrets[i]}, secrets, {secrets[1], secrets[0]}} {
				if err := webhook.Verify(h(tok), body, mine, at, webhook.DefaultTolerance); err != nil {
					t.Fatalf("token %d alone, %d secrets: %v", i, len(mine), err)
				}
			}
			err := webhook.Verify(h(tok), body, []webhook.Secret{secrets[1-i]}, at, webhook.DefaultTolerance)
			if !errors.Is(err, webhook.ErrNoMatch) {
				t.Fatalf("token %d verified by the other secret: %v", i, err)
			}
		}
	})
}

// TestToleranceEdges: the tolerance is inclusive on both sides, in whole seconds of
// the receiver's clock (rounded down): ts − tol and ts + tol verify, one second
// beyond does not.
func TestToleranceEdges(t *testing.T) {
	s := []webhook.Secret{mustSecret(t, vectors[0].secret)}
	rapid.Check(t, func(t *rapid.T) {
		ts := rapid.Int64Range(1e6, 1<<40).Draw(t, "ts")
		tolSec := rapid.Int64Range(1, 1e6).Draw(t, "tolerance")
		frac := time.Duration(rapid.Int64Range(0, int64(time.Second)-1).Draw(t, "fraction"))
		// A sub-second part of the tolerance does not widen it.
		tolFrac := time.Duration(rapid.Int64Range(0, int64(time.Second)-1).Draw(t, "tolerance fraction"))
		tol := time.Duration(tolSec)*time.Second + tolFrac
		h, _ := webhook.Headers("msg_1", time.Unix(ts, 0), nil, s)
		for _, c := range []struct {
			nowSec int64
			reason error
		}{
			{ts + tolSec, nil}, {ts - tolSec, nil}, {ts, nil},
			{ts + tolSec + 1, webhook.ErrTooOld}, {ts - tolSec - 1, webhook.ErrTooNew},
		} {
			err := webhook.Verify(h, nil, s, time.Unix(c.nowSec, 0).Add(frac), tol)
			switch {
			case c.reason == nil && err != nil:
				t.Fatalf("now = ts%+d s (+%v), tolerance %v: %v", c.nowSec-ts, frac, tol, err)
			case c.reason != nil && !errors.Is(err, c.reason):
				t.Fatalf("now = ts%+d s (+%v), tolerance %v: %v, want %v", c.nowSec-ts, frac, tol, err, c.reason)
			}
		}
	})
}

// TestVerifyMatchesReference: on deliveries signed, then mutated at random (tokens
// dropped, added, reordered, spaced; headers swapped for near misses), Verify accepts
// exactly what the slow reference verifier accepts.
func TestVerifyMatchesReference(t *testing.T) {
	accepted, rejected := 0, 0
	rapid.Check(t, func(t *rapid.T) {
		keys := genKeys(t, 1, 3)
		id := rapid.SampledFrom([]string{"msg_1", "evt_00112233445566778899aabbccddeeff", "msg_2", "msg_3",
			"msg_4", "msg_5", "msg_6", "a.b", "", "x y"}).Draw(t, "id")
		ts := rapid.Int64Range(1e9, 2e9).Draw(t, "ts")
		body := rapid.SliceOfN(rapid.Byte(), 0, 64).Draw(t, "body")
		held := keys[:rapid.IntRange(1, len(keys)).Draw(t, "held")]
		signers := keys[rapid.IntRange(0, len(keys)-1).Draw(t, "first signer"):]
		sig := refSign(signers, strings.ReplaceAll(id, ".", "_"), ts, body)
		toks := strings.Split(sig, " ")
		pool := append(append(append([]string{}, toks...), toks...), toks...) // the real tokens weigh more
		pool = append(pool, "v1,", "v1a,"+toks[0][3:], "v2,"+toks[0][3:], "v1,"+toks[0][4:], "garbage", "")
		picked := rapid.SliceOfN(rapid.SampledFrom(pool), 0, 5).Draw(t, "tokens")
		seps := rapid.SampledFrom([]string{" ", "  ", "\t", " \t "}).Draw(t, "separator")
		header := strings.Join(picked, seps)
		canonical := strconv.FormatInt(ts, 10)
		tsText := rapid.SampledFrom([]string{canonical, canonical, canonical, canonical, canonical, "0" + canonical, "-1", "1e9", ""}).Draw(t, "timestamp")
		now := time.Unix(ts+rapid.Int64Range(-320, 320).Draw(t, "skew"), 0)
		err := webhook.Verify(headersOf(id, tsText, header), body, secretsOf(t, held), now, webhook.DefaultTolerance)
		want := refVerify(held, id, tsText, header, body, now, webhook.DefaultTolerance)
		if (err == nil) != want {
			t.Fatalf("Verify = %v; reference accepts = %v (header %q)", err, want, header)
		}
		if err == nil {
			accepted++
		} else {
			rejected++
			var e *apierr.Error
			if !errors.As(err, &e) || !e.Code.Known() {
				t.Fatalf("Verify error %v is not an *apierr.Error with a known code", err)
			}
		}
	})
	t.Logf("accepted %d rejected %d", accepted, rejected)
	if accepted < 10 || rejected < 10 {
		t.Fatalf("vacuous: %d accepted, %d rejected", accepted, rejected)
	}
}

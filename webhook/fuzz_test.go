package webhook_test

import (
	"encoding/base64"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/webhook"
)

// FuzzParseSecret checks ParseSecret differentially against the slow reference of
// secret_test.go: the same strings accepted, the same key, and for the others an
// invalid_format error for param secret that does not repeat the input.
func FuzzParseSecret(f *testing.F) {
	for _, s := range []string{vectors[0].secret, vectors[1].secret[6:], "", "whsec_", "whsec_not!base64",
		"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaS", "whsec_" + nonCanonical(25), "whsec_MfKQ9r8GKYqrTwjU\nPD8ILPZIo2LaLaSw"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkParseSecret(t, s)
		if _, err := webhook.ParseSecret(s); err != nil && len(s) >= 12 && strings.Contains(err.Error(), s) {
			t.Fatalf("ParseSecret(%q) error repeats the input: %v", s, err)
		}
	})
}

// FuzzVerify feeds arbitrary headers and bodies to Verify, with the receiver holding
// the two vector secrets and its clock at the fuzzed offset from the first vector's
// timestamp. Verify must not panic, must answer only *apierr.Error with a known code,
// and must accept exactly what the slow reference verifier accepts. The seeds include
// the vectors, so the accepting path is fuzzed too.
func FuzzVerify(f *testing.F) {
	for _, v := range vectors {
		f.Add(v.id, strconv.FormatInt(v.ts, 10), v.sig, v.body, int64(0))
		f.Add(v.id, strconv.FormatInt(v.ts, 10), "v1a,x "+v.sig+"\tv2,y", v.body, int64(300))
		f.Add(v.id, "0"+strconv.FormatInt(v.ts, 10), v.sig, v.body, int64(-300))
		f.Add(v.id, strconv.FormatInt(v.ts, 10), v.sig, v.body+" ", int64(1))
	}
	f.Add("", "", "", "", int64(0))
	f.Add("a.b", "-1", "v1,", "{}", int64(1<<40))
	f.Add("msg", "99999999999999999999", "v1,,,", "", int64(-1<<40))
	keys := make([][]byte, len(vectors))
	secrets := make([]webhook.Secret, len(vectors))
	for i, v := range vectors {
		keys[i], _ = base64.StdEncoding.DecodeString(v.secret[6:])
		secrets[i] = mustSecret(f, v.secret)
	}
	f.Fuzz(func(t *testing.T, id, ts, sig, body string, offset int64) {
		now := time.Unix(vectors[0].ts, 0).Add(time.Duration(offset) * time.Second)
		if offset > 1<<50 || offset < -(1<<50) {
			now = time.Unix(offset, 0)
		}
		err := webhook.Verify(headersOf(id, ts, sig), []byte(body), secrets, now, webhook.DefaultTolerance)
		want := refVerify(keys, id, ts, sig, []byte(body), now, webhook.DefaultTolerance)
		if (err == nil) != want {
			t.Fatalf("Verify(%q, %q, %q, %q) = %v; the reference accepts = %v", id, ts, sig, body, err, want)
		}
		if err != nil {
			var e *apierr.Error
			if !errors.As(err, &e) || !e.Code.Known() || e.Param == "" {
				t.Fatalf("Verify error %v is not an *apierr.Error with a known code and a param", err)
			}
		}
	})
}

// FuzzParsePatterns splits the input on commas into a pattern list and checks
// ParsePatterns differentially against the slow validator and matcher.
func FuzzParsePatterns(f *testing.F) {
	f.Add("*")
	f.Add("customer.*,loan.finished")
	f.Add("credit_offer.*,credit_offer.*")
	f.Add("loan,*.created")
	f.Add("")
	f.Fuzz(func(t *testing.T, s string) {
		var ps []string
		if s != "" {
			ps = strings.Split(s, ",")
		}
		checkPatterns(t, ps)
	})
}

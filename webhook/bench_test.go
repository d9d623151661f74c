package webhook_test

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/dinie/lending/statemachine"
	"github.com/dinie/lending/webhook"
)

var (
	sinkString string
	sinkErr    error
	sinkBool   bool
	sinkBytes  []byte
)

// benchMessage is the benchmarks' delivery: a 1 KiB body, two secrets (a rotation
// window), the id of an envelope.
type benchMessage struct {
	id      string
	at      time.Time
	body    []byte
	keys    [][]byte
	secrets []webhook.Secret
	header  http.Header // signed with the second secret only
}

func newBenchMessage(tb testing.TB) benchMessage {
	m := benchMessage{id: "evt_000102030405060708090a0b0c0d0e0f", at: time.Unix(1767225600, 0), body: make([]byte, 1024)}
	for i := range m.body {
		m.body[i] = 'a' + byte(i%26)
	}
	for _, s := range vectors {
		k, _ := base64.StdEncoding.DecodeString(s.secret[6:])
		m.keys = append(m.keys, k)
		m.secrets = append(m.secrets, mustSecret(tb, s.secret))
	}
	var err error
	m.header, err = webhook.Headers(m.id, m.at, m.body, m.secrets[1:])
	if err != nil {
		tb.Fatal(err)
	}
	return m
}

// BenchmarkHMACBaseline is the floor Sign and Verify are measured against: crypto/hmac
// over the same signed bytes with the same two keys, each MAC base64-encoded, written
// as a caller would by hand (the prefix built once, the body written after it).
func BenchmarkHMACBaseline(b *testing.B) {
	m := newBenchMessage(b)
	prefix := []byte(m.id + "." + strconv.FormatInt(m.at.Unix(), 10) + ".")
	var enc [44]byte
	b.ReportAllocs()
	b.SetBytes(int64(len(m.body)))
	for b.Loop() {
		for _, k := range m.keys {
			h := hmac.New(sha256.New, k)
			h.Write(prefix)
			h.Write(m.body)
			base64.StdEncoding.Encode(enc[:], h.Sum(nil))
		}
	}
	sinkBytes = enc[:]
}

// BenchmarkSign signs the 1 KiB body with both secrets (two tokens).
func BenchmarkSign(b *testing.B) {
	m := newBenchMessage(b)
	b.ReportAllocs()
	b.SetBytes(int64(len(m.body)))
	for b.Loop() {
		sinkString, sinkErr = webhook.Sign(m.id, m.at, m.body, m.secrets)
	}
}

// BenchmarkVerify is Verify's worst accepting case with two secrets: the token matches
// only the receiver's second secret, so both MACs are computed, as in the baseline.
func BenchmarkVerify(b *testing.B) {
	m := newBenchMessage(b)
	b.ReportAllocs()
	b.SetBytes(int64(len(m.body)))
	for b.Loop() {
		sinkErr = webhook.Verify(m.header, m.body, m.secrets, m.at, webhook.DefaultTolerance)
	}
	if sinkErr != nil {
		b.Fatal(sinkErr)
	}
}

// BenchmarkVerifyFirstSecret: the token matches the first secret; one MAC.
func BenchmarkVerifyFirstSecret(b *testing.B) {
	m := newBenchMessage(b)
	secrets := []webhook.Secret{m.secrets[1], m.secrets[0]}
	b.ReportAllocs()
	for b.Loop() {
		sinkErr = webhook.Verify(m.header, m.body, secrets, m.at, webhook.DefaultTolerance)
	}
	if sinkErr != nil {
		b.Fatal(sinkErr)
	}
}

func BenchmarkParseSecret(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_, sinkErr = webhook.ParseSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
	}
}

func BenchmarkParsePatterns(b *testing.B) {
	ps := []string{"customer.*", "credit_offer.expired", "loan.payment_received", "loan.finished"}
	b.ReportAllocs()
	for b.Loop() {
		_, sinkErr = webhook.ParsePatterns(ps)
	}
}

// BenchmarkMatch is the per-delivery check of a compiled pattern list.
func BenchmarkMatch(b *testing.B) {
	set, _ := webhook.ParsePatterns([]string{"customer.*", "loan.finished"})
	b.ReportAllocs()
	for b.Loop() {
		sinkBool = set.Match(statemachine.EventLoanFinished)
	}
}

// TestAllocations pins what the hot paths allocate, beside crypto/hmac's own share on
// the same work (measured by the baseline's loop body).
func TestAllocations(t *testing.T) {
	m := newBenchMessage(t)
	prefix := []byte(m.id + "." + strconv.FormatInt(m.at.Unix(), 10) + ".")
	perMAC := testing.AllocsPerRun(100, func() {
		h := hmac.New(sha256.New, m.keys[0])
		h.Write(prefix)
		h.Write(m.body)
		sinkBytes = h.Sum(sinkBytes[:0])
	})
	sign := testing.AllocsPerRun(100, func() { sinkString, sinkErr = webhook.Sign(m.id, m.at, m.body, m.secrets) })
	verify := testing.AllocsPerRun(100, func() {
		sinkErr = webhook.Verify(m.header, m.body, m.secrets, m.at, webhook.DefaultTolerance)
	})
	// Beyond crypto/hmac's two MACs: one scratch buffer (the signed prefix, the key
	// copy, the sum) for both, and the header string for Sign.
	if sign != 2*perMAC+2 || verify != 2*perMAC+1 {
		t.Errorf("allocations: Sign %v, Verify %v; crypto/hmac allocates %v per MAC", sign, verify, perMAC)
	}
	if _, err := webhook.ParseSecret(vectors[0].secret); err != nil {
		t.Fatal(err)
	}
	if n := testing.AllocsPerRun(100, func() { _, sinkErr = webhook.ParseSecret(vectors[0].secret) }); n > 1 {
		t.Errorf("ParseSecret allocates %v times, want at most 1 (the key)", n)
	}
}

// TestConcurrentUse shares secrets, patterns and an endpoint between goroutines; run
// under -race it checks that everything is safe for concurrent use.
func TestConcurrentUse(t *testing.T) {
	m := newBenchMessage(t)
	ep, err := webhook.NewEndpoint("we_550e8400e29b41d4a716446655440000", "https://partner.example/hooks",
		[]string{"loan.*"}, m.secrets[0])
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 50; i++ {
				sig, err := webhook.Sign(m.id, m.at, m.body, m.secrets)
				h := http.Header{"Webhook-Id": {m.id}, "Webhook-Timestamp": {"1767225600"}, "Webhook-Signature": {sig}}
				if err != nil || webhook.Verify(h, m.body, m.secrets, m.at, webhook.DefaultTolerance) != nil {
					t.Error("sign then verify failed", err)
					return
				}
				if _, err := webhook.RotateSecret(ep.Secrets, m.secrets[1], m.at, 60); err != nil {
					t.Error(err)
					return
				}
				if len(webhook.Recipients([]webhook.Endpoint{ep}, statemachine.EventLoanActive)) != 1 {
					t.Error("Recipients")
					return
				}
			}
		}()
	}
	wg.Wait()
	if len(ep.Secrets) != 1 || !ep.Secrets[0].ExpiresAt.IsZero() {
		t.Error("a shared endpoint was modified")
	}
}

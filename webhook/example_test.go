package webhook_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"time"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/statemachine"
	"github.com/dinie/lending/webhook"
	"github.com/shopspring/decimal"
)

// The first fixed vector of the Standard Webhooks libraries.
func ExampleSign() {
	secret, _ := webhook.ParseSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
	sig, err := webhook.Sign("msg_p5jXN8AQM9LWM0D4loKWxJek", time.Unix(1614265330, 0),
		[]byte(`{"test": 2432232314}`), []webhook.Secret{secret})
	fmt.Println(sig, err)
	// Output: v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE= <nil>
}

// A server delivers loan.active to an endpoint in the middle of a secret rotation:
// the envelope, its body, and the headers signed with both secrets. (The timestamp and
// the two tokens were recomputed with Python's calendar, hmac, hashlib and base64 from
// the body printed.)
func ExampleHeaders() {
	// Fixed bytes stand in for crypto/rand.Reader, so the output is reproducible.
	random := bytes.NewReader(bytes.Repeat([]byte{0x5a}, 64))
	old, _ := webhook.ParseSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
	current, _ := webhook.ParseSecret("whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD")
	rotatedAt := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	endpoint := webhook.Endpoint{
		ID: "we_550e8400e29b41d4a716446655440000", URL: "https://partner.example/hooks",
		Events: webhook.AllEvents, Status: statemachine.WebhookActive,
		Secrets: []webhook.EndpointSecret{{Secret: current}, {Secret: old, ExpiresAt: rotatedAt.Add(time.Hour)}},
	}
	occurred := time.Date(2026, 3, 10, 12, 30, 0, 0, time.UTC)
	env, _ := webhook.NewEnvelope(random, statemachine.EventLoanActive, occurred,
		json.RawMessage(`{"id":"ln_550e8400e29b41d4a716446655440000","status":"active"}`))
	body, _ := json.Marshal(env)

	attempt := occurred.Add(2 * time.Second)
	secrets, _ := endpoint.SigningSecrets(attempt) // current first, then the old one
	h, _ := webhook.Headers(env.ID, attempt, body, secrets)
	fmt.Println(string(body))
	fmt.Println("webhook-id:", h.Get(webhook.HeaderID))
	fmt.Println("webhook-timestamp:", h.Get(webhook.HeaderTimestamp))
	for _, tok := range strings.Fields(h.Get(webhook.HeaderSignature)) {
		fmt.Println("webhook-signature token:", tok)
	}
	// Output:
	// {"id":"evt_5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a","type":"loan.active","timestamp":"2026-03-10T12:30:00Z","created_at":"2026-03-10T12:30:00Z","api_version":"2026-03-01","delivery_id":"dlv_5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a","data":{"id":"ln_550e8400e29b41d4a716446655440000","status":"active"}}
	// webhook-id: evt_5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a
	// webhook-timestamp: 1773145802
	// webhook-signature token: v1,NVIVZr+iYQiF8XVhHp/pTthzffMKtZ30sTlqohbdY6k=
	// webhook-signature token: v1,CsytfOxo9FAs6Ga1oCtC1Ia71x3V1AcNFNOJYvSVk/Y=
}

// A partner's handler verifies each delivery before it trusts the body, and answers
// 400 with the error's code otherwise. httptest stands in for the network.
func ExampleVerifyRequest() {
	secret, _ := webhook.ParseSecret("whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD")
	clock := func() time.Time { return time.Unix(1649367553+40, 0) } // time.Now in production
	handler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := webhook.VerifyRequest(r, []webhook.Secret{secret}, clock(), webhook.DefaultTolerance)
		var e *apierr.Error
		if errors.As(err, &e) {
			http.Error(w, string(e.Code), http.StatusBadRequest)
			return
		}
		var event struct {
			Email string `json:"email"`
		}
		json.Unmarshal(body, &event)
		fmt.Fprintln(w, "accepted", event.Email)
	})
	post := func(body, signature string) {
		r := httptest.NewRequest(http.MethodPost, "/hooks", strings.NewReader(body))
		r.Header.Set("webhook-id", "msg_27UH4WbU6Z5A5EzD8u03UvzRbpk")
		r.Header.Set("webhook-timestamp", "1649367553")
		r.Header.Set("webhook-signature", signature)
		w := httptest.NewRecorder()
		handler.ServeHTTP(w, r)
		out, _ := io.ReadAll(w.Result().Body)
		fmt.Print(w.Code, " ", string(out))
	}
	post(`{"email":"test@example.com","username":"test_user"}`, "v1,tZ1I4/hDygAJgO5TYxiSd6Sd0kDW6hPenDe+bTa3Kkw=")
	post(`{"email":"evil@example.com","username":"test_user"}`, "v1,tZ1I4/hDygAJgO5TYxiSd6Sd0kDW6hPenDe+bTa3Kkw=")
	post(`{"email":"test@example.com","username":"test_user"}`, "v1a,somethingelse")
	// Output:
	// 200 accepted test@example.com
	// 400 invalid_signature
	// 400 invalid_signature
}

func ExampleVerify() {
	secret, _ := webhook.ParseSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
	secrets := []webhook.Secret{secret}
	body := []byte(`{"test": 2432232314}`)
	h := http.Header{}
	h.Set("webhook-id", "msg_p5jXN8AQM9LWM0D4loKWxJek")
	h.Set("webhook-timestamp", "1614265330")
	h.Set("webhook-signature", "v1a,ignored v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
	at := func(sec int64) time.Time { return time.Unix(1614265330+sec, 0) }
	fmt.Println(webhook.Verify(h, body, secrets, at(300), webhook.DefaultTolerance)) // the edge is inclusive
	fmt.Println(webhook.Verify(h, body, secrets, at(301), webhook.DefaultTolerance))
	fmt.Println(webhook.Verify(h, []byte(`{"test":2432232314}`), secrets, at(0), webhook.DefaultTolerance))
	h.Set("webhook-timestamp", "1614265330.5")
	fmt.Println(webhook.Verify(h, body, secrets, at(0), webhook.DefaultTolerance))
	h.Del("webhook-signature")
	err := webhook.Verify(h, body, secrets, at(0), webhook.DefaultTolerance)
	var e *apierr.Error
	errors.As(err, &e)
	fmt.Println(e.Code, e.Param)
	// Output:
	// <nil>
	// timestamp_out_of_range: webhook-timestamp 1614265330 is 301 s before the receiver's clock; the tolerance is 300 s
	// invalid_signature: webhook-signature has 1 v1 tokens and none matches the message under any of the receiver's 1 secrets
	// invalid_format: webhook-timestamp "1614265330.5" has "." at position 11; want Unix seconds in decimal digits only
	// missing_required_field webhook-signature
}

func ExampleParseSecret() {
	s, err := webhook.ParseSecret("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw") // the prefix is optional
	fmt.Println(s.Encode(), err)
	fmt.Println(s) // fmt never shows the key
	_, err = webhook.ParseSecret("whsec_not!base64")
	fmt.Println(err)
	_, err = webhook.ParseSecret("whsec_c2hvcnQ=")
	fmt.Println(err)
	// Output:
	// whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw <nil>
	// whsec_(redacted)
	// invalid_format: secret has a character outside base64 at position 10; expected whsec_ and padded standard base64 of 24 to 64 bytes
	// invalid_format: secret decodes to 5 bytes; expected whsec_ and padded standard base64 of 24 to 64 bytes
}

func ExampleGenerateSecret() {
	// crypto/rand.Reader in production; 32 bytes 0x00 … 0x1f here.
	seq := make([]byte, 32)
	for i := range seq {
		seq[i] = byte(i)
	}
	s, err := webhook.GenerateSecret(bytes.NewReader(seq))
	fmt.Println(s.Encode(), err)
	// Output: whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8= <nil>
}

func ExampleSecret_Encode() {
	s, _ := webhook.ParseSecret("C2FVsBQIhrscChlQIMV+b5sSYspob7oD")
	fmt.Println(s.Encode())
	fmt.Printf("%v %#v\n", s, s)
	// Output:
	// whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD
	// whsec_(redacted) webhook.Secret("whsec_(redacted)")
}

func ExampleRotateSecret() {
	t0 := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	old, _ := webhook.ParseSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
	next, _ := webhook.ParseSecret("whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD")
	secrets, _ := webhook.RotateSecret([]webhook.EndpointSecret{{Secret: old}}, next, t0,
		webhook.DefaultExpireCurrentIn)
	for _, at := range []time.Time{t0.Add(59 * time.Minute), t0.Add(time.Hour)} {
		valid, _ := webhook.ValidSecrets(secrets, at)
		fmt.Println(at.Format(time.Kitchen), len(valid), valid[0] == next)
	}
	_, err := webhook.RotateSecret(secrets, old, t0, 90000)
	fmt.Println(err)
	// Output:
	// 12:59PM 2 true
	// 1:00PM 1 true
	// value_out_of_range: expire_current_in 90000 is outside 0 to 86400 seconds
}

func ExampleValidSecrets() {
	t0 := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	a, _ := webhook.ParseSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
	b, _ := webhook.ParseSecret("whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD")
	valid, _ := webhook.ValidSecrets([]webhook.EndpointSecret{{Secret: b}, {Secret: a, ExpiresAt: t0}}, t0)
	fmt.Println(len(valid), valid[0].Encode()) // at ExpiresAt the old secret no longer signs
	// Output: 1 whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD
}

func ExampleParsePatterns() {
	set, err := webhook.ParsePatterns([]string{"credit_offer.*", "loan.finished"})
	fmt.Println(set.Events(), err)
	fmt.Println(set.Match(statemachine.EventLoanFinished), set.Match(statemachine.EventLoanCreated))
	all, _ := webhook.ParsePatterns(nil) // empty: every event
	fmt.Println(all.Len(), all)
	_, err = webhook.ParsePatterns([]string{"loan.*", "loans.*"})
	fmt.Println(err)
	// Output:
	// [credit_offer.available credit_offer.expired loan.finished] <nil>
	// true false
	// 16 *
	// invalid_format: events[1]: invalid event pattern "loans.*"; want "*", "customer.*", "credit_offer.*", "loan.*" or an event name such as "loan.created"
}

func ExampleParsePattern() {
	set, _ := webhook.ParsePattern("customer.*")
	fmt.Println(set)
	// Output: customer.created,customer.under_review,customer.kyc_updated,customer.active
}

func ExampleMatchPatterns() {
	ok, err := webhook.MatchPatterns([]string{"customer.*"}, statemachine.EventCustomerActive)
	fmt.Println(ok, err)
	// Output: true <nil>
}

func ExamplePatternsOf() {
	s := webhook.PatternsOf(statemachine.EventLoanActive, statemachine.EventLoanError)
	fmt.Println(s, s.Len(), s.Match(statemachine.EventLoanError))
	// Output: loan.active,loan.error 2 true
}

func ExampleNewEnvelope() {
	random := bytes.NewReader(bytes.Repeat([]byte{0x01, 0x23}, 16))
	env, err := webhook.NewEnvelope(random, statemachine.EventLoanPaymentReceived,
		time.Date(2026, 5, 15, 10, 0, 0, 0, time.FixedZone("BRT", -3*3600)),
		json.RawMessage(`{"id": "ln_550e8400e29b41d4a716446655440000"}`))
	fmt.Println(env.ID, env.DeliveryID, err)
	_, err = json.Marshal(env)
	fmt.Println(errors.Is(err, apierr.MissingRequiredField)) // loan.payment_received needs its payment
	env.Payment = &webhook.Payment{Amount: decimal.RequireFromString("150.5"),
		PaidAt: time.Date(2026, 5, 15, 12, 59, 30, 0, time.UTC), InstallmentNumber: 2}
	b, _ := json.Marshal(env)
	fmt.Println(string(b))
	// Output:
	// evt_01230123012301230123012301230123 dlv_01230123012301230123012301230123 <nil>
	// true
	// {"id":"evt_01230123012301230123012301230123","type":"loan.payment_received","timestamp":"2026-05-15T13:00:00Z","created_at":"2026-05-15T13:00:00Z","api_version":"2026-03-01","delivery_id":"dlv_01230123012301230123012301230123","data":{"id":"ln_550e8400e29b41d4a716446655440000"},"payment":{"amount":"150.50","paid_at":"2026-05-15T12:59:30Z","installment_number":2}}
}

func ExampleEnvelope_MarshalJSON() {
	env := webhook.Envelope{
		ID: "evt_000102030405060708090a0b0c0d0e0f", Type: statemachine.EventCustomerActive,
		DeliveryID: "dlv_000102030405060708090a0b0c0d0e0f",
		Data:       json.RawMessage(`{"id":"cust_550e8400e29b41d4a716446655440000"}`),
	}
	_, err := env.MarshalJSON()
	fmt.Println(err) // the zero time would print as year 1
	env.Timestamp = time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)
	_, err = env.MarshalJSON()
	fmt.Println(err)
	env.Timestamp = time.Date(2026, 3, 20, 12, 0, 0, 0, time.FixedZone("BRT", -3*3600))
	env.Data = json.RawMessage(`{"id":"ln_550e8400e29b41d4a716446655440000"}`)
	_, err = env.MarshalJSON()
	fmt.Println(err)
	// Output:
	// missing_required_field: timestamp is the zero time; want the instant
	// date_out_of_range: timestamp is in the year 10000; RFC 3339 writes the years 1 to 9999
	// invalid_format: data.id "ln_550e8400e29b41d4a716446655440000" is a loan ID; expected a customer ID, cust_ followed by 32 lowercase hex digits
}

func ExampleNewEventID() {
	id, err := webhook.NewEventID(bytes.NewReader(bytes.Repeat([]byte{0xfe}, 16)))
	fmt.Println(id, err)
	// Output: evt_fefefefefefefefefefefefefefefefe <nil>
}

func ExampleNewDeliveryID() {
	id, err := webhook.NewDeliveryID(bytes.NewReader(bytes.Repeat([]byte{0x0f}, 16)))
	fmt.Println(id, err)
	// Output: dlv_0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f <nil>
}

func ExampleNewEndpoint() {
	secret, _ := webhook.GenerateSecret(bytes.NewReader(make([]byte, 32))) // crypto/rand.Reader in production
	ep, err := webhook.NewEndpoint("we_550e8400e29b41d4a716446655440000", "https://partner.example/hooks",
		[]string{"loan.*"}, secret)
	fmt.Println(ep.Status, ep.Events.Len(), ep.Receives(statemachine.EventLoanActive), err)
	_, err = webhook.NewEndpoint("we_1", "http://partner.example", []string{"loans.*"}, secret)
	fmt.Println(err)
	// Output:
	// active 10 true <nil>
	// invalid_format: id "we_1" has 1 characters after we_; expected 32 lowercase hex digits; invalid_format: url "http://partner.example" is not https; expected an absolute https:// URL with a host, at most 2048 characters; invalid_format: events[0]: invalid event pattern "loans.*"; want "*", "customer.*", "credit_offer.*", "loan.*" or an event name such as "loan.created"
}

func ExampleRecipients() {
	secret, _ := webhook.GenerateSecret(bytes.NewReader(make([]byte, 32)))
	mk := func(patterns []string) webhook.Endpoint {
		ep, _ := webhook.NewEndpoint("we_550e8400e29b41d4a716446655440000", "https://partner.example/hooks", patterns, secret)
		return ep
	}
	loans, customers, disabled := mk([]string{"loan.*"}), mk([]string{"customer.*"}), mk(nil)
	disabled.Status = statemachine.WebhookDisabled
	got := webhook.Recipients([]webhook.Endpoint{loans, customers, disabled}, statemachine.EventLoanFinished)
	fmt.Println(len(got), got[0].Events.Len())
	// Output: 1 10
}

func ExampleRetryDelay() {
	var since time.Duration
	for attempt := 1; ; attempt++ {
		d, ok := webhook.RetryDelay(attempt)
		if !ok {
			break
		}
		since += d
		fmt.Printf("attempt %2d after %-8v (%v since the first)\n", attempt, d, since)
	}
	// Output:
	// attempt  1 after 0s       (0s since the first)
	// attempt  2 after 5s       (5s since the first)
	// attempt  3 after 5m0s     (5m5s since the first)
	// attempt  4 after 30m0s    (35m5s since the first)
	// attempt  5 after 2h0m0s   (2h35m5s since the first)
	// attempt  6 after 5h0m0s   (7h35m5s since the first)
	// attempt  7 after 10h0m0s  (17h35m5s since the first)
	// attempt  8 after 14h0m0s  (31h35m5s since the first)
	// attempt  9 after 20h0m0s  (51h35m5s since the first)
	// attempt 10 after 24h0m0s  (75h35m5s since the first)
}

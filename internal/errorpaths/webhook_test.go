package errorpaths_test

import (
	"bytes"
	"net/http"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/statemachine"
	"github.com/dinie/lending/webhook"
)

// webhook's docs of Sign, Verify, the envelope and the secrets give these.
func init() {
	tables["webhook"] = func() []row {
		at := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
		secret, _ := webhook.GenerateSecret(bytes.NewReader(bytes.Repeat([]byte{7}, 64)))
		secrets := []webhook.Secret{secret}
		id := "msg_1"
		body := []byte(`{"id":"evt_1"}`)
		sig, _ := webhook.Sign(id, at, body, secrets)
		headers := func(f func(h http.Header)) http.Header {
			h := http.Header{}
			h.Set("webhook-id", id)
			h.Set("webhook-timestamp", "1773144000")
			h.Set("webhook-signature", sig)
			f(h)
			return h
		}
		verify := func(f func(h http.Header), b []byte) func() error {
			return func() error { return webhook.Verify(headers(f), b, secrets, at, webhook.DefaultTolerance) }
		}
		none := func(http.Header) {}
		hex := strings.Repeat("c", 32)
		return []row{
			{"Sign(no id)", func() error { return err2(webhook.Sign("", at, body, secrets)) }, apierr.MissingRequiredField, "webhook-id", nil},
			{"Sign(id with a dot)", func() error { return err2(webhook.Sign("a.b", at, body, secrets)) }, apierr.InvalidFormat, "webhook-id", nil},
			{"Sign(zero at)", func() error { return err2(webhook.Sign(id, time.Time{}, body, secrets)) }, apierr.MissingRequiredField, "webhook-timestamp", nil},
			{"Sign(at 1969)", func() error {
				return err2(webhook.Sign(id, time.Date(1969, 1, 1, 0, 0, 0, 0, time.UTC), body, secrets))
			}, apierr.ValueOutOfRange, "webhook-timestamp", nil},
			{"Sign(body over MaxBodyLen)", func() error { return err2(webhook.Sign(id, at, make([]byte, webhook.MaxBodyLen+1), secrets)) }, apierr.InvalidFormat, "body", apierr.ErrLength},
			{"Sign(no secrets)", func() error { return err2(webhook.Sign(id, at, body, nil)) }, apierr.InvalidFormat, "secrets", nil},
			{"Sign(zero secret)", func() error { return err2(webhook.Sign(id, at, body, []webhook.Secret{{}})) }, apierr.InvalidFormat, "secrets", nil},
			{"Sign(repeated secret)", func() error { return err2(webhook.Sign(id, at, body, []webhook.Secret{secret, secret})) }, apierr.InvalidFormat, "secrets", nil},
			{"Headers(no id)", func() error { return err2(webhook.Headers("", at, body, secrets)) }, apierr.MissingRequiredField, "webhook-id", nil},
			{"Verify(no secrets)", func() error { return webhook.Verify(headers(none), body, nil, at, webhook.DefaultTolerance) }, apierr.InvalidFormat, "secrets", nil},
			{"Verify(tolerance 0)", func() error { return webhook.Verify(headers(none), body, secrets, at, 0) }, apierr.ValueOutOfRange, "tolerance", nil},
			{"Verify(zero now)", func() error {
				return webhook.Verify(headers(none), body, secrets, time.Time{}, webhook.DefaultTolerance)
			}, apierr.MissingRequiredField, "now", nil},
			{"Verify(no webhook-id)", verify(func(h http.Header) { h.Del("webhook-id") }, body), apierr.MissingRequiredField, "webhook-id", nil},
			{"Verify(no webhook-signature)", verify(func(h http.Header) { h.Del("webhook-signature") }, body), apierr.MissingRequiredField, "webhook-signature", nil},
			{"Verify(timestamp -1)", verify(func(h http.Header) { h.Set("webhook-timestamp", "-1") }, body), apierr.InvalidFormat, "webhook-timestamp", apierr.ErrCharacter},
			{"Verify(timestamp of 30 digits)", verify(func(h http.Header) { h.Set("webhook-timestamp", strings.Repeat("9", 30)) }, body), apierr.InvalidFormat, "webhook-timestamp", apierr.ErrLength},
			{"Verify(timestamp an hour old)", verify(func(h http.Header) { h.Set("webhook-timestamp", "1773140400") }, body), apierr.TimestampOutOfRange, "webhook-timestamp", webhook.ErrTooOld},
			{"Verify(timestamp an hour ahead)", verify(func(h http.Header) { h.Set("webhook-timestamp", "1773147600") }, body), apierr.TimestampOutOfRange, "webhook-timestamp", webhook.ErrTooNew},
			{"Verify(signature of 1 MiB)", verify(func(h http.Header) { h.Set("webhook-signature", strings.Repeat("v", 1<<20)) }, body), apierr.InvalidFormat, "webhook-signature", apierr.ErrLength},
			{"Verify(body changed)", verify(none, []byte(`{"id":"evt_2"}`)), apierr.InvalidSignature, "webhook-signature", webhook.ErrNoMatch},
			{"Verify(no v1 token)", verify(func(h http.Header) { h.Set("webhook-signature", "v2,abc") }, body), apierr.InvalidSignature, "webhook-signature", webhook.ErrNoSignature},
			{"Verify(body over MaxBodyLen)", verify(none, make([]byte, webhook.MaxBodyLen+1)), apierr.InvalidFormat, "body", nil},
			{"ParseSecret(\"\")", func() error { return err2(webhook.ParseSecret("")) }, apierr.InvalidFormat, "secret", apierr.ErrEmpty},
			{"ParseSecret(whsec_not!base64)", func() error { return err2(webhook.ParseSecret("whsec_not!base64")) }, apierr.InvalidFormat, "secret", nil},
			{"ParseSecret(18 bytes)", func() error { return err2(webhook.ParseSecret("whsec_c2VjcmV0c2VjcmV0c2VjcmV0")) }, apierr.InvalidFormat, "secret", nil},
			{"ParseSecret(whsec_ only)", func() error { return err2(webhook.ParseSecret("whsec_")) }, apierr.InvalidFormat, "secret", nil},
			{"GenerateSecret(empty reader)", func() error { return err2(webhook.GenerateSecret(bytes.NewReader(nil))) }, "", "", nil},
			{"NewEventID(empty reader)", func() error { return err2(webhook.NewEventID(bytes.NewReader(nil))) }, "", "", nil},
			{"RotateSecret(expire in a week)", func() error { return err2(webhook.RotateSecret(nil, secret, at, 7*86400)) }, apierr.ValueOutOfRange, "expire_current_in", nil},
			{"RotateSecret(zero now)", func() error { return err2(webhook.RotateSecret(nil, secret, time.Time{}, 60)) }, apierr.MissingRequiredField, "now", nil},
			{"RotateSecret(zero secret)", func() error {
				return err2(webhook.RotateSecret([]webhook.EndpointSecret{{Secret: secret}}, webhook.Secret{}, at, 60))
			}, apierr.InvalidFormat, "secret", apierr.ErrEmpty},
			{"RotateSecret(no current secret)", func() error { return err2(webhook.RotateSecret(nil, secret, at, 60)) }, apierr.InvalidFormat, "secret", nil},
			{"ValidSecrets(zero t)", func() error { return err2(webhook.ValidSecrets(nil, time.Time{})) }, apierr.MissingRequiredField, "at", nil},
			{"ParsePattern(LOAN.*)", func() error { return err2(webhook.ParsePattern("LOAN.*")) }, apierr.InvalidFormat, "events", nil},
			{"ParsePatterns([loan])", func() error { return err2(webhook.ParsePatterns([]string{"loan.created", "loan"})) }, apierr.InvalidFormat, "events[1]", nil},
			{"MatchPatterns([\" loan.*\"])", func() error { return err2(webhook.MatchPatterns([]string{" loan.*"}, statemachine.EventLoanCreated)) }, apierr.InvalidFormat, "events[0]", nil},
			{"NewEndpoint(http URL)", func() error { return err2(webhook.NewEndpoint("we_"+hex, "http://example.com", nil, secret)) }, apierr.InvalidFormat, "url", nil},
			{"NewEndpoint(loan ID)", func() error { return err2(webhook.NewEndpoint("ln_"+hex, "https://example.com", nil, secret)) }, apierr.InvalidFormat, "id", apierr.ErrPrefix},
			{"NewEndpoint(zero secret)", func() error {
				return err2(webhook.NewEndpoint("we_"+hex, "https://example.com", nil, webhook.Secret{}))
			}, apierr.InvalidFormat, "secret", nil},
			{"Envelope{}.MarshalJSON", func() error { return err2(webhook.Envelope{}.MarshalJSON()) }, apierr.MissingRequiredField, "id", nil},
			{"Envelope(zero timestamp).MarshalJSON", func() error {
				return err2(webhook.Envelope{ID: "evt_" + hex, DeliveryID: "dlv_" + hex, Type: statemachine.EventLoanCreated}.MarshalJSON())
			}, apierr.MissingRequiredField, "timestamp", nil},
			{"Payment{Amount: 1e2147483647}.MarshalJSON", func() error {
				return err2(webhook.Payment{Amount: decHuge, PaidAt: at, InstallmentNumber: 1}.MarshalJSON())
			}, apierr.AmountOutOfRange, "amount", nil},
			{"Payment{InstallmentNumber: 421}.MarshalJSON", func() error {
				return err2(webhook.Payment{Amount: decimal.NewFromInt(1), PaidAt: at, InstallmentNumber: 421}.MarshalJSON())
			}, "", "installment_number", nil},
			{"EventError{}.MarshalJSON", func() error { return err2(webhook.EventError{}.MarshalJSON()) }, apierr.MissingRequiredField, "code", nil},
			{"EventError{Code: Bad}.MarshalJSON", func() error { return err2(webhook.EventError{Code: "Bad", Message: "x"}.MarshalJSON()) }, apierr.InvalidFormat, "code", nil},
			{"VerifyRequest(no headers)", func() error {
				r, _ := http.NewRequest(http.MethodPost, "https://example.com", bytes.NewReader(body))
				return err2(webhook.VerifyRequest(r, secrets, at, webhook.DefaultTolerance))
			}, apierr.MissingRequiredField, "webhook-id", nil},
		}
	}
}

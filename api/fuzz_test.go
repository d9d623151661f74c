package api_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/dinie/lending/api"
	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/validation"
	"github.com/dinie/lending/webhook"
)

// The decoders' fuzz targets, one per request body of the contract. Each holds
// invariants that do not depend on how strict Decode is about keys:
//
//   - no panic, on any body;
//   - a failure is an *apierr.Error, or an apierr.Errors of them, every code one of
//     apierr.Codes with a 4xx status (a body is never a server failure), and Decode
//     on a reader fails or succeeds as DecodeBytes does;
//   - a success re-marshals (encoding/json, the request's own field names) to a body
//     that decodes to the same value, written the same: what was read is what the
//     fields say;
//   - the request's own check (Parse, Request, Terms …) fails only with typed errors.

// checkTyped fails t unless err is a client error of the library's catalogue.
func checkTyped(t *testing.T, what string, err error) {
	t.Helper()
	var list []error
	var es apierr.Errors
	if errors.As(err, &es) {
		list = es.Unwrap()
	} else {
		list = []error{err}
	}
	if len(list) == 0 {
		t.Fatalf("%s: an empty apierr.Errors %v", what, err)
	}
	for _, e := range list {
		var ae *apierr.Error
		if !errors.As(e, &ae) || !ae.Code.Known() {
			t.Fatalf("%s: %T %v is not an *apierr.Error with a known code", what, e, e)
		}
		if s := api.Status(ae.Code); s < 400 || s > 499 {
			t.Fatalf("%s: code %s has status %d; a request body is never a server failure", what, ae.Code, s)
		}
	}
}

// testNow is a fixed instant for the checks that read a clock.
var testNow = time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)

func fuzzDecode[T any](f *testing.F, seeds []string, check func(T) []error) {
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		var v T
		err := api.DecodeBytes(body, &v)
		var r T
		if rerr := api.Decode(bytes.NewReader(body), &r); (rerr == nil) != (err == nil) {
			t.Fatalf("Decode = %v but DecodeBytes = %v", rerr, err)
		}
		if err != nil {
			checkTyped(t, "DecodeBytes", err)
			return
		}
		if !reflect.DeepEqual(v, r) {
			t.Fatalf("Decode read %+v, DecodeBytes %+v", r, v)
		}
		again, merr := json.Marshal(v)
		if merr != nil {
			t.Fatalf("a decoded %T does not marshal: %v", v, merr)
		}
		var w T
		if err := api.DecodeBytes(again, &w); err != nil {
			t.Fatalf("the re-marshalled body %s does not decode: %v", again, err)
		}
		// The same value: the same wire text (an instant read in another offset is the
		// same instant, written in UTC).
		if twice, _ := json.Marshal(w); !bytes.Equal(again, twice) {
			t.Fatalf("round trip: %s became %s", again, twice)
		}
		for i, err := range check(v) {
			if err != nil {
				checkTyped(t, fmt.Sprintf("check %d", i), err)
			}
		}
	})
}

func FuzzDecodeCustomer(f *testing.F) {
	fuzzDecode(f, []string{
		`{"cpf":"280.012.389-38","cnpj":"12.ABC.345/01DE-35","name":"Ana","email":"ana@example.com","phone":"+5511912345678","trading_name":"Ana ME","external_id":"p-1"}`,
		`{"cpf":"28001238938"}`, `{"name":null}`, `{"cpf":280}`, `{"cpf":"1","cpf":"2"}`, `{"CPF":"28001238938"}`,
		`{"nome":"x"}`, `{}`, `[]`, `{"cpf":"280.012.389-38"} {}`, ``,
	}, func(c api.CustomerFields) []error {
		_, create := c.Parse(true)
		_, update := c.Parse(false)
		return []error{create, update}
	})
}

func FuzzDecodeSimulationRequest(f *testing.F) {
	fuzzDecode(f, []string{
		`{"requested_amount":"10000.00","installment_count":12}`, `{"requested_amount":10000,"installment_count":12}`,
		`{"requested_amount":"1e4","installment_count":"12"}`, `{"installment_count":12.5}`, `{"requested_amount":null}`,
		`{"requested_amount":"007.50","installment_count":-1}`, `{"requested_amount":"92233720368547758.08"}`,
	}, func(r api.SimulationRequest) []error { _, err := r.Request(); return []error{err} })
}

func FuzzDecodeLoanRequest(f *testing.F) {
	fuzzDecode(f, []string{
		`{"credit_offer_id":"co_550e8400e29b41d4a716446655440000","simulation_id":"sim_550e8400e29b41d4a716446655440000","installments":12,"installments_value":"1004.02","first_due_date":"2026-04-10"}`,
		`{"credit_offer_id":"sim_550e8400e29b41d4a716446655440000","first_due_date":"2026-02-30"}`,
		`{"first_due_date":"10/04/2026"}`, `{"installments_value":1004.02}`, `{"installments":[12]}`,
	}, func(r api.LoanRequest) []error { _, _, err := r.Terms(); return []error{err} })
}

func FuzzDecodeCredentialRequest(f *testing.F) {
	fuzzDecode(f, []string{
		`{"name":"ci","expires_at":"2026-04-01T23:59:59Z"}`, `{"name":"ci","expires_at":null}`,
		`{"name":"ci","expires_at":"2026-04-01"}`, `{"name":"ci","expires_at":1775087999}`, `{"name":1}`,
		`{"name":"ci","expires_at":"2026-04-01T23:59:59.123456789-03:00"}`,
	}, func(r api.CredentialRequest) []error { return []error{api.CheckName("name", r.Name)} })
}

func FuzzDecodeWebhookEndpoint(f *testing.F) {
	fuzzDecode(f, []string{
		`{"url":"https://partner.example/hooks","events":["loan.*","customer.created"],"description":"main"}`,
		`{"status":"disabled"}`, `{"status":"paused"}`, `{"events":["loan.*",3]}`, `{"events":null}`, `{"url":null}`,
	}, func(r api.WebhookEndpointFields) []error {
		var errs apierr.Errors
		if r.URL != nil {
			_, err := validation.ParseWebhookURL(*r.URL)
			errs = errs.Append(err)
		}
		if r.Events != nil {
			_, err := webhook.ParsePatterns(*r.Events)
			errs = errs.Append(err)
		}
		if r.Description != nil {
			errs = errs.Append(api.CheckName("description", *r.Description))
		}
		return []error{errs.Err()}
	})
}

func FuzzDecodeRotateSecret(f *testing.F) {
	secret, _ := webhook.ParseSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
	next, _ := webhook.ParseSecret("whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
	fuzzDecode(f, []string{
		`{"expire_current_in":3600}`, `{}`, `{"expire_current_in":86401}`, `{"expire_current_in":-1}`,
		`{"expire_current_in":"3600"}`, `{"expire_current_in":1e3}`, `{"expire_current_in":99999999999999999999}`,
	}, func(r api.RotateSecretRequest) []error {
		in := webhook.DefaultExpireCurrentIn
		if r.ExpireCurrentIn != nil {
			in = *r.ExpireCurrentIn
		}
		_, err := webhook.RotateSecret([]webhook.EndpointSecret{{Secret: secret}}, next, testNow, in)
		return []error{err}
	})
}

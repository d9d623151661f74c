package api_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"

	"github.com/dinie/lending/api"
	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/validation"
)

// A server turns any error into an RFC 9457 problem document: status, code and
// param come from the *apierr.Error, and an error that is not a rule failure
// becomes a 500 that does not leak its text.
func ExampleNewProblem() {
	writeProblem := func(w http.ResponseWriter, err error) {
		p := api.NewProblem(err)
		w.Header().Set("Content-Type", api.ProblemContentType)
		w.WriteHeader(p.Status)
		_ = json.NewEncoder(w).Encode(p)
	}

	_, err := validation.ParseCPF("280.012.389-39")
	rec := httptest.NewRecorder()
	writeProblem(rec, fmt.Errorf("register: %w", err))
	fmt.Println(rec.Code, rec.Header().Get("Content-Type"))
	fmt.Print(rec.Body.String())

	rec = httptest.NewRecorder()
	writeProblem(rec, errors.New("dial tcp 10.0.0.5:5432: connection refused"))
	fmt.Print(rec.Code, " ", rec.Body.String())
	// Output:
	// 422 application/problem+json
	// {"type":"about:blank","title":"Unprocessable Entity","status":422,"detail":"cpf 280.012.389-39 has check digits 39; expected 38","code":"invalid_cpf","param":"cpf"}
	// 500 {"type":"about:blank","title":"Internal Server Error","status":500,"detail":"internal error","code":"internal_error"}
}

// Several invalid fields are reported at once, each in the problem's errors list.
func ExampleErrors() {
	var errs apierr.Errors
	_, err := validation.ParseCPF("123")
	errs = errs.Append(err)
	_, err = validation.ParseEmail("ana@example")
	errs = errs.Append(err)
	_, err = validation.ParseCEP("01310-100") // valid: appends nothing
	errs = errs.Append(err)

	err = errs.Err()
	fmt.Println(errors.Is(err, apierr.InvalidCPF), errors.Is(err, validation.ErrHost))
	out, _ := json.MarshalIndent(api.NewProblem(err), "", "  ")
	fmt.Println(string(out))
	// Output:
	// true true
	// {
	//   "type": "about:blank",
	//   "title": "Unprocessable Entity",
	//   "status": 422,
	//   "detail": "2 fields are invalid: cpf, email",
	//   "code": "invalid_cpf",
	//   "param": "cpf",
	//   "errors": [
	//     {
	//       "code": "invalid_cpf",
	//       "param": "cpf",
	//       "detail": "cpf \"123\" has 3 digits; expected 11 digits, bare or masked as 000.000.000-00 (short input is never zero-padded)"
	//     },
	//     {
	//       "code": "invalid_format",
	//       "param": "email",
	//       "detail": "email \"ana@example\" has a domain without a dot; expected local@domain.tld with no spaces, at most 254 characters"
	//     }
	//   ]
	// }
}

func ExampleStatus() {
	fmt.Println(api.Status(apierr.InvalidCPF), api.Status(apierr.Forbidden), api.Status(apierr.Internal))
	// Output: 422 403 500
}

// PATCH sets an endpoint active or disabled; deleted is DELETE's.
func ExampleWebhookEndpointFields_CheckStatus() {
	var f api.WebhookEndpointFields
	fmt.Println(api.DecodeBytes([]byte(`{"status":"disabled"}`), &f), f.CheckStatus())
	fmt.Println(api.DecodeBytes([]byte(`{"status":"deleted"}`), &f), f.CheckStatus())
	// Output:
	// <nil> <nil>
	// <nil> invalid_format: status "deleted" is not one an endpoint is set to; expected "active" or "disabled" (DELETE removes an endpoint)
}

// A JSON body must be sent as application/json (parameters allowed); an action's
// empty POST needs no type.
func ExampleCheckContentType() {
	fmt.Println(api.CheckContentType("application/json; charset=utf-8", true, "application/json"))
	fmt.Println(api.CheckContentType("", false, "application/json"))
	fmt.Println(api.CheckContentType("text/plain", true, "application/json"))
	// Output:
	// <nil>
	// <nil>
	// invalid_content_type: Content-Type "text/plain" is not application/json
}

// A sandbox secret from a fixed source (24 bytes of 0xab): the prefix and 48 hex
// digits, accepted by validation.CheckClientSecret for the sandbox only.
func ExampleNewClientSecret() {
	s, _ := api.NewClientSecret(validation.Sandbox, bytes.NewReader(bytes.Repeat([]byte{0xab}, 24)))
	fmt.Println(s)
	fmt.Println(validation.CheckClientSecret(s, validation.Sandbox), validation.CheckClientSecret(s, validation.Live))
	// Output:
	// dinie_cs_test_abababababababababababababababababababababababab
	// <nil> forbidden: client_secret is a sandbox credential; this is the live environment
}

// ParseInstant reads the instants of the wire: RFC 3339 with an uppercase T, and Z
// or an offset. The instant is kept in its offset; the wire writes it back in UTC.
func ExampleParseInstant() {
	t, err := api.ParseInstant("2026-04-01T20:59:59-03:00")
	fmt.Println(t.UTC(), err)
	_, err = api.ParseInstant("2026-04-01T9:00:00Z")
	fmt.Println(err)
	// Output:
	// 2026-04-01 23:59:59 +0000 UTC <nil>
	// invalid_format: instant "2026-04-01T9:00:00Z" is not RFC 3339; expected a value like "2026-04-01T23:59:59Z"
}

package validation_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"

	"github.com/dinie/lending/validation"
)

// A server turns any error into an RFC 9457 problem document: status, code and
// param come from the *validation.Error, and an error that is not a rule failure
// becomes a 500 that does not leak its text.
func ExampleNewProblem() {
	writeProblem := func(w http.ResponseWriter, err error) {
		p := validation.NewProblem(err)
		w.Header().Set("Content-Type", validation.ProblemContentType)
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
	var errs validation.Errors
	_, err := validation.ParseCPF("123")
	errs = errs.Append(err)
	_, err = validation.ParseEmail("ana@example")
	errs = errs.Append(err)
	_, err = validation.ParseCEP("01310-100") // valid: appends nothing
	errs = errs.Append(err)

	err = errs.Err()
	fmt.Println(errors.Is(err, validation.CodeInvalidCPF), errors.Is(err, validation.ErrHost))
	out, _ := json.MarshalIndent(validation.NewProblem(err), "", "  ")
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

func ExampleCode_Status() {
	fmt.Println(validation.CodeInvalidCPF.Status(), validation.CodeForbidden.Status(), validation.CodeInternal.Status())
	// Output: 422 403 500
}

// Later packages report their own rule failures with Errorf and Wrap.
func ExampleErrorf() {
	err := validation.Errorf(validation.CodeAmountOutOfRange, "requested_amount",
		"requested_amount %s is above approved_amount %s", "60000.00", "50000.00")
	fmt.Println(err)
	fmt.Println(errors.Is(err, validation.CodeAmountOutOfRange))
	// Output:
	// amount_out_of_range: requested_amount 60000.00 is above approved_amount 50000.00
	// true
}

func ExampleWrap() {
	err := validation.Wrap(validation.ErrRange, validation.CodeInstallmentsOutOfRange, "installment_count",
		"installment_count %d is outside the offer's 6 to 24", 36)
	var e *validation.Error
	fmt.Println(errors.As(err, &e), e.Param, errors.Is(err, validation.ErrRange))
	// Output: true installment_count true
}

func ExampleError_WithParam() {
	_, err := validation.ParseCents("1,50")
	var e *validation.Error
	errors.As(err, &e)
	fmt.Println(e.Param, "→", e.WithParam("requested_amount").Param)
	// Output: amount → requested_amount
}

func ExampleRelabel() {
	_, err := validation.ParseMoney("1,50")
	err = validation.Relabel(err, "requested_amount")
	var e *validation.Error
	errors.As(err, &e)
	fmt.Println(e.Code, e.Param)
	fmt.Println(validation.Relabel(nil, "requested_amount"))
	// Output:
	// invalid_format requested_amount
	// <nil>
}

func ExampleParsePhone() {
	for _, s := range []string{"(11) 91234-5678", "0055 11 3456-7890", "0 21 11 91234-5678", "0800 123 4567", "(11) 8123-4567"} {
		p, err := validation.ParsePhone(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(p, p.Format(), p.IsMobile())
	}
	// Output:
	// +5511912345678 (11) 91234-5678 true
	// +551134567890 (11) 3456-7890 false
	// +5511912345678 (11) 91234-5678 true
	// invalid_format: phone "0800 123 4567" is a 0800 service number, not a personal line; expected a DDD and a mobile (9 digits starting with 9) or landline (8 digits starting with 2 to 5) number, optionally after +55, 55, 0055, a trunk 0 or 0 and a carrier code
	// invalid_format: phone "(11) 8123-4567" has an 8-digit mobile number; mobile numbers have had a leading 9 since 2016
}

func ExamplePhone_Format() {
	p, _ := validation.ParsePhone("+5521987654321")
	fmt.Println(p.Format(), p.National(), p.DDD())
	// Output: (21) 98765-4321 21987654321 21
}

func ExampleValidDDD() {
	fmt.Println(validation.ValidDDD(11), validation.ValidDDD(20), validation.ValidDDD(55))
	// Output: true false true
}

func ExampleParseEmail() {
	e, err := validation.ParseEmail(" Ana.Silva@Example.COM ")
	fmt.Println(e, err)
	_, err = validation.ParseEmail("ana silva@example.com")
	fmt.Println(err)
	// Output:
	// Ana.Silva@example.com <nil>
	// invalid_format: email "ana silva@example.com" has ' ' at position 4; expected local@domain.tld with no spaces, at most 254 characters
}

func ExampleParseCEP() {
	c, err := validation.ParseCEP("01310100")
	fmt.Println(c, c.Format(), err)
	// Output: 01310100 01310-100 <nil>
}

func ExampleCheckID() {
	fmt.Println(validation.CheckID("co_550e8400e29b41d4a716446655440000", validation.CreditOffer))
	fmt.Println(validation.CheckID("ln_550e8400e29b41d4a716446655440000", validation.CreditOffer))
	// Output:
	// <nil>
	// invalid_format: credit_offer_id "ln_550e8400e29b41d4a716446655440000" is a loan ID; expected a credit_offer ID, co_ followed by 32 lowercase hex digits
}

func ExampleResourceOf() {
	r, err := validation.ResourceOf("sim_550e8400e29b41d4a716446655440000")
	fmt.Println(r, r.Prefix(), r.Param(), err)
	// Output: simulation sim_ simulation_id <nil>
}

func ExampleRandomID() {
	id := validation.RandomID(validation.Loan, rand.New(rand.NewPCG(1, 2)))
	fmt.Println(len(id), validation.CheckID(id, validation.Loan))
	// Output: 35 <nil>
}

func ExampleClientSecretEnvironment() {
	env, err := validation.ClientSecretEnvironment("dinie_cs_test_4f9a")
	fmt.Println(env, err)
	// Output: sandbox <nil>
}

func ExampleCheckClientSecret() {
	err := validation.CheckClientSecret("dinie_cs_live_4f9a", validation.Sandbox)
	fmt.Println(err, validation.NewProblem(err).Status)
	// Output: forbidden: client_secret is a live credential; this is the sandbox environment 403
}

func ExampleCheckAccessToken() {
	fmt.Println(validation.CheckAccessToken(""))
	fmt.Println(validation.CheckAccessToken("Bearer dinie_at_eyJ"))
	// Output:
	// missing_token: access token is missing; expected dinie_at_…
	// invalid_token: access token does not start with dinie_at_
}

func ExampleCheckWebhookSecret() {
	fmt.Println(validation.CheckWebhookSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))
	// Output: <nil>
}

func ExampleParseWebhookURL() {
	u, err := validation.ParseWebhookURL("https://partner.example.com/hooks/dinie")
	fmt.Println(u.Host, err)
	_, err = validation.ParseWebhookURL("http://partner.example.com/hooks")
	fmt.Println(err)
	// Output:
	// partner.example.com <nil>
	// invalid_format: url "http://partner.example.com/hooks" is not https; expected an absolute https:// URL with a host, at most 2048 characters
}

func ExampleParseLimit() {
	for _, s := range []string{"", "50", "500"} {
		n, err := validation.ParseLimit(s)
		fmt.Println(n, err)
	}
	// Output:
	// 25 <nil>
	// 50 <nil>
	// 0 value_out_of_range: limit "500" is out of range; expected an integer from 1 to 100
}

func ExampleParseStartingAfter() {
	_, err := validation.ParseStartingAfter("cust_550e8400e29b41d4a716446655440000", validation.Loan)
	fmt.Println(err)
	// Output: invalid_format: starting_after "cust_550e8400e29b41d4a716446655440000" is a customer ID; expected a loan ID, ln_ followed by 32 lowercase hex digits
}

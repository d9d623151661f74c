package validation_test

import (
	"fmt"
	"math/rand/v2"

	"github.com/dinie/lending/api"
	"github.com/dinie/lending/validation"
)

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

func ExampleGenerateID() {
	id := validation.GenerateID(validation.Loan, rand.New(rand.NewPCG(1, 2)))
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
	fmt.Println(err, api.NewProblem(err).Status)
	// Output: forbidden: client_secret is a live credential; this is the sandbox environment 403
}

func ExampleCheckAccessToken() {
	fmt.Println(validation.CheckAccessToken(""))
	fmt.Println(validation.CheckAccessToken("Bearer dinie_at_eyJ"))
	// Output:
	// missing_token: access token is missing; expected dinie_at_…
	// invalid_token: access token does not start with dinie_at_
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

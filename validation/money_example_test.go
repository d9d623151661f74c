package validation_test

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/dinie/lending/validation"
)

func ExampleParseMoney() {
	d, err := validation.ParseMoney("25000.00")
	fmt.Println(d, err)
	// Huge amounts stay exact.
	d, err = validation.ParseMoney("123456789012345678901234567890.12")
	fmt.Println(d, err)
	_, err = validation.ParseMoney("1.5")
	fmt.Println(err)
	// A server relabels the error with the request field.
	if e, ok := err.(*validation.Error); ok {
		fmt.Println(e.WithParam("requested_amount").Param)
	}
	// Output:
	// 25000 <nil>
	// 123456789012345678901234567890.12 <nil>
	// invalid_format: amount "1.5" has 1 decimal places; expected digits, a point and exactly two decimal places, like 1234.56 (no sign, exponent, spaces or thousands separator)
	// requested_amount
}

func ExampleParseCents() {
	c, err := validation.ParseCents("1234.56")
	fmt.Println(c, err)
	_, err = validation.ParseCents("-1.00")
	fmt.Println(err)
	_, err = validation.ParseCents("92233720368547758.08")
	fmt.Println(err)
	// Output:
	// 123456 <nil>
	// invalid_format: amount "-1.00" has '-' at position 1; expected digits, a point and exactly two decimal places, like 1234.56 (no sign, exponent, spaces or thousands separator)
	// amount_out_of_range: amount "92233720368547758.08" is above the largest supported amount 92233720368547758.07
}

func ExampleFormatMoney() {
	fmt.Println(validation.FormatMoney(decimal.RequireFromString("1.005")))
	fmt.Println(validation.FormatMoney(decimal.RequireFromString("1.00499")))
	fmt.Println(validation.FormatMoney(decimal.RequireFromString("25000")))
	fmt.Println(validation.FormatMoney(decimal.RequireFromString("-0.004")))
	// Output:
	// 1.01
	// 1.00
	// 25000.00
	// 0.00
}

func ExampleFormatCents() {
	fmt.Println(validation.FormatCents(2500000))
	fmt.Println(validation.FormatCents(7))
	fmt.Println(validation.FormatCents(-150))
	// Output:
	// 25000.00
	// 0.07
	// -1.50
}

func ExampleAppendCents() {
	buf := make([]byte, 0, 64)
	buf = append(buf, `{"amount":"`...)
	buf = validation.AppendCents(buf, 2425000)
	buf = append(buf, `"}`...)
	fmt.Println(string(buf))
	// Output:
	// {"amount":"24250.00"}
}

func ExampleDecimalToCents() {
	c, err := validation.DecimalToCents(decimal.RequireFromString("450.00"))
	fmt.Println(c, err)
	_, err = validation.DecimalToCents(decimal.RequireFromString("450.005"))
	fmt.Println(err)
	// Output:
	// 45000 <nil>
	// invalid_format: amount 450.005 is not a whole number of cents; expected at most two significant decimal places
}

func ExampleCentsToDecimal() {
	d := validation.CentsToDecimal(2425000)
	fmt.Println(d, d.StringFixed(2))
	// Output:
	// 24250 24250.00
}

func ExampleAppendFixed() {
	// A rate held as an integer count of 10^-8 percent, written with all its places.
	fmt.Println(string(validation.AppendFixed(nil, 820_000, 8)))
	fmt.Println(string(validation.AppendFixed(nil, -5, 2)))
	// Output:
	// 0.00820000
	// -0.05
}

func ExampleAppendTrimmed() {
	// The same rate in its shortest exact form, as a JSON number.
	buf := append([]byte(nil), `{"daily":`...)
	buf = validation.AppendTrimmed(buf, 820_000, 8)
	buf = append(buf, '}')
	fmt.Println(string(buf))
	fmt.Println(string(validation.AppendTrimmed(nil, 38_000_000, 8)))
	fmt.Println(string(validation.AppendTrimmed(nil, 100_000_000, 8)))
	// Output:
	// {"daily":0.0082}
	// 0.38
	// 1
}

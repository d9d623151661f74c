package money_test

import (
	"fmt"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/money"
	"github.com/shopspring/decimal"
)

func ExampleParse() {
	d, err := money.Parse("25000.00")
	fmt.Println(d, err)
	// Huge amounts stay exact.
	d, err = money.Parse("123456789012345678901234567890.12")
	fmt.Println(d, err)
	_, err = money.Parse("1.5")
	fmt.Println(err)
	// A server relabels the error with the request field.
	if e, ok := err.(*apierr.Error); ok {
		fmt.Println(e.WithParam("requested_amount").Param)
	}
	// Output:
	// 25000 <nil>
	// 123456789012345678901234567890.12 <nil>
	// invalid_format: amount "1.5" has 1 decimal places; expected digits, a point and exactly two decimal places, like 1234.56 (no sign, exponent, spaces or thousands separator)
	// requested_amount
}

func ExampleParseCents() {
	c, err := money.ParseCents("1234.56")
	fmt.Println(c, err)
	_, err = money.ParseCents("-1.00")
	fmt.Println(err)
	_, err = money.ParseCents("92233720368547758.08")
	fmt.Println(err)
	// Output:
	// 123456 <nil>
	// invalid_format: amount "-1.00" has '-' at position 1; expected digits, a point and exactly two decimal places, like 1234.56 (no sign, exponent, spaces or thousands separator)
	// amount_out_of_range: amount "92233720368547758.08" is above the largest supported amount 92233720368547758.07
}

func ExampleFormat() {
	fmt.Println(money.Format(decimal.RequireFromString("1.005")))
	fmt.Println(money.Format(decimal.RequireFromString("1.00499")))
	fmt.Println(money.Format(decimal.RequireFromString("25000")))
	fmt.Println(money.Format(decimal.RequireFromString("-0.004")))
	// Output:
	// 1.01
	// 1.00
	// 25000.00
	// 0.00
}

func ExampleFormatCents() {
	fmt.Println(money.FormatCents(2500000))
	fmt.Println(money.FormatCents(7))
	fmt.Println(money.FormatCents(-150))
	// Output:
	// 25000.00
	// 0.07
	// -1.50
}

func ExampleAppendCents() {
	buf := make([]byte, 0, 64)
	buf = append(buf, `{"amount":"`...)
	buf = money.AppendCents(buf, 2425000)
	buf = append(buf, `"}`...)
	fmt.Println(string(buf))
	// Output:
	// {"amount":"24250.00"}
}

func ExampleToCents() {
	c, err := money.ToCents(decimal.RequireFromString("450.00"))
	fmt.Println(c, err)
	_, err = money.ToCents(decimal.RequireFromString("450.005"))
	fmt.Println(err)
	// Output:
	// 45000 <nil>
	// invalid_format: amount 450.005 is not a whole number of cents; expected at most two significant decimal places
}

func ExampleFromCents() {
	d := money.FromCents(2425000)
	fmt.Println(d, d.StringFixed(2))
	// Output:
	// 24250 24250.00
}

func ExampleAppendFixed() {
	// A rate held as an integer count of 10^-8 percent, written with all its places.
	fmt.Println(string(money.AppendFixed(nil, 820_000, 8)))
	fmt.Println(string(money.AppendFixed(nil, -5, 2)))
	// Output:
	// 0.00820000
	// -0.05
}

func ExampleAppendTrimmed() {
	// The same rate in its shortest exact form, as a JSON number.
	buf := append([]byte(nil), `{"daily":`...)
	buf = money.AppendTrimmed(buf, 820_000, 8)
	buf = append(buf, '}')
	fmt.Println(string(buf))
	fmt.Println(string(money.AppendTrimmed(nil, 38_000_000, 8)))
	fmt.Println(string(money.AppendTrimmed(nil, 100_000_000, 8)))
	// Output:
	// {"daily":0.0082}
	// 0.38
	// 1
}

// A fee of 1.5 % held exactly in units of 10^-10 %; a decimal with a huge exponent is
// refused at once instead of being expanded.
func ExampleToUnits() {
	units, err := money.ToUnits(decimal.RequireFromString("1.5"), 10)
	fmt.Println(units, err)
	_, err = money.ToUnits(decimal.New(1, 2147483647), 10)
	fmt.Println(err)
	// Output:
	// 15000000000 <nil>
	// value_out_of_range: amount 1e2147483647 is too large; expected at most 922337203.6854775807
}

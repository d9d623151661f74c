package apierr_test

import (
	"errors"
	"fmt"
	"math"

	"github.com/shopspring/decimal"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/money"
)

// Later packages report their own rule failures with Errorf and Wrap.
func ExampleErrorf() {
	err := apierr.Errorf(apierr.AmountOutOfRange, "requested_amount",
		"requested_amount %s is above approved_amount %s", "60000.00", "50000.00")
	fmt.Println(err)
	fmt.Println(errors.Is(err, apierr.AmountOutOfRange))
	// Output:
	// amount_out_of_range: requested_amount 60000.00 is above approved_amount 50000.00
	// true
}

func ExampleWrap() {
	err := apierr.Wrap(apierr.ErrRange, apierr.InstallmentsOutOfRange, "installment_count",
		"installment_count %d is outside the offer's 6 to 24", 36)
	var e *apierr.Error
	fmt.Println(errors.As(err, &e), e.Param, errors.Is(err, apierr.ErrRange))
	// Output: true installment_count true
}

func ExampleError_WithParam() {
	_, err := money.ParseCents("1,50")
	var e *apierr.Error
	errors.As(err, &e)
	fmt.Println(e.Param, "→", e.WithParam("requested_amount").Param)
	// Output: amount → requested_amount
}

func ExampleRelabel() {
	_, err := money.Parse("1,50")
	err = apierr.Relabel(err, "requested_amount")
	var e *apierr.Error
	errors.As(err, &e)
	fmt.Println(e.Code, e.Param)
	fmt.Println(apierr.Relabel(nil, "requested_amount"))
	// Output:
	// invalid_format requested_amount
	// <nil>
}

// A decimal a server can build but no amount has is refused before any arithmetic,
// and described without expanding its two billion digits.
func ExampleCheckBounds() {
	huge := decimal.New(1, math.MaxInt32)
	err := apierr.CheckBounds(huge, apierr.AmountOutOfRange, "requested_amount")
	fmt.Println(err)
	fmt.Println(apierr.CheckBounds(decimal.RequireFromString("25000.00"), apierr.AmountOutOfRange, "requested_amount"))
	// Output:
	// amount_out_of_range: requested_amount 1e2147483647 is outside the bounds of a decimal: at most 1024 digits and an exponent within ±1024
	// <nil>
}

func ExampleDescribeDecimal() {
	fmt.Println(apierr.DescribeDecimal(decimal.RequireFromString("1234.56")))
	fmt.Println(apierr.DescribeDecimal(decimal.New(-7, -2147483648)))
	// Output:
	// 1234.56
	// -7e-2147483648
}

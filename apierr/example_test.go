package apierr_test

import (
	"errors"
	"fmt"

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

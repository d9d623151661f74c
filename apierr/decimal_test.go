package apierr_test

import (
	"errors"
	"math"
	"math/big"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/dinie/lending/apierr"
)

func describe(d decimal.Decimal) string { return apierr.DescribeDecimal(d) }

// pow10Big is 10^k as a big.Int.
func pow10Big(k int64) *big.Int { return new(big.Int).Exp(big.NewInt(10), big.NewInt(k), nil) }

// The bounds are apierr.MaxDigits (1,024) digits and an exponent within ±1,024;
// the expected answers are read off those two numbers by hand.
func TestBounded(t *testing.T) {
	cases := []struct {
		d    decimal.Decimal
		want bool
	}{
		{decimal.Decimal{}, true},
		{decimal.New(1, 1024), true},
		{decimal.New(1, -1024), true},
		{decimal.New(1, 1025), false},
		{decimal.New(1, -1025), false},
		{decimal.New(1, math.MaxInt32), false},
		{decimal.New(1, math.MinInt32), false},
		{decimal.New(-7, math.MaxInt32), false},
		{decimal.NewFromBigInt(new(big.Int).Sub(pow10Big(1024), big.NewInt(1)), 0), true}, // 1,024 nines
		{decimal.NewFromBigInt(pow10Big(1024), 0), false},                                 // 1,025 digits
		{decimal.NewFromBigInt(new(big.Int).Neg(pow10Big(1024)), -1024), false},
		{decimal.NewFromBigInt(pow10Big(300000), -300000), false}, // 1.000…: the value is small, the coefficient is not
	}
	for _, c := range cases {
		if got := apierr.Bounded(c.d); got != c.want {
			t.Errorf("Bounded(%s) = %v, want %v", describe(c.d), got, c.want)
		}
		err := apierr.CheckBounds(c.d, apierr.RateOutOfRange, "fee_percent")
		var e *apierr.Error
		switch {
		case c.want && err != nil:
			t.Errorf("CheckBounds(%s) = %v, want nil", describe(c.d), err)
		case !c.want && (!errors.As(err, &e) || e.Code != apierr.RateOutOfRange || e.Param != "fee_percent" ||
			!errors.Is(err, apierr.ErrRange) || len(e.Detail) > 200):
			t.Errorf("CheckBounds(%s) = %v, want rate_out_of_range, fee_percent, ErrRange, a short detail", describe(c.d), err)
		}
	}
}

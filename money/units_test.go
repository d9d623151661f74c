package money_test

import (
	"errors"
	"math"
	"math/big"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/money"
)

// refToUnits is the obvious reference: d·10^places as an exact rational, an integer
// or not, inside int64 or not. Only called on decimals of modest exponent.
func refToUnits(d decimal.Decimal, places int) (int64, error) {
	r := decimalRat(d)
	r.Mul(r, new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(places)), nil)))
	if !r.IsInt() {
		return 0, apierr.ErrPrecision
	}
	n := r.Num()
	if !n.IsInt64() || n.Int64() == math.MinInt64 {
		return 0, apierr.ErrRange
	}
	return n.Int64(), nil
}

func TestToUnits(t *testing.T) {
	for _, c := range []struct {
		d      decimal.Decimal
		places int
		want   int64
		reason error
	}{
		// Hand-computed.
		{decimal.RequireFromString("1.5"), 10, 15_000_000_000, nil},
		{decimal.RequireFromString("100"), 10, 1_000_000_000_000, nil},
		{decimal.RequireFromString("0.00000000001"), 10, 0, apierr.ErrPrecision},
		{decimal.RequireFromString("-2.50"), 2, -250, nil},
		{decimal.RequireFromString("1.500"), 2, 150, nil},
		{decimal.RequireFromString("1.005"), 2, 0, apierr.ErrPrecision},
		{decimal.RequireFromString("9223372036854775807"), 0, math.MaxInt64, nil},
		{decimal.RequireFromString("9223372036854775808"), 0, 0, apierr.ErrRange},
		{decimal.RequireFromString("92233720368547758.07"), 2, math.MaxInt64, nil},
		{decimal.RequireFromString("92233720368547758.08"), 2, 0, apierr.ErrRange},
		{decimal.RequireFromString("1000000000000000000000.000"), 0, 0, apierr.ErrRange},
		{decimal.RequireFromString("12345678901234567890123.0000000000000000000000"), 0, 0, apierr.ErrRange},
		{decimal.RequireFromString("1234567890123456789.0000000000000000000000"), 0, 1234567890123456789, nil},
		{decimal.RequireFromString("9234567890123456789.0000000000000000000000"), 0, 0, apierr.ErrRange},
		{decimal.RequireFromString("123456789012345678.0000000000000000000000"), 0, 123456789012345678, nil},
		// The exponents that hung decimal comparisons (issue 18): refused at once.
		{decimal.New(1, math.MaxInt32), 10, 0, apierr.ErrRange},
		{decimal.New(1, math.MinInt32), 10, 0, apierr.ErrPrecision},
		{decimal.New(0, math.MinInt32), 10, 0, nil},
	} {
		start := time.Now()
		got, err := money.ToUnits(c.d, c.places)
		if time.Since(start) > 100*time.Millisecond {
			t.Errorf("ToUnits(%s, %d) took %v", describe(c.d), c.places, time.Since(start))
		}
		if c.reason == nil {
			if err != nil || got != c.want {
				t.Errorf("ToUnits(%s, %d) = %d, %v; want %d", describe(c.d), c.places, got, err, c.want)
			}
			continue
		}
		var e *apierr.Error
		if !errors.Is(err, c.reason) || !errors.As(err, &e) || e.Param != "amount" {
			t.Errorf("ToUnits(%s, %d) = %d, %v; want %v", describe(c.d), c.places, got, err, c.reason)
		}
	}
	if _, err := money.ToUnits(decimal.NewFromInt(1), 19); !errors.Is(err, apierr.Internal) {
		t.Errorf("ToUnits(1, 19) = %v, want internal_error", err)
	}
}

// TestToUnitsMatchesReference: on random decimals the fast and big paths agree with
// exact rational arithmetic.
func TestToUnitsMatchesReference(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		digits := rapid.StringMatching(`-?[0-9]{1,30}`).Draw(t, "coef")
		coef, _ := new(big.Int).SetString(digits, 10)
		d := decimal.NewFromBigInt(coef, int32(rapid.IntRange(-30, 20).Draw(t, "exp")))
		places := rapid.IntRange(0, 18).Draw(t, "places")
		got, err := money.ToUnits(d, places)
		want, werr := refToUnits(d, places)
		if werr != nil {
			if !errors.Is(err, werr) {
				t.Fatalf("ToUnits(%s, %d) = %d, %v; reference %v", d, places, got, err, werr)
			}
			return
		}
		if err != nil || got != want {
			t.Fatalf("ToUnits(%s, %d) = %d, %v; reference %d", d, places, got, err, want)
		}
	})
}

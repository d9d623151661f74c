package money_test

import (
	"errors"
	"math/big"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/money"
)

var moneySeeds = []string{
	"", "0.00", "1.5", "007.50", "25000.00", "-1.00", "1e2", "1,00", ".50", "1..00",
	"92233720368547758.07", "92233720368547758.08", "12345678901234567890123.45",
}

// FuzzParseCents: never panics, agrees with the regexp + big.Rat reference, and what
// parses re-parses from its canonical form to the same value.
func FuzzParseCents(f *testing.F) {
	for _, s := range moneySeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkParseCents(t, s) })
}

// FuzzParseMoney: as FuzzParseCents, for the decimal parser.
func FuzzParseMoney(f *testing.F) {
	for _, s := range moneySeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkParseMoney(t, s) })
}

// FuzzDecimalToCents: FormatMoney and DecimalToCents agree with big.Rat references on
// any coefficient and an exponent within ±63.
func FuzzDecimalToCents(f *testing.F) {
	f.Add("1005", int32(-3))
	f.Add("-5", int32(-3))
	f.Add("92233720368547758070000", int32(-7))
	f.Add("1", int32(17))
	f.Fuzz(func(t *testing.T, coef string, exp int32) {
		c, ok := new(big.Int).SetString(coef, 10)
		if !ok || len(coef) > 80 {
			return
		}
		checkDecimal(t, decimal.NewFromBigInt(c, exp%64))
	})
}

// FuzzBounds: any exponent of an int32 and any places of an int (issue 18's
// hostile inputs): Format, ToCents, ToUnits and AppendFixed answer in bounded
// length, Format agrees with shopspring's half-away-from-zero rounding inside the
// bounds, and AppendFixed's scientific form beyond them reads back exactly.
func FuzzBounds(f *testing.F) {
	f.Add(int64(1), int32(2147483647), 1<<62)
	f.Add(int64(-7), int32(-2147483648), -1<<62)
	f.Add(int64(1005), int32(-3), 2)
	f.Add(int64(5), int32(-1025), 1025)
	f.Fuzz(func(t *testing.T, coef int64, exp int32, places int) {
		d := decimal.New(coef, exp)
		s := money.Format(d)
		if len(s) > 2*apierr.MaxDigits+8 {
			t.Fatalf("Format(%de%d) is %d bytes", coef, exp, len(s))
		}
		if apierr.Bounded(d) {
			want := d.Round(2).StringFixed(2)
			if want == "-0.00" {
				want = "0.00"
			}
			if s != want {
				t.Fatalf("Format(%de%d) = %q, want %q", coef, exp, s, want)
			}
		}
		if _, err := money.ToCents(d); err != nil {
			var e *apierr.Error
			if !errors.As(err, &e) || !e.Code.Known() {
				t.Fatalf("ToCents(%de%d): %v", coef, exp, err)
			}
		}
		out := money.AppendFixed(nil, coef, places)
		if len(out) > 2*apierr.MaxExponent+48 {
			t.Fatalf("AppendFixed(%d, %d) is %d bytes", coef, places, len(out))
		}
		if places > apierr.MaxExponent || places < -apierr.MaxExponent {
			return // the scientific form: TestPropAppendFixedAnyPlaces reads it back
		}
		r, ok := new(big.Rat).SetString(string(out))
		want := new(big.Rat).SetInt64(coef)
		scale := new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(max(places, -places))), nil))
		if places >= 0 {
			want.Quo(want, scale)
		} else {
			want.Mul(want, scale)
		}
		if !ok || r.Cmp(want) != 0 {
			t.Fatalf("AppendFixed(%d, %d) = %q, want %s", coef, places, out, want.RatString())
		}
	})
}

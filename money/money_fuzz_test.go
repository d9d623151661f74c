package money_test

import (
	"math/big"
	"testing"

	"github.com/shopspring/decimal"
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

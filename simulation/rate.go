package simulation

import (
	"math"
	"math/big"

	"github.com/dinie/lending/schedule"
)

// annualHundredths returns (1 + i)^12 − 1 in hundredths of a percent, rounded to
// the nearest: the annual equivalent of the monthly rate r (lending-math.md §3),
// 2 decimals of percent.
//
// i = u / 10^12 exactly (u, the rate in 10^-10 %, has at most 13 digits), so the
// exact value is (10^12 + u)^12 / 10^140 − 10^4 hundredths. It is never a tie:
// a tie needs 2·(10^12 + u)^12 to be an odd multiple of 10^140, whose power of 2
// is 141, while 2·(…)^12 has one of the form 1 + 12a. So NBR 5891's "half to even"
// and half-up agree, and any correct rounding is the rounding.
//
// Fast path: float64, (1 + i) to one rounding, squared up to the 12th power;
// relative error below 30 ulp, so below 2·10^-7 hundredths at the largest
// value (4096 − 1 times 10^4). Within 10^-6 of a half hundredth the exact
// path (big.Int) decides.
func annualHundredths(r schedule.MonthlyRate) int64 {
	p := r.Percent() // decimal.New(units, -10): the coefficient is the units
	u := p.CoefficientInt64()
	if p.Exponent() != -schedule.RatePlaces || u < 0 || u > 100*1e10 {
		return annualExact(r)
	}
	f := 1 + float64(u)/1e12
	f2 := f * f
	f4 := f2 * f2
	f12 := f4 * f4 * f4
	v := (f12 - 1) * 1e4
	fl := math.Floor(v)
	if d := v - fl - 0.5; d > 1e-6 || d < -1e-6 {
		if d > 0 {
			return int64(fl) + 1
		}
		return int64(fl)
	}
	return annualExact(r)
}

// annualExact is annualHundredths in big.Int arithmetic.
func annualExact(r schedule.MonthlyRate) int64 {
	p := r.Percent()                           // percent = coef · 10^exp
	coef, exp := p.Coefficient(), p.Exponent() // i = coef · 10^(exp−2)
	// 1 + i = (10^k + coef) / 10^k with k = 2 − exp (exp ≤ 0 for a rate ≤ 100 with
	// its zeros trimmed or not; a positive exponent is scaled in).
	k := int64(2) - int64(exp)
	if k < 0 {
		coef.Mul(coef, new(big.Int).Exp(big.NewInt(10), big.NewInt(-k), nil))
		k = 0
	}
	den := new(big.Int).Exp(big.NewInt(10), big.NewInt(k), nil)
	num := new(big.Int).Add(den, coef)
	num.Exp(num, big.NewInt(12), nil)
	den.Exp(den, big.NewInt(12), nil)
	// hundredths of percent: (num/den − 1) · 10^4, rounded to nearest.
	num.Mul(num, big.NewInt(10_000))
	num.Add(num, new(big.Int).Rsh(den, 1))
	num.Quo(num, den)
	return num.Int64() - 10_000
}

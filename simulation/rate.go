package simulation

import (
	"math"
	"math/big"

	"github.com/dinie/lending/schedule"
)

// annualHundredths returns (1 + i)^12 − 1 in hundredths of a percent, rounded to
// the nearest: the annual equivalent of the monthly rate r (docs/lending-math.md §3),
// 2 decimals of percent.
//
// i = u / 10^12 exactly (u = r.PercentUnits(), the rate in 10^-10 %, at most
// 10^12), so the exact value is (10^12 + u)^12 / 10^140 − 10^4 hundredths. It is
// never a tie: a tie needs 2·(10^12 + u)^12 to be an odd multiple of 10^140,
// whose power of 2 is 141, while 2·(…)^12 has one of the form 1 + 12a. So NBR
// 5891's "half to even" and half-up agree, and any correct rounding is the
// rounding.
//
// Fast path: float64, (1 + i) to one rounding, squared up to the 12th power;
// relative error below 30 ulp, so below 2·10^-7 hundredths at the largest
// value (4096 − 1 times 10^4). Within 10^-6 of a half hundredth the exact
// path (big.Int) decides.
func annualHundredths(r schedule.MonthlyRate) int64 {
	u := r.PercentUnits()
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
	return annualExact(u)
}

// annualExact is annualHundredths in big.Int arithmetic, from u = the rate in
// 10^-10 % (i = u / 10^12).
func annualExact(u int64) int64 {
	den := new(big.Int).Exp(big.NewInt(10), big.NewInt(12), nil)
	num := new(big.Int).Add(den, big.NewInt(u))
	num.Exp(num, big.NewInt(12), nil)
	den.Exp(den, big.NewInt(12), nil)
	// hundredths of percent: (num/den − 1) · 10^4, rounded to nearest.
	num.Mul(num, big.NewInt(10_000))
	num.Add(num, new(big.Int).Rsh(den, 1))
	num.Quo(num, den)
	return num.Int64() - 10_000
}

// hundredthsEven rounds a percentage in units of 10^-10 % to hundredths of a
// percent, ties to even (ABNT NBR 5891).
func hundredthsEven(units int64) int64 {
	const step = 100_000_000 // 10^-2 % in units of 10^-10 %
	q, r := units/step, units%step
	if 2*r > step || 2*r == step && q%2 == 1 {
		q++
	}
	return q
}

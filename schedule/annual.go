package schedule

import (
	"math"
	"math/big"

	"github.com/shopspring/decimal"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/money"
)

// maxAnnualUnits is 409,500 % a.a. in units: (1 + 100 %)^12 − 1, the annual
// equivalent of the largest monthly rate, so that both bases cover the same
// rates.
const maxAnnualUnits = 409_500 * rateScale

const annualRateParam = "annual_interest_rate"

// AnnualRate is an annual interest rate (taxa de juros ao ano), compounded: a
// contract that states its rate per year. 30 means 30 % a.a., the fraction
// a = 0.30. The API's interest_rate stays monthly (MonthlyRate); AnnualRate is
// for contracts priced per year, such as those on the Actual365 and
// Business252 day counts, and the two are related by compounding,
// 1 + a = (1 + i)^12.
//
// An AnnualRate holds 0 % to 409,500 % a.a. ((1 + 100 %)^12 − 1, the equivalent
// of the largest MonthlyRate) with at most RatePlaces (10) decimal places of
// percent, exactly. The zero value is 0 % a.a. It is a small comparable value.
type AnnualRate struct {
	units int64 // percent × 10^10, 0 … 4.095·10^15
}

// PercentPerYear returns the rate of p percent per year: PercentPerYear(30) is
// 30 % a.a. (a = 0.30). Errors (*apierr.Error, Param "annual_interest_rate"):
// a negative p or one above 409,500 is rate_out_of_range (reason
// apierr.ErrRange); more than RatePlaces significant decimal places is
// invalid_format (apierr.ErrPrecision), refused rather than rounded.
func PercentPerYear(p decimal.Decimal) (AnnualRate, error) {
	if err := apierr.CheckBounds(p, apierr.RateOutOfRange, annualRateParam); err != nil {
		return AnnualRate{}, err
	}
	coef := p.Coefficient()
	neg := coef.Sign() < 0
	if neg {
		coef.Neg(coef)
	}
	u, err := percentUnits(coef.Text(10), int64(p.Exponent()), neg, &annualKind, func() string { return describeDecimal(p) })
	return AnnualRate{units: u}, err
}

// ParsePercentPerYear parses a rate in percent per year written as a JSON
// number ("30", "26.824179"), with the scanner of ParsePercentPerMonth (the
// same grammar, length bound and exact reading). Errors (*apierr.Error, Param
// "annual_interest_rate"): text that is not a JSON number is invalid_format
// (apierr.ErrSyntax, or apierr.ErrLength beyond 64 bytes); otherwise those of
// PercentPerYear.
func ParsePercentPerYear(s string) (AnnualRate, error) {
	digits, exp, neg, ok := scanNumber(s)
	if !ok {
		reason := apierr.ErrSyntax
		if len(s) > maxRateText {
			reason = apierr.ErrLength
		}
		return AnnualRate{}, apierr.Wrap(reason, apierr.InvalidFormat, annualRateParam,
			"annual_interest_rate %s is not a number; expected percent per year like 30", quote(s))
	}
	u, err := percentUnits(digits, exp, neg, &annualKind, func() string { return s })
	return AnnualRate{units: u}, err
}

// Percent returns the rate in percent per year (30 for 30 % a.a.), exactly.
func (r AnnualRate) Percent() decimal.Decimal { return decimal.New(r.units, -RatePlaces) }

// Fraction returns the rate as a fraction, a = percent / 100, exactly.
func (r AnnualRate) Fraction() decimal.Decimal { return decimal.New(r.units, -RatePlaces-2) }

// IsZero reports whether r is 0 % a.a.
func (r AnnualRate) IsZero() bool { return r.units == 0 }

// PercentUnits returns the rate as the integer it is held as, percent per year
// in units of 10^−RatePlaces (30 % a.a. is 300,000,000,000).
func (r AnnualRate) PercentUnits() int64 { return r.units }

// String returns the percent per year in the shortest exact decimal form,
// without a unit: "30", "26.824179".
func (r AnnualRate) String() string { return string(money.AppendTrimmed(nil, r.units, RatePlaces)) }

// AppendText appends String's form to b (encoding.TextAppender); it never fails.
func (r AnnualRate) AppendText(b []byte) ([]byte, error) {
	return money.AppendTrimmed(b, r.units, RatePlaces), nil
}

// MarshalText returns String's form; it never fails.
func (r AnnualRate) MarshalText() ([]byte, error) { return r.AppendText(nil) }

// UnmarshalText parses text with ParsePercentPerYear. On error r is unchanged.
func (r *AnnualRate) UnmarshalText(text []byte) error {
	v, err := ParsePercentPerYear(string(text))
	if err != nil {
		return err
	}
	*r = v
	return nil
}

// MarshalJSON returns the rate as a JSON number of percent per year; it never
// fails.
func (r AnnualRate) MarshalJSON() ([]byte, error) { return r.AppendText(nil) }

// UnmarshalJSON parses a JSON number of percent per year (a JSON string holding
// one is accepted too), read as MonthlyRate's is. JSON null leaves r unchanged.
// On error r is unchanged.
func (r *AnnualRate) UnmarshalJSON(data []byte) error {
	s, null, err := rateJSON(data, annualRateParam)
	if err != nil || null {
		return err
	}
	return r.UnmarshalText([]byte(s))
}

// ratio returns 1+a as the reduced fraction num/den (den divides 10^12).
func (r AnnualRate) ratio() (num, den uint64) {
	n, d := uint64(fractionScale+r.units), uint64(fractionScale)
	g := gcd(n, d)
	return n / g, d / g
}

// Annual returns the annual equivalent of r, (1 + i)^12 − 1, rounded half-up
// to RatePlaces decimal places of percent: 2.5 % a.m. is 34.4888824246 % a.a.
// (34.48888242462…; ExampleMonthlyRate_Annual). It is exact (big.Int) and for display: a schedule computes
// with the rate its terms give, never with a rounded equivalent.
func (r MonthlyRate) Annual() AnnualRate {
	// Fast path: g = (1+i)^12 by squarings carries a relative error below 17u
	// (u = 2^−53: the conversion of 1+i, amplified 12 times, and five
	// products); 10^12·(g − 1) then lies within 24u·10^12·g of the truth, a few
	// thousandths of a unit for ordinary rates. Farther than that (plus a
	// margin) from a half unit, its rounding is the rounding.
	f := 1 + float64(r.units)/fractionScale
	f2 := f * f
	f4 := f2 * f2
	g := f4 * f4 * f4
	x := (g - 1) * fractionScale
	bound := 24*unitRoundoff*fractionScale*g + 1e-6
	if fl := math.Floor(x); math.Abs(x-fl-0.5) > bound {
		k := int64(fl)
		if x-fl > 0.5 {
			k++
		}
		return AnnualRate{units: min(max(k, 0), maxAnnualUnits)}
	}
	// 10^12·((1 + u/10^12)^12 − 1) = ((10^12 + u)^12 − 10^144) / 10^132.
	scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(12), nil)
	num := new(big.Int).Add(scale, big.NewInt(r.units))
	num.Exp(num, big.NewInt(12), nil)
	den := new(big.Int).Exp(big.NewInt(10), big.NewInt(132), nil)
	num.Sub(num, new(big.Int).Exp(big.NewInt(10), big.NewInt(144), nil))
	return AnnualRate{units: roundRatHalfUp(num, den)}
}

// Monthly returns the monthly equivalent of r, (1 + a)^(1/12) − 1, rounded
// half-up to RatePlaces decimal places of percent: 30 % a.a. is
// 2.2104450594 % a.m. (2.21044505936…; ExampleAnnualRate_Monthly). It is exact (the rounding is decided in integers) and
// for display, as Annual.
func (r AnnualRate) Monthly() MonthlyRate {
	// X = 10^12·(1+a)^(1/12) satisfies X^12 = N = 10^132·(10^12 + u). The
	// result is half-up(X) − 10^12: the k with (2k − 1)^12 ≤ 2^12·N < (2k + 1)^12.
	//
	// Fast path: in float64, X ≈ 10^12·exp(log1p(a)/12) lies within a relative
	// 8 ulp (log1p, the division, exp and the product), below 2·10^−3 units for X
	// up to 2·10^12; a fraction farther than 10^−2 from ½ rounds the same way
	// as X itself.
	x := float64(fractionScale) * math.Exp(math.Log1p(float64(r.units)/fractionScale)/12)
	if fl := math.Floor(x); math.Abs(x-fl-0.5) > 1e-2 {
		k := int64(fl)
		if x-fl > 0.5 {
			k++
		}
		return MonthlyRate{units: min(k-fractionScale, maxRateUnits)}
	}
	n := new(big.Int).Add(big.NewInt(fractionScale), big.NewInt(r.units))
	n.Mul(n, new(big.Int).Exp(big.NewInt(10), big.NewInt(132), nil))
	n.Lsh(n, 12)
	k := int64(math.Round(x))
	twelve := big.NewInt(12)
	pow := func(k int64) *big.Int { // (2k + 1)^12
		b := big.NewInt(2*k + 1)
		return b.Exp(b, twelve, nil)
	}
	// float64's error is below 10 units here; step until the bracket holds.
	for range 64 {
		switch {
		case pow(k-1).Cmp(n) > 0: // (2k − 1)^12 > 2^12·N: k too large
			k--
		case pow(k).Cmp(n) <= 0: // (2k + 1)^12 ≤ 2^12·N: k too small
			k++
		default:
			return MonthlyRate{units: k - fractionScale}
		}
	}
	return MonthlyRate{units: k - fractionScale} // not reached: the bracket holds within a few steps
}

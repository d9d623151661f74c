package apierr

import (
	"strconv"

	"github.com/shopspring/decimal"
)

// MaxDigits and MaxExponent bound every decimal the library reads: its coefficient
// has at most MaxDigits digits and its exponent lies within ±MaxExponent. A
// decimal.Decimal can hold any exponent of an int32 and any coefficient memory holds
// (decimal.New(1, math.MaxInt32) is 1 followed by 2,147,483,647 zeros), and
// shopspring's arithmetic and formatting expand it, so such a value would cost time
// without bound. No amount, rate or percentage the library handles comes near the
// bounds, which are those of the text it parses (money.MaxLen, 1,024
// characters). They live here, at the bottom of the layering, so that every
// package that takes a decimal — money, cet, schedule and those above — checks it
// with the same helper.
const (
	MaxDigits   = 1024
	MaxExponent = 1024
)

// maxCoefficientBits is the bit length of 10^MaxDigits − 1, rounded up: a
// coefficient longer than this has more than MaxDigits digits.
const maxCoefficientBits = MaxDigits*3322/1000 + 1

// Bounded reports whether d is within the library's bounds on decimals (MaxDigits,
// MaxExponent). It reads d's exponent, and its coefficient's digits only when the
// exponent is in bounds; the cost is O(1) for a coefficient that fits in an int64 and
// at most linear in its size otherwise.
func Bounded(d decimal.Decimal) bool {
	if e := d.Exponent(); e < -MaxExponent || e > MaxExponent {
		return false
	}
	return DigitsBounded(d)
}

// DigitsBounded reports whether d's coefficient has at most MaxDigits digits,
// whatever its exponent: the half of Bounded for callers that decide any exponent
// without expanding it (money.ToCents, money.Format).
func DigitsBounded(d decimal.Decimal) bool {
	if d.NumDigits() <= 18 {
		return true // the int64 fast path of NumDigits: no big arithmetic
	}
	if d.Coefficient().BitLen() > maxCoefficientBits {
		return false
	}
	return d.NumDigits() <= MaxDigits
}

// CheckBounds is the library's one bound check on an incoming decimal: nil when
// Bounded(d), else an *apierr.Error with the code and param the caller gives (the
// field's own range code: amount_out_of_range for money, rate_out_of_range for a
// rate) and reason apierr.ErrRange, whose Detail describes d without expanding it.
// Every exported function that takes a decimal checks it with CheckBounds (or with
// money.ToCents and money.ToUnits, which apply it) before any arithmetic or
// formatting.
func CheckBounds(d decimal.Decimal, code Code, param string) error {
	if Bounded(d) {
		return nil
	}
	return Wrap(ErrRange, code, param,
		"%s %s is outside the bounds of a decimal: at most %d digits and an exponent within ±%d",
		param, DescribeDecimal(d), MaxDigits, MaxExponent)
}

// DescribeDecimal prints d for an error Detail in bounded time and length: plainly when its
// plain form is short (at most 40 characters of digits), else as coefficient, 'e' and
// exponent ("1e2147483647"), and a coefficient of more than 40 digits by its length
// alone, because d.String() of decimal.New(1, 2e9) has two billion digits.
func DescribeDecimal(d decimal.Decimal) string {
	exp := int64(d.Exponent())
	abs := exp
	if abs < 0 {
		abs = -abs
	}
	short := d.NumDigits() <= 18
	if short && int64(d.NumDigits())+abs <= 40 {
		return d.String()
	}
	if short {
		return strconv.FormatInt(d.CoefficientInt64(), 10) + "e" + strconv.FormatInt(exp, 10)
	}
	c := d.Coefficient()
	sign := ""
	if c.Sign() < 0 {
		sign = "-"
	}
	if c.BitLen() > maxCoefficientBits {
		return sign + "(a coefficient of more than " + strconv.Itoa(MaxDigits) + " digits)e" + strconv.FormatInt(exp, 10)
	}
	n := d.NumDigits()
	if n <= 40 {
		if int64(n)+abs <= 40 {
			return d.String()
		}
		return c.String() + "e" + strconv.FormatInt(exp, 10)
	}
	return sign + "(a coefficient of " + strconv.Itoa(n) + " digits)e" + strconv.FormatInt(exp, 10)
}

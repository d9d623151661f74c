package strictjson

import (
	"math/big"

	"github.com/shopspring/decimal"

	"github.com/dinie/lending/apierr"
)

// Scalar parses data, the text of one JSON value as a json.Unmarshaler receives
// it, under lim: the rule every UnmarshalJSON of the library applies before it
// reads its value. null is returned as a Value of Kind Null; the errors are
// ParseLimits's, with param (the field's generic name, relabelled by the caller's
// decoder), and an object or array is invalid_format: a scalar decoder takes
// none.
func Scalar(data []byte, param string, lim Limits) (Value, error) {
	v, err := ParseLimits(data, lim)
	if err != nil {
		return Value{}, Relabel(err, param, false)
	}
	if v.Kind == Object || v.Kind == Array {
		return Value{}, WrongType(param, v.Kind, "a string or a number")
	}
	return v, nil
}

// MaxExponent bounds the exponent ScanNumber reports: a larger one saturates at
// ±MaxExponent. Every value the library holds has an exponent far inside, and
// saturating keeps the arithmetic on exponents (digits + exponent) from
// overflowing, so "3e18446744073709551616" reads as huge, not as 3.
const MaxExponent = 1 << 40

// ScanNumber checks s against the JSON number grammar (an optional '-', digits
// without leading zeros, an optional fraction and exponent) and returns its
// significant digits (integer and fraction digits run together) and the power of
// ten that scales them: "12.50e1" is ("1250", -1). An exponent beyond
// ±MaxExponent saturates there, so the sign and order of magnitude stay right
// whatever the input's length. It does not bound s; callers do.
func ScanNumber(s string) (digits string, exp int64, neg, ok bool) {
	if len(s) == 0 {
		return "", 0, false, false
	}
	i := 0
	if s[0] == '-' {
		neg = true
		i++
	}
	start := i
	switch {
	case i < len(s) && s[i] == '0':
		i++
	case i < len(s) && s[i] >= '1' && s[i] <= '9':
		for i < len(s) && isDigit(s[i]) {
			i++
		}
	default:
		return "", 0, false, false
	}
	intPart := s[start:i]
	frac := ""
	if i < len(s) && s[i] == '.' {
		i++
		fs := i
		for i < len(s) && isDigit(s[i]) {
			i++
		}
		if i == fs {
			return "", 0, false, false
		}
		frac = s[fs:i]
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		eneg := false
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			eneg = s[i] == '-'
			i++
		}
		es := i
		for i < len(s) && isDigit(s[i]) {
			if exp < MaxExponent {
				exp = exp*10 + int64(s[i]-'0')
			}
			i++
		}
		if i == es {
			return "", 0, false, false
		}
		exp = min(exp, MaxExponent)
		if eneg {
			exp = -exp
		}
	}
	if i != len(s) {
		return "", 0, false, false
	}
	// len(frac) ≤ len(s) and |exp| ≤ 2^40: the difference cannot overflow.
	return intPart + frac, exp - int64(len(frac)), neg, true
}

// maxDecimalExponent bounds the exponent of a decimal Decimal builds: far beyond
// any percentage, far inside what decimal arithmetic handles without cost.
const maxDecimalExponent = 1000

// Decimal parses s, a JSON number of at most MaxNumber bytes, exactly into a
// decimal. Errors (*apierr.Error, param): text that is not a JSON number, or
// longer, is invalid_format (apierr.ErrSyntax, apierr.ErrLength); a value whose
// magnitude is beyond 10^1000 is value_out_of_range (apierr.ErrRange), and a
// nonzero one below 10^-1000 invalid_format (apierr.ErrPrecision): no field holds
// either, and the exponent is never handed to decimal arithmetic.
func Decimal(s, param string) (decimal.Decimal, error) {
	if len(s) > MaxNumber {
		return decimal.Decimal{}, apierr.Wrap(apierr.ErrLength, apierr.InvalidFormat, param,
			"%s is a number of %d bytes; expected at most %d", param, len(s), MaxNumber)
	}
	digits, exp, neg, ok := ScanNumber(s)
	if !ok {
		return decimal.Decimal{}, apierr.Wrap(apierr.ErrSyntax, apierr.InvalidFormat, param,
			"%s %s is not a number", param, apierr.Quote(s))
	}
	coef, _ := new(big.Int).SetString(digits, 10) // digits only: cannot fail
	if coef.Sign() == 0 {
		return decimal.Zero, nil
	}
	switch mag := int64(len(digits)) + exp; {
	case mag > maxDecimalExponent:
		return decimal.Decimal{}, apierr.Wrap(apierr.ErrRange, apierr.ValueOutOfRange, param,
			"%s %s is out of range", param, apierr.Quote(s))
	case exp < -maxDecimalExponent:
		return decimal.Decimal{}, apierr.Wrap(apierr.ErrPrecision, apierr.InvalidFormat, param,
			"%s %s has too many decimal places", param, apierr.Quote(s))
	}
	if neg {
		coef.Neg(coef)
	}
	return decimal.NewFromBigInt(coef, int32(exp)), nil
}

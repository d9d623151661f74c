package iof

import (
	"strings"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/internal/strictjson"
	"github.com/dinie/lending/money"
	"github.com/shopspring/decimal"
)

// Rate is a tax rate in percent, held exactly as an integer count of
// hundred-millionths of a percent (10⁻⁸ %): 0.0082 % is Rate(820_000) and
// 0.38 % is Rate(38_000_000). Every rate a decree has set fits with room to
// spare (the finest, 0.00137 %, needs 5 decimals), so no rate is ever rounded or
// held in floating point. The zero Rate is 0 %.
type Rate int64

// RatePlaces is the number of decimal places of a percentage a Rate holds.
const RatePlaces = 8

// rateScale is one percent in Rate units; as a fraction, a Rate r is r/(100·rateScale).
const rateScale = 100_000_000

// fractionScale turns Rate units into a fraction: x·r/fractionScale is x times the rate.
const fractionScale = 100 * rateScale

// pct is one percent in Rate units, untyped so that the table can write a rate as
// the decree does (0.0082*pct): the constant expression is exact, and one with
// more than RatePlaces decimals does not compile.
const pct = 1e8

// Percent returns r as a decimal number of percent (0.0082 for 0.0082 %), exactly.
func (r Rate) Percent() decimal.Decimal {
	return decimal.New(int64(r), -RatePlaces)
}

// String returns r as a percentage with as few decimals as it needs and a percent
// sign: "0.0082%", "0.38%", "0%".
func (r Rate) String() string {
	b := r.appendPercent(make([]byte, 0, 32))
	return string(append(b, '%'))
}

// MarshalText returns r in percent without the sign, "0.0082"
// (encoding.TextMarshaler); MarshalJSON the same as a JSON number, the form in
// which the API carries rates (a Rate is never marshalled as its raw count).
func (r Rate) MarshalText() ([]byte, error) { return r.appendPercent(nil), nil }

// MarshalJSON returns r as a JSON number of percent: 0.0082.
func (r Rate) MarshalJSON() ([]byte, error) { return r.appendPercent(nil), nil }

// AppendText appends MarshalText's form to b and returns the extended buffer
// (encoding.TextAppender): "0.0082", which is also the JSON number MarshalJSON
// writes, for writers building JSON or text in one buffer. It never fails and
// allocates only to grow b.
func (r Rate) AppendText(b []byte) ([]byte, error) { return r.appendPercent(b), nil }

// UnmarshalText parses a rate with ParseRate. On error r is left unchanged.
func (r *Rate) UnmarshalText(text []byte) error {
	v, err := ParseRate(string(text))
	if err != nil {
		return err
	}
	*r = v
	return nil
}

// UnmarshalJSON parses a JSON number of percent with ParseRate, read with the
// shared strict reader (strictjson.Scalar: one bounded JSON value; a string is
// refused); JSON null leaves r unchanged. On error r is left unchanged.
func (r *Rate) UnmarshalJSON(data []byte) error {
	v, err := strictjson.Scalar(data, paramRate, strictjson.Limits{})
	switch {
	case err != nil:
		return err
	case v.Kind == strictjson.Null:
		return nil
	case v.Kind != strictjson.Number:
		return strictjson.WrongType(paramRate, v.Kind, "a number")
	}
	return r.UnmarshalText([]byte(v.Text))
}

// ParseRate parses a percentage written as MarshalText writes it: digits, and
// optionally a point and 1 to RatePlaces digits ("0.0082", "0.38", "1"), with no
// sign, exponent, spaces or percent sign, exactly. Anything else, and values
// above 100 %, are an invalid_format or rate_out_of_range *apierr.Error
// with param "rate"; it never rounds.
func ParseRate(s string) (Rate, error) {
	whole, frac, dot := strings.Cut(s, ".")
	if whole == "" || len(whole) > 3 || (dot && (frac == "" || len(frac) > RatePlaces)) {
		reason := apierr.ErrSyntax
		if dot && len(frac) > RatePlaces {
			reason = apierr.ErrPrecision
		}
		return 0, apierr.Wrap(reason, apierr.InvalidFormat, paramRate,
			"rate %s is not a percentage with at most %d decimal places, like 0.0082", quote(s), RatePlaces)
	}
	var v int64
	for _, part := range [2]string{whole, frac} {
		for i := 0; i < len(part); i++ {
			c := part[i]
			if c < '0' || c > '9' {
				return 0, apierr.Wrap(apierr.ErrCharacter, apierr.InvalidFormat, paramRate,
					"rate %s is not a percentage with at most %d decimal places, like 0.0082", quote(s), RatePlaces)
			}
			v = v*10 + int64(c-'0')
		}
	}
	for i := len(frac); i < RatePlaces; i++ {
		v *= 10
	}
	if v > 100*rateScale {
		return 0, apierr.Wrap(apierr.ErrRange, apierr.RateOutOfRange, paramRate,
			"rate %s %% is above 100 %%", quote(s))
	}
	return Rate(v), nil
}

// appendPercent appends r in percent, shortest exact form, without the sign.
func (r Rate) appendPercent(dst []byte) []byte {
	return money.AppendTrimmed(dst, int64(r), RatePlaces)
}

// Rates are the two IOF rates of a class in a regime: Daily, percent per day on
// each installment's amortization for at most 365 days (art. 7, I, b and VI, and
// §1), and Additional, percent once on the principal (art. 7, §15). The zero value
// is no tax.
//
// In JSON, Rates are {"daily": 0.0082, "additional": 0.38}, in percent.
type Rates struct {
	Daily      Rate `json:"daily"`
	Additional Rate `json:"additional"`
}

// r builds a table entry; its arguments are constant expressions such as 0.0082*pct.
func r(daily, additional Rate) Rates { return Rates{Daily: daily, Additional: additional} }

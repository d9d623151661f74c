package iof

import (
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
	var b [32]byte
	n := int64(r)
	neg := n < 0
	u := uint64(n)
	if neg {
		u = -u
	}
	i := len(b)
	i--
	b[i] = '%'
	frac := u % rateScale
	whole := u / rateScale
	if frac != 0 {
		digits := RatePlaces
		for frac%10 == 0 {
			frac /= 10
			digits--
		}
		for ; digits > 0; digits-- {
			i--
			b[i] = byte('0' + frac%10)
			frac /= 10
		}
		i--
		b[i] = '.'
	}
	for {
		i--
		b[i] = byte('0' + whole%10)
		whole /= 10
		if whole == 0 {
			break
		}
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}

// Rates are the two IOF rates of a class in a regime: Daily, percent per day on
// each installment's amortization for at most 365 days (art. 7, I, b and VI, and
// §1), and Additional, percent once on the principal (art. 7, §15). The zero value
// is no tax.
type Rates struct {
	Daily      Rate
	Additional Rate
}

// r builds a table entry; its arguments are constant expressions such as 0.0082*pct.
func r(daily, additional Rate) Rates { return Rates{Daily: daily, Additional: additional} }

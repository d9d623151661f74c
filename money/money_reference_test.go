package money_test

import (
	"math/big"
	"regexp"
	"strings"

	"github.com/dinie/lending/money"
	"github.com/shopspring/decimal"
)

// The slow, obvious money implementations the fast paths are checked against. They
// share no code with the package: a regular expression for the wire format and
// big.Rat for the arithmetic.

var wireMoney = regexp.MustCompile(`^[0-9]+\.[0-9]{2}$`)

type refOutcome int

const (
	refOK refOutcome = iota
	refFormat
	refRange
)

// refParseCents parses s the obvious way: the wire pattern, then exact rational
// arithmetic. The length cap is the package's documented MaxMoneyLen.
func refParseCents(s string) (*big.Int, refOutcome) {
	if len(s) > money.MaxLen || !wireMoney.MatchString(s) {
		return nil, refFormat
	}
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		panic("big.Rat rejected " + s)
	}
	r.Mul(r, big.NewRat(100, 1))
	if !r.IsInt() {
		panic("two decimals times 100 not an integer: " + s)
	}
	return new(big.Int).Set(r.Num()), refOK
}

// decimalRat is d as an exact fraction, from its coefficient and exponent.
func decimalRat(d decimal.Decimal) *big.Rat {
	ten := big.NewInt(10)
	exp := int64(d.Exponent())
	r := new(big.Rat).SetInt(d.Coefficient())
	if exp >= 0 {
		return r.Mul(r, new(big.Rat).SetInt(new(big.Int).Exp(ten, big.NewInt(exp), nil)))
	}
	return r.Quo(r, new(big.Rat).SetInt(new(big.Int).Exp(ten, big.NewInt(-exp), nil)))
}

// refRoundCents is d·100 rounded half away from zero.
func refRoundCents(d decimal.Decimal) *big.Int {
	r := decimalRat(d)
	r.Mul(r, big.NewRat(100, 1))
	neg := r.Sign() < 0
	r.Abs(r)
	q, m := new(big.Int).QuoRem(r.Num(), r.Denom(), new(big.Int))
	if m.Lsh(m, 1).Cmp(r.Denom()) >= 0 {
		q.Add(q, big.NewInt(1))
	}
	if neg {
		q.Neg(q)
	}
	return q
}

// refFormatBigCents prints cents as digits with a point before the last two.
func refFormatBigCents(c *big.Int) string {
	neg := c.Sign() < 0
	s := new(big.Int).Abs(c).String()
	if len(s) < 3 {
		s = strings.Repeat("0", 3-len(s)) + s
	}
	s = s[:len(s)-2] + "." + s[len(s)-2:]
	if neg {
		s = "-" + s
	}
	return s
}

func refFormatMoney(d decimal.Decimal) string { return refFormatBigCents(refRoundCents(d)) }

// refDecimalToCents is d·100 if that is an integer in int64.
func refDecimalToCents(d decimal.Decimal) (int64, refOutcome) {
	r := decimalRat(d)
	r.Mul(r, big.NewRat(100, 1))
	if !r.IsInt() {
		return 0, refFormat
	}
	if !r.Num().IsInt64() {
		return 0, refRange
	}
	return r.Num().Int64(), refOK
}

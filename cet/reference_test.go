package cet

import (
	"math"
	"math/big"
)

// This file holds the slow, obvious implementations the fast paths are checked
// against. They share no code with the package.

// refAnnual solves the spec's equation the plainest way: 200 bisections of the CET
// itself over [lo, MaxAnnual], with the present value written as in the resolution,
// FC_j·(1+CET)^(−t_j) by math.Pow. Bisection needs nothing but continuity and a
// sign change, so its only failure mode is a root outside the interval, reported
// as ok = false.
func refAnnual(net int64, flows []Flow, perYear float64) (cet float64, ok bool) {
	const lo0 = -0.999999
	lo, hi := lo0, float64(MaxAnnual)
	if npvPow(lo, net, flows, perYear) < 0 || npvPow(hi, net, flows, perYear) > 0 {
		return 0, false
	}
	for range 200 {
		mid := lo + (hi-lo)/2
		if npvPow(mid, net, flows, perYear) > 0 {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo + (hi-lo)/2, true
}

// refHundredths is NBR 5891 rounding of rate·10^4 in exact rational arithmetic: the
// float64 converts to a big.Rat exactly, the product is exact, and the tie test is
// an exact comparison of the fraction with 1/2.
func refHundredths(rate float64) int64 {
	r := new(big.Rat).SetFloat64(rate)
	r.Mul(r, big.NewRat(10000, 1))
	n := new(big.Int).Div(r.Num(), r.Denom()) // Euclidean: the floor, as Denom > 0
	frac := new(big.Rat).Sub(r, new(big.Rat).SetInt(n))
	switch frac.Cmp(big.NewRat(1, 2)) {
	case 1:
		n.Add(n, big.NewInt(1))
	case 0:
		if n.Bit(0) == 1 { // odd: the even neighbour is above
			n.Add(n, big.NewInt(1))
		}
	}
	return n.Int64()
}

// npvExp is the residual in the solver's own terms, Σ FC_j·e^(−x·t_j) − FC0 with
// x = Log(), which is what the accuracy bound is stated for (it stays meaningful
// for a CET near −100 %, where 1 + Annual() loses its digits).
func npvExp(x float64, net int64, flows []Flow, perYear float64) float64 {
	s := -float64(net)
	for _, f := range flows {
		if f.Cents != 0 {
			s += float64(f.Cents) * math.Exp(-x*float64(f.Time)/perYear)
		}
	}
	return s
}

// refCents is the exact value of coef·10^exp in cents as a big.Rat.
func refCents(coef int64, exp int32) *big.Rat {
	p := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(abs32(exp))), nil)
	r := new(big.Rat).SetInt64(coef)
	if exp >= 0 {
		r.Mul(r, new(big.Rat).SetInt(p))
	} else {
		r.Quo(r, new(big.Rat).SetInt(p))
	}
	return r.Mul(r, big.NewRat(100, 1))
}

func abs32(x int32) int64 {
	if x < 0 {
		return -int64(x)
	}
	return int64(x)
}

package schedule

import (
	"math"
	"math/bits"
)

// The fast path computes in float64 and in 128-bit integers, and knows how far
// from the true value each float can be. A value is rounded to cents only when
// the whole error interval rounds the same way; otherwise exact.go decides.
//
// Error model. u = 2^-53 is float64's unit roundoff: +, −, ×, ÷ of floats are
// within a relative u of the true result (IEEE 754, round to nearest; a fused
// multiply-add, which Go may emit, is only more accurate). For math.Log1p and
// math.Expm1, the only library functions used, the package assumes a relative
// error of at most libErr = 4u (2 ulp); the FreeBSD msun originals of Go's
// implementations document less than 1 ulp, and TestLibmAccuracy measures them
// against big.Float on random arguments across the range used here. The bounds
// below are first-order sums of these errors, doubled or more for the
// second-order terms.
const (
	unitRoundoff = 1.0 / (1 << 53)
	pmtErr       = 48
)

// factor is one period's data: dt = Δe, the period's exponent step (its growth
// is base^(dt/rootD); setRate).
type factor struct {
	dt int32
	// exact: the interest factor (1+i)^(dt/30) − 1 is the fraction num/den,
	// with num and den fitting uint64, so interest is computed in integers.
	exact    bool
	num, den uint64
	f        float64 // ≈ (1+i)^(dt/30) − 1
	rel      float64 // |f − true| ≤ rel·true
	g        float64 // ≈ (1+i)^(−dt/30), the discount over the period
}

// newFactor computes the factor of a period of exponent step dt.
//
// With y = dt·lUnit = (dt/D)·log1p(r), r the rate: lUnit carries the errors of
// r's conversion (u, damped by r/((1+r)log1p(r)) ≤ 1), of Log1p (libErr) and of
// the division by D (u); y adds one more u: rel(y) ≤ libErr + 3u = 7u. Expm1 turns a relative
// error δ in y into (y·e^y/(e^y−1))·δ ≤ (1+y)·δ and adds its own libErr, so
// rel(f) ≤ (1+y)·7u + 4u ≤ 11u·(1+y); we use 32u·(1+y). The discount
// g = 1/(1+f): 1+f carries f's error damped by f/(1+f) = 1 − e^(−y) ≤ min(1, y),
// so rel(1+f) ≤ 11u·(1+y)·min(1, y) + u ≤ 22u·y + u, and the division adds u:
// rel(g) ≤ 22u·y + 2u (see pmt for how these add up).
func (p *Plan) newFactor(dt int32) factor {
	fc := factor{dt: dt}
	if p.cNum == p.cDen { // a zero rate
		fc.exact, fc.num, fc.den, fc.g = true, 0, 1, 1
		return fc
	}
	y := float64(dt) * p.lUnit
	fc.f = math.Expm1(y)
	fc.rel = 32 * unitRoundoff * (1 + y)
	fc.g = 1 / (1 + fc.f)
	if dt%p.rootL == 0 {
		e := int(dt / p.rootL)
		den, ok1 := powUint64(p.cDen, e)
		pn, ok2 := powUint64(p.cNum, e)
		if ok1 && ok2 {
			fc.exact, fc.num, fc.den = true, pn-den, den
		}
	}
	return fc
}

// powUint64 returns b^e and whether it fits in a uint64.
func powUint64(b uint64, e int) (uint64, bool) {
	r := uint64(1)
	for ; e > 0; e-- {
		hi, lo := bits.Mul64(r, b)
		if hi != 0 {
			return 0, false
		}
		r = lo
	}
	return r, true
}

// maxExactFloat bounds the amounts (in cents) the float path takes: below 2^52,
// the fraction x − floor(x) of a float is exact. The terms' bounds keep every
// balance and installment below about 2^51; anything above goes to exact.go.
const maxExactFloat = 1 << 52

// roundFloat rounds x half-up to an integer when every value within err of x
// rounds the same way, and reports whether it could. 0 ≤ x < 2^52, so x − ⌊x⌋
// and the subtraction of 0.5 are exact.
func roundFloat(x, err float64) (int64, bool) {
	if !(x >= 0 && x < maxExactFloat) { // also catches NaN
		return 0, false
	}
	fl := math.Floor(x)
	d := x - fl - 0.5
	switch {
	case d > err:
		return int64(fl) + 1, true
	case d < -err:
		return int64(fl), true
	}
	return 0, false
}

// interest returns half-up(b · factor) in cents for a balance b ≥ 0.
func (p *Plan) interest(b int64, fi uint8) int64 {
	fc := &p.factors[fi]
	if fc.exact {
		// b·num/den in 128 bits: b < 2^52 and num < 2^64, so the product is below
		// 2^116; the quotient fits when hi < den.
		hi, lo := bits.Mul64(uint64(b), fc.num)
		if hi < fc.den {
			q, r := bits.Div64(hi, lo, fc.den)
			if r >= fc.den-r { // 2r ≥ den: half or more rounds up
				q++
			}
			return int64(q)
		}
	} else if b < maxExactFloat {
		// x = b·f: b is exact, the product adds u.
		x := float64(b) * fc.f
		if v, ok := roundFloat(x, x*(fc.rel+2*unitRoundoff)); ok {
			return v
		}
	}
	return p.interestExact(b, fc.dt)
}

// pmt returns the installment for principal pc (cents) and count n: for Price
// half-up(P / S_n), for SAC the first amortizing installment (sacPMT).
//
// Error of S_n: the discount factors are v_k = g_{Δ1}·…·g_{Δk} (from the end of
// the grace), k products of factors with rel(g) ≤ 22u·y_Δ + 2u, each product
// adding u, so rel(v_k) ≤ 22u·y_k + 3u·k where y_k = (e_k − e_g)·lUnit (the y_Δ
// add up to y_k). S_n sums m = n − g positive terms left to right, adding at
// most (m−1)u: rel(S_n) ≤ 22u·y_n + 4u·m. The quotient adds u. We use
// rel(PMT) ≤ pmtErr·u·(y_n + m + 1), pmtErr = 48.
func (p *Plan) pmt(pc int64, n int) int64 {
	if p.amort == SAC {
		return p.sacPMT(pc, n)
	}
	m := n - p.grace
	if p.cNum == p.cDen { // a zero rate
		// P/m half-up in integers: ⌊(2P + m) / 2m⌋.
		return (2*pc + int64(m)) / (2 * int64(m))
	}
	x := float64(pc) / p.rows[n-1].sum
	if v, ok := roundFloat(x, x*p.sumErr(n)); ok {
		return v
	}
	return p.pmtExact(pc, n)
}

// sumErr is the relative error bound of float64(pc)/S_n and of x·S_n (pmt).
func (p *Plan) sumErr(n int) float64 {
	y := float64(p.exponent(n)-p.exponent(p.grace)) * p.lUnit
	return pmtErr * unitRoundoff * (y + float64(n-p.grace) + 1)
}

// sacPMT returns SAC's first amortizing installment, row g+1's payment: the
// amortization A = ⌈P/m⌉ (m = n − g) plus the interest of the whole principal
// over the period (no amortization comes before it).
func (p *Plan) sacPMT(pc int64, n int) int64 {
	m := int64(n - p.grace)
	return (pc+m-1)/m + p.interest(pc, p.rows[p.grace].fi)
}

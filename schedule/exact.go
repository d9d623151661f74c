package schedule

import (
	"math"
	"math/big"
	"math/bits"
)

// The exact path. Every interest time is a whole number of the day count's
// units and every exponent e = T·mul a whole number of D-ths (D = rootD) of
// the rate's period (setRate), so every quantity is an integer power of
// ρ = base^(1/D), base = 1+i or 1+a. Write base = c^E with c rational and E
// the largest divisor of D for which that holds (E = 1 for all but a few rates
// such as 21 % = 1.1², 33.1 % = 1.1³, where the base is a perfect power), and
// L = D/E, so ρ = c^(1/L). X^L − c is irreducible over the rationals
// (Vahlen–Capelli: c is no p-th power for a prime p dividing L, else E was not
// the largest, and c > 0 is not of the form −4b⁴, which is what 4 | L would
// also require), so 1, ρ, …, ρ^(L−1) are linearly independent and:
//
//   - ρ^e is rational exactly when L divides e. An interest factor ρ^Δe − 1 is
//     then a fraction, computed with big.Int, and an exact half-cent tie is
//     decided as a tie (half-up).
//   - Otherwise ρ^Δe is irrational, and so is B·(ρ^Δe − 1) for B ≠ 0: it is
//     never exactly on a half cent, so computing it closely enough decides it.
//   - S_n = Σ ρ^(−(e_k − e_g)) over the amortizing installments (g the grace)
//     is Σ_j a_j ρ^j over j < L with each a_j a sum of positive rationals,
//     nonzero as soon as some e_k − e_g ≡ j (mod L). So S_n, and P/S_n, is
//     rational exactly when L divides every e_k − e_g, and irrational otherwise.
//
// The irrational cases run in big.Float at precision prec = 256 bits, doubling up
// to maxPrec. Each value there goes through fewer than 2^11 roundings of relative
// size 2^−prec, and ρ's own error (below 2^(−prec+4) after Newton) is amplified by
// at most the largest exponent, e < 2^18 (12 × the days of 35 years), so its
// relative error is below 2^(−prec+23). A value is rounded when it lies farther
// than 2^(−prec+40) of its magnitude from a half cent, a margin 2^17 times the
// error. An irrational value can only fail that at every precision by agreeing
// with a half cent to maxPrec − 40 bits; then (never observed, and no test has
// produced one) it is rounded half-up from its maxPrec-bit approximation. This
// is the one case the package does not decide by proof.

const (
	startPrec = 256
	maxPrec   = 1 << 14
	precSlack = 40 // the decision margin is 2^(−prec+precSlack) relative
)

// setRate fills the plan's rate structure: the exponent scale (mul, rootD), c,
// L and lUnit.
//
// The growth over T units of the day count is base^(T·mul/rootD):
//
//	rate per   day count        base    exponent            mul  rootD
//	month      month-based      1 + i   T/30 months          1    30
//	month      Actual365        1 + i   12·T/365 months     12   365
//	month      Business252      1 + i   12·T/252 = T/21      1    21
//	year       month-based      1 + a   T/360 years          1   360
//	year       Actual365        1 + a   T/365 years          1   365
//	year       Business252      1 + a   T/252 years          1   252
//
// base = qn/qd in lowest terms, with qd a divisor of 10^12 = 2^12·5^12, so
// qd = 2^a·5^b. base is a perfect e-th power only if e divides a and b and qn is
// a perfect e-th power, which rules out almost every e at once: for the common
// rates with a ≠ b or gcd(a, b) = 1 nothing is left to test. When qd = 1 (an
// integer base: 100 % a.m., 300 % a.a. = 2²) only qn decides.
func (p *Plan) setRate() {
	var qn, qd uint64
	var r float64
	if p.perYear {
		qn, qd = p.annual.ratio()
		r = float64(p.annual.units) / fractionScale
		p.mul, p.rootD = 1, 360
	} else {
		qn, qd = p.rate.ratio()
		r = float64(p.rate.units) / fractionScale
		p.mul, p.rootD = 1, 30
	}
	switch {
	case p.dayCount == Actual365 && p.perYear:
		p.rootD = 365
	case p.dayCount == Actual365:
		p.mul, p.rootD = 12, 365
	case p.dayCount == Business252 && p.perYear:
		p.rootD = 252
	case p.dayCount == Business252:
		p.rootD = 21
	}
	D := int(p.rootD)
	p.cNum, p.cDen, p.rootL = qn, qd, p.rootD
	p.lUnit = math.Log1p(r) / float64(D)
	if qn == qd { // a zero rate: every power is 1
		p.cNum, p.cDen, p.rootL = 1, 1, 1
		return
	}
	a := bits.TrailingZeros64(qd)
	b := 0
	for r := qd >> a; r > 1; r /= 5 {
		b++
	}
	g := gcdInt(a, b) // 0 when qd = 1
	start := D
	if g != 0 {
		start = min(D, g) // e divides g ≤ 12
	}
	for e := start; e >= 2; e-- { // the divisors of D, largest first
		if D%e != 0 || g != 0 && g%e != 0 {
			continue
		}
		rn, ok := exactRoot(qn, e)
		if ok {
			rd, _ := exactRoot(qd, e) // 2^(a/e)·5^(b/e), exact
			p.cNum, p.cDen, p.rootL = rn, rd, int32(D/e)
			return
		}
	}
}

func gcdInt(a, b int) int {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// exactRoot returns the integer e-th root of x and whether x is a perfect e-th
// power. x ≤ 4.1·10^15 < 2^52, so float64 holds it exactly.
func exactRoot(x uint64, e int) (uint64, bool) {
	if x <= 1 {
		return x, true
	}
	var f float64
	switch e {
	case 2:
		f = math.Sqrt(float64(x))
	case 3:
		f = math.Cbrt(float64(x))
	default:
		f = math.Pow(float64(x), 1/float64(e))
	}
	r := uint64(math.Round(f))
	for _, c := range [...]uint64{r - 1, r, r + 1} {
		if c == 0 || c > x {
			continue
		}
		if v, ok := powUint64(c, e); ok && v == x {
			return c, true
		}
	}
	return 0, false
}

// interestExact returns half-up(b·(ρ^dt − 1)) exactly.
func (p *Plan) interestExact(b int64, dt int32) int64 {
	if b == 0 || p.cNum == p.cDen {
		return 0
	}
	if dt%p.rootL == 0 {
		// b·(c^e − 1) = b·(cNum^e − cDen^e) / cDen^e.
		e := int64(dt / p.rootL)
		num := new(big.Int).Exp(new(big.Int).SetUint64(p.cNum), big.NewInt(e), nil)
		den := new(big.Int).Exp(new(big.Int).SetUint64(p.cDen), big.NewInt(e), nil)
		num.Sub(num, den)
		num.Mul(num, big.NewInt(b))
		return roundRatHalfUp(num, den)
	}
	for prec := uint(startPrec); ; prec *= 2 {
		rho := p.rootMemo(prec)
		g := powFloat(rho, int64(dt), prec) // ρ^dt
		bf := new(big.Float).SetPrec(prec).SetInt64(b)
		scale := new(big.Float).SetPrec(prec).Mul(bf, g) // b·ρ^dt, the error's scale
		x := new(big.Float).SetPrec(prec).Sub(scale, bf)
		if v, ok := roundBigFloat(x, scale, prec); ok || prec >= maxPrec {
			return v
		}
	}
}

// pmtExact returns half-up(P / S_n) exactly.
func (p *Plan) pmtExact(pc int64, n int) int64 {
	if n <= p.rationalUpTo {
		num, den := p.sumRatMemo(n)
		return roundRatHalfUp(new(big.Int).Mul(den, big.NewInt(pc)), num)
	}
	for prec := uint(startPrec); ; prec *= 2 {
		x := new(big.Float).SetPrec(prec).SetInt64(pc)
		x.Quo(x, p.sumFloatMemo(n, prec))
		if v, ok := roundBigFloat(x, x, prec); ok || prec >= maxPrec {
			return v
		}
	}
}

// pvExact returns half-up(X · S_n) exactly: the present value of n − g
// installments of x cents at the plan's rate.
func (p *Plan) pvExact(x int64, n int) int64 {
	if n <= p.rationalUpTo {
		num, den := p.sumRatMemo(n)
		return roundRatHalfUp(new(big.Int).Mul(num, big.NewInt(x)), den)
	}
	for prec := uint(startPrec); ; prec *= 2 {
		v := new(big.Float).SetPrec(prec).SetInt64(x)
		v.Mul(v, p.sumFloatMemo(n, prec))
		if r, ok := roundBigFloat(v, v, prec); ok || prec >= maxPrec {
			return r
		}
	}
}

// exponent returns e_k = T_k·mul for installment k (1-based; e_0 = 0).
func (p *Plan) exponent(k int) int64 {
	if k == 0 {
		return 0
	}
	return int64(p.rows[k-1].t) * int64(p.mul)
}

// sumRat returns S_n = num/den exactly, for n ≤ rationalUpTo. With
// f_k = (e_k − e_g)/L, S_n = Σ_{g<k≤n} c^(−f_k) = G_n / cNum^(f_n), where
// G_n = Σ_k cDen^(f_k)·cNum^(f_n − f_k), by Horner:
// G_{g+1} = cDen^(f_{g+1}), G_{k+1} = G_k·cNum^(f_{k+1}−f_k) + cDen^(f_{k+1}).
func (p *Plan) sumRat(n int) (num, den *big.Int) {
	cn := new(big.Int).SetUint64(p.cNum)
	cd := new(big.Int).SetUint64(p.cDen)
	pw := new(big.Int)
	g := new(big.Int)
	dpow := big.NewInt(1) // cDen^(f_k)
	eg := p.exponent(p.grace)
	L := int64(p.rootL)
	var prev int64
	for k := p.grace + 1; k <= n; k++ {
		f := (p.exponent(k) - eg) / L
		df := big.NewInt(f - prev)
		prev = f
		dpow.Mul(dpow, pw.Exp(cd, df, nil))
		g.Mul(g, pw.Exp(cn, df, nil))
		g.Add(g, dpow)
	}
	return g, new(big.Int).Exp(cn, big.NewInt(prev), nil)
}

// sumFloat returns S_n at precision prec (irrational case; see the top of the
// file for its error).
func (p *Plan) sumFloat(n int, prec uint) *big.Float {
	rho := p.rootMemo(prec)
	w := new(big.Float).SetPrec(prec).Quo(big.NewFloat(1), rho) // ρ^(−1)
	steps := make([]*big.Float, len(p.factors))
	v := new(big.Float).SetPrec(prec).SetInt64(1)
	s := new(big.Float).SetPrec(prec)
	for k := p.grace; k < n; k++ {
		fi := p.rows[k].fi
		if steps[fi] == nil {
			steps[fi] = powFloat(w, int64(p.factors[fi].dt), prec)
		}
		v.Mul(v, steps[fi])
		s.Add(s, v)
	}
	return s
}

// roundRatHalfUp returns half-up(num/den) for num ≥ 0, den > 0.
func roundRatHalfUp(num, den *big.Int) int64 {
	q, r := new(big.Int).QuoRem(num, den, new(big.Int))
	r.Lsh(r, 1)
	if r.Cmp(den) >= 0 {
		q.Add(q, big.NewInt(1))
	}
	return q.Int64()
}

// roundBigFloat rounds x ≥ 0 half-up to an integer when x is farther than
// scale·2^(−prec+precSlack) from a half-integer, reporting whether it was; when it
// was not, it still returns the half-up rounding of x, for the last resort.
func roundBigFloat(x, scale *big.Float, prec uint) (int64, bool) {
	fl, _ := x.Int(nil) // truncation = floor for x ≥ 0
	frac := new(big.Float).SetPrec(prec).SetInt(fl)
	frac.Sub(x, frac)                 // in [0, 1)
	frac.Sub(frac, big.NewFloat(0.5)) // in [−0.5, 0.5)
	margin := new(big.Float).SetPrec(64).SetMantExp(scale, -int(prec)+precSlack)
	v := fl.Int64()
	switch {
	case frac.Cmp(margin) > 0:
		return v + 1, true
	case frac.Cmp(margin.Neg(margin)) < 0:
		return v, true
	}
	if frac.Sign() >= 0 {
		v++
	}
	return v, false
}

// rootFloat returns ρ = c^(1/L) to within a relative 2^(−prec+4), by Newton's
// iteration z ← ((L−1)·z + c/z^(L−1)) / L at prec+64 bits from a float64 start.
// Newton doubles the correct bits per step; it stops when a step changes z by
// less than 2^(−prec−32) of z, which leaves z far closer than that.
func (p *Plan) rootFloat(prec uint) *big.Float {
	wp := prec + 64
	c := new(big.Float).SetPrec(wp).SetUint64(p.cNum)
	c.Quo(c, new(big.Float).SetPrec(wp).SetUint64(p.cDen))
	L := int64(p.rootL)
	if L == 1 {
		return c
	}
	cf, _ := c.Float64()
	z := new(big.Float).SetPrec(wp).SetFloat64(math.Pow(cf, 1/float64(L)))
	lm1 := new(big.Float).SetPrec(wp).SetInt64(L - 1)
	lf := new(big.Float).SetPrec(wp).SetInt64(L)
	t := new(big.Float).SetPrec(wp)
	d := new(big.Float).SetPrec(wp)
	for range 64 {
		t.Quo(c, powFloat(z, L-1, wp)) // c / z^(L−1)
		d.Mul(lm1, z)
		d.Add(d, t)
		d.Quo(d, lf) // the new z
		t.Sub(d, z)
		z.Set(d)
		if t.Sign() == 0 || t.MantExp(nil)-z.MantExp(nil) < -int(prec)-32 {
			break
		}
	}
	return z
}

// powFloat returns x^e (e ≥ 0) at precision prec, by binary exponentiation.
func powFloat(x *big.Float, e int64, prec uint) *big.Float {
	r := new(big.Float).SetPrec(prec).SetInt64(1)
	b := new(big.Float).SetPrec(prec).Set(x)
	for e > 0 {
		if e&1 == 1 {
			r.Mul(r, b)
		}
		e >>= 1
		if e > 0 {
			b.Mul(b, b)
		}
	}
	return r
}

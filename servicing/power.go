package servicing

import (
	"math"
	"math/big"
	"math/bits"

	"github.com/dinie/lending/schedule"
)

// The arithmetic of the contract rate. Every time here is a whole number of
// units, so every factor is an integer power of ρ = base^(1/d): base = 1+i (a rate a
// month) or 1+a (a rate a year), ρ one unit's growth — 1/30 of a month for the
// days of delay (L/30 months) and for the month-based day counts, 12/365 of a
// month (or 1/365 of a year) for actual365, 1/21 of a month (1/252 of a year) for
// business252, as package schedule compounds them — and every amount the package
// rounds is a sum
//
//	S = Σ_j c_j·ρ^(e_j)      (c_j integer cents, e_j integer, either sign)
//
// or the ratio of an integer to such a sum. Each is rounded exactly: a fast path in
// float64 with a rigorous error bound decides almost every case, and an exact path
// decides the rest.
//
// Fast path. u = 2^−53. math.Log1p, math.Exp and math.Expm1 are taken to be within
// libErr = 4u (2 ulp; the FreeBSD msun originals document under 1 ulp). l30 =
// log1p(i)/30 then carries at most 6u relative error, a = e·l30 7u, so ρ^e =
// exp(a) is within (7|a| + 4)u·(1 + O(u)) of its value, and c·ρ^e within
// (7|a| + 6)u once the conversion of c is counted. A sum of n terms adds at most
// n·u·Σ|terms|. The bound used is twice the sum of these, plus an absolute
// 2^−40 for the subtraction of 0.5 near small values. A value is rounded only
// when every number in its error interval rounds the same way, and only below
// 2^50 (where a float holds the fraction of a cent with room to spare).
//
// Exact path. Write base = c^E with c rational in lowest terms and E the largest
// divisor of d for which c exists, and L = d/E, so ρ = c^(1/L). X^L − c is
// irreducible over the rationals (Vahlen–Capelli: c is no p-th power for a prime
// p | L, or E was not the largest, and c > 0 is not −4b⁴, which 4 | L would also
// need), so 1, ρ, …,
// ρ^(L−1) are linearly independent. Grouping the terms by e mod L,
//
//	S = Σ_{r<L} Q_r·ρ^r,   Q_r = Σ_{e_j ≡ r} c_j·c^((e_j − r)/L)   (exact rationals)
//
// S is rational exactly when every Q_r with r > 0 is zero; then it is computed
// in big.Rat and a half-cent tie is decided as a tie (half-up). Otherwise S is
// irrational — never a half cent, never zero — and big.Float approximations at a
// doubling precision decide it: ρ^r by Newton's iteration on x^L = c, the error
// of each Q_r·ρ^r below (L + 16)·2^(−prec+8) of its size. From startPrec to
// maxPrec bits; a value that agrees with a half cent to 16,000 bits (none has
// been seen) is rounded from its maxPrec-bit approximation.

const (
	unitRoundoff = 1.0 / (1 << 53)
	libErr       = 4 * unitRoundoff
	fastLimit    = 1 << 50 // the largest magnitude the fast path rounds
	startPrec    = 256
	maxPrec      = 1 << 14
)

// growth is a rate's compounding over one unit of time, ρ = base^(1/d), base = 1+i
// (a monthly rate) or 1+a (an annual one): the unit is 1/d of the rate's period.
type growth struct {
	units int64   // the rate in 10^−12 (10^−10 %): base = 1 + units/10^12
	l30   float64 // ln ρ = log1p(units/10^12)/d
	// ρ = c^(1/L), c = cNum/cDen in lowest terms (see above).
	cNum, cDen uint64
	l          int64
}

// newGrowth is a monthly rate compounding by thirtieths of a month.
func newGrowth(r schedule.MonthlyRate) growth { return growthOf(r.PercentUnits(), 30) }

// growthOf is the rate of units (10^−10 %, as schedule's rates count them) per period
// compounding by 1/d of the period.
func growthOf(u, d int64) growth {
	const scale = 1_000_000_000_000 // the fraction is units / 10^12
	g := growth{units: u, l30: math.Log1p(float64(u)/scale) / float64(d), cNum: 1, cDen: 1, l: 1}
	if u == 0 {
		return g
	}
	n, den := uint64(scale+u), uint64(scale)
	k := gcd(n, den)
	n, den = n/k, den/k
	g.cNum, g.cDen, g.l = n, den, d
	for e := d; e >= 2; e-- { // the divisors of d, largest first
		if d%e != 0 {
			continue
		}
		rn, ok1 := intRoot(n, int(e))
		rd, ok2 := intRoot(den, int(e))
		if ok1 && ok2 {
			g.cNum, g.cDen, g.l = rn, rd, d/e
			break
		}
	}
	return g
}

func gcd(a, b uint64) uint64 {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// intRoot returns the e-th root of x and whether x is a perfect e-th power.
func intRoot(x uint64, e int) (uint64, bool) {
	if x <= 1 {
		return x, true
	}
	r := uint64(math.Round(math.Pow(float64(x), 1/float64(e))))
	for _, c := range [...]uint64{r - 1, r, r + 1} {
		if c == 0 {
			continue
		}
		v, ok := uint64(1), true
		for range e {
			hi, lo := bits.Mul64(v, c)
			if hi != 0 {
				ok = false
				break
			}
			v = lo
		}
		if ok && v == x {
			return c, true
		}
	}
	return 0, false
}

// term is c·ρ^e.
type term struct {
	c int64 // cents
	e int64 // thirtieths of a month
}

// approx returns Σ ts in float64 and a bound on its error.
func (g *growth) approx(ts []term) (v, err float64) {
	var mag float64
	n := float64(len(ts))
	for _, t := range ts {
		a := float64(t.e) * g.l30
		x := float64(t.c) * math.Exp(a)
		v += x
		ax := math.Abs(x)
		mag += ax
		err += ax * (7*math.Abs(a) + 6)
	}
	err = 2*unitRoundoff*(err+n*mag) + 0x1p-40
	return v, err
}

// roundFast rounds x half-up when every value within err of x rounds the same way.
func roundFast(x, err float64) (int64, bool) {
	if !(math.Abs(x) < fastLimit) { // also NaN
		return 0, false
	}
	lo, hi := math.Floor(x-err+0.5), math.Floor(x+err+0.5)
	if lo != hi {
		return 0, false
	}
	return int64(lo), true
}

// halfUp returns half-up(Σ ts), exactly; ok is false when the result is beyond
// ±maxAmount (the callers' bound, refused as out of range).
func (g *growth) halfUp(ts []term) (int64, bool) {
	if v, err := g.approx(ts); math.Abs(v)+err < maxAmount {
		if k, ok := roundFast(v, err); ok {
			return k, true
		}
	} else if math.Abs(v)-err > maxAmount {
		return 0, false
	}
	return g.exactHalfUp(ts)
}

// sign returns the sign of Σ ts, exactly.
func (g *growth) sign(ts []term) int {
	v, err := g.approx(ts)
	switch {
	case v-err > 0:
		return 1
	case v+err < 0:
		return -1
	}
	q := g.decompose(ts)
	if g.rational(q) {
		return q[0].Sign()
	}
	for prec := uint(startPrec); ; prec *= 2 {
		s, e := g.evalFloat(q, prec)
		lo := new(big.Float).Sub(s, e)
		hi := new(big.Float).Add(s, e)
		switch {
		case lo.Sign() > 0:
			return 1
		case hi.Sign() < 0:
			return -1
		case prec >= maxPrec:
			return s.Sign()
		}
	}
}

// ratioHalfUp returns half-up(num / Σ ts) for num ≥ 0 and a positive sum of
// positive terms.
func (g *growth) ratioHalfUp(num int64, ts []term) (int64, bool) {
	s, err := g.approx(ts)
	if s-err > 0 {
		x := float64(num) / s
		// rel(x) ≤ rel(s) + u, with rel(s) ≤ err/(s − err).
		if k, ok := roundFast(x, x*(err/(s-err)+2*unitRoundoff)+0x1p-40); ok {
			return k, true
		}
	}
	q := g.decompose(ts)
	if g.rational(q) {
		r := new(big.Rat).SetInt64(num)
		return ratHalfUp(r.Quo(r, q[0]))
	}
	n := new(big.Float).SetInt64(num)
	for prec := uint(startPrec); ; prec *= 2 {
		s, e := g.evalFloat(q, prec)
		n.SetPrec(prec)
		lo := new(big.Float).SetPrec(prec).Quo(n, new(big.Float).SetPrec(prec).Add(s, e))
		hi := new(big.Float).SetPrec(prec).Quo(n, new(big.Float).SetPrec(prec).Sub(s, e))
		// lo and hi carry one more rounding each: widen by 2^−prec+2 of their size.
		widen(lo, prec, -1)
		widen(hi, prec, 1)
		a, oka := floatHalfUp(lo)
		b, okb := floatHalfUp(hi)
		if !oka || !okb {
			return 0, false
		}
		if a == b || prec >= maxPrec {
			return b, true
		}
	}
}

// exactHalfUp is halfUp's exact path.
func (g *growth) exactHalfUp(ts []term) (int64, bool) {
	q := g.decompose(ts)
	if g.rational(q) {
		return ratHalfUp(q[0])
	}
	for prec := uint(startPrec); ; prec *= 2 {
		s, e := g.evalFloat(q, prec)
		a, oka := floatHalfUp(new(big.Float).Sub(s, e))
		b, okb := floatHalfUp(new(big.Float).Add(s, e))
		if !oka || !okb {
			return 0, false
		}
		if a == b || prec >= maxPrec {
			s1, ok := floatHalfUp(s)
			return s1, ok
		}
	}
}

// decompose returns Q_0 … Q_(L−1), S = Σ Q_r·ρ^r.
func (g *growth) decompose(ts []term) []*big.Rat {
	q := make([]*big.Rat, g.l)
	for r := range q {
		q[r] = new(big.Rat)
	}
	for _, t := range ts {
		if t.c == 0 {
			continue
		}
		k, r := t.e/g.l, t.e%g.l
		if r < 0 {
			k, r = k-1, r+g.l
		}
		// c^k = cNum^k / cDen^k, inverted for k < 0.
		num, den := new(big.Int).SetUint64(g.cNum), new(big.Int).SetUint64(g.cDen)
		if k < 0 {
			num, den, k = den, num, -k
		}
		e := big.NewInt(k)
		num.Exp(num, e, nil)
		den.Exp(den, e, nil)
		num.Mul(num, big.NewInt(t.c))
		q[r].Add(q[r], new(big.Rat).SetFrac(num, den))
	}
	return q
}

func (g *growth) rational(q []*big.Rat) bool {
	for _, x := range q[1:] {
		if x.Sign() != 0 {
			return false
		}
	}
	return true
}

// evalFloat returns S = Σ Q_r·ρ^r at precision prec and a bound on its error.
func (g *growth) evalFloat(q []*big.Rat, prec uint) (s, err *big.Float) {
	root := g.rootFloat(prec) // c^(1/L)
	s = new(big.Float).SetPrec(prec)
	mag := new(big.Float).SetPrec(prec)
	p := new(big.Float).SetPrec(prec).SetInt64(1) // ρ^r
	for r, x := range q {
		if r > 0 {
			p.Mul(p, root)
		}
		if x.Sign() == 0 {
			continue
		}
		t := new(big.Float).SetPrec(prec).SetRat(x)
		t.Mul(t, p)
		s.Add(s, t)
		mag.Add(mag, new(big.Float).Abs(t))
	}
	// (L + 16)·2^(−prec+8) of the magnitude.
	err = new(big.Float).SetPrec(prec).SetMantExp(big.NewFloat(float64(g.l+16)), 8-int(prec))
	err.Mul(err, mag)
	return s, err
}

// rootFloat returns c^(1/L) to prec bits by Newton's iteration from the float64
// estimate: x ← x − (x^L − c)/(L·x^(L−1)), which converges quadratically from
// above (x^L is convex), to within 2^(−prec+4).
func (g *growth) rootFloat(prec uint) *big.Float {
	c := new(big.Float).SetPrec(prec + 32).SetRat(new(big.Rat).SetFrac(
		new(big.Int).SetUint64(g.cNum), new(big.Int).SetUint64(g.cDen)))
	if g.l == 1 {
		return c
	}
	x := new(big.Float).SetPrec(prec + 32).SetFloat64(math.Exp(g.l30) * (1 + 1e-12))
	L := new(big.Float).SetPrec(prec + 32).SetInt64(g.l)
	for i := 0; i < 64; i++ {
		pw := new(big.Float).SetPrec(prec + 32).SetInt64(1) // x^(L−1)
		for range g.l - 1 {
			pw.Mul(pw, x)
		}
		f := new(big.Float).SetPrec(prec+32).Mul(pw, x)
		f.Sub(f, c)
		d := new(big.Float).SetPrec(prec+32).Mul(L, pw)
		f.Quo(f, d)
		x.Sub(x, f)
		if f.Sign() == 0 || f.MantExp(nil)-x.MantExp(nil) < -int(prec)-8 {
			break
		}
	}
	return x
}

// widen moves x away by 2^(−prec+2) of its size, in direction dir.
func widen(x *big.Float, prec uint, dir int) {
	d := new(big.Float).SetPrec(prec).SetMantExp(new(big.Float).Abs(x), 2-int(prec))
	if dir < 0 {
		x.Sub(x, d)
	} else {
		x.Add(x, d)
	}
}

var half = big.NewRat(1, 2)

// ratHalfUp returns ⌊x + 1/2⌋ and whether it is within ±maxAmount.
func ratHalfUp(x *big.Rat) (int64, bool) {
	y := new(big.Rat).Add(x, half)
	q := new(big.Int).Div(y.Num(), y.Denom()) // Euclidean: floor for a positive denominator
	if !q.IsInt64() || abs64(q.Int64()) > maxAmount {
		return 0, false
	}
	return q.Int64(), true
}

// floatHalfUp returns ⌊x + 1/2⌋ and whether it is within ±maxAmount.
func floatHalfUp(x *big.Float) (int64, bool) {
	y := new(big.Float).SetPrec(x.Prec()+2).Add(x, big.NewFloat(0.5))
	i, acc := y.Int(nil) // truncates toward zero
	if y.Sign() < 0 && acc != big.Exact {
		i.Sub(i, big.NewInt(1))
	}
	if !i.IsInt64() || abs64(i.Int64()) > maxAmount {
		return 0, false
	}
	return i.Int64(), true
}

func abs64(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}

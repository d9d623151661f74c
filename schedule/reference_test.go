package schedule_test

import (
	"math"
	"math/big"

	"github.com/dinie/lending/calendar"
	"github.com/dinie/lending/schedule"
)

// The slow, obvious Price table the package is checked against. It shares no
// code with the package beyond the calendar's dates and follows the package doc
// line by line: dates by AddMonths and Adjust, t_k by its definition (whole
// months counted up one at a time), every factor in exact big.Rat or 2,048-bit
// big.Float, rounding half-up on the exact or high-precision value.
//
// (1+i)^t for t = m + r/30 is computed as (1+i)^m, exact, times the 30th root of
// (1+i)^r (the rational (1+i)^r, then Newton's iteration for z^30 = (1+i)^r at
// 2,048 bits), a different route from the package's ρ = c^(1/L) raised to T.
// A value within 2^−1800 of a half cent is taken as an exact tie (half-up): only
// an exact tie can come that close at this precision, which is how the reference
// handles the perfect-power rates (1.21^0.5 = 1.1) without the package's
// algebra.

const refPrec = 2048

type refRow struct {
	nominal, due                          calendar.Date
	units                                 int // T_k in the day count's units
	payment, interest, principal, balance int64
}

type refResult struct {
	pmt  int64
	rows []refRow
	// degenerate: the terms are too small for cent precision, for reason
	// (schedule.ErrInstallmentRoundsToZero, ErrResidueExhaustsBalance or
	// ErrResidueExceedsInstallment).
	degenerate bool
	reason     error
}

// refRate is one monthly rate's growth arithmetic.
type refRate struct {
	q     *big.Rat           // 1 + i
	roots map[int]*big.Float // r → (1+i)^(r/30)
}

func newRefRate(r schedule.MonthlyRate) *refRate {
	i, ok := new(big.Rat).SetString(r.Fraction().String())
	if !ok {
		panic("rate " + r.String())
	}
	return &refRate{q: i.Add(i, big.NewRat(1, 1)), roots: map[int]*big.Float{}}
}

// growth is (1+i)^(m + r/30): exact (a *big.Rat) when r = 0, else a 2,048-bit
// *big.Float.
func (rr *refRate) growth(m, r int) (*big.Rat, *big.Float) {
	qm := ratPow(rr.q, m)
	if r == 0 {
		return qm, nil
	}
	root, ok := rr.roots[r]
	if !ok {
		root = nthRoot(ratPow(rr.q, r), 30)
		rr.roots[r] = root
	}
	f := new(big.Float).SetPrec(refPrec).SetRat(qm)
	return nil, f.Mul(f, root)
}

func ratPow(x *big.Rat, e int) *big.Rat {
	k := big.NewInt(int64(e))
	num := new(big.Int).Exp(x.Num(), k, nil)
	den := new(big.Int).Exp(x.Denom(), k, nil)
	return new(big.Rat).SetFrac(num, den)
}

// nthRoot solves z^n = a by Newton's iteration, z ← z − (z^n − a)/(n·z^(n−1)),
// from the float64 root, at refPrec + 64 bits, for a fixed 40 steps (far more
// than the 6 needed from 53 to 2,112 bits).
func nthRoot(a *big.Rat, n int) *big.Float {
	prec := uint(refPrec + 64)
	af := new(big.Float).SetPrec(prec).SetRat(a)
	f, _ := af.Float64()
	z := new(big.Float).SetPrec(prec).SetFloat64(math.Pow(f, 1/float64(n)))
	nf := new(big.Float).SetPrec(prec).SetInt64(int64(n))
	for range 40 {
		zn1 := new(big.Float).SetPrec(prec).SetInt64(1)
		for range n - 1 {
			zn1.Mul(zn1, z)
		}
		zn := new(big.Float).SetPrec(prec).Mul(zn1, z)
		num := zn.Sub(zn, af)
		den := zn1.Mul(zn1, nf)
		z.Sub(z, num.Quo(num, den))
	}
	return z.SetPrec(refPrec)
}

// refRoundRat is half-up(x) for x ≥ 0.
func refRoundRat(x *big.Rat) *big.Int {
	h := new(big.Rat).Add(x, big.NewRat(1, 2))
	return new(big.Int).Quo(h.Num(), h.Denom()) // floor for h ≥ 0
}

// refRoundFloat is half-up(x) for x ≥ 0, a value within 2^−1800 of a half
// integer counting as the tie.
func refRoundFloat(x *big.Float) *big.Int {
	fl, _ := x.Int(nil)
	frac := new(big.Float).SetPrec(refPrec).Sub(x, new(big.Float).SetPrec(refPrec).SetInt(fl))
	frac.Sub(frac, big.NewFloat(0.5))
	tiny := new(big.Float).SetMantExp(big.NewFloat(1), -1800)
	if frac.Sign() >= 0 || new(big.Float).Abs(frac).Cmp(tiny) < 0 {
		return fl.Add(fl, big.NewInt(1))
	}
	return fl
}

// refMonths is t_k·30 split as whole months m and days r, straight from the
// spec text of each day count.
func refTime(dc schedule.DayCount, d0, nominal calendar.Date, k int) (m, r int) {
	switch dc {
	case schedule.Periodic:
		return k, 0
	case schedule.DailyProRata:
		days := calendar.DaysBetween(d0, nominal)
		return days / 30, days % 30
	}
	// "Whole months from a to b is the largest m with AddMonths(a, m) ≤ b; the
	// remainder is the days from AddMonths(a, m) to b."
	for {
		next, err := d0.AddMonths(m + 1)
		if err != nil || next.After(nominal) {
			break
		}
		m++
	}
	a, _ := d0.AddMonths(m)
	return m, calendar.DaysBetween(a, nominal)
}

// refBase is the contract rate's growth for the modes beyond the monthly
// rate on a month-based day count: base^x for a rational exponent x ≥ 0 in the
// base's own period (months for a rate per month, years for a rate per year),
// as base^⌊x⌋, exact, times the d-th root of base^f for x − ⌊x⌋ = f/d in lowest
// terms (Newton's iteration at 2,048 bits, by binary powers), cached by f/d.
type refBase struct {
	q     *big.Rat
	roots map[string]*big.Float
}

func newRefBase(t schedule.Terms) *refBase {
	frac := t.Rate.Fraction().String()
	if !t.AnnualRate.IsZero() {
		frac = t.AnnualRate.Fraction().String()
	}
	i, ok := new(big.Rat).SetString(frac)
	if !ok {
		panic("rate " + frac)
	}
	return &refBase{q: i.Add(i, big.NewRat(1, 1)), roots: map[string]*big.Float{}}
}

func (rb *refBase) growth(x *big.Rat) (*big.Rat, *big.Float) {
	w := new(big.Int).Quo(x.Num(), x.Denom()) // floor, x ≥ 0
	qw := ratPow(rb.q, int(w.Int64()))
	rest := new(big.Rat).Sub(x, new(big.Rat).SetInt(w))
	if rest.Sign() == 0 {
		return qw, nil
	}
	key := rest.String()
	root, ok := rb.roots[key]
	if !ok {
		root = nthRootFast(ratPow(rb.q, int(rest.Num().Int64())), int(rest.Denom().Int64()))
		rb.roots[key] = root
	}
	f := new(big.Float).SetPrec(refPrec).SetRat(qw)
	return nil, f.Mul(f, root)
}

// nthRootFast is nthRoot with z^(n−1) by binary powers and Newton stopped once
// converged (at most 16 steps; 7 take 53 bits past 2,048), for the large n of
// the year-based day counts (365, 252).
func nthRootFast(a *big.Rat, n int) *big.Float {
	prec := uint(refPrec + 64)
	af := new(big.Float).SetPrec(prec).SetRat(a)
	// a = mant·2^exp: start from mant^(1/n)·2^(exp/n), which float64 holds
	// where a itself would overflow it.
	mant := new(big.Float)
	exp := af.MantExp(mant)
	mf, _ := mant.Float64()
	z := new(big.Float).SetPrec(prec).SetFloat64(math.Pow(mf, 1/float64(n)) * math.Exp2(float64(exp)/float64(n)))
	nf := new(big.Float).SetPrec(prec).SetInt64(int64(n))
	pow := func(x *big.Float, e int) *big.Float {
		r := new(big.Float).SetPrec(prec).SetInt64(1)
		b := new(big.Float).SetPrec(prec).Set(x)
		for ; e > 0; e >>= 1 {
			if e&1 == 1 {
				r.Mul(r, b)
			}
			b.Mul(b, b)
		}
		return r
	}
	for range 16 {
		zn1 := pow(z, n-1)
		zn := new(big.Float).SetPrec(prec).Mul(zn1, z)
		num := zn.Sub(zn, af)
		step := num.Quo(num, zn1.Mul(zn1, nf))
		z.Sub(z, step)
		if step.Sign() == 0 || step.MantExp(nil)-z.MantExp(nil) < -refPrec-32 {
			break
		}
	}
	return z.SetPrec(refPrec)
}

// refUnits returns T_k, the interest time in the day count's units, and x_k,
// the same time in the rate's own period, straight from the spec text of each
// day count: month-based times in months (refTime), calendar days / 365 years,
// ANBIMA business days [d0, d_k) / 252 years to the rolled due date (for
// k = 0, a date that is no installment's, to that date), counted one day at a
// time;
// a monthly rate over years grows by (1+i)^(12·years), an annual one over
// months by (1+a)^(months/12).
func refUnits(t schedule.Terms, cal *calendar.Calendar, nominal calendar.Date, k int) (int, *big.Rat) {
	if t.DayCount == schedule.Business252 && k > 0 { // to the due date
		nominal, _ = cal.Adjust(nominal, t.Roll)
	}
	perYear := !t.AnnualRate.IsZero()
	var units int
	var years *big.Rat
	switch t.DayCount {
	case schedule.Actual365:
		units = calendar.DaysBetween(t.Release, nominal)
		years = big.NewRat(int64(units), 365)
	case schedule.Business252:
		for d := t.Release; d.Before(nominal); d, _ = d.AddDays(1) {
			if cal.IsBusinessDay(d) {
				units++
			}
		}
		years = big.NewRat(int64(units), 252)
	default:
		m, r := refTime(t.DayCount, t.Release, nominal, k)
		units = 30*m + r
		months := big.NewRat(int64(units), 30)
		if perYear {
			return units, months.Quo(months, big.NewRat(12, 1))
		}
		return units, months
	}
	if perYear {
		return units, years
	}
	return units, years.Mul(years, big.NewRat(12, 1))
}

// refSchedule computes the table of pc cents for valid terms t (the caller
// has checked them with New), with grace and either amortization: the grace
// rows pay half-up(B·(growth − 1)) and keep the balance at P; Price then
// amortizes over the rest with PMT = P / Σ_{k>g} growth(x_k − x_g)^(−1); SAC
// with A = ⌈P/(n − g)⌉ cents a row, the last row amortizing what is left.
func refSchedule(t schedule.Terms, pc int64) refResult {
	d0 := t.Release
	first := t.FirstDue
	if first.IsZero() {
		first, _ = d0.AddMonths(1)
	}
	cal := t.Calendar
	if cal == nil {
		cal = calendar.Brazil()
	}
	rb := newRefBase(t)
	n, g := t.Installments, t.Grace
	rows := make([]refRow, n)
	x := make([]*big.Rat, n+1) // x_k, the time in the rate's period; x_0 = 0
	x[0] = new(big.Rat)
	for k := 1; k <= n; k++ {
		nominal, _ := first.AddMonths(k - 1)
		due, _ := cal.Adjust(nominal, t.Roll)
		rows[k-1].units, x[k] = refUnits(t, cal, nominal, k)
		rows[k-1].nominal, rows[k-1].due = nominal, due
	}
	interest := func(b *big.Int, k int) *big.Int { // row k's interest on b
		gr, gf := rb.growth(new(big.Rat).Sub(x[k], x[k-1]))
		if gr != nil {
			f := new(big.Rat).Sub(gr, big.NewRat(1, 1))
			return refRoundRat(f.Mul(f, new(big.Rat).SetInt(b)))
		}
		f := new(big.Float).SetPrec(refPrec).Sub(gf, big.NewFloat(1))
		return refRoundFloat(f.Mul(f, new(big.Float).SetPrec(refPrec).SetInt(b)))
	}

	var pmt int64
	if t.Amortization == schedule.SAC {
		m := int64(n - g)
		pmt = (pc+m-1)/m + interest(big.NewInt(pc), g+1).Int64()
	} else {
		// PMT = P / Σ_{k>g} growth(x_k − x_g)^(−1).
		sumRat, sumFloat := new(big.Rat), new(big.Float).SetPrec(refPrec)
		exact := true
		for k := g + 1; k <= n; k++ {
			gr, gf := rb.growth(new(big.Rat).Sub(x[k], x[g]))
			if gr != nil {
				sumRat.Add(sumRat, new(big.Rat).Inv(gr))
			} else {
				exact = false
				sumFloat.Add(sumFloat, new(big.Float).SetPrec(refPrec).Quo(big.NewFloat(1), gf))
			}
		}
		if exact {
			pmt = refRoundRat(new(big.Rat).Quo(new(big.Rat).SetInt64(pc), sumRat)).Int64()
		} else {
			sumFloat.Add(sumFloat, new(big.Float).SetPrec(refPrec).SetRat(sumRat))
			pmt = refRoundFloat(new(big.Float).SetPrec(refPrec).Quo(new(big.Float).SetPrec(refPrec).SetInt64(pc), sumFloat)).Int64()
		}
	}
	res := refResult{pmt: pmt, rows: rows}
	if pmt <= 0 {
		res.degenerate, res.reason = true, schedule.ErrInstallmentRoundsToZero
		return res
	}
	b := big.NewInt(pc)
	for k := 1; k <= g; k++ {
		in := interest(b, k)
		if in.Sign() <= 0 {
			res.degenerate, res.reason = true, schedule.ErrInstallmentRoundsToZero
			return res
		}
		row := &rows[k-1]
		row.interest, row.payment, row.principal, row.balance = in.Int64(), in.Int64(), 0, pc
	}
	if t.Amortization == schedule.SAC {
		m := int64(n - g)
		a := big.NewInt((pc + m - 1) / m)
		for k := g + 1; k <= n; k++ {
			in := interest(b, k)
			row := &rows[k-1]
			if k == n {
				row.interest, row.principal, row.payment, row.balance = in.Int64(), b.Int64(), b.Int64()+in.Int64(), 0
				break
			}
			b = new(big.Int).Sub(b, a)
			if b.Sign() <= 0 {
				res.degenerate, res.reason = true, schedule.ErrResidueExhaustsBalance
				return res
			}
			row.interest, row.principal, row.payment, row.balance = in.Int64(), a.Int64(), a.Int64()+in.Int64(), b.Int64()
		}
		return res
	}

	// Rows: interest_k = half-up(B_{k−1}·(growth(x_k − x_{k−1}) − 1)), in big.Int
	// so that no balance can overflow.
	bigPMT := big.NewInt(pmt)
	for k := g + 1; k <= n; k++ {
		in := interest(b, k)
		row := &rows[k-1]
		if k == n {
			// The last row absorbs the residue; it may not exceed an installment.
			pay := new(big.Int).Add(b, in)
			if pay.Cmp(new(big.Int).Mul(bigPMT, big.NewInt(2))) > 0 {
				res.degenerate, res.reason = true, schedule.ErrResidueExceedsInstallment
				return res
			}
			row.interest, row.principal, row.payment, row.balance = in.Int64(), b.Int64(), pay.Int64(), 0
			break
		}
		principal := new(big.Int).Sub(bigPMT, in)
		b = new(big.Int).Sub(b, principal)
		if b.Sign() <= 0 {
			res.degenerate, res.reason = true, schedule.ErrResidueExhaustsBalance
			return res
		}
		// Only meaningful when the table is not degenerate, which the last row
		// decides; then every amount fits int64.
		row.interest, row.payment, row.principal, row.balance = in.Int64(), pmt, principal.Int64(), b.Int64()
	}
	return res
}

// refInterest is half-up(b·((1+i)^(dt/30) − 1)).
func refInterest(rr *refRate, b *big.Int, dt int) *big.Int {
	g, gf := rr.growth(dt/30, dt%30)
	if g != nil {
		f := new(big.Rat).Sub(g, big.NewRat(1, 1))
		return refRoundRat(f.Mul(f, new(big.Rat).SetInt(b)))
	}
	f := new(big.Float).SetPrec(refPrec).Sub(gf, big.NewFloat(1))
	return refRoundFloat(f.Mul(f, new(big.Float).SetPrec(refPrec).SetInt(b)))
}

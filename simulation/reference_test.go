package simulation_test

// A second, slow and obvious implementation of the whole simulation, written
// from the spec text (docs/lending-math.md §1–§11) and nothing else: its own date
// arithmetic (time.Time at UTC midnight, one day at a time), its own Price table
// in big.Rat (exact) or 1,024-bit big.Float (when a factor is irrational), its own
// IOF table copied from the spec, its own financed solve by a plain cent-by-cent
// search and its own CET by bisection. It uses the calendar package only for
// IsBusinessDay (the holiday rules are the calendar package's job and have their
// own reference). It shares no code with the schedule, iof or cet packages.
//
// The golden test and the rapid properties hold Simulate to it, field by field.

import (
	"fmt"
	"math"
	"math/big"
	"time"

	"github.com/dinie/lending/calendar"
)

// refInput is everything a reference simulation reads. Money is in cents; the
// rates are exact percentages.
type refInput struct {
	requested      int64
	n              int
	ratePct        *big.Rat // % a.m.
	release        time.Time
	firstDue       time.Time // zero: release + 1 month
	roll           string    // following, modified-following, preceding, modified-preceding, unadjusted
	dayCount       string    // monthly, periodic, daily
	class          string    // pf, pj, simples, mei
	charges        string    // deducted, financed
	feeFixed       int64
	feePct         *big.Rat
	firstPeriodMax int // 0: 180
	minAmount      int64
	maxAmount      int64
}

type refRow struct {
	nominal, due                          time.Time
	payment, interest, principal, balance int64
}

// refResult is a reference simulation, or the error it found (errCode, errParam).
type refResult struct {
	errCode, errParam string

	requested, amount, interest, fees, iof, total, installment, principal int64
	iofDaily, iofAdditional                                               int64
	applied                                                               string
	dailyRate, additionalRate                                             *big.Rat // % as applied
	firstDue                                                              time.Time
	rows                                                                  []refRow
	annualHundredths                                                      int64
	// The CET in hundredths of a percent: the acceptable roundings (two when the
	// root lies too close to a rounding boundary for float64 bisection to tell).
	cet, cetMonthly []int64
	// floorRefused: charges financed and the table of requested + fees is
	// refused as too small for cent precision. The spec reads two ways there:
	// the terms are too small (an error), or the search passes over refused
	// principals like any other (the answer above). Either is accepted; an
	// answer must be the reference's.
	floorRefused bool
}

func refErr(code, param string) refResult { return refResult{errCode: code, errParam: param} }

// ---------------------------------------------------------------- dates (§1)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func daysBetween(a, b time.Time) int { return int(b.Sub(a).Hours() / 24) }

// addMonths is a + k calendar months, the day kept and clamped to the month's end.
func addMonths(a time.Time, k int) time.Time {
	first := day(a.Year(), a.Month()+time.Month(k), 1)
	last := first.AddDate(0, 1, -1).Day()
	d := a.Day()
	if d > last {
		d = last
	}
	return day(first.Year(), first.Month(), d)
}

func isBusinessDay(t time.Time) bool {
	d, err := calendar.NewDate(t.Year(), t.Month(), t.Day())
	if err != nil {
		panic(err)
	}
	return calendar.Brazil().IsBusinessDay(d)
}

func step(t time.Time, dir int) time.Time {
	for !isBusinessDay(t) {
		t = t.AddDate(0, 0, dir)
	}
	return t
}

// roll moves t onto a business day by the convention, one day at a time.
func roll(t time.Time, conv string) time.Time {
	switch conv {
	case "following":
		return step(t, 1)
	case "preceding":
		return step(t, -1)
	case "modified-following":
		if f := step(t, 1); f.Month() == t.Month() {
			return f
		}
		return step(t, -1)
	case "modified-preceding":
		if p := step(t, -1); p.Month() == t.Month() {
			return p
		}
		return step(t, 1)
	case "unadjusted":
		return t
	}
	panic("roll " + conv)
}

// interestTime returns 30·t_k (§2) for the nominal date of installment k.
func interestTime(conv string, d0, nominal time.Time, k int) int {
	switch conv {
	case "periodic":
		return 30 * k
	case "daily":
		return daysBetween(d0, nominal)
	case "monthly":
		m := 0
		for !addMonths(d0, m+1).After(nominal) {
			m++
		}
		return 30*m + daysBetween(addMonths(d0, m), nominal)
	}
	panic("day count " + conv)
}

// ---------------------------------------------------------------- numbers

const refPrec = 1024

// num is an exact rational or, when irrational, a 1,024-bit approximation.
type num struct {
	r *big.Rat
	f *big.Float
}

func ratNum(r *big.Rat) num { return num{r: r} }

func (x num) float() *big.Float {
	if x.f != nil {
		return x.f
	}
	return new(big.Float).SetPrec(refPrec).SetRat(x.r)
}

func numOp(x, y num, rat func(a, b *big.Rat) *big.Rat, flt func(a, b *big.Float) *big.Float) num {
	if x.r != nil && y.r != nil {
		return num{r: rat(x.r, y.r)}
	}
	return num{f: flt(x.float(), y.float())}
}

func nadd(x, y num) num {
	return numOp(x, y, func(a, b *big.Rat) *big.Rat { return new(big.Rat).Add(a, b) },
		func(a, b *big.Float) *big.Float { return new(big.Float).SetPrec(refPrec).Add(a, b) })
}

func nsub(x, y num) num {
	return numOp(x, y, func(a, b *big.Rat) *big.Rat { return new(big.Rat).Sub(a, b) },
		func(a, b *big.Float) *big.Float { return new(big.Float).SetPrec(refPrec).Sub(a, b) })
}

func nmul(x, y num) num {
	return numOp(x, y, func(a, b *big.Rat) *big.Rat { return new(big.Rat).Mul(a, b) },
		func(a, b *big.Float) *big.Float { return new(big.Float).SetPrec(refPrec).Mul(a, b) })
}

func nquo(x, y num) num {
	return numOp(x, y, func(a, b *big.Rat) *big.Rat { return new(big.Rat).Quo(a, b) },
		func(a, b *big.Float) *big.Float { return new(big.Float).SetPrec(refPrec).Quo(a, b) })
}

// halfUp rounds x (in cents) half-up to a whole number of cents: floor(x + 1/2).
func halfUp(x num) int64 {
	if x.r != nil {
		v := new(big.Rat).Add(x.r, big.NewRat(1, 2))
		q := new(big.Int).Div(v.Num(), v.Denom()) // Euclidean: floor for a positive denominator
		return q.Int64()
	}
	v := new(big.Float).SetPrec(refPrec).Add(x.f, big.NewFloat(0.5))
	i, _ := v.Int(nil) // truncates toward zero
	if v.Sign() < 0 && !v.IsInt() {
		i.Sub(i, big.NewInt(1))
	}
	return i.Int64()
}

// intRoot returns the integer r-th root of v and whether it is exact.
func intRoot(v *big.Int, r int) (*big.Int, bool) {
	lo, hi := big.NewInt(0), new(big.Int).Add(v, big.NewInt(1))
	R := big.NewInt(int64(r))
	for new(big.Int).Sub(hi, lo).Cmp(big.NewInt(1)) > 0 { // lo^r ≤ v < hi^r
		mid := new(big.Int).Rsh(new(big.Int).Add(lo, hi), 1)
		if new(big.Int).Exp(mid, R, nil).Cmp(v) <= 0 {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo, new(big.Int).Exp(lo, R, nil).Cmp(v) == 0
}

func gcd(a, b int) int {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// factor returns (1+i)^(T/30): exact when it is rational (1+i = p/q reduced is a
// perfect r-th power, r = 30/gcd(T,30)), else from the 30th root by Newton.
type factors struct {
	base *big.Rat   // 1 + i
	root *big.Float // (1+i)^(1/30)
	memo map[int]num
}

func newFactors(ratePct *big.Rat) *factors {
	base := new(big.Rat).Add(big.NewRat(1, 1), new(big.Rat).Quo(ratePct, big.NewRat(100, 1)))
	// Newton for y^30 = base from a float64 start.
	b := new(big.Float).SetPrec(refPrec).SetRat(base)
	bf, _ := base.Float64()
	y := new(big.Float).SetPrec(refPrec).SetFloat64(math.Pow(bf, 1.0/30))
	for range 20 {
		y29 := new(big.Float).SetPrec(refPrec).SetFloat64(1)
		for range 29 {
			y29.Mul(y29, y)
		}
		// y ← (29·y + b / y^29) / 30
		t := new(big.Float).SetPrec(refPrec).Quo(b, y29)
		y = new(big.Float).SetPrec(refPrec).Add(new(big.Float).SetPrec(refPrec).Mul(y, big.NewFloat(29)), t)
		y.Quo(y, big.NewFloat(30))
	}
	return &factors{base: base, root: y, memo: map[int]num{}}
}

func (f *factors) at(T int) num {
	if v, ok := f.memo[T]; ok {
		return v
	}
	g := gcd(T, 30)
	r, e := 30/g, T/g
	var v num
	p, okp := intRoot(f.base.Num(), r)
	q, okq := intRoot(f.base.Denom(), r)
	if okp && okq {
		x := new(big.Rat).SetFrac(p, q)
		v = ratNum(new(big.Rat).SetFrac(new(big.Int).Exp(x.Num(), big.NewInt(int64(e)), nil),
			new(big.Int).Exp(x.Denom(), big.NewInt(int64(e)), nil)))
	} else {
		// root^T by repeated squaring.
		x := new(big.Float).SetPrec(refPrec).SetFloat64(1)
		sq := new(big.Float).SetPrec(refPrec).Set(f.root)
		for t := T; t > 0; t >>= 1 {
			if t&1 == 1 {
				x.Mul(x, sq)
			}
			sq.Mul(sq, sq)
		}
		v = num{f: x}
	}
	f.memo[T] = v
	return v
}

// ---------------------------------------------------------------- Price table (§3)

type refPlan struct {
	d0       time.Time
	nominal  []time.Time
	due      []time.Time
	T        []int
	fac      *factors
	ratePct  *big.Rat
	maxCount int
}

// newRefPlan lays out the dates and interest times for up to n installments,
// with the first-period checks of §1.
func newRefPlan(in refInput, n int) (*refPlan, refResult, bool) {
	d0 := in.release
	first := in.firstDue
	if first.IsZero() {
		first = addMonths(d0, 1)
	}
	bound := in.firstPeriodMax
	if bound == 0 {
		bound = 180
	}
	if !first.After(d0) || daysBetween(d0, first) > bound {
		return nil, refErr("invalid_due_date", "first_due_date"), false
	}
	p := &refPlan{d0: d0, fac: newFactors(in.ratePct), ratePct: in.ratePct, maxCount: n}
	for k := 1; k <= n; k++ {
		nom := addMonths(first, k-1)
		p.nominal = append(p.nominal, nom)
		p.due = append(p.due, roll(nom, in.roll))
		p.T = append(p.T, interestTime(in.dayCount, d0, nom, k))
	}
	if !p.due[0].After(d0) {
		return nil, refErr("invalid_due_date", "first_due_date"), false
	}
	return p, refResult{}, true
}

// table builds the Price table of P cents over n installments, or reports the
// terms too small for cent precision (amount_out_of_range).
func (p *refPlan) table(P int64, n int) ([]refRow, int64, bool) {
	one := ratNum(big.NewRat(1, 1))
	var sum num
	if p.ratePct.Sign() == 0 {
		sum = ratNum(big.NewRat(int64(n), 1))
	} else {
		sum = ratNum(new(big.Rat))
		for k := 0; k < n; k++ {
			sum = nadd(sum, nquo(one, p.fac.at(p.T[k])))
		}
	}
	pmt := halfUp(nquo(ratNum(big.NewRat(P, 1)), sum))
	if pmt <= 0 {
		return nil, 0, false
	}
	rows := make([]refRow, n)
	b := P
	prevT := 0
	for k := 0; k < n; k++ {
		g := nsub(p.fac.at(p.T[k]-prevT), one)
		prevT = p.T[k]
		in := halfUp(nmul(ratNum(big.NewRat(b, 1)), g))
		r := refRow{nominal: p.nominal[k], due: p.due[k], interest: in}
		if k == n-1 {
			r.principal = b
			r.payment = b + in
			r.balance = 0
			if r.payment > 2*pmt {
				return nil, 0, false
			}
		} else {
			r.payment = pmt
			r.principal = pmt - in
			b -= r.principal
			r.balance = b
			if b <= 0 {
				return nil, 0, false
			}
		}
		rows[k] = r
	}
	return rows, pmt, true
}

// ---------------------------------------------------------------- IOF (§8)

// refIOFTable is the IOF rate table written out from the decrees (Decreto 6.306/2007,
// art. 7, I, b and VI, §15, as each decree below set it): from, then daily % and
// additional % for pf, pj, simples, mei. The first row is Decreto 7.726/2012 (art. 1:
// "mutuário pessoa física: 0,0041% ao dia", published 2012-05-22, applied from
// 2012-05-23); the second Decreto 8.392/2015 (art. 1: "0,0082% ao dia", published
// 2015-01-21, in force from 2015-01-22).
var refIOFTable = []struct {
	from                 time.Time
	pf, pj, simples, mei [2]string
}{
	{day(2012, 5, 23), [2]string{"0.0041", "0.38"}, [2]string{"0.0041", "0.38"}, [2]string{"0.00137", "0.38"}, [2]string{"0.00137", "0.38"}},
	{day(2015, 1, 22), [2]string{"0.0082", "0.38"}, [2]string{"0.0041", "0.38"}, [2]string{"0.00137", "0.38"}, [2]string{"0.00137", "0.38"}},
	{day(2020, 4, 3), [2]string{"0", "0"}, [2]string{"0", "0"}, [2]string{"0", "0"}, [2]string{"0", "0"}},
	{day(2020, 11, 27), [2]string{"0.0082", "0.38"}, [2]string{"0.0041", "0.38"}, [2]string{"0.00137", "0.38"}, [2]string{"0.00137", "0.38"}},
	{day(2020, 12, 15), [2]string{"0", "0"}, [2]string{"0", "0"}, [2]string{"0", "0"}, [2]string{"0", "0"}},
	{day(2021, 1, 1), [2]string{"0.0082", "0.38"}, [2]string{"0.0041", "0.38"}, [2]string{"0.00137", "0.38"}, [2]string{"0.00137", "0.38"}},
	{day(2021, 9, 20), [2]string{"0.01118", "0.38"}, [2]string{"0.00559", "0.38"}, [2]string{"0.00137", "0.38"}, [2]string{"0.00137", "0.38"}},
	{day(2022, 1, 1), [2]string{"0.0082", "0.38"}, [2]string{"0.0041", "0.38"}, [2]string{"0.00137", "0.38"}, [2]string{"0.00137", "0.38"}},
	{day(2025, 5, 23), [2]string{"0.0082", "0.38"}, [2]string{"0.0082", "0.95"}, [2]string{"0.00274", "0.95"}, [2]string{"0.00274", "0.38"}},
	{day(2025, 6, 11), [2]string{"0.0082", "0.38"}, [2]string{"0.0082", "0.38"}, [2]string{"0.00274", "0.38"}, [2]string{"0.00274", "0.38"}},
	{day(2025, 6, 27), [2]string{"0.0082", "0.38"}, [2]string{"0.0041", "0.38"}, [2]string{"0.00137", "0.38"}, [2]string{"0.00137", "0.38"}},
	{day(2025, 7, 16), [2]string{"0.0082", "0.38"}, [2]string{"0.0082", "0.38"}, [2]string{"0.00274", "0.38"}, [2]string{"0.00274", "0.38"}},
}

func mustRat(s string) *big.Rat {
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		panic("rat " + s)
	}
	return r
}

// refRates returns the class applied and its daily and additional % for a
// principal of P cents released on d0; ok false before the table.
func refRates(class string, d0 time.Time, P int64) (applied string, daily, additional *big.Rat, ok bool) {
	row := -1
	for i, r := range refIOFTable {
		if !d0.Before(r.from) {
			row = i
		}
	}
	if row < 0 {
		return "", nil, nil, false
	}
	applied = class
	if (class == "simples" || class == "mei") && P > 3_000_000 {
		applied = "pj"
	}
	r := refIOFTable[row]
	pair := map[string][2]string{"pf": r.pf, "pj": r.pj, "simples": r.simples, "mei": r.mei}[applied]
	return applied, mustRat(pair[0]), mustRat(pair[1]), true
}

// refIOF is the IOF of a table: each part half-up to cents.
func refIOF(rows []refRow, d0 time.Time, P int64, daily, additional *big.Rat) (int64, int64) {
	base := new(big.Rat) // cent-days
	for _, r := range rows {
		if r.principal <= 0 {
			continue
		}
		days := min(daysBetween(d0, r.due), 365)
		base.Add(base, big.NewRat(r.principal*int64(days), 1))
	}
	d := halfUp(ratNum(new(big.Rat).Quo(new(big.Rat).Mul(base, daily), big.NewRat(100, 1))))
	a := halfUp(ratNum(new(big.Rat).Quo(new(big.Rat).Mul(big.NewRat(P, 1), additional), big.NewRat(100, 1))))
	return d, a
}

// ---------------------------------------------------------------- CET (§10)

// refCET solves amount = Σ payment_k / (1+c)^(days_k/365) by bisection on c and
// returns the acceptable 2-decimal roundings of the annual and monthly percent.
func refCET(net int64, rows []refRow, d0 time.Time) (annual, monthly []int64, ok bool) {
	npv := func(c float64) float64 {
		s := -float64(net)
		for _, r := range rows {
			s += float64(r.payment) / math.Pow(1+c, float64(daysBetween(d0, r.due))/365)
		}
		return s
	}
	lo, hi := -0.999999, 1.0
	for npv(hi) > 0 {
		hi *= 2
		if hi > 1e11 {
			return nil, nil, false
		}
	}
	if npv(lo) < 0 {
		return nil, nil, false
	}
	for range 400 {
		mid := lo + (hi-lo)/2
		if mid == lo || mid == hi {
			break
		}
		if npv(mid) > 0 {
			lo = mid
		} else {
			hi = mid
		}
	}
	c := lo + (hi-lo)/2
	if c > 1e10 { // the cet package's limit (MaxAnnual)
		return nil, nil, false
	}
	return roundings(c * 100), roundings((math.Pow(1+c, 1.0/12) - 1) * 100), true
}

// roundings returns the 2-decimal roundings of the percentage v that an exact
// solver could give: every hundredth within 10^-7 plus 10^-10 of v's size of
// v·100, rounded. The absolute part covers float64 bisection, which pins an
// ordinary CET to about 10^-13; the relative part covers absurd CETs (billions
// of percent, from a net of a few cents against fees of reais), where the
// solvers agree to 10 to 12 significant digits (rapid found 1.86327546462e9 %
// against a reference of …458 to …461 hundredths, 5·10^-12 apart) and the
// hundredths are beyond what float64 can settle.
func roundings(v float64) []int64 {
	h := v * 100
	tol := 1e-7 + 1e-10*math.Abs(h)
	lo, hi := int64(math.Floor(h-tol+0.5)), int64(math.Floor(h+tol+0.5))
	var out []int64
	for x := lo; x <= hi; x++ {
		out = append(out, x)
	}
	return out
}

// ---------------------------------------------------------------- the simulation (§7, §9, §11)

func refSimulate(in refInput) refResult {
	if in.requested < in.minAmount || in.requested > in.maxAmount {
		return refErr("amount_out_of_range", "requested_amount")
	}
	if in.n < 1 || in.n > 420 {
		return refErr("installments_out_of_range", "installment_count")
	}
	fees := in.feeFixed + halfUp(ratNum(new(big.Rat).Quo(new(big.Rat).Mul(big.NewRat(in.requested, 1), in.feePct), big.NewRat(100, 1))))
	plan, e, ok := newRefPlan(in, in.n)
	if !ok {
		return e
	}
	if in.release.Before(refIOFTable[0].from) {
		return refErr("date_out_of_range", "release_date")
	}
	at := func(P int64) refOutcome {
		rows, pmt, ok := plan.table(P, in.n)
		if !ok {
			return refOutcome{}
		}
		applied, dr, ar, _ := refRates(in.class, in.release, P)
		d, a := refIOF(rows, in.release, P, dr, ar)
		return refOutcome{rows, pmt, d, a, applied, dr, ar, true}
	}
	var P int64
	var o refOutcome
	floorRefused := false
	if in.charges == "deducted" {
		P = in.requested
		if o = at(P); !o.ok {
			return refErr("amount_out_of_range", "requested_amount")
		}
		if P-fees-o.daily-o.add <= 0 {
			return refErr("amount_out_of_range", "requested_amount")
		}
	} else {
		floorRefused = !at(in.requested + fees).ok
		if P, o = refFinanced(in.requested, fees, in.n, in.class, at); P == 0 {
			r := refErr("amount_out_of_range", "requested_amount")
			r.floorRefused = floorRefused
			return r
		}
	}
	r := refResult{
		requested: in.requested, fees: fees, principal: P,
		iofDaily: o.daily, iofAdditional: o.add, iof: o.daily + o.add,
		applied: o.applied, dailyRate: o.dRate, additionalRate: o.aRate,
		installment: o.pmt, rows: o.rows, firstDue: o.rows[0].due, floorRefused: floorRefused,
	}
	r.amount = P - fees - r.iof
	for _, row := range o.rows {
		r.interest += row.interest
		r.total += row.payment
	}
	var okc bool
	if r.cet, r.cetMonthly, okc = refCET(r.amount, r.rows, in.release); !okc {
		return refErr("rate_out_of_range", "cet_percentage")
	}
	r.annualHundredths = refAnnual(in.ratePct)
	return r
}

// refOutcome is the table of a principal, its IOF and the rates applied.
type refOutcome struct {
	rows         []refRow
	pmt          int64
	daily, add   int64
	applied      string
	dRate, aRate *big.Rat
	ok           bool // false: the table is refused (too small for cent precision)
}

const refMaxPrincipal = 100_000_000_000

// refFinanced finds the smallest P with P − fees − IOF(P) ≥ requested (§9,
// financed) by trying principals one cent at a time in a window around the linear
// estimate (requested + fees) / (1 − r), r the IOF rate at the estimate. The net
// is a line in P plus the noise of the cent roundings (a fraction of a cent on
// ordinary terms; tens of cents where (1+i)^n is in the thousands and the
// table's roundings compound). The window is doubled until the line fitted to
// it, plus twice the largest deviation from it seen in the window, falls short of
// the requested amount at the window's floor, so that no principal below the
// window can reach it unless the noise there were more than twice the noise seen;
// then the first principal from the floor whose net reaches the requested
// amount is the answer. For Simples and MEI the principals up to R$ 30,000.00 and
// those above (company rates on the whole operation) are searched apart, the
// lower region first. P = 0 reports no principal.
func refFinanced(requested, fees int64, n int, class string, at func(int64) refOutcome) (int64, refOutcome) {
	lo := requested + fees
	if lo > refMaxPrincipal {
		return 0, refOutcome{}
	}
	// A principal whose table is refused as too small for cent precision is no
	// contract (§3) and is passed over, requested + fees included: the search
	// starts at the first principal from there with a table, within n + 100
	// cents (more than a cycle of the installment's rounding, which moves by at
	// least 1/n of a cent per cent of principal). When requested + fees itself is
	// refused, the spec also reads as "terms too small for cent precision": the
	// caller accepts either reading (refResult.floorRefused).
	for ; !at(lo).ok; lo++ {
		if lo > requested+fees+int64(n)+100 || lo > refMaxPrincipal {
			return 0, refOutcome{}
		}
	}
	regions := [][2]int64{{lo, refMaxPrincipal}}
	if (class == "simples" || class == "mei") && lo <= 3_000_000 {
		regions = [][2]int64{{lo, 3_000_000}, {3_000_001, refMaxPrincipal}}
	}
	for _, rg := range regions {
		if p, o := refSearch(requested, fees, rg[0], rg[1], at); p != 0 {
			return p, o
		}
	}
	return 0, refOutcome{}
}

func refSearch(requested, fees, lo, hi int64, at func(int64) refOutcome) (int64, refOutcome) {
	type point struct {
		p, net int64
		o      refOutcome
	}
	memo := map[int64]point{}
	net := func(P int64) point {
		if v, ok := memo[P]; ok {
			return v
		}
		o := at(P)
		v := point{P, math.MinInt64, o}
		if o.ok {
			v.net = P - fees - o.daily - o.add
		}
		memo[P] = v
		return v
	}
	// The linear estimate, refined at the estimate itself.
	est := lo
	for range 4 {
		o := net(est)
		if !o.o.ok {
			break
		}
		r := new(big.Rat).SetFrac64(o.o.daily+o.o.add, est) // IOF rate at est
		x := new(big.Rat).Quo(big.NewRat(requested+fees, 1), new(big.Rat).Sub(big.NewRat(1, 1), r))
		e := new(big.Int).Div(x.Num(), x.Denom()).Int64() + 1
		if e > hi {
			e = hi
		}
		if e == est {
			break
		}
		est = e
	}
	for w := int64(32); ; w *= 2 {
		if w > 1<<20 {
			panic(fmt.Sprintf("reference financed search: no window around %d settles", est))
		}
		floor, top := max(lo, est-w), min(hi, est+w)
		// Least-squares line through the window's nets, and the largest deviation.
		var pts []point
		for P := floor; P <= top; P++ {
			if v := net(P); v.o.ok {
				pts = append(pts, v)
			}
		}
		if len(pts) < 2 {
			if top == hi && floor == lo {
				return 0, refOutcome{}
			}
			continue
		}
		var sx, sy, sxx, sxy float64
		for _, v := range pts {
			x, y := float64(v.p-est), float64(v.net)
			sx, sy, sxx, sxy = sx+x, sy+y, sxx+x*x, sxy+x*y
		}
		m := float64(len(pts))
		slope := (m*sxy - sx*sy) / (m*sxx - sx*sx)
		icept := (sy - slope*sx) / m
		dev := 0.0
		for _, v := range pts {
			dev = math.Max(dev, math.Abs(float64(v.net)-(icept+slope*float64(v.p-est))))
		}
		if floor > lo && icept+slope*float64(floor-est)+2*dev+2 >= float64(requested) {
			continue // a principal below the window might still qualify
		}
		for P := floor; P <= hi; P++ {
			if v := net(P); v.o.ok && v.net >= requested {
				return P, v.o
			}
			if P > top && P > est+(1<<20) {
				panic(fmt.Sprintf("reference financed search: nothing qualifies up to %d", P))
			}
		}
		return 0, refOutcome{}
	}
}

// refAnnual is (1 + i)^12 − 1 in hundredths of a percent, exactly, rounded half
// to even.
func refAnnual(ratePct *big.Rat) int64 {
	a := new(big.Rat).Add(big.NewRat(1, 1), new(big.Rat).Quo(ratePct, big.NewRat(100, 1)))
	p := big.NewRat(1, 1)
	for range 12 {
		p.Mul(p, a)
	}
	h := new(big.Rat).Mul(new(big.Rat).Sub(p, big.NewRat(1, 1)), big.NewRat(10_000, 1))
	q, m := new(big.Int).DivMod(h.Num(), h.Denom(), new(big.Int))
	twice := new(big.Int).Mul(m, big.NewInt(2))
	switch twice.Cmp(h.Denom()) {
	case 1:
		q.Add(q, big.NewInt(1))
	case 0:
		if q.Bit(0) == 1 {
			q.Add(q, big.NewInt(1))
		}
	}
	return q.Int64()
}

package servicing_test

// A second, slow and obvious implementation of the late charges and the payoff,
// written from the package doc's rules and nothing else: its own dates (time.Time at
// UTC midnight), its own interest time, its own IOF rates (the decree rates in force
// for the releases it is given, from 2025-07-16), its own allocation, and big.Rat
// arithmetic — exact wherever the value is rational, and a 512-bit big.Float (with
// an exact rational test first) where a fractional power of (1 + i) is irrational. It
// shares no code with the package. The rapid properties hold the package to it.

import (
	"fmt"
	"math/big"
	"sync"
	"time"

	"github.com/dinie/lending/calendar"
)

func isBusinessDay(t time.Time) bool {
	d, err := calendar.NewDate(t.Year(), t.Month(), t.Day())
	if err != nil {
		panic(err)
	}
	return calendar.Brazil().IsBusinessDay(d)
}

// refLoan is a booked loan as the reference reads it.
type refLoan struct {
	release        time.Time
	rate           *big.Rat // the contract rate a period, a fraction (2.5 % a.m. is 1/40)
	perYear        bool     // the rate is a year's, not a month's
	dayCount       string   // monthly, periodic, daily, actual365, business252
	class          string   // pf, pj, simples, mei
	principalCents int64
	rows           []refInst
	fine           *big.Rat // fraction
	mora           *big.Rat // fraction a month
	linear         bool
	rolled         bool                 // days late count from the rolled date
	fee            *big.Rat             // prepayment fee, fraction
	rho            map[int64]*big.Float // (1+rate)^(1/d), by d, computed once each
}

// refInst is one booked installment (what the schedule row says).
type refInst struct {
	nominal, due               time.Time
	payment, interestJ, amortA int64 // the row's payment, interest and principal
}

type refPayment struct {
	k      int // 1-based
	date   time.Time
	amount int64
}

// refCharges are late charges in cents.
type refCharges struct{ iof, fine, mora, interest int64 }

func (c refCharges) sum() int64 { return c.iof + c.fine + c.mora + c.interest }

// refState is one installment after its payments up to a date.
type refState struct {
	paidI, paidP   int64
	fineDone       bool
	from           time.Time // zero: the day the delay counts from
	assessed, paid refCharges
	settled        time.Time
	alloc          [][6]int64 // per payment: iof, fine, mora, interest, interest of the installment, principal
}

func refDays(a, b time.Time) int64 { return int64(b.Sub(a).Hours() / 24) }

// the installment's own amounts: interest = min(J, payment), principal = max(A, 0).
func (r refInst) amounts() (interest, principal int64) {
	interest = r.interestJ
	if r.payment < interest {
		interest = r.payment
	}
	principal = r.amortA
	if principal < 0 {
		principal = 0
	}
	return interest, principal
}

// refHalfUp rounds a rational half-up to an integer.
func refHalfUp(x *big.Rat) int64 {
	y := new(big.Rat).Add(x, big.NewRat(1, 2))
	q := new(big.Int).Div(y.Num(), y.Denom())
	return q.Int64()
}

// refHalfUpFloat rounds a big.Float half-up.
func refHalfUpFloat(x *big.Float) int64 {
	y := new(big.Float).SetPrec(x.Prec()).Add(x, big.NewFloat(0.5))
	i, _ := y.Int(nil)
	if y.Sign() < 0 && !y.IsInt() {
		i.Sub(i, big.NewInt(1))
	}
	return i.Int64()
}

// intRootExact returns the n-th root of x when x is a perfect n-th power, by bisection.
func intRootExact(x *big.Int, n int64) (*big.Int, bool) {
	lo, hi := big.NewInt(0), new(big.Int).Add(x, big.NewInt(1))
	nn := big.NewInt(n)
	for new(big.Int).Sub(hi, lo).Cmp(big.NewInt(1)) > 0 {
		mid := new(big.Int).Rsh(new(big.Int).Add(lo, hi), 1)
		if new(big.Int).Exp(mid, nn, nil).Cmp(x) <= 0 {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo, new(big.Int).Exp(lo, nn, nil).Cmp(x) == 0
}

// refPower is (1 + rate)^(e/d): exact when that is rational, else a 512-bit float.
type refPower struct {
	exact *big.Rat
	float *big.Float
}

const refPrec = 512

// power is (1 + rate)^(e/d).
func (l *refLoan) power(e, d int64) refPower {
	base := new(big.Rat).Add(big.NewRat(1, 1), l.rate)
	g := gcd64(abs(e), d)
	p, q := e/g, d/g // base^(p/q), q | d
	bn, bd := base.Num(), base.Denom()
	rn, ok1 := intRootExact(bn, q)
	rd, ok2 := intRootExact(bd, q)
	if ok1 && ok2 {
		r := new(big.Rat).SetFrac(rn, rd)
		if p < 0 {
			r.Inv(r)
			p = -p
		}
		out := big.NewRat(1, 1)
		for range p {
			out.Mul(out, r)
		}
		return refPower{exact: out}
	}
	if l.rho == nil {
		l.rho = map[int64]*big.Float{}
	}
	rho, ok := l.rho[d]
	if !ok {
		rho = rootOf(base, d)
		l.rho[d] = rho
	}
	// rho^|e| by repeated squaring.
	out := new(big.Float).SetPrec(refPrec).SetInt64(1)
	sq := new(big.Float).SetPrec(refPrec).Set(rho)
	for k := abs(e); k > 0; k >>= 1 {
		if k&1 == 1 {
			out.Mul(out, sq)
		}
		sq.Mul(sq, sq)
	}
	if e < 0 {
		out.Quo(new(big.Float).SetPrec(refPrec).SetInt64(1), out)
	}
	return refPower{float: out}
}

// roots caches rootBisect by base: the bisection is slow by design.
var roots sync.Map

func rootOf(base *big.Rat, d int64) *big.Float {
	key := fmt.Sprint(base, "/", d)
	if r, ok := roots.Load(key); ok {
		return r.(*big.Float)
	}
	r := rootBisect(new(big.Float).SetPrec(refPrec).SetRat(base), d)
	roots.Store(key, r)
	return r
}

// rootBisect returns base^(1/d) by bisection on [1, base], to refPrec bits.
func rootBisect(bf *big.Float, d int64) *big.Float {
	lo := new(big.Float).SetPrec(refPrec).SetInt64(1)
	hi := new(big.Float).SetPrec(refPrec).Set(bf)
	for range refPrec + 8 {
		mid := new(big.Float).SetPrec(refPrec).Add(lo, hi)
		mid.Quo(mid, big.NewFloat(2))
		// mid^d by repeated squaring.
		m30 := new(big.Float).SetPrec(refPrec).SetInt64(1)
		sq := new(big.Float).SetPrec(refPrec).Set(mid)
		for e := d; e > 0; e >>= 1 {
			if e&1 == 1 {
				m30.Mul(m30, sq)
			}
			sq.Mul(sq, sq)
		}
		if m30.Cmp(bf) <= 0 {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo
}

func gcd64(a, b int64) int64 {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

func abs(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}

// roundTimes returns half-up(c·(1+rate)^(e/d) − sub) for integer c, sub.
func (l *refLoan) roundTimes(c, e, d, sub int64) int64 {
	p := l.power(e, d)
	if p.exact != nil {
		x := new(big.Rat).Mul(big.NewRat(c, 1), p.exact)
		return refHalfUp(x.Sub(x, big.NewRat(sub, 1)))
	}
	x := new(big.Float).SetPrec(refPrec).Mul(new(big.Float).SetPrec(refPrec).SetInt64(c), p.float)
	x.Sub(x, new(big.Float).SetPrec(refPrec).SetInt64(sub))
	return refHalfUpFloat(x)
}

// dailyIOF returns the complementary IOF's daily rate (a fraction) for the reference's
// releases (2025-07-16 on: Decreto 12.499/2025 as restored): pf and pj 0.0082 %,
// simples and mei 0.00274 % up to a principal of R$ 30,000.00, pj's above it.
func (l *refLoan) dailyIOF() *big.Rat {
	if l.release.Before(time.Date(2025, 7, 16, 0, 0, 0, 0, time.UTC)) {
		panic("the reference holds the IOF rates from 2025-07-16 only")
	}
	if (l.class == "simples" || l.class == "mei") && l.principalCents <= 3_000_000 {
		return big.NewRat(274, 10_000_000) // 0.00274 %
	}
	return big.NewRat(82, 1_000_000) // 0.0082 %
}

// start is the first day of delay of installment k.
func (l *refLoan) start(r refInst) time.Time {
	if !l.rolled && r.nominal.Before(r.due) {
		return r.nominal
	}
	return r.due
}

// accrue is what the late days from st.from to "to" cost installment r.
func (l *refLoan) accrue(r refInst, st *refState, to time.Time) refCharges {
	interest, principal := r.amounts()
	u := interest + principal - st.paidI - st.paidP
	au := principal - st.paidP
	from := st.from
	if from.IsZero() {
		from = l.start(r)
	}
	days := refDays(from, to)
	var c refCharges
	if !st.fineDone {
		c.fine = refHalfUp(new(big.Rat).Mul(big.NewRat(u, 1), l.fine))
	}
	c.mora = refHalfUp(new(big.Rat).Mul(big.NewRat(u*days, 30), l.mora))
	// The delay runs days/30 months, days/360 years.
	perPeriod := int64(30)
	if l.perYear {
		perPeriod = 360
	}
	if l.linear {
		c.interest = refHalfUp(new(big.Rat).Mul(big.NewRat(u*days, perPeriod), l.rate))
	} else {
		c.interest = l.roundTimes(u, days, perPeriod, u)
	}
	// IOF: the days past the due date under the 365-day cap counted from the release.
	D := refDays(l.release, r.due)
	e := func(t time.Time) int64 {
		if t.Before(r.due) {
			return 0
		}
		return refDays(r.due, t)
	}
	capped := func(x int64) int64 { return min(x, 365) }
	taxed := capped(D+e(to)) - capped(D+e(from))
	c.iof = refHalfUp(new(big.Rat).Mul(big.NewRat(au*taxed, 1), l.dailyIOF()))
	return c
}

// replay applies installment k's payments dated on or before asOf, in order. It
// returns an error for a payment the rules refuse.
func (l *refLoan) replay(k int, pays []refPayment, asOf time.Time) (refState, error) {
	r := l.rows[k-1]
	interest, principal := r.amounts()
	var st refState
	for _, p := range pays {
		if p.k != k || p.date.After(asOf) {
			continue
		}
		u := interest + principal - st.paidI - st.paidP
		left := p.amount
		var a [6]int64
		if p.date.After(r.due) {
			c := l.accrue(r, &st, p.date)
			st.fineDone = true
			st.from = p.date
			st.assessed = refCharges{st.assessed.iof + c.iof, st.assessed.fine + c.fine,
				st.assessed.mora + c.mora, st.assessed.interest + c.interest}
			owed := []int64{st.assessed.iof - st.paid.iof, st.assessed.fine - st.paid.fine,
				st.assessed.mora - st.paid.mora, st.assessed.interest - st.paid.interest}
			var total int64
			for _, o := range owed {
				total += o
			}
			if left > u+total {
				return st, fmt.Errorf("payment %d on %s exceeds %d + %d", p.amount, p.date.Format(time.DateOnly), u, total)
			}
			for j, o := range owed {
				a[j] = min(o, left)
				left -= a[j]
			}
			st.paid = refCharges{st.paid.iof + a[0], st.paid.fine + a[1], st.paid.mora + a[2], st.paid.interest + a[3]}
		} else if left > u {
			return st, fmt.Errorf("payment %d on %s exceeds %d", p.amount, p.date.Format(time.DateOnly), u)
		}
		a[4] = min(left, interest-st.paidI)
		a[5] = left - a[4]
		st.paidI += a[4]
		st.paidP += a[5]
		if st.paidI+st.paidP == interest+principal {
			st.settled = p.date
		}
		st.alloc = append(st.alloc, a)
	}
	return st, nil
}

// refTx is what the reference says of a transaction as of a date.
type refTx struct {
	status                string
	due, paid, remaining  int64
	daysOverdue, lateDays int64
	late                  refCharges
	owed                  int64
	paidAt                time.Time
}

func (l *refLoan) transaction(k int, pays []refPayment, asOf time.Time) (refTx, error) {
	r := l.rows[k-1]
	st, err := l.replay(k, pays, asOf)
	if err != nil {
		return refTx{}, err
	}
	interest, principal := r.amounts()
	tx := refTx{due: interest + principal, paid: st.paidI + st.paidP, paidAt: st.settled}
	tx.remaining = tx.due - tx.paid
	tx.late = st.assessed
	switch {
	case tx.remaining == 0:
		tx.status = "paid"
		if st.settled.After(r.due) {
			tx.lateDays = refDays(l.start(r), st.settled)
		}
	case asOf.After(r.due):
		tx.status = "overdue"
		tx.daysOverdue = refDays(r.due, asOf)
		tx.lateDays = refDays(l.start(r), asOf)
		c := l.accrue(r, &st, asOf)
		tx.late = refCharges{tx.late.iof + c.iof, tx.late.fine + c.fine, tx.late.mora + c.mora, tx.late.interest + c.interest}
	case tx.paid > 0:
		tx.status = "partially_paid"
	default:
		tx.status = "pending"
	}
	tx.owed = tx.late.sum() - st.paid.sum()
	return tx, nil
}

// t returns installment k's interest time in the day count's units.
func (l *refLoan) t(k int) int64 {
	switch l.dayCount {
	case "periodic":
		return int64(30 * k)
	case "daily", "actual365":
		return refDays(l.release, l.rows[k-1].nominal)
	case "business252":
		return refBusinessDays(l.release, l.rows[k-1].due)
	}
	return l.monthly(l.rows[k-1].nominal)
}

// refBusinessDays counts the business days in [a, b), one day at a time.
func refBusinessDays(a, b time.Time) int64 {
	var n int64
	for d := a; d.Before(b); d = d.AddDate(0, 0, 1) {
		if isBusinessDay(d) {
			n++
		}
	}
	return n
}

// scale returns the exponent of the discount over units of the day count: T units
// grow by (1+rate)^(T·mul/d) (a month is 30 units of the month-based day counts, a
// year 365 of actual365's, 252 of business252's; a monthly rate over a year of 365
// or 252 units is 12 months).
func (l *refLoan) scale() (mul, d int64) {
	switch {
	case l.dayCount == "actual365" && l.perYear:
		return 1, 365
	case l.dayCount == "actual365":
		return 12, 365
	case l.dayCount == "business252" && l.perYear:
		return 1, 252
	case l.dayCount == "business252":
		return 12, 252
	case l.perYear:
		return 1, 360
	}
	return 1, 30
}

// discount is (1+rate)^(−units·mul/d).
func (l *refLoan) discount(units int64) refPower {
	mul, d := l.scale()
	return l.power(-units*mul, d)
}

// monthly is whole months from the release (the largest m with release + m months,
// clamped, on or before d) times 30, plus the remaining days.
func (l *refLoan) monthly(d time.Time) int64 {
	m := 0
	for !refAddMonths(l.release, m+1).After(d) {
		m++
	}
	return int64(30*m) + refDays(refAddMonths(l.release, m), d)
}

func refAddMonths(a time.Time, k int) time.Time {
	first := time.Date(a.Year(), a.Month()+time.Month(k), 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	return time.Date(first.Year(), first.Month(), min(a.Day(), last), 0, 0, 0, 0, time.UTC)
}

// ts is the settlement's interest time by the package doc's two rules.
func (l *refLoan) ts(s time.Time) int64 {
	for k, r := range l.rows {
		lo, hi := r.nominal, r.due
		if hi.Before(lo) {
			lo, hi = hi, lo
		}
		if !s.Before(lo) && !s.After(hi) {
			return l.t(k + 1)
		}
	}
	var t int64
	switch l.dayCount {
	case "daily", "actual365":
		t = refDays(l.release, s)
	case "business252":
		t = refBusinessDays(l.release, s)
	default:
		t = l.monthly(s)
	}
	// Between the times of the installments whose nominal dates surround s.
	for k, r := range l.rows {
		if r.nominal.Before(s) {
			t = max(t, l.t(k+1))
		} else {
			t = min(t, l.t(k+1))
			break
		}
	}
	return t
}

// payoff is the reference payoff on s: overdue installments with their charges, the
// others' present values summed exactly and rounded once, and the fee on that sum.
func (l *refLoan) payoff(pays []refPayment, s time.Time) (amount, fee int64, pv map[int]int64, err error) {
	ts := l.ts(s)
	var overdue int64
	sumExact := new(big.Rat)
	sumFloat := new(big.Float).SetPrec(refPrec)
	irrational := false
	pv = map[int]int64{}
	for k := range l.rows {
		tx, err := l.transaction(k+1, pays, s)
		if err != nil {
			return 0, 0, nil, err
		}
		if tx.remaining == 0 {
			continue
		}
		if l.rows[k].due.Before(s) {
			overdue += tx.remaining + tx.owed
			pv[k+1] = tx.remaining
			continue
		}
		e := l.t(k+1) - ts
		if e < 0 {
			e = 0
		}
		p := l.discount(e)
		if p.exact != nil {
			x := new(big.Rat).Mul(big.NewRat(tx.remaining, 1), p.exact)
			sumExact.Add(sumExact, x)
			pv[k+1] = refHalfUp(x)
		} else {
			irrational = true
			x := new(big.Float).SetPrec(refPrec).Mul(new(big.Float).SetPrec(refPrec).SetInt64(tx.remaining), p.float)
			sumFloat.Add(sumFloat, x)
			pv[k+1] = refHalfUpFloat(x)
		}
	}
	var future int64
	if irrational {
		sumFloat.Add(sumFloat, new(big.Float).SetPrec(refPrec).SetRat(sumExact))
		future = refHalfUpFloat(sumFloat)
	} else {
		future = refHalfUp(sumExact)
	}
	fee = refHalfUp(new(big.Rat).Mul(big.NewRat(future, 1), l.fee))
	return overdue + future + fee, fee, pv, nil
}

// presentValue is half-up(Σ payment_j / (1 + i)^((t_j − ts)/30)) of rows at times.
func (l *refLoan) presentValue(payments, times []int64, ts int64) int64 {
	sumExact := new(big.Rat)
	sumFloat := new(big.Float).SetPrec(refPrec)
	irrational := false
	for j, c := range payments {
		p := l.discount(times[j] - ts)
		if p.exact != nil {
			sumExact.Add(sumExact, new(big.Rat).Mul(big.NewRat(c, 1), p.exact))
		} else {
			irrational = true
			sumFloat.Add(sumFloat, new(big.Float).SetPrec(refPrec).Mul(new(big.Float).SetPrec(refPrec).SetInt64(c), p.float))
		}
	}
	if !irrational {
		return refHalfUp(sumExact)
	}
	sumFloat.Add(sumFloat, new(big.Float).SetPrec(refPrec).SetRat(sumExact))
	return refHalfUpFloat(sumFloat)
}

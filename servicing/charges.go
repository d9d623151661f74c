package servicing

import (
	"math"
	"math/bits"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/calendar"
	"github.com/dinie/lending/iof"
	"github.com/dinie/lending/money"
)

// fractionScale is 10^12: a percentage in units of 10^−10 % over it is the fraction.
const fractionScale = 100 * percentUnit

// mulDivHalfUp returns half-up(a·b·c / den) for a, b, c ≥ 0 and 0 < den < 2^63, and
// whether it is within maxAmount. The product is exact in 192 bits.
func mulDivHalfUp(a, b, c, den uint64) (int64, bool) {
	h1, l1 := bits.Mul64(a, b)
	// (h1·2^64 + l1)·c = top·2^128 + mid·2^64 + low
	hm, low := bits.Mul64(l1, c)
	th, tl := bits.Mul64(h1, c)
	mid, carry := bits.Add64(tl, hm, 0)
	top := th + carry
	q2, r := bits.Div64(0, top, den)
	q1, r := bits.Div64(r, mid, den)
	q0, r := bits.Div64(r, low, den)
	if q2 != 0 || q1 != 0 || q0 > maxAmount {
		return 0, false
	}
	if r >= den-r { // r ≥ den/2, exactly: half-up
		q0++
	}
	return int64(q0), true
}

// delayInterest returns half-up(u·((1 + i)^(days/30) − 1)), compound, and whether it is
// within maxAmount.
func (g *growth) delayInterest(u int64, days int) (int64, bool) {
	if u == 0 || days == 0 || g.units == 0 {
		return 0, true
	}
	a := float64(days) * g.l30
	x := float64(u) * math.Expm1(a)
	if math.IsInf(x, 0) || x > 2*maxAmount {
		return 0, false
	}
	// Expm1 turns the argument's relative error 7u into at most (1 + a)·7u, plus its
	// own libErr; twice that, plus the product's.
	if k, ok := roundFast(x, x*2*unitRoundoff*(7*(1+a)+8)+0x1p-40); ok {
		return k, k <= maxAmount
	}
	return g.halfUp([]term{{u, int64(days)}, {-u, 0}})
}

// segment returns the late charges an installment in state st accrues from the end
// of its last segment (or from the day its delay counts from) to date to, after its
// due date: the fine if none was assessed yet, and the mora, remuneratory interest
// and complementary IOF of the days in between, each rounded half-up to cents.
func (l *Loan) segment(in *installment, st *state, to calendar.Date, param string) (charges, error) {
	from := st.from
	if from.IsZero() {
		from = in.start
	}
	u := st.remaining(in)
	days := calendar.DaysBetween(from, to)
	var c charges
	ok := true
	if !st.late {
		c.fine, ok = mulDivHalfUp(uint64(u), uint64(l.t.fine), 1, fractionScale)
	}
	var ok2, ok3 bool
	c.mora, ok2 = mulDivHalfUp(uint64(u), uint64(l.t.mora), uint64(days), 30*fractionScale)
	if l.t.linear {
		c.interest, ok3 = mulDivHalfUp(uint64(u), uint64(l.linear[0]), uint64(days), uint64(l.linear[1]))
	} else {
		c.interest, ok3 = l.dg.delayInterest(u, days)
	}
	if !ok || !ok2 || !ok3 {
		return c, apierr.Wrap(ErrBeyondBound, apierr.AmountOutOfRange, param,
			"the late charges of installment %d from %s to %s on %s exceed ±R$ 10^15",
			in.number, from, to, money.FormatCents(u))
	}
	iofFrom := from
	if iofFrom.Before(in.due) {
		iofFrom = in.due
	}
	cmp, err := iof.Complementary(iof.Delay{Class: l.class, Release: l.release, Principal: l.principal,
		Due: in.due, From: iofFrom, To: to, Unpaid: in.principal - st.paidPrincipal})
	if err != nil { // the contract was checked by New: unreachable
		return c, apierr.Relabel(err, param)
	}
	c.iof = cmp.Cents()
	return c, nil
}

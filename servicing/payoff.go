package servicing

import (
	"math"
	"strconv"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/calendar"
)

// Payoff is what settles a loan on a date (liquidação antecipada, CDC art. 52 §2):
// Amount, in cents, is what the borrower pays that day, and Installments shows the
// work, one item per installment with something left to pay.
//
// Amount = Σ overdue (remaining + late charges) + half-up(Σ exact present values) +
// PrepaymentFee. The present values are summed exactly and rounded once; each item's
// PresentValue is that installment's rounded on its own, so the items can differ from
// the total by a cent or two. It is a plain value.
type Payoff struct {
	Date          calendar.Date
	Amount        int64
	PrepaymentFee int64
	Installments  []PayoffItem
}

// PayoffItem is one open installment in a payoff: its amount_remaining, its present
// value on the settlement date and the discount (Remaining − PresentValue). An
// overdue installment is not discounted (PresentValue = Remaining) and carries its
// unpaid late charges on the date in Late. Money is in cents.
type PayoffItem struct {
	Number                            int
	Remaining, PresentValue, Discount int64
	Late                              int64
}

// Payoff returns the payoff on settlement date s (CDC art. 52 §2; Res. CMN 3.516/2007;
// Res. CMN 5.004/2022 art. 7):
//
//   - an installment due before s and unpaid owes what it owes on s, late charges
//     included;
//   - an installment due on or after s is discounted at the contract rate, under the
//     contract's day count, from its interest time t_k to the settlement's t_s:
//     PV_k = remaining_k / (1 + i)^((t_k − t_s)), never more than remaining_k;
//   - a prepayment fee, for a company whose Terms agree to one, of
//     PrepaymentFeePercent of the discounted amount prepaid; none for individuals,
//     MEIs and Simples companies.
//
// Payments dated after s are not counted. It runs in O(n + p) and allocates the
// items only; near a half-cent tie of an irrational sum it decides exactly (big
// numbers, at most a few milliseconds at the horizon's largest exponents).
//
// Errors: a nil *Loan is apierr.NilReceiver; a zero s missing_required_field, one
// before the release invalid_due_date, one past the horizon date_out_of_range (param
// date); late charges beyond the bound amount_out_of_range (ErrBeyondBound).
func (l *Loan) Payoff(s calendar.Date) (Payoff, error) {
	if l == nil {
		return Payoff{}, apierr.NilReceiver("*servicing.Loan")
	}
	if err := l.checkDate(s, paramDate, true); err != nil {
		return Payoff{}, err
	}
	ts := l.settleTime(s)
	po := Payoff{Date: s}
	var tbuf [64]term
	future := tbuf[:0]
	var buf state
	var sum, sumErr, mag float64
	var overdue int64
	for k := range l.inst {
		in := &l.inst[k]
		st, _ := l.stateAt(in, s, &buf)
		rem := st.remaining(in)
		if rem == 0 {
			continue
		}
		if po.Installments == nil {
			po.Installments = make([]PayoffItem, 0, len(l.inst)-k)
		}
		it := PayoffItem{Number: in.number, Remaining: rem, PresentValue: rem}
		if in.due.Before(s) {
			seg, err := l.segment(in, st, s, paramDate)
			if err != nil {
				return Payoff{}, err
			}
			it.Late = st.assessed.plus(seg).minus(st.paid).total()
			overdue += rem + it.Late
		} else {
			t := term{rem, min(ts-in.t, 0) * l.mul}
			future = append(future, t)
			x, e := l.g.approxTerm(t)
			sum, sumErr, mag = sum+x, sumErr+e, mag+math.Abs(x)
			pv, ok := roundFast(x, e)
			if !ok {
				pv, _ = l.g.halfUp(future[len(future)-1:]) // ≤ rem: within bounds
			}
			it.PresentValue, it.Discount = pv, rem-pv
		}
		po.Installments = append(po.Installments, it)
	}
	// Each addition errs by at most u of the partial sum, at most u·mag.
	pv, ok := roundFast(sum, sumErr+2*mag*float64(len(future))*unitRoundoff)
	if !ok {
		pv, _ = l.g.halfUp(future) // ≤ Σ remaining: within bounds
	}
	po.PrepaymentFee, _ = mulDivHalfUp(uint64(pv), uint64(l.t.fee), 1, fractionScale) // ≤ pv
	po.Amount = overdue + pv + po.PrepaymentFee
	return po, nil
}

// approxTerm is approx of one term.
func (g *growth) approxTerm(t term) (x, err float64) {
	a := float64(t.e) * g.l30
	x = float64(t.c) * math.Exp(a)
	return x, 2*unitRoundoff*math.Abs(x)*(7*math.Abs(a)+7) + 0x1p-40
}

// MarshalJSON writes {"date","amount","prepayment_fee","installments":[
// {"installment_number","amount_remaining","present_value","discount","late"}]},
// money as strings with two decimals.
func (p Payoff) MarshalJSON() ([]byte, error) {
	return p.AppendJSON(make([]byte, 0, 96+128*len(p.Installments))), nil
}

// AppendJSON appends what MarshalJSON writes to b.
func (p Payoff) AppendJSON(b []byte) []byte {
	b = appendDate(b, `{"date":`, p.Date)
	b = appendMoney(b, `,"amount":`, p.Amount)
	b = appendMoney(b, `,"prepayment_fee":`, p.PrepaymentFee)
	b = append(b, `,"installments":[`...)
	for i, it := range p.Installments {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"installment_number":`...)
		b = strconv.AppendInt(b, int64(it.Number), 10)
		b = appendMoney(b, `,"amount_remaining":`, it.Remaining)
		b = appendMoney(b, `,"present_value":`, it.PresentValue)
		b = appendMoney(b, `,"discount":`, it.Discount)
		b = appendMoney(b, `,"late":`, it.Late)
		b = append(b, '}')
	}
	return append(b, "]}"...)
}

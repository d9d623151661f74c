package servicing

import (
	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/calendar"
	"github.com/dinie/lending/statemachine"
)

// Settlement is what Settle reports: the payoff it paid, the payments it recorded
// (one per open installment, in installment order; their amounts sum to
// Payoff.Amount), the loan's status after it (finished) and the events to emit, in
// order: loan.payment_received for each payment, then loan.finished.
type Settlement struct {
	Payoff   Payoff
	Payments []Payment
	Status   statemachine.LoanStatus
	Events   []statemachine.Event
}

// Settle pays a loan in status (the server's record of it) off on date s, at the
// amount Payoff(s) quotes, and returns the finished loan and the settlement. The
// receiver is not modified; on error nothing is applied.
//
// The payoff becomes one payment per open installment, dated s: an overdue one pays
// its remaining amount and its late charges on s, allocated as Pay allocates them; one
// not yet due pays its present value, and the rest of it is forgiven as
// Allocation.Discount — the unearned interest first, then principal for an
// installment whose discount exceeds its interest (a late installment discounted over
// more periods than its own interest covers). The present values are rounded one by
// one and the payoff once, so the payments' present values are adjusted by the
// difference (a cent or two, from the last installment back, never above an
// installment's remaining amount) to sum to the payoff exactly. A company's
// prepayment fee rides on the first discounted installment's payment as
// Allocation.PrepaymentFee. Transactions after it show every installment paid, with
// amount_paid what was paid and the discount in the payment's allocation.
//
// It costs Payoff's O(n + p) and copies the installments and the open ones' payment
// histories once.
//
// Errors (*apierr.Error): a loan not active, or with nothing left to pay, is
// invalid_transition (statemachine's *TransitionError, param status); a zero s missing_required_field, one before the release
// invalid_due_date, one past the horizon date_out_of_range, one before an open
// installment's last payment date_out_of_range (ErrOutOfOrder) (param paid_at); a
// nil *Loan apierr.NilReceiver; Payoff's errors otherwise.
func (l *Loan) Settle(status statemachine.LoanStatus, s calendar.Date) (*Loan, Settlement, error) {
	if l == nil {
		return nil, Settlement{}, apierr.NilReceiver("*servicing.Loan")
	}
	if status != statemachine.LoanActive || l.Paid() { // a paid loan is finished, whatever status says
		if status == statemachine.LoanActive {
			status = statemachine.LoanFinished
		}
		_, _, err := statemachine.ReceivePayment(status, false)
		return l, Settlement{}, err
	}
	if err := l.checkDate(s, paramPaidAt, true); err != nil {
		return l, Settlement{}, err
	}
	for k := range l.inst {
		in := &l.inst[k]
		if in.st.remaining(in) > 0 && s.Before(in.st.last) {
			return l, Settlement{}, apierr.Wrap(ErrOutOfOrder, apierr.DateOutOfRange, paramPaidAt,
				"paid_at %s is before installment %d's last payment, on %s; payments are applied in date order",
				s, in.number, in.st.last)
		}
	}
	po, err := l.Payoff(s)
	if err != nil {
		return l, Settlement{}, apierr.Relabel(err, paramPaidAt)
	}
	pv := make([]int64, len(po.Installments))
	var diff int64 = po.Amount - po.PrepaymentFee
	for j, it := range po.Installments {
		pv[j] = it.PresentValue
		diff -= it.PresentValue + it.Late
	}
	for j := len(pv) - 1; j >= 0 && diff != 0; j-- {
		it := po.Installments[j]
		if l.inst[it.Number-1].due.Before(s) {
			continue // overdue: paid in full, never adjusted
		}
		x := min(max(pv[j]+diff, 0), it.Remaining)
		diff -= x - pv[j]
		pv[j] = x
	}
	n := &Loan{}
	*n = *l
	n.inst = append([]installment(nil), l.inst...)
	st := Settlement{Payoff: po, Payments: make([]Payment, 0, len(po.Installments))}
	fee := po.PrepaymentFee
	for j, it := range po.Installments {
		in := &n.inst[it.Number-1]
		state := in.st
		var a Allocation
		cents := pv[j] + it.Late
		if in.due.Before(s) {
			a, err = n.apply(in, &state, s, cents, 0)
		} else {
			a, err = n.apply(in, &state, s, cents, it.Remaining-pv[j])
			if fee > 0 {
				a.PrepaymentFee, cents, fee = fee, cents+fee, 0
			}
		}
		if err != nil { // the quote was computed from this state on this date
			return l, Settlement{}, err
		}
		p := Payment{Installment: it.Number, Date: s, Amount: cents, Allocation: a}
		pays := make([]Payment, len(in.pays)+1)
		copy(pays, in.pays)
		pays[len(in.pays)] = p
		in.pays, in.st = pays, state
		n.npays++
		st.Payments = append(st.Payments, p)
	}
	for range len(st.Payments) - 1 {
		st.Events = append(st.Events, statemachine.EventLoanPaymentReceived)
	}
	final, events, err := statemachine.ReceivePayment(status, n.Paid())
	if err != nil {
		return l, Settlement{}, err
	}
	st.Status, st.Events = final, append(st.Events, events...)
	return n, st, nil
}

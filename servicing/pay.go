package servicing

import (
	"github.com/shopspring/decimal"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/calendar"
	"github.com/dinie/lending/money"
	"github.com/dinie/lending/statemachine"
)

// Allocation is how a payment was split, in cents, in the order it is applied: the
// late charges (complementary IOF, fine, mora, remuneratory interest of the delay),
// then the installment's own interest, then its principal (CC art. 354: interest
// before capital).
//
// A payment of Settle also carries Discount, the part of the installment forgiven by
// the payoff's present value (CDC art. 52 §2: the unearned interest is not owed), and
// PrepaymentFee, the fee of a company's payoff (on the settlement's first discounted
// installment). Neither is part of Interest or Principal; Discount is not money paid.
type Allocation struct {
	IOF, Fine, Mora, DelayInterest int64
	Interest, Principal            int64
	Discount, PrepaymentFee        int64
}

// Charges returns the part of the allocation that paid late charges.
func (a Allocation) Charges() int64 { return a.IOF + a.Fine + a.Mora + a.DelayInterest }

// Payment is one payment of the history: the installment it paid (installment_number,
// 1-based), its date (paid_at, a civil date: the late charges count days), its amount
// in cents and how it was allocated. It is a plain value.
type Payment struct {
	Installment int
	Date        calendar.Date
	Amount      int64
	Allocation  Allocation
}

// Receipt is what Pay reports: the payment with its allocation, the loan's status
// after it (active, or finished by the payment that left nothing to pay) and the
// events to emit (loan.payment_received, then loan.finished for the final payment;
// the payload of loan.payment_received is package webhook's Payment, built from this
// one with the instant the server received it).
type Receipt struct {
	Payment Payment
	Status  statemachine.LoanStatus
	Events  []statemachine.Event
}

// Pay applies a payment of amount, made on date on, to installment number (1-based)
// of a loan in status (the server's record of it), and returns the new loan and the
// receipt. The receiver is not modified; on error nothing is applied.
//
// A payment on or before the installment's due date (the rolled one: Lei 7.089/1983)
// is on time and pays its interest, then its principal. A later one first assesses
// the late charges accrued up to its date (the fine once, at the first late payment;
// mora, remuneratory interest and complementary IOF for the days since the delay
// began or since the last payment) and pays them, then the installment. It may not
// exceed the installment's remaining amount plus its unpaid charges on that date.
// Payments of one installment are applied in date order; several on one date are
// allowed.
//
// It copies the loan's installments and the installment's payments: O(n +
// MaxPaymentsPerInstallment) for n installments, with three allocations.
//
// Errors (*apierr.Error): a loan not active is invalid_transition (statemachine's
// *TransitionError, Action "payment"); number outside 1 … Len() is value_out_of_range
// (installment_number); amount with sub-cent digits invalid_format, zero or negative
// amount_out_of_range (apierr.ErrRange), above what the installment owes, or on a
// paid installment, amount_out_of_range (ErrOverpayment) (amount); a zero date is
// missing_required_field, one before the release invalid_due_date, one before the
// installment's last payment date_out_of_range (ErrOutOfOrder), one past the horizon
// date_out_of_range (paid_at); the 101st payment of an installment value_out_of_range
// (ErrTooManyPayments); late charges beyond the bound amount_out_of_range
// (ErrBeyondBound, paid_at).
func (l *Loan) Pay(status statemachine.LoanStatus, number int, amount decimal.Decimal, on calendar.Date) (*Loan, Receipt, error) {
	if l == nil {
		return nil, Receipt{}, apierr.NilReceiver("*servicing.Loan")
	}
	if status != statemachine.LoanActive {
		_, _, err := statemachine.ReceivePayment(status, false)
		return l, Receipt{}, err
	}
	if number < 1 || number > len(l.inst) {
		return l, Receipt{}, apierr.Wrap(apierr.ErrRange, apierr.ValueOutOfRange, paramNumber,
			"installment_number %d is outside 1 to %d", number, len(l.inst))
	}
	cents, err := money.ToCents(amount)
	if err != nil {
		return l, Receipt{}, apierr.Relabel(err, paramAmount)
	}
	if cents <= 0 {
		return l, Receipt{}, apierr.Wrap(apierr.ErrRange, apierr.AmountOutOfRange, paramAmount,
			"amount %s is not positive; a payment is 0.01 or more", money.FormatCents(cents))
	}
	if err := l.checkDate(on, paramPaidAt, true); err != nil {
		return l, Receipt{}, err
	}
	in := &l.inst[number-1]
	switch {
	case len(in.pays) >= MaxPaymentsPerInstallment:
		return l, Receipt{}, apierr.Wrap(ErrTooManyPayments, apierr.ValueOutOfRange, paramNumber,
			"installment %d already has %d payments, the most it takes", number, MaxPaymentsPerInstallment)
	case !in.st.last.IsZero() && on.Before(in.st.last):
		return l, Receipt{}, apierr.Wrap(ErrOutOfOrder, apierr.DateOutOfRange, paramPaidAt,
			"paid_at %s is before installment %d's last payment, on %s; payments are applied in date order",
			on, number, in.st.last)
	}
	st := in.st
	alloc, err := l.apply(in, &st, on, cents, 0)
	if err != nil {
		return l, Receipt{}, err
	}
	n := &Loan{}
	*n = *l
	n.inst = append([]installment(nil), l.inst...)
	p := Payment{Installment: number, Date: on, Amount: cents, Allocation: alloc}
	pays := make([]Payment, len(in.pays)+1)
	copy(pays, in.pays)
	pays[len(in.pays)] = p
	n.inst[number-1].pays, n.inst[number-1].st = pays, st
	n.npays++
	final, events, err := statemachine.ReceivePayment(status, n.Paid())
	if err != nil { // status was checked: unreachable
		return l, Receipt{}, err
	}
	return n, Receipt{Payment: p, Status: final, Events: events}, nil
}

// checkDate checks a date a caller passes: set, not past the horizon and, when
// notBefore, not before the release.
func (l *Loan) checkDate(d calendar.Date, param string, notBefore bool) error {
	switch {
	case d.IsZero():
		return apierr.Wrap(apierr.ErrEmpty, apierr.MissingRequiredField, param, "%s is required", param)
	case notBefore && d.Before(l.release):
		return apierr.Errorf(apierr.InvalidDueDate, param, "%s %s is before release_date %s", param, d, l.release)
	case d.After(l.horizon):
		return apierr.Wrap(apierr.ErrRange, apierr.DateOutOfRange, param,
			"%s %s is more than %d days after the last due date; the library computes up to %s",
			param, d, MaxHorizonDays, l.horizon)
	}
	return nil
}

// apply applies a payment of cents on date on to in, whose state st it updates. On
// error st is unchanged. A positive discount (Settle's, on an installment not yet
// due) forgives that much of the installment, interest first, and the payment must
// pay the rest exactly.
func (l *Loan) apply(in *installment, st *state, on calendar.Date, cents, discount int64) (Allocation, error) {
	s := *st
	rem := s.remaining(in)
	if rem == 0 {
		return Allocation{}, apierr.Wrap(ErrOverpayment, apierr.AmountOutOfRange, paramAmount,
			"installment %d is paid; nothing remains", in.number)
	}
	var a Allocation
	left := cents
	if on.After(in.due) {
		seg, err := l.segment(in, &s, on, paramPaidAt)
		if err != nil {
			return a, err
		}
		s.late, s.from = true, on
		s.assessed = s.assessed.plus(seg)
		owed := s.assessed.minus(s.paid)
		if cents > rem+owed.total() {
			return a, overpayment(in.number, cents, rem, owed.total(), on)
		}
		take := func(owed int64) int64 {
			x := min(owed, left)
			left -= x
			return x
		}
		a.IOF, a.Fine, a.Mora, a.DelayInterest = take(owed.iof), take(owed.fine), take(owed.mora), take(owed.interest)
		s.paid = s.paid.plus(charges{a.IOF, a.Fine, a.Mora, a.DelayInterest})
	} else if cents+discount > rem {
		return a, overpayment(in.number, cents, rem-discount, 0, on)
	}
	owedInterest := in.interest - s.paidInterest - s.forgivenInterest
	forgiven := min(discount, max(owedInterest, 0))
	a.Discount = discount
	a.Interest = min(left, owedInterest-forgiven)
	a.Principal = left - a.Interest
	s.paidInterest += a.Interest
	s.paidPrincipal += a.Principal
	s.forgivenInterest += forgiven
	s.forgivenPrincipal += discount - forgiven
	if s.remaining(in) == 0 {
		s.settled = on
	}
	s.last = on
	*st = s
	return a, nil
}

func overpayment(number int, cents, rem, owed int64, on calendar.Date) error {
	detail := "amount_remaining " + money.FormatCents(rem)
	if owed > 0 {
		detail += " + late charges " + money.FormatCents(owed) + " = " + money.FormatCents(rem+owed)
	}
	return apierr.Wrap(ErrOverpayment, apierr.AmountOutOfRange, paramAmount,
		"amount %s is above what installment %d owes on %s: %s", money.FormatCents(cents), number, on, detail)
}

// stateAt returns in's state as of date asOf and how many of its payments count: the
// stored state when every payment is dated on or before asOf, else the state replayed
// into buf from the payments up to asOf. The state returned must not be modified.
func (l *Loan) stateAt(in *installment, asOf calendar.Date, buf *state) (*state, int) {
	if !asOf.Before(in.st.last) {
		return &in.st, len(in.pays)
	}
	*buf = state{}
	p := 0
	for ; p < len(in.pays) && !in.pays[p].Date.After(asOf); p++ {
		// Replaying what was accepted reproduces it: the same payments on the same
		// dates assess the same charges.
		_, _ = l.apply(in, buf, in.pays[p].Date, in.pays[p].Amount-in.pays[p].Allocation.PrepaymentFee, in.pays[p].Allocation.Discount)
	}
	return buf, p
}

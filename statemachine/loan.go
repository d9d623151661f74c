package statemachine

import (
	"encoding/json"
	"time"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/money"
	"github.com/dinie/lending/validation"
	"github.com/shopspring/decimal"
)

// Loan is the part of a loan (ln_) its payments need: its status and its installments,
// installment k+1 at index k (the schedule's order). Loan is a value: Pay returns a new
// Loan with a new Installments slice and never modifies the receiver's.
type Loan struct {
	Status       LoanStatus
	Installments []Installment
}

// Payment is the payload of a loan.payment_received event (api-contract.md, "Events":
// payment{amount, paid_at, installment_number}). It marshals to JSON in the wire format:
// amount as a money string with two decimals, paid_at in UTC.
type Payment struct {
	Amount            decimal.Decimal `json:"amount"`
	PaidAt            time.Time       `json:"paid_at"`
	InstallmentNumber int             `json:"installment_number"`
}

// MarshalJSON writes {"amount": "150.00", "paid_at": "2026-05-15T13:00:00Z",
// "installment_number": 1}: the amount in the money wire format (money.Format)
// and paid_at in UTC.
func (p Payment) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Amount            string `json:"amount"`
		PaidAt            string `json:"paid_at"`
		InstallmentNumber int    `json:"installment_number"`
	}{money.Format(p.Amount), p.PaidAt.UTC().Format(time.RFC3339Nano), p.InstallmentNumber})
}

// Receipt is what Loan.Pay reports: how the payment was allocated, the events to emit
// (loan.payment_received, then loan.finished for the final payment) and the payload of
// loan.payment_received.
type Receipt struct {
	Allocation Allocation
	Events     []Event
	Payment    Payment
}

// Paid reports whether every installment of l is paid (and l has at least one valid
// installment): the condition of the active → finished edge.
func (l Loan) Paid() bool {
	if len(l.Installments) == 0 {
		return false
	}
	for _, in := range l.Installments {
		if !in.ok || in.remainingCents() != 0 {
			return false
		}
	}
	return true
}

// Pay applies a payment of amount, made at instant paidAt, to installment number
// (1-based), as Installment.Pay does, and returns the new loan and the receipt
// (lifecycles.md, "Loan": "loan.payment_received on every payment while active (the
// final payment emits loan.payment_received and then loan.finished)"). When the payment
// leaves nothing to pay on any installment, the new loan is finished: that is the only
// way a loan takes the active → finished edge.
//
// paidAt is carried into the event; it does not change the installment's status, which
// Installment.Status computes as of a date. On error the receiver is returned unchanged
// and nothing is applied.
//
// Errors: a loan not active is invalid_transition with a *TransitionError whose Action
// is "payment" (matching ErrTerminal for finished, cancelled and error); a loan without
// installments, or with one not built by NewInstallment, is invalid_format for param
// installments; an active loan whose installments are all paid is invalid_format for
// param status; a number outside 1 … len(Installments) is invalid_format for param
// installment_number; a zero paidAt is missing_required_field; amount errors are
// Installment.Pay's.
func (l Loan) Pay(number int, amount decimal.Decimal, paidAt time.Time) (Loan, Receipt, error) {
	if err := l.checkPayable(); err != nil {
		return l, Receipt{}, err
	}
	if number < 1 || number > len(l.Installments) {
		return l, Receipt{}, apierr.Wrap(apierr.ErrRange, apierr.InvalidFormat,
			"installment_number", "installment_number %d is outside 1 to %d", number, len(l.Installments))
	}
	if err := checkInstant(paidAt, "paid_at"); err != nil {
		return l, Receipt{}, err
	}
	in, alloc, err := l.Installments[number-1].Pay(amount)
	if err != nil {
		return l, Receipt{}, err
	}
	n := Loan{Status: l.Status, Installments: append([]Installment(nil), l.Installments...)}
	n.Installments[number-1] = in
	r := Receipt{
		Allocation: alloc,
		Events:     []Event{EventLoanPaymentReceived},
		// From cents, so the amount has exponent −2 whatever the caller's (10.5 → 10.50).
		Payment: Payment{Amount: money.FromCents(in.paid - l.Installments[number-1].paid),
			PaidAt: paidAt, InstallmentNumber: number},
	}
	if n.Paid() {
		ev, err := loanLifecycle.move(LoanActive, LoanFinished, true)
		if err != nil {
			return l, Receipt{}, err
		}
		n.Status = LoanFinished
		r.Events = append(r.Events, ev...)
	}
	return n, r, nil
}

func (l Loan) checkPayable() error {
	if !l.Status.Valid() {
		return apierr.Wrap(ErrUnknownStatus, apierr.InvalidFormat, "status",
			"%s is not a loan status", l.Status)
	}
	if l.Status != LoanActive {
		te := &TransitionError{Resource: validation.Loan, From: l.Status.String(), Action: "payment",
			Terminal: loanLifecycle.Terminal(l.Status)}
		return transitionError(te, "a loan receives payments only while active; it is %s", l.Status)
	}
	if len(l.Installments) == 0 {
		return apierr.Errorf(apierr.InvalidFormat, "installments",
			"an active loan has at least one installment")
	}
	for k, in := range l.Installments {
		if !in.ok {
			return errInvalidInstallment(k)
		}
	}
	if l.Paid() {
		// Only Pay finishes a loan, and it does so with the final payment, so an active
		// loan with nothing to pay is a record out of step with its installments.
		return apierr.Errorf(apierr.InvalidFormat, "status",
			"the loan is active but every installment is paid; it should be finished")
	}
	return nil
}

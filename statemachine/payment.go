package statemachine

import (
	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/validation"
)

// ReceivePayment returns the loan's status and the events to emit after a payment is
// applied to a loan in status (docs/lifecycles.md §7's rule, here in the package's own words:
// every payment while active emits loan.payment_received; the payment that leaves
// nothing to pay on any installment also takes the guarded active → finished edge and
// emits loan.finished, after loan.payment_received). final says whether the payment
// settled the loan; the caller computes it from the installments, which this package
// does not hold (servicing.Loan.Pay does, and calls ReceivePayment).
//
// Errors: a status that is not a loan status is invalid_format (ErrUnknownStatus,
// param status); a loan not active is invalid_transition with a *TransitionError whose
// Action is "payment" (matching ErrTerminal for finished, cancelled and error). The
// events are a new slice the caller owns.
func ReceivePayment(status LoanStatus, final bool) (LoanStatus, []Event, error) {
	if !status.Valid() {
		return status, nil, apierr.Wrap(ErrUnknownStatus, apierr.InvalidFormat, "status",
			"%s is not a loan status", status)
	}
	if status != LoanActive {
		te := &TransitionError{Resource: validation.Loan, From: status.String(), Action: "payment",
			Terminal: loanLifecycle.Terminal(status)}
		return status, nil, transitionError(te, "a loan receives payments only while active; it is %s", status)
	}
	if !final {
		return LoanActive, []Event{EventLoanPaymentReceived}, nil
	}
	ev, err := loanLifecycle.move(LoanActive, LoanFinished, true)
	if err != nil { // the table has the edge; kept so no path can skip the check
		return status, nil, err
	}
	return LoanFinished, append([]Event{EventLoanPaymentReceived}, ev...), nil
}

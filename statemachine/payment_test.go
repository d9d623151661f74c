package statemachine

import (
	"errors"
	"testing"

	"github.com/dinie/lending/apierr"
)

// TestReceivePayment holds the loan rule (lifecycles, "Loan": loan.payment_received on
// every payment while active; the final payment emits loan.payment_received and then
// loan.finished) for every loan status.
func TestReceivePayment(t *testing.T) {
	for _, s := range LoanLifecycle().States() {
		for _, final := range []bool{false, true} {
			got, ev, err := ReceivePayment(s, final)
			switch {
			case s != LoanActive:
				var te *TransitionError
				if !errors.As(err, &te) || te.Action != "payment" || !errors.Is(err, apierr.InvalidTransition) ||
					errors.Is(err, ErrTerminal) != LoanLifecycle().Terminal(s) || got != s || ev != nil {
					t.Errorf("ReceivePayment(%s, %v) = %s, %v, %v; want invalid_transition (payment)", s, final, got, ev, err)
				}
			case final:
				if err != nil || got != LoanFinished || !slicesEqual(ev, EventLoanPaymentReceived, EventLoanFinished) {
					t.Errorf("ReceivePayment(active, true) = %s, %v, %v", got, ev, err)
				}
			default:
				if err != nil || got != LoanActive || !slicesEqual(ev, EventLoanPaymentReceived) {
					t.Errorf("ReceivePayment(active, false) = %s, %v, %v", got, ev, err)
				}
			}
		}
	}
	if _, _, err := ReceivePayment(LoanStatus(99), false); !errors.Is(err, ErrUnknownStatus) || !errors.Is(err, apierr.InvalidFormat) {
		t.Errorf("ReceivePayment(99) = %v; want invalid_format", err)
	}
	_, ev, _ := ReceivePayment(LoanActive, false)
	ev[0] = EventLoanError
	if _, again, _ := ReceivePayment(LoanActive, false); again[0] != EventLoanPaymentReceived {
		t.Error("the events slice is shared between calls")
	}
}

package servicing_test

import (
	"errors"
	"testing"

	"pgregory.net/rapid"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/calendar"
	"github.com/dinie/lending/iof"
	"github.com/dinie/lending/schedule"
	"github.com/dinie/lending/servicing"
	"github.com/dinie/lending/statemachine"
)

// TestSettleByHand: one installment of 1,000.00 a month after the release, at 1 %
// a.m. (principal 990.10, interest 9.90). By hand: settled on the release it pays
// 1,000 / 1.01 = 990.0990… → 990.10 and is forgiven 9.90, all of it interest; settled
// on the due date it pays 1,000.00 (interest 9.90, principal 990.10), no discount.
func TestSettleByHand(t *testing.T) {
	rate, err := schedule.ParsePercentPerMonth("1")
	if err != nil {
		t.Fatal(err)
	}
	c := servicing.Contract{Release: day(t, "2026-03-02"), Rate: rate, DayCount: schedule.MonthlyProRata,
		Class: iof.Individual, Principal: 99010, Rows: []schedule.CentsRow{{Number: 1,
			NominalDate: day(t, "2026-04-02"), DueDate: day(t, "2026-04-02"), Payment: 100000, Interest: 990, Principal: 99010}}}
	l, err := servicing.New(c, servicing.DefaultTerms())
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		on                                    string
		amount, interest, principal, discount int64
	}{
		{"2026-03-02", 99010, 0, 99010, 990},
		{"2026-04-02", 100000, 990, 99010, 0},
	} {
		done, st, err := l.Settle(statemachine.LoanActive, day(t, tc.on))
		if err != nil {
			t.Fatalf("Settle(%s): %v", tc.on, err)
		}
		if len(st.Payments) != 1 || st.Status != statemachine.LoanFinished {
			t.Fatalf("Settle(%s) = %+v", tc.on, st)
		}
		a, p := st.Payments[0].Allocation, st.Payments[0]
		if p.Amount != tc.amount || a.Interest != tc.interest || a.Principal != tc.principal || a.Discount != tc.discount {
			t.Errorf("Settle(%s): paid %d (interest %d, principal %d, discount %d); want %d (%d, %d, %d)", tc.on,
				p.Amount, a.Interest, a.Principal, a.Discount, tc.amount, tc.interest, tc.principal, tc.discount)
		}
		txs, err := done.Transactions(day(t, "2026-06-01"))
		if err != nil {
			t.Fatal(err)
		}
		if tx := txs[0]; tx.Status != statemachine.InstallmentPaid || tx.AmountPaid != tc.amount || tx.AmountRemaining != 0 ||
			tx.Late.Owed != 0 || tx.PaidAt != day(t, tc.on) {
			t.Errorf("after Settle(%s), two months on: %+v", tc.on, tx)
		}
	}
	// The receiver is not modified.
	if txs, _ := l.Transactions(day(t, "2026-03-10")); txs[0].AmountRemaining != 100000 {
		t.Errorf("Settle modified its receiver: %+v", txs[0])
	}
}

// TestSettleErrors: each refusal with its code, param and sentinel.
func TestSettleErrors(t *testing.T) {
	sim := simulate(t, simTerms{amount: "10000.00", n: 12, rate: "3", release: "2026-03-10"})
	l := book(t, sim, servicing.DefaultTerms())
	due1 := sim.CentsRow(1).DueDate
	paid, _ := pay(t, l, 1, 100, addDays(t, due1, 5))
	var nilLoan *servicing.Loan
	for _, tc := range []struct {
		name   string
		loan   *servicing.Loan
		status statemachine.LoanStatus
		on     calendar.Date
		code   apierr.Code
		param  string
		is     error
	}{
		{"not active", l, statemachine.LoanFinished, due1, apierr.InvalidTransition, "status", nil},
		{"zero date", l, statemachine.LoanActive, calendar.Date{}, apierr.MissingRequiredField, "paid_at", nil},
		{"before the release", l, statemachine.LoanActive, addDays(t, sim.Release(), -1), apierr.InvalidDueDate, "paid_at", nil},
		{"before a payment", paid, statemachine.LoanActive, due1, apierr.DateOutOfRange, "paid_at", servicing.ErrOutOfOrder},
		{"nil loan", nilLoan, statemachine.LoanActive, due1, "", "", nil},
	} {
		_, _, err := tc.loan.Settle(tc.status, tc.on)
		var e *apierr.Error
		if !errors.As(err, &e) {
			t.Errorf("%s: %v is not an *apierr.Error", tc.name, err)
			continue
		}
		if tc.code != "" && (e.Code != tc.code || e.Param != tc.param) {
			t.Errorf("%s: %s %q; want %s %q", tc.name, e.Code, e.Param, tc.code, tc.param)
		}
		if tc.is != nil && !errors.Is(err, tc.is) {
			t.Errorf("%s: %v is not %v", tc.name, err, tc.is)
		}
	}
}

// TestPropSettlePaysThePayoff: on any loan after any payments, settling on a date
// after them records payments that sum to Payoff's amount, each closing its
// installment exactly (paid + discount = remaining + late charges owed), leaves every
// installment paid with nothing accruing after, finishes the loan with one
// loan.payment_received per payment then loan.finished, and leaves the receiver as
// it was. Payoff and Transactions are the second reading the settlement is held to.
func TestPropSettlePaysThePayoff(t *testing.T) {
	settled, discounted := 0, 0
	rapid.Check(t, func(t *rapid.T) {
		d := genLoan(t, 12)
		l, s := d.loan, d.sim.Release()
		last := d.sim.CentsRow(d.sim.NumberOfInstallments()).DueDate
		if rapid.Bool().Draw(t, "with_payments") {
			l, _ = genPayments(t, d)
			for _, p := range l.Payments() {
				if p.Date.After(s) {
					s = p.Date
				}
			}
		}
		s = addDays(t, s, rapid.IntRange(0, max(calendar.DaysBetween(s, last), 0)+60).Draw(t, "after"))
		before, err := l.Transactions(s)
		if err != nil {
			t.Fatal(err)
		}
		po, err := l.Payoff(s)
		if err != nil {
			t.Fatal(err)
		}
		done, st, err := l.Settle(statemachine.LoanActive, s)
		if l.Paid() { // the payments paid it all: nothing to settle
			if e := (*apierr.Error)(nil); !errors.As(err, &e) || e.Code != apierr.InvalidTransition {
				t.Fatalf("Settle of a paid loan: %v; want invalid_transition", err)
			}
			return
		}
		if err != nil {
			t.Fatalf("Settle(%s): %v", s, err)
		}
		settled++
		var sum int64
		for _, p := range st.Payments {
			sum += p.Amount
			if p.Allocation.Discount > 0 {
				discounted++
			}
			tx := before[p.Installment-1]
			a := p.Allocation
			if p.Amount-a.PrepaymentFee+a.Discount != tx.AmountRemaining+tx.Late.Owed || a.Discount < 0 || a.Charges() != tx.Late.Owed {
				t.Fatalf("installment %d: paid %d (fee %d, discount %d, charges %d); it owed %d + late %d", p.Installment,
					p.Amount, a.PrepaymentFee, a.Discount, a.Charges(), tx.AmountRemaining, tx.Late.Owed)
			}
			if a.Discount > 0 && tx.DueDate.Before(s) {
				t.Fatalf("installment %d, due %s, discounted on %s", p.Installment, tx.DueDate, s)
			}
		}
		if sum != po.Amount || len(st.Payments) != len(po.Installments) {
			t.Fatalf("payments sum to %d over %d; the payoff is %d over %d", sum, len(st.Payments), po.Amount, len(po.Installments))
		}
		if st.Status != statemachine.LoanFinished || len(st.Events) != len(st.Payments)+1 ||
			st.Events[len(st.Events)-1] != statemachine.EventLoanFinished {
			t.Fatalf("status %s, events %v", st.Status, st.Events)
		}
		later, err := done.Transactions(addDays(t, s, 90))
		if err != nil {
			t.Fatal(err)
		}
		for _, tx := range later {
			if tx.Status != statemachine.InstallmentPaid || tx.AmountRemaining != 0 || tx.Late.Owed != 0 {
				t.Fatalf("after settling, installment %d: %+v", tx.Number, tx)
			}
		}
		if !done.Paid() {
			t.Fatal("settled loan not paid")
		}
		again, err := l.Payoff(s)
		if err != nil || again.Amount != po.Amount {
			t.Fatalf("the receiver changed: payoff %d then %d (%v)", po.Amount, again.Amount, err)
		}
	})
	if settled < 30 || discounted < 30 {
		t.Errorf("only %d of 100 draws settled, %d installments discounted: the draws miss the property", settled, discounted)
	}
}

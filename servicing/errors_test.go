package servicing_test

import (
	"errors"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/calendar"
	"github.com/dinie/lending/iof"
	"github.com/dinie/lending/schedule"
	"github.com/dinie/lending/servicing"
	"github.com/dinie/lending/statemachine"
)

// TestErrors walks every error path of the exported API: each is a *apierr.Error with
// the documented code, param and reason, and nothing is applied.
func TestErrors(t *testing.T) {
	good := single(t, iof.Individual, "3", 300_000, "2026-04-02", "2026-04-02")
	loan, err := servicing.New(good, servicing.DefaultTerms())
	if err != nil {
		t.Fatal(err)
	}
	paid, _ := pay(t, loan, 1, 300_000, day(t, "2026-04-02"))
	late, _ := pay(t, loan, 1, 100, day(t, "2026-04-20"))
	edit := func(f func(c *servicing.Contract)) servicing.Contract {
		c := good
		c.Rows = append([]schedule.CentsRow(nil), good.Rows...)
		f(&c)
		return c
	}
	terms := func(f func(*servicing.Terms)) servicing.Terms {
		x := servicing.DefaultTerms()
		f(&x)
		return x
	}
	newErr := func(c servicing.Contract, tt servicing.Terms) func() error {
		return func() error { _, err := servicing.New(c, tt); return err }
	}
	active := statemachine.LoanActive
	d := func(s string) calendar.Date { return day(t, s) }
	far := d("2126-12-31")
	var nilLoan *servicing.Loan
	tests := []struct {
		name   string
		call   func() error
		code   apierr.Code
		param  string
		reason error
	}{
		{"book nil", func() error { _, err := servicing.Book(nil, servicing.Terms{}); return err }, apierr.MissingRequiredField, "simulation", apierr.ErrEmpty},
		{"no class", newErr(edit(func(c *servicing.Contract) { c.Class = 0 }), servicing.Terms{}), apierr.MissingRequiredField, "borrower_class", apierr.ErrEmpty},
		{"bad class", newErr(edit(func(c *servicing.Contract) { c.Class = 7 }), servicing.Terms{}), apierr.InvalidFormat, "borrower_class", iof.ErrUnknownClass},
		{"no release", newErr(edit(func(c *servicing.Contract) { c.Release = calendar.Date{} }), servicing.Terms{}), apierr.MissingRequiredField, "release_date", apierr.ErrEmpty},
		{"release before the IOF table", newErr(edit(func(c *servicing.Contract) { c.Release = d("2012-05-22") }), servicing.Terms{}), apierr.DateOutOfRange, "release_date", apierr.ErrRange},
		{"principal", newErr(edit(func(c *servicing.Contract) { c.Principal = 99 }), servicing.Terms{}), apierr.AmountOutOfRange, "principal", apierr.ErrRange},
		{"day count", newErr(edit(func(c *servicing.Contract) { c.DayCount = 9 }), servicing.Terms{}), apierr.InvalidFormat, "day_count", nil},
		{"no rows", newErr(edit(func(c *servicing.Contract) { c.Rows = nil }), servicing.Terms{}), apierr.InstallmentsOutOfRange, "installments", apierr.ErrRange},
		{"zero due date", newErr(edit(func(c *servicing.Contract) { c.Rows[0].DueDate = calendar.Date{} }), servicing.Terms{}), apierr.MissingRequiredField, "due_date", apierr.ErrEmpty},
		{"zero nominal date", newErr(edit(func(c *servicing.Contract) { c.Rows[0].NominalDate = calendar.Date{} }), servicing.Terms{}), apierr.MissingRequiredField, "nominal_date", apierr.ErrEmpty},
		{"due on the release", newErr(edit(func(c *servicing.Contract) { c.Rows[0].DueDate = c.Release }), servicing.Terms{}), apierr.InvalidDueDate, "due_date", nil},
		{"row number", newErr(edit(func(c *servicing.Contract) { c.Rows[0].Number = 2 }), servicing.Terms{}), apierr.InvalidFormat, "schedule", servicing.ErrInconsistentSchedule},
		{"payment ≠ interest + principal", newErr(edit(func(c *servicing.Contract) { c.Rows[0].Interest = 1 }), servicing.Terms{}), apierr.InvalidFormat, "schedule", servicing.ErrInconsistentSchedule},
		{"balance out of step", newErr(edit(func(c *servicing.Contract) { c.Rows[0].Balance = 1 }), servicing.Terms{}), apierr.InvalidFormat, "schedule", servicing.ErrInconsistentSchedule},
		{"last balance", newErr(edit(func(c *servicing.Contract) {
			c.Rows[0].Principal, c.Rows[0].Payment, c.Rows[0].Balance = 200_000, 200_000, 100_000
		}), servicing.Terms{}), apierr.InvalidFormat, "schedule", servicing.ErrInconsistentSchedule},
		{"huge row", newErr(edit(func(c *servicing.Contract) { c.Rows[0].Payment = iof.MaxAmortizationCents + 1 }), servicing.Terms{}), apierr.AmountOutOfRange, "schedule", apierr.ErrRange},
		{"fine above the consumer cap", newErr(good, terms(func(x *servicing.Terms) { x.FinePercent = decimal.RequireFromString("2.01") })), apierr.RateOutOfRange, "fine_percent", servicing.ErrLegalCap},
		{"fine above the company cap", newErr(edit(func(c *servicing.Contract) { c.Class = iof.Company }), terms(func(x *servicing.Terms) { x.FinePercent = decimal.RequireFromString("10.5") })), apierr.RateOutOfRange, "fine_percent", servicing.ErrLegalCap},
		{"negative fine", newErr(good, terms(func(x *servicing.Terms) { x.FinePercent = decimal.RequireFromString("-1") })), apierr.RateOutOfRange, "fine_percent", apierr.ErrRange},
		{"mora above 1 %", newErr(good, terms(func(x *servicing.Terms) { x.MoraPercent = decimal.RequireFromString("1.5") })), apierr.RateOutOfRange, "mora_percent", servicing.ErrLegalCap},
		{"mora precision", newErr(good, terms(func(x *servicing.Terms) { x.MoraPercent = decimal.RequireFromString("0.00000000001") })), apierr.InvalidFormat, "mora_percent", apierr.ErrPrecision},
		{"huge exponent", newErr(good, terms(func(x *servicing.Terms) { x.MoraPercent = decimal.New(1, 2147483647) })), apierr.RateOutOfRange, "mora_percent", apierr.ErrRange},
		{"fee for an individual", newErr(good, terms(func(x *servicing.Terms) { x.PrepaymentFeePercent = decimal.New(1, 0) })), apierr.RateOutOfRange, "prepayment_fee_percent", servicing.ErrLegalCap},
		{"fee for a simples company", newErr(edit(func(c *servicing.Contract) { c.Class = iof.Simples }), terms(func(x *servicing.Terms) { x.PrepaymentFeePercent = decimal.New(1, -2) })), apierr.RateOutOfRange, "prepayment_fee_percent", servicing.ErrLegalCap},
		{"delay interest mode", newErr(good, terms(func(x *servicing.Terms) { x.DelayInterest = 5 })), apierr.InvalidFormat, "interest", apierr.ErrUnknown},
		{"count from", newErr(good, terms(func(x *servicing.Terms) { x.CountFrom = 5 })), apierr.InvalidFormat, "count_from", apierr.ErrUnknown},

		{"pay a loan not active", func() error {
			_, _, err := loan.Pay(statemachine.LoanSigned, 1, cents(100), d("2026-04-02"))
			return err
		}, apierr.InvalidTransition, "status", nil},
		{"pay a finished loan", func() error {
			_, _, err := loan.Pay(statemachine.LoanFinished, 1, cents(100), d("2026-04-02"))
			return err
		}, apierr.InvalidTransition, "status", statemachine.ErrTerminal},
		{"installment number", func() error { _, _, err := loan.Pay(active, 2, cents(100), d("2026-04-02")); return err }, apierr.ValueOutOfRange, "installment_number", apierr.ErrRange},
		{"sub-cent payment", func() error {
			_, _, err := loan.Pay(active, 1, decimal.RequireFromString("1.005"), d("2026-04-02"))
			return err
		}, apierr.InvalidFormat, "amount", apierr.ErrPrecision},
		{"zero payment", func() error { _, _, err := loan.Pay(active, 1, decimal.Zero, d("2026-04-02")); return err }, apierr.AmountOutOfRange, "amount", apierr.ErrRange},
		{"negative payment", func() error { _, _, err := loan.Pay(active, 1, cents(-1), d("2026-04-02")); return err }, apierr.AmountOutOfRange, "amount", apierr.ErrRange},
		{"more than owed on time", func() error { _, _, err := loan.Pay(active, 1, cents(300_001), d("2026-04-02")); return err }, apierr.AmountOutOfRange, "amount", servicing.ErrOverpayment},
		{"more than owed late", func() error { _, _, err := loan.Pay(active, 1, cents(400_000), d("2026-04-12")); return err }, apierr.AmountOutOfRange, "amount", servicing.ErrOverpayment},
		{"on a paid installment", func() error { _, _, err := paid.Pay(active, 1, cents(1), d("2026-04-03")); return err }, apierr.AmountOutOfRange, "amount", servicing.ErrOverpayment},
		{"zero date", func() error { _, _, err := loan.Pay(active, 1, cents(100), calendar.Date{}); return err }, apierr.MissingRequiredField, "paid_at", apierr.ErrEmpty},
		{"before the release", func() error { _, _, err := loan.Pay(active, 1, cents(100), d("2026-03-01")); return err }, apierr.InvalidDueDate, "paid_at", nil},
		{"out of order", func() error { _, _, err := late.Pay(active, 1, cents(100), d("2026-04-19")); return err }, apierr.DateOutOfRange, "paid_at", servicing.ErrOutOfOrder},
		{"past the horizon", func() error { _, _, err := loan.Pay(active, 1, cents(100), far); return err }, apierr.DateOutOfRange, "paid_at", apierr.ErrRange},

		{"transactions zero date", func() error { _, err := loan.Transactions(calendar.Date{}); return err }, apierr.MissingRequiredField, "as_of", apierr.ErrEmpty},
		{"transactions past the horizon", func() error { _, err := loan.Transactions(far); return err }, apierr.DateOutOfRange, "as_of", apierr.ErrRange},
		{"payoff before the release", func() error { _, err := loan.Payoff(d("2026-03-01")); return err }, apierr.InvalidDueDate, "date", nil},
		{"payoff zero date", func() error { _, err := loan.Payoff(calendar.Date{}); return err }, apierr.MissingRequiredField, "date", apierr.ErrEmpty},
		{"prepay overdue", func() error { _, err := loan.Prepay(d("2026-04-10"), cents(100), servicing.ReduceTerm); return err }, apierr.InstallmentOverdue, "date", nil},
		{"prepay the whole", func() error { _, err := loan.Prepay(d("2026-03-10"), cents(300_000), servicing.ReduceTerm); return err }, apierr.AmountOutOfRange, "amount", servicing.ErrTotalSettlement},
		{"prepay a paid loan", func() error { _, err := paid.Prepay(d("2026-04-10"), cents(1), servicing.ReduceTerm); return err }, apierr.AmountOutOfRange, "amount", servicing.ErrTotalSettlement},
		{"prepay zero", func() error { _, err := loan.Prepay(d("2026-03-10"), decimal.Zero, servicing.ReduceTerm); return err }, apierr.AmountOutOfRange, "amount", apierr.ErrRange},
		{"prepay mode", func() error { _, err := loan.Prepay(d("2026-03-10"), cents(100), servicing.Mode(9)); return err }, apierr.InvalidFormat, "mode", apierr.ErrUnknown},

		{"parse mode", func() error { _, err := servicing.ParseMode("reduce"); return err }, apierr.InvalidFormat, "mode", apierr.ErrUnknown},
		{"parse interest", func() error { _, err := servicing.ParseDelayInterest("Compound"); return err }, apierr.InvalidFormat, "interest", apierr.ErrUnknown},
		{"parse count from", func() error { _, err := servicing.ParseCountFrom(""); return err }, apierr.InvalidFormat, "count_from", apierr.ErrUnknown},

		{"nil pay", func() error { _, _, err := nilLoan.Pay(active, 1, cents(1), d("2026-04-02")); return err }, apierr.Internal, "", apierr.ErrNil},
		{"nil transactions", func() error { _, err := nilLoan.Transactions(d("2026-04-02")); return err }, apierr.Internal, "", apierr.ErrNil},
		{"nil payoff", func() error { _, err := nilLoan.Payoff(d("2026-04-02")); return err }, apierr.Internal, "", apierr.ErrNil},
		{"nil prepay", func() error { _, err := nilLoan.Prepay(d("2026-04-02"), cents(1), 0); return err }, apierr.Internal, "", apierr.ErrNil},
	}
	for _, tt := range tests {
		err := tt.call()
		var e *apierr.Error
		if !errors.As(err, &e) || e.Code != tt.code || e.Param != tt.param || (tt.reason != nil && !errors.Is(err, tt.reason)) {
			t.Errorf("%s: %v; want %s on %q (%v)", tt.name, err, tt.code, tt.param, tt.reason)
		}
	}
	// Nothing was applied on error.
	if txs, _ := loan.Transactions(d("2026-04-01")); txs[0].AmountPaid != 0 || len(loan.Payments()) != 0 {
		t.Error("a refused payment changed the loan")
	}
	if nilLoan.Len() != 0 || nilLoan.Paid() || nilLoan.Payments() != nil || !nilLoan.Release().IsZero() {
		t.Error("a nil loan's accessors answer something")
	}
}

// TestTooManyPayments: the 101st payment of an installment is refused.
func TestTooManyPayments(t *testing.T) {
	l, err := servicing.New(single(t, iof.Individual, "0", 300_000, "2026-04-02", "2026-04-02"), servicing.Terms{})
	if err != nil {
		t.Fatal(err)
	}
	on := day(t, "2026-04-01")
	for range servicing.MaxPaymentsPerInstallment {
		l, _ = pay(t, l, 1, 1, on)
	}
	_, _, err = l.Pay(statemachine.LoanActive, 1, cents(1), on)
	if !errors.Is(err, servicing.ErrTooManyPayments) || !errors.Is(err, apierr.ValueOutOfRange) {
		t.Errorf("payment %d: %v; want value_out_of_range (ErrTooManyPayments)", servicing.MaxPaymentsPerInstallment+1, err)
	}
}

// TestChargesBeyondBound: a century of compound delay at 100 % a.m. is refused, not
// overflowed.
func TestChargesBeyondBound(t *testing.T) {
	l, err := servicing.New(single(t, iof.Individual, "100", 300_000, "2026-04-02", "2026-04-02"), servicing.DefaultTerms())
	if err != nil {
		t.Fatal(err)
	}
	_, err = l.Transactions(day(t, "2030-04-02"))
	if !errors.Is(err, servicing.ErrBeyondBound) || !errors.Is(err, apierr.AmountOutOfRange) {
		t.Errorf("four years late at 100 %% a.m.: %v; want amount_out_of_range (ErrBeyondBound)", err)
	}
	if _, err := l.Payoff(day(t, "2030-04-02")); !errors.Is(err, servicing.ErrBeyondBound) {
		t.Errorf("payoff: %v", err)
	}
}

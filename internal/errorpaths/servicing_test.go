package errorpaths_test

import (
	"math"

	"github.com/shopspring/decimal"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/calendar"
	"github.com/dinie/lending/iof"
	"github.com/dinie/lending/schedule"
	"github.com/dinie/lending/servicing"
	"github.com/dinie/lending/simulation"
	"github.com/dinie/lending/statemachine"
)

// servicing's doc, "Errors", and New's table give the codes and params below.
func init() {
	tables["servicing"] = func() []row {
		d := func(s string) calendar.Date { v, _ := calendar.ParseDate(s); return v }
		req := simulation.Request{RequestedAmount: decimal.NewFromInt(10_000), InstallmentCount: 12}
		sim, _ := simulation.Simulate(simOffer(func(*statemachine.Offer) {}), req, simOptions(func(*simulation.Options) {}))
		loan, _ := servicing.Book(sim, servicing.DefaultTerms())
		var nilLoan *servicing.Loan
		active := statemachine.LoanActive
		due1 := d("2026-04-10")
		rate, _ := schedule.ParsePercentPerMonth("3")
		contract := func(f func(*servicing.Contract)) func() error {
			c := servicing.Contract{Release: d("2026-03-10"), Rate: rate, Class: iof.Individual, Principal: 100_000,
				Rows: []schedule.CentsRow{{Number: 1, NominalDate: due1, DueDate: due1, Payment: 103_000, Interest: 3_000, Principal: 100_000}}}
			f(&c)
			return func() error { return err2(servicing.New(c, servicing.DefaultTerms())) }
		}
		terms := func(f func(*servicing.Terms)) func() error {
			t := servicing.DefaultTerms()
			f(&t)
			return func() error { return err2(servicing.Book(sim, t)) }
		}
		return []row{
			{"Book(nil)", func() error { return err2(servicing.Book(nil, servicing.DefaultTerms())) }, apierr.MissingRequiredField, "simulation", nil},
			{"Book(fine 2.01 % for a MEI)", terms(func(t *servicing.Terms) { t.FinePercent = mustDecimal("2.01") }), apierr.RateOutOfRange, "fine_percent", servicing.ErrLegalCap},
			{"Book(mora 1.5 %)", terms(func(t *servicing.Terms) { t.MoraPercent = mustDecimal("1.5") }), apierr.RateOutOfRange, "mora_percent", servicing.ErrLegalCap},
			{"Book(mora 1e2147483647)", terms(func(t *servicing.Terms) { t.MoraPercent = decHuge }), apierr.RateOutOfRange, "mora_percent", nil},
			{"Book(mora 100,001 digits)", terms(func(t *servicing.Terms) { t.MoraPercent = decLongCoef }), "", "mora_percent", nil},
			{"Book(fine -1)", terms(func(t *servicing.Terms) { t.FinePercent = mustDecimal("-1") }), apierr.RateOutOfRange, "fine_percent", nil},
			{"Book(fine 1e-2147483648)", terms(func(t *servicing.Terms) { t.FinePercent = decTiny }), apierr.InvalidFormat, "fine_percent", apierr.ErrPrecision},
			{"Book(prepayment fee for a MEI)", terms(func(t *servicing.Terms) { t.PrepaymentFeePercent = mustDecimal("1") }), apierr.RateOutOfRange, "prepayment_fee_percent", nil},
			{"Book(DelayInterest(9))", terms(func(t *servicing.Terms) { t.DelayInterest = 9 }), apierr.InvalidFormat, "interest", nil},
			{"Book(CountFrom(9))", terms(func(t *servicing.Terms) { t.CountFrom = 9 }), apierr.InvalidFormat, "count_from", nil},
			{"New(no release)", contract(func(c *servicing.Contract) { c.Release = calendar.Date{} }), apierr.MissingRequiredField, "release_date", nil},
			{"New(release 2012-01-01)", contract(func(c *servicing.Contract) { c.Release = d("2012-01-01") }), apierr.DateOutOfRange, "release_date", nil},
			{"New(zero class)", contract(func(c *servicing.Contract) { c.Class = 0 }), apierr.MissingRequiredField, "borrower_class", nil},
			{"New(principal 0.99)", contract(func(c *servicing.Contract) { c.Principal = 99 }), apierr.AmountOutOfRange, "principal", nil},
			{"New(DayCount(9))", contract(func(c *servicing.Contract) { c.DayCount = 9 }), apierr.InvalidFormat, "day_count", nil},
			{"New(no rows)", contract(func(c *servicing.Contract) { c.Rows = nil }), apierr.InstallmentsOutOfRange, "installments", nil},
			{"New(row with zero due date)", contract(func(c *servicing.Contract) { c.Rows[0].DueDate = calendar.Date{} }), apierr.MissingRequiredField, "due_date", nil},
			{"New(payment ≠ interest + principal)", contract(func(c *servicing.Contract) { c.Rows[0].Payment++ }), apierr.InvalidFormat, "schedule", servicing.ErrInconsistentSchedule},
			{"New(row amount MaxInt64)", contract(func(c *servicing.Contract) {
				c.Rows[0].Interest, c.Rows[0].Payment = math.MaxInt64-100_000, math.MaxInt64
			}), apierr.AmountOutOfRange, "schedule", nil},
			{"Pay(processing)", func() error { return err3(loan.Pay(statemachine.LoanProcessing, 1, decimal.NewFromInt(100), due1)) }, apierr.InvalidTransition, "status", nil},
			{"Pay(installment 13)", func() error { return err3(loan.Pay(active, 13, decimal.NewFromInt(100), due1)) }, apierr.ValueOutOfRange, "installment_number", nil},
			{"Pay(amount 0)", func() error { return err3(loan.Pay(active, 1, decimal.Zero, due1)) }, apierr.AmountOutOfRange, "amount", apierr.ErrRange},
			{"Pay(amount 0.001)", func() error { return err3(loan.Pay(active, 1, mustDecimal("0.001"), due1)) }, apierr.InvalidFormat, "amount", apierr.ErrPrecision},
			{"Pay(amount 1e2147483647)", func() error { return err3(loan.Pay(active, 1, decHuge, due1)) }, apierr.AmountOutOfRange, "amount", nil},
			{"Pay(overpayment)", func() error { return err3(loan.Pay(active, 1, decimal.NewFromInt(100_000), due1)) }, apierr.AmountOutOfRange, "amount", servicing.ErrOverpayment},
			{"Pay(zero date)", func() error { return err3(loan.Pay(active, 1, decimal.NewFromInt(100), calendar.Date{})) }, apierr.MissingRequiredField, "paid_at", nil},
			{"Pay(before release)", func() error { return err3(loan.Pay(active, 1, decimal.NewFromInt(100), d("2026-03-01"))) }, apierr.InvalidDueDate, "paid_at", nil},
			{"Pay(9999-12-31)", func() error { return err3(loan.Pay(active, 1, decimal.NewFromInt(100), d("9999-12-31"))) }, apierr.DateOutOfRange, "paid_at", nil},
			{"nil Loan.Pay", func() error { return err3(nilLoan.Pay(active, 1, decimal.NewFromInt(100), due1)) }, apierr.Internal, "", apierr.ErrNil},
			{"Transactions(zero as_of)", func() error { return err2(loan.Transactions(calendar.Date{})) }, apierr.MissingRequiredField, "as_of", nil},
			{"Transactions(9999-12-31)", func() error { return err2(loan.Transactions(d("9999-12-31"))) }, apierr.DateOutOfRange, "as_of", nil},
			{"nil Loan.AppendTransactions", func() error { return err2(nilLoan.AppendTransactions(nil, due1)) }, apierr.Internal, "", apierr.ErrNil},
			{"Payoff(zero date)", func() error { return err2(loan.Payoff(calendar.Date{})) }, apierr.MissingRequiredField, "date", nil},
			{"Payoff(before release)", func() error { return err2(loan.Payoff(d("2026-01-01"))) }, apierr.InvalidDueDate, "date", nil},
			{"Payoff(9999-12-31)", func() error { return err2(loan.Payoff(d("9999-12-31"))) }, apierr.DateOutOfRange, "date", nil},
			{"nil Loan.Payoff", func() error { return err2(nilLoan.Payoff(due1)) }, apierr.Internal, "", apierr.ErrNil},
			{"Prepay(Mode(9))", func() error { return err2(loan.Prepay(d("2026-03-20"), decimal.NewFromInt(100), 9)) }, apierr.InvalidFormat, "mode", nil},
			{"Prepay(amount 0)", func() error { return err2(loan.Prepay(d("2026-03-20"), decimal.Zero, 0)) }, apierr.AmountOutOfRange, "amount", nil},
			{"Prepay(amount 100,001 digits)", func() error { return err2(loan.Prepay(d("2026-03-20"), decLongCoef, 0)) }, apierr.AmountOutOfRange, "amount", nil},
			{"Prepay(overdue installment)", func() error { return err2(loan.Prepay(d("2026-05-20"), decimal.NewFromInt(100), 0)) }, apierr.InstallmentOverdue, "date", nil},
			{"nil Loan.Prepay", func() error { return err2(nilLoan.Prepay(due1, decimal.NewFromInt(100), 0)) }, apierr.Internal, "", apierr.ErrNil},
			{"Settle(processing)", func() error { return err3(loan.Settle(statemachine.LoanProcessing, due1)) }, apierr.InvalidTransition, "status", nil},
			{"Settle(zero date)", func() error { return err3(loan.Settle(active, calendar.Date{})) }, apierr.MissingRequiredField, "paid_at", nil},
			{"nil Loan.Settle", func() error { return err3(nilLoan.Settle(active, due1)) }, apierr.Internal, "", apierr.ErrNil},
			{"ParseMode(all)", func() error { return err2(servicing.ParseMode("all")) }, apierr.InvalidFormat, "mode", apierr.ErrUnknown},
			{"ParseCountFrom(never)", func() error { return err2(servicing.ParseCountFrom("never")) }, apierr.InvalidFormat, "count_from", apierr.ErrUnknown},
			{"ParseDelayInterest(none)", func() error { return err2(servicing.ParseDelayInterest("none")) }, apierr.InvalidFormat, "interest", apierr.ErrUnknown},
		}
	}
}

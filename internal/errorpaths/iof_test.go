package errorpaths_test

import (
	"math"

	"github.com/shopspring/decimal"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/calendar"
	"github.com/dinie/lending/iof"
	"github.com/dinie/lending/schedule"
)

// iof's doc's "Errors" table gives every code, param and reason below.
func init() {
	tables["iof"] = func() []row {
		d := func(s string) calendar.Date { v, _ := calendar.ParseDate(s); return v }
		release := d("2026-03-10")
		due := d("2026-04-10")
		op := func(f func(*iof.Operation)) func() error {
			o := iof.Operation{Class: iof.MEI, Release: release, Principal: decimal.NewFromInt(100),
				Installments: []iof.Installment{{Due: due, Amortization: decimal.NewFromInt(100)}}}
			f(&o)
			return func() error { return err2(iof.Compute(o)) }
		}
		rate3, _ := schedule.ParsePercentPerMonth("3")
		rate5, _ := schedule.ParsePercentPerMonth("5")
		plan, _ := schedule.NewPlan(schedule.Terms{Rate: rate3, Release: release, Installments: 12})
		long, _ := schedule.NewPlan(schedule.Terms{Rate: rate5, Release: d("2026-01-30"), Installments: 420, DayCount: schedule.DailyProRata})
		delay := func(f func(*iof.Delay)) func() error {
			dl := iof.Delay{Class: iof.Individual, Release: release, Principal: 100_000, Due: due, To: d("2026-04-20"), Unpaid: 10_000}
			f(&dl)
			return func() error { return err2(iof.Complementary(dl)) }
		}
		var class iof.Class
		var rate iof.Rate
		return []row{
			{"Compute(zero class)", op(func(o *iof.Operation) { o.Class = 0 }), apierr.MissingRequiredField, "borrower_class", apierr.ErrEmpty},
			{"Compute(Class(9))", op(func(o *iof.Operation) { o.Class = 9 }), apierr.InvalidFormat, "borrower_class", iof.ErrUnknownClass},
			{"Compute(no release)", op(func(o *iof.Operation) { o.Release = calendar.Date{} }), apierr.MissingRequiredField, "release_date", apierr.ErrEmpty},
			{"Compute(release 2012-05-22)", op(func(o *iof.Operation) { o.Release = d("2012-05-22"); o.Installments[0].Due = d("2012-06-22") }), apierr.DateOutOfRange, "release_date", apierr.ErrRange},
			{"Compute(principal 0)", op(func(o *iof.Operation) { o.Principal = decimal.Zero }), apierr.AmountOutOfRange, "principal", apierr.ErrRange},
			{"Compute(principal 1.001)", op(func(o *iof.Operation) { o.Principal = mustDecimal("1.001") }), apierr.InvalidFormat, "principal", apierr.ErrPrecision},
			{"Compute(principal 1e2147483647)", op(func(o *iof.Operation) { o.Principal = decHuge }), apierr.AmountOutOfRange, "principal", apierr.ErrRange},
			{"Compute(no installments)", op(func(o *iof.Operation) { o.Installments = nil }), apierr.InstallmentsOutOfRange, "installment_count", apierr.ErrRange},
			{"Compute(421 installments)", op(func(o *iof.Operation) { o.Installments = make([]iof.Installment, 421) }), apierr.InstallmentsOutOfRange, "installment_count", apierr.ErrRange},
			{"Compute(due on release)", op(func(o *iof.Operation) { o.Installments[0].Due = release }), apierr.InvalidDueDate, "due_date", iof.ErrNotAfterRelease},
			{"Compute(amortization 0.001)", op(func(o *iof.Operation) { o.Installments[0].Amortization = mustDecimal("0.001") }), apierr.InvalidFormat, "amortization", apierr.ErrPrecision},
			{"Compute(amortization 1e-2147483648)", op(func(o *iof.Operation) { o.Installments[0].Amortization = decTiny }), apierr.InvalidFormat, "amortization", apierr.ErrPrecision},
			{"Compute(amortization 100,001 digits)", op(func(o *iof.Operation) { o.Installments[0].Amortization = decLongCoef }), apierr.AmountOutOfRange, "amortization", apierr.ErrRange},
			{"Compute(unbalanced)", op(func(o *iof.Operation) { o.Installments[0].Amortization = decimal.NewFromInt(99) }), apierr.AmountOutOfRange, "amortization", iof.ErrUnbalanced},
			{"ComputeCents(amortization MaxInt64)", func() error {
				return err2(iof.ComputeCents(iof.MEI, release, 100, []iof.Flow{{Due: due, Amortization: math.MaxInt64}}))
			}, apierr.AmountOutOfRange, "amortization", apierr.ErrRange},
			{"ComputeSchedule(nil)", func() error { return err2(iof.ComputeSchedule(iof.MEI, nil)) }, apierr.MissingRequiredField, "schedule", apierr.ErrEmpty},
			{"ComputeSchedule(zero Schedule)", func() error { return err2(iof.ComputeSchedule(iof.MEI, &schedule.Schedule{})) }, apierr.MissingRequiredField, "schedule", apierr.ErrEmpty},
			{"Financed(nil plan)", func() error { return err2(iof.Financed(nil, 12, iof.MEI, decimal.NewFromInt(1000), decimal.Zero)) }, apierr.MissingRequiredField, "schedule", apierr.ErrEmpty},
			{"Financed(n MaxInt)", func() error {
				return err2(iof.Financed(plan, math.MaxInt, iof.MEI, decimal.NewFromInt(1000), decimal.Zero))
			}, apierr.InstallmentsOutOfRange, "installment_count", apierr.ErrRange},
			{"Financed(n MinInt)", func() error {
				return err2(iof.Financed(plan, math.MinInt, iof.MEI, decimal.NewFromInt(1000), decimal.Zero))
			}, apierr.InstallmentsOutOfRange, "installment_count", apierr.ErrRange},
			{"Financed(n 13 of 12)", func() error { return err2(iof.Financed(plan, 13, iof.MEI, decimal.NewFromInt(1000), decimal.Zero)) }, apierr.InstallmentsOutOfRange, "installment_count", apierr.ErrRange},
			{"Financed(5 % × 420, growth 10^9)", func() error { return err2(iof.FinancedCents(long, 420, iof.MEI, 90_000_000_000, 0)) }, apierr.InstallmentsOutOfRange, "installment_count", iof.ErrIllConditioned},
			{"Financed(requested 0.99)", func() error { return err2(iof.Financed(plan, 12, iof.MEI, mustDecimal("0.99"), decimal.Zero)) }, apierr.AmountOutOfRange, "requested_amount", apierr.ErrRange},
			{"Financed(requested 1.005)", func() error { return err2(iof.Financed(plan, 12, iof.MEI, mustDecimal("1.005"), decimal.Zero)) }, apierr.InvalidFormat, "requested_amount", apierr.ErrPrecision},
			{"Financed(requested 1e2147483647)", func() error { return err2(iof.Financed(plan, 12, iof.MEI, decHuge, decimal.Zero)) }, apierr.AmountOutOfRange, "requested_amount", apierr.ErrRange},
			{"Financed(requested 1e9, principal above the largest)", func() error {
				return err2(iof.Financed(plan, 12, iof.MEI, decimal.NewFromInt(1_000_000_000), decimal.Zero))
			}, apierr.AmountOutOfRange, "requested_amount", apierr.ErrRange},
			{"Financed(fees -1)", func() error {
				return err2(iof.Financed(plan, 12, iof.MEI, decimal.NewFromInt(1000), decimal.NewFromInt(-1)))
			}, apierr.AmountOutOfRange, "fees_amount", apierr.ErrRange},
			{"Financed(fees 1e-2147483648)", func() error { return err2(iof.Financed(plan, 12, iof.MEI, decimal.NewFromInt(1000), decTiny)) }, apierr.InvalidFormat, "fees_amount", apierr.ErrPrecision},
			{"Financed(Class(9))", func() error {
				return err2(iof.Financed(plan, 12, iof.Class(9), decimal.NewFromInt(1000), decimal.Zero))
			}, apierr.InvalidFormat, "borrower_class", iof.ErrUnknownClass},
			{"Complementary(zero class)", delay(func(dl *iof.Delay) { dl.Class = 0 }), apierr.MissingRequiredField, "borrower_class", apierr.ErrEmpty},
			{"Complementary(no due date)", delay(func(dl *iof.Delay) { dl.Due = calendar.Date{} }), apierr.MissingRequiredField, "due_date", apierr.ErrEmpty},
			{"Complementary(no end)", delay(func(dl *iof.Delay) { dl.To = calendar.Date{} }), apierr.MissingRequiredField, "to", apierr.ErrEmpty},
			{"Complementary(from before due)", delay(func(dl *iof.Delay) { dl.From = d("2026-04-01") }), apierr.InvalidDueDate, "from", nil},
			{"Complementary(to before from)", delay(func(dl *iof.Delay) { dl.From, dl.To = d("2026-04-15"), d("2026-04-12") }), apierr.InvalidDueDate, "to", nil},
			{"Complementary(principal 0)", delay(func(dl *iof.Delay) { dl.Principal = 0 }), apierr.AmountOutOfRange, "principal", apierr.ErrRange},
			{"Complementary(release 2000-01-01)", delay(func(dl *iof.Delay) { dl.Release = d("2000-01-01") }), apierr.DateOutOfRange, "release_date", apierr.ErrRange},
			{"ParseClass(\"\")", func() error { return err2(iof.ParseClass("")) }, apierr.InvalidFormat, "borrower_class", apierr.ErrEmpty},
			{"ParseClass(PF)", func() error { return err2(iof.ParseClass("PF")) }, apierr.InvalidFormat, "borrower_class", iof.ErrUnknownClass},
			{"Class.UnmarshalText(ltda)", func() error { return class.UnmarshalText([]byte("ltda")) }, apierr.InvalidFormat, "borrower_class", iof.ErrUnknownClass},
			{"Class(9).MarshalText", func() error { return err2(iof.Class(9).MarshalText()) }, apierr.InvalidFormat, "borrower_class", iof.ErrUnknownClass},
			{"ParseRate(0,0082)", func() error { return err2(iof.ParseRate("0,0082")) }, apierr.InvalidFormat, "rate", nil},
			{"ParseRate(0.000000001)", func() error { return err2(iof.ParseRate("0.000000001")) }, apierr.InvalidFormat, "rate", apierr.ErrPrecision},
			{"ParseRate(100.5)", func() error { return err2(iof.ParseRate("100.5")) }, apierr.RateOutOfRange, "rate", apierr.ErrRange},
			{"Rate.UnmarshalJSON(true)", func() error { return rate.UnmarshalJSON([]byte("true")) }, apierr.InvalidFormat, "rate", nil},
			{"RegimeOn(2012-05-22)", func() error { return err2(iof.RegimeOn(d("2012-05-22"))) }, apierr.DateOutOfRange, "release_date", apierr.ErrRange},
			{"RegimeOn(zero)", func() error { return err2(iof.RegimeOn(calendar.Date{})) }, apierr.MissingRequiredField, "release_date", apierr.ErrEmpty},
			{"Regime.Rates(Class(9))", func() error { g, _ := iof.RegimeOn(release); return err2(g.Rates(iof.Class(9))) }, apierr.InvalidFormat, "borrower_class", iof.ErrUnknownClass},
		}
	}
}

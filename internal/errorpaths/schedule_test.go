package errorpaths_test

import (
	"math"

	"github.com/shopspring/decimal"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/calendar"
	"github.com/dinie/lending/schedule"
)

// schedule's errors: the table of schedule.New and the package doc's "Bounds and
// errors".
func init() {
	tables["schedule"] = func() []row {
		d := func(s string) calendar.Date { v, _ := calendar.ParseDate(s); return v }
		rate, _ := schedule.ParsePercentPerMonth("3")
		release := d("2026-03-10")
		terms := func(f func(*schedule.Terms)) schedule.Terms {
			t := schedule.Terms{Principal: decimal.NewFromInt(10_000), Rate: rate, Installments: 12, Release: release}
			f(&t)
			return t
		}
		newErr := func(f func(*schedule.Terms)) func() error {
			return func() error { return err2(schedule.New(terms(f))) }
		}
		plan, _ := schedule.NewPlan(terms(func(*schedule.Terms) {}))
		grace, _ := schedule.NewPlan(terms(func(t *schedule.Terms) { t.Grace = 3 }))
		var mr schedule.MonthlyRate
		var ar schedule.AnnualRate
		var dc schedule.DayCount
		var am schedule.Amortization
		var r schedule.Row
		return []row{
			{"New(principal 1.001)", newErr(func(t *schedule.Terms) { t.Principal = mustDecimal("1.001") }), apierr.InvalidFormat, "principal", apierr.ErrPrecision},
			{"New(principal 0.99)", newErr(func(t *schedule.Terms) { t.Principal = mustDecimal("0.99") }), apierr.AmountOutOfRange, "principal", apierr.ErrRange},
			{"New(principal 1e9 + 0.01)", newErr(func(t *schedule.Terms) { t.Principal = mustDecimal("1000000000.01") }), apierr.AmountOutOfRange, "principal", apierr.ErrRange},
			{"New(principal 1e2147483647)", newErr(func(t *schedule.Terms) { t.Principal = decHuge }), apierr.AmountOutOfRange, "principal", apierr.ErrRange},
			{"New(principal 1e-2147483648)", newErr(func(t *schedule.Terms) { t.Principal = decTiny }), apierr.InvalidFormat, "principal", apierr.ErrPrecision},
			{"New(principal 100,001 digits)", newErr(func(t *schedule.Terms) { t.Principal = decLongCoef }), apierr.AmountOutOfRange, "principal", apierr.ErrRange},
			{"New(1.00 over 101 at 0 %)", newErr(func(t *schedule.Terms) {
				t.Principal, t.Rate, t.Installments = mustDecimal("1.00"), schedule.MonthlyRate{}, 101
			}), apierr.AmountOutOfRange, "principal", schedule.ErrResidueExhaustsBalance},
			{"New(1.00 over 67 at 0 %)", newErr(func(t *schedule.Terms) {
				t.Principal, t.Rate, t.Installments = mustDecimal("1.00"), schedule.MonthlyRate{}, 67
			}), apierr.AmountOutOfRange, "principal", schedule.ErrResidueExceedsInstallment},
			{"New(1.00 over 420 at 0 %)", newErr(func(t *schedule.Terms) {
				t.Principal, t.Rate, t.Installments = mustDecimal("1.00"), schedule.MonthlyRate{}, 420
			}), apierr.AmountOutOfRange, "principal", nil},
			{"New(0 installments)", newErr(func(t *schedule.Terms) { t.Installments = 0 }), apierr.InstallmentsOutOfRange, "installment_count", apierr.ErrRange},
			{"New(421 installments)", newErr(func(t *schedule.Terms) { t.Installments = 421 }), apierr.InstallmentsOutOfRange, "installment_count", apierr.ErrRange},
			{"New(MinInt installments)", newErr(func(t *schedule.Terms) { t.Installments = math.MinInt }), apierr.InstallmentsOutOfRange, "installment_count", apierr.ErrRange},
			{"New(no release)", newErr(func(t *schedule.Terms) { t.Release = calendar.Date{} }), apierr.MissingRequiredField, "release_date", nil},
			{"New(first due on release)", newErr(func(t *schedule.Terms) { t.FirstDue = release }), apierr.InvalidDueDate, "first_due_date", nil},
			{"New(first due 181 days on)", newErr(func(t *schedule.Terms) { t.FirstDue, _ = release.AddDays(181) }), apierr.InvalidDueDate, "first_due_date", nil},
			{"New(first period bound 367)", newErr(func(t *schedule.Terms) { t.FirstPeriodMaxDays = 367 }), apierr.InvalidDueDate, "first_period_max_days", nil},
			{"New(release 9999-12-01)", newErr(func(t *schedule.Terms) { t.Release = d("9999-12-01") }), apierr.DateOutOfRange, "release_date", nil},
			{"New(Roll(9))", newErr(func(t *schedule.Terms) { t.Roll = calendar.Roll(9) }), apierr.InvalidFormat, "roll", nil},
			{"New(DayCount(9))", newErr(func(t *schedule.Terms) { t.DayCount = schedule.DayCount(9) }), apierr.InvalidFormat, "day_count", nil},
			{"New(Amortization(9))", newErr(func(t *schedule.Terms) { t.Amortization = schedule.Amortization(9) }), apierr.InvalidFormat, "amortization", nil},
			{"New(grace 12 of 12)", newErr(func(t *schedule.Terms) { t.Grace = 12 }), apierr.ValueOutOfRange, "grace", nil},
			{"New(grace -1)", newErr(func(t *schedule.Terms) { t.Grace = -1 }), apierr.ValueOutOfRange, "grace", nil},
			{"New(Rate and AnnualRate)", newErr(func(t *schedule.Terms) { t.AnnualRate, _ = schedule.ParsePercentPerYear("30") }), apierr.InvalidFormat, "annual_interest_rate", apierr.ErrDuplicate},
			{"NewPlan(0 installments)", func() error { return err2(schedule.NewPlan(terms(func(t *schedule.Terms) { t.Installments = 0 }))) }, apierr.InstallmentsOutOfRange, "installment_count", nil},
			{"Plan.Schedule(13 of 12)", func() error { return err2(plan.Schedule(decimal.NewFromInt(1000), 13)) }, apierr.InstallmentsOutOfRange, "installment_count", nil},
			{"Plan.Schedule(1e2147483647)", func() error { return err2(plan.Schedule(decHuge, 12)) }, apierr.AmountOutOfRange, "principal", nil},
			{"Plan.ScheduleCents(0)", func() error { return err2(plan.ScheduleCents(0, 12)) }, apierr.AmountOutOfRange, "principal", nil},
			{"Plan.InstallmentCents(MaxInt64)", func() error { return err2(plan.InstallmentCents(math.MaxInt64, 12)) }, apierr.AmountOutOfRange, "principal", nil},
			{"Plan.InstallmentCents(count within grace)", func() error { return err2(grace.InstallmentCents(100_000, 3)) }, apierr.InstallmentsOutOfRange, "installment_count", nil},
			{"Plan.AmountCents(0)", func() error { return err2(plan.AmountCents(0, 12)) }, apierr.AmountOutOfRange, "installment", nil},
			{"Plan.InterestTimeOn(before release)", func() error { return err2(plan.InterestTimeOn(d("2026-03-09"))) }, apierr.DateOutOfRange, "date", nil},
			{"nil Plan.Schedule", func() error { return err2((*schedule.Plan)(nil).Schedule(decimal.NewFromInt(1000), 12)) }, apierr.Internal, "", apierr.ErrNil},
			{"nil Schedule.MarshalJSON", func() error { return err2((*schedule.Schedule)(nil).MarshalJSON()) }, apierr.Internal, "", apierr.ErrNil},
			{"zero Schedule.MarshalJSON", func() error { return err2((&schedule.Schedule{}).MarshalJSON()) }, apierr.MissingRequiredField, "schedule", apierr.ErrEmpty},
			{"Elapsed(before release)", func() error { return err2(schedule.Elapsed(schedule.DailyProRata, nil, release, d("2026-01-01"))) }, apierr.DateOutOfRange, "date", nil},
			{"Elapsed(DayCount(9))", func() error { return err2(schedule.Elapsed(schedule.DayCount(9), nil, release, d("2026-04-01"))) }, apierr.InvalidFormat, "day_count", nil},
			{"Elapsed(no release)", func() error {
				return err2(schedule.Elapsed(schedule.DailyProRata, nil, calendar.Date{}, d("2026-04-01")))
			}, apierr.MissingRequiredField, "release_date", nil},
			{"SolveAmount(installment 0)", func() error { return err2(schedule.SolveAmount(terms(func(*schedule.Terms) {}), decimal.Zero)) }, apierr.AmountOutOfRange, "installment", nil},
			{"SolveAmount(installment 0.001)", func() error { return err2(schedule.SolveAmount(terms(func(*schedule.Terms) {}), mustDecimal("0.001"))) }, apierr.InvalidFormat, "installment", nil},
			{"SolveAmount(installment 1e2147483647)", func() error { return err2(schedule.SolveAmount(terms(func(*schedule.Terms) {}), decHuge)) }, apierr.AmountOutOfRange, "installment", nil},
			{"SolveRate(installment below principal/n)", func() error {
				return err2(schedule.SolveRate(terms(func(*schedule.Terms) {}), decimal.NewFromInt(100)))
			}, apierr.RateOutOfRange, "installment", schedule.ErrNoRate},
			{"SolveRate(installment -7e2147483647)", func() error { return err2(schedule.SolveRate(terms(func(*schedule.Terms) {}), decNegHuge)) }, "", "installment", nil},
			{"SolveCount(installment below interest)", func() error {
				return err2(schedule.SolveCount(terms(func(*schedule.Terms) {}), decimal.NewFromInt(100)))
			}, apierr.InstallmentsOutOfRange, "installment", nil},
			{"SolveCount(installment 100,001 digits)", func() error { return err2(schedule.SolveCount(terms(func(*schedule.Terms) {}), decLongCoef)) }, apierr.AmountOutOfRange, "installment", nil},
			{"PercentPerMonth(100.01)", func() error { return err2(schedule.PercentPerMonth(mustDecimal("100.01"))) }, apierr.RateOutOfRange, "interest_rate", nil},
			{"PercentPerMonth(-1)", func() error { return err2(schedule.PercentPerMonth(mustDecimal("-1"))) }, apierr.RateOutOfRange, "interest_rate", nil},
			{"PercentPerMonth(1e-11)", func() error { return err2(schedule.PercentPerMonth(mustDecimal("1e-11"))) }, apierr.InvalidFormat, "interest_rate", nil},
			{"PercentPerMonth(1e2147483647)", func() error { return err2(schedule.PercentPerMonth(decHuge)) }, apierr.RateOutOfRange, "interest_rate", apierr.ErrRange},
			{"PercentPerMonth(1e-2147483648)", func() error { return err2(schedule.PercentPerMonth(decTiny)) }, apierr.RateOutOfRange, "interest_rate", apierr.ErrRange},
			{"PercentPerYear(409500.01)", func() error { return err2(schedule.PercentPerYear(mustDecimal("409500.01"))) }, apierr.RateOutOfRange, "annual_interest_rate", nil},
			{"PercentPerYear(100,001 digits)", func() error { return err2(schedule.PercentPerYear(decLongCoef)) }, apierr.RateOutOfRange, "annual_interest_rate", apierr.ErrRange},
			{"ParsePercentPerMonth(2,5)", func() error { return err2(schedule.ParsePercentPerMonth("2,5")) }, apierr.InvalidFormat, "interest_rate", apierr.ErrSyntax},
			{"ParsePercentPerMonth(65 bytes)", func() error { return err2(schedule.ParsePercentPerMonth("1." + string(make([]byte, 63)))) }, apierr.InvalidFormat, "interest_rate", nil},
			{"ParsePercentPerYear(1e)", func() error { return err2(schedule.ParsePercentPerYear("1e")) }, apierr.InvalidFormat, "annual_interest_rate", apierr.ErrSyntax},
			{"ParseDayCount(weekly)", func() error { return err2(schedule.ParseDayCount("weekly")) }, apierr.InvalidFormat, "day_count", apierr.ErrSyntax},
			{"ParseAmortization(german)", func() error { return err2(schedule.ParseAmortization("german")) }, apierr.InvalidFormat, "amortization", nil},
			{"DayCount(9).MarshalText", func() error { return err2(schedule.DayCount(9).MarshalText()) }, apierr.InvalidFormat, "day_count", nil},
			{"MonthlyRate.UnmarshalJSON(true)", func() error { return mr.UnmarshalJSON([]byte("true")) }, apierr.InvalidFormat, "interest_rate", nil},
			{"MonthlyRate.UnmarshalText(101)", func() error { return mr.UnmarshalText([]byte("101")) }, apierr.RateOutOfRange, "interest_rate", nil},
			{"AnnualRate.UnmarshalJSON(-1)", func() error { return ar.UnmarshalJSON([]byte("-1")) }, apierr.RateOutOfRange, "annual_interest_rate", nil},
			{"DayCount.UnmarshalText(\"\")", func() error { return dc.UnmarshalText(nil) }, apierr.InvalidFormat, "day_count", nil},
			{"Amortization.UnmarshalText(PRICE)", func() error { return am.UnmarshalText([]byte("PRICE")) }, apierr.InvalidFormat, "amortization", nil},
			{"Row{Payment: 1e2147483647}.MarshalJSON", func() error { return err2(schedule.Row{Payment: decHuge}.MarshalJSON()) }, apierr.AmountOutOfRange, "payment", apierr.ErrRange},
			{"Row{Balance: 100,001 digits}.MarshalJSON", func() error { return err2(schedule.Row{Balance: decLongCoef}.MarshalJSON()) }, apierr.AmountOutOfRange, "balance", apierr.ErrRange},
			{"Row.UnmarshalJSON(payment 1.5)", func() error {
				return r.UnmarshalJSON([]byte(`{"number":1,"nominal_date":"2026-04-10","due_date":"2026-04-10","interest_time":30,"payment":"1.5","interest":"0.00","principal":"0.00","balance":"0.00"}`))
			}, apierr.InvalidFormat, "payment", nil},
			// Issue 18's code-less error: encoding/json's bare error for no input.
			{"Row.UnmarshalJSON(nil)", func() error { return r.UnmarshalJSON(nil) }, apierr.MalformedBody, "", nil},
		}
	}
}

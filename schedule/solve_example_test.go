package schedule_test

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/dinie/lending/calendar"
	"github.com/dinie/lending/schedule"
)

// The rate of 42 installments of 679.30 on 25,000.00 (the textbook table, as
// the Banco Central's calculator computes it; it shows 0.629890 from a coarser
// search).
func ExampleSolveRate() {
	d0, _ := calendar.ParseDate("2026-01-15")
	sol, err := schedule.SolveRate(schedule.Terms{Principal: decimal.RequireFromString("25000.00"),
		Installments: 42, Release: d0, DayCount: schedule.Periodic}, decimal.RequireFromString("679.30"))
	fmt.Printf("%.12f %s %v\n", sol.Root, sol.Display, err)
	// Output: 0.006298624639 0.629862 <nil>
}

// How much 24 installments of 935.00 at 1.99 % a.m. buy: the largest principal
// whose installment is at most 935.00, and the present value of the
// installments (the calculator's "valor financiado").
func ExampleSolveAmount() {
	i, _ := schedule.ParsePercentPerMonth("1.99")
	d0, _ := calendar.ParseDate("2026-01-15")
	sol, err := schedule.SolveAmount(schedule.Terms{Rate: i, Installments: 24, Release: d0,
		DayCount: schedule.Periodic}, decimal.RequireFromString("935.00"))
	fmt.Println(sol.Schedule.TotalPrincipal(), sol.Schedule.Installment(), sol.PresentValue(), err)
	// Output: 17704.66 935 17704.57 <nil>
}

// How many installments of at most 338.70 repay 1,290.00 at 1.99 % a.m.
func ExampleSolveCount() {
	i, _ := schedule.ParsePercentPerMonth("1.99")
	d0, _ := calendar.ParseDate("2026-01-15")
	sol, err := schedule.SolveCount(schedule.Terms{Principal: decimal.RequireFromString("1290.00"), Rate: i,
		Release: d0, DayCount: schedule.Periodic}, decimal.RequireFromString("338.70"))
	fmt.Printf("%.7f %d %s %v\n", sol.NPER, sol.Schedule.Len(), sol.Schedule.Installment(), err)
	// Output: 4.0000299 4 338.7 <nil>
}

// The same solve on a ready plan, in cents: 12 installments of 355.80 at
// 25.106880 % a.m. finance 1,320.75; the largest principal is a cent above.
func ExamplePlan_AmountCents() {
	i, _ := schedule.ParsePercentPerMonth("25.106880")
	d0, _ := calendar.ParseDate("2026-01-15")
	plan, _ := schedule.NewPlan(schedule.Terms{Rate: i, Installments: 12, Release: d0, DayCount: schedule.Periodic})
	sol, err := plan.AmountCents(35580, 12)
	fmt.Println(sol.Schedule.TotalPrincipalCents(), sol.PresentValueCents, err)
	_, err = plan.AmountCents(1, 12)
	fmt.Println(err)
	// Output:
	// 132076 132075 <nil>
	// amount_out_of_range: installment 0.01 is below 0.27, the installment of the smallest principal (1.00) over these terms
}

// A settlement date between installments is measured as the installments
// are: from a release on January 31, March 15 is one whole month (to
// February 28) and 15 days, 45 thirtieths of a month.
func ExamplePlan_InterestTimeOn() {
	d0, _ := calendar.ParseDate("2026-01-31")
	plan, _ := schedule.NewPlan(schedule.Terms{Installments: 3, Release: d0})
	s, _ := calendar.ParseDate("2026-03-15")
	t, err := plan.InterestTimeOn(s)
	fmt.Println(t, err)
	before, _ := d0.AddDays(-1)
	_, err = plan.InterestTimeOn(before)
	fmt.Println(err)
	// Output:
	// 45 <nil>
	// date_out_of_range: date 2026-01-30 is before release_date 2026-01-31
}

func ExampleDayCount_UnitsPerYear() {
	fmt.Println(schedule.MonthlyProRata.UnitsPerYear(), schedule.Actual365.UnitsPerYear(), schedule.Business252.UnitsPerYear())
	// Output: 360 365 252
}

// (1.025)^12 − 1 = 0.34488882424629…
func ExampleMonthlyRate_Annual() {
	i, _ := schedule.ParsePercentPerMonth("2.5")
	fmt.Println(i.Annual())
	// Output: 34.4888824246
}

// (1.30)^(1/12) − 1 = 0.0221044505936…
func ExampleAnnualRate_Monthly() {
	a, _ := schedule.ParsePercentPerYear("30")
	fmt.Println(a.Monthly())
	// Output: 2.2104450594
}

func ExampleParsePercentPerYear() {
	a, err := schedule.ParsePercentPerYear("26.824179")
	fmt.Println(a, a.Fraction(), err)
	_, err = schedule.ParsePercentPerYear("409500.0000000001")
	fmt.Println(err)
	_, err = schedule.ParsePercentPerYear("1e-11")
	fmt.Println(err)
	// Output:
	// 26.824179 0.26824179 <nil>
	// rate_out_of_range: annual_interest_rate "409500.0000000001" % a.a. is outside 0 to 409500 % a.a.
	// invalid_format: annual_interest_rate "1e-11" has more than 10 decimal places of percent; the library holds rates exactly to 0.0000000001 % a.a.
}

func ExamplePercentPerYear() {
	a, err := schedule.PercentPerYear(decimal.RequireFromString("30.00"))
	fmt.Println(a, a.PercentUnits(), err)
	// Output: 30 300000000000 <nil>
}

func ExampleParseAmortization() {
	a, err := schedule.ParseAmortization("sac")
	fmt.Println(a, err)
	_, err = schedule.ParseAmortization("SAC")
	fmt.Println(err)
	// Output:
	// sac <nil>
	// invalid_format: amortization "SAC" is not an amortization system; expected price or sac
}

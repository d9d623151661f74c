package schedule_test

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/dinie/lending/calendar"
	"github.com/dinie/lending/schedule"
)

func printRows(s *schedule.Schedule) {
	for k := 1; k <= s.Len(); k++ {
		r := s.CentsRow(k)
		fmt.Println(r.Number, r.DueDate, r.InterestTime, r.Payment, r.Interest, r.Principal, r.Balance)
	}
}

// A contract at 12 % a.a. on business days (DU/252): 1,000.00 over 3 months.
// The interest times are ANBIMA business days from the release, counted, to
// each nominal date, not counted (Good Friday and Tiradentes fall in April).
func ExampleNew_business252() {
	a, _ := schedule.ParsePercentPerYear("12")
	d0, _ := calendar.ParseDate("2026-03-10")
	s, _ := schedule.New(schedule.Terms{Principal: decimal.RequireFromString("1000.00"), AnnualRate: a,
		Installments: 3, Release: d0, DayCount: schedule.Business252})
	fmt.Println(s.Installment(), s.Plan().Rate(), s.Plan().RatePerYear())
	printRows(s)
	// Output:
	// 339.63 0.9488792935 true
	// 1 2026-04-10 22 33963 994 32969 67031
	// 2 2026-05-11 41 33963 575 33388 33643
	// 3 2026-06-10 62 33962 319 33643 0
}

// Actual/365 at a monthly rate: a period of d days grows by (1+i)^(12·d/365).
func ExampleNew_actual365() {
	i, _ := schedule.ParsePercentPerMonth("2")
	d0, _ := calendar.ParseDate("2026-03-10")
	s, _ := schedule.New(schedule.Terms{Principal: decimal.RequireFromString("1000.00"), Rate: i,
		Installments: 3, Release: d0, DayCount: schedule.Actual365})
	printRows(s)
	// Output:
	// 1 2026-04-10 31 34687 2039 32648 67352
	// 2 2026-05-11 61 34687 1328 33359 33993
	// 3 2026-06-10 92 34686 693 33993 0
}

// Interest-only grace: the first installment pays only its interest; the
// other two amortize by Price.
func ExampleNew_grace() {
	i, _ := schedule.ParsePercentPerMonth("2")
	d0, _ := calendar.ParseDate("2026-03-10")
	s, _ := schedule.New(schedule.Terms{Principal: decimal.RequireFromString("1000.00"), Rate: i,
		Installments: 3, Release: d0, DayCount: schedule.Periodic, Grace: 1})
	fmt.Println(s.Installment(), s.Plan().Grace())
	printRows(s)
	// Output:
	// 515.05 1
	// 1 2026-04-10 30 2000 2000 0 100000
	// 2 2026-05-11 60 51505 2000 49505 50495
	// 3 2026-06-10 90 51505 1010 50495 0
}

// SAC: a constant amortization, interest on the balance, installments that
// fall; the installment is the first, the largest.
func ExampleNew_sac() {
	i, _ := schedule.ParsePercentPerMonth("1")
	d0, _ := calendar.ParseDate("2026-03-10")
	s, _ := schedule.New(schedule.Terms{Principal: decimal.RequireFromString("1200.00"), Rate: i,
		Installments: 3, Release: d0, DayCount: schedule.Periodic, Amortization: schedule.SAC})
	fmt.Println(s.Installment(), s.Plan().Amortization())
	printRows(s)
	// Output:
	// 412 sac
	// 1 2026-04-10 30 41200 1200 40000 80000
	// 2 2026-05-11 60 40800 800 40000 40000
	// 3 2026-06-10 90 40400 400 40000 0
}

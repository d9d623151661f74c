package cet_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/cet"
	"github.com/shopspring/decimal"
)

// The Banco Central's CET example (testdata/published/figures.txt, bcb-cet): R$ 1,000.00 financed, a
// R$ 50.00 fee and R$ 10.00 of IOF paid up front, so R$ 940.00 received, and 5
// monthly installments of R$ 205.73, counted at fixed periods of 1/12 year. The
// Banco Central publishes 43.93 % a.a. and 3.08 % a.m.
func ExampleSolve() {
	var flows []cet.Flow
	for k := 1; k <= 5; k++ {
		flows = append(flows, cet.Flow{Time: k, Cents: 20573})
	}
	r, err := cet.Solve(94000, flows, cet.Periodic)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%.2f %% a.a., %.2f %% a.m.\n", r.Percent(), r.MonthlyPercent())
	// Output: 43.93 % a.a., 3.08 % a.m.
}

// The same example on real dates, the regulatory convention: released on
// 2008-01-02 and paid on the 2nd of February to June 2008, which are 31, 60, 91,
// 121 and 152 calendar days later (2008 is a leap year; the year still counts 365).
func ExampleSolve_actual365() {
	var flows []cet.Flow
	for _, days := range []int{31, 60, 91, 121, 152} {
		flows = append(flows, cet.Flow{Time: days, Cents: 20573})
	}
	r, err := cet.Solve(94000, flows, cet.Actual365)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%.2f %% a.a., %.2f %% a.m.\n", r.Percent(), r.MonthlyPercent())
	// Output: 44.08 % a.a., 3.09 % a.m.
}

// A loan without interest or charges has a CET of exactly zero; paying back less
// than received gives a negative CET, which is returned.
func ExampleSolve_zeroAndNegative() {
	zero, _ := cet.Solve(30000, []cet.Flow{{Time: 30, Cents: 10000}, {Time: 60, Cents: 10000}, {Time: 90, Cents: 10000}}, cet.Actual365)
	negative, _ := cet.Solve(10000, []cet.Flow{{Time: 365, Cents: 9000}}, cet.Actual365)
	fmt.Println(zero.Annual(), negative.Percent())
	// Output: 0 -10
}

// Inputs outside the domain return an *apierr.Error: the API's code, the offending
// input and a message, with a reason for errors.Is.
func ExampleSolve_error() {
	_, err := cet.Solve(94000, []cet.Flow{{Time: 31, Cents: 20573}, {Time: -3, Cents: 20573}}, cet.Actual365)
	var e *apierr.Error
	if errors.As(err, &e) {
		fmt.Println(errors.Is(err, cet.ErrBeforeRelease))
		fmt.Println(e.Code, e.Param)
		fmt.Println(e.Detail)
	}
	// Output:
	// true
	// invalid_due_date flows[1].time
	// flows[1] is 3 days before the release date: payments must be on or after it
}

// SolveDates takes civil dates and decimal amounts; only the date of each
// time.Time is read.
func ExampleSolveDates() {
	release := time.Date(2008, time.January, 2, 0, 0, 0, 0, time.UTC)
	var flows []cet.DatedFlow
	for m := time.February; m <= time.June; m++ {
		flows = append(flows, cet.DatedFlow{
			Date:   time.Date(2008, m, 2, 0, 0, 0, 0, time.UTC),
			Amount: decimal.RequireFromString("205.73"),
		})
	}
	r, err := cet.SolveDates(release, decimal.RequireFromString("940.00"), flows)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%.2f %% a.a.\n", r.Percent())

	_, err = cet.SolveDates(release, decimal.RequireFromString("940.001"), flows)
	fmt.Println(err)
	// Output:
	// 44.08 % a.a.
	// invalid_format: net 940.001 has fractions of a cent: want whole cents
}

// oneYear is R$ 100.00 received and R$ 110.00 paid 365 days later: a CET of
// exactly 10 % a.a.
func oneYear() cet.Rate {
	r, _ := cet.Solve(10000, []cet.Flow{{Time: 365, Cents: 11000}}, cet.Actual365)
	return r
}

func ExampleRate_Annual() {
	fmt.Printf("%.12f\n", oneYear().Annual())
	// Output: 0.100000000000
}

// Log is ln(1 + CET) = ln 1.1.
func ExampleRate_Log() {
	fmt.Printf("%.12f\n", oneYear().Log())
	// Output: 0.095310179804
}

// Monthly is 1.1^(1/12) − 1.
func ExampleRate_Monthly() {
	fmt.Printf("%.10f\n", oneYear().Monthly())
	// Output: 0.0079741404
}

func ExampleRate_Percent() {
	fmt.Println(oneYear().Percent())
	// Output: 10
}

// 0.797414… % rounds to 0.80 %.
func ExampleRate_MonthlyPercent() {
	fmt.Println(oneYear().MonthlyPercent())
	// Output: 0.8
}

func ExampleBasis_String() {
	fmt.Println(cet.Actual365, cet.Periodic)
	// Output: actual365 periodic
}

// Every error carries the API's code (the table in the package documentation), the
// offending input as Param and a Detail, with its reason for errors.Is.
func ExampleSolve_codes() {
	_, err := cet.Solve(0, []cet.Flow{{Time: 30, Cents: 100}}, cet.Actual365)
	var e *apierr.Error
	if errors.As(err, &e) && errors.Is(err, cet.ErrNet) {
		fmt.Printf("code=%s param=%s detail=%q\n", e.Code, e.Param, e.Detail)
	}
	fmt.Println(err)
	// Output:
	// code=amount_out_of_range param=net detail="net 0 cents is not positive"
	// amount_out_of_range: net 0 cents is not positive
}

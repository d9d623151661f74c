package schedule_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"

	"github.com/shopspring/decimal"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/calendar"
	"github.com/dinie/lending/money"
	"github.com/dinie/lending/schedule"
)

// The figures of these examples are the hand-computed cases of
// schedule_test.go (TestHandComputed), where the arithmetic is written out.

func ExampleNew() {
	i, _ := schedule.ParsePercentPerMonth("1") // 1 % a.m.
	d0, _ := calendar.ParseDate("2026-03-10")
	s, err := schedule.New(schedule.Terms{
		Principal:    decimal.RequireFromString("1000.00"),
		Rate:         i,
		Installments: 3,
		Release:      d0,
		// FirstDue zero: 2026-04-10; Roll zero: following; DayCount zero: monthly
		// pro rata, which on the anchor day is the classic table.
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("installment", s.Installment().StringFixed(2))
	for _, r := range s.Rows() {
		fmt.Println(r.Number, r.DueDate, r.Payment.StringFixed(2), r.Interest.StringFixed(2),
			r.Principal.StringFixed(2), r.Balance.StringFixed(2))
	}
	fmt.Println("total", s.TotalPayments().StringFixed(2), "interest", s.TotalInterest().StringFixed(2))
	// Output:
	// installment 340.02
	// 1 2026-04-10 340.02 10.00 330.02 669.98
	// 2 2026-05-11 340.02 6.70 333.32 336.66
	// 3 2026-06-10 340.03 3.37 336.66 0.00
	// total 1020.07 interest 20.07
}

func ExampleNew_errors() {
	d0, _ := calendar.ParseDate("2026-03-10")
	_, err := schedule.New(schedule.Terms{
		Principal: decimal.RequireFromString("1.00"), Installments: 150, Release: d0,
	})
	fmt.Println(err)
	var e *apierr.Error
	if errors.As(err, &e) {
		fmt.Println(e.Code, e.Param, errors.Is(err, schedule.ErrResidueExhaustsBalance))
	}
	_, err = schedule.New(schedule.Terms{
		Principal: decimal.RequireFromString("1000.00"), Installments: 421, Release: d0,
	})
	fmt.Println(err)
	// Output:
	// amount_out_of_range: principal 1.00 is too small for 150 installments at this rate: installments of 0.01 pay it off by installment 100; a larger principal or fewer installments is needed
	// amount_out_of_range principal true
	// installments_out_of_range: installment_count 421 is outside 1 to 420
}

func ExampleNewPlan() {
	// One plan serves every count up to 3 and any principal: a grid of terms.
	i, _ := schedule.ParsePercentPerMonth("1")
	d0, _ := calendar.ParseDate("2026-03-10")
	plan, err := schedule.NewPlan(schedule.Terms{Rate: i, Installments: 3, Release: d0})
	if err != nil {
		fmt.Println(err)
		return
	}
	for n := 1; n <= plan.MaxInstallments(); n++ {
		s, _ := plan.ScheduleCents(100000, n)
		fmt.Println(n, money.FormatCents(s.InstallmentCents()))
	}
	// Output:
	// 1 1010.00
	// 2 507.51
	// 3 340.02
}

func ExamplePlan_Schedule() {
	i, _ := schedule.ParsePercentPerMonth("2.5")
	d0, _ := calendar.ParseDate("2026-03-10")
	plan, _ := schedule.NewPlan(schedule.Terms{Rate: i, Installments: 1, Release: d0, DayCount: schedule.Periodic})
	// 1000.20 · 1.025 = 1025.205: an exact tie, rounded half-up.
	s, err := plan.Schedule(decimal.RequireFromString("1000.20"), 1)
	fmt.Println(s.Installment().StringFixed(2), s.Row(1).Interest.StringFixed(2), err)
	// Output: 1025.21 25.01 <nil>
}

func ExamplePlan_ScheduleCents() {
	i, _ := schedule.ParsePercentPerMonth("1")
	d0, _ := calendar.ParseDate("2026-03-10")
	plan, _ := schedule.NewPlan(schedule.Terms{Rate: i, Installments: 3, Release: d0})
	s, _ := plan.ScheduleCents(100000, 3) // 1000.00
	for k := 1; k <= s.Len(); k++ {
		r := s.CentsRow(k)
		fmt.Println(r.Number, r.DueDate, r.Payment, r.Principal)
	}
	// Output:
	// 1 2026-04-10 34002 33002
	// 2 2026-05-11 34002 33332
	// 3 2026-06-10 34003 33666
}

func ExamplePlan_InterestTime() {
	// A 45-day first period under monthly pro rata: 1 month and 15 days = 1.5 = 45/30.
	d0, _ := calendar.ParseDate("2026-04-15")
	first, _ := calendar.ParseDate("2026-05-30")
	plan, _ := schedule.NewPlan(schedule.Terms{Installments: 2, Release: d0, FirstDue: first})
	fmt.Println(plan.InterestTime(1), plan.InterestTime(2), plan.NominalDate(1), plan.DueDate(1))
	// Output: 45 75 2026-05-30 2026-06-01
}

func ExampleSchedule_MarshalJSON() {
	i, _ := schedule.ParsePercentPerMonth("2.5")
	d0, _ := calendar.ParseDate("2026-03-10")
	s, _ := schedule.New(schedule.Terms{Principal: decimal.RequireFromString("1000.20"), Rate: i,
		Installments: 1, Release: d0, DayCount: schedule.Periodic})
	b, _ := json.Marshal(s)
	os.Stdout.Write(append(b, '\n'))
	// Output:
	// {"principal":"1000.20","interest_rate":2.5,"annual_interest_rate":34.4888824246,"rate_per":"month","day_count":"periodic","roll":"following","release_date":"2026-03-10","installment_count":1,"grace":0,"amortization":"price","installment":"1025.21","total_payments":"1025.21","total_interest":"25.01","total_principal":"1000.20","rows":[{"number":1,"nominal_date":"2026-04-10","due_date":"2026-04-10","interest_time":30,"payment":"1025.21","interest":"25.01","principal":"1000.20","balance":"0.00"}]}
}

func ExampleRow_UnmarshalJSON() {
	var r schedule.Row
	err := json.Unmarshal([]byte(`{"number":1,"nominal_date":"2026-06-30","due_date":"2026-06-30",
		"interest_time":180,"payment":"1628.72","interest":"1985.98","principal":"-357.26","balance":"1357.26"}`), &r)
	fmt.Println(r.Number, r.DueDate, r.Principal, err)
	b, _ := json.Marshal(r)
	fmt.Println(string(b))
	// Output:
	// 1 2026-06-30 -357.26 <nil>
	// {"number":1,"nominal_date":"2026-06-30","due_date":"2026-06-30","interest_time":180,"payment":"1628.72","interest":"1985.98","principal":"-357.26","balance":"1357.26"}
}

func ExamplePercentPerMonth() {
	r, err := schedule.PercentPerMonth(decimal.RequireFromString("0.629890"))
	fmt.Println(r, r.Percent(), r.Fraction(), err)
	_, err = schedule.PercentPerMonth(decimal.RequireFromString("100.01"))
	fmt.Println(err)
	_, err = schedule.PercentPerMonth(decimal.RequireFromString("1.00000000001"))
	fmt.Println(err)
	// Output:
	// 0.62989 0.62989 0.0062989 <nil>
	// rate_out_of_range: interest_rate "100.01" % a.m. is outside 0 to 100 % a.m.
	// invalid_format: interest_rate "1.00000000001" has more than 10 decimal places of percent; the library holds rates exactly to 0.0000000001 % a.m.
}

func ExampleParsePercentPerMonth() {
	for _, s := range []string{"2.5", "2.50", "25e-1", "0", "-1", "2,5"} {
		r, err := schedule.ParsePercentPerMonth(s)
		fmt.Println(r, err)
	}
	// Output:
	// 2.5 <nil>
	// 2.5 <nil>
	// 2.5 <nil>
	// 0 <nil>
	// 0 rate_out_of_range: interest_rate "-1" % a.m. is outside 0 to 100 % a.m.
	// 0 invalid_format: interest_rate "2,5" is not a number; expected percent per month like 2.5
}

func ExampleMonthlyRate_Fraction() {
	r, _ := schedule.ParsePercentPerMonth("2.5")
	fmt.Println(r.Percent(), "% a.m. is i =", r.Fraction())
	// Output: 2.5 % a.m. is i = 0.025
}

func ExampleParseDayCount() {
	d, err := schedule.ParseDayCount("daily")
	fmt.Println(d == schedule.DailyProRata, err)
	_, err = schedule.ParseDayCount("30/360")
	fmt.Println(err)
	fmt.Println(schedule.DayCount(0))
	// Output:
	// true <nil>
	// invalid_format: day_count "30/360" is not a day count; expected monthly, periodic, daily, actual365 or business252
	// monthly
}

func ExampleSchedule_CentsRow() {
	i, _ := schedule.ParsePercentPerMonth("1")
	d0, _ := calendar.ParseDate("2026-03-10")
	s, _ := schedule.New(schedule.Terms{Principal: decimal.RequireFromString("1000.00"), Rate: i,
		Installments: 3, Release: d0})
	// Cents for composing packages: no decimal is built.
	r := s.CentsRow(2)
	fmt.Println(r.Number, r.DueDate, r.Payment, r.Interest, r.Principal, r.Balance)
	// The same row as decimals, and as JSON.
	d := r.Row()
	fmt.Println(d.Payment.StringFixed(2), d.Balance.StringFixed(2))
	b, _ := json.Marshal(r)
	fmt.Println(string(b))
	// An installment that does not exist.
	fmt.Println(s.CentsRow(4).Number, s.Row(0).Number)
	// Output:
	// 2 2026-05-11 34002 670 33332 33666
	// 340.02 336.66
	// {"number":2,"nominal_date":"2026-05-10","due_date":"2026-05-11","interest_time":60,"payment":"340.02","interest":"6.70","principal":"333.32","balance":"336.66"}
	// 0 0
}

// AppendJSON writes rows into a caller's buffer, here as JSON lines.
func ExampleCentsRow_AppendJSON() {
	i, _ := schedule.ParsePercentPerMonth("1")
	d0, _ := calendar.ParseDate("2026-03-10")
	s, _ := schedule.New(schedule.Terms{Principal: decimal.RequireFromString("1000.00"), Rate: i,
		Installments: 3, Release: d0})
	buf := make([]byte, 0, 3*192)
	for k := 1; k <= s.Len(); k++ {
		buf = append(s.CentsRow(k).AppendJSON(buf), '\n')
	}
	os.Stdout.Write(buf)
	// Output:
	// {"number":1,"nominal_date":"2026-04-10","due_date":"2026-04-10","interest_time":30,"payment":"340.02","interest":"10.00","principal":"330.02","balance":"669.98"}
	// {"number":2,"nominal_date":"2026-05-10","due_date":"2026-05-11","interest_time":60,"payment":"340.02","interest":"6.70","principal":"333.32","balance":"336.66"}
	// {"number":3,"nominal_date":"2026-06-10","due_date":"2026-06-10","interest_time":90,"payment":"340.03","interest":"3.37","principal":"336.66","balance":"0.00"}
}

func ExampleMonthlyRate_UnmarshalJSON() {
	// The API carries interest_rate as a JSON number of percent per month; it is
	// read exactly, never through a float64.
	var offer struct {
		Rate schedule.MonthlyRate `json:"interest_rate"`
	}
	err := json.Unmarshal([]byte(`{"interest_rate": 0.629890}`), &offer)
	fmt.Println(offer.Rate, offer.Rate.Fraction(), err)
	b, _ := json.Marshal(offer)
	fmt.Println(string(b))
	err = json.Unmarshal([]byte(`{"interest_rate": 250}`), &offer)
	fmt.Println(err)
	// Output:
	// 0.62989 0.0062989 <nil>
	// {"interest_rate":0.62989}
	// rate_out_of_range: interest_rate "250" % a.m. is outside 0 to 100 % a.m.
}

func ExampleDayCount_UnmarshalText() {
	var opts struct {
		DayCount schedule.DayCount `json:"day_count"`
	}
	err := json.Unmarshal([]byte(`{"day_count":"periodic"}`), &opts)
	fmt.Println(opts.DayCount, opts.DayCount == schedule.Periodic, err)
	b, _ := json.Marshal(opts)
	fmt.Println(string(b))
	// Output:
	// periodic true <nil>
	// {"day_count":"periodic"}
}

func ExamplePlan_InstallmentCents() {
	// The installment alone, without the rows: 1000.00 at 1 % a.m. over 1 to 3
	// months (the table of ExampleNew has 340.02 for 3), and the refusal of a
	// principal whose installment rounds to zero.
	i, _ := schedule.ParsePercentPerMonth("1")
	d0, _ := calendar.ParseDate("2026-03-10")
	plan, _ := schedule.NewPlan(schedule.Terms{Rate: i, Installments: 3, Release: d0})
	for n := 1; n <= 3; n++ {
		pmt, _ := plan.InstallmentCents(100000, n)
		fmt.Println(n, money.FormatCents(pmt))
	}
	_, err := plan.InstallmentCents(0, 3)
	fmt.Println(err)
	// Output:
	// 1 1010.00
	// 2 507.51
	// 3 340.02
	// amount_out_of_range: principal 0.00 is outside 1.00 to 1000000000.00
}

// Growth is (1+i)^t over the first n installments: 1.03^12 ≈ 1.4258 for a year of
// monthly installments from an anchor day (t = 12 months; a hand computation).
func ExamplePlan_Growth() {
	rate, _ := schedule.ParsePercentPerMonth("3")
	release, _ := calendar.ParseDate("2026-03-10")
	plan, _ := schedule.NewPlan(schedule.Terms{Rate: rate, Release: release, Installments: 12})
	fmt.Printf("%.4f %.4f\n", plan.Growth(1), plan.Growth(12))
	// Output:
	// 1.0300 1.4258
}

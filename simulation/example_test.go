package simulation_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"github.com/dinie/lending/calendar"
	"github.com/dinie/lending/iof"
	"github.com/dinie/lending/schedule"
	"github.com/dinie/lending/simulation"
	"github.com/dinie/lending/statemachine"
)

// exampleOffer is an MEI's offer: R$ 1,000.00 to R$ 50,000.00 at 3 % a.m. over 6
// to 24 months. R$ 10,000.00 over 12 of it released on 2026-03-10 is the golden
// case regular-12 (testdata/simulation), which the reference implementation
// checks field by field; so is regular-12-financed.
func exampleOffer() statemachine.Offer {
	rate, _ := schedule.ParsePercentPerMonth("3")
	return statemachine.Offer{
		ID:              "co_550e8400e29b41d4a716446655440000",
		Status:          statemachine.OfferAvailable,
		ApprovedAmount:  decimal.RequireFromString("50000.00"),
		MinAmount:       decimal.RequireFromString("1000.00"),
		InterestRate:    rate,
		MinInstallments: 6,
		MaxInstallments: 24,
		ValidUntil:      time.Date(2026, 3, 31, 23, 59, 59, 0, time.UTC),
		BorrowerClass:   iof.MEI,
	}
}

func exampleOptions() simulation.Options {
	release, _ := calendar.ParseDate("2026-03-10")
	return simulation.Options{Now: time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC), Release: release}
}

func ExampleSimulate() {
	req, err := simulation.ParseRequest("10000.00", 12)
	if err != nil {
		fmt.Println(err)
		return
	}
	s, err := simulation.Simulate(exampleOffer(), req, exampleOptions())
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("amount", s.Amount().StringFixed(2))
	fmt.Println("fees + IOF", s.FeesAmount().StringFixed(2), "+", s.IOFAmount().StringFixed(2))
	fmt.Println("12 ×", s.InstallmentsValue().StringFixed(2), "from", s.FirstDueDate())
	fmt.Println("total", s.TotalLoanAmount().StringFixed(2), "interest", s.InterestAmount().StringFixed(2))
	fmt.Println("rate", s.InterestPercentage(), "% a.m. =", s.AnnualInterestPercentage(), "% a.a.")
	fmt.Println("CET", s.CETPercentage(), "% a.a.,", s.CETMonthlyPercentage(), "% a.m.")
	// Output:
	// amount 9904.49
	// fees + IOF 0.00 + 95.51
	// 12 × 1004.62 from 2026-04-10
	// total 12055.45 interest 2055.45
	// rate 3 % a.m. = 42.58 % a.a.
	// CET 44.87 % a.a., 3.14 % a.m.
}

// The errors carry the API's code and param.
func ExampleSimulate_error() {
	req, _ := simulation.ParseRequest("60000.00", 12)
	_, err := simulation.Simulate(exampleOffer(), req, exampleOptions())
	fmt.Println(err)
	// Output:
	// amount_out_of_range: requested_amount 60000.00 is above approved_amount 50000.00
}

// With the charges financed the customer receives what was asked for.
func ExampleSimulate_financed() {
	opts := exampleOptions()
	opts.Charges = simulation.Financed
	req, _ := simulation.ParseRequest("10000.00", 12)
	s, err := simulation.Simulate(exampleOffer(), req, opts)
	if err != nil {
		fmt.Println(err)
		return
	}
	c := s.Cents()
	fmt.Println("principal", s.Principal(), "= amount", s.Amount(), "+ fees", s.FeesAmount(), "+ IOF", s.IOFAmount())
	fmt.Println(c.Principal == c.Amount+c.Fees+c.IOF)
	// Output:
	// principal 10096.43 = amount 10000 + fees 0 + IOF 96.43
	// true
}

func ExampleGrid() {
	terms, err := simulation.Grid(exampleOffer(), decimal.RequireFromString("10000.00"), exampleOptions())
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, t := range terms {
		if t.Installments%6 != 0 {
			continue
		}
		if t.Err != nil {
			fmt.Println(t.Installments, t.Err)
			continue
		}
		fmt.Printf("%2d × %8s  CET %.2f %%\n", t.Installments, t.Simulation.InstallmentsValue().StringFixed(2), t.Simulation.CETPercentage())
	}
	// Output:
	//  6 ×  1845.98  CET 45.59 %
	// 12 ×  1004.62  CET 44.87 %
	// 18 ×   727.09  CET 44.53 %
	// 24 ×   590.47  CET 44.23 %
}

func ExampleParseRequest() {
	_, err := simulation.ParseRequest("10000", 12)
	fmt.Println(err)
	// Output:
	// invalid_format: requested_amount "10000" has no decimal point; expected digits, a point and exactly two decimal places, like 1234.56 (no sign, exponent, spaces or thousands separator)
}

func ExampleParseCharges() {
	c, err := simulation.ParseCharges("financed")
	fmt.Println(c == simulation.Financed, err)
	_, err = simulation.ParseCharges("upfront")
	fmt.Println(err)
	// Output:
	// true <nil>
	// invalid_format: charges "upfront" is not a charges mode; expected deducted or financed
}

// MarshalJSON writes the API's response body, with the library's extras under
// "breakdown". By hand: PMT = 1000 × 0.03 × 1.03² / (1.03² − 1) = 522.6108… →
// 522.61; interest 1000 × 3 % = 30.00, then 507.39 × 3 % = 15.2217 → 15.22;
// IOF daily (492.61 × 31 + 507.39 × 62 days) × 0.00274 % = 1.2804… → 1.28,
// additional 1000 × 0.38 % = 3.80; amount 1000.00 − 5.08 = 994.92.
func ExampleSimulation_MarshalJSON() {
	o := exampleOffer()
	o.MinInstallments = 1
	req, _ := simulation.ParseRequest("1000.00", 2)
	s, err := simulation.Simulate(o, req, exampleOptions())
	if err != nil {
		fmt.Println(err)
		return
	}
	s, _ = s.WithID("sim_9f1c2d3e4b5a69788796a5b4c3d2e1f0")
	b, _ := json.MarshalIndent(s, "", "  ")
	fmt.Println(string(b))
	// Output:
	// {
	//   "id": "sim_9f1c2d3e4b5a69788796a5b4c3d2e1f0",
	//   "credit_offer_id": "co_550e8400e29b41d4a716446655440000",
	//   "requested_amount": "1000.00",
	//   "amount": "994.92",
	//   "interest_amount": "45.22",
	//   "fees_amount": "0.00",
	//   "iof_amount": "5.08",
	//   "total_loan_amount": "1045.22",
	//   "interest_percentage": 3,
	//   "cet_percentage": 47.43,
	//   "number_of_installments": 2,
	//   "installments_value": "522.61",
	//   "first_due_date": "2026-04-10",
	//   "breakdown": {
	//     "principal": "1000.00",
	//     "charges": "deducted",
	//     "annual_interest_percentage": 42.58,
	//     "annual_interest_rate": 42.5760886846,
	//     "rate_per": "month",
	//     "cet_monthly_percentage": 3.29,
	//     "created_at": "2026-03-10T12:00:00Z",
	//     "release_date": "2026-03-10",
	//     "day_count": "monthly",
	//     "roll": "following",
	//     "grace": 0,
	//     "amortization": "price",
	//     "iof": {
	//       "daily_amount": "1.28",
	//       "additional_amount": "3.80",
	//       "borrower_class": "mei",
	//       "applied_class": "mei",
	//       "rates": {
	//         "daily": 0.00274,
	//         "additional": 0.38
	//       }
	//     },
	//     "schedule": [
	//       {
	//         "number": 1,
	//         "nominal_date": "2026-04-10",
	//         "due_date": "2026-04-10",
	//         "interest_time": 30,
	//         "payment": "522.61",
	//         "interest": "30.00",
	//         "principal": "492.61",
	//         "balance": "507.39"
	//       },
	//       {
	//         "number": 2,
	//         "nominal_date": "2026-05-10",
	//         "due_date": "2026-05-11",
	//         "interest_time": 60,
	//         "payment": "522.61",
	//         "interest": "15.22",
	//         "principal": "507.39",
	//         "balance": "0.00"
	//       }
	//     ]
	//   }
	// }
}

// A simulation stored as JSON reads back checked and equal.
func ExampleSimulation_UnmarshalJSON() {
	req, _ := simulation.ParseRequest("10000.00", 12)
	s, _ := simulation.Simulate(exampleOffer(), req, exampleOptions())
	b, _ := json.Marshal(s)

	var back simulation.Simulation
	if err := json.Unmarshal(b, &back); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(back.InstallmentsValue(), back.FirstDueDate(), back.Cents() == s.Cents())

	tampered := []byte(string(b[:len(b)-3]) + "}}") // the closing of the last row removed
	fmt.Println(back.UnmarshalJSON(tampered) != nil)
	// Output:
	// 1004.62 2026-04-10 true
	// true
}

// The server mints the id; WithID checks it.
func ExampleSimulation_WithID() {
	req, _ := simulation.ParseRequest("10000.00", 12)
	s, _ := simulation.Simulate(exampleOffer(), req, exampleOptions())
	s, err := s.WithID("sim_0123456789abcdef0123456789abcdef")
	fmt.Println(s.ID(), s.CreditOfferID(), err)
	_, err = s.WithID("sim_123")
	fmt.Println(err != nil)
	// Output:
	// sim_0123456789abcdef0123456789abcdef co_550e8400e29b41d4a716446655440000 <nil>
	// true
}

// Cents reads every amount without building decimals, for further arithmetic.
func ExampleSimulation_Cents() {
	req, _ := simulation.ParseRequest("10000.00", 12)
	s, _ := simulation.Simulate(exampleOffer(), req, exampleOptions())
	c := s.Cents()
	fmt.Println(c.Total == c.Amount+c.Interest+c.Fees+c.IOF, c.Total)
	fmt.Println(s.IOF().DailyCents, s.IOF().AdditionalCents, s.IOF().Applied)
	// Output:
	// true 1205545
	// 5751 3800 mei
}

// Rows lists the schedule; CentsRow reads one row in cents.
func ExampleSimulation_Rows() {
	req, _ := simulation.ParseRequest("3000.00", 6)
	s, _ := simulation.Simulate(exampleOffer(), req, exampleOptions())
	for _, r := range s.Rows() {
		fmt.Println(r.Number, r.DueDate, r.Payment.StringFixed(2), r.Interest.StringFixed(2), r.Balance.StringFixed(2))
	}
	// Output:
	// 1 2026-04-10 553.79 90.00 2536.21
	// 2 2026-05-11 553.79 76.09 2058.51
	// 3 2026-06-10 553.79 61.76 1566.48
	// 4 2026-07-10 553.79 46.99 1059.68
	// 5 2026-08-10 553.79 31.79 537.68
	// 6 2026-09-10 553.81 16.13 0.00
}

// AppendJSON writes into a caller's buffer: a batch of simulations as JSON lines
// without a buffer per simulation.
func ExampleSimulation_AppendJSON() {
	var buf []byte
	for _, amount := range []string{"1000.00", "2000.00"} {
		req, _ := simulation.ParseRequest(amount, 6)
		s, err := simulation.Simulate(exampleOffer(), req, exampleOptions())
		if err != nil {
			fmt.Println(err)
			return
		}
		buf = append(s.AppendJSON(buf), '\n')
	}
	lines := bytes.Split(bytes.TrimSpace(buf), []byte("\n"))
	fmt.Println(len(lines), string(lines[1][:64]))
	// Output:
	// 2 {"id":"","credit_offer_id":"co_550e8400e29b41d4a716446655440000"
}

// IOF shows the tax's work: the two parts, the class given and applied, the rates.
func ExampleSimulation_IOF() {
	req, _ := simulation.ParseRequest("10000.00", 12)
	s, _ := simulation.Simulate(exampleOffer(), req, exampleOptions())
	f := s.IOF()
	fmt.Println(f.Daily(), "+", f.Additional(), "=", f.Total())
	fmt.Println(f.Class, "taxed as", f.Applied, "at", f.Rates.Daily, "a day +", f.Rates.Additional)
	// Output:
	// 57.51 + 38 = 95.51
	// mei taxed as mei at 0.00274% a day + 0.38%
}

// How much can be borrowed paying at most 500.00 a month over 12
// installments: charges deducted, the requested amount is the schedule's
// largest principal; financed (with a 50.00 + 1 % fee), the requested amount
// whose principal, fees and IOF included, keeps the installment within 500.00.
func ExampleSimulateInstallment() {
	o := exampleOffer()
	o.MinAmount = decimal.RequireFromString("1.00")
	opts := exampleOptions()
	s, err := simulation.SimulateInstallment(o, decimal.RequireFromString("500.00"), 12, opts)
	fmt.Println(s.RequestedAmount().StringFixed(2), s.InstallmentsValue().StringFixed(2), err)
	o.FeeFixed, o.FeePercent = decimal.RequireFromString("50.00"), decimal.RequireFromString("1")
	opts.Charges = simulation.Financed
	s, err = simulation.SimulateInstallment(o, decimal.RequireFromString("500.00"), 12, opts)
	fmt.Println(s.RequestedAmount().StringFixed(2), s.Principal().StringFixed(2), s.InstallmentsValue().StringFixed(2), err)
	// Output:
	// 4977.05 500.00 <nil>
	// 4831.21 4977.05 500.00 <nil>
}

// A contract at 30 % a.a. on business days, with two interest-only
// installments and SAC: interest_percentage is the monthly equivalent, and the
// installment is the first amortizing one.
func ExampleOptions_modes() {
	req, _ := simulation.ParseRequest("10000.00", 12)
	opts := exampleOptions()
	opts.AnnualRate, _ = schedule.ParsePercentPerYear("30")
	opts.DayCount, opts.Grace, opts.Amortization = schedule.Business252, 2, schedule.SAC
	s, err := simulation.Simulate(exampleOffer(), req, opts)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(s.InterestPercentage(), s.AnnualInterestRate(), s.RatePerYear(), s.AnnualInterestPercentage())
	fmt.Println(s.Grace(), s.Amortization(), s.InstallmentsValue().StringFixed(2))
	for k := 1; k <= 3; k++ {
		r := s.CentsRow(k)
		fmt.Println(r.Number, r.DueDate, r.InterestTime, r.Payment, r.Interest, r.Principal)
	}
	// Output:
	// 2.2104450594 30 true 30
	// 2 sac 1221.04
	// 1 2026-04-10 22 23169 23169 0
	// 2 2026-05-11 41 19978 19978 0
	// 3 2026-06-10 62 122104 22104 100000
}

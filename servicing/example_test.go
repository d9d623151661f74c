package servicing_test

import (
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"github.com/dinie/lending/calendar"
	"github.com/dinie/lending/iof"
	"github.com/dinie/lending/money"
	"github.com/dinie/lending/schedule"
	"github.com/dinie/lending/servicing"
	"github.com/dinie/lending/simulation"
	"github.com/dinie/lending/statemachine"
)

func date(s string) calendar.Date {
	d, err := calendar.ParseDate(s)
	if err != nil {
		panic(err) // examples only: the literals are valid dates
	}
	return d
}

func amount(s string) decimal.Decimal {
	d, err := money.Parse(s)
	if err != nil {
		panic(err) // examples only
	}
	return d
}

// exampleSimulation is R$ 10,000.00 over 12 months at 3 % a.m. to an MEI, released
// on 2026-03-10 (installments of 1,004.62 from 2026-04-10).
func exampleSimulation() *simulation.Simulation {
	now := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	rate, _ := schedule.ParsePercentPerMonth("3")
	offer := statemachine.Offer{Status: statemachine.OfferAvailable, ValidUntil: now.Add(time.Hour),
		ApprovedAmount: amount("50000.00"), MinAmount: amount("1000.00"), InterestRate: rate,
		MinInstallments: 1, MaxInstallments: 24, BorrowerClass: iof.MEI}
	req, _ := simulation.ParseRequest("10000.00", 12)
	sim, err := simulation.Simulate(offer, req, simulation.Options{Now: now, Release: date("2026-03-10")})
	if err != nil {
		panic(err)
	}
	return sim
}

// A loan's life: booked from its simulation, the first installment paid on time,
// the second paid 10 days late with its charges, and the transactions on a date.
func Example() {
	loan, _ := servicing.Book(exampleSimulation(), servicing.DefaultTerms())
	loan, r, _ := loan.Pay(statemachine.LoanActive, 1, amount("1004.62"), date("2026-04-10"))
	fmt.Println(r.Status, r.Events, money.FormatCents(r.Payment.Allocation.Interest), money.FormatCents(r.Payment.Allocation.Principal))

	// Installment 2 is due 2026-05-11 (05-10 is a Sunday); on 2026-05-21 it is 11 days
	// late counted from the nominal date.
	txs, _ := loan.Transactions(date("2026-05-21"))
	l := txs[1].Late
	fmt.Println(txs[1].Status, txs[1].DaysOverdue, l.Days, money.FormatCents(l.Fine), money.FormatCents(l.Mora),
		money.FormatCents(l.Interest), money.FormatCents(l.IOF), money.FormatCents(l.Owed))
	owed := txs[1].AmountRemaining + l.Owed
	loan, r, _ = loan.Pay(statemachine.LoanActive, 2, money.FromCents(owed), date("2026-05-21"))
	a := r.Payment.Allocation
	fmt.Println(money.FormatCents(owed), money.FormatCents(a.Charges()), money.FormatCents(a.Interest), money.FormatCents(a.Principal))
	txs, _ = loan.Transactions(date("2026-05-21"))
	fmt.Println(txs[1].Status, txs[1].PaidAt, txs[2].Status, len(loan.Payments()))
	// Output:
	// active [loan.payment_received] 300.00 704.62
	// overdue 10 11 20.09 3.68 10.95 0.20 34.92
	// 1039.54 34.92 278.86 725.76
	// paid 2026-05-21 pending 2
}

// Booking the reproducer of a long first period: installment 1's interest (1,846.77)
// is above its payment (1,154.83), so it reads interest 1,154.83 and principal 0.00.
func ExampleBook() {
	now := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	rate, _ := schedule.ParsePercentPerMonth("3")
	offer := statemachine.Offer{Status: statemachine.OfferAvailable, ValidUntil: now,
		ApprovedAmount: amount("50000.00"), MinAmount: amount("1.00"), InterestRate: rate,
		MinInstallments: 1, MaxInstallments: 24, BorrowerClass: iof.MEI}
	req, _ := simulation.ParseRequest("10000.00", 12)
	sim, _ := simulation.Simulate(offer, req, simulation.Options{Now: now, Release: date("2026-03-10"),
		FirstDue: date("2026-09-01")})
	loan, err := servicing.Book(sim, servicing.DefaultTerms())
	txs, _ := loan.Transactions(date("2026-03-10"))
	fmt.Println(err, money.FormatCents(txs[0].AmountDue), money.FormatCents(txs[0].Interest), money.FormatCents(txs[0].Principal))
	// Output: <nil> 1154.83 1154.83 0.00
}

// A contract from its rows: one installment of 3,000.00 to an individual, the
// published check of the late charges (60.00 of fine and 10.00 of mora for 10 days).
func ExampleNew() {
	c := servicing.Contract{Release: date("2026-03-02"), DayCount: schedule.MonthlyProRata, Class: iof.Individual,
		Principal: 300000, Rows: []schedule.CentsRow{{Number: 1, NominalDate: date("2026-04-02"),
			DueDate: date("2026-04-02"), Payment: 300000, Principal: 300000}}}
	loan, _ := servicing.New(c, servicing.DefaultTerms())
	txs, _ := loan.Transactions(date("2026-04-12"))
	l := txs[0].Late
	fmt.Println(l.Days, money.FormatCents(l.Fine), money.FormatCents(l.Mora), money.FormatCents(l.Interest), money.FormatCents(l.IOF))
	c.Rows[0].DueDate = calendar.Date{}
	_, err := servicing.New(c, servicing.DefaultTerms())
	fmt.Println(err)
	// Output:
	// 10 60.00 10.00 0.00 2.46
	// missing_required_field: installment 1 has no due_date
}

func ExampleDefaultTerms() {
	t := servicing.DefaultTerms()
	fmt.Println(t.FinePercent, t.MoraPercent, t.DelayInterest, t.CountFrom, t.PrepaymentFeePercent)
	t.FinePercent = decimal.New(5, 0)
	_, err := servicing.Book(exampleSimulation(), t)
	fmt.Println(err)
	// Output:
	// 2 1 compound original 0
	// rate_out_of_range: fine_percent 5 is outside 0 to 2, the fine's cap for a mei borrower (CDC art. 52 §1 for individuals and MEIs, Decreto 22.626/1933 art. 9 for companies)
}

func ExampleLoan_Pay() {
	loan, _ := servicing.Book(exampleSimulation(), servicing.DefaultTerms())
	_, _, err := loan.Pay(statemachine.LoanActive, 1, amount("1004.63"), date("2026-04-10"))
	fmt.Println(err)
	part, r, _ := loan.Pay(statemachine.LoanActive, 1, amount("400.00"), date("2026-04-09"))
	fmt.Println(r.Status, money.FormatCents(r.Payment.Allocation.Interest), money.FormatCents(r.Payment.Allocation.Principal))
	txs, _ := part.Transactions(date("2026-04-10"))
	fmt.Println(txs[0].Status, money.FormatCents(txs[0].AmountRemaining))
	_, _, err = loan.Pay(statemachine.LoanCancelled, 1, amount("1.00"), date("2026-04-09"))
	fmt.Println(err)
	// Output:
	// amount_out_of_range: amount 1004.63 is above what installment 1 owes on 2026-04-10: amount_remaining 1004.62
	// active 300.00 100.00
	// partially_paid 604.62
	// invalid_transition: a loan receives payments only while active; it is cancelled
}

func ExampleLoan_Transactions() {
	loan, _ := servicing.Book(exampleSimulation(), servicing.DefaultTerms())
	txs, _ := loan.Transactions(date("2026-04-20"))
	b, _ := txs[0].MarshalJSON()
	fmt.Println(string(b))
	// Output:
	// {"id":"","type":"installment","due_date":"2026-04-10","status":"overdue","amount_due":"1004.62","amount_paid":"0.00","amount_remaining":"1004.62","principal":"704.62","interest":"300.00","fees":"0.00","days_overdue":10,"paid_at":null,"breakdown":{"installment_number":1,"nominal_date":"2026-04-10","late":{"days":10,"fine":"20.09","mora":"3.35","interest":"9.95","iof":"0.19","total":"33.58","owed":"33.58"},"payments":[]}}
}

// The payoff on the 6th due date, after paying the first six: the present value of
// the last six installments, each discounted at 3 % a.m. from its due date.
func ExampleLoan_Payoff() {
	sim := exampleSimulation()
	loan, _ := servicing.Book(sim, servicing.DefaultTerms())
	for k := 1; k <= 6; k++ {
		row := sim.CentsRow(k)
		loan, _, _ = loan.Pay(statemachine.LoanActive, k, money.FromCents(row.Payment), row.DueDate)
	}
	p, _ := loan.Payoff(sim.CentsRow(6).DueDate)
	fmt.Println(money.FormatCents(p.Amount), money.FormatCents(sim.CentsRow(6).Balance))
	for _, it := range p.Installments[:2] {
		fmt.Println(it.Number, money.FormatCents(it.Remaining), money.FormatCents(it.PresentValue), money.FormatCents(it.Discount))
	}
	// Output:
	// 5442.23 5442.22
	// 7 1004.62 975.36 29.26
	// 8 1004.62 946.95 57.67
}

func ExampleLoan_Prepay() {
	sim := exampleSimulation()
	loan, _ := servicing.Book(sim, servicing.DefaultTerms())
	for k := 1; k <= 6; k++ {
		row := sim.CentsRow(k)
		loan, _, _ = loan.Pay(statemachine.LoanActive, k, money.FromCents(row.Payment), row.DueDate)
	}
	s := sim.CentsRow(6).DueDate
	for _, m := range []servicing.Mode{servicing.ReduceTerm, servicing.ReduceInstallment} {
		p, _ := loan.Prepay(s, amount("2000.00"), m)
		fmt.Println(m, money.FormatCents(p.Balance), len(p.Schedule))
		for _, r := range p.Schedule {
			fmt.Println(" ", r.Number, r.DueDate, money.FormatCents(r.Payment), money.FormatCents(r.Balance))
		}
	}
	_, err := loan.Prepay(s, amount("5442.23"), servicing.ReduceTerm)
	fmt.Println(err)
	// Output:
	// reduce_term 5442.23 4
	//   7 2026-10-13 1004.62 2540.87
	//   8 2026-11-10 1004.62 1612.48
	//   9 2026-12-10 1004.62 656.23
	//   10 2027-01-11 675.92 0.00
	// reduce_installment 5442.23 6
	//   7 2026-10-13 635.43 2910.07
	//   8 2026-11-10 635.43 2361.94
	//   9 2026-12-10 635.43 1797.37
	//   10 2027-01-11 635.43 1215.86
	//   11 2027-02-10 635.43 616.91
	//   12 2027-03-10 635.42 0.00
	// amount_out_of_range: amount 5442.23 reaches the payoff of the open installments on 2026-09-10, 5442.23: that is a total settlement (Payoff)
}

func ExampleParseMode() {
	m, err := servicing.ParseMode("reduce_installment")
	fmt.Println(m, err)
	_, err = servicing.ParseMode("reduce")
	fmt.Println(err)
	// Output:
	// reduce_installment <nil>
	// invalid_format: mode "reduce" is not a prepayment mode; expected reduce_term or reduce_installment
}

func ExampleParseDelayInterest() {
	d, err := servicing.ParseDelayInterest("linear")
	fmt.Println(d, err)
	// Output: linear <nil>
}

func ExampleParseCountFrom() {
	c, err := servicing.ParseCountFrom("rolled")
	fmt.Println(c, err)
	// Output: rolled <nil>
}

func ExamplePayment_MarshalJSON() {
	loan, _ := servicing.Book(exampleSimulation(), servicing.DefaultTerms())
	_, r, _ := loan.Pay(statemachine.LoanActive, 1, amount("500.00"), date("2026-04-10"))
	b, _ := r.Payment.MarshalJSON()
	fmt.Println(string(b))
	// Output: {"installment_number":1,"amount":"500.00","paid_at":"2026-04-10","allocation":{"iof":"0.00","fine":"0.00","mora":"0.00","delay_interest":"0.00","interest":"300.00","principal":"200.00","discount":"0.00","prepayment_fee":"0.00"}}
}

func ExamplePayoff_MarshalJSON() {
	loan, _ := servicing.Book(exampleSimulation(), servicing.DefaultTerms())
	p, _ := loan.Payoff(date("2026-03-10"))
	p.Installments = p.Installments[:1]
	b, _ := p.MarshalJSON()
	fmt.Println(string(b))
	// Output: {"date":"2026-03-10","amount":"10000.00","prepayment_fee":"0.00","installments":[{"installment_number":1,"amount_remaining":"1004.62","present_value":"975.36","discount":"29.26","late":"0.00"}]}
}

// The STJ's count (REsp 1.954.924): due Saturday 2007-05-05, rolled to Monday
// 2007-05-07, paid 2007-05-28.
func ExampleDaysLate() {
	nominal, due, paid := date("2007-05-05"), date("2007-05-07"), date("2007-05-28")
	fmt.Println(servicing.DaysLate(nominal, due, paid, servicing.Original), servicing.DaysLate(nominal, due, paid, servicing.Rolled),
		servicing.DaysLate(nominal, due, due, servicing.Original))
	// Output: 23 21 0
}

// A server reuses one buffer for the transactions of every request.
func ExampleLoan_AppendTransactions() {
	loan, _ := servicing.Book(exampleSimulation(), servicing.DefaultTerms())
	buf := make([]servicing.Transaction, 0, loan.Len())
	buf, _ = loan.AppendTransactions(buf[:0], date("2026-03-10"))
	buf[0].ID = "tx_9f2c0d9a0a6b4c1e8d7f6e5d4c3b2a19" // the server's id
	b, _ := buf[0].MarshalJSON()
	fmt.Println(len(buf), string(b[:50]))
	// Output: 12 {"id":"tx_9f2c0d9a0a6b4c1e8d7f6e5d4c3b2a19","type"
}

func ExampleLoan_Payments() {
	sim := exampleSimulation()
	loan, _ := servicing.Book(sim, servicing.DefaultTerms())
	loan, _, _ = loan.Pay(statemachine.LoanActive, 2, amount("100.00"), date("2026-04-01"))
	loan, _, _ = loan.Pay(statemachine.LoanActive, 1, amount("1004.62"), date("2026-04-10"))
	for _, p := range loan.Payments() {
		fmt.Println(p.Date, p.Installment, money.FormatCents(p.Amount))
	}
	fmt.Println(loan.Len(), loan.Release(), loan.Paid())
	// Output:
	// 2026-04-01 2 100.00
	// 2026-04-10 1 1004.62
	// 12 2026-03-10 false
}

// 9,000.00 of the 10,000.00 payoff on the release day cancels installments 12 to 3 (their
// present values add up to 8,077.69) and cuts installment 2 by the future value of the
// 922.31 left, 922.31 × 1.03² = 978.48, to 26.14; the new balance is 1,000.00.
func ExamplePrepayment_MarshalJSON() {
	sim := exampleSimulation()
	loan, _ := servicing.Book(sim, servicing.DefaultTerms())
	p, _ := loan.Prepay(date("2026-03-10"), amount("9000.00"), servicing.ReduceTerm)
	b, _ := p.MarshalJSON()
	fmt.Println(string(b))
	// Output: {"date":"2026-03-10","amount":"9000.00","mode":"reduce_term","balance":"10000.00","fee":"0.00","schedule":[{"number":1,"nominal_date":"2026-04-10","due_date":"2026-04-10","interest_time":30,"payment":"1004.62","interest":"30.00","principal":"974.62","balance":"25.38"},{"number":2,"nominal_date":"2026-05-10","due_date":"2026-05-11","interest_time":60,"payment":"26.14","interest":"0.76","principal":"25.38","balance":"0.00"}]}
}

func ExampleAllocation_Charges() {
	loan, _ := servicing.Book(exampleSimulation(), servicing.DefaultTerms())
	_, r, _ := loan.Pay(statemachine.LoanActive, 1, amount("1004.62"), date("2026-04-20"))
	a := r.Payment.Allocation
	fmt.Println(money.FormatCents(a.Charges()), money.FormatCents(a.Interest), money.FormatCents(a.Principal))
	// Output: 33.58 300.00 671.04
}

// Settling on the 6th due date, after paying the first six, pays the payoff of
// ExampleLoan_Payoff: installment 7 pays its present value and is forgiven the rest
// out of its interest — by hand, its interest is 3 % of the 5,442.22 balance, 163.27,
// so 163.27 − 29.26 = 134.01 of interest is paid, and its whole principal, 841.35.
func ExampleLoan_Settle() {
	sim := exampleSimulation()
	loan, _ := servicing.Book(sim, servicing.DefaultTerms())
	for k := 1; k <= 6; k++ {
		row := sim.CentsRow(k)
		loan, _, _ = loan.Pay(statemachine.LoanActive, k, money.FromCents(row.Payment), row.DueDate)
	}
	done, s, _ := loan.Settle(statemachine.LoanActive, sim.CentsRow(6).DueDate)
	var sum int64
	for _, p := range s.Payments {
		sum += p.Amount
	}
	a := s.Payments[0].Allocation
	fmt.Println(money.FormatCents(sum), s.Status, len(s.Events), done.Paid())
	fmt.Println(s.Payments[0].Installment, money.FormatCents(s.Payments[0].Amount), money.FormatCents(a.Discount),
		money.FormatCents(a.Interest), money.FormatCents(a.Principal))
	// Output:
	// 5442.23 finished 7 true
	// 7 975.36 29.26 134.01 841.35
}

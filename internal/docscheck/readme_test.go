package docscheck_test

// The code blocks of README.md, one Example each, so that every snippet compiles
// and every figure the README shows in a comment is printed and checked here. The
// figures are the library's (Examples of the packages themselves check the same
// cases against published or hand-computed values); TestReadmeSnippets holds the
// README to this file line by line.

import (
	"errors"
	"fmt"
	"net/http/httptest"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/dinie/lending/api"
	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/calendar"
	"github.com/dinie/lending/cet"
	"github.com/dinie/lending/iof"
	"github.com/dinie/lending/schedule"
	"github.com/dinie/lending/servicing"
	"github.com/dinie/lending/simulation"
	"github.com/dinie/lending/statemachine"
	"github.com/dinie/lending/validation"
	"github.com/dinie/lending/webhook"
)

func readmeSimulation() *simulation.Simulation {
	rate, _ := schedule.ParsePercentPerMonth("3")
	offer := statemachine.Offer{
		Status:          statemachine.OfferAvailable,
		ApprovedAmount:  decimal.RequireFromString("50000.00"),
		MinAmount:       decimal.RequireFromString("1000.00"),
		InterestRate:    rate,
		MinInstallments: 6,
		MaxInstallments: 24,
		ValidUntil:      time.Date(2026, 12, 31, 23, 59, 59, 0, time.UTC),
		BorrowerClass:   iof.MEI,
	}
	release, _ := calendar.ParseDate("2026-11-25")
	req, _ := simulation.ParseRequest("10000.00", 12)
	sim, err := simulation.Simulate(offer, req, simulation.Options{
		Now:     time.Date(2026, 11, 25, 15, 0, 0, 0, time.UTC), // the library never reads the clock
		Release: release,
	})
	if err != nil {
		panic(err)
	}
	return sim
}

func Example_readmeSimulation() {
	sim := readmeSimulation()
	// sim.InstallmentsValue() 1004.62, sim.IOFAmount() 95.08, sim.CETPercentage() 45.27
	body, _ := sim.MarshalJSON() // the API's response body, extras under "breakdown"
	fmt.Println(sim.InstallmentsValue(), sim.IOFAmount(), sim.CETPercentage())
	fmt.Println(strings.Contains(string(body), `"breakdown":`))
	// Output:
	// 1004.62 95.08 45.27
	// true
}

func Example_readmeValidation() {
	cpf, err := validation.ParseCPF("280.012.389-38") // cpf.String() "28001238938", cpf.Format() "280.012.389-38"
	fmt.Println(cpf.String(), cpf.Format(), err)

	_, err = validation.ParseCNPJ("12.ABC.345/01DE-36")
	var e *apierr.Error
	if errors.As(err, &e) {
		// e.Code "invalid_cnpj", e.Param "cnpj",
		// e.Detail "cnpj 12.ABC.345/01DE-36 has check digits 36; expected 35"
		fmt.Println(e.Code, e.Param, e.Detail)
	}
	fmt.Println(errors.Is(err, apierr.InvalidCNPJ))       // true: every Code is its own sentinel
	fmt.Println(errors.Is(err, validation.ErrCheckDigit)) // true: the reason
	problem := api.NewProblem(err)                        // RFC 9457 problem document (status 422)
	fmt.Println(problem.Status)

	generated := validation.GenerateCPF(nil) // a valid CPF for tests and mocks (nil: a fixed seed)
	_, err = validation.ParseCPF(generated.String())
	fmt.Println(err)
	// Output:
	// 28001238938 280.012.389-38 <nil>
	// invalid_cnpj cnpj cnpj 12.ABC.345/01DE-36 has check digits 36; expected 35
	// true
	// true
	// 422
	// <nil>
}

func readmeSchedule() *schedule.Schedule {
	rate, _ := schedule.ParsePercentPerMonth("3")
	release, _ := calendar.ParseDate("2026-11-25")
	s, err := schedule.New(schedule.Terms{
		Principal:    decimal.RequireFromString("25000.00"),
		Rate:         rate, // schedule.MonthlyRate: percent per month, never a bare number
		Installments: 12,
		Release:      release, // first due date defaults to release + 1 month, rolled to a business day
	})
	if err != nil {
		panic(err)
	}
	return s
}

func Example_readmeSchedule() {
	s := readmeSchedule()
	// s.Installment() 2511.55, s.TotalInterest() 5138.63, s.Row(12).DueDate 2027-11-25
	fmt.Println(s.Installment(), s.TotalInterest(), s.Row(12).DueDate)
	// Output:
	// 2511.55 5138.63 2027-11-25
}

func Example_readmeIOF() {
	s := readmeSchedule()
	res, err := iof.ComputeSchedule(iof.MEI, s)
	// res.Total() 237.71 = daily 142.71 + additional 95.00, at the MEI rates in force on the release date
	fmt.Println(res.Total(), res.Daily(), res.Additional(), err)
	// Output:
	// 237.71 142.71 95 <nil>
}

func Example_readmeCET() {
	// BCB's published example: R$ 940.00 received, 5 monthly payments of R$ 205.73.
	flows := []cet.Flow{{Time: 1, Cents: 20573}, {Time: 2, Cents: 20573}, {Time: 3, Cents: 20573},
		{Time: 4, Cents: 20573}, {Time: 5, Cents: 20573}}
	r, err := cet.Solve(94000, flows, cet.Periodic) // r.Percent() 43.93, r.MonthlyPercent() 3.08
	fmt.Println(r.Percent(), r.MonthlyPercent(), err)
	// Output:
	// 43.93 3.08 <nil>
}

func Example_readmeCalendar() {
	cal := calendar.Brazil()
	d, _ := calendar.ParseDate("2026-02-14")    // a Saturday before Carnival
	fmt.Println(cal.IsBusinessDay(d))           // false
	next, _ := cal.AddBusinessDays(d, 1)        // 2026-02-18, Ash Wednesday
	due, _ := cal.Adjust(d, calendar.Following) // 2026-02-18
	fmt.Println(next, due)
	// Output:
	// false
	// 2026-02-18 2026-02-18
}

func Example_readmeStatemachine() {
	events, err := statemachine.LoanLifecycle().Transition(statemachine.LoanSigned, statemachine.LoanDisbursing)
	// events [loan.disbursing]
	fmt.Println(events, err)
	_, err = statemachine.LoanLifecycle().Transition(statemachine.LoanActive, statemachine.LoanCancelled)
	// invalid_transition: loan cannot go from active to cancelled; from active it can go to finished
	fmt.Println(err)
	// Output:
	// [loan.disbursing] <nil>
	// invalid_transition: loan cannot go from active to cancelled; from active it can go to finished
}

func Example_readmeServicing() {
	sim := readmeSimulation()
	amount := sim.InstallmentsValue()
	paidOn := sim.FirstDueDate()
	today, x := paidOn, decimal.RequireFromString("1000.00")

	loan, _ := servicing.Book(sim, servicing.DefaultTerms())                   // any simulation, a long first period included
	loan, receipt, err := loan.Pay(statemachine.LoanActive, 1, amount, paidOn) // late charges first, then interest, then principal
	txs, _ := loan.Transactions(today)                                         // the API's transactions, each with its late charges beside it
	payoff, _ := loan.Payoff(today)                                            // present values at the contract rate, summed exactly, rounded once
	quote, _ := loan.Prepay(today, x, servicing.ReduceTerm)                    // the new schedule
	fmt.Println(receipt.Events, err)
	fmt.Println(len(txs), txs[0].Status, payoff.Amount > 0, len(quote.Schedule) < 11)
	// Output:
	// [loan.payment_received] <nil>
	// 12 paid true true
}

func Example_readmeWebhook() {
	body := []byte(`{"test": 2432232314}`)
	secret, _ := webhook.ParseSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
	h, _ := webhook.Headers("msg_p5jXN8AQM9LWM0D4loKWxJek", time.Unix(1614265330, 0), body, []webhook.Secret{secret})
	// h.Get("webhook-signature") "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=" for body {"test": 2432232314}
	fmt.Println(h.Get("webhook-signature"))

	r := httptest.NewRequest("POST", "/webhooks", strings.NewReader(string(body)))
	for k, v := range h {
		r.Header[k] = v
	}
	now := time.Unix(1614265330, 0)
	// A partner's handler: nil, or timestamp_out_of_range, invalid_signature … with the header as param.
	body, err := webhook.VerifyRequest(r, []webhook.Secret{secret}, now, webhook.DefaultTolerance)
	fmt.Println(string(body), err)
	// Output:
	// v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=
	// {"test": 2432232314} <nil>
}

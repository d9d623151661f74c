package servicing_test

import (
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

// tb is what the helpers need of *testing.T, *testing.B and *rapid.T.
type tb interface {
	Helper()
	Fatal(args ...any)
	Fatalf(format string, args ...any)
}

func day(t tb, s string) calendar.Date {
	t.Helper()
	d, err := calendar.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func addDays(t tb, d calendar.Date, n int) calendar.Date {
	t.Helper()
	e, err := d.AddDays(n)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func cents(c int64) decimal.Decimal { return money.FromCents(c) }

// simTerms are the inputs of a simulation, as the CLI's keys.
type simTerms struct {
	amount       string
	n            int
	rate         string
	release      string
	firstDue     string
	class        iof.Class
	dayCount     schedule.DayCount
	roll         calendar.Roll
	charges      simulation.Charges
	feePercent   string
	annualRate   string // a contract rate per year, instead of rate
	grace        int
	amortization schedule.Amortization
}

// simulate runs the library's simulation at noon of the release date.
func simulate(t tb, s simTerms) *simulation.Simulation {
	t.Helper()
	rel := day(t, s.release)
	now := time.Date(rel.Year(), rel.Month(), rel.Day(), 12, 0, 0, 0, time.UTC)
	rate, err := schedule.ParsePercentPerMonth(s.rate)
	if err != nil {
		t.Fatal(err)
	}
	class := s.class
	if class == 0 {
		class = iof.MEI
	}
	o := statemachine.Offer{Status: statemachine.OfferAvailable, ValidUntil: now,
		ApprovedAmount: decimal.New(schedule.MaxPrincipalCents, -2), MinAmount: decimal.New(1, 0), InterestRate: rate,
		MinInstallments: 1, MaxInstallments: schedule.MaxInstallments, BorrowerClass: class}
	if s.feePercent != "" {
		o.FeePercent = decimal.RequireFromString(s.feePercent)
	}
	req, err := simulation.ParseRequest(s.amount, s.n)
	if err != nil {
		t.Fatal(err)
	}
	opts := simulation.Options{Now: now, Release: rel, DayCount: s.dayCount, Roll: s.roll, Charges: s.charges}
	if s.firstDue != "" {
		opts.FirstDue = day(t, s.firstDue)
	}
	sim, err := simulation.Simulate(o, req, opts)
	if err != nil {
		t.Fatalf("simulate %+v: %v", s, err)
	}
	return sim
}

func book(t tb, sim *simulation.Simulation, terms servicing.Terms) *servicing.Loan {
	t.Helper()
	l, err := servicing.Book(sim, terms)
	if err != nil {
		t.Fatalf("Book: %v", err)
	}
	return l
}

// pay pays installment k on date on, failing the test on error.
func pay(t tb, l *servicing.Loan, k int, amount int64, on calendar.Date) (*servicing.Loan, servicing.Receipt) {
	t.Helper()
	n, r, err := l.Pay(statemachine.LoanActive, k, cents(amount), on)
	if err != nil {
		t.Fatalf("Pay(%d, %s, %s): %v", k, money.FormatCents(amount), on, err)
	}
	return n, r
}

// single is a one-installment contract: amount due on due, interest-free unless rate
// is given, released 2026-03-02, for a borrower of class c.
func single(t tb, c iof.Class, rate string, amountCents int64, nominal, due string) servicing.Contract {
	r, err := schedule.ParsePercentPerMonth(rate)
	if err != nil {
		t.Fatal(err)
	}
	return servicing.Contract{Release: day(t, "2026-03-02"), Rate: r, DayCount: schedule.MonthlyProRata,
		Class: c, Principal: amountCents, Rows: []schedule.CentsRow{{Number: 1, NominalDate: day(t, nominal),
			DueDate: day(t, due), Payment: amountCents, Principal: amountCents}}}
}

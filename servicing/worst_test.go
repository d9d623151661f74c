package servicing

import (
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/dinie/lending/calendar"
	"github.com/dinie/lending/iof"
	"github.com/dinie/lending/schedule"
	"github.com/dinie/lending/simulation"
	"github.com/dinie/lending/statemachine"
)

// The worst cases the package doc's cost model states, measured: the longest loan
// (420 installments), every installment at MaxPaymentsPerInstallment late partial
// payments (42,000 in all), queried on a date before every installment's last
// payment, so that every call replays every payment.

var (
	worstTxs []Transaction
	worstErr error
)

// worstLoan books 420 installments at an irrational rate and records 100 late
// partial payments on each, applied in place (Pay would copy the history 42,000
// times just to build it).
func worstLoan(b *testing.B) (*Loan, calendar.Date) {
	b.Helper()
	now := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	rate, _ := schedule.ParsePercentPerMonth("1.99")
	offer := statemachine.Offer{Status: statemachine.OfferAvailable, ValidUntil: now,
		ApprovedAmount: decimal.New(schedule.MaxPrincipalCents, -2), MinAmount: decimal.New(1, 0), InterestRate: rate,
		MinInstallments: 1, MaxInstallments: 420, BorrowerClass: iof.Individual}
	req, _ := simulation.ParseRequest("1000000.00", 420)
	rel, _ := calendar.ParseDate("2026-03-10")
	sim, err := simulation.Simulate(offer, req, simulation.Options{Now: now, Release: rel})
	if err != nil {
		b.Fatal(err)
	}
	l, err := Book(sim, DefaultTerms())
	if err != nil {
		b.Fatal(err)
	}
	// Every installment's payments spread from the day after its due date to a common
	// end, the last one on it; the query is the day before.
	end, _ := l.inst[len(l.inst)-1].due.AddDays(MaxPaymentsPerInstallment + 1)
	for k := range l.inst {
		in := &l.inst[k]
		span := calendar.DaysBetween(in.due, end)
		for j := 1; j <= MaxPaymentsPerInstallment; j++ {
			on, _ := in.due.AddDays(span * j / MaxPaymentsPerInstallment)
			a, err := l.apply(in, &in.st, on, 100, 0)
			if err != nil {
				b.Fatal(err)
			}
			in.pays = append(in.pays, Payment{Installment: k + 1, Date: on, Amount: 100, Allocation: a})
			l.npays++
		}
	}
	asOf, _ := end.AddDays(-1)
	return l, asOf
}

// BenchmarkWorstTransactions: 420 installments, 42,000 payments replayed.
func BenchmarkWorstTransactions(b *testing.B) {
	l, asOf := worstLoan(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		worstTxs, worstErr = l.Transactions(asOf)
	}
}

// BenchmarkWorstPayoff: the payoff on the same date, replaying the same payments.
func BenchmarkWorstPayoff(b *testing.B) {
	l, s := worstLoan(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		_, worstErr = l.Payoff(s)
	}
}

// BenchmarkWorstPay: one more payment copies the 420 installments and the 42,000
// payments before it.
func BenchmarkWorstPay(b *testing.B) {
	l, asOf := worstLoan(b)
	on, _ := asOf.AddDays(1)
	l.inst[0].pays = l.inst[0].pays[:MaxPaymentsPerInstallment-1] // room for one more payment
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		_, _, worstErr = l.Pay(statemachine.LoanActive, 1, decimal.New(1, -2), on)
	}
	if worstErr != nil {
		b.Fatal(worstErr)
	}
}

// BenchmarkWorstPrepay: reduce_term over 420 open installments, a prepayment that
// cancels all but the first (each cancellation an exact comparison).
func BenchmarkWorstPrepay(b *testing.B) {
	now := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	rate, _ := schedule.ParsePercentPerMonth("1.99")
	offer := statemachine.Offer{Status: statemachine.OfferAvailable, ValidUntil: now,
		ApprovedAmount: decimal.New(schedule.MaxPrincipalCents, -2), MinAmount: decimal.New(1, 0), InterestRate: rate,
		MinInstallments: 1, MaxInstallments: 420, BorrowerClass: iof.Individual}
	req, _ := simulation.ParseRequest("1000000.00", 420)
	rel, _ := calendar.ParseDate("2026-03-10")
	sim, _ := simulation.Simulate(offer, req, simulation.Options{Now: now, Release: rel})
	l, _ := Book(sim, DefaultTerms())
	p, _ := l.Payoff(rel)
	x := decimal.New(p.Amount-sim.InstallmentsCents(), -2)
	b.ReportAllocs()
	for b.Loop() {
		_, worstErr = l.Prepay(rel, x, ReduceTerm)
	}
	if worstErr != nil {
		b.Fatal(worstErr)
	}
}

// BenchmarkExactPath: an irrational sum decided by the big-number path (what runs only
// within about 10^−13 of a half cent), at the horizon's exponents.
func BenchmarkExactPath(b *testing.B) {
	r, _ := schedule.ParsePercentPerMonth("1.99")
	g := newGrowth(r)
	ts := []term{{100_000_000, 36_525}, {-100_000_000, 0}}
	b.ReportAllocs()
	for b.Loop() {
		g.exactHalfUp(ts)
	}
}

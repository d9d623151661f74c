package bench

import (
	"bytes"
	"net/http"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/dinie/lending/calendar"
	"github.com/dinie/lending/iof"
	"github.com/dinie/lending/schedule"
	"github.com/dinie/lending/servicing"
	"github.com/dinie/lending/simulation"
	"github.com/dinie/lending/statemachine"
	"github.com/dinie/lending/webhook"
)

// The worst cases: for each exported entry point on a hot path, the slowest
// accepted input found (by the sweeps the package docs describe, over rates, counts,
// release days, day counts, amounts and classes), or the bound it is refused at in
// O(1). bench/doc.go lists each with its target.

// worstOffer is the issue-18 offer: an MEI, R$ 1.00 to R$ 1,000,000,000.00 at 5 %
// a.m. over 1 to 420 installments, released on 2026-01-30 (a 30th: months
// alternate short and long), daily pro rata, charges financed.
func worstOffer(tb testing.TB, percent string) (statemachine.Offer, simulation.Options) {
	tb.Helper()
	rate, err := schedule.ParsePercentPerMonth(percent)
	if err != nil {
		tb.Fatal(err)
	}
	release, _ := calendar.ParseDate("2026-01-30")
	now := time.Date(2026, 1, 30, 12, 0, 0, 0, time.UTC)
	return statemachine.Offer{
			Status: statemachine.OfferAvailable, ValidUntil: now.Add(time.Hour),
			ApprovedAmount: decimal.New(100_000_000_000, -2), MinAmount: decimal.New(100, -2),
			InterestRate: rate, MinInstallments: 1, MaxInstallments: 420, BorrowerClass: iof.MEI,
		}, simulation.Options{Now: now, Release: release, DayCount: schedule.DailyProRata,
			Charges: simulation.Financed}
}

var (
	sinkFin  iof.Financing
	sinkLoan *servicing.Loan
	sinkTxs  []servicing.Transaction
	sinkSig  string
)

// BenchmarkWorstGrid420 is issue 18's grid: 1 … 420 installments at 5 % a.m.,
// daily pro rata, financed, released on the 30th, for R$ 1,000,000,000.00 (every
// count refused: no principal within the bound finances it) and
// R$ 900,000,000.00 (counts up to 188 solved, the rest, whose growth (1+i)^t
// exceeds iof.MaxGrowth, refused in O(1); it took 55 s before). Target 100 ms.
func BenchmarkWorstGrid420(b *testing.B) {
	o, opts := worstOffer(b, "5")
	for _, amount := range []int64{100_000_000_000, 90_000_000_000} {
		b.Run(decimal.New(amount, -2).StringFixed(0), func(b *testing.B) {
			req := decimal.New(amount, -2)
			b.ReportAllocs()
			for b.Loop() {
				t, err := simulation.Grid(o, req, opts)
				if err != nil {
					b.Fatal(err)
				}
				sinkTerms = t
			}
		})
	}
}

// BenchmarkWorstSimulate is the slowest accepted Simulate found: financed, 3 %
// a.m. over 303 months (growth 8.8·10^3, just under iof.MaxGrowth), daily pro
// rata, R$ 900,000,000.00, released 2026-03-10 — a 303-row table, its IOF and
// CET, and the financed search at its worst measured; and the 420-count
// request, refused in O(1). Target 5 ms.
func BenchmarkWorstSimulate(b *testing.B) {
	o, opts := worstOffer(b, "3")
	opts.Release, _ = calendar.ParseDate("2026-03-10")
	opts.Now = time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	o.ValidUntil = opts.Now.Add(time.Hour)
	for _, c := range []struct {
		name string
		n    int
		fail bool
	}{{"financed303", 303, false}, {"refused420", 420, true}} {
		b.Run(c.name, func(b *testing.B) {
			req := simulation.Request{RequestedAmount: decimal.New(90_000_000_000, -2), InstallmentCount: c.n}
			b.ReportAllocs()
			for b.Loop() {
				s, err := simulation.Simulate(o, req, opts)
				if (err != nil) != c.fail {
					b.Fatal(err)
				}
				sinkSim = s
			}
		})
	}
}

// BenchmarkWorstFinanced is the slowest financed search found below
// iof.MaxGrowth (the sweep of iof's doc, "Cost"): 2 % a.m. over 420 months
// (growth 4.6·10^3), daily pro rata from 2026-03-10, R$ 900,000,000.00, a fresh
// plan every call so that its exact sums are computed inside the loop. Target 2 ms.
func BenchmarkWorstFinanced(b *testing.B) {
	rate, _ := schedule.ParsePercentPerMonth("2")
	release, _ := calendar.ParseDate("2026-03-10")
	terms := schedule.Terms{Rate: rate, Release: release, DayCount: schedule.DailyProRata, Installments: 420}
	b.ReportAllocs()
	for b.Loop() {
		plan, err := schedule.NewPlan(terms)
		if err != nil {
			b.Fatal(err)
		}
		if sinkFin, err = iof.FinancedCents(plan, 420, iof.MEI, 90_000_000_000, 0); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWorstSimulateInstallment is the slowest accepted solve by installment
// (simulation's sweep): financed at 2 % a.m. over 420 months, released
// 2026-01-29, R$ 30,000,000.00 a month against R$ 1,000,000,000.00 approved,
// where the IOF jumps with each cent of installment (11–12 ms before the plan
// kept its exact sums). Target 5 ms.
func BenchmarkWorstSimulateInstallment(b *testing.B) {
	o, opts := worstOffer(b, "2")
	opts.DayCount = schedule.MonthlyProRata
	opts.Release, _ = calendar.ParseDate("2026-01-29")
	opts.Now = time.Date(2026, 1, 29, 12, 0, 0, 0, time.UTC)
	o.ValidUntil = opts.Now.Add(time.Hour)
	x := decimal.New(3_000_000_000, -2)
	b.ReportAllocs()
	for b.Loop() {
		s, err := simulation.SimulateInstallment(o, x, 420, opts)
		if err != nil {
			b.Fatal(err)
		}
		sinkSim = s
	}
}

// BenchmarkWorstSolve: the schedule's solves at the slowest inputs a sweep found
// (release days 10, 30 and 31, the four day counts, counts 1 to 420, principals
// R$ 1.00 to R$ 1,000,000,000.00, installments from just above P/n to 60·P/n):
// SolveAmount of R$ 2.38 a month over 420 at 1.99 % a.m., actual365 from a 30th —
// refused, after the n + 2 principals below the estimate are built and refused for
// their cent residue (420-row tables); SolveCount of R$ 0.02 on R$ 1.00 at 1.99 %,
// business252, where the counts whose residue is refused are each built; SolveRate
// of R$ 1.00 for R$ 1.00 once, monthly from a 30th (the rate search at its deepest).
// Target 5 ms each.
func BenchmarkWorstSolve(b *testing.B) {
	rate, _ := schedule.ParsePercentPerMonth("1.99")
	thirtieth, _ := calendar.ParseDate("2026-01-30")
	tenth, _ := calendar.ParseDate("2026-03-10")
	b.Run("amount420refused", func(b *testing.B) {
		t := schedule.Terms{Rate: rate, Release: thirtieth, Installments: 420, DayCount: schedule.Actual365}
		x := decimal.New(238, -2)
		b.ReportAllocs()
		for b.Loop() {
			if _, err := schedule.SolveAmount(t, x); err == nil {
				b.Fatal("solved")
			}
		}
	})
	b.Run("count", func(b *testing.B) {
		t := schedule.Terms{Rate: rate, Principal: decimal.New(100, -2), Release: tenth, DayCount: schedule.Business252}
		x := decimal.New(2, -2)
		b.ReportAllocs()
		for b.Loop() {
			schedule.SolveCount(t, x) // solved or refused, both are the cost measured
		}
	})
	b.Run("rate", func(b *testing.B) {
		t := schedule.Terms{Principal: decimal.New(100, -2), Release: thirtieth, Installments: 1}
		x := decimal.New(100, -2)
		b.ReportAllocs()
		for b.Loop() {
			schedule.SolveRate(t, x)
		}
	})
}

// worstLoan is servicing's worst loan built through the API: 420 installments
// at 1.99 % a.m. (irrational), R$ 1,000,000.00, and servicing.MaxPayments late
// partial payments of R$ 1.00, 100 on each of the first 100 installments, dated
// from the day after each due date to a common end; asOf is the day before that
// end, so a look-back replays every payment.
func worstLoan(tb testing.TB) (*servicing.Loan, *simulation.Simulation, calendar.Date) {
	tb.Helper()
	now := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	rate, _ := schedule.ParsePercentPerMonth("1.99")
	offer := statemachine.Offer{Status: statemachine.OfferAvailable, ValidUntil: now,
		ApprovedAmount: decimal.New(schedule.MaxPrincipalCents, -2), MinAmount: decimal.New(1, 0), InterestRate: rate,
		MinInstallments: 1, MaxInstallments: 420, BorrowerClass: iof.Individual}
	release, _ := calendar.ParseDate("2026-03-10")
	sim, err := simulation.Simulate(offer, simulation.Request{RequestedAmount: decimal.New(100_000_000, -2), InstallmentCount: 420},
		simulation.Options{Now: now, Release: release})
	if err != nil {
		tb.Fatal(err)
	}
	l, err := servicing.Book(sim, servicing.DefaultTerms())
	if err != nil {
		tb.Fatal(err)
	}
	per := servicing.MaxPaymentsPerInstallment
	k := servicing.MaxPayments / per
	end, _ := sim.CentsRow(k).DueDate.AddDays(per + 1)
	for j := 1; j <= per; j++ {
		for i := 1; i <= k; i++ {
			due := sim.CentsRow(i).DueDate
			on, _ := due.AddDays(calendar.DaysBetween(due, end) * j / per)
			if l, _, err = l.Pay(statemachine.LoanActive, i, decimal.New(100, -2), on); err != nil {
				tb.Fatal(err)
			}
		}
	}
	asOf, _ := end.AddDays(-1)
	return l, sim, asOf
}

// BenchmarkWorstServicing: Book of 420 installments; Transactions, Payoff and a
// ReduceTerm Prepay on the worst loan (MaxPayments replayed; the prepayment
// cancels the installments from the last back); one more Pay on it. Target 5 ms.
func BenchmarkWorstServicing(b *testing.B) {
	l, sim, asOf := worstLoan(b)
	b.Run("book420", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var err error
			if sinkLoan, err = servicing.Book(sim, servicing.DefaultTerms()); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("transactions", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var err error
			if sinkTxs, err = l.Transactions(asOf); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("payoff", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := l.Payoff(asOf); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("prepay420", func(b *testing.B) {
		fresh, _ := servicing.Book(sim, servicing.DefaultTerms())
		p, err := fresh.Payoff(sim.Release())
		if err != nil {
			b.Fatal(err)
		}
		x := decimal.New(p.Amount-sim.InstallmentsCents(), -2)
		b.ReportAllocs()
		for b.Loop() {
			if _, err := fresh.Prepay(sim.Release(), x, servicing.ReduceTerm); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkWorstWebhook: Sign and Verify at their bounds — a body of
// webhook.MaxBodyLen bytes and webhook.MaxSecrets secrets; Verify with none
// matching computes every MAC. Target 5 ms.
func BenchmarkWorstWebhook(b *testing.B) {
	secrets := make([]webhook.Secret, webhook.MaxSecrets)
	for i := range secrets {
		var err error
		if secrets[i], err = webhook.GenerateSecret(bytes.NewReader(bytes.Repeat([]byte{byte(i + 1)}, 64))); err != nil {
			b.Fatal(err)
		}
	}
	at := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	body := bytes.Repeat([]byte("x"), webhook.MaxBodyLen)
	id := "msg_2Yh0Xp7iJcJ4D0CDsEx0Y3CyZQy"
	b.Run("sign", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(body)))
		for b.Loop() {
			var err error
			if sinkSig, err = webhook.Sign(id, at, body, secrets); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("verifyNoMatch", func(b *testing.B) {
		h, err := webhook.Headers(id, at, body, secrets[:1])
		if err != nil {
			b.Fatal(err)
		}
		other := append([]byte(nil), body...)
		other[0] = 'y'
		b.ReportAllocs()
		b.SetBytes(int64(len(body)))
		for b.Loop() {
			if err := webhook.Verify(h, other, secrets, at, webhook.DefaultTolerance); err == nil {
				b.Fatal("verified a changed body")
			}
		}
	})
	_ = http.Header{}
}

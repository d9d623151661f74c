package simulation_test

import (
	"strconv"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/dinie/lending/calendar"
	"github.com/dinie/lending/iof"
	"github.com/dinie/lending/schedule"
	"github.com/dinie/lending/simulation"
	"github.com/dinie/lending/statemachine"
)

// benchOffer is a typical MEI offer: 3 % a.m., R$ 1,000.00 to R$ 50,000.00,
// 1 to 48 installments, a R$ 50.00 fee plus 1 %.
func benchOffer(b *testing.B) (statemachine.Offer, simulation.Options) {
	b.Helper()
	rate, err := schedule.ParsePercentPerMonth("3")
	if err != nil {
		b.Fatal(err)
	}
	now := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	release, err := calendar.ParseDate("2026-03-10")
	if err != nil {
		b.Fatal(err)
	}
	o := statemachine.Offer{
		ID:              "co_550e8400e29b41d4a716446655440000",
		Status:          statemachine.OfferAvailable,
		ApprovedAmount:  decimal.New(5_000_000, -2),
		MinAmount:       decimal.New(100_000, -2),
		InterestRate:    rate,
		MinInstallments: 1,
		MaxInstallments: 48,
		ValidUntil:      now.Add(24 * time.Hour),
		FeeFixed:        decimal.New(5000, -2),
		FeePercent:      decimal.New(1, 0),
		BorrowerClass:   iof.MEI,
	}
	return o, simulation.Options{Now: now, Release: release}
}

// BenchmarkSimulate is one full simulation (checks, fees, dates, schedule, IOF,
// CET, result) of R$ 10,000.00 at 3 % a.m.
func BenchmarkSimulate(b *testing.B) {
	o, opts := benchOffer(b)
	for _, n := range []int{6, 12, 24, 48} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			req := simulation.Request{RequestedAmount: decimal.New(1_000_000, -2), InstallmentCount: n}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := simulation.Simulate(o, req, opts); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkSimulateFinanced is BenchmarkSimulate/12 with the charges financed.
func BenchmarkSimulateFinanced(b *testing.B) {
	o, opts := benchOffer(b)
	opts.Charges = simulation.Financed
	req := simulation.Request{RequestedAmount: decimal.New(1_000_000, -2), InstallmentCount: 12}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := simulation.Simulate(o, req, opts); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkGrid simulates every count 1 … 48 for one amount.
func BenchmarkGrid(b *testing.B) {
	o, opts := benchOffer(b)
	b.Run("48", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := simulation.Grid(o, decimal.New(1_000_000, -2), opts); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkMarshalJSON writes a 12-installment simulation.
func BenchmarkMarshalJSON(b *testing.B) {
	o, opts := benchOffer(b)
	s, err := simulation.Simulate(o, simulation.Request{RequestedAmount: decimal.New(1_000_000, -2), InstallmentCount: 12}, opts)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.MarshalJSON(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSimulateInstallment: the largest amount paying at most 1,000.00 a
// month over 12 installments, the whole simulation in the loop (issue target:
// at most the cost of 20 simulations; compare BenchmarkSimulate/12 and
// BenchmarkSimulateFinanced).
func BenchmarkSimulateInstallment(b *testing.B) {
	o, opts := benchOffer(b)
	x := decimal.New(100_000, -2)
	for _, charges := range []simulation.Charges{simulation.Deducted, simulation.Financed} {
		b.Run(charges.String()+"12", func(b *testing.B) {
			opts := opts
			opts.Charges = charges
			b.ReportAllocs()
			for b.Loop() {
				if _, err := simulation.SimulateInstallment(o, x, 12, opts); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkSimulateInstallmentWorst: the slowest accepted terms found (a grid
// of 3 % over 311, 5 % over 188, 10 % over 96, 2 % over 420 and 20 % over 50
// months, releases on the 28th to 31st and mid-month, installments of R$
// 10,000.00 to R$ 30,000,000.00): financed at 2 % a.m. over 420 months (growth
// 4·10^3, below MaxFinancedGrowth), released 2026-01-29, R$ 30,000,000.00 a
// month against an approved R$ 1,000,000,000.00, where the IOF jumps with each
// cent of installment.
func BenchmarkSimulateInstallmentWorst(b *testing.B) {
	o, opts := benchOffer(b)
	o.ApprovedAmount = decimal.New(100_000_000_000, -2)
	o.MaxInstallments = 420
	o.InterestRate, _ = schedule.ParsePercentPerMonth("2")
	opts.Charges = simulation.Financed
	opts.Release, _ = calendar.ParseDate("2026-01-29")
	opts.Now = time.Date(2026, 1, 29, 12, 0, 0, 0, time.UTC)
	o.ValidUntil = opts.Now.Add(time.Hour)
	x := decimal.New(3_000_000_000, -2)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := simulation.SimulateInstallment(o, x, 420, opts); err != nil {
			b.Fatal(err)
		}
	}
}

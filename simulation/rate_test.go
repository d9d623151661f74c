package simulation_test

import (
	"math"
	"math/big"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/dinie/lending/calendar"
	"github.com/dinie/lending/iof"
	"github.com/dinie/lending/schedule"
	"github.com/dinie/lending/simulation"
	"github.com/dinie/lending/statemachine"
)

// TestPropAnnualRate holds the annual rate, both its float64 fast path with the
// exact fallback (annualHundredths) and the exact path alone (annualExact), to
// the reference (refAnnual, big.Rat from the percentage) on any rate a
// MonthlyRate can hold: 0 to 100 % a.m. in steps of 10^-10 %, drawn log-uniform
// and on round values.
func TestPropAnnualRate(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		var u int64
		switch rapid.IntRange(0, 2).Draw(t, "kind") {
		case 0:
			u = rapid.Int64Range(0, 1_000_000_000_000).Draw(t, "units")
		case 1: // round rates: a few significant digits
			u = rapid.Int64Range(0, 1000).Draw(t, "digits") * []int64{1, 1e4, 1e6, 1e7, 1e8, 1e9}[rapid.IntRange(0, 5).Draw(t, "scale")]
		default: // log-uniform: e^27.631 ≈ 10^12
			u = min(int64(math.Exp(rapid.Float64Range(0, 27.631).Draw(t, "log"))), 1_000_000_000_000)
		}
		r, err := schedule.PercentPerMonth(decimal.New(u, -schedule.RatePlaces))
		if err != nil {
			t.Fatalf("rate %d units: %v", u, err)
		}
		if r.PercentUnits() != u {
			t.Fatalf("PercentUnits() = %d, want %d", r.PercentUnits(), u)
		}
		want := refAnnual(big.NewRat(u, 10_000_000_000))
		if got := simulation.AnnualHundredths(r); got != want {
			t.Fatalf("annualHundredths(%s %%) = %d, reference %d", r, got, want)
		}
		if got := simulation.AnnualExact(u); got != want {
			t.Fatalf("annualExact(%s %%) = %d, reference %d", r, got, want)
		}
	})
}

// TestMarshalJSONAllocations holds the package doc's cost model: MarshalJSON
// allocates its buffer and nothing else, AppendJSON into a large enough buffer
// nothing.
func TestMarshalJSONAllocations(t *testing.T) {
	rate, err := schedule.ParsePercentPerMonth("2.5")
	if err != nil {
		t.Fatal(err)
	}
	release, err := calendar.ParseDate("2026-03-10")
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	offer := statemachine.Offer{
		Status: statemachine.OfferAvailable, ApprovedAmount: decimal.New(5_000_000, -2),
		MinAmount: decimal.New(100_000, -2), InterestRate: rate, Installments: 12,
		ValidUntil: now.Add(time.Hour), FeeFixed: decimal.New(5000, -2), BorrowerClass: iof.MEI,
	}
	s, err := simulation.Simulate(offer, simulation.Request{RequestedAmount: decimal.New(1_000_000, -2), InstallmentCount: 12},
		simulation.Options{Now: now, Release: release})
	if err != nil {
		t.Fatal(err)
	}
	if n := testing.AllocsPerRun(100, func() { _, _ = s.MarshalJSON() }); n != 1 {
		t.Errorf("MarshalJSON: %v allocations, want 1", n)
	}
	buf := make([]byte, 0, 1<<14)
	if n := testing.AllocsPerRun(100, func() { buf = s.AppendJSON(buf[:0]) }); n != 0 {
		t.Errorf("AppendJSON with room: %v allocations, want 0", n)
	}
}

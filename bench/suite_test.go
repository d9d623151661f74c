package bench

import (
	"strconv"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/dinie/lending/calendar"
	"github.com/dinie/lending/cet"
	"github.com/dinie/lending/iof"
	"github.com/dinie/lending/schedule"
	"github.com/dinie/lending/simulation"
	"github.com/dinie/lending/statemachine"
	"github.com/dinie/lending/validation"
)

// The offer every benchmark prices: an MEI, R$ 1,000.00 to R$ 50,000.00 at 3 %
// a.m. over 1 to 48 installments, a fee of R$ 50.00 plus 1 %; R$ 10,000.00
// requested, released on 2026-03-10 (a Tuesday), charges deducted, the other
// options at their defaults (first due date a month after the release,
// Following on calendar.Brazil(), monthly pro rata).
const (
	requestedCents = 1_000_000
	ratePercent    = "3"
	feeFixedCents  = 5_000
	feePercent     = 1
	releaseDate    = "2026-03-10"
)

// counts are the installment counts of BenchmarkSimulate and
// BenchmarkFloat64Floor.
var counts = []int{6, 12, 24, 48}

// fixture holds the offer in the three forms the implementations take.
type fixture struct {
	offer     statemachine.Offer
	opts      simulation.Options
	requested decimal.Decimal
	float     floatOffer // N set per count
	dec       decOffer   // N set per count
}

func newFixture(tb testing.TB) fixture {
	tb.Helper()
	return makeFixture(tb, requestedCents, ratePercent, releaseDate)
}

// makeFixture is the benchmarks' offer with another requested amount, rate or
// release date (agree_test.go sweeps them).
func makeFixture(tb testing.TB, requested int64, percent, releaseText string) fixture {
	tb.Helper()
	rate, err := schedule.ParsePercentPerMonth(percent)
	if err != nil {
		tb.Fatal(err)
	}
	release, err := calendar.ParseDate(releaseText)
	if err != nil {
		tb.Fatal(err)
	}
	// The simulation is made on its release day, at 09:00 in São Paulo.
	y, m, d := release.Date()
	now := time.Date(y, m, d, 12, 0, 0, 0, time.UTC)
	f := fixture{
		offer: statemachine.Offer{
			ID:              "co_550e8400e29b41d4a716446655440000",
			Status:          statemachine.OfferAvailable,
			ApprovedAmount:  decimal.New(5_000_000, -2),
			MinAmount:       decimal.New(100_000, -2),
			InterestRate:    rate,
			MinInstallments: 1,
			MaxInstallments: 48,
			ValidUntil:      now.Add(24 * time.Hour),
			FeeFixed:        decimal.New(feeFixedCents, -2),
			FeePercent:      decimal.New(feePercent, 0),
			BorrowerClass:   iof.MEI,
		},
		opts:      simulation.Options{Now: now, Release: release},
		requested: decimal.New(requested, -2),
	}
	i := rate.Fraction().InexactFloat64()
	f.float = floatOffer{
		Requested: float64(requested) / 100, Rate: i,
		FeeFixed: float64(feeFixedCents) / 100, FeePercent: feePercent, Release: release,
	}
	f.dec = decOffer{
		Requested: f.requested, Rate: rate.Fraction(),
		FeeFixed: f.offer.FeeFixed, FeePercent: f.offer.FeePercent, Release: release,
	}
	return f
}

func (f fixture) request(n int) simulation.Request {
	return simulation.Request{RequestedAmount: f.requested, InstallmentCount: n}
}

// Sinks keep the compiler from discarding what the benchmarks compute.
var (
	sinkSim   *simulation.Simulation
	sinkFloat floatResult
	sinkDec   decResult
	sinkRate  cet.Rate
	sinkTerms []simulation.Term
	sinkBool  bool
	sinkDate  calendar.Date
	sinkCPF   validation.CPF
	sinkCNPJ  validation.CNPJ
	sinkErr   error
)

// BenchmarkSimulate is one full simulation: the checks, the fees, the dates,
// the Price table, the IOF, the CET and the result.
func BenchmarkSimulate(b *testing.B) {
	f := newFixture(b)
	for _, n := range counts {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			req := f.request(n)
			b.ReportAllocs()
			for b.Loop() {
				s, err := simulation.Simulate(f.offer, req, f.opts)
				if err != nil {
					b.Fatal(err)
				}
				sinkSim = s
			}
		})
	}
}

// BenchmarkFloat64Floor is the same simulation in float64 without cent
// exactness (floor_test.go): the floor Simulate is compared against.
func BenchmarkFloat64Floor(b *testing.B) {
	f := newFixture(b)
	for _, n := range counts {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			o := f.float
			o.N = n
			b.ReportAllocs()
			for b.Loop() {
				r, err := floatSimulate(o)
				if err != nil {
					b.Fatal(err)
				}
				sinkFloat = r
			}
		})
	}
}

// BenchmarkNaiveDecimal is the same simulation written with shopspring/decimal
// throughout, the CET solved in decimal (naive_test.go).
func BenchmarkNaiveDecimal(b *testing.B) {
	f := newFixture(b)
	b.Run("12", func(b *testing.B) {
		o := f.dec
		o.N = 12
		b.ReportAllocs()
		for b.Loop() {
			r, err := decSimulate(o)
			if err != nil {
				b.Fatal(err)
			}
			sinkDec = r
		}
	})
}

// BenchmarkCET is the CET solve of BenchmarkSimulate/12: its net amount against
// its 12 payments on their due dates (calendar days / 365).
func BenchmarkCET(b *testing.B) {
	f := newFixture(b)
	b.Run("12", func(b *testing.B) {
		s, err := simulation.Simulate(f.offer, f.request(12), f.opts)
		if err != nil {
			b.Fatal(err)
		}
		net, flows := cetFlows(s)
		b.ReportAllocs()
		for b.Loop() {
			r, err := cet.Solve(net, flows, cet.Actual365)
			if err != nil {
				b.Fatal(err)
			}
			sinkRate = r
		}
	})
}

// cetFlows returns a simulation's CET inputs: the net amount and each payment
// on its due date, in calendar days from the release.
func cetFlows(s *simulation.Simulation) (int64, []cet.Flow) {
	flows := make([]cet.Flow, s.NumberOfInstallments())
	for k := range flows {
		row := s.CentsRow(k + 1)
		flows[k] = cet.Flow{Time: calendar.DaysBetween(s.Release(), row.DueDate), Cents: row.Payment}
	}
	return s.Cents().Amount, flows
}

// BenchmarkGrid simulates every count the offer allows, 1 … 48, for one amount.
func BenchmarkGrid(b *testing.B) {
	f := newFixture(b)
	b.Run("48", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			t, err := simulation.Grid(f.offer, f.requested, f.opts)
			if err != nil {
				b.Fatal(err)
			}
			sinkTerms = t
		}
	})
}

// benchDates are 64 dates every 89 days from 2020-01-01, so the calendar
// benchmarks see a mix of weekdays, weekends, holidays and years rather than
// one date.
func benchDates(tb testing.TB) []calendar.Date {
	tb.Helper()
	d, err := calendar.ParseDate("2020-01-01")
	if err != nil {
		tb.Fatal(err)
	}
	out := make([]calendar.Date, 64)
	for i := range out {
		if out[i], err = d.AddDays(89 * i); err != nil {
			tb.Fatal(err)
		}
	}
	return out
}

func BenchmarkIsBusinessDay(b *testing.B) {
	c := calendar.Brazil()
	dates := benchDates(b)
	c.IsBusinessDay(dates[0]) // build the table outside the timing
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		sinkBool = c.IsBusinessDay(dates[i&63])
		i++
	}
}

func BenchmarkAddBusinessDays(b *testing.B) {
	c := calendar.Brazil()
	dates := benchDates(b)
	c.IsBusinessDay(dates[0])
	b.Run("30", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			sinkDate, sinkErr = c.AddBusinessDays(dates[i&63], 30)
			i++
		}
	})
}

// BenchmarkValidateCPF validates a bare CPF (280.012.389-38, the worked example
// of testdata/published/figures.txt, cpf-ok-1).
func BenchmarkValidateCPF(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sinkCPF, sinkErr = validation.ParseCPF("28001238938")
	}
}

// BenchmarkValidateCNPJ validates a bare alphanumeric CNPJ (12.ABC.345/01DE-35).
func BenchmarkValidateCNPJ(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sinkCNPJ, sinkErr = validation.ParseCNPJ("12ABC34501DE35")
	}
}

package iof_test

import (
	"testing"

	"github.com/dinie/lending/calendar"
	"github.com/dinie/lending/iof"
	"github.com/dinie/lending/money"
	"github.com/dinie/lending/schedule"
)

// twelve is a 12-installment operation of R$ 25,000.00 released 2026-03-02,
// due on the 2nd of each following month.
func twelve(b *testing.B) (calendar.Date, int64, []iof.Flow) {
	release := date(b, "2026-03-02")
	flows := make([]iof.Flow, 12)
	var sum int64
	for k := range flows {
		due, _ := release.AddMonths(k + 1)
		a := int64(200_000 + 1_000*k)
		flows[k] = iof.Flow{Due: due, Amortization: a}
		sum += a
	}
	return release, sum, flows
}

func BenchmarkComputeCents12(b *testing.B) {
	release, p, flows := twelve(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := iof.ComputeCents(iof.MEI, release, p, flows); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCompute12(b *testing.B) {
	release, p, flows := twelve(b)
	op := iof.Operation{Class: iof.MEI, Release: release, Principal: money.FromCents(p)}
	for _, f := range flows {
		op.Installments = append(op.Installments, iof.Installment{Due: f.Due, Amortization: money.FromCents(f.Amortization)})
	}
	b.ReportAllocs()
	for b.Loop() {
		r, err := iof.Compute(op)
		if err != nil {
			b.Fatal(err)
		}
		_ = r.Total()
	}
}

func BenchmarkRegimeOn(b *testing.B) {
	d := date(b, "2026-03-02")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := iof.RegimeOn(d); err != nil {
			b.Fatal(err)
		}
	}
}

// plan12 is a 12-installment plan at 2.5 % a.m. released 2026-03-02 (first due
// date a month later, monthly pro rata, Following on ANBIMA's calendar).
func plan12(b testing.TB) *schedule.Plan {
	rate, err := schedule.ParsePercentPerMonth("2.5")
	if err != nil {
		b.Fatal(err)
	}
	p, err := schedule.NewPlan(schedule.Terms{Rate: rate, Installments: 12, Release: date(b, "2026-03-02")})
	if err != nil {
		b.Fatal(err)
	}
	return p
}

func BenchmarkComputeSchedule12(b *testing.B) {
	s, err := plan12(b).ScheduleCents(2_500_000, 12)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := iof.ComputeSchedule(iof.MEI, s); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFinanced12 finances R$ 25,000.00 plus R$ 300.00 of fees for an MEI
// over 12 installments: the reference schedule, the candidates, their IOF.
func BenchmarkFinanced12(b *testing.B) {
	p := plan12(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := iof.FinancedCents(p, 12, iof.MEI, 2_500_000, 30_000); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSchedule12 is the cost of one schedule build, for comparison with
// BenchmarkFinanced12.
func BenchmarkSchedule12(b *testing.B) {
	p := plan12(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := p.ScheduleCents(2_500_000, 12); err != nil {
			b.Fatal(err)
		}
	}
}

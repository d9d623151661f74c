package cet

import (
	"fmt"
	"testing"
	"time"

	"github.com/shopspring/decimal"
)

// BenchmarkSolve: the CET of a Price loan of R$ 10,000.00 at 2.5 % a.m. with
// monthly due dates from 2026-01-15 (actual days) and 3 % of charges deducted from
// the net amount, for 12, 48 and 420 installments.
func BenchmarkSolve(b *testing.B) {
	for _, n := range []int{12, 48, 420} {
		fl := priceFlows(n, 0.025, 1_000_000, false)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Solve(970_000, fl, Actual365); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkSolveDates: the decimal/time.Time convenience on the same 12-installment
// loan.
func BenchmarkSolveDates(b *testing.B) {
	fl := priceFlows(12, 0.025, 1_000_000, false)
	rel := time.Date(2026, 1, 15, 0, 0, 0, 0, time.UTC)
	dfl := make([]DatedFlow, len(fl))
	for i, f := range fl {
		dfl[i] = DatedFlow{Date: rel.AddDate(0, 0, f.Time), Amount: decimal.New(f.Cents, -2)}
	}
	net := decimal.New(970_000, -2)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := SolveDates(rel, net, dfl); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPercent: the NBR 5891 rounding of both percentages.
func BenchmarkPercent(b *testing.B) {
	r := Rate{log: 0.3657}
	b.ReportAllocs()
	var sink float64
	for b.Loop() {
		sink += r.Percent() + r.MonthlyPercent()
	}
	_ = sink
}

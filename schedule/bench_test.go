package schedule_test

import (
	"testing"

	"github.com/dinie/lending/money"
	"github.com/dinie/lending/schedule"
)

// benchTerms: a typical offer, 10,000.00 at 3.49 % a.m., released mid-month so
// monthly pro rata has an irregular (irrational) first period.
func benchTerms(b *testing.B, n int, dc schedule.DayCount) schedule.Terms {
	return schedule.Terms{
		Principal: parseMoney(b, "10000.00"), Rate: rate(b, "3.49"), Installments: n,
		Release: date(b, "2026-03-10"), FirstDue: date(b, "2026-04-25"), DayCount: dc,
	}
}

func benchNew(b *testing.B, terms schedule.Terms) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := schedule.New(terms); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkNew12(b *testing.B)         { benchNew(b, benchTerms(b, 12, schedule.MonthlyProRata)) }
func BenchmarkNew12Periodic(b *testing.B) { benchNew(b, benchTerms(b, 12, schedule.Periodic)) }
func BenchmarkNew12Daily(b *testing.B)    { benchNew(b, benchTerms(b, 12, schedule.DailyProRata)) }

// BenchmarkNew420: 35 years at a mortgage-like 0.9 % a.m. on 500,000.00 (3.49 %
// over 420 months is too ill-conditioned for cents: ErrResidueExceedsInstallment).
func BenchmarkNew420(b *testing.B) {
	terms := benchTerms(b, 420, schedule.MonthlyProRata)
	terms.Principal, terms.Rate = parseMoney(b, "500000.00"), rate(b, "0.9")
	benchNew(b, terms)
}

// BenchmarkPlanSchedule12: a schedule from a ready plan (the financed-charges
// solve re-runs it for candidate principals).
func BenchmarkPlanSchedule12(b *testing.B) {
	plan, err := schedule.NewPlan(benchTerms(b, 12, schedule.MonthlyProRata))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := plan.ScheduleCents(1000000, 12); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkGrid48: every count 1 … 48 for one offer, from one plan.
func BenchmarkGrid48(b *testing.B) {
	terms := benchTerms(b, 48, schedule.MonthlyProRata)
	b.ReportAllocs()
	for b.Loop() {
		plan, err := schedule.NewPlan(terms)
		if err != nil {
			b.Fatal(err)
		}
		for n := 1; n <= 48; n++ {
			if _, err := plan.ScheduleCents(1000000, n); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkRows12 is the decimal boundary: every row of a 12-row schedule as
// decimals.
func BenchmarkRows12(b *testing.B) {
	s, err := schedule.New(benchTerms(b, 12, schedule.MonthlyProRata))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		_ = s.Rows()
	}
}

// BenchmarkMarshalJSON12 is the JSON of a 12-row schedule.
func BenchmarkMarshalJSON12(b *testing.B) {
	s, err := schedule.New(benchTerms(b, 12, schedule.MonthlyProRata))
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

// BenchmarkReference12 is the slow reference on the same terms, for scale.
func BenchmarkReference12(b *testing.B) {
	terms := benchTerms(b, 12, schedule.MonthlyProRata)
	pc, _ := money.ToCents(terms.Principal)
	for b.Loop() {
		refSchedule(terms, pc)
	}
}

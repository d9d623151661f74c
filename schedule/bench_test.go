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

// BenchmarkSolveRate42: the rate of 42 × 679.30 on 25,000.00, periodic time
// (issue target: at most 2 µs).
func BenchmarkSolveRate42(b *testing.B) {
	terms := schedule.Terms{Principal: parseMoney(b, "25000.00"), Installments: 42,
		Release: date(b, "2026-01-15"), DayCount: schedule.Periodic}
	x := parseMoney(b, "679.30")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := schedule.SolveRate(terms, x); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSolveRate42Monthly: the same on dated terms (monthly pro rata,
// released mid-month), where the times come from the calendar's dates.
func BenchmarkSolveRate42Monthly(b *testing.B) {
	terms := benchTerms(b, 42, schedule.MonthlyProRata)
	terms.Rate = schedule.MonthlyRate{}
	x := parseMoney(b, "420.00")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := schedule.SolveRate(terms, x); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSolveAmount12: the largest principal paying at most 900.00 over 12
// installments, plan included.
func BenchmarkSolveAmount12(b *testing.B) {
	terms := benchTerms(b, 12, schedule.MonthlyProRata)
	x := parseMoney(b, "900.00")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := schedule.SolveAmount(terms, x); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSolveCountWorst: the slowest count solve found: 1.00 at 0 %
// paying 0.01, where every count from 67 to 100 is refused for its cent
// residue and each refusal builds a table, over a plan of 420.
func BenchmarkSolveCountWorst(b *testing.B) {
	terms := schedule.Terms{Principal: parseMoney(b, "1.00"), Release: date(b, "2026-03-10")}
	x := parseMoney(b, "0.01")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := schedule.SolveCount(terms, x); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNew12Actual365Annual and BenchmarkNew12Business252: the new day
// counts on an annual rate (Business252 counts business days per row).
func BenchmarkNew12Actual365Annual(b *testing.B) {
	terms := benchTerms(b, 12, schedule.Actual365)
	terms.Rate, terms.AnnualRate = schedule.MonthlyRate{}, annualRate(b, "30")
	benchNew(b, terms)
}

func BenchmarkNew12Business252(b *testing.B) {
	terms := benchTerms(b, 12, schedule.Business252)
	terms.Rate, terms.AnnualRate = schedule.MonthlyRate{}, annualRate(b, "15.5")
	benchNew(b, terms)
}

func BenchmarkNew12SACGrace(b *testing.B) {
	terms := benchTerms(b, 12, schedule.MonthlyProRata)
	terms.Amortization, terms.Grace = schedule.SAC, 3
	benchNew(b, terms)
}

func annualRate(b *testing.B, s string) schedule.AnnualRate { return annual(b, s) }

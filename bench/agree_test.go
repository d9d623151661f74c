package bench

import (
	"fmt"
	"math"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/dinie/lending/simulation"
)

// A benchmark of a wrong computation proves nothing: these tests hold the two
// baselines to simulation.Simulate (whose own figures are proven by the
// simulation package's golden corpus and its reference implementation), so that
// the ratios in the README compare the same computation.
//
// Tolerances. The float64 floor rounds to cents where Simulate does, but in
// float64: it agrees to the cent except where a value lies within float error of
// a half cent (or on one), where it may round the other way; one such cent
// then carries, with interest, into the later rows and the last row's residue.
// On the cases below the installment, the fees, the IOF and the net come out
// equal to the cent, and are held to it; the total interest, where a row's
// interest lands on a half cent more often (whole-month factors are exact
// decimals, so ties are real), is held to two cents carried with interest to
// the last row, 2·(1+i)^n cents. The CET and the other percentages are rounded to 2 decimals by both,
// so they agree to 0.01 percentage point. The naive decimal version rounds
// where Simulate does, at 16 decimal places, so its money must match exactly.

// agreeCases are the offers the baselines are checked on: the benchmarks' offer
// and variations of rate, amount (across the IOF's R$ 30,000.00 threshold) and
// release date (on the 31st, so monthly pro rata has fractional periods; on a
// Saturday before Carnival).
var agreeCases = []struct {
	requested int64
	percent   string
	release   string
}{
	{requestedCents, ratePercent, releaseDate},
	{100_000, "0.5", "2026-03-10"},
	{2_950_000, "9.9", "2026-03-10"},
	{4_500_000, "3", "2026-03-10"},
	{1_000_000, "2.49", "2026-01-31"},
	{1_234_567, "1.75", "2026-02-14"},
}

func TestFloat64FloorAgrees(t *testing.T) {
	for _, c := range agreeCases {
		f := makeFixture(t, c.requested, c.percent, c.release)
		for n := 1; n <= 48; n++ {
			name := fmt.Sprintf("%d@%s%%/%s/n=%d", c.requested, c.percent, c.release, n)
			s, err := simulation.Simulate(f.offer, f.request(n), f.opts)
			if err != nil {
				t.Fatalf("%s: Simulate: %v", name, err)
			}
			o := f.float
			o.N = n
			r, err := floatSimulate(o)
			if err != nil {
				t.Fatalf("%s: floatSimulate: %v", name, err)
			}
			cents := s.Cents()
			within := func(what string, got float64, want int64, tolCents float64) {
				t.Helper()
				if d := math.Abs(got*100 - float64(want)); d > tolCents {
					t.Errorf("%s: float64 %s = %.6f, Simulate %s: off by %.4f cents, more than %.2f",
						name, what, got, fmtCents(want), d, tolCents)
				}
			}
			within("installment", r.Installment, cents.Installment, 1e-6)
			within("fees", r.Fees, cents.Fees, 1e-6)
			// Two cents rounded the other way, each carried with interest.
			carried := 2*math.Pow(1+o.Rate, float64(n)) + 1e-6
			within("interest", r.Interest, cents.Interest, carried)
			within("total", r.Total, cents.Total, carried)
			within("IOF", r.IOF, cents.IOF, 1e-6)
			within("amount", r.Amount, cents.Amount, 1e-6)
			pp := func(what string, got, want float64) {
				t.Helper()
				if math.Abs(got-want) > 0.01+1e-9 {
					t.Errorf("%s: float64 %s = %.2f, Simulate %.2f: more than 0.01 pp apart", name, what, got, want)
				}
			}
			pp("CET", r.CETPercent, s.CETPercentage())
			pp("monthly CET", r.CETMonthlyPercent, s.CETMonthlyPercentage())
			pp("annual rate", r.AnnualPercent, s.AnnualInterestPercentage().InexactFloat64())
			if r.FirstDue != s.FirstDueDate() {
				t.Errorf("%s: float64 first due date %s, Simulate %s", name, r.FirstDue, s.FirstDueDate())
			}
			for k, row := range r.Rows {
				if want := s.CentsRow(k + 1).DueDate; row.Due != want {
					t.Errorf("%s: float64 due date %d = %s, Simulate %s", name, k+1, row.Due, want)
				}
			}
		}
	}
}

// naiveCounts are the counts the (slow) naive decimal version is checked on.
var naiveCounts = []int{1, 2, 6, 12, 13, 24, 36, 48}

func TestNaiveDecimalAgrees(t *testing.T) {
	for _, c := range agreeCases {
		f := makeFixture(t, c.requested, c.percent, c.release)
		for _, n := range naiveCounts {
			name := fmt.Sprintf("%d@%s%%/%s/n=%d", c.requested, c.percent, c.release, n)
			s, err := simulation.Simulate(f.offer, f.request(n), f.opts)
			if err != nil {
				t.Fatalf("%s: Simulate: %v", name, err)
			}
			o := f.dec
			o.N = n
			r, err := decSimulate(o)
			if err != nil {
				t.Fatalf("%s: decSimulate: %v", name, err)
			}
			exact := func(what string, got, want decimal.Decimal) {
				t.Helper()
				if !got.Equal(want) {
					t.Errorf("%s: decimal %s = %s, Simulate %s", name, what, got, want)
				}
			}
			exact("installment", r.Installment, s.InstallmentsValue())
			exact("fees", r.Fees, s.FeesAmount())
			exact("interest", r.Interest, s.InterestAmount())
			exact("total", r.Total, s.TotalLoanAmount())
			exact("IOF", r.IOF, s.IOFAmount())
			exact("amount", r.Amount, s.Amount())
			exact("annual rate", r.AnnualPercent, s.AnnualInterestPercentage())
			for k, row := range r.Rows {
				want := s.Row(k + 1)
				exact(fmt.Sprintf("payment %d", k+1), row.Payment, want.Payment)
				exact(fmt.Sprintf("interest %d", k+1), row.Interest, want.Interest)
				exact(fmt.Sprintf("balance %d", k+1), row.Balance, want.Balance)
				if row.Due != want.DueDate {
					t.Errorf("%s: decimal due date %d = %s, Simulate %s", name, k+1, row.Due, want.DueDate)
				}
			}
			pp := func(what string, got decimal.Decimal, want float64) {
				t.Helper()
				if math.Abs(got.InexactFloat64()-want) > 0.01+1e-9 {
					t.Errorf("%s: decimal %s = %s, Simulate %.2f: more than 0.01 pp apart", name, what, got, want)
				}
			}
			pp("CET", r.CETPercent, s.CETPercentage())
			pp("monthly CET", r.CETMonthlyPercent, s.CETMonthlyPercentage())
		}
	}
}

// TestBaselinesOnTheBenchmarkOffer pins the benchmarks' own inputs tighter:
// there both baselines give Simulate's CET and monthly CET to the hundredth.
func TestBaselinesOnTheBenchmarkOffer(t *testing.T) {
	f := newFixture(t)
	for _, n := range counts {
		s, err := simulation.Simulate(f.offer, f.request(n), f.opts)
		if err != nil {
			t.Fatal(err)
		}
		o := f.float
		o.N = n
		r, err := floatSimulate(o)
		if err != nil {
			t.Fatal(err)
		}
		d := f.dec
		d.N = n
		dr, err := decSimulate(d)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct {
			what      string
			got, want float64
		}{
			{"float64 CET", r.CETPercent, s.CETPercentage()},
			{"float64 monthly CET", r.CETMonthlyPercent, s.CETMonthlyPercentage()},
			{"decimal CET", dr.CETPercent.InexactFloat64(), s.CETPercentage()},
			{"decimal monthly CET", dr.CETMonthlyPercent.InexactFloat64(), s.CETMonthlyPercentage()},
		} {
			if c.got != c.want {
				t.Errorf("n=%d: %s %.2f, Simulate %.2f", n, c.what, c.got, c.want)
			}
		}
	}
}

func fmtCents(c int64) string { return fmt.Sprintf("%d.%02d", c/100, c%100) }

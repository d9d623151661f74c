package schedule_test

import (
	"math"
	"math/big"
	"testing"

	"pgregory.net/rapid"

	"github.com/dinie/lending/money"
	"github.com/dinie/lending/schedule"
)

// The exact path runs only near a half-cent tie, so the differential tests
// through New rarely reach it. These hold it to the reference on its own.

// TestPropExactInterest: the exact interest of any balance over any period of
// 1 to 400 thirtieths of a month equals the reference's.
func TestPropExactInterest(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		terms := genTerms(1).Draw(t, "terms")
		plan := newPlan(t, terms)
		b := rapid.Int64Range(0, 1<<50).Draw(t, "balance")
		if rapid.IntRange(0, 1).Draw(t, "tie_balance") == 0 {
			b = 20 * rapid.Int64Range(0, 1<<40).Draw(t, "b20") // ties at 2.5 % and others
		}
		dt := rapid.IntRange(1, 400).Draw(t, "dt")
		if rapid.IntRange(0, 1).Draw(t, "whole") == 0 {
			dt = 30 * rapid.IntRange(1, 13).Draw(t, "months")
		}
		if got, want := plan.InterestExact(b, dt), refInterest(newRefRate(terms.Rate), big.NewInt(b), dt).Int64(); got != want {
			t.Fatalf("InterestExact(%d, %d) at %s %% = %d, reference %d", b, dt, terms.Rate, got, want)
		}
	})
}

// TestPropExactPMT: the exact installment equals the reference's, and the float
// path, when its error bound lets it decide, agrees.
func TestPropExactPMT(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		terms := genTerms(schedule.MaxInstallments).Draw(t, "terms")
		plan := newPlan(t, terms)
		pc, _ := money.ToCents(terms.Principal)
		n := terms.Installments
		want := refSchedule(terms, pc).pmt
		if got := plan.PMTExact(pc, n); got != want {
			t.Fatalf("PMTExact(%d, %d) = %d, reference %d", pc, n, got, want)
		}
		if !terms.Rate.IsZero() {
			if got, ok := plan.PMTFloat(pc, n); ok && got != want {
				t.Fatalf("PMTFloat(%d, %d) = %d (decided), reference %d", pc, n, got, want)
			}
		}
	})
}

// TestExactTies: exact ties decided as ties, through the public API and the
// exact path, including a fractional power that is rational (1.21^(1/2) = 1.1).
func TestExactTies(t *testing.T) {
	d0 := date(t, "2026-04-15")
	// 21 % with a 15-day first period (monthly pro rata: Apr 15 → Apr 30, t = 0.5):
	// the factor is 1.21^0.5 − 1 = 0.1 exactly. Balance 1000.05 · 0.1 = 100.005 →
	// 100.01 (half-up); a float or a truncated root could give 100.00.
	plan, err := schedule.NewPlan(schedule.Terms{Rate: rate(t, "21"), Installments: 1, Release: d0,
		FirstDue: date(t, "2026-04-30")})
	if err != nil {
		t.Fatal(err)
	}
	if plan.RootL() != 15 {
		t.Errorf("1.21 = 1.1²: L = %d, want 15", plan.RootL())
	}
	if got := plan.InterestExact(100005, 15); got != 10001 {
		t.Errorf("InterestExact(1000.05, half a month at 21 %%) = %d, want 10001 (100.005 → 100.01)", got)
	}
	s, err := plan.ScheduleCents(100005, 1)
	if err != nil {
		t.Fatal(err)
	}
	// PMT = 1000.05 · 1.1 = 1100.055 → 1100.06; interest 100.005 → 100.01.
	if r := s.CentsRow(1); s.InstallmentCents() != 110006 || r.Interest != 10001 || r.Payment != 110006 {
		t.Errorf("1000.05 over half a month at 21 %%: PMT %d, row %+v; want 110006, interest 10001", s.InstallmentCents(), r)
	}
	// 2.5 % over two whole months (periodic does not do that; monthly pro rata from
	// Apr 15 to Jun 15): factor 1.025² − 1 = 0.050625. Balance 800.00 · 0.050625 =
	// 40.50 exactly; 1000.80 · 0.050625 = 50.6655 → 50.67; and 64800 cents ·
	// 0.050625 = 3280.5 cents → 3281 (a tie).
	plan2, _ := schedule.NewPlan(schedule.Terms{Rate: rate(t, "2.5"), Installments: 1, Release: d0,
		FirstDue: date(t, "2026-06-15")})
	for _, c := range []struct{ b, want int64 }{{80000, 4050}, {100080, 5067}, {64800, 3281}} {
		if got := plan2.InterestExact(c.b, 60); got != c.want {
			t.Errorf("InterestExact(%d, 2 months at 2.5 %%) = %d, want %d", c.b, got, c.want)
		}
		s, err := plan2.ScheduleCents(c.b, 1)
		if err != nil {
			t.Fatal(err)
		}
		if got := s.CentsRow(1).Interest; got != c.want {
			t.Errorf("schedule of %d over 2 months at 2.5 %%: interest %d, want %d", c.b, got, c.want)
		}
	}
}

// TestLibmAccuracy checks the error model's assumption (fast.go): math.Log1p and
// math.Expm1 are within 4u = 2^−51 relative of the truth on the arguments the
// package gives them, against series summed in 300-bit big.Float.
func TestLibmAccuracy(t *testing.T) {
	const tol = 4.0 / (1 << 53)
	ln2 := refLn1p(big.NewFloat(1))
	check := func(name string, arg, got float64, want *big.Float) {
		t.Helper()
		w, _ := want.Float64()
		if e := math.Abs(got-w) / math.Abs(w); e > tol {
			t.Fatalf("%s(%g) = %g, want %s: relative error %.3g > %.3g", name, arg, got, want.Text('g', 25), e, tol)
		}
	}
	rapid.Check(t, func(t *rapid.T) {
		units := rapid.Int64Range(1, 1e12).Draw(t, "units") // i = units / 10^12
		i := float64(units) / 1e12
		bi := new(big.Float).SetPrec(300).SetInt64(units)
		bi.Quo(bi, new(big.Float).SetPrec(300).SetInt64(1e12))
		// Log1p sees the float i; compare with log1p of that float exactly.
		check("Log1p", i, math.Log1p(i), refLn1p(new(big.Float).SetPrec(300).SetFloat64(i)))
		// Expm1 sees y = dt·l30 for periods of up to 400 thirtieths of a month.
		y := float64(rapid.IntRange(1, 400).Draw(t, "dt")) * (math.Log1p(i) / 30)
		e := refExp(new(big.Float).SetPrec(300).SetFloat64(y), ln2)
		check("Expm1", y, math.Expm1(y), e.Sub(e, big.NewFloat(1)))
	})
}

// refLn1p is log(1+x) for 0 ≤ x ≤ 1 as 2·atanh(x/(2+x)), by its series.
func refLn1p(x *big.Float) *big.Float {
	const prec = 300
	z := new(big.Float).SetPrec(prec).Add(x, big.NewFloat(2))
	z.Quo(x, z) // ≤ 1/3
	z2 := new(big.Float).SetPrec(prec).Mul(z, z)
	sum := new(big.Float).SetPrec(prec)
	term := new(big.Float).SetPrec(prec).Set(z)
	for k := int64(1); k < 800; k += 2 {
		sum.Add(sum, new(big.Float).SetPrec(prec).Quo(term, new(big.Float).SetInt64(k)))
		term.Mul(term, z2)
	}
	return sum.Mul(sum, big.NewFloat(2))
}

// refExp is e^y for y ≥ 0: y = k·ln2 + r with 0 ≤ r < ln2, then a Taylor series
// for e^r, scaled by 2^k.
func refExp(y, ln2 *big.Float) *big.Float {
	const prec = 300
	q := new(big.Float).SetPrec(prec).Quo(y, ln2)
	k, _ := q.Int64()
	r := new(big.Float).SetPrec(prec).Mul(ln2, new(big.Float).SetInt64(k))
	r.Sub(y, r)
	sum := new(big.Float).SetPrec(prec).SetInt64(1)
	term := new(big.Float).SetPrec(prec).SetInt64(1)
	for n := int64(1); n < 200; n++ {
		term.Mul(term, r)
		term.Quo(term, new(big.Float).SetInt64(n))
		sum.Add(sum, term)
	}
	return sum.SetMantExp(sum, int(k))
}

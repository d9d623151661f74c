package schedule_test

import (
	"errors"
	"math"
	"math/big"
	"testing"

	"pgregory.net/rapid"

	"github.com/dinie/lending/money"
	"github.com/dinie/lending/schedule"
)

// adversarialAnnual are annual rates that exercise the exact paths: integer
// bases that are perfect powers (300 % = 2², 700 % = 2³, 2,400 % = 5²), perfect
// powers of decimals (21 % = 1.1², 44 % = 1.2², 33.1 % = 1.1³), the ends of the
// range and common contract rates.
var adversarialAnnual = []string{
	"0", "30", "12", "100", "300", "700", "2400", "21", "44", "33.1", "409500",
	"0.0000000001", "99.9999999999", "26.824179456", "15.5", "1.99",
}

func genAnnualRate() *rapid.Generator[schedule.AnnualRate] {
	return rapid.Custom(func(t *rapid.T) schedule.AnnualRate {
		var s string
		if rapid.IntRange(0, 1).Draw(t, "adversarial") == 0 {
			s = rapid.SampledFrom(adversarialAnnual).Draw(t, "annual")
		} else {
			places := rapid.IntRange(0, 10).Draw(t, "places")
			hi := int64(200 * math.Pow10(places))
			if rapid.IntRange(0, 9).Draw(t, "huge") == 0 {
				hi = int64(409500 * math.Pow10(places))
			}
			units := rapid.Int64Range(0, hi).Draw(t, "units")
			s = new(big.Rat).SetFrac64(units, int64(math.Pow10(places))).FloatString(places)
		}
		r, err := schedule.ParsePercentPerYear(s)
		if err != nil {
			t.Fatalf("annual rate %q: %v", s, err)
		}
		return r
	})
}

// genModeTerms draws terms in every mode: the five day counts, the rate per
// month or per year, a grace of up to a third of the installments, Price or
// SAC. Counts stay at most 120 so that the reference's roots (365th and 252nd
// of huge rationals at 2,048 bits) keep the property fast.
func genModeTerms(maxN int) *rapid.Generator[schedule.Terms] {
	return rapid.Custom(func(t *rapid.T) schedule.Terms {
		terms := genTermsAnyRoll(t, maxN)
		if rollsOntoRelease(terms) {
			terms.Roll = 0 // Following
		}
		terms.DayCount = schedule.DayCount(rapid.IntRange(0, 4).Draw(t, "mode_day_count"))
		if rapid.Bool().Draw(t, "per_year") {
			terms.Rate, terms.AnnualRate = schedule.MonthlyRate{}, genAnnualRate().Draw(t, "annual_rate")
		}
		if rapid.Bool().Draw(t, "with_grace") {
			terms.Grace = rapid.IntRange(0, (terms.Installments-1+2)/3).Draw(t, "grace")
			terms.Grace = min(terms.Grace, terms.Installments-1)
		}
		terms.Amortization = schedule.Amortization(rapid.IntRange(0, 1).Draw(t, "amortization"))
		return terms
	})
}

// TestPropModesEqualReference: in every mode the package and the slow
// reference agree on every date, interest time and cent, and on which terms
// are too small for cent precision.
func TestPropModesEqualReference(t *testing.T) {
	var share builtShare
	defer share.check(t)
	rapid.Check(t, func(t *rapid.T) {
		terms := genModeTerms(120).Draw(t, "terms")
		s := build(t, terms)
		share.add(s)
		pc, _ := money.ToCents(terms.Principal)
		ref := refSchedule(terms, pc)
		if s == nil {
			if !ref.degenerate {
				t.Fatalf("package refused the terms as too small; the reference built PMT %d", ref.pmt)
			}
			if _, err := schedule.New(terms); !errors.Is(err, ref.reason) {
				t.Fatalf("package refused with %v; the reference's reason is %v", err, ref.reason)
			}
			return
		}
		if ref.degenerate {
			t.Fatalf("the reference finds the terms too small (%v, PMT %d); the package built PMT %d", ref.reason, ref.pmt, s.InstallmentCents())
		}
		if s.InstallmentCents() != ref.pmt {
			t.Fatalf("installment %d, reference %d", s.InstallmentCents(), ref.pmt)
		}
		for k := 1; k <= s.Len(); k++ {
			got, want := s.CentsRow(k), ref.rows[k-1]
			if got.NominalDate != want.nominal || got.DueDate != want.due || got.InterestTime != want.units ||
				got.Payment != want.payment || got.Interest != want.interest || got.Principal != want.principal ||
				got.Balance != want.balance {
				t.Fatalf("row %d = %+v, reference %+v", k, got, want)
			}
		}
	})
}

// TestPropSAC: SAC amortizations sum to the principal, every one but the last
// is ⌈P/(n−g)⌉ and the last no more, and on regular periods (periodic time)
// the installments never increase; installments_value is the first amortizing
// installment, the largest.
func TestPropSAC(t *testing.T) {
	var share builtShare
	defer share.check(t)
	rapid.Check(t, func(t *rapid.T) {
		terms := genModeTerms(schedule.MaxInstallments).Draw(t, "terms")
		terms.Amortization, terms.DayCount = schedule.SAC, schedule.Periodic
		s := build(t, terms)
		share.add(s)
		if s == nil {
			return
		}
		pc, _ := money.ToCents(terms.Principal)
		g, n := terms.Grace, terms.Installments
		a := (pc + int64(n-g) - 1) / int64(n-g)
		var sum int64
		prev := int64(math.MaxInt64)
		for k := g + 1; k <= n; k++ {
			r := s.CentsRow(k)
			sum += r.Principal
			if k < n && r.Principal != a || k == n && (r.Principal > a || r.Principal <= 0) {
				t.Fatalf("row %d amortizes %d; A = %d", k, r.Principal, a)
			}
			if r.Payment > prev {
				t.Fatalf("row %d pays %d, more than the row before, %d", k, r.Payment, prev)
			}
			prev = r.Payment
		}
		if sum != pc {
			t.Fatalf("amortizations sum to %d, principal %d", sum, pc)
		}
		if s.InstallmentCents() != s.CentsRow(g+1).Payment {
			t.Fatalf("installment %d, first amortizing payment %d", s.InstallmentCents(), s.CentsRow(g+1).Payment)
		}
	})
}

// TestPropGrace: each grace row pays exactly its interest, half-up of P times
// the period's factor (computed by the reference), amortizes nothing and
// leaves the balance at P; the rows after it are the table of the same
// principal whose interest runs from the end of the grace.
func TestPropGrace(t *testing.T) {
	var share builtShare
	defer share.check(t)
	useful := 0
	defer func() {
		if useful < 20 {
			t.Errorf("only %d runs had a grace", useful)
		}
	}()
	rapid.Check(t, func(t *rapid.T) {
		terms := genModeTerms(120).Draw(t, "terms")
		if terms.Installments > 1 {
			terms.Grace = rapid.IntRange(1, terms.Installments-1).Draw(t, "grace_at_least_one")
		}
		s := build(t, terms)
		share.add(s)
		if s == nil || terms.Grace == 0 {
			return
		}
		useful++
		pc, _ := money.ToCents(terms.Principal)
		rb := newRefBase(terms)
		plan := s.Plan()
		var prevX *big.Rat = new(big.Rat)
		for k := 1; k <= terms.Grace; k++ {
			r := s.CentsRow(k)
			_, x := refUnits(terms, plan.Calendar(), r.NominalDate, k)
			gr, gf := rb.growth(new(big.Rat).Sub(x, prevX))
			prevX = x
			var want int64
			if gr != nil {
				f := new(big.Rat).Sub(gr, big.NewRat(1, 1))
				want = refRoundRat(f.Mul(f, new(big.Rat).SetInt64(pc))).Int64()
			} else {
				f := new(big.Float).SetPrec(refPrec).Sub(gf, big.NewFloat(1))
				want = refRoundFloat(f.Mul(f, new(big.Float).SetPrec(refPrec).SetInt64(pc))).Int64()
			}
			if r.Payment != r.Interest || r.Interest != want || r.Principal != 0 || r.Balance != pc {
				t.Fatalf("grace row %d = %+v; its interest is %d", k, r, want)
			}
		}
	})
}

// TestPropInterestTimeOn: a plan measures a date as it measures its
// installments: InterestTimeOn(nominal date; due date for Business252) is
// InterestTime(k) for every day count but Periodic, and for any date it agrees with the reference's count.
func TestPropInterestTimeOn(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		terms := genModeTerms(48).Draw(t, "terms")
		plan, err := schedule.NewPlan(terms)
		if err != nil {
			t.Fatalf("NewPlan: %v", err)
		}
		for k := 1; k <= plan.MaxInstallments(); k++ {
			at := plan.NominalDate(k)
			if terms.DayCount == schedule.Business252 {
				at = plan.DueDate(k)
			}
			got, err := plan.InterestTimeOn(at)
			if err != nil || terms.DayCount != schedule.Periodic && got != plan.InterestTime(k) {
				t.Fatalf("InterestTimeOn(nominal %d) = %d, %v; InterestTime %d", k, got, err, plan.InterestTime(k))
			}
		}
		d, _ := terms.Release.AddDays(rapid.IntRange(0, 4000).Draw(t, "days"))
		got, err := plan.InterestTimeOn(d)
		ref := terms
		if ref.DayCount == schedule.Periodic {
			ref.DayCount = schedule.MonthlyProRata // periodic contracts measure a date by the calendar
		}
		want, _ := refUnits(ref, plan.Calendar(), d, 0)
		if err != nil || got != want {
			t.Fatalf("InterestTimeOn(%s) = %d, %v; reference %d", d, got, err, want)
		}
		if before, _ := terms.Release.AddDays(-1); !before.IsZero() {
			if _, err := plan.InterestTimeOn(before); err == nil {
				t.Fatalf("InterestTimeOn(%s), before the release, accepted", before)
			}
		}
	})
}

package schedule_test

import (
	"errors"
	"math"
	"math/big"
	"testing"

	"pgregory.net/rapid"

	"github.com/dinie/lending/calendar"
	"github.com/dinie/lending/money"
	"github.com/dinie/lending/schedule"
)

// refTimes returns the terms' interest times in the rate's own period (the
// reference's x_k, months for a monthly rate) for k = 1 … n.
func refTimes(terms schedule.Terms) []*big.Rat {
	first := terms.FirstDue
	if first.IsZero() {
		first, _ = terms.Release.AddMonths(1)
	}
	cal := terms.Calendar
	if cal == nil {
		cal = calendar.Brazil()
	}
	x := make([]*big.Rat, terms.Installments)
	for k := 1; k <= terms.Installments; k++ {
		nominal, _ := first.AddMonths(k - 1)
		_, x[k-1] = refUnits(terms, cal, nominal, k)
	}
	return x
}

// refPV is half-up(X·Σ_{k>g} growth(x_k − x_g)^(−1)), the present value of the
// installments in the reference's arithmetic.
func refPV(terms schedule.Terms, x int64) int64 {
	rb := newRefBase(terms)
	xs := refTimes(terms)
	g := terms.Grace
	xg := new(big.Rat)
	if g > 0 {
		xg = xs[g-1]
	}
	sr, sf, exact := new(big.Rat), new(big.Float).SetPrec(refPrec), true
	for k := g; k < len(xs); k++ {
		gr, gf := rb.growth(new(big.Rat).Sub(xs[k], xg))
		if gr != nil {
			sr.Add(sr, new(big.Rat).Inv(gr))
		} else {
			exact = false
			sf.Add(sf, new(big.Float).SetPrec(refPrec).Quo(big.NewFloat(1), gf))
		}
	}
	if exact {
		return refRoundRat(sr.Mul(sr, big.NewRat(x, 1))).Int64()
	}
	sf.Add(sf, new(big.Float).SetPrec(refPrec).SetRat(sr))
	return refRoundFloat(sf.Mul(sf, new(big.Float).SetPrec(refPrec).SetInt64(x))).Int64()
}

// monthlyOf is the terms' rate as a monthly fraction in float64 (an annual
// rate's equivalent), and the times x_k in months.
func monthlyOf(terms schedule.Terms) (float64, []float64) {
	xs := refTimes(terms)
	months := make([]float64, len(xs))
	for k, x := range xs {
		months[k], _ = x.Float64()
	}
	if terms.AnnualRate.IsZero() {
		f, _ := terms.Rate.Fraction().Float64()
		return f, months
	}
	a, _ := terms.AnnualRate.Fraction().Float64()
	for k := range months {
		months[k] *= 12 // the reference's times are in years for an annual rate
	}
	return math.Expm1(math.Log1p(a) / 12), months
}

// TestPropSolveAmount: from a schedule's own rate, count and installment X,
// SolveAmount finds a principal at least the schedule's whose installment is
// X, one cent more has an installment above X (or is beyond the bound), and
// the present value is the reference's.
func TestPropSolveAmount(t *testing.T) {
	var share builtShare
	defer share.check(t)
	rapid.Check(t, func(t *rapid.T) {
		terms := genModeTerms(120).Draw(t, "terms")
		s := build(t, terms)
		share.add(s)
		if s == nil {
			return
		}
		x := s.InstallmentCents()
		sol, err := schedule.SolveAmount(terms, money.FromCents(x))
		if err != nil {
			t.Fatalf("SolveAmount(%d): %v", x, err)
		}
		got := sol.Schedule.TotalPrincipalCents()
		plan := sol.Schedule.Plan()
		n := terms.Installments
		if got < s.TotalPrincipalCents() || sol.Schedule.InstallmentCents() != x {
			t.Fatalf("principal %d with installment %d; the schedule's %d has %d", got, sol.Schedule.InstallmentCents(), s.TotalPrincipalCents(), x)
		}
		if got < schedule.MaxPrincipalCents {
			// One cent more has a larger installment or is no contract (refused as too
			// small for cent precision).
			next, err := plan.InstallmentCents(got+1, n)
			if _, serr := plan.ScheduleCents(got+1, n); err == nil && next <= x && serr == nil {
				t.Fatalf("one cent more, %d, has installment %d ≤ %d", got+1, next, x)
			}
		}
		if terms.Amortization == schedule.Price {
			if want := refPV(terms, x); sol.PresentValueCents != want {
				t.Fatalf("present value %d, reference %d", sol.PresentValueCents, want)
			}
		}
	})
}

// TestPropSolveRate: from a schedule's own principal, count and installment,
// the root's present-value error (float64, on the reference's times) is at most
// 10^−9 of the principal, and the root is the schedule's rate to 10^−9 beyond
// the half cent the installment was rounded by (|Δi| ≤ ½ cent / (∂PMT/∂i)).
func TestPropSolveRate(t *testing.T) {
	var share builtShare
	defer share.check(t)
	rapid.Check(t, func(t *rapid.T) {
		terms := genModeTerms(120).Draw(t, "terms")
		s := build(t, terms)
		share.add(s)
		if s == nil {
			return
		}
		x := s.InstallmentCents()
		sol, err := schedule.SolveRate(terms, money.FromCents(x))
		if errors.Is(err, schedule.ErrNoRate) && x*int64(terms.Installments-terms.Grace) < s.TotalPrincipalCents() {
			return // 0 % rounded the installment down: X·m < P, no rate gives it
		}
		if errors.Is(err, schedule.ErrNoRate) && terms.Amortization == schedule.SAC && terms.Rate.IsZero() && terms.AnnualRate.IsZero() {
			return
		}
		i0, months := monthlyOf(terms)
		P, X := float64(s.TotalPrincipalCents()), float64(x)
		g := terms.Grace
		var mg float64
		if g > 0 {
			mg = months[g-1]
		}
		// u(i) is the unrounded installment; du its derivative in i.
		u := func(i float64) float64 {
			if terms.Amortization == schedule.SAC {
				m := int64(terms.Installments - g)
				a := float64((s.TotalPrincipalCents() + m - 1) / m)
				return a + P*(math.Pow(1+i, months[g]-mg)-1)
			}
			var sum float64
			for _, mk := range months[g:] {
				sum += math.Pow(1+i, -(mk - mg))
			}
			return P / sum
		}
		if errors.Is(err, schedule.ErrNoRate) && u(1) < X {
			return // near 100 % a.m. the installment rounded up past the rate bound's
		}
		if err != nil {
			t.Fatalf("SolveRate(%d): %v", x, err)
		}
		if e := math.Abs(u(sol.Root) - X); e > 1e-9*P {
			t.Fatalf("root %v: installment %v, want %v (error %v, principal %v)", sol.Root, u(sol.Root), X, e, P)
		}
		h := 1e-7 * max(i0, 1e-3)
		du := (u(i0+h) - u(max(i0-h, 0))) / (i0 + h - max(i0-h, 0))
		if du > 0 && math.Abs(sol.Root-i0) > 0.5/du*1.01+1e-9 {
			t.Fatalf("root %v, rate %v: off by %v, more than half a cent's worth %v", sol.Root, i0, sol.Root-i0, 0.5/du)
		}
	})
}

// TestPropSolveCount: from a schedule's own principal, rate and installment
// (the count as the bound), SolveCount finds a count no larger whose
// installment is at most X, with one count less above X.
func TestPropSolveCount(t *testing.T) {
	var share builtShare
	defer share.check(t)
	rapid.Check(t, func(t *rapid.T) {
		terms := genModeTerms(120).Draw(t, "terms")
		s := build(t, terms)
		share.add(s)
		if s == nil {
			return
		}
		x := s.InstallmentCents()
		sol, err := schedule.SolveCount(terms, money.FromCents(x))
		if err != nil {
			t.Fatalf("SolveCount(%d): %v", x, err)
		}
		m := sol.Schedule.Len()
		plan := sol.Schedule.Plan()
		pc := s.TotalPrincipalCents()
		if m > terms.Installments || sol.Schedule.InstallmentCents() > x {
			t.Fatalf("count %d with installment %d; the schedule's %d has %d", m, sol.Schedule.InstallmentCents(), terms.Installments, x)
		}
		if m-1 > terms.Grace {
			prev, err := plan.InstallmentCents(pc, m-1)
			if _, serr := plan.ScheduleCents(pc, m-1); err == nil && prev <= x && serr == nil {
				t.Fatalf("one count less, %d, has installment %d ≤ %d", m-1, prev, x)
			}
		}
		if m == terms.Installments && sol.NPER != 0 && math.Abs(sol.NPER-float64(m)) > 1.5 && terms.DayCount == schedule.Periodic &&
			terms.Amortization == schedule.Price {
			t.Fatalf("NPER %v for the periodic count %d", sol.NPER, m)
		}
	})
}

package schedule_test

import (
	"errors"
	"math"
	"math/big"
	"testing"
	"time"

	"pgregory.net/rapid"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/calendar"
	"github.com/dinie/lending/money"
	"github.com/dinie/lending/schedule"
)

// adversarialRates are rates that make ties or exercise the exact paths: 2.5 %
// (balance·0.025 is a tie for every balance ≡ 20 mod 40 cents), round rates,
// the ends of the range, the published 0.629890 %, and perfect powers whose
// fractional powers are rational (1.21 = 1.1², 1.44 = 1.2², 1.331 = 1.1³,
// 1.061520150601 = 1.01⁶, 1.953125 = 1.25³).
var adversarialRates = []string{
	"0", "1", "2.5", "100", "0.629890", "21", "44", "33.1", "6.1520150601", "95.3125",
	"0.0000000001", "99.9999999999", "12.5", "1.99", "4.75", "10", "50", "0.5",
}

func genRate() *rapid.Generator[schedule.MonthlyRate] {
	return rapid.Custom(func(t *rapid.T) schedule.MonthlyRate {
		var s string
		if rapid.IntRange(0, 1).Draw(t, "adversarial") == 0 {
			s = rapid.SampledFrom(adversarialRates).Draw(t, "rate")
		} else {
			// Up to 10 decimal places; mostly below 15 % a.m.
			places := rapid.IntRange(0, 10).Draw(t, "places")
			hi := int64(15 * math.Pow10(places))
			if rapid.IntRange(0, 4).Draw(t, "high") == 0 {
				hi = int64(100 * math.Pow10(places))
			}
			units := rapid.Int64Range(0, hi).Draw(t, "units")
			s = new(big.Rat).SetFrac64(units, int64(math.Pow10(places))).FloatString(places)
		}
		r, err := schedule.ParsePercentPerMonth(s)
		if err != nil {
			t.Fatalf("rate %q: %v", s, err)
		}
		return r
	})
}

func genPrincipal() *rapid.Generator[int64] {
	return rapid.Custom(func(t *rapid.T) int64 {
		switch rapid.IntRange(0, 4).Draw(t, "kind") {
		case 0: // multiples of 20 cents: ties at 2.5 %
			return 20 * rapid.Int64Range(5, schedule.MaxPrincipalCents/20).Draw(t, "k20")
		case 1: // small: cent precision matters
			return rapid.Int64Range(schedule.MinPrincipalCents, 10000).Draw(t, "small")
		case 2: // round amounts
			return rapid.Int64Range(1, 99).Draw(t, "m") * int64(math.Pow10(rapid.IntRange(2, 9).Draw(t, "e")))
		}
		// Log-uniform over the whole range.
		x := rapid.Float64Range(math.Log(schedule.MinPrincipalCents), math.Log(schedule.MaxPrincipalCents)).Draw(t, "log")
		return min(max(int64(math.Exp(x)), schedule.MinPrincipalCents), schedule.MaxPrincipalCents)
	})
}

func genDate(t *rapid.T, label string, fromYear, toYear int) calendar.Date {
	y := rapid.IntRange(fromYear, toYear).Draw(t, label+"_year")
	m := time.Month(rapid.IntRange(1, 12).Draw(t, label+"_month"))
	d := rapid.IntRange(1, calendar.DaysIn(y, m)).Draw(t, label+"_day")
	date, err := calendar.NewDate(y, m, d)
	if err != nil {
		t.Fatal(err)
	}
	return date
}

// genFirstDue draws a first due date for the release d0: the default, a first
// period of 1 to 180 days, or an anchor day of 28 to 31 in one of the next
// months (clamped), which makes irregular periods.
func genFirstDue(t *rapid.T, d0 calendar.Date) calendar.Date {
	switch rapid.IntRange(0, 3).Draw(t, "first_kind") {
	case 1:
		f, _ := d0.AddDays(rapid.IntRange(1, 180).Draw(t, "first_days"))
		return f
	case 2:
		y, m, _ := d0.Date()
		m += time.Month(rapid.IntRange(1, 5).Draw(t, "first_months"))
		for m > 12 {
			y, m = y+1, m-12
		}
		day := min(rapid.IntRange(28, 31).Draw(t, "anchor"), calendar.DaysIn(y, m))
		f, _ := calendar.NewDate(y, m, day)
		if calendar.DaysBetween(d0, f) <= 180 {
			return f
		}
	case 3: // on the anchor: the release's own day one month later
		f, _ := d0.AddMonths(1)
		if f.Day() == d0.Day() {
			return f
		}
	}
	return calendar.Date{}
}

// genTerms draws terms the package accepts up to their amounts: a first due
// date that a backward roll (Preceding, Modified Preceding, Modified Following
// at a month's end) would pull onto or before the release is rolled Following
// instead. TestPropFirstDueRolledOntoRelease holds that refusal on its own.
func genTerms(maxN int) *rapid.Generator[schedule.Terms] {
	return rapid.Custom(func(t *rapid.T) schedule.Terms {
		terms := genTermsAnyRoll(t, maxN)
		if rollsOntoRelease(terms) {
			terms.Roll = calendar.Following
		}
		return terms
	})
}

// genTermsAnyRoll draws terms whose first due date may roll onto the release.
func genTermsAnyRoll(t *rapid.T, maxN int) schedule.Terms {
	d0 := genDate(t, "release", 2015, 2030)
	n := rapid.IntRange(1, 48).Draw(t, "n")
	if maxN > 48 && rapid.IntRange(0, 9).Draw(t, "long") == 0 {
		n = rapid.IntRange(49, maxN).Draw(t, "n_long")
	}
	return schedule.Terms{
		Principal:    money.FromCents(genPrincipal().Draw(t, "principal")),
		Rate:         genRate().Draw(t, "rate"),
		Installments: n,
		Release:      d0,
		FirstDue:     genFirstDue(t, d0),
		Roll:         calendar.Roll(rapid.IntRange(0, 4).Draw(t, "roll")),
		DayCount:     schedule.DayCount(rapid.IntRange(0, 2).Draw(t, "day_count")),
	}
}

// rollsOntoRelease reports whether the terms' first due date (the default one
// month after the release when unset), rolled on the Brazilian calendar, is not
// after the release: the spec's refusal, computed from the calendar alone.
func rollsOntoRelease(terms schedule.Terms) bool {
	first := terms.FirstDue
	if first.IsZero() {
		first, _ = terms.Release.AddMonths(1)
	}
	due, err := calendar.Brazil().Adjust(first, terms.Roll)
	return err == nil && !due.After(terms.Release)
}

// TestPropFirstDueRolledOntoRelease: NewPlan refuses terms with invalid_due_date
// on first_due_date exactly when the calendar rolls their first due date onto
// or before the release.
func TestPropFirstDueRolledOntoRelease(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		terms := genTermsAnyRoll(t, 48)
		if rapid.Bool().Draw(t, "short_first") { // where backward rolls reach the release
			terms.FirstDue, _ = terms.Release.AddDays(rapid.IntRange(1, 4).Draw(t, "first_days"))
		}
		_, err := schedule.NewPlan(terms)
		var e *apierr.Error
		refused := errors.As(err, &e) && e.Code == apierr.InvalidDueDate && e.Param == "first_due_date"
		if want := rollsOntoRelease(terms); refused != want || (err != nil && !refused) {
			t.Fatalf("NewPlan(%+v): %v; first due date rolls onto the release: %v", terms, err, want)
		}
	})
}

// newPlan builds the plan of terms drawn by genTerms, which accepts them all.
func newPlan(t *rapid.T, terms schedule.Terms) *schedule.Plan {
	plan, err := schedule.NewPlan(terms)
	if err != nil {
		t.Fatalf("NewPlan(%+v): %v", terms, err)
	}
	return plan
}

// build builds the schedule of terms drawn by genTerms, or returns nil for terms
// the package refuses as too small for cent precision; any other refusal fails
// the test.
func build(t *rapid.T, terms schedule.Terms) *schedule.Schedule {
	s, err := schedule.New(terms)
	if err != nil && !errors.Is(err, schedule.ErrInstallmentRoundsToZero) && !errors.Is(err, schedule.ErrResidueExhaustsBalance) &&
		!errors.Is(err, schedule.ErrResidueExceedsInstallment) {
		t.Fatalf("New(%+v): %v", terms, err)
	}
	return s
}

// builtShare counts a property's runs and how many of them drew terms the
// package built rather than refused as too small for cent precision. About one
// draw in five is refused (small principals over long terms, on purpose: the
// refusals are checked too); check fails the test when fewer than half the runs
// built a table, so a generator drifting towards refused terms cannot leave a
// property checking nothing.
type builtShare struct{ runs, built int }

func (b *builtShare) add(s *schedule.Schedule) {
	b.runs++
	if s != nil {
		b.built++
	}
}

func (b *builtShare) check(t *testing.T) {
	t.Helper()
	if 2*b.built < b.runs {
		t.Errorf("only %d of %d runs built a schedule; the rest were refused as too small", b.built, b.runs)
	}
}

// TestPropFastEqualsReference: the package and the slow reference agree on
// every date and every cent, and on which terms are too small.
func TestPropFastEqualsReference(t *testing.T) {
	var share builtShare
	defer share.check(t)
	rapid.Check(t, func(t *rapid.T) {
		terms := genTerms(schedule.MaxInstallments).Draw(t, "terms")
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
			t.Fatalf("the reference finds the terms too small (PMT %d); the package built PMT %d", ref.pmt, s.InstallmentCents())
		}
		if s.InstallmentCents() != ref.pmt {
			t.Fatalf("installment %d, reference %d", s.InstallmentCents(), ref.pmt)
		}
		for k := 1; k <= s.Len(); k++ {
			got, want := s.CentsRow(k), ref.rows[k-1]
			if got.NominalDate != want.nominal || got.DueDate != want.due || got.Payment != want.payment ||
				got.Interest != want.interest || got.Principal != want.principal || got.Balance != want.balance {
				t.Fatalf("row %d = %+v, reference %+v", k, got, want)
			}
		}
	})
}

// TestPropInvariants: principals sum to P, the balance ends at zero, every
// payment but the last is the installment, payment = principal + interest, the
// balances follow, due dates are business days (unless unadjusted) and the
// totals add up.
func TestPropInvariants(t *testing.T) {
	var share builtShare
	defer share.check(t)
	rapid.Check(t, func(t *rapid.T) {
		terms := genTerms(schedule.MaxInstallments).Draw(t, "terms")
		s := build(t, terms)
		share.add(s)
		if s == nil {
			return
		}
		pc, _ := money.ToCents(terms.Principal)
		var sumPrincipal, sumInterest, sumPayments int64
		prev := pc
		for k := 1; k <= s.Len(); k++ {
			r := s.CentsRow(k)
			if r.Number != k {
				t.Fatalf("row %d has number %d", k, r.Number)
			}
			if r.Payment != r.Principal+r.Interest {
				t.Fatalf("row %d: payment %d ≠ principal %d + interest %d", k, r.Payment, r.Principal, r.Interest)
			}
			if r.Balance != prev-r.Principal {
				t.Fatalf("row %d: balance %d ≠ %d − %d", k, r.Balance, prev, r.Principal)
			}
			if k < s.Len() && (r.Payment != s.InstallmentCents() || r.Balance <= 0) {
				t.Fatalf("row %d: payment %d, installment %d, balance %d", k, r.Payment, s.InstallmentCents(), r.Balance)
			}
			if r.Interest < 0 || r.Payment <= 0 {
				t.Fatalf("row %d: interest %d, payment %d", k, r.Interest, r.Payment)
			}
			if terms.Roll != calendar.Unadjusted && !calendar.Brazil().IsBusinessDay(r.DueDate) {
				t.Fatalf("row %d: due date %s is not a business day", k, r.DueDate)
			}
			if !r.DueDate.After(terms.Release) || !r.NominalDate.After(terms.Release) {
				t.Fatalf("row %d: dates %s, %s not after the release %s", k, r.NominalDate, r.DueDate, terms.Release)
			}
			sumPrincipal += r.Principal
			sumInterest += r.Interest
			sumPayments += r.Payment
			prev = r.Balance
		}
		if prev != 0 || sumPrincipal != pc {
			t.Fatalf("final balance %d, Σ principal %d, P %d", prev, sumPrincipal, pc)
		}
		if sumInterest != s.TotalInterestCents() || sumPayments != s.TotalPaymentsCents() || s.TotalPrincipalCents() != pc {
			t.Fatalf("totals %d %d %d; sums %d %d %d", s.TotalInterestCents(), s.TotalPaymentsCents(), s.TotalPrincipalCents(),
				sumInterest, sumPayments, pc)
		}
	})
}

// TestPropInterestIsRoundedFactor: each row's interest is half-up of the
// package's own previous balance times the exact factor (1+i)^(Δt) − 1,
// computed by the reference: a row-local check, independent of how the
// reference's own table evolves.
func TestPropInterestIsRoundedFactor(t *testing.T) {
	var share builtShare
	defer share.check(t)
	rapid.Check(t, func(t *rapid.T) {
		terms := genTerms(48).Draw(t, "terms")
		s := build(t, terms)
		share.add(s)
		if s == nil {
			return
		}
		rr := newRefRate(terms.Rate)
		plan := s.Plan()
		prev := s.TotalPrincipalCents()
		for k := 1; k <= s.Len(); k++ {
			dt := plan.InterestTime(k) - plan.InterestTime(k-1)
			if want := refInterest(rr, big.NewInt(prev), dt).Int64(); s.CentsRow(k).Interest != want {
				t.Fatalf("row %d: interest %d, half-up(%d · factor(%d/30)) = %d", k, s.CentsRow(k).Interest, prev, dt, want)
			}
			prev = s.CentsRow(k).Balance
		}
	})
}

// TestPropPeriodicTextbook: periodic time gives the textbook installment
// P·i / (1 − (1+i)^−n), computed here in exact rationals.
func TestPropPeriodicTextbook(t *testing.T) {
	var share builtShare
	defer share.check(t)
	rapid.Check(t, func(t *rapid.T) {
		terms := genTerms(schedule.MaxInstallments).Draw(t, "terms")
		terms.DayCount = schedule.Periodic
		s := build(t, terms)
		share.add(s)
		if s == nil || terms.Rate.IsZero() {
			return
		}
		i, _ := new(big.Rat).SetString(terms.Rate.Fraction().String())
		p, _ := new(big.Rat).SetString(terms.Principal.String())
		q := new(big.Rat).Add(i, big.NewRat(1, 1))
		qn := ratPow(q, terms.Installments)
		// P·i/(1 − q^−n) = P·i·q^n/(q^n − 1).
		pmt := new(big.Rat).Mul(p, i)
		pmt.Mul(pmt, qn)
		pmt.Quo(pmt, new(big.Rat).Sub(qn, big.NewRat(1, 1)))
		pmt.Mul(pmt, big.NewRat(100, 1))
		if want := refRoundRat(pmt).Int64(); s.InstallmentCents() != want {
			t.Fatalf("installment %d, textbook %d", s.InstallmentCents(), want)
		}
	})
}

// TestPropMonthlyOnAnchorIsPeriodic: with the release on the anchor day
// (1 to 28, and the first due date one month later), monthly pro rata is the
// periodic table, row for row.
func TestPropMonthlyOnAnchorIsPeriodic(t *testing.T) {
	var share builtShare
	defer share.check(t)
	rapid.Check(t, func(t *rapid.T) {
		terms := genTerms(schedule.MaxInstallments).Draw(t, "terms")
		y, m, _ := terms.Release.Date()
		terms.Release, _ = calendar.NewDate(y, m, rapid.IntRange(1, 28).Draw(t, "anchor"))
		terms.FirstDue = calendar.Date{}
		terms.DayCount = schedule.MonthlyProRata
		a := build(t, terms)
		share.add(a)
		terms.DayCount = schedule.Periodic
		b := build(t, terms)
		if (a == nil) != (b == nil) {
			t.Fatalf("monthly %v, periodic %v", a, b)
		}
		if a == nil {
			return
		}
		for k := 1; k <= a.Len(); k++ {
			if a.CentsRow(k) != b.CentsRow(k) {
				t.Fatalf("row %d: monthly %+v, periodic %+v", k, a.CentsRow(k), b.CentsRow(k))
			}
		}
	})
}

// TestPropPlanCounts: a plan for n serves every count m ≤ n with exactly the
// schedule of the same terms with Installments = m, and any principal.
func TestPropPlanCounts(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		terms := genTerms(schedule.MaxInstallments).Draw(t, "terms")
		plan := newPlan(t, terms)
		m := rapid.IntRange(1, terms.Installments).Draw(t, "m")
		pc := genPrincipal().Draw(t, "p2")
		a, errA := plan.ScheduleCents(pc, m)
		terms.Installments, terms.Principal = m, money.FromCents(pc)
		b, errB := schedule.New(terms)
		if (errA == nil) != (errB == nil) {
			t.Fatalf("plan: %v; New: %v", errA, errB)
		}
		if errA != nil {
			return
		}
		if a.InstallmentCents() != b.InstallmentCents() || a.Len() != b.Len() {
			t.Fatalf("plan %d × %d, New %d × %d", a.Len(), a.InstallmentCents(), b.Len(), b.InstallmentCents())
		}
		for k := 1; k <= a.Len(); k++ {
			if a.CentsRow(k) != b.CentsRow(k) {
				t.Fatalf("row %d: plan %+v, New %+v", k, a.CentsRow(k), b.CentsRow(k))
			}
		}
	})
}

// TestPropInstallmentCents: Plan.InstallmentCents is the installment of the table
// ScheduleCents builds (or the same refusal when the installment rounds to zero),
// and it never decreases as the principal grows, checked on a principal and the
// next ones up to a few installments' worth of cents, where PMT steps up.
func TestPropInstallmentCents(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		terms := genTerms(schedule.MaxInstallments).Draw(t, "terms")
		plan := newPlan(t, terms)
		n := rapid.IntRange(1, terms.Installments).Draw(t, "m")
		pc := genPrincipal().Draw(t, "p")
		prev := int64(-1)
		for q := pc; q <= min(pc+int64(2*n)+3, schedule.MaxPrincipalCents); q++ {
			got, err := plan.InstallmentCents(q, n)
			s, serr := plan.ScheduleCents(q, n)
			switch {
			case err != nil:
				if !errors.Is(err, schedule.ErrInstallmentRoundsToZero) || !errors.Is(serr, schedule.ErrInstallmentRoundsToZero) {
					t.Fatalf("InstallmentCents(%d, %d): %v; ScheduleCents: %v", q, n, err, serr)
				}
				got = 0
			case serr == nil && s.InstallmentCents() != got:
				t.Fatalf("InstallmentCents(%d, %d) = %d, ScheduleCents's installment %d", q, n, got, s.InstallmentCents())
			case serr != nil && errors.Is(serr, schedule.ErrInstallmentRoundsToZero):
				t.Fatalf("InstallmentCents(%d, %d) = %d, but ScheduleCents: %v", q, n, got, serr)
			}
			if got < prev {
				t.Fatalf("InstallmentCents(%d, %d) = %d < %d at one cent less", q, n, got, prev)
			}
			prev = got
		}
	})
}

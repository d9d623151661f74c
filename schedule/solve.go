package schedule

import (
	"errors"
	"math"
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/calendar"
	"github.com/dinie/lending/money"
)

// The solvers: given three of the four terms {principal, rate, count,
// installment} and the dates, the fourth (the package doc, "Solving for the
// missing term").

// MaxInstallmentCents bounds the installment a solver takes: R$ 10
// trillion, far above the installment of any principal the schedule accepts at
// any rate the library holds over any count that fits the bounds that matter
// (a larger one buys the largest principal), and below 2^53, so float64 holds
// every installment exactly.
const MaxInstallmentCents int64 = 1_000_000_000_000_000

const paramInstallment = "installment"

// Reasons of the solvers' errors, for errors.Is.
const (
	// ErrNoRate: no rate from 0 % to 100 % a.m. gives the installment: it
	// repays less than the principal at 0 % (rate_out_of_range), or needs more
	// than 100 % a.m.
	ErrNoRate apierr.Reason = "no rate gives the installment"
	// ErrNoCount: no count up to the bound has an installment that does not
	// exceed the one given (installments_out_of_range).
	ErrNoCount apierr.Reason = "no count gives the installment"
	// ErrNoAmount: even the smallest principal's installment exceeds the one
	// given (amount_out_of_range).
	ErrNoAmount apierr.Reason = "no principal fits the installment"
)

// AmountSolution is SolveAmount's answer.
type AmountSolution struct {
	// Schedule is the table of the largest principal, to the cent, whose
	// installment does not exceed the one given.
	Schedule *Schedule
	// PresentValueCents is, for Price, the present value of the n − g
	// installments at the rate, X·Σ_{k>g} (1+i)^(−(t_k − t_g)), rounded
	// half-up to cents: what the Banco Central's calculator calls the financed
	// value (24 × 935.00 at 1.99 % a.m. is 17,704.57). The principal is a few
	// cents above it, because the installment is rounded. For SAC it is 0: its
	// installments differ, and no single installment has a present value to
	// report.
	PresentValueCents int64
}

// PresentValue is PresentValueCents as a decimal.
func (a AmountSolution) PresentValue() decimal.Decimal { return money.FromCents(a.PresentValueCents) }

// SolveAmount returns the largest principal, to the cent, whose installment
// over the terms t (t.Principal is ignored) does not exceed installment: the
// "how much can I borrow paying R$ X a month" of the calculators. One cent
// more has an installment above X (or is above MaxPrincipalCents, or is refused
// as too small for cent precision; see AmountCents). installment is money in
// whole cents from 0.01 to MaxInstallmentCents (amount_out_of_range or
// invalid_format, param installment); the other errors are NewPlan's and
// AmountCents's.
//
// Cost: NewPlan for t.Installments, then AmountCents.
func SolveAmount(t Terms, installment decimal.Decimal) (AmountSolution, error) {
	x, err := installmentCents(installment)
	if err != nil {
		return AmountSolution{}, err
	}
	plan, err := NewPlan(t)
	if err != nil {
		return AmountSolution{}, err
	}
	return plan.AmountCents(x, t.Installments)
}

func installmentCents(d decimal.Decimal) (int64, error) {
	x, err := money.ToCents(d)
	if err != nil {
		return 0, apierr.Relabel(err, paramInstallment)
	}
	return x, checkInstallment(x)
}

func checkInstallment(x int64) error {
	if x < 1 || x > MaxInstallmentCents {
		return apierr.Wrap(apierr.ErrRange, apierr.AmountOutOfRange, paramInstallment,
			"installment %s is outside 0.01 to %s", money.FormatCents(x), money.FormatCents(MaxInstallmentCents))
	}
	return nil
}

// AmountCents is SolveAmount on a plan, with the installment x in cents and
// the count n (Grace() < n ≤ MaxInstallments()): the largest principal P from
// MinPrincipalCents to MaxPrincipalCents whose installment InstallmentCents(P,
// n) is at most x and whose table ScheduleCents(P, n) accepts, with that table.
//
// The installment never decreases as P grows, so the answer is found by a
// gallop and a bisection from the linear estimate (x + ½)·Σ_{k>g}(1+i)^(−(t_k−t_g))
// for Price, x / (1/(n−g) + f) for SAC (f the first amortizing period's
// interest factor), each read O(1) and exact (InstallmentCents). When the
// principal found is refused as too small for cent precision, the ones below
// it are tried, at most n + 2 (a whole cycle of the installment's rounding, as
// iof.Financed does); past them the error is the first refusal.
//
// Errors: x outside 0.01 … MaxInstallmentCents (amount_out_of_range, param
// installment); the count's (installments_out_of_range); an installment below
// the smallest principal's (amount_out_of_range, param installment, reason
// ErrNoAmount); the schedule's refusals of the principals tried.
//
// Cost: about 3 reads on ordinary terms (the estimate is within a cent), at
// most 2·log₂(MaxPrincipalCents) ≈ 74, then one table, O(n) (n + 2 tables,
// O(n²) ≈ 180,000 rows at n = 420, when every principal tried is refused).
func (p *Plan) AmountCents(x int64, n int) (AmountSolution, error) {
	if p == nil {
		return AmountSolution{}, apierr.NilReceiver("*schedule.Plan")
	}
	if err := checkInstallment(x); err != nil {
		return AmountSolution{}, err
	}
	lowest, err := p.installment(MinPrincipalCents, n)
	if err != nil && !errors.Is(err, ErrInstallmentRoundsToZero) {
		return AmountSolution{}, err
	}
	if err == nil && lowest > x {
		return AmountSolution{}, apierr.Wrap(ErrNoAmount, apierr.AmountOutOfRange, paramInstallment,
			"installment %s is below %s, the installment of the smallest principal (%s) over these terms",
			money.FormatCents(x), money.FormatCents(lowest), money.FormatCents(MinPrincipalCents))
	}
	pmt := func(q int64) int64 { return p.pmt(q, n) }
	best := lastAtMost(MinPrincipalCents, MaxPrincipalCents, p.principalEstimate(x, n), x, pmt)
	var first error
	buf := make([]centsRow, n) // one table's rows, reused while principals are refused
	for q := best; q >= max(MinPrincipalCents, best-int64(n)-2); q-- {
		s := &Schedule{}
		err := p.buildInto(s, q, n, buf)
		if err == nil {
			sol := AmountSolution{Schedule: s}
			if p.amort == Price {
				sol.PresentValueCents = p.presentValue(x, n)
			}
			return sol, nil
		}
		if first == nil {
			first = err
		}
	}
	return AmountSolution{}, first
}

// principalEstimate returns the linear estimate of the largest principal whose
// installment is at most x (AmountCents).
func (p *Plan) principalEstimate(x int64, n int) int64 {
	var est float64
	if p.amort == SAC {
		m := float64(n - p.grace)
		est = float64(x) / (1/m + p.factors[p.rows[p.grace].fi].f)
	} else {
		est = (float64(x) + 0.5) * p.rows[n-1].sum
	}
	if !(est < MaxPrincipalCents) { // also NaN
		return MaxPrincipalCents
	}
	return max(int64(est), MinPrincipalCents)
}

// presentValue returns half-up(x·S_n) in cents (Price).
func (p *Plan) presentValue(x int64, n int) int64 {
	if p.cNum == p.cDen { // a zero rate: S_n = n − g
		return x * int64(n-p.grace)
	}
	v := float64(x) * p.rows[n-1].sum
	if r, ok := roundFloat(v, v*p.sumErr(n)); ok {
		return r
	}
	return p.pvExact(x, n)
}

// lastAtMost returns the largest q in [lo, hi] with f(q) ≤ x, for f
// nondecreasing, starting from guess (clamped to [lo, hi]); lo when none is.
// It reads f at most 2·log₂(hi − lo) + 2 times.
func lastAtMost(lo, hi, guess, x int64, f func(int64) int64) int64 {
	guess = min(max(guess, lo), hi)
	var good, bad int64 // f(good) ≤ x < f(bad); bad = hi+1 means none above
	if f(guess) <= x {
		good, bad = guess, hi+1
		for step := int64(1); good < hi; step *= 2 {
			next := min(good+step, hi)
			if f(next) > x {
				bad = next
				break
			}
			good = next
		}
	} else {
		good, bad = lo-1, guess
		for step := int64(1); bad > lo; step *= 2 {
			next := max(bad-step, lo)
			if f(next) <= x {
				good = next
				break
			}
			bad = next
		}
		if good < lo {
			return lo
		}
	}
	for bad-good > 1 {
		mid := good + (bad-good)/2
		if f(mid) <= x {
			good = mid
		} else {
			bad = mid
		}
	}
	return good
}

// RateSolution is SolveRate's answer: the monthly rate at which the terms'
// installment is the one given.
type RateSolution struct {
	// Root is the exact root i ≥ 0, a fraction per month, of the installment's
	// unrounded formula: Price, P = X·Σ_{k>g} (1+i)^(−(t_k − t_g)); SAC,
	// X = ⌈P/(n−g)⌉ + P·((1+i)^(t_{g+1} − t_g) − 1). It is solved in float64
	// to |PV error| ≤ 10^−9·P (for SAC, the installment's error ≤ 10^−9·P).
	Root float64
	// Display is Root in percent per month rounded half-up to 6 decimal places,
	// as the Banco Central's calculator shows a rate: 42 × 679.30 on 25,000.00
	// is 0.629862 % a.m. (A root within about 10^−12 of a half unit of the
	// sixth place may round either way.)
	Display MonthlyRate
}

// SolveRate returns the monthly rate at which the installment of the terms t
// (t.Rate and t.AnnualRate are ignored; the dates, day count, grace and
// amortization are used) is installment: the rate the calculators and
// spreadsheets' RATE find. With a year-based day count the rate is still
// monthly, i with 1 + a = (1 + i)^12.
//
// Errors: those of NewPlan's checks of t (the rolled due dates other than the
// first are computed only for Business252, where they price the interest);
// the principal's; installment
// outside 0.01 … MaxInstallmentCents (param installment); an installment that
// repays less than the principal even at 0 % (rate_out_of_range, param
// installment, reason ErrNoRate) or needs more than 100 % a.m. (the same).
//
// Cost: the interest times (O(n) date arithmetic, calendar rolls only for
// Business252), then a
// Newton iteration on ln of the discount sum, convex in ln(1+i), so it
// converges monotonically from 0: each step O(n) multiplications and one
// math.Exp per distinct period length, typically 4 to 8 steps, at most 100.
func SolveRate(t Terms, installment decimal.Decimal) (RateSolution, error) {
	t.Rate, t.AnnualRate = MonthlyRate{}, AnnualRate{}
	pc, err := principalCents(t.Principal)
	if err != nil {
		return RateSolution{}, err
	}
	x, err := installmentCents(installment)
	if err != nil {
		return RateSolution{}, err
	}
	var buf [64]int32
	times, err := interestTimes(&t, buf[:0])
	if err != nil {
		return RateSolution{}, err
	}
	// Months from the end of the grace: x_k = 12·(T_k − T_g)/units per year.
	scale := 12 / float64(t.DayCount.UnitsPerYear())
	g := t.Grace
	var tg int32
	if g > 0 {
		tg = times[g-1]
	}
	var root float64
	if t.Amortization == SAC {
		root, err = sacRate(pc, x, int64(len(times)-g), float64(times[g]-tg)*scale)
	} else {
		root, err = priceRate(pc, x, times[g:], tg, scale)
	}
	if err != nil {
		return RateSolution{}, err
	}
	return RateSolution{Root: root, Display: displayRate(root)}, nil
}

// interestTimes checks t as NewPlan does (but for the rolls of due dates after
// the first, which only Business252 computes) and appends T_1 … T_n to buf.
func interestTimes(t *Terms, buf []int32) ([]int32, error) {
	bound, err := checkTerms(t)
	if err != nil {
		return nil, err
	}
	first, err := firstDue(t, bound)
	if err != nil {
		return nil, err
	}
	cal := t.Calendar
	if cal == nil {
		cal = calendar.Brazil()
	}
	due, err := cal.Adjust(first, t.Roll)
	if err != nil {
		return nil, dateRangeError(err, paramFirstDue, "first_due_date %s cannot be rolled %s: %v", first, t.Roll, err)
	}
	if !due.After(t.Release) {
		return nil, apierr.Errorf(apierr.InvalidDueDate, paramFirstDue,
			"installment 1's nominal date %s rolls %s to %s, which is not after release_date %s", first, t.Roll, due, t.Release)
	}
	n := t.Installments
	var nbuf [64]calendar.Date
	nominals, err := calendar.AppendMonthlySeries(nbuf[:0], first, n)
	if err != nil {
		return nil, dateRangeError(err, paramFirstDue, "the nominal dates are out of range")
	}
	var abuf [80]calendar.Date
	tm, err := newTimer(abuf[:0], t.DayCount, t.Release, first, n)
	if err != nil {
		return nil, err
	}
	for k, nominal := range nominals {
		due := nominal
		if t.DayCount == Business252 { // counted to the due date: roll it
			if due, err = cal.Adjust(nominal, t.Roll); err != nil {
				return nil, dateRangeError(err, paramFirstDue,
					"installment %d's nominal date %s cannot be rolled %s: %v", k+1, nominal, t.Roll, err)
			}
		}
		buf = append(buf, tm.at(k, nominal, due, cal))
	}
	return buf, nil
}

// maxSolveSteps bounds the Newton iterations of the rate solver; convergence
// from 0 takes fewer than 10 on every term tested, and the bound only stops a
// pathological float64 stall.
const maxSolveSteps = 100

// priceRate solves P = X·Σ_k e^(−y·x_k), x_k = (T_k − tg)·scale months, for
// y = ln(1+i) ≥ 0 by Newton's iteration on G(y) = ln(X·S(y)/P), which is
// convex and decreasing (ln of a sum of exponentials of linear functions), so
// from G(0) > 0 every step lands left of the root and the iteration rises to
// it monotonically.
func priceRate(pc, x int64, times []int32, tg int32, scale float64) (float64, error) {
	m := float64(len(times))
	P, X := float64(pc), float64(x)
	if X*m < P {
		return 0, apierr.Wrap(ErrNoRate, apierr.RateOutOfRange, paramInstallment,
			"installment %s × %d repays %s, less than the principal %s: no rate of 0 %% a.m. or more gives it",
			money.FormatCents(x), len(times), money.FormatCents(x*int64(len(times))), money.FormatCents(pc))
	}
	// Distinct period lengths, for one exp each per step.
	type step struct {
		dt int32
		q  float64 // e^(−y·Δx)
	}
	var steps [8]step
	sum := func(y float64) (s, ds float64) {
		ns := 0
		v, prev := 1.0, tg
		for _, tk := range times {
			dt := tk - prev
			prev = tk
			j := 0
			for j < ns && steps[j].dt != dt {
				j++
			}
			var q float64
			if j < ns {
				q = steps[j].q
			} else {
				q = math.Exp(-y * float64(dt) * scale)
				if ns < len(steps) {
					steps[ns] = step{dt: dt, q: q}
					ns++
				}
			}
			v *= q
			s += v
			ds += float64(tk-tg) * scale * v // −dS/dy
		}
		return s, ds
	}
	target := math.Log(P / X)
	if s, _ := sum(math.Ln2); math.Log(s) > target { // PV at 100 % a.m. still above P
		return 0, apierr.Wrap(ErrNoRate, apierr.RateOutOfRange, paramInstallment,
			"installment %s over %d installments on %s needs a rate above 100 %% a.m.",
			money.FormatCents(x), len(times), money.FormatCents(pc))
	}
	y := 0.0
	for range maxSolveSteps {
		s, ds := sum(y)
		gy := math.Log(s) - target // G(y) ≥ 0 left of the root
		if math.Abs(X*s-P) <= 1e-11*P || gy <= 0 {
			break
		}
		next := y + gy*s/ds // Newton: G'(y) = −ds/s
		if !(next > y) {
			break
		}
		y = next
	}
	return math.Expm1(y), nil
}

// sacRate solves X = A + P·((1+i)^d − 1), A = ⌈P/m⌉, d the first amortizing
// period in months, in closed form.
func sacRate(pc, x, m int64, d float64) (float64, error) {
	a := (pc + m - 1) / m
	if x < a {
		return 0, apierr.Wrap(ErrNoRate, apierr.RateOutOfRange, paramInstallment,
			"installment %s is below the amortization %s of each of the %d installments: no rate of 0 %% a.m. or more gives it",
			money.FormatCents(x), money.FormatCents(a), m)
	}
	if x == a {
		return 0, nil
	}
	if d <= 0 {
		return 0, apierr.Wrap(ErrNoRate, apierr.RateOutOfRange, paramInstallment,
			"the first amortizing installment's period has no interest time: its installment is %s at any rate", money.FormatCents(a))
	}
	i := math.Expm1(math.Log1p(float64(x-a)/float64(pc)) / d)
	if !(i <= 1) {
		return 0, apierr.Wrap(ErrNoRate, apierr.RateOutOfRange, paramInstallment,
			"installment %s on %s needs a rate above 100 %% a.m.", money.FormatCents(x), money.FormatCents(pc))
	}
	return i, nil
}

// displayRate rounds a fraction per month half-up to 6 decimal places of
// percent.
func displayRate(i float64) MonthlyRate {
	u := int64(math.Floor(i*1e8+0.5)) * 1e4 // units of 10^−10 %: 6 places of percent are 10^4 units
	return MonthlyRate{units: min(max(u, 0), maxRateUnits)}
}

// CountSolution is SolveCount's answer.
type CountSolution struct {
	// NPER is the fractional count at which the unrounded installment is the
	// one given, on the textbook (periodic) table as the calculators and
	// spreadsheets' NPER show it: g − ln(1 − P·i/X)/ln(1+i) for Price
	// (g + P/X at 0 %), g + P/(X − P·i) for SAC, with i the monthly rate (the
	// monthly equivalent of an annual one). It is 0 when X does not exceed a
	// month's interest P·i, so the textbook table never repays, while the
	// dated table (a shorter first period) can still have a whole count.
	NPER float64
	// Schedule is the table of the smallest whole count whose installment
	// does not exceed the one given, on the terms' own dates and day count.
	Schedule *Schedule
}

// SolveCount returns the count of installments at which the installment of
// the terms t is at most installment: the fractional NPER and the smallest
// whole count's table. t.Installments bounds the counts considered (the
// largest; 0 means MaxInstallments).
//
// Errors: NewPlan's for t; the principal's; installment outside 0.01 …
// MaxInstallmentCents (param installment); an installment that does not even
// cover the interest of the principal (no count repays it; or none up to the
// bound gives an installment so small): installments_out_of_range, param
// installment, reason ErrNoCount; the same when the count found and every one
// after it up to the bound are refused as too small for cent precision (the
// schedule's rules: such a count is no contract), with the first refusal's
// detail.
//
// Cost: NewPlan for the bound, a bisection of about log₂(bound) O(1) reads
// (the installment never increases with the count), then one table, O(n); on
// principals of a few reais, where counts near the answer are refused for
// their cent residue, one table per count tried, O(bound²) rows at worst
// (BenchmarkSolveCountWorst: about 50 µs).
func SolveCount(t Terms, installment decimal.Decimal) (CountSolution, error) {
	pc, err := principalCents(t.Principal)
	if err != nil {
		return CountSolution{}, err
	}
	x, err := installmentCents(installment)
	if err != nil {
		return CountSolution{}, err
	}
	if t.Installments == 0 {
		t.Installments = MaxInstallments
	}
	plan, err := NewPlan(t)
	if err != nil {
		return CountSolution{}, err
	}
	nper := plan.nper(pc, x)
	hi := t.Installments
	lo := plan.grace + 1
	if plan.pmt(pc, hi) > x {
		detail := "even the longest count considered, " + strconv.Itoa(hi) + ", has a larger installment"
		if nper == 0 {
			detail = "it does not cover the interest of the principal, so no count repays it"
		}
		return CountSolution{}, apierr.Wrap(ErrNoCount, apierr.InstallmentsOutOfRange, paramInstallment,
			"installment %s on %s: %s", money.FormatCents(x), money.FormatCents(pc), detail)
	}
	// The smallest m in [lo, hi] with PMT(m) ≤ x: PMT never increases with m.
	for lo < hi {
		mid := lo + (hi-lo)/2
		if plan.pmt(pc, mid) <= x {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	var first error
	for m := lo; m <= t.Installments; m++ {
		s, err := plan.ScheduleCents(pc, m)
		if err == nil {
			return CountSolution{NPER: nper, Schedule: s}, nil
		}
		if first == nil {
			first = err
		}
	}
	var e *apierr.Error
	errors.As(first, &e) // the schedule reports only *apierr.Error
	return CountSolution{}, apierr.Wrap(ErrNoCount, apierr.InstallmentsOutOfRange, paramInstallment,
		"installment %s on %s: the counts %d to %d round the installment to at most it, but the schedule refuses each as too small for cent precision (count %d: %s)",
		money.FormatCents(x), money.FormatCents(pc), lo, t.Installments, lo, e.Detail)
}

// nper returns the fractional count (CountSolution.NPER), or 0 when the
// installment does not cover a month's interest of the principal.
func (p *Plan) nper(pc, x int64) float64 {
	i := float64(p.rate.units) / fractionScale
	if p.perYear {
		i = math.Expm1(math.Log1p(float64(p.annual.units)/fractionScale) / 12)
	}
	P, X, g := float64(pc), float64(x), float64(p.grace)
	if p.amort == SAC {
		if X <= P*i {
			return 0
		}
		return g + P/(X-P*i)
	}
	if i == 0 {
		return g + P/X
	}
	if P*i >= X {
		return 0
	}
	return g - math.Log1p(-P*i/X)/math.Log1p(i)
}

package iof

import (
	"errors"
	"math"

	"github.com/shopspring/decimal"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/calendar"
	"github.com/dinie/lending/money"
	"github.com/dinie/lending/schedule"
)

// ComputeSchedule returns the IOF of the Price table s for a borrower of class c:
// released on s's release date, on s's principal, with each row's due date and
// principal amortization (IN RFB 1.969/2020, art. 3: the base follows the
// agreed amortization system). It reads s in cents and does not allocate unless
// it fails. A nil or zero Schedule is missing_required_field (param schedule);
// the other errors are Compute's.
func ComputeSchedule(c Class, s *schedule.Schedule) (Result, error) {
	if s == nil || s.Len() == 0 {
		return Result{}, errNoSchedule()
	}
	release := s.Plan().Release()
	p := s.TotalPrincipalCents()
	b, err := basis(c, release, p)
	if err != nil {
		return Result{}, err
	}
	return ofSchedule(s, release, p, b)
}

func ofSchedule(s *schedule.Schedule, release calendar.Date, p int64, b Basis) (Result, error) {
	n := s.Len()
	if err := checkCount(n); err != nil {
		return Result{}, err
	}
	var a accum
	for k := 1; k <= n; k++ {
		row := s.CentsRow(k)
		if !a.add(calendar.DaysBetween(release, row.DueDate), row.Principal) {
			return Result{}, flowError(k-1, release, row.DueDate, row.Principal)
		}
	}
	return a.finish(p, b)
}

// Financing is the outcome of Financed: the principal whose net, after fees and
// IOF, is the requested amount, with its schedule and IOF. The zero Financing
// has no schedule and zero amounts.
type Financing struct {
	// Schedule is the Price table of the principal found.
	Schedule *schedule.Schedule
	// IOF is the schedule's IOF, with the rates it applied.
	IOF Result

	requested, fees int64
}

// PrincipalCents returns the principal P found, in cents: the smallest whose net
// reaches the requested amount.
func (f Financing) PrincipalCents() int64 {
	if f.Schedule == nil {
		return 0
	}
	return f.Schedule.TotalPrincipalCents()
}

// NetCents returns what the customer receives, P − fees − IOF, in cents: the
// requested amount, or one cent above it where no principal gives it exactly
// (see the package doc for when it can be more).
func (f Financing) NetCents() int64 {
	if f.Schedule == nil {
		return 0
	}
	return f.PrincipalCents() - f.fees - f.IOF.TotalCents()
}

// RequestedCents returns the requested amount, in cents.
func (f Financing) RequestedCents() int64 { return f.requested }

// FeesCents returns the financed fees, in cents.
func (f Financing) FeesCents() int64 { return f.fees }

// Principal is PrincipalCents as a decimal.
func (f Financing) Principal() decimal.Decimal { return money.FromCents(f.PrincipalCents()) }

// Net is NetCents as a decimal.
func (f Financing) Net() decimal.Decimal { return money.FromCents(f.NetCents()) }

// Financed finds the principal of an operation whose fees and IOF are financed
// (docs/lending-math.md §9, charges mode "financed"): the smallest P, to the cent,
// whose net P − fees − IOF(P) is at least the requested amount, where IOF(P) is
// the IOF of plan's Price table of P over n installments. Requested and fees
// are decimals with at most two decimal places (param requested_amount,
// fees_amount). The package doc gives the algorithm, the proof that the P found
// is the smallest, and the errors.
func Financed(plan *schedule.Plan, n int, c Class, requested, fees decimal.Decimal) (Financing, error) {
	r, err := money.ToCents(requested)
	if err != nil {
		return Financing{}, apierr.Relabel(err, paramRequested)
	}
	f, err := money.ToCents(fees)
	if err != nil {
		return Financing{}, apierr.Relabel(err, paramFees)
	}
	return FinancedCents(plan, n, c, r, f)
}

// FinancedCents is Financed with the requested amount and the fees in cents,
// for callers that hold cents (a simulation).
func FinancedCents(plan *schedule.Plan, n int, c Class, requested, fees int64) (Financing, error) {
	f, _, err := financed(plan, n, c, requested, fees, maxBuilds)
	return f, err
}

// searchStats counts a search's work, for tests.
type searchStats struct {
	steps, builds, refused int
}

// reference returns the schedule of the first principal from floor on that the
// schedule package accepts. It tries n + 2 of them, more than a whole cycle of
// the installment's rounding (P/Σ(1+i)^(−t_k) moves by at least 1/n of a cent
// per cent of principal, since the sum is at most n); when every one is refused
// as too small for cent precision, the error is floor's.
func reference(plan *schedule.Plan, n int, floor int64, st *searchStats) (*schedule.Schedule, error) {
	var first error
	for p := floor; p <= min(floor+int64(n)+1, MaxPrincipalCents); p++ {
		st.builds++
		s, err := plan.ScheduleCents(p, n)
		if err == nil {
			return s, nil
		}
		if first == nil {
			first = err
		}
		if !tooFine(err) {
			break
		}
		st.refused++
	}
	return nil, first
}

// financed is FinancedCents with the search's budget of schedules (maxBuilds),
// and its cost.
func financed(plan *schedule.Plan, n int, c Class, requested, fees int64, budget int) (f Financing, st searchStats, err error) {
	if plan == nil {
		return Financing{}, st, errNoSchedule()
	}
	if !c.valid() {
		return Financing{}, st, errClass(c)
	}
	release := plan.Release()
	g, err := regimeOn(release)
	if err != nil {
		return Financing{}, st, err
	}
	if requested < schedule.MinPrincipalCents || requested > MaxPrincipalCents {
		return Financing{}, st, apierr.Wrap(apierr.ErrRange, apierr.AmountOutOfRange, paramRequested,
			"requested_amount %s is outside %s to %s", money.FormatCents(requested),
			money.FormatCents(schedule.MinPrincipalCents), money.FormatCents(MaxPrincipalCents))
	}
	if fees < 0 || fees > MaxPrincipalCents {
		return Financing{}, st, apierr.Wrap(apierr.ErrRange, apierr.AmountOutOfRange, paramFees,
			"fees_amount %s is outside 0.00 to %s", money.FormatCents(fees), money.FormatCents(MaxPrincipalCents))
	}
	// No principal below requested + fees can reach the requested net, since the
	// IOF is never negative: that is where the search starts. The reference is
	// the first principal from there whose schedule the schedule package
	// accepts: on ill-conditioned terms it refuses some principals as too small
	// for cent precision (how their installment rounds decides it) and accepts
	// their neighbours, so a refused requested + fees alone does not end the
	// search.
	floor := requested + fees
	if floor > MaxPrincipalCents {
		return Financing{}, st, errNoPrincipal(requested, fees)
	}
	ref, err := reference(plan, n, floor, &st)
	if err != nil {
		return Financing{}, st, err
	}
	bd := newBound(ref, release)
	// The jump of step (4) in the package doc needs the weights min(d_k − d0, 365)
	// in the order of the rows; the rolled due dates of a monthly series always
	// are, but the proof is not left to the calendar.
	jump := datesInOrder(ref)

	// The R$ 30,000.00 rule splits the principals of a Simples or MEI borrower in
	// two regions with different rates; the reduced one comes first, so the first
	// principal found is the smallest overall.
	type region struct {
		lo, hi  int64
		applied Class
	}
	var regions [2]region
	nr := 0
	if c == Simples || c == MEI {
		if floor <= ReducedRateLimit {
			regions[nr] = region{floor, ReducedRateLimit, c}
			nr++
		}
		regions[nr] = region{max(floor, ReducedRateLimit+1), MaxPrincipalCents, Company}
		nr++
	} else {
		regions[nr] = region{floor, MaxPrincipalCents, c}
		nr++
	}

	for _, rg := range regions[:nr] {
		rates := g.rates[rg.applied]
		b := Basis{Class: c, Applied: rg.applied, Rates: rates, Regime: *g}
		for p := bd.start(requested, fees, rates, rg.lo); p <= rg.hi; {
			if st.steps++; st.steps > maxSteps {
				return Financing{}, st, errUnsettled(requested, fees)
			}
			if bd.netAbove(p, fees, rates) < requested {
				p++
				continue // proven to fall short without building its schedule
			}
			// The budget counts the schedules accepted (each also costs its IOF
			// and a jump) and, apart, the refused ones, which usually stop early.
			if st.builds++; st.builds-st.refused > budget || st.refused > maxRefused {
				return Financing{}, st, errUnsettled(requested, fees)
			}
			s := ref
			if p != ref.TotalPrincipalCents() {
				if s, err = plan.ScheduleCents(p, n); err != nil {
					if tooFine(err) {
						st.refused++
						p++
						continue // no contract has this principal; a larger one may
					}
					return Financing{}, st, err
				}
			}
			res, err := ofSchedule(s, release, p, b)
			if err != nil {
				return Financing{}, st, err
			}
			iofP := res.TotalCents()
			if p-fees-iofP >= requested {
				return Financing{Schedule: s, IOF: res, requested: requested, fees: fees}, st, nil
			}
			if !jump {
				p++
				continue
			}
			// Step (4): every principal above p with p's installment has an IOF of
			// at least IOF(p), so none below requested + fees + IOF(p) (> p, as p
			// fell short) reaches requested; the next candidate is that one, or the
			// first principal with a larger installment if one comes before it.
			p = nextInstallment(plan, n, p, min(requested+fees+iofP, rg.hi+1), s.InstallmentCents())
		}
	}
	return Financing{}, st, errNoPrincipal(requested, fees)
}

// nextInstallment returns the smallest principal q in (p, target] whose
// installment over n is above pmt, p's, or target when there is none. The
// installment never decreases as the principal grows (schedule.Plan.
// InstallmentCents), so a search finds it: a gallop from p then a bisection,
// in about 2·log₂ of the principals one installment cent spans (at most n), not
// of the whole jump, which can cross thousands of installment values. Few reads
// matter: a read within about 10⁻¹³ of its size of a half cent is decided
// exactly, in big numbers, at the cost of a whole schedule or more.
func nextInstallment(plan *schedule.Plan, n int, p, target, pmt int64) int64 {
	above := func(q int64) bool {
		m, err := plan.InstallmentCents(q, n)
		// q > p, so m ≥ pmt > 0 and q within the bounds the caller searches; an
		// error (none is possible) stops the jump at q, which the search then
		// examines itself.
		return err != nil || m > pmt
	}
	if target <= p+1 || !above(target) {
		return max(target, p+1)
	}
	lo, hi := p, target // above(lo) is false, above(hi) true
	for step := int64(1); lo+step < hi; step *= 2 {
		if above(lo + step) {
			hi = lo + step
			break
		}
		lo += step
	}
	for hi-lo > 1 {
		mid := lo + (hi-lo)/2
		if above(mid) {
			hi = mid
		} else {
			lo = mid
		}
	}
	return hi
}

// datesInOrder reports whether the due dates of s never go back from one row to
// the next, which makes the IOF weights min(d_k − d0, 365) nondecreasing.
func datesInOrder(s *schedule.Schedule) bool {
	for k := 2; k <= s.Len(); k++ {
		if s.CentsRow(k).DueDate.Before(s.CentsRow(k - 1).DueDate) {
			return false
		}
	}
	return true
}

// Limits of the search. On ordinary terms a search settles within a few cents
// of its start; these stop the rare long one (package doc, "Cost") with a typed
// error, ErrUnsettled, instead of a long loop.
const (
	maxSteps   = 1 << 22 // principals considered
	maxBuilds  = 1 << 13 // schedules built and accepted
	maxRefused = 1 << 15 // schedules refused as too small for cent precision
)

// bound holds what the reference schedule proves about the daily base of every
// schedule of the same plan (see the package doc, "Financed charges"):
//
//	S(P) ≥ max(0, σ·P − dev)  for every principal P,
//
// where S(P) = Σ max(A_k, 0)·w_k is the daily part's base in cent-days and
// σ = (tref − dev)/pref.
type bound struct {
	pref  float64 // the reference principal
	sigma float64 // σ, cent-days per cent of principal, ≥ 0
	dev   float64 // bound on the rounding deviation, cent-days
}

// newBound derives the bound from the reference schedule ref (principal pref):
//
//   - Rounding: with e_k = B_k − B*_k the difference between the rounded balance
//     and the exact (unrounded, linear in P) one, e_0 = 0 and
//     e_k = e_{k−1}(1+g_k) + ρ_k − π, where g_k is row k's interest factor,
//     |ρ_k| ≤ ½ the interest's rounding and |π| ≤ ½ the installment's; so
//     |e_k| ≤ E_k with E_k = (1+ḡ_k)·E_{k−1} + 1, ḡ_k = (interest_k + ½)/B_{k−1}
//     an upper bound on g_k read from ref (interest_k = round(B_{k−1}·g_k)).
//   - A_k = α_k·P + δ_k with δ_k = e_{k−1} − e_k (k < n) and δ_n = e_{n−1}, so by
//     summation by parts Σ δ_k·w_k = Σ_{k<n} e_k·(w_{k+1} − w_k), at most
//     Σ_{k<n} E_k·|w_{k+1} − w_k| in absolute value (dtel): only the rows before
//     the 365-day cap count.
//   - For any set K of rows, S(P) ≥ Σ_{k∉K} A_k·w_k (max(A,0) ≥ A and ≥ 0), which
//     is linear in P up to dtel + Σ_{k∈K} ε_k·w_k, where ε_k = ḡ_k·E_{k−1} + 1
//     bounds |δ_k| = |g_k·e_{k−1} + ρ_k − π| (ε_n = E_{n−1}). K holds the rows
//     whose negative amortization exceeds 2ε_k (a long first period's, a long
//     month's at high rates), which keeps the slope tight.
//   - The slope is bounded from ref itself: s ≥ (tref − dev)/pref.
//
// The bound is computed in float64 and widened (1e-9 relative, 1 cent-day
// absolute) far beyond float64's rounding, so it stays a bound.
func newBound(ref *schedule.Schedule, release calendar.Date) bound {
	n := ref.Len()
	pref := ref.TotalPrincipalCents()
	var (
		prevB      = float64(pref) // B_{k−1}
		ePrev      float64         // E_{k−1}
		wPrev      float64         // w_{k−1}
		tref, dtel float64
		dneg, abs  float64
	)
	for k := 1; k <= n; k++ {
		row := ref.CentsRow(k)
		w := float64(min(calendar.DaysBetween(release, row.DueDate), capDays))
		// E_k bounds |e_k|; ε_k bounds |δ_k|: δ_k = e_{k−1} − e_k = −g_k·e_{k−1} − ρ_k + π
		// for k < n, and δ_n = e_{n−1}.
		var e, eps float64
		if k < n {
			g := math.Inf(1)
			if prevB > 0 {
				g = (float64(row.Interest) + 0.5) / prevB
			}
			e = (1+g)*ePrev + 1
			eps = g*ePrev + 1
		} else {
			eps = ePrev
		}
		if k > 1 {
			dtel += ePrev * math.Abs(w-wPrev)
		}
		a := float64(row.Principal)
		if a < -2*eps {
			// Leaving row k out of the sum raises the bound by |A_k|·w_k and costs
			// ε_k·w_k twice (in the deviation and in the slope): worth it only
			// for a negative amortization well above its rounding error.
			dneg += eps * w
		} else {
			tref += a * w
		}
		abs += math.Abs(a) * w
		ePrev, wPrev, prevB = e, w, float64(row.Balance)
	}
	dev := (dtel+dneg)*(1+1e-9) + 1e-9*abs + 1
	sigma := (tref - dev) / float64(pref)
	if !(sigma > 0) { // also NaN, from an infinite dev
		sigma = 0
	}
	return bound{pref: float64(pref), sigma: sigma, dev: dev}
}

// start returns a principal at or below the smallest P ≥ lo whose net can reach
// requested at rates rt: with both parts rounded by at most half a cent,
//
//	N(P) ≤ (1 − a − d·σ)·P − fees + d·dev + 1,
//
// a and d the additional and daily rates as fractions, which is below requested
// for every P < x = (requested + fees − d·dev − 1)/(1 − a − d·σ).
func (b bound) start(requested, fees int64, rt Rates, lo int64) int64 {
	a := float64(rt.Additional) / fractionScale
	d := float64(rt.Daily) / fractionScale
	slope := 1 - a - d*b.sigma
	x := (float64(requested+fees) - d*b.dev - 1) / slope
	s := math.Floor(x) - 2 // float64's error here is below 10⁻³ cent
	if !(s > float64(lo)) || !(slope > 0) {
		return lo
	}
	if s > float64(2*MaxPrincipalCents) { // beyond every region: the loop ends at once
		return 2 * MaxPrincipalCents
	}
	return int64(s)
}

// netAbove returns an upper bound on the net P − fees − IOF(P) at rates rt: the
// additional part exactly, the daily part at its least, round(d·max(0, σP − dev)),
// taken conservatively.
func (b bound) netAbove(p, fees int64, rt Rates) int64 {
	add, _ := mulRate(0, uint64(p), rt.Additional)
	x := float64(rt.Daily) / fractionScale * (b.sigma*float64(p) - b.dev)
	var daily int64
	if x > 0 {
		// floor(x + ½) is the half-up rounding; the margins absorb float64's error.
		daily = max(int64(math.Floor(x*(1-1e-12)+0.5-1e-9)), 0)
	}
	return p - fees - add - daily
}

// tooFine reports whether err is the schedule refusing a principal (within its
// bounds) as too small for cent precision over the terms: amount_out_of_range on
// principal, with schedule.ErrInstallmentRoundsToZero, ErrResidueExhaustsBalance,
// ErrResidueExceedsInstallment or any such reason the schedule adds. It depends
// on the principal, so a larger one may be accepted.
func tooFine(err error) bool {
	var e *apierr.Error
	return errors.As(err, &e) && e.Code == apierr.AmountOutOfRange && e.Param == "principal"
}

func errNoSchedule() error {
	return apierr.Wrap(apierr.ErrEmpty, apierr.MissingRequiredField, "schedule",
		"no schedule: build one with the schedule package")
}

func errNoPrincipal(requested, fees int64) error {
	return apierr.Wrap(apierr.ErrRange, apierr.AmountOutOfRange, paramRequested,
		"requested_amount %s with fees_amount %s financed needs a principal above the largest, %s",
		money.FormatCents(requested), money.FormatCents(fees), money.FormatCents(MaxPrincipalCents))
}

func errUnsettled(requested, fees int64) error {
	return apierr.Wrap(ErrUnsettled, apierr.AmountOutOfRange, paramRequested,
		"requested_amount %s with fees_amount %s financed: the search for the smallest principal stopped at its limit (%d schedules, %d refused ones, %d principals) without settling; on these terms (1+i)^n is so large that each cent of rounding moves the IOF by reais",
		money.FormatCents(requested), money.FormatCents(fees), maxBuilds, maxRefused, maxSteps)
}

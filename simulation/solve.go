package simulation

import (
	"errors"
	"math"

	"github.com/shopspring/decimal"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/iof"
	"github.com/dinie/lending/money"
	"github.com/dinie/lending/schedule"
	"github.com/dinie/lending/statemachine"
)

// ErrNoRequestFits is the reason (apierr.Error.Err) of the amount_out_of_range
// error SimulateInstallment returns when even the offer's min_amount has an
// installment above the one asked for.
const ErrNoRequestFits apierr.Reason = "no requested amount fits the installment"

// ErrIllConditioned is the reason (apierr.Error.Err) of the
// installments_out_of_range error SimulateInstallment returns, in O(1), for
// financed charges on terms whose growth (1+i)^t over the whole term exceeds
// MaxFinancedGrowth: there the IOF of a financed principal moves by reais per
// cent of installment and each step of the search costs milliseconds, so the
// solve could run long; Simulate still simulates any amount on them.
const ErrIllConditioned apierr.Reason = "terms too ill-conditioned to simulate by installment with financed charges"

// MaxFinancedGrowth bounds (1+i)^t, the growth of a cent over the whole term,
// for financed charges: iof.MaxGrowth (10^4; 3 % a.m. over 311 months, 5 % over
// 188, 10 % over 96; real loans stay below 10^2), past which iof.Financed, hence
// Simulate, Grid and SimulateInstallment with charges financed, refuse the count
// in O(1). Below it the worst SimulateInstallment measured takes about 2 ms
// (bench/, BenchmarkWorstSimulateInstallment).
const MaxFinancedGrowth = iof.MaxGrowth

const paramInstallmentsValue = "installments_value"

// SimulateInstallment simulates "how much can I borrow paying at most
// installment a month": the largest requested_amount, to the cent, within the
// offer's [min_amount, approved_amount], whose simulation over n installments
// under opts has installments_value ≤ installment — fees, IOF and the charges
// mode in the loop — and returns that simulation. One cent more (when below
// approved_amount) has a larger installments_value, or cannot be simulated.
//
// Deducted charges leave the principal at the requested amount, so the answer
// is schedule.Plan.AmountCents's largest principal, clamped to the offer's
// bounds (when approved_amount's own table is refused as too small for cent
// precision, the n + 2 amounts below it are tried). Financed charges make the principal P(R) the smallest whose net
// reaches R (iof.Financed); P(R) never decreases as R grows (a larger R asks
// more of the same net function; the fees grow with R), and neither does the
// installment of P(R), so the answer is found by a gallop and a bisection over
// R, each step one financed search, from the estimate R₀ with R₀ + fees(R₀) =
// P* − IOF(P*), P* the largest principal whose installment fits.
//
// Errors: those of Simulate's checks of the offer, the options and the count
// (the package doc, "Request checks"); installment not whole cents or outside
// 0.01 … schedule.MaxInstallmentCents (invalid_format, amount_out_of_range,
// param installments_value); an installment below the one of min_amount
// (amount_out_of_range, installments_value, reason ErrNoRequestFits); a
// financed search that cannot settle (iof's errors); and those of Simulate on
// the amount found.
//
// Cost: one plan, the principal solve (a few O(1) reads), then with charges
// deducted one Simulate; financed, one financed search per step — three to six
// on ordinary terms (BenchmarkSimulateInstallment/financed12: about four
// simulations' worth); a gallop from an estimate Δ cents off costs 2·log₂(Δ)
// more, at most about 2·log₂(approved − min) + 4 ≈ 80 steps (for Simples and
// MEI, whose IOF jumps at R$ 30,000.00 of principal, the estimate is taken on
// both sides of it) — and one Simulate. Each step costs a financed search,
// which grows with (1+i)^t; beyond MaxFinancedGrowth the call is refused, and
// below it the worst measured is about 2 ms (BenchmarkSimulateInstallmentWorst).
func SimulateInstallment(offer statemachine.Offer, installment decimal.Decimal, n int, opts Options) (*Simulation, error) {
	p, err := prepareOffer(&offer, &opts)
	if err != nil {
		return nil, err
	}
	x, err := money.ToCents(installment)
	if err != nil {
		return nil, apierr.Relabel(err, paramInstallmentsValue)
	}
	if x < 1 || x > schedule.MaxInstallmentCents {
		return nil, apierr.Wrap(apierr.ErrRange, apierr.AmountOutOfRange, paramInstallmentsValue,
			"installments_value %s is outside 0.01 to %s", money.FormatCents(x), money.FormatCents(schedule.MaxInstallmentCents))
	}
	if err := p.checkCount(n); err != nil {
		return nil, err
	}
	plan, err := schedule.NewPlan(opts.terms(n, offer.InterestRate))
	if err != nil {
		return nil, err
	}
	sol, err := plan.AmountCents(x, n)
	if err != nil {
		var e *apierr.Error
		if errors.As(err, &e) && e.Param == "installment" {
			err = e.WithParam(paramInstallmentsValue)
		}
		return nil, principalError(err)
	}
	top := sol.Schedule.TotalPrincipalCents() // the largest principal whose installment fits
	lo, hi := p.offer.Min, p.offer.Approved
	var requested int64
	if opts.Charges == Deducted {
		requested = min(top, hi)
	} else {
		if g := plan.Growth(n); g > MaxFinancedGrowth {
			return nil, apierr.Wrap(ErrIllConditioned, apierr.InstallmentsOutOfRange, "installment_count",
				"installment_count %d at these rates grows a cent %.3g times over the term, beyond %g: simulating by installment with financed charges is refused on such terms; simulate an amount instead",
				n, g, MaxFinancedGrowth)
		}
		requested, err = p.financedRequest(plan, n, x, top, sol.Schedule)
		if err != nil {
			return nil, err
		}
	}
	if requested < lo {
		return nil, apierr.Wrap(ErrNoRequestFits, apierr.AmountOutOfRange, paramInstallmentsValue,
			"installments_value %s is below the installment of min_amount %s over %d installments",
			money.FormatCents(x), money.FormatCents(lo), n)
	}
	sim, err := Simulate(offer, Request{RequestedAmount: money.FromCents(requested), InstallmentCount: n}, opts)
	if err == nil || opts.Charges != Deducted || requested != hi || !tooFine(err) {
		return sim, err
	}
	// approved_amount clamped a principal whose table the schedule refuses as
	// too small for cent precision: the amounts just below it are tried, a whole
	// cycle of the installment's rounding (n + 2), as schedule.Plan.AmountCents
	// does; past them the refusal stands.
	for r := requested - 1; r >= max(lo, requested-int64(n)-2); r-- {
		if s, serr := Simulate(offer, Request{RequestedAmount: money.FromCents(r), InstallmentCount: n}, opts); serr == nil || !tooFine(serr) {
			return s, serr
		}
	}
	return nil, err
}

// tooFine reports whether err is the schedule refusing a requested amount as
// too small for cent precision over the terms.
func tooFine(err error) bool {
	return errors.Is(err, schedule.ErrInstallmentRoundsToZero) || errors.Is(err, schedule.ErrResidueExhaustsBalance) ||
		errors.Is(err, schedule.ErrResidueExceedsInstallment)
}

// financedRequest returns the largest requested amount in [Min, Approved]
// whose financed principal's installment is at most x, or Min − 1 when none
// is. top is the largest principal whose installment is at most x and ref its
// schedule, for the estimate.
func (p *prepared) financedRequest(plan *schedule.Plan, n int, x, top int64, ref *schedule.Schedule) (int64, error) {
	lo, hi := p.offer.Min, p.offer.Approved
	var stepErr error
	// fits reports whether the financed simulation of r has an installment of
	// at most x. A request that needs a principal above the largest does not
	// fit (and neither does any larger one); any other failure stops the search.
	fits := func(r int64) bool {
		if stepErr != nil {
			return false
		}
		f, err := iof.FinancedCents(plan, n, p.src.BorrowerClass, r, p.feesOf(r))
		if err != nil {
			var e *apierr.Error
			if !(errors.As(err, &e) && e.Param == "requested_amount" && errors.Is(err, apierr.ErrRange) &&
				!errors.Is(err, iof.ErrUnsettled)) {
				stepErr = principalError(err)
			}
			return false
		}
		return f.Schedule.InstallmentCents() <= x
	}
	guess := p.estimate(ref, top)
	// For Simples and MEI a principal up to R$ 30,000.00 pays the reduced rates;
	// when top is above it, the largest request can be one whose principal sits
	// at the threshold, reais below top's estimate: start from the better one.
	if c := p.src.BorrowerClass; (c == iof.Simples || c == iof.MEI) && top > iof.ReducedRateLimit {
		if at, err := plan.ScheduleCents(iof.ReducedRateLimit, n); err == nil {
			guess = max(guess, p.estimate(at, iof.ReducedRateLimit))
		}
	}
	r, ok := lastFitting(lo, hi, guess, fits)
	if stepErr != nil {
		return 0, stepErr
	}
	if !ok {
		return lo - 1, nil
	}
	return r, nil
}

// estimate returns R₀ with R₀ + fees(R₀) ≈ top − IOF(top): the requested
// amount whose financed principal is about top.
func (p *prepared) estimate(ref *schedule.Schedule, top int64) int64 {
	res, err := iof.ComputeSchedule(p.src.BorrowerClass, ref)
	if err != nil {
		return top
	}
	net := float64(top - res.TotalCents() - p.offer.FeeFixed)
	pct := float64(p.offer.FeeUnits) / feeDivisor
	return int64(math.Floor(net / (1 + pct)))
}

// lastFitting returns the largest r in [lo, hi] with fits(r), fits monotone
// (true up to the answer, false after), starting from guess, and whether any
// r fits. It calls fits at most 2·log₂(hi − lo) + 4 times.
func lastFitting(lo, hi, guess int64, fits func(int64) bool) (int64, bool) {
	guess = min(max(guess, lo), hi)
	var good, bad int64 // fits(good), !fits(bad); good = lo−1, bad = hi+1 mean unknown
	if fits(guess) {
		good, bad = guess, hi+1
		for step := int64(1); good < hi; step *= 2 {
			next := min(good+step, hi)
			if !fits(next) {
				bad = next
				break
			}
			good = next
		}
	} else {
		good, bad = lo-1, guess
		for step := int64(1); bad > lo; step *= 2 {
			next := max(bad-step, lo)
			if fits(next) {
				good = next
				break
			}
			bad = next
		}
	}
	for bad-good > 1 {
		mid := good + (bad-good)/2
		if fits(mid) {
			good = mid
		} else {
			bad = mid
		}
	}
	return good, good >= lo
}

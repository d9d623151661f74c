package cet

import (
	"fmt"
	"math"
)

// Limits of the domain. They are far beyond any real loan (the library's own caps are
// R$ 1,000,000,000.00 and 420 monthly installments) and keep every sum exact in
// int64 and float64.
const (
	// MaxCents bounds each amount and the sum of the payments: 10^15 cents
	// (R$ 10 trillion), below 2^53, so every amount and sum converts to float64
	// exactly.
	MaxCents int64 = 1_000_000_000_000_000
	// MaxFlows bounds the number of payments (a daily payment for 27 years).
	MaxFlows = 10_000
	// MaxYears bounds the time of a payment after the release date: 36,500 days
	// under Actual365, 1,200 months under Periodic.
	MaxYears = 100
	// MaxAnnual bounds the CET: 10^10 a.a. (10^12 %). Larger rates are reported as
	// ErrOutOfRange, which keeps the percentage in hundredths below 2^53.
	MaxAnnual = 1e10
)

// Flow is one payment from the borrower: Cents paid at Time after the release
// date, Time counted in the units of the Basis (calendar days under Actual365,
// months under Periodic). A Flow is a plain value; its zero value is a payment of
// nothing on the release date.
type Flow struct {
	Time  int
	Cents int64
}

// Basis says how a Flow's Time converts to years, the unit of the CET.
// The zero value is Actual365, the regulatory convention.
type Basis uint8

const (
	// Actual365: Time is calendar days after the release date, t = Time/365, in
	// every year including leap years (Res. CMN 4.881/2020's d_j − d0 over 365).
	Actual365 Basis = iota
	// Periodic: Time is whole months after the release date, t = Time/12, the
	// "installments at fixed periods" convention of the Banco Central's CET example
	// (each month exactly 1/12 year, whatever its days).
	Periodic
)

// perYear is the number of Time units in a year.
func (b Basis) perYear() (int, bool) {
	switch b {
	case Actual365:
		return 365, true
	case Periodic:
		return 12, true
	}
	return 0, false
}

// String returns "actual365" or "periodic".
func (b Basis) String() string {
	switch b {
	case Actual365:
		return "actual365"
	case Periodic:
		return "periodic"
	}
	return fmt.Sprintf("Basis(%d)", uint8(b))
}

// Rate is a solved CET. It holds x = ln(1 + CET), the form the solver works in,
// from which every other form is derived without loss. The zero Rate is a CET of 0.
// A Rate is an immutable value, safe for concurrent use.
type Rate struct {
	log float64
}

// Log returns ln(1 + CET), the continuously compounded annual rate. It is the
// quantity the accuracy bound holds for: Σ FC_j·exp(−Log·t_j) is within 1e-9·FC0
// of FC0.
func (r Rate) Log() float64 { return r.log }

// Annual returns the CET as a fraction per year, e^x − 1 (0.4408 for 44.08 % a.a.).
func (r Rate) Annual() float64 { return math.Expm1(r.log) }

// Monthly returns the monthly equivalent (1 + CET)^(1/12) − 1 as a fraction.
func (r Rate) Monthly() float64 { return math.Expm1(r.log / 12) }

// Percent returns the annual CET in percent with 2 decimals, rounded by
// ABNT NBR 5891 (half to even) from the exact value of Annual()·100 (doc.go,
// "Rounding"). The result is the float64 nearest to that 2-decimal number.
func (r Rate) Percent() float64 { return percent(r.Annual()) }

// MonthlyPercent returns the monthly equivalent in percent with 2 decimals, rounded
// like Percent from the exact value of Monthly()·100.
func (r Rate) MonthlyPercent() float64 { return percent(r.Monthly()) }

// Solver tuning (doc.go, "Algorithm" and "Accuracy"). stopRel ends the search once
// |NPV| ≤ stopRel·m, three orders of magnitude inside the promised accuracyRel·FC0;
// maxIter only bounds the work should rounding noise keep |NPV| above that (the
// bracket reaches adjacent floats long before).
const (
	accuracyRel = 1e-9
	stopRel     = 1e-12
	maxIter     = 200
)

// Solve returns the CET of a loan that released net cents to the borrower and is
// repaid by flows, their times counted in basis units after the release date. It
// solves net = Σ Cents_j·(1 + CET)^(−t_j) for the unique root (doc.go); the flows
// need not be sorted and may share a time. It does not allocate, does not retain
// flows and is safe for concurrent use.
//
// A sum of payments equal to net gives a CET of exactly 0; a smaller sum gives a
// negative CET, returned like any other (doc.go, "Domain"). Inputs outside the
// domain return an *Error (doc.go, "Errors").
func Solve(net int64, flows []Flow, basis Basis) (Rate, error) {
	per, ok := basis.perYear()
	if !ok {
		return Rate{}, errorf(ErrBasis, "basis", "basis %v is unknown: want Actual365 or Periodic", basis)
	}
	if net <= 0 {
		return Rate{}, errorf(ErrNet, "net", "net %d cents is not positive", net)
	}
	if net > MaxCents {
		return Rate{}, errorf(ErrTooLarge, "net", "net %d cents is above the limit of %d", net, MaxCents)
	}
	if len(flows) == 0 {
		return Rate{}, errorf(ErrNoPayments, "flows", "no payments: the CET needs at least one")
	}
	if len(flows) > MaxFlows {
		return Rate{}, errorf(ErrTooManyFlows, "flows", "%d payments is above the limit of %d", len(flows), MaxFlows)
	}
	maxTime := MaxYears * per

	// One pass validates and gathers what the search needs: the sums paid on the
	// release date (a0) and after it (after), the amount-weighted sums of the
	// times and squared times of the payments after it, and their earliest and
	// latest times.
	var a0, after int64
	var weighted, weighted2 float64
	tMin, tMax := maxTime+1, 0
	for i, f := range flows {
		switch {
		case f.Time < 0:
			return Rate{}, errorf(ErrBeforeRelease, fmt.Sprintf("flows[%d].time", i),
				"flows[%d] is %d %s before the release date: payments must be on or after it", i, -f.Time, basis.unit())
		case f.Time > maxTime:
			return Rate{}, errorf(ErrTimeRange, fmt.Sprintf("flows[%d].time", i),
				"flows[%d] is %d %s after the release date: the limit is %d (%d years)", i, f.Time, basis.unit(), maxTime, MaxYears)
		case f.Cents < 0:
			return Rate{}, errorf(ErrNegative, fmt.Sprintf("flows[%d].cents", i),
				"flows[%d] is %d cents: payments must not be negative", i, f.Cents)
		case f.Cents > MaxCents:
			return Rate{}, errorf(ErrTooLarge, fmt.Sprintf("flows[%d].cents", i),
				"flows[%d] is %d cents: above the limit of %d", i, f.Cents, MaxCents)
		case f.Cents == 0:
			continue
		}
		if f.Time == 0 {
			a0 += f.Cents
		} else {
			after += f.Cents
			at := float64(f.Cents) * float64(f.Time)
			weighted += at
			weighted2 += at * float64(f.Time)
			tMin = min(tMin, f.Time)
			tMax = max(tMax, f.Time)
		}
		// The running sum was at most MaxCents and so is this payment, so the sum
		// cannot overflow int64 before this check stops it.
		if a0+after > MaxCents {
			return Rate{}, errorf(ErrTooLarge, "flows",
				"the payments add up to more than the limit of %d cents (at flows[%d])", MaxCents, i)
		}
	}
	if after == 0 {
		return Rate{}, errorf(ErrZeroPayments, "flows",
			"no payment after the release date is positive: the CET needs one")
	}
	if a0 >= net {
		return Rate{}, errorf(ErrInfinite, "flows",
			"the payments on the release date (%d cents) reach the net amount (%d cents): the CET is infinite", a0, net)
	}
	if a0+after == net {
		// Σ FC_j·(1+0)^(−t_j) = FC0 exactly: the root is 0, and no float search
		// should be allowed to report 1e-17 instead.
		return Rate{}, nil
	}

	m := float64(net - a0) // what the payments after the release date must be worth
	u, npv, _ := solve(flows, m, float64(after), weighted, weighted2, tMin, tMax)
	if !(math.Abs(npv) <= accuracyRel*float64(net)) {
		return Rate{}, errorf(ErrNoConvergence, "flows",
			"the solver stopped at |NPV| = %g cents, above the bound of %g", math.Abs(npv), accuracyRel*float64(net))
	}
	x := u * float64(per)
	if math.Expm1(x) > MaxAnnual {
		return Rate{}, errorf(ErrOutOfRange, "flows",
			"the CET is above %g %% a.a.: the payments are out of proportion to the net amount", MaxAnnual*100)
	}
	return Rate{log: x}, nil
}

func (b Basis) unit() string {
	if b == Periodic {
		return "months"
	}
	return "days"
}

// solve finds u, the log-rate per Time unit, with S(u) = m, where
// S(u) = Σ_{Time>0} Cents·e^(−u·Time), and returns it with the residual S(u) − m
// and the number of evaluations of S (doc.go, "Algorithm"). after is the sum of
// those payments, weighted and weighted2 the amount-weighted sums of their times
// and squared times, tMin and tMax their extreme times.
func solve(flows []Flow, m, after, weighted, weighted2 float64, tMin, tMax int) (u, npv float64, evals int) {
	// With R = after/m, the root is where the amount-weighted mean of e^(−u·Time)
	// equals 1/R, and a mean lies between its extremes: the bracket.
	lnR := math.Log(after / m)
	b1, b2 := lnR/float64(tMin), lnR/float64(tMax)
	lo, hi := min(b1, b2), max(b1, b2)
	// The start: the log of that mean to second order in u is −u·μ + u²·σ²/2 (μ, σ²
	// the weighted mean and variance of the times); equal to −ln R, it is a
	// quadratic whose root nearer ln R/μ is taken in a cancellation-free form.
	mu := weighted / after
	variance := max(weighted2/after-mu*mu, 0)
	if disc := mu*mu - 2*variance*lnR; disc >= 0 {
		u = 2 * lnR / (mu + math.Sqrt(disc))
	} else {
		u = lnR / mu // Jensen's bound: at or left of the root
	}
	u = min(max(u, lo), hi)

	// Σ of the terms is m at the root, so rounding noise scales with m (≤ net).
	tol := stopRel * m
	dx, dxOld := hi-lo, hi-lo
	for i := 0; ; i++ {
		s, g, q := sums(flows, u)
		npv = s - m
		if math.Abs(npv) <= tol || i == maxIter {
			return u, npv, i + 1
		}
		if npv > 0 {
			lo = u
		} else {
			hi = u
		}
		// Halley on h(u) = ln(S(u)/m): convex and decreasing like S, but nearly
		// linear where one payment dominates the sum, where Newton on S would creep
		// by 1/Time per step. Its factor over the Newton step is capped at 2.
		h, d1 := math.Log(s/m), g/s // h and −h'
		d2 := q/s - d1*d1           // h'', the weighted variance of the times
		step := h / d1
		if den := 1 - h*d2/(2*d1*d1); den > 0.5 {
			step /= den
		}
		// A step that leaves the bracket, is not finite (terms overflowed to +Inf
		// or underflowed to 0) or is not below half the step before last becomes a
		// bisection (Numerical Recipes' rtsafe): never slower than bisection.
		next := u + step
		if !(next > lo && next < hi) || math.Abs(2*step) > math.Abs(dxOld) {
			dxOld, dx = dx, (hi-lo)/2
			next = lo + dx
			if !(next > lo && next < hi) {
				return u, npv, i + 1 // the bracket is down to adjacent floats
			}
		} else {
			dxOld, dx = dx, step
		}
		u = next
	}
}

// Chained discounting (doc.go, "Algorithm"): a payment's discount factor
// e^(−u·Time) is the previous payment's times e^(−u·gap), where gap is the
// difference of their times, when that gap is below maxGap (one exp per
// distinct gap, cached for the pass: a monthly schedule has four or five) and
// the chain is shorter than maxChain; otherwise, and for the first payment, the
// factor is one exp of its own. Each link adds at most 1.5 ulp (the exp's own
// error under 1 ulp and the product's rounding), so every factor is within
// 1.5·maxChain = 24 ulp, about 5.3e-15 relative, of the product of the exps of
// its rounded exponents; those roundings move it by |u·Time|·2^−53 at most, as
// they move a single exp of −u·Time. TestPropChainedSums holds the sums to one
// exp per payment.
const (
	maxGap   = 64
	maxChain = 16
)

// sums returns S(u) and its first two derivatives, negated and not: the sums
// over the payments after the release date of Cents·e^(−u·Time) times 1, Time
// and Time².
func sums(flows []Flow, u float64) (s, g, q float64) {
	var gapExp [maxGap]float64
	var known uint64 // bit d: gapExp[d] holds e^(−u·d)
	prevT, prevE, chain := 0, 0.0, maxChain
	for _, f := range flows {
		if f.Time == 0 || f.Cents == 0 {
			continue
		}
		var e float64
		if d := f.Time - prevT; chain < maxChain && d >= 0 && d < maxGap {
			if known&(1<<d) == 0 {
				gapExp[d] = math.Exp(-u * float64(d))
				known |= 1 << d
			}
			e = prevE * gapExp[d]
			chain++
		} else {
			e = math.Exp(-u * float64(f.Time))
			chain = 0
		}
		prevT, prevE = f.Time, e
		t := float64(f.Time)
		v := float64(f.Cents) * e
		s += v
		g += v * t
		q += v * t * t
	}
	return s, g, q
}

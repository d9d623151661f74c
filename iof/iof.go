package iof

import (
	"math/bits"

	"github.com/shopspring/decimal"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/calendar"
	"github.com/dinie/lending/money"
	"github.com/dinie/lending/schedule"
)

// Bounds of an operation, enforced with typed errors.
const (
	// MaxPrincipalCents is the largest principal, in cents: R$ 1,000,000,000.00,
	// the library's bound (docs/lending-math.md §4), the schedule's.
	MaxPrincipalCents int64 = schedule.MaxPrincipalCents
	// MaxInstallments is the largest number of installments (docs/lending-math.md §4),
	// the schedule's.
	MaxInstallments = schedule.MaxInstallments
	// MaxAmortizationCents bounds each installment's amortization, in cents, in
	// absolute value: R$ 100,000,000,000,000.00, 10⁵ times MaxPrincipalCents, far
	// above any real operation. The bound keeps every sum of the computation
	// inside 64 bits (the daily base in 128). Only a Price table at absurd terms
	// reaches it (near 100 % a.m. over years, where the rounded installment no
	// longer covers the interest and the balance doubles every month).
	MaxAmortizationCents int64 = 100_000 * MaxPrincipalCents
)

// capDays is the most days of the daily rate an amortization pays (art. 7, §1).
const capDays = 365

// Basis is what an IOF figure rests on, so that a server can show its work: the
// borrower's class as given, the class whose rates applied, those rates and the
// row of the rate table (its period and source).
type Basis struct {
	// Class is the borrower's class as the caller gave it.
	Class Class
	// Applied is the class whose rates were charged: Class, or Company for a
	// Simples or MEI operation whose principal is above ReducedRateLimit.
	Applied Class
	// Rates are Applied's rates in Regime.
	Rates Rates
	// Regime is the row of the rate table in force on the release date.
	Regime Regime
}

// Result is the IOF of an operation: its two parts, each rounded half-up to
// cents, their sum, and the Basis they were computed on. Amounts are held in
// cents; the decimal accessors build a decimal.Decimal only when called. The zero
// Result is no IOF computed (zero amounts, zero Basis).
type Result struct {
	Basis
	daily, additional int64
}

// Daily returns the daily part, Σ_k max(A_k, 0) × daily rate × min(days_k, 365),
// rounded half-up to cents.
func (r Result) Daily() decimal.Decimal { return money.FromCents(r.daily) }

// Additional returns the additional part, principal × additional rate, rounded
// half-up to cents.
func (r Result) Additional() decimal.Decimal { return money.FromCents(r.additional) }

// Total returns the IOF, Daily + Additional.
func (r Result) Total() decimal.Decimal { return money.FromCents(r.daily + r.additional) }

// DailyCents is Daily in cents, for callers composing the IOF into cents arithmetic.
func (r Result) DailyCents() int64 { return r.daily }

// AdditionalCents is Additional in cents.
func (r Result) AdditionalCents() int64 { return r.additional }

// TotalCents is Total in cents.
func (r Result) TotalCents() int64 { return r.daily + r.additional }

// Installment is one installment of an operation as the IOF sees it: its due date
// and its amortization (the principal it repays), a decimal number of reais with
// at most two decimal places. A negative amortization (a balance that grows, as
// when a long first period's interest exceeds the installment) is allowed and
// counts as zero.
type Installment struct {
	Due          calendar.Date
	Amortization decimal.Decimal
}

// Operation is a credit operation as the IOF sees it: the borrower's class, the
// release date (when the credit is granted, the taxable event), the principal P
// (with two decimal places at most) and the installments, whose amortizations add
// up to P exactly.
type Operation struct {
	Class        Class
	Release      calendar.Date
	Principal    decimal.Decimal
	Installments []Installment
}

// Flow is Installment in cents: a due date and an amortization in cents.
type Flow struct {
	Due          calendar.Date
	Amortization int64
}

// Compute returns the IOF of op (Decreto 6.306/2007, art. 7, I, b, VI, §1 and
// §15; see the package doc for the formula, rates and rounding). It converts the
// decimals to cents exactly (an amount with fractions of a cent is an error, never
// rounded) and computes in integers. Every error is a *apierr.Error; the
// package doc lists them.
func Compute(op Operation) (Result, error) {
	p, err := money.ToCents(op.Principal)
	if err != nil {
		return Result{}, apierr.Relabel(err, paramPrincipal)
	}
	b, err := basis(op.Class, op.Release, p)
	if err != nil {
		return Result{}, err
	}
	if err := checkCount(len(op.Installments)); err != nil {
		return Result{}, err
	}
	var a accum
	for k, in := range op.Installments {
		c, err := money.ToCents(in.Amortization)
		if err != nil {
			return Result{}, apierr.Relabel(err, paramAmortization)
		}
		if !a.add(calendar.DaysBetween(op.Release, in.Due), c) {
			return Result{}, flowError(k, op.Release, in.Due, c)
		}
	}
	return a.finish(p, b)
}

// ComputeCents is Compute on cents: the principal and each Flow's amortization
// are counts of cents. It is the entry for callers that already hold cents (a
// schedule's cents accessors), and it does not allocate unless it fails.
func ComputeCents(c Class, release calendar.Date, principal int64, flows []Flow) (Result, error) {
	b, err := basis(c, release, principal)
	if err != nil {
		return Result{}, err
	}
	if err := checkCount(len(flows)); err != nil {
		return Result{}, err
	}
	var a accum
	for k, f := range flows {
		if !a.add(calendar.DaysBetween(release, f.Due), f.Amortization) {
			return Result{}, flowError(k, release, f.Due, f.Amortization)
		}
	}
	return a.finish(principal, b)
}

// basis validates the class, release date and principal and picks the rates.
func basis(c Class, release calendar.Date, principal int64) (Basis, error) {
	if !c.valid() {
		return Basis{}, errClass(c)
	}
	g, err := regimeOn(release)
	if err != nil {
		return Basis{}, err
	}
	if principal <= 0 || principal > MaxPrincipalCents {
		return Basis{}, errPrincipal(principal)
	}
	applied := c.Applied(principal)
	return Basis{Class: c, Applied: applied, Rates: g.rates[applied], Regime: *g}, nil
}

func checkCount(n int) error {
	if n < 1 || n > MaxInstallments {
		return apierr.Wrap(apierr.ErrRange, apierr.InstallmentsOutOfRange, paramInstallments,
			"installment_count %d is outside 1 to %d", n, MaxInstallments)
	}
	return nil
}

// accum sums the base of the daily part. With at most MaxInstallments
// amortizations of at most MaxAmortizationCents, sum ≤ 420 × 10¹⁶ fits an int64;
// base, up to 420 × 10¹⁶ × 365 ≈ 1.5·10²¹ cent-days, is kept in 128 bits.
type accum struct {
	hi, lo uint64 // Σ max(A_k, 0) × min(days_k, 365), in cent-days
	sum    int64  // Σ A_k, in cents
}

// add adds amortization amort, due days after the release, and reports whether
// both were valid (days > 0, |amort| ≤ MaxAmortizationCents); small enough to
// inline, so the callers build the error.
func (a *accum) add(days int, amort int64) bool {
	if days <= 0 || amort > MaxAmortizationCents || amort < -MaxAmortizationCents {
		return false
	}
	a.sum += amort
	if amort > 0 {
		hi, lo := bits.Mul64(uint64(amort), uint64(min(days, capDays)))
		var carry uint64
		a.lo, carry = bits.Add64(a.lo, lo, 0)
		a.hi += hi + carry
	}
	return true
}

// flowError is the error of installment k (0-based) that accum.add refused.
func flowError(k int, release, due calendar.Date, amort int64) error {
	if !due.After(release) {
		return errDue(k, due, release)
	}
	return errAmortization(k, amort)
}

func (a *accum) finish(principal int64, b Basis) (Result, error) {
	if a.sum != principal {
		return Result{}, errUnbalanced(a.sum, principal)
	}
	daily, ok := mulRate(a.hi, a.lo, b.Rates.Daily)
	if !ok {
		return Result{}, errTooLarge()
	}
	// principal ≤ MaxPrincipalCents: the additional part always fits.
	additional, _ := mulRate(0, uint64(principal), b.Rates.Additional)
	return Result{Basis: b, daily: daily, additional: additional}, nil
}

// mulRate returns x × r, r taken as a fraction (x·r/10¹⁰), rounded half-up to an
// integer, for the 128-bit x = hi·2⁶⁴ + lo and r ≥ 0. The product is exact in 192
// bits and divided limb by limb; ok is false when the result exceeds int64 (only
// for a base far beyond any real operation, see MaxAmortizationCents).
func mulRate(hi, lo uint64, r Rate) (q int64, ok bool) {
	h1, l1 := bits.Mul64(lo, uint64(r))
	h2, l2 := bits.Mul64(hi, uint64(r))
	mid, carry := bits.Add64(h1, l2, 0)
	top := h2 + carry // no overflow: hi·r < 2¹²⁸
	q2, rem := bits.Div64(0, top, fractionScale)
	q1, rem := bits.Div64(rem, mid, fractionScale)
	q0, rem := bits.Div64(rem, l1, fractionScale)
	if q2 != 0 || q1 != 0 || q0 >= 1<<63-1 {
		return 0, false
	}
	if rem >= fractionScale/2 {
		q0++
	}
	return int64(q0), true
}

func errPrincipal(p int64) error {
	return apierr.Wrap(apierr.ErrRange, apierr.AmountOutOfRange, paramPrincipal,
		"principal %s is outside 0.01 to %s", money.FormatCents(p), money.FormatCents(MaxPrincipalCents))
}

func errDue(k int, due, release calendar.Date) error {
	return apierr.Wrap(ErrNotAfterRelease, apierr.InvalidDueDate, paramDueDate,
		"installment %d is due %s, not after release_date %s", k+1, due, release)
}

func errAmortization(k int, amort int64) error {
	return apierr.Wrap(apierr.ErrRange, apierr.AmountOutOfRange, paramAmortization,
		"installment %d amortizes %s, beyond ±%s", k+1, money.FormatCents(amort), money.FormatCents(MaxAmortizationCents))
}

func errTooLarge() error {
	return apierr.Wrap(apierr.ErrRange, apierr.AmountOutOfRange, paramAmortization,
		"the daily part of the IOF exceeds the largest amount of cents")
}

func errUnbalanced(sum, principal int64) error {
	return apierr.Wrap(ErrUnbalanced, apierr.AmountOutOfRange, paramAmortization,
		"installment amortizations add up to %s, not to the principal %s", money.FormatCents(sum), money.FormatCents(principal))
}

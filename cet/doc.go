// Package cet computes the Custo Efetivo Total (CET), the annual rate that the
// Conselho Monetário Nacional requires lenders to disclose for a credit operation
// with individuals, MEIs and small companies: the single rate at which everything
// the borrower pays is worth, on the release date, exactly what the borrower
// received.
//
// The package imports no other package of the library: it takes amounts in cents
// and times as integer counts (or, in SolveDates, decimals and civil dates), so the
// layers above feed it without conversions, and it reports its own typed errors.
//
// # Equation
//
// [Res. CMN 4.881/2020], art. 4 (the formula of [Res. CMN 3.517/2007], which it
// revoked and consolidated) defines the CET as the root of
//
//	FC0 = Σ_j FC_j / (1 + CET)^((d_j − d0) / 365)
//
// where FC0 is the amount actually released to the borrower (the credit net of the
// fees and taxes deducted from it), FC_j the payments the borrower makes
// (installments, and any charge paid separately) and d_j − d0 the calendar days
// from the release date d0 to the payment date d_j. The CET is expressed as an
// annual percentage with 2 decimals, rounded by ABNT NBR 5891 (same article).
//
// # Time
//
// Under Actual365 (the zero Basis, the regulatory convention) a Flow's Time is
// calendar days after the release date and t_j = Time/365: a fixed 365, also in
// leap years, so the 29 days from 2008-02-02 to 2008-03-02 count 29/365. Callers
// pass the payment's actual (rolled) due date, which is the day the money moves.
//
// Under Periodic a Flow's Time is whole months and t_j = Time/12: "installments at
// fixed periods", the convention of the Banco Central's published CET example
// (R$ 1,000.00 at 12 % a.a., 5 installments of R$ 205.73, R$ 60.00 of fees and IOF
// up front, FC0 = R$ 940.00: 43.93 % a.a., 3.08 % a.m.). The same flows on real
// dates (release 2008-01-02, payments on the 2nd of February to June) give 44.08 %
// a.a. under Actual365; the tests check both.
//
// # Domain and uniqueness
//
// With every FC_j ≥ 0, FC0 > 0 and at least one positive payment after the release
// date, write x = ln(1 + CET) and
//
//	NPV(x) = Σ_j FC_j·e^(−x·t_j) − FC0.
//
// Each term with t_j > 0 is strictly decreasing in x, so NPV is strictly
// decreasing; it tends to +∞ as x → −∞ (CET → −100 %) and to A0 − FC0 as x → +∞,
// where A0 is what is paid on the release date itself. So a root exists exactly
// when A0 < FC0, and it is unique. Its sign is the sign of NPV(0) = Σ FC_j − FC0:
//
//   - payments adding up to more than FC0 give a positive CET (any charge or
//     interest does);
//   - payments adding up to exactly FC0 (a loan without interest or charges) give a
//     CET of exactly 0 (checked in integers, so no search leaves 1e-17 behind);
//   - payments adding up to less than FC0 give a negative CET, between −100 % and
//     0. It is the unique root, so it is returned like any other rather than
//     refused: a subsidised or cash-back operation has one, and a caller for whom
//     it signals a mistake checks Annual() < 0.
//
// Limits, each far beyond a real loan and each an error when exceeded: amounts and
// their sum at most MaxCents (10^15 cents, below 2^53, so every sum is exact in
// int64 and float64), at most MaxFlows (10,000) payments, none more than MaxYears
// (100) after the release date, and a CET at most MaxAnnual (10^10, i.e.
// 10^12 % a.a., which keeps the percentage in hundredths exact in float64).
//
// # Algorithm
//
// The solver works on u = x/P, the log-rate per unit of Time (P = 365 or 12), so
// each term is Cents·e^(−u·Time) with integer Time. Let S(u) be the sum over the
// payments after the release date and m = FC0 − A0; the root is S(u) = m, and with
// R = Σ Cents/m the root is where the amount-weighted mean of e^(−u·Time) is 1/R.
//
//   - Bracket: a mean lies between its extremes, so the root lies between
//     ln R/tMin and ln R/tMax (the earliest and latest payment times).
//   - Start: the log of that mean is −u·μ + u²·σ²/2 + O(u³) (its cumulant
//     expansion; μ and σ² the amount-weighted mean and variance of the times).
//     Setting the quadratic to −ln R gives the start 2·ln R/(μ + √(μ² − 2σ²·ln R)),
//     or Jensen's lower bound ln R/μ when the root is complex; clamped into the
//     bracket. For 12 monthly installments at 1 % to 15 % a.m. it is within
//     0.5 % of the root (Jensen's bound alone is up to 13 % off).
//   - Iteration: Halley's method on h(u) = ln(S(u)/m). h is convex (a log-sum-exp
//     of affine functions) and decreasing, and nearly linear where one payment
//     dominates the sum, where Newton on S itself would creep by 1/Time per step.
//     Its two derivatives come from the same pass as S (the sums of Cents·Time·e
//     and Cents·Time²·e), so an iteration costs one pass over the payments, and
//     convergence is cubic near the root. The Halley factor over the Newton step
//     is capped at 2.
//   - Discounting: in a pass, a payment's factor e^(−u·Time) is the previous
//     payment's times e^(−u·gap), gap the difference of their times, when the
//     gap is below 64 (each distinct gap's exp computed once per pass: a monthly
//     schedule has four or five, so 12 installments take about 5 exps instead of
//     12). The chain restarts with an exp of its own at the first payment, at
//     least every 17th, and wherever the times go back or jump further; so every
//     factor is within 24 ulp of the exp of its rounded exponent.
//   - Safeguard (Numerical Recipes' rtsafe): a step that leaves the bracket, is not
//     finite (terms overflow to +Inf or underflow to 0 far from the root) or is not
//     below half the step before last is replaced by a bisection of the bracket,
//     and every iterate shrinks the bracket, so progress is never slower than
//     bisection's, whatever the arithmetic does. The search ends when
//     |NPV| ≤ 1e-12·m, when the bracket is down to adjacent floats, or after 200
//     iterations (never approached). The tests hold these figures: at most 3
//     evaluations of S for 12 installments at 0.1 % to 15 % a.m. with up to 30 %
//     of charges deducted; at most 12 for any Price loan up to 420 installments
//     and 100 % a.m.; at most 30 on random extreme inputs (amounts from 1 cent to
//     10^13, times from 1 day to 100 years).
//
// # Accuracy
//
// Solve returns only roots with |NPV(Log())| ≤ 1e-9·FC0, the spec's bound, and
// checks it on the returned value (ErrNoConvergence otherwise, which the argument
// above rules out: the search stops with the residual within 1e-12·m, or with the
// bracket down to adjacent floats, where the residual is at most
// |S'(u)|·ulp(u) ≤ 36,500·m·2^−47 ≈ 2.6e-10·m, since |u| ≤ ln(MaxCents) ≈ 34.5
// per day within the limits; the rounding noise of the sum, its terms within 24
// ulp each, adds at most (MaxFlows + 48)·2^−53·m ≈ 1.1e-12·m, and the rounding
// of the exponents at most |u·Time|·2^−53 ≤ ln(1 + MaxAnnual)·MaxYears·2^−53 ≈
// 2.6e-13 relative). In practice the rate is good to about 12
// significant digits, far below the 2 decimals shown: against an XIRR computed by
// bisection in 60-digit decimal arithmetic on 400 random loans, the annual rates
// differed by at most 4e-12 relative and every rounded percentage matched.
// Annual is e^x − 1 rounded once (math.Expm1), so it keeps full relative precision
// for small rates; only a CET within 10^−16 of −100 % loses the information that
// Log keeps.
//
// The solve runs in float64: the rate is shown with 2 decimals, the amounts convert
// to float64 exactly (they are below 2^53 cents) and decimal fractional powers
// would cost some 100× more for nothing.
//
// # Monthly equivalent
//
// Monthly is the compound monthly equivalent (1 + CET)^(1/12) − 1 = e^(x/12) − 1,
// shown beside the annual rate by convention (the Banco Central's example: 3.08 %
// a.m. beside 43.93 % a.a.). It is not the rate of any installment.
//
// # Rounding
//
// Percent and MonthlyPercent round by ABNT NBR 5891: to 2 decimals, a discarded
// part above half rounds up, below half down, and exactly half rounds to the even
// neighbour (46.875 → 46.88, 3.125 → 3.12). A float64 rate is a binary fraction, so
// "exactly half" needs a rule; the one used is the mathematically exact one: the
// rounded value is that of the exact real number rate·100 (not of its float64
// product, whose own rounding could create or destroy a tie). Ties therefore occur
// exactly when rate·10^4 is an odd multiple of 1/2, i.e. for rates that are odd
// multiples of 1/32 (0.03125, 0.46875 …), and they go to even. A rate typed as a
// decimal such as 0.48545 is stored as 0.48544999999999999263…, not a tie, and
// rounds to 48.54 because that is what the stored number is (its float64 product
// by 100, 48.545000000000002, would have given 48.55); a computed CET is never
// exactly such a decimal anyway. The result is the float64 nearest to the
// 2-decimal number, so it prints as that number (strconv, encoding/json). The
// computation is exact and allocation-free (an FMA recovers the product's rounding
// error), and reproducible on every platform.
//
// # Amounts
//
// Solve takes cents as int64: money is exact to the cent in this library, the
// simulation already holds cents, and integer inputs make NaN and ±Inf impossible
// by construction. Since the CET is invariant under scaling all amounts, cents
// lose nothing. SolveDates takes decimal.Decimal amounts, which must be whole
// cents, and time.Time civil dates; it converts and calls Solve.
//
// # Errors
//
// Every error is an *apierr.Error with the API's Code, Param, Detail and a reason in
// Err for errors.Is.
// Checks run in this order, and the first failure is reported: basis, net, the
// number of payments, each payment in order (time, then amount, then the running
// sum), then the whole list. The table gives the API code each reason carries.
//
//	reason            param                    API code                   when
//	ErrBasis          basis                    invalid_format             basis not Actual365 or Periodic
//	ErrNet            net                      amount_out_of_range        FC0 ≤ 0
//	ErrTooLarge       net, flows[i].…, flows   amount_out_of_range        an amount or the sum > MaxCents
//	ErrNotCents       net, flows[i].amount     invalid_format             fractions of a cent (SolveDates)
//	ErrNoPayments     flows                    missing_required_field     no payments at all
//	ErrTooManyFlows   flows                    installments_out_of_range  more than MaxFlows payments
//	ErrBeforeRelease  flows[i].time|date       invalid_due_date           a payment before the release date
//	ErrTimeRange      flows[i].time|date       date_out_of_range          a payment > MaxYears after it
//	ErrNegative       flows[i].cents|amount    amount_out_of_range        a negative payment
//	ErrZeroPayments   flows                    amount_out_of_range        no positive payment after release
//	ErrInfinite       flows                    amount_out_of_range        paid on the release date ≥ FC0
//	ErrOutOfRange     flows                    rate_out_of_range          CET > MaxAnnual (10^12 % a.a.)
//	ErrNoConvergence  flows                    rate_out_of_range          accuracy not met (a defect)
//
// # Zero values
//
// The zero Basis is Actual365, the regulatory convention; the zero Flow is a
// payment of nothing on the release date (ignored); the zero Rate is a CET of 0.
//
// # Concurrency
//
// The package has no state: every function is pure, Rate is an immutable value and
// an error is never modified after it is returned, so everything is safe for
// concurrent use.
//
// [Res. CMN 4.881/2020]: https://www.bcb.gov.br/estabilidadefinanceira/exibenormativo?tipo=Resolu%C3%A7%C3%A3o%20CMN&numero=4881
// [Res. CMN 3.517/2007]: https://www.bcb.gov.br/estabilidadefinanceira/exibenormativo?tipo=Resolu%C3%A7%C3%A3o%20CMN&numero=3517
package cet

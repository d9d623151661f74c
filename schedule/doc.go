// Package schedule builds the Price table (French amortization, tabela Price) of
// a loan: the regular installment and, per installment, its nominal and due
// dates, payment, interest, principal amortization and remaining balance, exact
// to the cent under the conventions of lending-math.md §1–4.
//
// No regulation fixes the day count, the rounding of installments or where a
// cent residue goes; they are contract choices. This package implements the
// library's defaults and the options a server needs to match its own contracts.
//
// # Notation
//
// P principal, i monthly rate as a fraction (MonthlyRate.Fraction; the API
// speaks percent per month), n installment count, d0 release date, t_k the
// interest time of installment k in months from d0, B_k the balance after
// installment k.
//
// # Dates
//
// Installment 1's nominal date is Terms.FirstDue; installment k's is
// FirstDue.AddMonths(k−1), keeping the anchor day (FirstDue's day of the month)
// and clamping it to the last day of shorter months (anchor 31: Jan 31, Feb 28,
// Mar 31, Apr 30 …; calendar.Date.AddMonths).
//
// When FirstDue is the zero Date the first due date is d0 + 1 calendar month,
// clamped (lending-math.md §1), and, following the spec literally, that date's
// day is the anchor: a release on January 31 puts installment 1 on February 28
// (29 in leap years) and every later installment on the 28th (29th). A caller
// who wants the 31st as the anchor passes FirstDue explicitly.
//
// Due dates are nominal dates moved onto business days by Terms.Roll on
// Terms.Calendar (default Following on calendar.Brazil(), ANBIMA's national
// calendar). Due dates are what the contract, IOF and CET use.
//
// The first period is bounded: the nominal first due date must be strictly after
// d0 and at most Terms.FirstPeriodMaxDays (default 180) calendar days after it.
// The bound applies to the nominal date because interest time runs to the nominal
// date: it limits the interest-bearing first period, and a Following roll that
// moves a due date a few days past the bound changes nothing owed. Separately,
// the rolled first due date must also be strictly after d0, since Preceding
// (or Modified Preceding) can pull a first due date onto or before the release.
//
// # Interest time (day count)
//
// t_k is measured from d0 to installment k's NOMINAL date. Rolling a due date
// to the next business day never changes what is owed: Lei 7.089/1983 lets an
// obligation due on a non-business day be paid on the next business day without
// charges. So the rolled date labels the payment and the nominal date prices it.
//
//	MonthlyProRata (default, "monthly")  t_k = m + r/30, m = the largest m with d0.AddMonths(m) ≤ nominal_k,
//	                                     r = calendar days from d0.AddMonths(m) to nominal_k (0 ≤ r ≤ 30)
//	Periodic ("periodic")                t_k = k, the textbook table (BCB Calculadora do Cidadão)
//	DailyProRata ("daily")               t_k = calendar days from d0 to nominal_k / 30
//
// Monthly pro rata reproduces the classic table when d0 falls on the anchor day
// (then t_k = k) and charges an irregular first period pro rata. Every t_k is a
// whole number of thirtieths of a month, T_k/30 (Plan.InterestTime returns T_k).
// Compounding is exponential: a period of t months grows by (1+i)^t.
//
// # The table (lending-math.md §3)
//
//	PMT         = half-up( P / Σ_{k=1..n} (1+i)^(−t_k) )      (i = 0: half-up(P/n))
//	interest_k  = half-up( B_{k−1} · ((1+i)^(t_k − t_{k−1}) − 1) ),  t_0 = 0, B_0 = P
//	principal_k = PMT − interest_k,  payment_k = PMT,  B_k = B_{k−1} − principal_k   (k < n)
//	principal_n = B_{n−1},  payment_n = principal_n + interest_n,  B_n = 0
//
// With Periodic time PMT is the textbook P·i / (1 − (1+i)^−n). The last row
// absorbs every rounding residue, so the balance ends at exactly 0.00 and the
// principals sum to P exactly; its payment can differ from PMT by a few cents
// either way. totals: Σ payment = P + Σ interest.
//
// A long first period can make interest_1 > PMT: principal_1 is then negative and
// the balance grows (negative amortization). That is legal and supported.
//
// Terms too small for cent precision are refused, never returned as a broken
// table (amount_out_of_range on "principal", with a reason for errors.Is):
//
//   - PMT rounds to 0.00 (ErrInstallmentRoundsToZero);
//   - PMT rounded up leaves the balance at or below zero before the last row, so
//     the last payment would be zero or less (ErrResidueExhaustsBalance); for
//     example 1.00 over 101 installments at 0 %: 0.01 pays it off at installment
//     100;
//   - PMT rounded down leaves a residue that, carried with interest to the last
//     row, makes the last payment more than twice PMT
//     (ErrResidueExceedsInstallment); for example 1.00 over 67 at 0 %: 66
//     payments of 0.01 and a last of 0.34.
//
// The third rule is the library's reading of "too small for cent precision",
// where the spec names only the first two: the rounding error of PMT (up to half
// a cent) grows with the balance at (1+i) a month, by about (1+i)^n / i by the
// end, so at high rates over long terms (3 % a.m. over 420 months: about 10^7)
// it swamps the installment, and half of such terms would otherwise come back
// with a last payment of thousands of reais (the other half already fails the
// second rule). Ordinary terms leave a residue of a few cents. The check also
// stops a runaway balance early — as soon as it exceeds PMT times the rows left
// plus one, which guarantees the last payment would exceed 2·PMT — so no amount
// can overflow int64.
//
// # Rounding
//
// Money is rounded half-up to cents (commercial rounding, lending-math.md §4) in
// exactly two places: PMT, and each row's interest. Everything else is exact
// integer arithmetic in cents. A value exactly halfway between two cents goes up:
// 1000.20 × 2.5 % = 25.005 → 25.01. Such ties are common whenever the factor is
// rational (whole-month periods), so ties are decided exactly, never by a float.
//
// # Exactness
//
// Every factor is an integer power of ρ = (1+i)^(1/30), and 1+i is an exact
// fraction (denominator 10^12; see MonthlyRate). Each rounded value is computed
// three ways, cheapest first:
//
//  1. A rational interest factor whose numerator and denominator fit 64 bits
//     (every whole-month period at rates like 2.5 % or 0.629890 %, and 0 %) is
//     applied in exact 128-bit integer arithmetic (math/bits), ties included.
//  2. Otherwise the value is computed in float64 (math.Log1p once per plan,
//     math.Expm1 once per distinct period length; discount factors and their
//     prefix sums precomputed per plan) together with a rigorous bound on its
//     error (fast.go derives it, assuming 2 ulp for the two library functions,
//     whose FreeBSD originals document less than 1 ulp; TestLibmAccuracy
//     measures them). If the whole error interval rounds the same way, that is
//     the result.
//  3. Otherwise (a value within about 10^−13 of its size of a half cent) the
//     exact path decides: big.Rat/big.Int when the value is rational, big.Float
//     from 256 bits up, with ρ by Newton's iteration, when it is irrational. The
//     package proves which case holds from the rate (exact.go): ρ^T is rational
//     exactly when 1+i is a perfect (30/gcd(T,30))-th power, so 21 % (1.21 = 1.1²)
//     over half a month is the rational 0.1, and its ties are decided as ties.
//     An irrational value is never exactly a tie; it is decided when farther
//     than 2^(−prec+40) of its size from a half cent, doubling the precision up to
//     16,384 bits. The one corner not decided by proof: an irrational value that
//     agrees with a half cent to more than 16,000 bits is rounded half-up from its
//     16,384-bit approximation. No such value has been found.
//
// The tests hold the fast path to a slow reference (big.Rat and 2,048-bit
// big.Float, row by row from the spec text) on random and adversarial terms,
// and the exact path to the same reference on its own.
//
// # The rate
//
// MonthlyRate is percent per month with at most RatePlaces = 10 decimal places
// (resolution 0.0000000001 % a.m.), held exactly as an integer, from 0 % to
// 100 % a.m. More places are refused (invalid_format), not rounded. Build one
// with PercentPerMonth(decimal) or ParsePercentPerMonth("2.5"); read it with
// Percent (2.5) or Fraction (0.025), or without building a decimal with
// PercentUnits (25,000,000,000, the integer it is held as, in 10^-10 %) and
// AppendText ("2.5" appended to a buffer). The zero value is 0 % a.m.
//
// # Bounds and errors
//
// Every error is a *apierr.Error (Code, Param, Detail; Err a reason for
// errors.Is): see New for the full table. In short:
//
//	P from 1.00 to 1,000,000,000.00, whole cents   amount_out_of_range / invalid_format, principal
//	P not too small for cent precision (above)     amount_out_of_range, principal
//	n from 1 to 420                                installments_out_of_range, installment_count
//	i from 0 % to 100 % a.m., ≤ 10 places          rate_out_of_range / invalid_format, interest_rate
//	                                               (checked when the MonthlyRate is made)
//	release date given                             missing_required_field, release_date
//	first due date after the release, ≤ bound      invalid_due_date, first_due_date
//	dates within 0001-01-01 … 9999-12-31           date_out_of_range, release_date / first_due_date
//	                                               (calendar errors are mapped to it)
//	Roll and DayCount among their constants        invalid_format, roll / day_count
//	first-period bound 0 … 366                     invalid_due_date, first_period_max_days
//
// No input panics.
//
// # Zero values
//
// Terms: zero FirstDue = d0 + 1 month; nil Calendar = calendar.Brazil(); zero
// Roll = Following; zero DayCount = MonthlyProRata; zero FirstPeriodMaxDays =
// 180; zero Rate = 0 % a.m. Principal, Installments and Release have no default.
// The zero Schedule and zero Plan are not usable; get them from New and NewPlan.
//
// # Cost model
//
// New makes three allocations for n ≤ 64: one for the plan and schedule
// headers, one for the plan's per-installment data (dates, T_k, prefix sums;
// 24 bytes per installment) and one for the rows (interest and balance, 16 bytes
// per row); above 64 installments, one or two more (the monthly date series
// outgrow their stack buffers). NewPlan makes two (three or four above 64);
// Plan.Schedule and Plan.ScheduleCents two (header, rows) and run in O(n): no
// date arithmetic, calendar look-up or transcendental function in the loop,
// about 15 to 20 ns a row. Plan.InstallmentCents reads PMT alone in O(1),
// without allocating. So a grid of every count 1 … 48 is one NewPlan and 48
// Schedule calls, and a solve over candidate principals reuses one plan. The
// exact path allocates (big numbers) but runs only near a half-cent tie; errors
// allocate their message.
//
// Accessors: the Cents methods (InstallmentCents, CentsRow, Total…Cents) never
// allocate; the decimal ones (Installment, Row, Rows, totals) allocate one
// big.Int per decimal, which is why composing packages read cents. MarshalJSON
// allocates its output buffer; CentsRow.AppendJSON writes a row into the
// caller's buffer without allocating.
//
// # JSON
//
// A Schedule marshals to an object with principal, interest_rate (a JSON number,
// percent per month, as the API carries it), day_count, roll, release_date,
// installment_count, installment, total_payments, total_interest,
// total_principal and rows; a Row to number, nominal_date, due_date, payment,
// interest, principal, balance. Money is a string in the wire format "1234.56"
// (a negative principal, from negative amortization, has a leading '-'); dates
// are "YYYY-MM-DD".
//
// # Concurrency
//
// MonthlyRate, DayCount, Terms, Row and CentsRow are values. A *Plan and a
// *Schedule are immutable once returned and safe for concurrent use by any
// number of goroutines. The package has no mutable global state and never
// reads the clock.
package schedule

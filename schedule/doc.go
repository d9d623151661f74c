// Package schedule builds the amortization table of a loan — the Price table
// (French amortization, tabela Price) or SAC (constant amortization), with or
// without an interest-only grace — and, per installment, its nominal and due
// dates, interest time, payment, interest, principal amortization and
// remaining balance, exact to the cent. It also solves for the missing term:
// the principal, the rate or the count from an installment.
//
// No regulation fixes the day count, the rounding of installments or where a
// cent residue goes; they are contract choices. This package implements the
// library's defaults and the options a server needs to match its own contracts.
//
// # Notation
//
// P principal, i monthly rate as a fraction (MonthlyRate.Fraction; the API
// speaks percent per month), a annual rate as a fraction (AnnualRate), n
// installment count, g the grace (interest-only installments), d0 release
// date, t_k the interest time of installment k from d0, B_k the balance after
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
// clamped, and, following the convention literally, that date's
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
// t_k is measured from d0 to installment k's NOMINAL date (Business252 aside,
// below). Rolling a due date
// to the next business day never changes what is owed: [Lei 7.089/1983] lets an
// obligation due on a non-business day be paid on the next business day without
// charges. So the rolled date labels the payment and the nominal date prices it.
//
//	MonthlyProRata (default, "monthly")  t_k = m + r/30 months, m = the largest m with d0.AddMonths(m) ≤ nominal_k,
//	                                     r = calendar days from d0.AddMonths(m) to nominal_k (0 ≤ r ≤ 30)
//	Periodic ("periodic")                t_k = k months, the textbook table (BCB Calculadora do Cidadão)
//	DailyProRata ("daily")               t_k = calendar days from d0 to nominal_k / 30 months
//	Actual365 ("actual365")              t_k = calendar days from d0 to nominal_k / 365 years ("base 365 dias corridos")
//	Business252 ("business252")          t_k = business days in [d0, d_k) / 252 years (DU/252), d_k the
//	                                     due date, on Terms.Calendar (ANBIMA's by default)
//
// Monthly pro rata reproduces the classic table when d0 falls on the anchor day
// (then t_k = k) and charges an irregular first period pro rata. Every t_k is a
// whole number T_k of its day count's unit — thirtieths of a month for the
// first three, calendar days for Actual365, business days for Business252
// (DayCount.UnitsPerYear: 360, 365, 252) — and Plan.InterestTime and each row's
// InterestTime return T_k. Compounding is exponential: a period of t months
// grows by (1+i)^t, a period of t years by (1+a)^t, and a monthly rate over
// years or an annual rate over months converts by 1 + a = (1+i)^12 (a monthly
// rate on Actual365 grows by (1+i)^(12·days/365)). Business252 is the one
// day count measured to the due date, since business days are defined on it;
// it counts the release day and not the due date, ANBIMA's convention, so
// under Following a nominal date on a weekend counts the same as its due date
// and rolling forward changes nothing owed, as for the other day counts (a
// backward roll, by contrast, shortens the period by the days it moves back).
//
// # Rates
//
// A contract states its rate per month (Terms.Rate, MonthlyRate, the API's
// interest_rate) or per year (Terms.AnnualRate, AnnualRate, 0 % to 409,500 %
// a.a., the equivalent of 100 % a.m.); never both (invalid_format on
// annual_interest_rate). The schedule computes with the rate as stated, every
// factor exact: an annual rate is never rounded to a monthly one. For display,
// Plan.Rate is the monthly rate (for a rate per year its equivalent
// (1+a)^(1/12) − 1, rounded half-up to 10 places of percent,
// AnnualRate.Monthly) and Plan.AnnualRate the annual one ((1+i)^12 − 1, the
// same rounding, MonthlyRate.Annual); Plan.RatePerYear says which is exact.
// The API's interest_rate stays monthly.
//
// # The table
//
// With (1+i)^t read as the growth over the interest time t (above):
//
//	interest_k  = half-up( B_{k−1} · ((1+i)^(t_k − t_{k−1}) − 1) ),  t_0 = 0, B_0 = P
//
//	grace, k ≤ g:  principal_k = 0,  payment_k = interest_k,  B_k = P
//
//	Price, k > g:  PMT = half-up( P / Σ_{k=g+1..n} (1+i)^(−(t_k − t_g)) )      (i = 0: half-up(P/(n−g)))
//	               principal_k = PMT − interest_k,  payment_k = PMT,  B_k = B_{k−1} − principal_k   (k < n)
//	               principal_n = B_{n−1},  payment_n = principal_n + interest_n,  B_n = 0
//
//	SAC, k > g:    A = ⌈P / (n − g)⌉ cents,  principal_k = A (k < n),  principal_n = B_{n−1} ≤ A
//	               payment_k = principal_k + interest_k,  PMT = payment_{g+1}
//
// With Periodic time and no grace PMT is the textbook P·i / (1 − (1+i)^−n).
// The last row absorbs every rounding residue, so the balance ends at exactly
// 0.00 and the principals sum to P exactly; a Price table's last payment can
// differ from PMT by a few cents either way. totals: Σ payment = P + Σ interest.
//
// Interest-only grace (carência com juros pagos, Terms.Grace = g, 0 ≤ g < n):
// the first g installments pay exactly the interest of their period, so the
// balance stays at P and the Price installment is that of P over the n − g
// installments left, discounted from the end of the grace. (The other kind of
// grace, interest capitalized, is a later first due date: a long first
// period.) A grace installment whose interest rounds to 0.00 (any at 0 %) is
// no installment, and the terms are refused (ErrInstallmentRoundsToZero).
//
// SAC (sistema de amortização constante, Terms.Amortization = SAC): the same
// amortization every month, interest on the balance, so installments fall.
// The amortization is P/(n − g) rounded UP to the cent and the last row takes
// what is left, at most A: rounding down would leave the residue (up to n − g
// − 1 cents) in the last row and make it larger than the one before at low
// rates, where SAC promises installments that never increase (on regular
// periods; a 31-day month after a 28-day one can charge more interest on a
// smaller balance). When A rounded up pays P off before the last row (P below
// about (n − g)² cents) the terms are refused (ErrResidueExhaustsBalance). The
// installment of a SAC schedule (Schedule.InstallmentCents, the API's
// installments_value) is the first amortizing one, payment_{g+1}: the largest
// whenever periods do not lengthen.
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
// Money is rounded half-up to cents (commercial rounding) in
// exactly two places: PMT, and each row's interest. Everything else is exact
// integer arithmetic in cents. A value exactly halfway between two cents goes up:
// 1000.20 × 2.5 % = 25.005 → 25.01. Such ties are common whenever the factor is
// rational (whole-month periods), so ties are decided exactly, never by a float.
//
// # Exactness
//
// Every factor is an integer power of ρ = (1+r)^(1/D), r the rate as stated and
// D = 30 for a monthly rate on a month-based day count (360 for an annual one;
// 365 on Actual365, with exponent 12·days for a monthly rate; 21 or 252 on
// Business252), and 1+r is an exact fraction (denominator 10^12; see
// MonthlyRate, AnnualRate). Each rounded value is computed
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
//     package proves which case holds from the rate (exact.go): ρ^e is rational
//     exactly when 1+r is a perfect (D/gcd(e,D))-th power, so 21 % (1.21 = 1.1²)
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
//	Roll, DayCount, Amortization among constants   invalid_format, roll / day_count / amortization
//	first-period bound 0 … 366                     invalid_due_date, first_period_max_days
//	grace 0 … n − 1                                value_out_of_range, grace
//	Rate and AnnualRate both given                 invalid_format, annual_interest_rate (apierr.ErrDuplicate)
//	annual rate 0 % … 409,500 % a.a., ≤ 10 places  rate_out_of_range / invalid_format, annual_interest_rate
//	                                               (checked when the AnnualRate is made)
//	a count not above the grace (Plan)             installments_out_of_range, installment_count
//
// No input panics.
//
// # Zero values
//
// Terms: zero FirstDue = d0 + 1 month; nil Calendar = calendar.Brazil(); zero
// Roll = Following; zero DayCount = MonthlyProRata; zero FirstPeriodMaxDays =
// 180; zero Rate = 0 % a.m.; zero AnnualRate = the rate is Rate; zero Grace =
// none; zero Amortization = Price. Principal, Installments and Release have no
// default. The zero AnnualRate is 0 % a.a.
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
// percent per month, as the API carries it), annual_interest_rate (percent per
// year), rate_per ("month" or "year": which of the two is the contract's),
// day_count, roll, release_date, installment_count, grace, amortization,
// installment, total_payments, total_interest, total_principal and rows; a Row
// to number, nominal_date, due_date, interest_time (T_k, an integer of the day
// count's units), payment, interest, principal, balance. Money is a string in the wire format "1234.56"
// (a negative principal, from negative amortization, has a leading '-'); dates
// are "YYYY-MM-DD".
//
// # Solving for the missing term
//
// The Banco Central's Calculadora do Cidadão ("Financiamento com prestações
// fixas") and spreadsheets (PV, RATE, NPER) take three of {count, rate,
// installment, principal} and return the fourth; so does this package, on any
// terms it builds (every day count, either rate basis, grace, SAC):
//
//   - SolveAmount (Plan.AmountCents on a ready plan): the largest principal, to
//     the cent, whose installment does not exceed X — one cent more exceeds it
//     — and, for Price, the present value of the installments, X·Σ(1+i)^(−t_k)
//     half-up, which the calculator calls the financed value (24 × 935.00 at
//     1.99 % a.m.: 17,704.57; the largest principal is 17,704.66, a few cents
//     above, because the installment is rounded).
//   - SolveRate: the monthly rate i ≥ 0 at which the unrounded installment is
//     X, in float64 with |PV error| ≤ 10^−9·P, and its 6-decimal display (42 ×
//     679.30 on 25,000.00: 0.629862 % a.m.); a typed error when no rate from 0
//     to 100 % a.m. gives it (X·(n − g) < P, for one).
//   - SolveCount: the fractional NPER of the textbook table and the smallest
//     whole count whose installment does not exceed X.
//
// Every read they make of an installment is InstallmentCents's, exact, so the
// answers are exact to the cent however the search reaches them; their
// documentation gives each one's worst case. The solvers live here, not in a
// package of their own, because they need the plan's exact arithmetic (the
// installment and the present value decided at half-cent ties) that the
// package does not export; the solve of a whole simulation (fees, IOF,
// charges mode) composes these with the IOF and lives in package simulation,
// which is where those are composed.
//
// # For a booked loan
//
// A schedule carries what servicing (payoff, late charges, prepayment) needs
// to continue the contract: each row's nominal and due dates, payment,
// interest, principal, balance and interest time T_k (CentsRow.InterestTime);
// the plan's day count (DayCount, with UnitsPerYear), rate and its basis
// (Rate, AnnualRate, RatePerYear), calendar, grace and amortization; and
// Plan.InterestTimeOn, which measures any date (a settlement date t_s) as the
// rows are measured. The growth from T_s to T_k is (1+i)^(12·(T_k −
// T_s)/UnitsPerYear) for a rate per month, (1+a)^((T_k − T_s)/UnitsPerYear) for
// one per year.
//
// # Concurrency
//
// MonthlyRate, AnnualRate, DayCount, Amortization, Terms, Row, CentsRow and the
// solutions are values. A *Plan and a
// *Schedule are immutable once returned and safe for concurrent use by any
// number of goroutines. The package has no mutable global state and never
// reads the clock.
//
// [Lei 7.089/1983]: https://www.planalto.gov.br/ccivil_03/leis/l7089.htm
package schedule

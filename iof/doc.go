// Package iof computes the IOF (Imposto sobre Operações Financeiras) on credit
// operations: the tax a lender withholds when it releases a loan with a defined
// principal repaid in installments, by the borrower's class and the release date,
// the principal of a loan whose IOF and fees are financed, and the complementary
// IOF on the days an installment is paid late.
//
// # The law
//
// [Decreto 6.306/2007] (the Regulamento do IOF), art. 7:
//
//   - I, b: on a loan whose principal is defined, the base is the principal put at
//     the borrower's disposal or, when there is more than one payment, the
//     principal of each installment; the rate is a daily rate, for a company
//     (pessoa jurídica, item 1) or an individual (pessoa física, item 2).
//     (I, a, revolving credit taxed on daily balances, is not this package's.)
//   - VI: a company under the Simples Nacional ([Lei Complementar 123/2006]) whose
//     operation is of R$ 30,000.00 or less pays a reduced daily rate.
//   - §1: the IOF computed on principal amounts, not on daily balances, never
//     exceeds the daily rate times 365 days on each amount: each installment pays
//     for min(days, 365) days.
//   - §15: an additional rate of 0.38 % on the operation, whatever its term and
//     whether the borrower is an individual or a company.
//
// Instrução Normativa RFB 1.969/2020, art. 3: for an operation paid in
// installments the base of art. 7, I, b follows the amortization system agreed in
// the contract; under the Price table (the schedule package) it is each
// installment's amortization, as in the Receita's 1997 worked example. Art. 2: the
// tax is computed by the time the money stays at the borrower's disposal, here
// from the release date to each due date.
//
// An MEI (microempreendedor individual) is a Simples Nacional company (LC
// 123/2006, art. 18-A, the SIMEI) and pays the Simples rates, except where a
// decree sets its own ([Decreto 12.466/2025] kept its additional rate at 0.38 %).
//
// # Formula
//
// With d0 the release date, d_k installment k's due date, A_k its amortization
// in cents, P the principal in cents, and the applied class's daily and
// additional rates as fractions:
//
//	daily part      = half-up( Σ_k max(A_k, 0) × daily × min(d_k − d0, 365) )
//	additional part = half-up( P × additional )
//	IOF             = daily part + additional part
//
// A negative amortization (a long first period whose interest exceeds the
// installment, so the balance grows) counts as zero; the rows that repay it
// carry it in their own amortizations. Due dates are the rolled ones (the days
// money moves), need not be in order, and each must be strictly after d0.
//
// # Classes and the R$ 30,000.00 threshold
//
// Class is Individual ("pf"), Company ("pj"), Simples ("simples") or MEI
// ("mei"); its zero value is no class, an error. The reduced Simples and MEI
// rates apply only when the principal P, the contract principal including any
// financed fees and IOF, is at most ReducedRateLimit (R$ 30,000.00); above it
// the Company rates apply to the whole operation, not to the excess. Result
// reports both the class given (Class) and the class applied (Applied).
//
// # Rates
//
// By release date (the taxable event is the release of the money), percent a day
// + percent once; Simples and MEI for P ≤ R$ 30,000.00:
//
//	from        to          pf               pj              simples          mei              source
//	2012-05-23  2015-01-21  0.0041 + 0.38    0.0041 + 0.38   0.00137 + 0.38   0.00137 + 0.38   Decreto 7.726/2012
//	2015-01-22  2020-04-02  0.0082 + 0.38    0.0041 + 0.38   0.00137 + 0.38   0.00137 + 0.38   Decreto 8.392/2015
//	2020-04-03  2020-11-26  0 + 0            0 + 0           0 + 0            0 + 0            Decretos 10.305, 10.414, 10.504 and 10.551/2020
//	2020-11-27  2020-12-14  0.0082 + 0.38    0.0041 + 0.38   0.00137 + 0.38   0.00137 + 0.38   Decreto 8.392/2015
//	2020-12-15  2020-12-31  0 + 0            0 + 0           0 + 0            0 + 0            Decreto 10.572/2020
//	2021-01-01  2021-09-19  0.0082 + 0.38    0.0041 + 0.38   0.00137 + 0.38   0.00137 + 0.38   Decreto 8.392/2015
//	2021-09-20  2021-12-31  0.01118 + 0.38   0.00559 + 0.38  0.00137 + 0.38   0.00137 + 0.38   Decreto 10.797/2021
//	2022-01-01  2025-05-22  0.0082 + 0.38    0.0041 + 0.38   0.00137 + 0.38   0.00137 + 0.38   Decreto 8.392/2015
//	2025-05-23  2025-06-10  0.0082 + 0.38    0.0082 + 0.95   0.00274 + 0.95   0.00274 + 0.38   Decreto 12.466/2025
//	2025-06-11  2025-06-26  0.0082 + 0.38    0.0082 + 0.38   0.00274 + 0.38   0.00274 + 0.38   Decreto 12.499/2025
//	2025-06-27  2025-07-15  0.0082 + 0.38    0.0041 + 0.38   0.00137 + 0.38   0.00137 + 0.38   Decreto Legislativo 176/2025
//	2025-07-16  (open)      0.0082 + 0.38    0.0082 + 0.38   0.00274 + 0.38   0.00274 + 0.38   Decreto 12.499/2025 (STF, ADC 96)
//
// The zero-rate rows zero the additional rate too. The table is one array in
// table.go, each row citing its source; a new decree is one appended row, the
// previous row ending the day before. Regimes returns it, RegimeOn finds the row
// of a release date and Regime.Rates reads a class's rates, so a server can show
// its work; Result carries the same (Basis). A release date before 2012-05-23
// (First) is an error: the library does not hold older rates.
//
// Where the table's dates come from, and what it does not model:
//
//   - The table starts with the regime Decreto 8.392/2015 replaced: [Decreto
//     7.726/2012], dated 2012-05-21 and published in the Diário Oficial of
//     2012-05-22, cut the individual's daily rate from 0.0068 % to 0.0041 % for
//     operations from 2012-05-23 (the day after publication, as the measure was
//     announced and reported); the company rate (0.0041 %), the Simples rate
//     (0.00137 %) and the additional 0.38 % stood as Decreto 6.306/2007 and Decreto
//     6.339/2008 had set them. Older regimes (0.0068 % from Decreto 7.632/2011,
//     0.0082 % from Decreto 7.458/2011 …) are not held.
//   - [Decreto 8.392/2015] is dated 2015-01-20 and was published on 2015-01-21;
//     its 0.0082 % for individuals applies from 2015-01-22, so releases on
//     2015-01-20 and 2015-01-21 still pay 0.0041 %.
//   - The 2020 zero-rate decrees (10.305, 10.414, 10.504, 10.551 and 10.572/2020)
//     apply to operations contracted within their windows; the library keys every
//     regime on the release date, which for the API's loans is the day the
//     contract takes effect.
//   - [Decreto 12.499/2025] was published in an extra edition of the Diário Oficial
//     on 2025-06-11; some sources apply it from 2025-06-12. The table applies it
//     from 2025-06-11.
//   - The STF ([ADC 96]) restored Decreto 12.499/2025 on 2025-07-16 with effect from
//     its issue (ex tunc), so in law its rates also cover 2025-06-27 to 2025-07-15,
//     while [Decreto Legislativo 176/2025] had it suspended; the Receita Federal
//     waived collecting the difference for that window. The table keeps the rates
//     collected then (the suspended regime's).
//
// Rates are exact: a Rate counts 10⁻⁸ percent in an int64 (0.0082 % is 820,000),
// written in the table as the decrees write them and checked at compile time to
// be exact. No rate is ever a float. A Rate prints and marshals in percent
// ("0.0082%" from String, 0.0082 in JSON and text; AppendText appends the text
// form to a buffer without allocating) and ParseRate reads the text form back,
// exactly, refusing more than 8 decimal places rather than rounding.
//
// # Rounding and arithmetic
//
// Each part is rounded half-up to cents on its own (docs/lending-math.md §5: a value
// exactly halfway goes up, so 20.5 cents is 21); the IOF is the sum of the two
// rounded parts. Everything is integer arithmetic on cents: the daily base in
// cent-days in 128 bits, times the rate in a 192-bit product, divided exactly
// (math/bits). Compute takes decimals and converts them to cents exactly (an
// amount with a fraction of a cent is refused, never rounded); ComputeCents takes
// cents and ComputeSchedule reads a schedule's cents, neither allocating.
//
// Bounds: P from 0.01 to MaxPrincipalCents (R$ 1,000,000,000.00), 1 to
// MaxInstallments (420) installments, each amortization within
// ±MaxAmortizationCents; the amortizations must add up to P exactly (a typed
// error otherwise: the function does not trust its caller's arithmetic).
//
// # Financed charges
//
// When the fees and the IOF are financed (docs/lending-math.md §9, "financed"), the
// customer receives the requested amount R and the principal P covers
// everything: Financed returns the smallest P, to the cent, whose net
//
//	N(P) = P − fees − IOF(P) ≥ R,
//
// where IOF(P) is the IOF of the plan's Price table of P (the schedule is rebuilt
// for every candidate: amortizations, hence the daily part, move with P). N(P)
// is nearly linear, P·(1 − r) − fees with r the IOF rate of the schedule, but not
// monotone: a cent more of principal can move a cent of amortization between
// installments and change either rounded part either way.
//
// Algorithm. (1) No P below R + fees qualifies, since the IOF is never negative.
// The reference is the first principal from R + fees whose schedule the schedule
// package accepts (it tries n + 2; on ill-conditioned terms it refuses some
// principals as too small for cent precision and accepts their neighbours).
// (2) The reference's schedule proves a lower bound S(P) ≥ max(0, σ·P − dev) on
// the daily base of every schedule of the plan (below), hence an upper bound on
// N(P): the additional part exactly, the daily part at its least. Solving that
// bound linearly gives the start, the linear estimate (R + fees)/(1 − r) lowered
// by the bound's error, below which no P qualifies. (3) From the start,
// principals are examined in increasing order: one whose upper bound falls short
// is skipped without building its schedule, one the schedule package refuses is
// no contract and is skipped, the others are built and their IOF computed; the
// first with N(P) ≥ R is the answer. (4) After a principal p falls short, the
// search jumps: every principal q > p with the same installment has
// IOF(q) ≥ IOF(p) (below), so N(q) ≤ q − fees − IOF(p) < R for every such q below
// R + fees + IOF(p). The next principal examined is R + fees + IOF(p), or, if it
// comes first, the first principal above p with a larger installment, found by
// bisection on schedule.Plan.InstallmentCents (O(1) a read; the installment never
// decreases as P grows). The answer is the smallest: every P below it is below
// the start, skipped by the bound, refused, examined, or jumped over by (4).
//
// The bound. With e_k = B_k − B*_k the difference between the rounded balance and
// the exact one (a linear function of P), e_0 = 0 and e_k = e_{k−1}·(1 + g_k) +
// ρ_k − π, where g_k is row k's interest factor, ρ_k the rounding of its interest
// and π that of the installment, both at most half a cent; so |e_k| ≤ E_k =
// (1 + g_k)·E_{k−1} + 1, with g_k bounded from the reference row's interest.
// Each amortization is A_k = α_k·P + δ_k, δ_k = e_{k−1} − e_k (δ_n = e_{n−1}),
// and by summation by parts Σ δ_k·w_k = Σ_{k<n} e_k·(w_{k+1} − w_k) with w_k =
// min(d_k − d0, 365): only the rows before the 365-day cap contribute, so the
// base of a schedule is linear in P up to a few hundred cent-days on ordinary
// terms. Negative amortizations are handled by leaving their rows out of the sum
// (max(A, 0) ≥ A, and ≥ 0), each at the cost of its own |δ_k|. The slope is
// taken from the reference itself. This relies on the Price table rounding
// exactly as docs/lending-math.md §3 says (once the installment, then each row's
// interest, the last row absorbing the residue), which the schedule package
// guarantees.
//
// The jump. Fix the plan (due dates, interest factors g_k ≥ 0) and an installment
// m. For k < n the balances follow B_0 = P, B_k = B_{k−1} + half-up(B_{k−1}·g_k) −
// m, and each B_k is a nondecreasing function of B_{k−1}, hence of P. The daily
// base is S = Σ_k max(A_k, 0)·w_k = Σ_k A_k·w_k + Σ_k max(−A_k, 0)·w_k, where
//
//	Σ_k A_k·w_k = P·w_1 + Σ_{k<n} B_k·(w_{k+1} − w_k)   (summation by parts, B_n = 0)
//
// is nondecreasing in P when the weights are, that is when the due dates are in
// order (checked on the reference; otherwise the search does not jump), and
// max(−A_k, 0) = max(half-up(B_{k−1}·g_k) − m, 0) is nondecreasing for k < n,
// while A_n = B_{n−1} > 0 in every schedule the schedule package accepts. So S,
// the daily part half-up(daily·S) and the additional part half-up(additional·P)
// never fall as P grows with the same installment, and within one region of the
// R$ 30,000.00 rule the rates are fixed. Across a change of installment nothing
// of the kind holds: one more cent of installment lowers every later balance by
// that cent compounded, which is what makes the IOF of long terms at high rates
// jump (below).
//
// Cost. On the terms of real loans, (1+i)^n up to 100 (10 % a.m. over 48
// months, 2 % over 232, 1 % over 420), the search builds 2 schedules (the
// reference and the answer) in most cases and 3 in about one in eight (a test
// over 30,000 such terms holds the mean to 2.5 and the worst to 8; measured:
// 2.13 and 5). The bound widens with the rows it cannot telescope, the months of
// negative amortization, each by its own rounding error, which compounds like
// (1+i)^k: a loan released on the 29th to 31st alternates short and long months
// and, at high rates over long terms, has many of them. There the IOF itself
// jumps: at 3 % a.m. over 400 months released on 2015-01-29, each cent added to
// the installment lowers the IOF by about R$ 22, and within one installment
// value it climbs back, a sawtooth of ±R$ 13 over the principals; the search
// examines about one principal per installment value
// across the band the bound leaves (measured, R$ 10,000,000.00 requested,
// released on 2015-01-29 to 31: 3 % over 240 months 4 to 11 schedules; 2 % over
// 360, 4 to 8; 3 % over 360, 15 to 41; 3 % over 400 and 420, 22 to 224, under
// 3 ms; released on the 20th, 2 or 3). On a grid of rates from 1 % to 20 % a.m.,
// 120 to 420 months, release days 14 and 28 to 31, monthly and daily pro rata and
// R$ 100,000.00 to R$ 900,000,000.00 requested, every search where
// (1+i)^n < 10⁷ settled (or found requested + fees too small for cent precision
// over the terms), the worst building 6 schedules where (1+i)^n < 10³, 14
// (2 ms) below 10⁴, 396 (3 ms) below 10⁵, 2,689 (18 ms) below 10⁶ and 10,241
// (53 ms, most of them refused as too small for cent precision) below 10⁷, on a
// 2-core machine; on random terms, some daily pro rata loans over 410 months
// with (1+i)^n between 10⁶ and 10⁷ did not. Past that (20 % a.m. over 90
// months, 5 % over 330) the band holds tens of thousands of installment values
// and most principals are refused: a third of the grid's searches settled (up
// to 0.4 s), the others gave up with ErrUnsettled once 8,192 schedules had been
// accepted or 32,768 refused, or 2²² principals considered (up to 0.73 s),
// rather than run on.
//
// The bound. Financed and FinancedCents therefore refuse, in O(1) and before any
// search, every count whose growth (1+i)^t over the term (schedule.Plan.Growth)
// exceeds MaxGrowth, 10⁴: installments_out_of_range with ErrIllConditioned.
// Below it, with the plan's exact sums computed once per count, the worst search
// measured on the grid above (and R$ 1.00 to R$ 1,000,000,000.00 requested, both
// sides of R$ 30,000.00) takes about 1 ms, the slowest of them benchmarked in
// bench/ (BenchmarkWorstFinanced); the cost of one search is at most 14
// schedules of n rows and their IOF, so O(n).
//
// Grace and SAC. The plan may carry an interest-only grace or SAC
// (schedule.Terms.Grace, Amortization); the search only reads the plan's
// tables and installments, and both proofs hold. Grace rows amortize nothing
// (A_k = 0, e_k = 0) and leave the balance at P, from which the Price
// recursion above starts. In a SAC table A_k = ⌈P/m⌉ for k < n, so e_k =
// −(k − g)·(⌈P/m⌉ − P/m) lies within k ≤ E_k and each δ_k within 1 ≤ ε_k: the
// bound stands. For the jump, SAC's installment is its first amortizing
// payment ⌈P/m⌉ + half-up(P·g_{g+1}), so principals with the same installment
// share ⌈P/m⌉ (one more cent of it would raise the installment), every
// amortization but the last is that constant and the last, P − (m−1)·⌈P/m⌉,
// grows with P: the daily base never falls. No SAC or grace row amortizes
// negatively.
//
// The threshold. For Simples and MEI the principals up to R$ 30,000.00 (reduced
// rates) and those above (company rates, on the whole operation) are searched as
// two regions, the reduced one first, so the answer is the smallest overall.
// Financing can push P over the threshold, where the net drops (29,803.80 to
// receive takes P = 30,000.00 at the reduced rates on a 100-day bullet loan; one
// cent more to receive takes P = 30,165.80 at the company rates), and a requested
// amount just below the threshold can have its answer just above it.
//
// The net. When the IOF does not fall from P − 1 to P the net is exactly R
// (N(P − 1) < R and N rises by at most a cent); when a rounding makes it fall,
// the net exceeds R by that fall, one cent in practice ("or one cent above where
// no principal gives R exactly", docs/lending-math.md §9). It can exceed R by more
// only when the principals just below P are refused by the schedule package (cent
// installments) or where the IOF jumps as above: R$ 0.59 at 3 % a.m. over 400
// months released on 2015-01-29 for an individual, R$ 0.61 over 420 months released
// on the 30th (both checked by TestFinancedLongHighRate against a brute-force scan),
// because no principal of the band nets less than that above R.
//
// P stays within the schedule's bounds: R from R$ 1.00, R + fees and the answer
// at most MaxPrincipalCents, or a typed error.
//
// # Errors
//
// Every error is a *apierr.Error (errors.As for Code, Param and Detail;
// errors.Is with the Code or the reason):
//
//	code                       param              reason               when
//	missing_required_field     borrower_class     apierr.ErrEmpty  the zero Class
//	invalid_format             borrower_class     ErrUnknownClass      a Class or text that is not pf, pj, simples, mei
//	                                              apierr.ErrEmpty  ParseClass("")
//	missing_required_field     release_date       apierr.ErrEmpty  the zero release date
//	date_out_of_range          release_date       apierr.ErrRange  a release date before 2012-05-23
//	missing_required_field     due_date, to       apierr.ErrEmpty  Complementary: a zero due date or end of delay
//	invalid_due_date           from, to           —                Complementary: a delay starting before the due date, or ending before it starts
//	amount_out_of_range        principal          apierr.ErrRange  P outside 0.01 … 1,000,000,000.00
//	invalid_format             principal          apierr.ErrPrecision  a decimal P with a fraction of a cent
//	installments_out_of_range  installment_count  apierr.ErrRange  no installments, or more than 420
//	invalid_due_date           due_date           ErrNotAfterRelease   a due date on or before the release date
//	invalid_format             amortization       apierr.ErrPrecision  a decimal amortization with a fraction of a cent
//	amount_out_of_range        amortization       apierr.ErrRange  an amortization beyond ±MaxAmortizationCents
//	amount_out_of_range        amortization       ErrUnbalanced        amortizations that do not add up to P
//	missing_required_field     schedule           apierr.ErrEmpty  a nil or zero Schedule or Plan
//	amount_out_of_range        requested_amount   apierr.ErrRange  R outside 1.00 … 1,000,000,000.00; a principal above the maximum needed
//	amount_out_of_range        requested_amount   ErrUnsettled         Financed gave up (see Cost; only where (1+i)^n ≳ 10⁶, so no longer reachable past the bound)
//	installments_out_of_range  installment_count  ErrIllConditioned    Financed: (1+i)^t over the term above MaxGrowth (10⁴), refused in O(1)
//	installments_out_of_range  installment_count  apierr.ErrRange      Financed: a count outside 1 … the plan's MaxInstallments
//	amount_out_of_range        fees_amount        apierr.ErrRange  negative fees, or above the maximum
//	invalid_format             requested_amount, fees_amount  apierr.ErrPrecision  a decimal with a fraction of a cent
//	invalid_format             rate               apierr.ErrSyntax, ErrCharacter, ErrPrecision  ParseRate of other text
//	rate_out_of_range          rate               apierr.ErrRange  ParseRate above 100
//
// Financed also passes on the schedule package's errors for the plan's count
// (installments_out_of_range) and for requested + fees too small for cent
// precision over it (amount_out_of_range on principal, reasons
// schedule.ErrInstallmentRoundsToZero, ErrResidueExhaustsBalance and
// ErrResidueExceedsInstallment).
// Param names are the API's wire names where it has one; "principal",
// "due_date", "amortization" and "schedule" are the library's, and a server
// relabels them with (*apierr.Error).WithParam where its request names the
// field differently.
//
// # Complementary IOF
//
// An installment not paid on its due date keeps its principal at the borrower's
// disposal for longer, and the days past the due date are taxed too (the IOF
// complementar of art. 7, §§ 2 and 3, in the procedure of Instrução Normativa RFB
// 1.969/2020): at the daily rate of the operation's own regime and applied class
// (the rates of its release date, not of the payment's), on the amortization still
// unpaid, for the days of delay that fit under the 365-day cap of §1:
//
//	IOF = half-up( A_u × daily × (min(D + E, 365) − min(D, 365)) )
//
// with A_u the unpaid amortization in cents, D the days from the release to the
// due date and E the days from the due date to the payment. An installment due
// 365 days or more after the release was taxed for the whole cap at origination
// and owes none. There is no additional part (the 0.38 % is charged once).
// Complementary computes it for any interval of delay (Delay.From, Delay.To), so a
// servicer charging it at each partial payment taxes each day once.
//
// # Out of scope
//
// Revolving credit (art. 7, I, a), discounts, renegotiation (novação,
// consolidação), and the IOF on exchange, insurance and securities.
//
// # Zero values and concurrency
//
// The zero Class is no class; the zero Rate is 0 %; the zero Rates are no tax;
// the zero Regime covers no dates;
// the zero Result and the zero Financing hold no amounts. Classes, Rates,
// Regimes, Results and Financings are values. The rate table is built once when
// the package loads and never changes; the package has no other state and never
// reads the clock, and every function is safe for concurrent use.
//
// [Decreto 6.306/2007]: https://www.planalto.gov.br/ccivil_03/_ato2007-2010/2007/decreto/d6306.htm
// [Decreto 7.726/2012]: https://www.planalto.gov.br/ccivil_03/_ato2011-2014/2012/decreto/d7726.htm
// [Decreto 8.392/2015]: https://www.planalto.gov.br/ccivil_03/_ato2015-2018/2015/decreto/d8392.htm
// [Decreto 12.466/2025]: https://www.planalto.gov.br/ccivil_03/_ato2023-2026/2025/decreto/D12466.htm
// [Decreto 12.499/2025]: https://www.planalto.gov.br/ccivil_03/_ato2023-2026/2025/decreto/d12499.htm
// [Decreto Legislativo 176/2025]: https://www2.camara.leg.br/legin/fed/decleg/2025/decretolegislativo-176-26-junho-2025-797660-norma-pl.html
// [ADC 96]: https://portal.stf.jus.br/processos/detalhe.asp?incidente=7303647
// [Lei Complementar 123/2006]: https://www.planalto.gov.br/ccivil_03/leis/lcp/lcp123.htm
package iof

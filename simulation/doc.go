// Package simulation computes the API's loan simulation (POST
// /credit-offers/{id}/simulations, docs/api.md §5.2): given a credit
// offer, a request (requested_amount, installment_count) and the options the
// API leaves to the lender, it returns every field of the API's response,
// exact to the cent, plus the schedule, the principal, the annual interest
// rate, the monthly CET and the IOF split. It composes the schedule (Price
// table), iof (tax and the financed-charges solve) and cet (rate solve)
// packages; it re-implements none of their math.
//
// The conventions are those of docs/lending-math.md; section numbers (§) below refer
// to it.
//
// # Entry points
//
//	Simulate(offer, request, options)   one simulation
//	Grid(offer, requested, options)     every count the offer allows, for one amount
//	SimulateInstallment(offer, installment, count, options)
//	                                    the largest amount whose installments_value fits
//	ParseRequest(amount, count)         a request from the wire ("25000.00")
//	(*Simulation).MarshalJSON           the API's response body (+ the breakdown)
//	(*Simulation).UnmarshalJSON         reads it back, checked
//	(*Simulation).WithID                sets the id a server mints
//
// # How a simulation is computed
//
// Notation: R requested_amount, n installment_count, i the offer's monthly rate
// (interest_rate / 100), d0 the release date, P the principal the schedule
// amortizes, all money in cents.
//
//	fees_amount          = fee_fixed + half-up(R × fee_percent / 100)                  §7
//	P                    = R                                   (charges deducted)       §9
//	                     = smallest P with P − fees − IOF(P) ≥ R (charges financed,
//	                       iof.Financed)                                                §9
//	schedule             = the Price table of P over n at i from d0 (schedule.New):
//	                       due dates, PMT, interest_k, principal_k, balance_k          §1–3
//	iof_amount           = daily + additional, each half-up to cents, on the
//	                       schedule's amortizations and rolled due dates
//	                       (iof.ComputeSchedule; rates by d0 and class, the
//	                       R$ 30,000.00 rule on P)                                      §8
//	amount               = P − fees_amount − iof_amount  (net to the customer; > 0)     §9
//	interest_amount      = Σ interest_k                                                 §3
//	total_loan_amount    = Σ payment_k = amount + interest_amount + fees_amount
//	                       + iof_amount, exactly                                       §9
//	installments_value   = PMT (the last installment absorbs the residue)              §3
//	first_due_date       = d_1, installment 1's rolled due date                         §1
//	number_of_installments = n
//	interest_percentage  = the offer's rate, % a.m., exactly as given                  §6
//	cet_percentage       = the annual CET of FC0 = amount against payment_k on d_k,
//	                       calendar days / 365 (cet.Solve), percent with 2 decimals,
//	                       NBR 5891                                                   §10
//
// and in the breakdown:
//
//	principal                   P
//	annual_interest_percentage  (1 + i)^12 − 1, percent, 2 decimals                     §3
//	cet_monthly_percentage      (1 + CET)^(1/12) − 1, percent, 2 decimals, NBR 5891    §10
//	iof                         daily and additional parts, the class given, the class
//	                            applied and its rates on d0
//	charges, release_date, day_count, roll, schedule (every row)
//
// # Contract modes
//
// Options carry the contract conventions beyond the API's defaults, all
// passed to the schedule package, which documents them: the day counts
// schedule.Actual365 and schedule.Business252 beside monthly, periodic and
// daily; a rate per year (Options.AnnualRate: the schedule runs on it, the
// offer's monthly InterestRate is not read, and interest_percentage is its
// monthly equivalent rounded half-up to 10 places, because the API's
// interest_rate stays monthly); an interest-only grace of g installments
// (Options.Grace); SAC (Options.Amortization), whose installments_value is the
// first amortizing installment, the largest. The IOF is computed on the
// schedule's own amortizations (grace rows amortize nothing and owe no daily
// IOF; iof.Financed's search and its proofs hold for these tables too: the
// package doc of iof says why) and the CET on every row's payment.
//
// # Solving for the amount
//
// SimulateInstallment answers "how much can I borrow paying at most X a month":
// the largest requested_amount within the offer's bounds whose whole
// simulation — fees, IOF, charges mode — has installments_value ≤ X, one cent
// more exceeding it. Deducted, that is the schedule's largest principal
// (schedule.Plan.AmountCents) clamped to approved_amount; financed, a gallop and
// bisection over the requested amount, one financed search a step, from an
// estimate a few cents off. Its doc gives the worst case. A typed error says
// when even min_amount does not fit (amount_out_of_range, installments_value,
// ErrNoRequestFits).
//
// # Charges modes (§9)
//
// Deducted (the default, the API's example): P = R, and the fees and the IOF
// are deducted from what is released: amount = R − fees − IOF. When they take
// it all (amount ≤ 0.00) the simulation fails with amount_out_of_range on
// requested_amount, reason ErrNoNetAmount, and a detail naming the fees and the
// IOF.
//
// Financed: the customer receives R; iof.FinancedCents finds the smallest P,
// to the cent, whose net P − fees − IOF(P) reaches R, rebuilding the table for
// each candidate on one schedule plan. amount is R, or a cent above where no
// principal gives R exactly. The R$ 30,000.00 threshold of the Simples and MEI
// rates is tested on that P, so financing can push an operation over it (the
// company rates then apply to all of it); iof handles it.
//
// The offer's approved_amount bounds the requested amount only, as the API
// says (requested_amount within [min_amount, approved_amount]); a financed P
// above approved_amount is accepted — it is the requested amount plus the
// charges on it — up to the library's R$ 1,000,000,000.00.
//
// # Request checks
//
// Simulate checks, in this order, and reports the first failure, each a
// *apierr.Error with the API's code and the offending param (Grid runs the
// same checks but the count's):
//
//  1. The offer itself (a server's data, checked so that no bad offer is
//     simulated): statemachine.Offer.Check, whose doc lists each field's code
//     and param (credit_offer_id, customer_id, status, valid_until,
//     approved_amount, min_amount, installments, min_installments,
//     max_installments, due_date_rule, fee_fixed, fee_percent, borrower_class).
//  2. The options: Now the zero time: missing_required_field, now; Now outside
//     the years 1 to 9999: date_out_of_range, now; Release the zero date:
//     missing_required_field, release_date; Charges not a mode: invalid_format,
//     charges.
//  3. The offer's state at Now: accepted: offer_already_accepted (409),
//     credit_offer_id; expired, or available with Now > valid_until:
//     offer_expired, credit_offer_id (at valid_until itself the offer is still
//     valid). Then the release: a Release before the São Paulo date of Now is
//     date_out_of_range, release_date — a simulation is never made for a release
//     that has passed, and a loan is never requested on one whose release has
//     (statemachine.RequestLoan, simulation_expired).
//  4. requested_amount: not whole cents: invalid_format (ParseRequest also
//     refuses text not in the wire format); below min_amount or above
//     approved_amount: amount_out_of_range, requested_amount, with a detail
//     such as "requested_amount 60000.00 is above approved_amount 50000.00".
//  5. installment_count not allowed by the offer (not its fixed count, or outside
//     its range): installments_out_of_range, installment_count (the library's
//     code, apierr.InstallmentsOutOfRange).
//  6. The computation, with the composed packages' errors: the first due date
//     not after the release or beyond the first-period bound: invalid_due_date,
//     first_due_date; an invalid roll or day count: invalid_format, roll |
//     day_count; dates past 9999-12-31: date_out_of_range; a release date
//     before the IOF table (2012-05-23, iof.First): date_out_of_range, release_date;
//     terms too small for cent precision (the schedule's reasons
//     schedule.ErrInstallmentRoundsToZero and the residue ones):
//     amount_out_of_range, requested_amount; a financed principal that cannot
//     be settled or exceeds the maximum: amount_out_of_range (iof's params);
//     deducted charges leaving no net: amount_out_of_range, requested_amount,
//     ErrNoNetAmount; a CET the solver cannot express (above 10^12 % a.a., from
//     a net of cents against reais of charges): rate_out_of_range,
//     cet_percentage, wrapping the *cet.Error.
//
// The library never reads the clock: Now (an instant, for the validity check)
// and Release (a civil date) are required inputs, and a zero value is reported
// as missing rather than replaced by the present.
//
// # IDs
//
// The library cannot mint IDs (it holds no randomness or storage). A simulation's
// credit_offer_id is Offer.ID as given (empty when the offer has none, as in the
// CLI); its id is empty until the server sets it with WithID, which checks that
// it is a sim_ ID and returns a copy. Both are always present in the JSON (as
// "" when unset), since the API marks every field required.
//
// # JSON
//
// MarshalJSON writes the API's fields first, in the contract's order and with
// its names and formats, then one extra key, "breakdown" (BreakdownKey), holding
// everything the library adds, so that no extra can collide with a present or
// future API field:
//
//	{"id", "credit_offer_id", "requested_amount", "amount", "interest_amount",
//	 "fees_amount", "iof_amount", "total_loan_amount", "interest_percentage",
//	 "cet_percentage", "number_of_installments", "installments_value",
//	 "first_due_date",
//	 "breakdown": {"principal", "charges", "annual_interest_percentage",
//	   "annual_interest_rate", "rate_per", "cet_monthly_percentage",
//	   "created_at", "release_date", "day_count", "roll", "grace", "amortization",
//	   "iof": {"daily_amount", "additional_amount", "borrower_class",
//	     "applied_class", "rates": {"daily", "additional"}},
//	   "schedule": [{"number", "nominal_date", "due_date", "interest_time",
//	     "payment", "interest", "principal", "balance"}, …]}}
//
// annual_interest_rate is the annual rate to 10 places (exact when rate_per is
// "year", else the monthly rate's equivalent); rate_per says which rate the
// contract states; interest_time is each row's T_k in the day count's units
// (schedule.CentsRow.InterestTime), what a booked loan accrues and discounts
// from.
//
// Money is a JSON string with exactly two decimals (money.AppendCents);
// interest_percentage is the offer's rate as an exact JSON number (2.5); the
// CET percentages and the annual rate are JSON numbers with at most two
// decimals, written in the shortest form that reads back as the same float64
// (48.56, never 48.559999…; 3.3); the IOF rates are exact JSON numbers of
// percent (0.0082); dates are "YYYY-MM-DD". Schedule rows are written by
// schedule.CentsRow.AppendJSON, exactly as schedule.Row marshals. UnmarshalJSON reads that shape back and checks it (every
// field present and well formed, and the invariants below), so
// Marshal → Unmarshal → Marshal is byte-identical and the values are equal. A
// simulation read from JSON carries its rows, not a schedule: JSON does not hold
// the calendar the schedule was rolled on.
//
// # Rounding
//
//	fees_amount                 half-up to cents of R × percent / 100 (exact, 128-bit)
//	installments_value (PMT)    half-up to cents (schedule)
//	interest_k                  half-up to cents per row (schedule); the last row absorbs
//	                            the residue, so Σ principal_k = P exactly
//	iof daily, additional       each half-up to cents (iof); iof_amount is their sum
//	amount, interest_amount,    exact sums and differences of the above: no rounding
//	total_loan_amount
//	cet_percentage,             2 decimals, ABNT NBR 5891 (ties to even), from the exact
//	cet_monthly_percentage      value of the float64 rate (cet.Rate.Percent)
//	annual_interest_percentage  2 decimals, to nearest, computed exactly; (1+i)^12 − 1
//	                            is never a tie (2·(10^12 + units)^12 has a power of 2 of
//	                            the form 1 + 12a, never the 141 an odd multiple of
//	                            10^140 needs), so NBR 5891 and half-up agree; a rate per
//	                            year is rounded to 2 decimals by NBR 5891 (ties to even)
//	interest_percentage         not rounded: the offer's rate as given; for a rate per
//	                            year its monthly equivalent, half-up to 10 places
//	annual_interest_rate        the annual rate as given, or the monthly rate's
//	                            equivalent half-up to 10 places
//
// # Invariants
//
// For every Simulation, exactly, in cents:
//
//	total_loan_amount = amount + interest_amount + fees_amount + iof_amount = Σ payment_k
//	principal         = amount + fees_amount + iof_amount = Σ principal_k
//	iof_amount        = daily + additional
//	amount            > 0
//
// # Zero values
//
// Offer: zero MinAmount/ApprovedAmount are out of range, the zero Status and
// BorrowerClass are errors, zero fees are no fees, zero InterestRate is 0 % a.m.
// (a valid interest-free offer). Options: zero Now and Release are missing;
// zero FirstDue is Release + 1 month; nil Calendar is calendar.Brazil(); zero
// Roll is Following; zero DayCount is monthly pro rata; zero Charges is
// Deducted; zero FirstPeriodMaxDays is 180; zero AnnualRate is the offer's
// monthly rate; zero Grace is none; zero Amortization is Price. The zero
// Simulation is not a simulation.
//
// # Concurrency
//
// Offer, Request, Options, Charges, IOFDetail, Cents and Term are values. A
// *Simulation is immutable once returned and safe for concurrent use; WithID
// returns a copy. Simulate and Grid hold no state and never read the clock;
// everything is safe for concurrent use.
//
// # Cost model
//
// Money is computed in int64 cents throughout; decimals are built only by the
// accessors that return them. Simulate makes four allocations on success with
// charges deducted (the schedule's three and the Simulation; the IOF and the
// CET allocate nothing, the CET's flows living on the stack up to 64
// installments) and about nine when financed (the plan, and a schedule per
// candidate principal, usually two). Grid builds one schedule plan (dates,
// interest times, discount factors) for the largest count, computes the fees
// and the days from the release to each due date once, and then spends on each
// count only its table (two allocations), its IOF and its CET solve, with the
// Simulations in one slice. MarshalJSON allocates its buffer, sized in advance,
// and nothing else: it formats cents, dates and rates straight into it
// (money.AppendCents, the rates' AppendText) and computes the annual rate
// in integers (schedule.MonthlyRate.PercentUnits), building no decimal.
//
// Measured on the project's 2-core machine (bench_test.go; an MEI offer at 3 %
// a.m., R$ 10,000.00 with a R$ 50.00 + 1 % fee, charges deducted unless said;
// go test -run '^$' -bench . -benchmem -count 5 ./simulation/, medians, Go
// 1.26, with the machine otherwise idle; package bench compares these with a
// float64 and an all-decimal implementation of the same simulation):
//
//	Simulate, 6 installments      1.1 µs    896 B   4 allocs
//	Simulate, 12 installments     1.4 µs  1,136 B   4 allocs
//	Simulate, 24 installments     2.0 µs  1,616 B   4 allocs
//	Simulate, 48 installments     3.4 µs  2,576 B   4 allocs
//	Simulate, 12, financed        2.3 µs  1,680 B   9 allocs
//	Grid, counts 1 … 48            61 µs   36 KB  101 allocs
//	MarshalJSON, 12 installments  1.9 µs  3,072 B   1 alloc
//
// In a single simulation the schedule's plan (the dates on the calendar and
// the rate's factors) takes about 30 % of the time, the CET solve a quarter,
// the IOF a sixth and the table a tenth; in a grid, where the plan is built
// once, the CET solves take about 37 %, the IOF 29 % and the tables 22 % (CPU
// profiles). A CET pass costs about one exp per distinct gap between due dates
// (cet's doc.go, "Algorithm"), not one per installment.
package simulation

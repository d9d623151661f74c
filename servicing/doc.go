// Package servicing is what a booked loan owes on any date: its installments as the
// API's transactions (tx_), payments and their allocation, the late charges of a late
// installment, the payoff a borrower has the right to, and partial prepayments.
//
// A loan is booked from a simulation (Book) or from a contract's rows (New), with its
// servicing Terms (late charges and prepayment fee). It is immutable: Pay returns a new
// loan, and every query is a pure function of the loan and a date. The package never
// reads the clock; callers pass civil dates (calendar.DateOf gives São Paulo's date of
// an instant). Money is int64 cents.
//
// Notation: i the monthly rate (the contract's, schedule.MonthlyRate), d0 the release
// date, installment k with nominal date n_k, (rolled) due date d_k, interest time t_k
// under the contract's day count (months from d0, measured to the nominal date),
// payment PMT_k, interest J_k, amortization A_k.
//
// # The booked loan
//
// Installment k's amount_due = principal + interest + fees, with fees 0.00 (fees are
// charged at origination, deducted from the amount released or financed in the
// principal). Usually principal = A_k and interest = J_k. A long first period can make
// J_k > PMT_k (negative amortization): the installment then reads interest = PMT_k and
// principal = 0, and the rest of J_k, capitalized into the balance, is paid by the
// later installments' amortizations. In general interest = min(J_k, PMT_k) and
// principal = max(A_k, 0), so amount_due = PMT_k always. Every simulation the library
// returns books.
//
// t_k is the schedule's own, each row's InterestTime in the day count's units (k months
// for periodic contracts, months and days / 30 for monthly pro rata, days / 30 for daily
// pro rata, days for actual365, business days to the due date for business252), so
// servicing works on any schedule the library makes: Price or SAC, with or without
// interest-only grace, at a rate a month or a year. Time compounds as package schedule
// compounds it: T units of the day count grow by base^(T·mul/d), base = 1 + i (or
// 1 + a for a rate a year), with (mul, d) = (1, 30) for the month-based day counts,
// (12, 365) for actual365, (1, 21) for business252 at a monthly rate, and (1, 360),
// (1, 365), (1, 252) at a yearly one. A contract's business days are counted on its
// Calendar (Book: calendar.Brazil(), the simulation's default; a simulation made on
// another calendar is booked with New and that calendar).
//
// # Transactions, status and payments
//
// As of a date a, counting the payments dated on or before a: paid when nothing remains
// of amount_due; otherwise overdue when a is after d_k (paying on d_k is on time);
// otherwise partially_paid when something was paid; otherwise pending. days_overdue is
// the calendar days from d_k to a while something remains, else 0. paid_at is the date
// of the payment that left nothing to pay. A transaction's amount_due, amount_paid and
// amount_remaining are the installment's own amounts; its late charges are reported
// beside them (LateCharges), never inside them.
//
// A payment is made against one installment, on a date. It is allocated to the late
// charges accrued up to its date — complementary IOF, then fine, then mora, then the
// remuneratory interest of the delay — and then to the installment's interest and then
// its principal ([Código Civil] art. 354: interest before capital). A payment of zero,
// a negative one, one with a fraction of a cent, or one above what the installment owes
// on its date (amount_remaining plus its unpaid charges) is a typed error, and nothing
// is applied. An installment's payments are applied in date order (one dated before
// its previous payment is refused; several on one date are fine); installments are
// independent of each other.
//
// # Late charges
//
// Only three charges may be collected on a late installment ([Res. CMN 4.882/2020],
// which replaced Res. CMN 4.558/2017 from 2021-02-01; no comissão de permanência): the
// remuneratory interest of the days of delay at the contract rate, a fine and mora
// interest. The complementary IOF is a tax, not a charge.
//
//   - On time: paid on or before d_k, the rolled due date: [Lei 7.089/1983] forbids
//     charges when an obligation due on a non-business day is paid on the next
//     business day.
//   - Days late L, for a payment on p > d_k: calendar days from min(n_k, d_k) to p.
//     When the nominal date fell on a non-business day and the payment also missed the
//     rolled date, the delay runs from the original date (STJ, [REsp 1.954.924], 2022:
//     due Saturday 2007-05-05, paid 2007-05-28, is 23 days late). Terms.CountFrom =
//     Rolled counts from d_k instead.
//   - Base U: the part of the installment's amount_due still unpaid (late charges
//     excluded).
//   - Fine (multa): Terms.FinePercent of U, once, at the first late payment (or as of
//     the first day of delay), half-up to cents. Cap: 2 % for individuals and MEIs
//     ([CDC] art. 52 §1; an MEI borrows as a consumer), 10 % for other companies
//     ([Decreto 22.626/1933] art. 9). Default 2 %.
//   - Mora: U × Terms.MoraPercent × L / 30, simple, half-up. Cap 1 % a month ([STJ
//     Súmula 379]). Default 1 %.
//   - Remuneratory interest of the delay: U × ((1 + i)^(L/30) − 1), half-up
//     (Compound, the default), or U × i × L / 30 (Linear); at a rate a year,
//     U × ((1 + a)^(L/360) − 1) and U × a × L / 360, the same L/30 months.
//   - Complementary IOF ([Decreto 6.306/2007] art. 7 §§ 2–3; IN RFB 1.969/2020), by
//     iof.Complementary: on the unpaid part of the installment's principal A_u, at the
//     daily rate of the operation's own regime and applied class, for the days past
//     d_k that still fit under the 365-day cap: A_u × daily × (min(D_k + E, 365) −
//     min(D_k, 365)), D_k = days(d0, d_k), half-up. E is the days from d_k, not L:
//     the IOF charged at origination already counted the days to d_k, so a nominal
//     date rolled forward adds no taxed days (the one point where this package's
//     formula departs from writing L there; the charges above do run from n_k). An
//     installment due 365 days or more after d0 owes none.
//
// Partial payments while late: a payment first settles the charges accrued up to its
// date, then the installment; mora, remuneratory interest and IOF keep accruing on what
// remains unpaid, from the date of each payment; the fine is never charged twice. Each
// charge is assessed (rounded half-up to cents) at each late payment, for the days since
// the previous one, and as of the date asked for what is still running.
//
// Published check ([CDC] art. 52 §1 and [STJ Súmula 379] applied by hand): a
// R$ 3,000.00 installment paid 10 days late owes 60.00 of fine and 10.00 of mora (2 %
// and 1 % a month × 10/30), before remuneratory interest and IOF.
//
// # Payoff (liquidação antecipada)
//
// [CDC] art. 52 §2 gives the borrower the right to settle early with a proportional
// reduction of interest; [Res. CMN 3.516/2007] and [Res. CMN 5.004/2022] art. 7 say
// how. The payoff on date s (no earlier than d0):
//
//   - every installment due before s and unpaid: what it owes on s, late charges
//     included;
//   - every installment due on or after s: PV_k = unpaid_k / (1 + i)^(t_k − t_s),
//     discounted at the contract rate under the contract's own day count, never more
//     than unpaid_k;
//   - the total of the present values computed exactly and rounded once, half-up.
//
// t_s is measured like t_k: schedule.Elapsed of s (whole months from d0 plus the
// remaining days / 30 for monthly pro rata and periodic contracts, days / 30 for daily
// pro rata, days for actual365, business days in [d0, s) for business252). Two decisions
// of the library, both so that the payoff never falls as s advances and equals the
// balance on a due date:
//
//   - a date from an installment's nominal date to its rolled due date is that
//     installment's own t_k (paying on the day a due date was rolled to is paying on
//     the due date, Lei 7.089/1983): the installment pays its face value and the later
//     ones are discounted from t_k, not from the later calendar date;
//   - for periodic contracts, whose t_k = k ignore the calendar, t_s is kept between
//     the times of the installments whose nominal dates surround s.
//
// No prepayment fee for individuals, MEIs and Simples companies ([Res. CMN 3.516/2007]
// art. 1, for contracts from 2007-12-10); for other companies a fee of
// Terms.PrepaymentFeePercent of the amount prepaid (the discounted total), default 0.
// IOF already charged is neither refunded nor recomputed on prepayment: no rule
// provides for it, and when it was financed it is part of the balance.
//
// Loan.Settle pays the payoff: one payment per open installment, dated s. An overdue
// one pays what it owes (late charges first); one not yet due pays its present value
// and is forgiven the rest as Allocation.Discount, out of its unearned interest first
// and then out of principal (an installment far in the future is discounted over more
// periods than its own interest covers). The present values, rounded one by one, are
// adjusted by the cent or two that separates their sum from the payoff rounded once,
// from the last installment back, so the payments sum to Payoff.Amount; a company's
// prepayment fee rides on the first discounted payment (Allocation.PrepaymentFee).
//
// Published check: R$ 24,000.00 at 2.5 % a.m. over 24 (periodic), PMT 1,341.91; settled
// on the 15th due date with installments 1–15 paid, the payoff is the present value of
// the last 9: 10,696.18 for nine equal installments (published as 10,696.17), and with
// the last one absorbing the rounding residue (1,341.82) 10,696.11, the balance after
// the 15th row.
//
// # Partial prepayment (amortização extraordinária)
//
// On date s, amount X, with no installment overdue (else installment_overdue, naming
// it), 0 < X < the payoff of the open installments B_s (an X that reaches it is a total
// settlement: Payoff):
//
//   - ReduceTerm (the default, how CCBs apply it): from the last installment backwards,
//     installments are cancelled whole while X covers their present values; the rest of
//     X reduces the next one's face by its future value, (X − Σ PV)·(1 + i)^(t_k − t_s),
//     the new face rounded half-up. Exact arithmetic throughout; only final amounts are
//     rounded. The rows keep the other faces; each balance is the present value of the
//     faces after it, rounded.
//   - ReduceInstallment: B_s − X is re-amortized by Price over the same remaining due
//     dates, time measured from t_s; the new PMT is rounded half-up and the last
//     installment absorbs the residue.
//
// The result (Prepayment) is a quote: the new schedule in the schedule package's row
// format. The loan is not changed; a server that applies it books the new terms.
//
// # Rounding and exactness
//
// Every amount is rounded half-up to cents (a value exactly halfway goes up), once,
// where the rule says: each late charge at its assessment, each present value shown,
// the payoff's total, each reduced face, each row. The fine, mora and linear interest
// are exact integer arithmetic (192-bit products). Every factor (1 + i)^(t/30) is an
// integer power of ρ = (1 + i)^(1/30); a float64 fast path with a rigorous error bound
// decides almost every rounding, and an exact path decides the rest — in rationals
// when the value is rational (whole-month periods, and rates such as 21 % = 1.1² over
// half months), so a half-cent tie is a tie; in big.Float at doubling precision when it
// is irrational, which it then provably is (power.go), so it is never a tie.
//
// # Bounds and cost
//
// Every amount is bounded (a row's at ±R$ 10^14, every computed one at ±R$ 10^15,
// ErrBeyondBound past it), every date by the horizon (MaxHorizonDays after the last due
// date), every installment's payments by MaxPaymentsPerInstallment, so every call has a
// bounded worst case. For n ≤ 420 installments and p payments (at most 100 each):
//
//	Book, New           O(n)       the rows, the loan (Book also copies the simulation's rows)
//	Pay                 O(n + 100) copies the installments and the paid installment's payments
//	Transactions        O(n + p)   the result only (AppendTransactions: nothing, with room); a
//	                               date before an installment's last payment replays its payments
//	Payoff              O(n + p)   the items only
//	Settle              O(n + p)   Payoff's, the installments and the open ones' payments
//	Prepay              O(n²) worst the rows and a few buffers; ReduceTerm compares each
//	                               cancellation exactly against a sum of up to n terms
//
// Measured on a 2-core Intel Xeon (go test ./servicing -bench .): a 12-installment loan
// with six installments paid and one overdue, as of a date — AppendTransactions into a
// reused buffer 185 ns and no allocation; Transactions 1.1 µs and one allocation, most of
// it allocating the 2.3 KB result; Payoff 0.40 µs and one allocation; Pay 1.2 µs. The worst
// cases (BenchmarkWorst…): 420 installments with 100 late payments each (42,000), queried
// before every installment's last payment so that all are replayed — Transactions
// 5.5 ms, Payoff 4.2 ms; Pay on that loan 17 µs; a ReduceTerm prepayment cancelling 419
// of 420 installments 0.7 ms. The exact path runs only within about 10^−13 of a half cent
// and costs about 0.7 ms at the horizon's largest exponents (BenchmarkExactPath).
//
// # Errors
//
// Every error is a *apierr.Error (Code, Param, Detail; errors.Is with the Code or the
// reason); the functions' docs list theirs. In short:
//
//	invalid_transition      status                a payment on a loan that is not active
//	value_out_of_range      installment_number    outside the loan; ErrTooManyPayments
//	amount_out_of_range     amount                zero or negative (apierr.ErrRange), ErrOverpayment,
//	                                              ErrTotalSettlement, ErrCentPrecision
//	amount_out_of_range     paid_at, as_of, date  ErrBeyondBound (charges beyond R$ 10^15)
//	invalid_format          amount                a fraction of a cent (apierr.ErrPrecision)
//	missing_required_field  paid_at, as_of, date  the zero date
//	invalid_due_date        paid_at, date         before the release date
//	date_out_of_range       paid_at, as_of, date  past the horizon; paid_at ErrOutOfOrder
//	installment_overdue     date                  a prepayment while an installment is overdue
//	invalid_format          mode                  not a Mode
//	rate_out_of_range       fine_percent, mora_percent, prepayment_fee_percent  ErrLegalCap
//	(New, Book)             the contract's        see New
//
// A nil *Loan's methods return apierr.NilReceiver (code internal_error).
//
// # Concurrency
//
// A *Loan, its Transactions, Payoffs and Prepayments are values no method modifies:
// safe for concurrent use by any number of goroutines. The package has no mutable
// state and never reads the clock.
//
// [Decreto 6.306/2007]: https://www.planalto.gov.br/ccivil_03/_ato2007-2010/2007/decreto/d6306.htm
// [Res. CMN 4.882/2020]: https://www.bcb.gov.br/estabilidadefinanceira/exibenormativo?tipo=Resolu%C3%A7%C3%A3o%20CMN&numero=4882
// [Res. CMN 3.516/2007]: https://www.bcb.gov.br/estabilidadefinanceira/exibenormativo?tipo=Resolu%C3%A7%C3%A3o&numero=3516
// [Res. CMN 5.004/2022]: https://www.bcb.gov.br/estabilidadefinanceira/exibenormativo?tipo=Resolu%C3%A7%C3%A3o%20CMN&numero=5004
// [CDC]: https://www.planalto.gov.br/ccivil_03/leis/l8078compilado.htm
// [Lei 7.089/1983]: https://www.planalto.gov.br/ccivil_03/leis/l7089.htm
// [Código Civil]: https://www.planalto.gov.br/ccivil_03/leis/2002/l10406compilada.htm
// [Decreto 22.626/1933]: https://www.planalto.gov.br/ccivil_03/decreto/d22626.htm
// [STJ Súmula 379]: https://scon.stj.jus.br/SCON/pesquisar.jsp?livre=%28%40NUM+%3D+%22379%22%29&b=SUMU
// [REsp 1.954.924]: https://scon.stj.jus.br/SCON/pesquisar.jsp?livre=%22REsp+1954924%22
package servicing

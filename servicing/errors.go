package servicing

import "github.com/dinie/lending/apierr"

// Reasons specific to this package, kept in apierr.Error.Err so that callers branch
// with errors.Is. The package also reports apierr.ErrEmpty, apierr.ErrRange,
// apierr.ErrPrecision, apierr.ErrUnknown and apierr.ErrNil; doc.go lists every error.
const (
	// ErrLegalCap: a fine, mora or prepayment-fee percentage above what the law allows
	// the borrower's class.
	ErrLegalCap apierr.Reason = "above the legal cap"
	// ErrOverpayment: a payment above what its installment owes on its date (the
	// remaining amount plus the unpaid late charges), or on an installment already paid.
	ErrOverpayment apierr.Reason = "payment above what is owed"
	// ErrOutOfOrder: a payment dated before an earlier payment of the same installment.
	ErrOutOfOrder apierr.Reason = "payment out of date order"
	// ErrTooManyPayments: an installment that already has MaxPaymentsPerInstallment
	// payments, or a loan that already has MaxPayments.
	ErrTooManyPayments apierr.Reason = "too many payments"
	// ErrTotalSettlement: a partial prepayment that reaches the payoff; that is a total
	// settlement (Loan.Payoff).
	ErrTotalSettlement apierr.Reason = "prepayment reaches the payoff"
	// ErrBeyondBound: an amount the computation would take past ±R$ 10^15 (late charges
	// compounded for decades at a high rate), refused instead of overflowing.
	ErrBeyondBound apierr.Reason = "amount beyond the library's bound"
	// ErrInconsistentSchedule: schedule rows that do not add up (a payment that is not
	// interest + principal, balances out of step, a last balance that is not zero).
	ErrInconsistentSchedule apierr.Reason = "inconsistent schedule"
	// ErrCentPrecision: a reduce-installment prepayment whose new schedule cannot be
	// kept to the cent (the new installment rounds to zero, or the rounding residue
	// exhausts the balance before the last row).
	ErrCentPrecision apierr.Reason = "too small for cent precision"
)

// The params (wire names) the package reports.
const (
	paramSimulation  = "simulation"
	paramSchedule    = "schedule"
	paramRelease     = "release_date"
	paramDueDate     = "due_date"
	paramNominal     = "nominal_date"
	paramPrincipal   = "principal"
	paramNumber      = "installment_number"
	paramAmount      = "amount"
	paramPaidAt      = "paid_at"
	paramAsOf        = "as_of"
	paramDate        = "date"
	paramMode        = "mode"
	paramFine        = "fine_percent"
	paramMora        = "mora_percent"
	paramInterest    = "interest"
	paramCountFrom   = "count_from"
	paramFee         = "prepayment_fee_percent"
	paramDayCount    = "day_count"
	paramBorrower    = "borrower_class"
	paramInstallment = "installments"
)

package cet

import (
	"github.com/dinie/lending/apierr"
)

// The reasons an input is outside the solver's domain. Every error Solve and
// SolveDates return is an *apierr.Error whose Err is one of these, so callers branch
// with errors.Is(err, cet.ErrBeforeRelease) and read Code, Param and Detail with
// errors.As. doc.go lists the API code each one carries.
const (
	// ErrNet: the net amount FC0 is zero or negative.
	ErrNet apierr.Reason = "net amount is not positive"
	// ErrNegative: a payment is negative (payments flow from the borrower; a refund
	// is not a payment).
	ErrNegative apierr.Reason = "payment is negative"
	// ErrNotCents: a decimal amount has fractions of a cent (SolveDates only).
	ErrNotCents apierr.Reason = "amount is not a whole number of cents"
	// ErrTooLarge: an amount, or the sum of the payments, is above MaxCents.
	ErrTooLarge apierr.Reason = "amount is too large"
	// ErrNoPayments: the list of payments is empty.
	ErrNoPayments apierr.Reason = "no payments"
	// ErrTooManyFlows: more than MaxFlows payments.
	ErrTooManyFlows apierr.Reason = "too many payments"
	// ErrZeroPayments: no payment after the release date is positive (all are zero,
	// or the only positive ones fall on the release date), so the equation has no
	// rate to solve for.
	ErrZeroPayments apierr.Reason = "no positive payment after the release date"
	// ErrInfinite: the payments due on the release date alone reach the net amount;
	// the present value exceeds FC0 at every rate, so the CET is +∞.
	ErrInfinite apierr.Reason = "payments on the release date reach the net amount"
	// ErrBeforeRelease: a payment falls before the release date.
	ErrBeforeRelease apierr.Reason = "payment before the release date"
	// ErrTimeRange: a payment falls more than MaxYears after the release date.
	ErrTimeRange apierr.Reason = "payment too far after the release date"
	// ErrBasis: a Basis other than Actual365 and Periodic.
	ErrBasis apierr.Reason = "unknown time basis"
	// ErrOutOfRange: the CET exceeds MaxAnnual; the payments are out of all
	// proportion to the net amount.
	ErrOutOfRange apierr.Reason = "CET out of range"
	// ErrNoConvergence: the solver ended without meeting the accuracy bound. The
	// convergence argument in doc.go says this cannot happen for inputs in the
	// domain; it exists so that a defect shows as an error, never as a wrong rate.
	ErrNoConvergence apierr.Reason = "solver did not converge"
)

// codeOf is the API code of each reason (doc.go, "Errors").
func codeOf(reason apierr.Reason) apierr.Code {
	switch reason {
	case ErrBasis, ErrNotCents:
		return apierr.InvalidFormat
	case ErrNoPayments:
		return apierr.MissingRequiredField
	case ErrTooManyFlows:
		return apierr.InstallmentsOutOfRange
	case ErrBeforeRelease:
		return apierr.InvalidDueDate
	case ErrTimeRange:
		return apierr.DateOutOfRange
	case ErrOutOfRange, ErrNoConvergence:
		return apierr.RateOutOfRange
	}
	return apierr.AmountOutOfRange // ErrNet, ErrTooLarge, ErrNegative, ErrZeroPayments, ErrInfinite
}

func errorf(reason apierr.Reason, param, format string, args ...any) *apierr.Error {
	return apierr.Wrap(reason, codeOf(reason), param, format, args...)
}

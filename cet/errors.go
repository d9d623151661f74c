package cet

import (
	"errors"
	"fmt"
)

// The reasons an input is outside the solver's domain. Every error Solve and
// SolveDates return is an *Error whose Err is one of these, so callers branch with
// errors.Is(err, cet.ErrBeforeRelease) and read Param and Detail with errors.As.
// doc.go lists the API code each one is expected to map to.
var (
	// ErrNet: the net amount FC0 is zero or negative.
	ErrNet = errors.New("cet: net amount is not positive")
	// ErrNegative: a payment is negative (payments flow from the borrower; a refund
	// is not a payment).
	ErrNegative = errors.New("cet: payment is negative")
	// ErrNotCents: a decimal amount has fractions of a cent (SolveDates only).
	ErrNotCents = errors.New("cet: amount is not a whole number of cents")
	// ErrTooLarge: an amount, or the sum of the payments, is above MaxCents.
	ErrTooLarge = errors.New("cet: amount is too large")
	// ErrNoPayments: the list of payments is empty.
	ErrNoPayments = errors.New("cet: no payments")
	// ErrTooManyFlows: more than MaxFlows payments.
	ErrTooManyFlows = errors.New("cet: too many payments")
	// ErrZeroPayments: no payment after the release date is positive (all are zero,
	// or the only positive ones fall on the release date), so the equation has no
	// rate to solve for.
	ErrZeroPayments = errors.New("cet: no positive payment after the release date")
	// ErrInfinite: the payments due on the release date alone reach the net amount;
	// the present value exceeds FC0 at every rate, so the CET is +∞.
	ErrInfinite = errors.New("cet: payments on the release date reach the net amount")
	// ErrBeforeRelease: a payment falls before the release date.
	ErrBeforeRelease = errors.New("cet: payment before the release date")
	// ErrTimeRange: a payment falls more than MaxYears after the release date.
	ErrTimeRange = errors.New("cet: payment too far after the release date")
	// ErrBasis: a Basis other than Actual365 and Periodic.
	ErrBasis = errors.New("cet: unknown time basis")
	// ErrOutOfRange: the CET exceeds MaxAnnual; the payments are out of all
	// proportion to the net amount.
	ErrOutOfRange = errors.New("cet: CET out of range")
	// ErrNoConvergence: the solver ended without meeting the accuracy bound. The
	// convergence argument in doc.go says this cannot happen for inputs in the
	// domain; it exists so that a defect shows as an error, never as a wrong rate.
	ErrNoConvergence = errors.New("cet: solver did not converge")
)

// Error is an input outside the solver's domain. Err is the reason (one of the Err…
// sentinels, reachable through errors.Is); Param names the offending input — "net",
// "flows", "basis" or one field of one flow ("flows[3].time", "flows[3].cents" for
// Solve; "flows[3].date", "flows[3].amount" for SolveDates); Detail says what was
// wrong and what was expected. Together they fill the API's error shape
// {code, param, detail}; the caller chooses the code (doc.go, "Errors").
//
// An *Error is not modified after it is returned; it is safe to share between
// goroutines.
type Error struct {
	Err    error
	Param  string
	Detail string
}

// Error returns "cet: " followed by the detail.
func (e *Error) Error() string { return "cet: " + e.Detail }

// Unwrap returns the reason, so errors.Is(err, ErrNet) and the like hold.
func (e *Error) Unwrap() error { return e.Err }

func errorf(reason error, param, format string, args ...any) *Error {
	return &Error{Err: reason, Param: param, Detail: fmt.Sprintf(format, args...)}
}

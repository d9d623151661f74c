package iof

import (
	"strconv"

	"github.com/dinie/lending/apierr"
)

// Reasons specific to this package, kept in apierr.Error.Err so that callers
// branch with errors.Is. The package also reports apierr.ErrEmpty and
// apierr.ErrRange; doc.go lists every error.
const (
	// ErrUnknownClass: a borrower class that is not pf, pj, simples or mei.
	ErrUnknownClass apierr.Reason = "unknown borrower class"
	// ErrUnbalanced: installment amortizations that do not add up to the principal.
	ErrUnbalanced apierr.Reason = "amortizations do not add up to the principal"
	// ErrNotAfterRelease: a due date on or before the release date.
	ErrNotAfterRelease apierr.Reason = "due date not after the release date"
	// ErrUnsettled: Financed gave up at its limit (8,192 schedules accepted,
	// 32,768 refused as too small for cent precision, or 4,194,304 principals
	// considered) without settling the principal. Only terms so ill-conditioned
	// that (1+i)^n is above 10⁶ have reached it (3.8 % a.m. over 415 months, 20 %
	// over 90): there each cent of installment moves the IOF by reais, most
	// principals are refused, and the proof of minimality needs a schedule per
	// installment value across a wide band; see the package doc, "Cost".
	ErrUnsettled apierr.Reason = "financed principal not settled"
	// ErrIllConditioned: Financed refused, in O(1), terms whose growth
	// (1+i)^t over the whole term exceeds MaxGrowth (schedule.Plan.Growth).
	ErrIllConditioned apierr.Reason = "terms too ill-conditioned to finance the charges"
)

// MaxGrowth bounds (1+i)^t, the growth of a cent over the whole term
// (schedule.Plan.Growth), for Financed: 10^4 — 1 % a.m. over 420 months is
// 66, 2 % over 420 is 4·10^3, 3 % over 311, 5 % over 188, 10 % over 96 reach the
// bound; real loans stay below 10^2. Up to it every search measured settles in
// at most 14 schedules, about 1 ms in the worst case (bench/, BenchmarkWorstFinanced);
// past it the IOF moves by reais per cent of installment, the search needs a
// schedule per installment value across a wide band and took up to 0.7 s, so
// Financed refuses such terms at once with installments_out_of_range and
// ErrIllConditioned, naming the growth. Charges deducted are not affected.
const MaxGrowth = 1e4

// The params (wire names) the package reports.
const (
	paramClass        = "borrower_class"
	paramRelease      = "release_date"
	paramPrincipal    = "principal"
	paramInstallments = "installment_count"
	paramDueDate      = "due_date"
	paramAmortization = "amortization"
	paramRequested    = "requested_amount"
	paramFees         = "fees_amount"
	paramRate         = "rate"
)

func errClass(c Class) error {
	if c == 0 {
		return apierr.Wrap(apierr.ErrEmpty, apierr.MissingRequiredField, paramClass,
			"borrower_class is not set; expected pf, pj, simples or mei")
	}
	return apierr.Wrap(ErrUnknownClass, apierr.InvalidFormat, paramClass,
		"borrower_class %d is not a class; expected pf, pj, simples or mei", uint8(c))
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// quote renders user input for an error detail (apierr.Quote: a short prefix,
// cut at a character boundary).
func quote(s string) string { return apierr.Quote(s) }

package statemachine

import (
	"math"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/calendar"
	"github.com/dinie/lending/money"
	"github.com/shopspring/decimal"
)

// maxComponentCents bounds each amount of an installment so that their sum cannot
// overflow int64: R$ 23 quadrillion, far beyond any loan.
const maxComponentCents = math.MaxInt64 / 4

// InstallmentAmounts are the amounts of one installment transaction (api-contract.md,
// Transaction): its principal, interest and fees, and what has been paid of it.
// Every amount must be a whole number of cents and not negative.
type InstallmentAmounts struct {
	Principal decimal.Decimal
	Interest  decimal.Decimal
	Fees      decimal.Decimal
	// Paid is amount_paid so far: zero for a new installment.
	Paid decimal.Decimal
}

// Installment is one installment transaction (tx_, type "installment"): its due date
// and amounts, held as exact cents. Build it with NewInstallment; Pay returns a new one.
//
// amount_due = principal + interest + fees and amount_remaining = amount_due −
// amount_paid (lifecycles.md, "Installment"). What has been paid is allocated to fees,
// then interest, then principal, so the split of amount_paid follows from its total
// (PaidAllocation) and no payment history is kept.
//
// The zero Installment is not valid: Valid reports false, its Status is the zero
// InstallmentStatus and Loan.Pay rejects it. Installments are small values, safe to copy
// and to share between goroutines.
type Installment struct {
	dueDate                         calendar.Date
	principal, interest, fees, paid int64 // cents
	ok                              bool
}

// NewInstallment returns the installment due on due with amounts a.
//
// Errors (param principal, interest, fees or amount_paid): an amount with sub-cent
// digits is invalid_format (apierr.ErrPrecision); a negative one, one above R$ 23
// quadrillion, an installment with nothing due, or a Paid above amount_due is
// amount_out_of_range.
func NewInstallment(due calendar.Date, a InstallmentAmounts) (Installment, error) {
	var cs [4]int64
	for i, f := range [...]struct {
		d     decimal.Decimal
		param string
	}{{a.Principal, "principal"}, {a.Interest, "interest"}, {a.Fees, "fees"}, {a.Paid, "amount_paid"}} {
		c, err := cents(f.d, f.param)
		if err != nil {
			return Installment{}, err
		}
		if c < 0 || c > maxComponentCents {
			return Installment{}, apierr.Wrap(apierr.ErrRange, apierr.AmountOutOfRange,
				f.param, "%s %s is outside 0.00 to %s", f.param, money.FormatCents(c),
				money.FormatCents(maxComponentCents))
		}
		cs[i] = c
	}
	in := Installment{dueDate: due, principal: cs[0], interest: cs[1], fees: cs[2], paid: cs[3], ok: true}
	if in.dueCents() == 0 {
		return Installment{}, apierr.Wrap(apierr.ErrRange, apierr.AmountOutOfRange,
			"amount_due", "an installment must have something due; principal, interest and fees are all 0.00")
	}
	if in.paid > in.dueCents() {
		return Installment{}, apierr.Wrap(apierr.ErrRange, apierr.AmountOutOfRange,
			"amount_paid", "amount_paid %s is above amount_due %s", money.FormatCents(in.paid),
			money.FormatCents(in.dueCents()))
	}
	return in, nil
}

// cents converts d to exact cents, reporting errors for param.
func cents(d decimal.Decimal, param string) (int64, error) {
	c, err := money.ToCents(d)
	if err != nil {
		return 0, apierr.Relabel(err, param)
	}
	return c, nil
}

// Valid reports whether i was built by NewInstallment (or Pay).
func (i Installment) Valid() bool { return i.ok }

func (i Installment) dueCents() int64       { return i.principal + i.interest + i.fees }
func (i Installment) remainingCents() int64 { return i.dueCents() - i.paid }

// DueDate returns the installment's due date.
func (i Installment) DueDate() calendar.Date { return i.dueDate }

// Principal returns the principal part of the installment.
func (i Installment) Principal() decimal.Decimal { return money.FromCents(i.principal) }

// Interest returns the interest part of the installment.
func (i Installment) Interest() decimal.Decimal { return money.FromCents(i.interest) }

// Fees returns the fees part of the installment.
func (i Installment) Fees() decimal.Decimal { return money.FromCents(i.fees) }

// AmountDue returns principal + interest + fees.
func (i Installment) AmountDue() decimal.Decimal { return money.FromCents(i.dueCents()) }

// AmountPaid returns what has been paid so far.
func (i Installment) AmountPaid() decimal.Decimal { return money.FromCents(i.paid) }

// AmountRemaining returns amount_due − amount_paid.
func (i Installment) AmountRemaining() decimal.Decimal {
	return money.FromCents(i.remainingCents())
}

// PaidAllocation splits amount_paid into fees, interest and principal, in that order of
// priority (lifecycles.md: "A payment is allocated to fees, then interest, then
// principal").
func (i Installment) PaidAllocation() Allocation {
	f, in, p := waterfall(i.paid, i.fees, i.interest)
	return Allocation{Fees: money.FromCents(f), Interest: money.FromCents(in),
		Principal: money.FromCents(p)}
}

// waterfall splits paid cents into fees, interest and principal, filling fees then
// interest first; the rest is principal.
func waterfall(paid, fees, interest int64) (f, in, p int64) {
	f = min(paid, fees)
	in = min(paid-f, interest)
	return f, in, paid - f - in
}

// Status returns the installment's status as of date asOf (lifecycles.md,
// "Installment"): paid when nothing remains; otherwise overdue when asOf is after the
// due date (paying on the due date itself is on time); otherwise partially_paid when
// something was paid; otherwise pending. The amounts are taken as they stand at asOf:
// pass the date they are current at, normally today in São Paulo (calendar.DateOf).
// It returns the zero InstallmentStatus for an invalid Installment.
func (i Installment) Status(asOf calendar.Date) InstallmentStatus {
	switch {
	case !i.ok:
		return 0
	case i.remainingCents() == 0:
		return InstallmentPaid
	case asOf.After(i.dueDate):
		return InstallmentOverdue
	case i.paid > 0:
		return InstallmentPartiallyPaid
	}
	return InstallmentPending
}

// DaysOverdue returns the calendar days from the due date to asOf while something
// remains to pay, else 0 (lifecycles.md: "days_overdue = calendar days after the due
// date while unpaid"). Calendar days, not business days: a payment due on a Friday and
// made on Monday is 3 days overdue.
func (i Installment) DaysOverdue(asOf calendar.Date) int {
	if i.Status(asOf) != InstallmentOverdue {
		return 0
	}
	return calendar.DaysBetween(i.dueDate, asOf)
}

// Allocation is how an amount splits into the installment's fees, interest and
// principal.
type Allocation struct {
	Fees      decimal.Decimal
	Interest  decimal.Decimal
	Principal decimal.Decimal
}

// Pay applies a payment of amount to the installment and returns the new installment
// and how the payment was allocated: fees first, then interest, then principal, each
// up to what remains of it. The receiver is not modified; on error nothing is applied.
//
// Errors (param amount): sub-cent digits (10.005) are invalid_format
// (apierr.ErrPrecision); zero, negative, or above amount_remaining (including any
// payment on a paid installment) is amount_out_of_range (apierr.ErrRange); an
// invalid Installment is invalid_format for param installment.
func (i Installment) Pay(amount decimal.Decimal) (Installment, Allocation, error) {
	if !i.ok {
		return i, Allocation{}, errInvalidInstallment(-1)
	}
	c, err := cents(amount, "amount")
	if err != nil {
		return i, Allocation{}, err
	}
	if err := i.checkPayment(c); err != nil {
		return i, Allocation{}, err
	}
	f0, in0, p0 := waterfall(i.paid, i.fees, i.interest)
	n := i
	n.paid += c
	f1, in1, p1 := waterfall(n.paid, n.fees, n.interest)
	return n, Allocation{Fees: money.FromCents(f1 - f0),
		Interest: money.FromCents(in1 - in0), Principal: money.FromCents(p1 - p0)}, nil
}

func (i Installment) checkPayment(c int64) error {
	rem := i.remainingCents()
	switch {
	case c <= 0:
		return apierr.Wrap(apierr.ErrRange, apierr.AmountOutOfRange, "amount",
			"payment %s is not positive; want 0.01 to %s", money.FormatCents(c),
			money.FormatCents(rem))
	case rem == 0:
		return apierr.Wrap(apierr.ErrRange, apierr.AmountOutOfRange, "amount",
			"payment %s on a paid installment: nothing remains", money.FormatCents(c))
	case c > rem:
		return apierr.Wrap(apierr.ErrRange, apierr.AmountOutOfRange, "amount",
			"payment %s is above amount_remaining %s", money.FormatCents(c),
			money.FormatCents(rem))
	}
	return nil
}

func errInvalidInstallment(index int) error {
	if index < 0 {
		return apierr.Errorf(apierr.InvalidFormat, "installment",
			"the installment was not built by NewInstallment")
	}
	return apierr.Errorf(apierr.InvalidFormat, "installments",
		"installment %d was not built by NewInstallment", index+1)
}

package iof

import (
	"github.com/shopspring/decimal"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/calendar"
	"github.com/dinie/lending/money"
)

// Delay is an installment's amortization kept by the borrower past its due date,
// as the complementary IOF (IOF complementar) sees it: the operation it belongs
// to (class, release date and principal, which pick the regime and the class
// applied, as for the IOF charged at origination), the installment's due date, the
// unpaid amortization and the days of delay to tax.
//
// The days taxed are those of the interval (From, To] that lie after Due and,
// counted from Release, within the first 365 days: an installment already taxed
// for 365 days at origination owes none, and no installment is ever taxed for
// more than 365 days in all. From is where an earlier charge stopped (the date of
// a partial payment); the zero From means Due.
type Delay struct {
	// Class is the borrower's class.
	Class Class
	// Release is the operation's release date: its regime's rates apply (the IOF
	// complementar is charged at the rate of the original operation).
	Release calendar.Date
	// Principal is the operation's principal P in cents: above ReducedRateLimit a
	// Simples or MEI operation is taxed at the Company rates, on the delay too.
	Principal int64
	// Due is the installment's due date, the day its original IOF was counted to.
	Due calendar.Date
	// From and To bound the days taxed: (From, To]. The zero From is Due.
	From, To calendar.Date
	// Unpaid is the unpaid amortization A_u in cents: the part of the
	// installment's principal still owed. Interest and late charges are not its
	// base (the IOF falls on the principal made available).
	Unpaid int64
}

// Complement is the complementary IOF of a Delay: the days taxed, the amount
// rounded half-up to cents, and the Basis it rests on (the operation's class,
// the class applied, the daily rate and the regime). The zero Complement is no
// tax.
type Complement struct {
	Basis
	// Days is the number of days taxed: min(D + E_to, 365) − min(D + E_from, 365),
	// D the days from Release to Due and E_x the days from Due to x (0 before Due).
	Days  int
	cents int64
}

// Cents returns the complementary IOF in cents.
func (c Complement) Cents() int64 { return c.cents }

// Amount returns the complementary IOF as a decimal.
func (c Complement) Amount() decimal.Decimal { return money.FromCents(c.cents) }

// Complementary returns the complementary IOF of an amortization paid late
// (Decreto 6.306/2007, art. 7, §§ 2 and 3; Instrução Normativa RFB 1.969/2020):
//
//	IOF = half-up( Unpaid × daily × Days )
//
// at the daily rate of the operation's own regime and applied class, for the
// Days of delay that still fit under the 365-day cap of art. 7, §1. There is no
// additional part: the 0.38 % is charged once, at origination. It runs in
// constant time (a look-up in the rate table) and does not allocate unless it
// fails.
//
// Errors (*apierr.Error): a zero Class is missing_required_field and an invalid
// one invalid_format (param borrower_class); a zero Release is
// missing_required_field and one before First date_out_of_range (release_date);
// Principal outside 0.01 … MaxPrincipalCents is amount_out_of_range (principal);
// a zero Due or To is missing_required_field (due_date, to), a Due not after
// Release invalid_due_date (due_date, ErrNotAfterRelease), a From before Due or a
// To before From invalid_due_date (from, to); Unpaid negative or above
// MaxAmortizationCents is amount_out_of_range (amortization).
func Complementary(d Delay) (Complement, error) {
	b, err := basis(d.Class, d.Release, d.Principal)
	if err != nil {
		return Complement{}, err
	}
	from := d.From
	if from.IsZero() {
		from = d.Due
	}
	switch {
	case d.Due.IsZero():
		return Complement{}, apierr.Wrap(apierr.ErrEmpty, apierr.MissingRequiredField, paramDueDate,
			"due_date is not set; the complementary IOF counts the days after it")
	case !d.Due.After(d.Release):
		return Complement{}, errDue(0, d.Due, d.Release)
	case d.To.IsZero():
		return Complement{}, apierr.Wrap(apierr.ErrEmpty, apierr.MissingRequiredField, "to",
			"to is not set; the complementary IOF needs the last day of delay")
	case from.Before(d.Due):
		return Complement{}, apierr.Errorf(apierr.InvalidDueDate, "from",
			"from %s is before due_date %s; the delay starts after the due date", from, d.Due)
	case d.To.Before(from):
		return Complement{}, apierr.Errorf(apierr.InvalidDueDate, "to", "to %s is before from %s", d.To, from)
	case d.Unpaid < 0 || d.Unpaid > MaxAmortizationCents:
		return Complement{}, apierr.Wrap(apierr.ErrRange, apierr.AmountOutOfRange, paramAmortization,
			"the unpaid amortization %s is outside 0.00 to %s", money.FormatCents(d.Unpaid),
			money.FormatCents(MaxAmortizationCents))
	}
	D := calendar.DaysBetween(d.Release, d.Due)
	days := min(D+calendar.DaysBetween(d.Due, d.To), capDays) - min(D+calendar.DaysBetween(d.Due, from), capDays)
	// Unpaid × days ≤ 10¹⁶ × 365 < 2⁶⁴: one limb; mulRate rounds half-up.
	cents, _ := mulRate(0, uint64(d.Unpaid)*uint64(days), b.Rates.Daily)
	return Complement{Basis: b, Days: days, cents: cents}, nil
}

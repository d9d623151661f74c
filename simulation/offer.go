package simulation

import (
	"math/big"
	"time"

	"github.com/shopspring/decimal"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/calendar"
	"github.com/dinie/lending/money"
	"github.com/dinie/lending/schedule"
	"github.com/dinie/lending/statemachine"
)

const (
	minMoney   = schedule.MinPrincipalCents
	maxMoney   = schedule.MaxPrincipalCents
	feeDivisor = 100 * 10_000_000_000 // cents × units of 10^-10 % / feeDivisor = fee cents
)

// checkedOffer is an offer validated and converted to exact integers.
type checkedOffer struct {
	statemachine.OfferCents
	lo, hi int // allowed installment counts
	fixed  bool
}

// checkOffer validates o (statemachine.Offer.Check: the package doc, "Request
// checks", step 1).
func checkOffer(o *statemachine.Offer) (checkedOffer, error) {
	c, err := o.Cents()
	if err != nil {
		return checkedOffer{}, err
	}
	lo, hi, fixed := o.InstallmentRange()
	return checkedOffer{OfferCents: c, lo: lo, hi: hi, fixed: fixed}, nil
}

// Request is the API's simulation request (POST /credit-offers/{id}/simulations):
// requested_amount and installment_count. Build it as a literal from a decimal,
// or with ParseRequest from the wire string. The zero value asks for nothing
// and fails the checks.
type Request struct {
	// RequestedAmount is requested_amount; it must be whole cents (the wire
	// format's two decimal places).
	RequestedAmount decimal.Decimal
	// InstallmentCount is installment_count.
	InstallmentCount int
}

// ParseRequest builds a Request from the wire: requested_amount as the API
// carries it ("25000.00": digits, a point, exactly two decimals) and
// installment_count. It reads the amount with money.ParseCents, so it accepts
// exactly what the API's wire types accept: a requested_amount not in the wire
// format is invalid_format, one above money.ParseCents's bound
// (92233720368547758.07) amount_out_of_range, both with param requested_amount.
// The count is checked against the offer by Simulate, not here.
func ParseRequest(requestedAmount string, installmentCount int) (Request, error) {
	c, err := money.ParseCents(requestedAmount)
	if err != nil {
		return Request{}, apierr.Relabel(err, "requested_amount")
	}
	return Request{RequestedAmount: money.FromCents(c), InstallmentCount: installmentCount}, nil
}

// Charges is how the fees and the IOF reach the customer (docs/lending-math.md §9).
// The zero value is Deducted, the spec's default. Wire and command-line names:
// deducted, financed.
type Charges uint8

const (
	// Deducted: the principal is the requested amount and the fees and IOF are
	// deducted from what is released: amount = requested − fees − IOF.
	Deducted Charges = iota
	// Financed: the customer receives the requested amount and the principal
	// covers it, the fees and its own IOF (iof.Financed).
	Financed
)

var chargesNames = [...]string{"deducted", "financed"}

// String returns the wire name, or "Charges(N)" for a value that is none of the
// constants.
func (c Charges) String() string {
	if c.valid() {
		return chargesNames[c]
	}
	return "Charges(" + big.NewInt(int64(c)).String() + ")"
}

func (c Charges) valid() bool { return int(c) < len(chargesNames) }

// ParseCharges returns the Charges whose wire name is s. Anything else is
// invalid_format with param charges.
func ParseCharges(s string) (Charges, error) {
	for i, n := range chargesNames {
		if s == n {
			return Charges(i), nil
		}
	}
	return 0, apierr.Wrap(apierr.ErrSyntax, apierr.InvalidFormat, "charges",
		"charges %s is not a charges mode; expected deducted or financed", apierr.Quote(s))
}

// MarshalText returns the wire name; a value that is none of the constants is an
// error.
func (c Charges) MarshalText() ([]byte, error) {
	if !c.valid() {
		return nil, apierr.Errorf(apierr.InvalidFormat, "charges", "%s is not a charges mode", c)
	}
	return []byte(chargesNames[c]), nil
}

// UnmarshalText parses a wire name with ParseCharges. On error c is unchanged.
func (c *Charges) UnmarshalText(text []byte) error {
	v, err := ParseCharges(string(text))
	if err != nil {
		return err
	}
	*c = v
	return nil
}

// Options are the inputs of a simulation that are neither the offer nor the
// request. Now and Release are required (the library never reads the clock);
// the zero value of every other field is the spec's default.
type Options struct {
	// Now is the instant of the simulation, for the offer's validity
	// (now > valid_until is expired). Required: the zero time is
	// missing_required_field with param now.
	Now time.Time
	// Release is the release date d0, the day the credit is released; required
	// (missing_required_field, param release_date), and never before the São Paulo
	// date of Now (date_out_of_range, param release_date).
	Release calendar.Date
	// FirstDue is installment 1's nominal due date; the zero Date is the
	// default, Release + 1 calendar month (schedule.Terms.FirstDue).
	FirstDue calendar.Date
	// Calendar is the business day calendar; nil is calendar.Brazil().
	Calendar *calendar.Calendar
	// Roll moves nominal dates onto business days; the zero value is Following.
	Roll calendar.Roll
	// DayCount measures interest time; the zero value is monthly pro rata.
	DayCount schedule.DayCount
	// Charges says whether fees and IOF are deducted (zero value) or financed.
	Charges Charges
	// FirstPeriodMaxDays bounds the first period in calendar days; zero is
	// schedule.DefaultFirstPeriodMaxDays (180).
	FirstPeriodMaxDays int
	// AnnualRate is the contract's rate per year, for a lender that prices per
	// year (schedule.Terms.AnnualRate). When it is not zero the schedule runs on
	// it and the offer's InterestRate, the API's monthly interest_rate, is not
	// read: the simulation's interest_percentage is AnnualRate's monthly
	// equivalent, rounded half-up to 10 places (schedule.AnnualRate.Monthly).
	// The zero value is the offer's monthly rate.
	AnnualRate schedule.AnnualRate
	// Grace is the number of interest-only installments at the start
	// (schedule.Terms.Grace); zero is none.
	Grace int
	// Amortization is the amortization system (schedule.Terms.Amortization);
	// the zero value is Price.
	Amortization schedule.Amortization
}

func (o *Options) check() error {
	if o.Now.IsZero() {
		return apierr.Wrap(apierr.ErrEmpty, apierr.MissingRequiredField, "now",
			"now is the zero time; want the instant of the simulation")
	}
	if o.Release.IsZero() {
		return apierr.Wrap(apierr.ErrEmpty, apierr.MissingRequiredField, "release_date",
			"release_date is required")
	}
	if !o.Charges.valid() {
		return apierr.Wrap(apierr.ErrSyntax, apierr.InvalidFormat, "charges",
			"%s is not a charges mode; expected deducted or financed", o.Charges)
	}
	if y := o.Now.UTC().Year(); y < calendar.MinYear || y > calendar.MaxYear {
		return apierr.Wrap(apierr.ErrRange, apierr.DateOutOfRange, "now",
			"now is in the year %d; expected 1 to 9999", y)
	}
	return nil
}

// checkRelease refuses a release before the São Paulo date of Now: figures for a
// past release describe a loan that can no longer be made.
func (o *Options) checkRelease() error {
	today, err := calendar.DateOf(o.Now)
	if err != nil {
		return apierr.Relabel(err, "now")
	}
	if o.Release.Before(today) {
		return apierr.Wrap(apierr.ErrRange, apierr.DateOutOfRange, "release_date",
			"release_date %s is before %s, the date of now in São Paulo; a release is never in the past",
			o.Release, today)
	}
	return nil
}

// terms returns the schedule terms of a simulation over n installments at the
// offer's rate, or at AnnualRate when it is set.
func (o *Options) terms(n int, offerRate schedule.MonthlyRate) schedule.Terms {
	t := schedule.Terms{
		Rate:               offerRate,
		AnnualRate:         o.AnnualRate,
		Installments:       n,
		Release:            o.Release,
		FirstDue:           o.FirstDue,
		Calendar:           o.Calendar,
		Roll:               o.Roll,
		DayCount:           o.DayCount,
		FirstPeriodMaxDays: o.FirstPeriodMaxDays,
		Grace:              o.Grace,
		Amortization:       o.Amortization,
	}
	if !o.AnnualRate.IsZero() {
		t.Rate = schedule.MonthlyRate{}
	}
	return t
}

package simulation

import (
	"math/big"
	"time"

	"github.com/shopspring/decimal"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/calendar"
	"github.com/dinie/lending/iof"
	"github.com/dinie/lending/money"
	"github.com/dinie/lending/schedule"
	"github.com/dinie/lending/statemachine"
	"github.com/dinie/lending/validation"
)

// Offer is a credit offer (co_) as a simulation reads it: the API's CreditOffer
// fields, plus what the API leaves to the lender — the fees and the borrower's
// class. Offer is a plain value; Simulate and Grid validate it on every call
// (a few nanoseconds, no allocation).
type Offer struct {
	// ID is the offer's id (co_ + 32 hex digits). It becomes the simulation's
	// credit_offer_id. Optional: an empty ID gives an empty credit_offer_id;
	// a non-empty one must be a credit offer ID (validation.CheckID).
	ID string
	// CustomerID is the customer's id (cust_…); optional, checked when set.
	// The simulation does not carry it.
	CustomerID string
	// Status is available, accepted or expired; the zero value is invalid.
	Status statemachine.OfferStatus
	// ApprovedAmount is approved_amount, the largest requested amount: whole
	// cents, from R$ 1.00 to R$ 1,000,000,000.00.
	ApprovedAmount decimal.Decimal
	// MinAmount is min_amount, the smallest requested amount: whole cents, from
	// R$ 1.00 to ApprovedAmount.
	MinAmount decimal.Decimal
	// InterestRate is interest_rate, percent per month.
	InterestRate schedule.MonthlyRate
	// Installments is a fixed installment count (the API's installments), 1 to
	// 420; zero when the offer has a range instead.
	Installments int
	// MinInstallments and MaxInstallments are the API's range of counts,
	// 1 ≤ MinInstallments ≤ MaxInstallments ≤ 420; both zero when the offer has
	// a fixed count.
	MinInstallments, MaxInstallments int
	// DueDateRule is the API's due_date_rule, which the contract does not
	// specify yet; it is carried, never interpreted ("" stands for null).
	DueDateRule string
	// ValidUntil is valid_until; required. The offer is expired when
	// now > ValidUntil (at ValidUntil itself it is still valid).
	ValidUntil time.Time
	// FeeFixed is a fixed fee (tarifa de cadastro and similar), whole cents,
	// from 0 to R$ 1,000,000,000.00. The zero value is no fee.
	FeeFixed decimal.Decimal
	// FeePercent is a fee in percent of the requested amount, from 0 to 100
	// with at most FeePlaces decimal places. The zero value is no fee.
	FeePercent decimal.Decimal
	// BorrowerClass is the borrower's class for the IOF (pf, pj, simples, mei);
	// required: the zero class is an error, never a guess.
	BorrowerClass iof.Class
}

// FeePlaces is the most decimal places of percent Offer.FeePercent may have:
// like an interest rate, a fee percentage is held exactly and refused, not
// rounded, when it has more.
const FeePlaces = 10

const (
	feeScale     = 10_000_000_000 // 10^FeePlaces: FeePercent in units of 10^-10 %
	maxFeeUnits  = 100 * feeScale
	feeDivisor   = 100 * feeScale // cents × units / feeDivisor = fee cents
	minMoney     = schedule.MinPrincipalCents
	maxMoney     = schedule.MaxPrincipalCents
	maxInstCount = schedule.MaxInstallments
)

// checkedOffer is an Offer validated and converted to cents.
type checkedOffer struct {
	approved, min, feeFixed int64
	feeUnits                int64 // FeePercent × 10^10
	lo, hi                  int   // allowed installment counts
	fixed                   bool
}

// check validates o (the package doc, "Request checks", step 1).
func (o *Offer) check() (checkedOffer, error) {
	var c checkedOffer
	if o.ID != "" {
		if err := validation.CheckID(o.ID, validation.CreditOffer); err != nil {
			return c, err
		}
	}
	if o.CustomerID != "" {
		if err := validation.CheckID(o.CustomerID, validation.Customer); err != nil {
			return c, apierr.Relabel(err, "customer_id")
		}
	}
	if !o.Status.Valid() {
		return c, apierr.Errorf(apierr.InvalidFormat, "status",
			"status %s is not a credit offer status; expected available, accepted or expired", o.Status)
	}
	if o.ValidUntil.IsZero() {
		return c, apierr.Wrap(apierr.ErrEmpty, apierr.MissingRequiredField, "valid_until",
			"valid_until is the zero time; want the instant the offer expires")
	}
	var err error
	if c.approved, err = offerMoney(o.ApprovedAmount, "approved_amount"); err != nil {
		return c, err
	}
	if c.min, err = offerMoney(o.MinAmount, "min_amount"); err != nil {
		return c, err
	}
	if c.min > c.approved {
		return c, apierr.Wrap(apierr.ErrRange, apierr.AmountOutOfRange, "min_amount",
			"min_amount %s is above approved_amount %s", money.FormatCents(c.min), money.FormatCents(c.approved))
	}
	if err := o.checkCounts(&c); err != nil {
		return c, err
	}
	if c.feeFixed, err = money.ToCents(o.FeeFixed); err != nil {
		return c, apierr.Relabel(err, "fee_fixed")
	}
	if c.feeFixed < 0 || c.feeFixed > maxMoney {
		return c, apierr.Wrap(apierr.ErrRange, apierr.AmountOutOfRange, "fee_fixed",
			"fee_fixed %s is outside 0.00 to 1000000000.00", money.FormatCents(c.feeFixed))
	}
	if c.feeUnits, err = feeUnits(o.FeePercent); err != nil {
		return c, err
	}
	if o.BorrowerClass < iof.Individual || o.BorrowerClass > iof.MEI {
		if o.BorrowerClass == 0 {
			return c, apierr.Wrap(apierr.ErrEmpty, apierr.MissingRequiredField, "borrower_class",
				"borrower_class is required: pf, pj, simples or mei")
		}
		return c, apierr.Wrap(iof.ErrUnknownClass, apierr.InvalidFormat, "borrower_class",
			"borrower_class %s is not a class; expected pf, pj, simples or mei", o.BorrowerClass)
	}
	return c, nil
}

// checkCounts validates the installment rule: a fixed count or a range.
func (o *Offer) checkCounts(c *checkedOffer) error {
	rangeSet := o.MinInstallments != 0 || o.MaxInstallments != 0
	switch {
	case o.Installments != 0 && rangeSet:
		return apierr.Errorf(apierr.InvalidFormat, "installments",
			"installments (%d) and min_installments/max_installments (%d/%d) are exclusive; an offer has a fixed count or a range",
			o.Installments, o.MinInstallments, o.MaxInstallments)
	case o.Installments != 0:
		if o.Installments < 1 || o.Installments > maxInstCount {
			return countRangeError("installments", o.Installments)
		}
		c.lo, c.hi, c.fixed = o.Installments, o.Installments, true
	case rangeSet:
		if o.MinInstallments < 1 || o.MinInstallments > maxInstCount {
			return countRangeError("min_installments", o.MinInstallments)
		}
		if o.MaxInstallments < 1 || o.MaxInstallments > maxInstCount {
			return countRangeError("max_installments", o.MaxInstallments)
		}
		if o.MinInstallments > o.MaxInstallments {
			return apierr.Wrap(apierr.ErrRange, apierr.InstallmentsOutOfRange, "min_installments",
				"min_installments %d is above max_installments %d", o.MinInstallments, o.MaxInstallments)
		}
		c.lo, c.hi = o.MinInstallments, o.MaxInstallments
	default:
		return apierr.Wrap(apierr.ErrEmpty, apierr.MissingRequiredField, "installments",
			"the offer has neither installments nor min_installments and max_installments")
	}
	return nil
}

func countRangeError(param string, n int) error {
	return apierr.Wrap(apierr.ErrRange, apierr.InstallmentsOutOfRange, param,
		"%s %d is outside 1 to %d", param, n, maxInstCount)
}

// offerMoney converts an offer's amount bound: whole cents within the library's
// principal bounds.
func offerMoney(d decimal.Decimal, param string) (int64, error) {
	c, err := money.ToCents(d)
	if err != nil {
		return 0, apierr.Relabel(err, param)
	}
	if c < minMoney || c > maxMoney {
		return 0, apierr.Wrap(apierr.ErrRange, apierr.AmountOutOfRange, param,
			"%s %s is outside 1.00 to 1000000000.00", param, money.FormatCents(c))
	}
	return c, nil
}

// feeUnits converts a fee percentage to units of 10^-FeePlaces percent, exactly.
func feeUnits(p decimal.Decimal) (int64, error) {
	if p.Sign() < 0 || p.GreaterThan(decimal.NewFromInt(100)) {
		return 0, apierr.Wrap(apierr.ErrRange, apierr.RateOutOfRange, "fee_percent",
			"fee_percent %s is outside 0 to 100", describe(p))
	}
	if p.NumDigits() <= 18 {
		coef, exp := p.CoefficientInt64(), int(p.Exponent())
		switch {
		case coef == 0:
			return 0, nil
		case exp >= -FeePlaces:
			// coef·10^exp ≤ 100, so coef·10^(exp+10) ≤ 10^12.
			for ; exp > -FeePlaces; exp-- {
				coef *= 10
			}
			return coef, nil
		default:
			k := -FeePlaces - exp
			if k <= 18 && coef%pow10(k) == 0 {
				return coef / pow10(k), nil
			}
		}
	} else {
		// Many digits: a percentage ≤ 100 is a whole number of units only when
		// the digits past FeePlaces places are zeros.
		scaled := p.Shift(FeePlaces)
		if scaled.IsInteger() {
			return scaled.IntPart(), nil
		}
	}
	return 0, apierr.Wrap(apierr.ErrPrecision, apierr.InvalidFormat, "fee_percent",
		"fee_percent %s has more than %d decimal places", describe(p), FeePlaces)
}

func pow10(k int) int64 {
	v := int64(1)
	for ; k > 0; k-- {
		v *= 10
	}
	return v
}

// describe renders d for an error detail without expanding a huge exponent.
func describe(d decimal.Decimal) string {
	if e := d.Exponent(); e < -40 || e > 40 {
		return d.Coefficient().Text(10) + "e" + big.NewInt(int64(e)).String()
	}
	return d.String()
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
// carries it ("25000.00": digits, a point, exactly two decimals; see
// money.Parse) and installment_count. A requested_amount not in the
// wire format is invalid_format with param requested_amount. The count is
// checked against the offer by Simulate, not here.
func ParseRequest(requestedAmount string, installmentCount int) (Request, error) {
	d, err := money.Parse(requestedAmount)
	if err != nil {
		return Request{}, apierr.Relabel(err, "requested_amount")
	}
	return Request{RequestedAmount: d, InstallmentCount: installmentCount}, nil
}

// Charges is how the fees and the IOF reach the customer (lending-math.md §6).
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
		"charges %q is not a charges mode; expected deducted or financed", clip(s))
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

func clip(s string) string {
	if len(s) > 64 {
		return s[:64] + "..."
	}
	return s
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
	// (missing_required_field, param release_date).
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
	return nil
}

func (o *Options) terms(n int) schedule.Terms {
	return schedule.Terms{
		Installments:       n,
		Release:            o.Release,
		FirstDue:           o.FirstDue,
		Calendar:           o.Calendar,
		Roll:               o.Roll,
		DayCount:           o.DayCount,
		FirstPeriodMaxDays: o.FirstPeriodMaxDays,
	}
}

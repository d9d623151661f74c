package servicing

import (
	"errors"
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/iof"
	"github.com/dinie/lending/money"
)

// PercentPlaces is the most decimal places of percent a Terms percentage holds
// (0.0000000001 %), the resolution of the contract rate and of the offer's fee
// percentage; more places are refused, never rounded.
const PercentPlaces = 10

// The legal caps of the late charges and of the prepayment fee, in percent.
const (
	// MaxFineConsumer is the fine's cap for individuals and MEIs: 2 % (CDC art. 52 §1).
	MaxFineConsumer = 2
	// MaxFineCompany is the fine's cap for other companies: 10 % (Decreto 22.626/1933,
	// the Lei de Usura, art. 9).
	MaxFineCompany = 10
	// MaxMora is the mora interest's cap: 1 % a month (STJ Súmula 379).
	MaxMora = 1
	// MaxPrepaymentFee bounds the prepayment fee a company (iof.Company) may agree to;
	// individuals, MEIs and Simples companies pay none (Res. CMN 3.516/2007, art. 1).
	MaxPrepaymentFee = 100
)

// DelayInterest is how the remuneratory interest of the days of delay accrues at the
// contract rate i over L days of delay on the unpaid amount U. Compound is the zero
// value. Wire names "compound" and "linear".
type DelayInterest uint8

const (
	// Compound: U × ((1 + i)^(L/30) − 1), the contract's own compounding carried on.
	Compound DelayInterest = iota
	// Linear: U × i × L / 30.
	Linear
)

var delayInterestNames = [...]string{"compound", "linear"}

// String returns the wire name, or "DelayInterest(N)" for a value that is none of the
// constants.
func (d DelayInterest) String() string {
	if int(d) < len(delayInterestNames) {
		return delayInterestNames[d]
	}
	return "DelayInterest(" + strconv.Itoa(int(d)) + ")"
}

// ParseDelayInterest returns the DelayInterest whose wire name is s. Anything else is
// invalid_format (param interest, apierr.ErrUnknown).
func ParseDelayInterest(s string) (DelayInterest, error) {
	for i, n := range delayInterestNames {
		if s == n {
			return DelayInterest(i), nil
		}
	}
	return 0, apierr.Wrap(apierr.ErrUnknown, apierr.InvalidFormat, paramInterest,
		"interest %s is not a way of accruing; expected compound or linear", apierr.Quote(s))
}

// CountFrom is the day the days of delay L count from when a late installment's
// nominal date fell on a non-business day and was rolled. Original is the zero value.
// Wire names "original" and "rolled".
type CountFrom uint8

const (
	// Original: from the earlier of the nominal and the rolled due date. A payment that
	// misses the rolled date owes the days from the nominal one (STJ, REsp 1.954.924).
	Original CountFrom = iota
	// Rolled: from the rolled due date.
	Rolled
)

var countFromNames = [...]string{"original", "rolled"}

// String returns the wire name, or "CountFrom(N)" for a value that is none of the
// constants.
func (c CountFrom) String() string {
	if int(c) < len(countFromNames) {
		return countFromNames[c]
	}
	return "CountFrom(" + strconv.Itoa(int(c)) + ")"
}

// ParseCountFrom returns the CountFrom whose wire name is s. Anything else is
// invalid_format (param count_from, apierr.ErrUnknown).
func ParseCountFrom(s string) (CountFrom, error) {
	for i, n := range countFromNames {
		if s == n {
			return CountFrom(i), nil
		}
	}
	return 0, apierr.Wrap(apierr.ErrUnknown, apierr.InvalidFormat, paramCountFrom,
		"count_from %s is not a day to count from; expected original or rolled", apierr.Quote(s))
}

// Terms are the contract's servicing terms: what a late installment is charged and
// what a prepayment costs. Percentages are decimals in percent (2 means 2 %) with at
// most PercentPlaces places, within the legal caps of the borrower's class (checked by
// New and Book).
//
// The zero Terms charge no fine and no mora, accrue the delay's remuneratory interest
// compounded from the original due date, and charge no prepayment fee. DefaultTerms
// returns the library's defaults (2 % fine, 1 % a month mora). Terms are plain values.
type Terms struct {
	// FinePercent is the fine (multa), charged once on the unpaid amount at the first
	// day of delay: 0 to 2 for individuals and MEIs (CDC art. 52 §1), 0 to 10 for
	// other companies.
	FinePercent decimal.Decimal
	// MoraPercent is the mora interest in percent a month, simple, by days / 30: 0 to
	// 1 (STJ Súmula 379).
	MoraPercent decimal.Decimal
	// DelayInterest is how the remuneratory interest of the delay accrues.
	DelayInterest DelayInterest
	// CountFrom is the day the delay counts from.
	CountFrom CountFrom
	// PrepaymentFeePercent is a fee in percent of the amount prepaid, for companies
	// (iof.Company) only: 0 to MaxPrepaymentFee. Individuals, MEIs and Simples
	// companies pay none (Res. CMN 3.516/2007, art. 1): any other value is refused.
	PrepaymentFeePercent decimal.Decimal
}

// DefaultTerms returns the library's servicing terms: a 2 % fine, 1 % a month of mora,
// compound remuneratory interest of the delay, days counted from the original due
// date, no prepayment fee.
func DefaultTerms() Terms {
	return Terms{FinePercent: decimal.New(2, 0), MoraPercent: decimal.New(1, 0)}
}

// terms is Terms checked, in units of 10^−10 %.
type terms struct {
	fine, mora, fee int64
	linear          bool
	fromRolled      bool
}

func (t Terms) check(class iof.Class) (terms, error) {
	var out terms
	var err error
	capFine := int64(MaxFineCompany)
	if class == iof.Individual || class == iof.MEI {
		capFine = MaxFineConsumer
	}
	if out.fine, err = percent(t.FinePercent, paramFine, capFine,
		"the fine's cap for a %s borrower (CDC art. 52 §1 for individuals and MEIs, Decreto 22.626/1933 art. 9 for companies)", class); err != nil {
		return out, err
	}
	if out.mora, err = percent(t.MoraPercent, paramMora, MaxMora, "the mora interest's cap a month (STJ Súmula 379)"); err != nil {
		return out, err
	}
	capFee := int64(MaxPrepaymentFee)
	if class != iof.Company {
		capFee = 0
	}
	if out.fee, err = percent(t.PrepaymentFeePercent, paramFee, capFee,
		"the prepayment fee allowed for a %s borrower (none for individuals, MEIs and Simples companies, Res. CMN 3.516/2007 art. 1)", class); err != nil {
		return out, err
	}
	switch {
	case int(t.DelayInterest) >= len(delayInterestNames):
		return out, apierr.Wrap(apierr.ErrUnknown, apierr.InvalidFormat, paramInterest,
			"interest %s is not a way of accruing; expected compound or linear", t.DelayInterest)
	case int(t.CountFrom) >= len(countFromNames):
		return out, apierr.Wrap(apierr.ErrUnknown, apierr.InvalidFormat, paramCountFrom,
			"count_from %s is not a day to count from; expected original or rolled", t.CountFrom)
	}
	out.linear, out.fromRolled = t.DelayInterest == Linear, t.CountFrom == Rolled
	return out, nil
}

// percent converts p to units of 10^−10 % and checks 0 ≤ p ≤ cap.
func percent(p decimal.Decimal, param string, cap int64, why string, args ...any) (int64, error) {
	u, err := money.ToUnits(p, PercentPlaces)
	if errors.Is(err, apierr.ErrRange) {
		return 0, apierr.Wrap(apierr.ErrRange, apierr.RateOutOfRange, param, "%s is outside 0 to %d", param, cap)
	}
	if err != nil {
		return 0, apierr.Relabel(err, param)
	}
	if u < 0 || u > cap*percentUnit {
		e := apierr.Wrap(ErrLegalCap, apierr.RateOutOfRange, param, "%s %s is outside 0 to %d, "+why,
			append([]any{param, fmtPercent(u), cap}, args...)...)
		if u < 0 {
			e = apierr.Wrap(apierr.ErrRange, apierr.RateOutOfRange, param, "%s %s is negative; expected 0 to %d",
				param, fmtPercent(u), cap)
		}
		return 0, e
	}
	return u, nil
}

// percentUnit is 1 % in units of 10^−10 %.
const percentUnit = 10_000_000_000

// fmtPercent writes units of 10^−10 % as a percent without trailing zeros.
func fmtPercent(u int64) string { return string(money.AppendTrimmed(nil, u, PercentPlaces)) }

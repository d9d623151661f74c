package statemachine

import (
	"errors"
	"strconv"
	"time"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/calendar"
	"github.com/dinie/lending/iof"
	"github.com/dinie/lending/money"
	"github.com/dinie/lending/schedule"
	"github.com/dinie/lending/validation"
	"github.com/shopspring/decimal"
)

// Offer is a credit offer (co_): the API's CreditOffer fields, plus what the API
// leaves to the lender — the fees and the borrower's class. It is the library's one
// offer type: its lifecycle (At, LoanCancelled, RequestLoan) and the simulation
// (package simulation) read the same value, so nothing is kept in step by hand.
//
// Offer is a plain value; its methods return new ones. Check validates every field;
// every function that takes an Offer checks it first (a few nanoseconds, no
// allocation).
type Offer struct {
	// ID is the offer's id (co_ + 32 hex digits). It becomes a simulation's
	// credit_offer_id. Optional: an empty ID gives an empty credit_offer_id; a
	// non-empty one must be a credit offer ID (validation.CheckID).
	ID string
	// CustomerID is the customer's id (cust_…); optional, checked when set.
	CustomerID string
	// Status is available, accepted or expired; the zero value is invalid.
	Status OfferStatus
	// ApprovedAmount is approved_amount, the largest requested amount: whole cents,
	// from R$ 1.00 to R$ 1,000,000,000.00.
	ApprovedAmount decimal.Decimal
	// MinAmount is min_amount, the smallest requested amount: whole cents, from
	// R$ 1.00 to ApprovedAmount.
	MinAmount decimal.Decimal
	// InterestRate is interest_rate, percent per month.
	InterestRate schedule.MonthlyRate
	// Installments is a fixed installment count (the API's installments), 1 to 420;
	// zero when the offer has a range instead.
	Installments int
	// MinInstallments and MaxInstallments are the API's range of counts,
	// 1 ≤ MinInstallments ≤ MaxInstallments ≤ 420; both zero when the offer has a
	// fixed count.
	MinInstallments, MaxInstallments int
	// DueDateRule is the API's due_date_rule, which the contract does not specify
	// yet; it is carried, never interpreted ("" stands for null), at most
	// MaxDueDateRuleLen bytes.
	DueDateRule string
	// ValidUntil is valid_until; required. The offer is expired when now >
	// ValidUntil (at ValidUntil itself it is still valid).
	ValidUntil time.Time
	// FeeFixed is a fixed fee (tarifa de cadastro and similar), whole cents, from 0
	// to R$ 1,000,000,000.00. The zero value is no fee.
	FeeFixed decimal.Decimal
	// FeePercent is a fee in percent of the requested amount, from 0 to 100 with at
	// most FeePlaces decimal places. The zero value is no fee.
	FeePercent decimal.Decimal
	// BorrowerClass is the borrower's class for the IOF (pf, pj, simples, mei);
	// required: the zero class is an error, never a guess.
	BorrowerClass iof.Class
}

// FeePlaces is the most decimal places of percent Offer.FeePercent may have: like an
// interest rate, a fee percentage is held exactly and refused, not rounded, when it
// has more.
const FeePlaces = 10

// MaxDueDateRuleLen bounds Offer.DueDateRule, a field the library carries unread.
const MaxDueDateRuleLen = 256

// Check validates every field of o, in the order of the fields, and reports the first
// failure: id not a co_ ID (invalid_format, credit_offer_id); customer_id not a cust_ ID
// (invalid_format, customer_id); status not available, accepted or expired
// (invalid_format, status); valid_until the zero time (missing_required_field);
// approved_amount or min_amount not whole cents (invalid_format) or outside 1.00 …
// 1,000,000,000.00 (amount_out_of_range), min_amount above approved_amount
// (amount_out_of_range, min_amount); installments and a min/max range both set
// (invalid_format, installments), neither (missing_required_field, installments), a
// count outside 1 … 420 or min above max (installments_out_of_range); due_date_rule
// longer than MaxDueDateRuleLen (invalid_format); fee_fixed not whole cents
// (invalid_format) or outside 0 … 1,000,000,000.00 (amount_out_of_range); fee_percent
// outside 0 … 100 (rate_out_of_range) or with more than FeePlaces decimals
// (invalid_format); borrower_class the zero class (missing_required_field) or not a
// class (invalid_format). Decimals of any exponent are judged in bounded time.
func (o Offer) Check() error {
	_, err := o.Cents()
	return err
}

// CheckNew is Check for an offer being made at instant now: it must also still be
// valid then (ValidUntil after now), or it would be born expired — value_out_of_range,
// param valid_until.
func (o Offer) CheckNew(now time.Time) error {
	if err := o.Check(); err != nil {
		return err
	}
	if !o.ValidUntil.After(now) {
		return apierr.Wrap(apierr.ErrRange, apierr.ValueOutOfRange, "valid_until",
			"valid_until %s is not after now, %s; an offer is made valid for some time",
			o.ValidUntil.UTC().Format(time.RFC3339), now.UTC().Format(time.RFC3339))
	}
	return nil
}

// InstallmentRange returns the installment counts o allows, lo to hi inclusive (the
// fixed count twice when o has one), and whether it is a fixed count. It does not
// check o.
func (o Offer) InstallmentRange() (lo, hi int, fixed bool) {
	if o.Installments != 0 {
		return o.Installments, o.Installments, true
	}
	return o.MinInstallments, o.MaxInstallments, false
}

// OfferCents is a checked offer's amounts as exact integers, what a simulation
// computes with.
type OfferCents struct {
	Approved, Min, FeeFixed int64 // cents
	FeeUnits                int64 // FeePercent in units of 10^-FeePlaces %
}

// Cents checks o, as Check does, and returns its amounts as exact integers.
func (o Offer) Cents() (OfferCents, error) {
	var c OfferCents
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
		return c, apierr.Wrap(ErrUnknownStatus, apierr.InvalidFormat, "status",
			"status %s is not a credit offer status; expected available, accepted or expired", o.Status)
	}
	if o.ValidUntil.IsZero() {
		return c, apierr.Wrap(apierr.ErrEmpty, apierr.MissingRequiredField, "valid_until",
			"valid_until is the zero time; want the instant the offer expires")
	}
	var err error
	if c.Approved, err = offerMoney(o.ApprovedAmount, "approved_amount"); err != nil {
		return c, err
	}
	if c.Min, err = offerMoney(o.MinAmount, "min_amount"); err != nil {
		return c, err
	}
	if c.Min > c.Approved {
		return c, apierr.Wrap(apierr.ErrRange, apierr.AmountOutOfRange, "min_amount",
			"min_amount %s is above approved_amount %s", money.FormatCents(c.Min), money.FormatCents(c.Approved))
	}
	if err := o.checkCounts(); err != nil {
		return c, err
	}
	if len(o.DueDateRule) > MaxDueDateRuleLen {
		return c, apierr.Wrap(apierr.ErrLength, apierr.InvalidFormat, "due_date_rule",
			"due_date_rule is %d bytes long; expected at most %d", len(o.DueDateRule), MaxDueDateRuleLen)
	}
	if c.FeeFixed, err = money.ToCents(o.FeeFixed); err != nil {
		return c, apierr.Relabel(err, "fee_fixed")
	}
	if c.FeeFixed < 0 || c.FeeFixed > maxOfferCents {
		return c, apierr.Wrap(apierr.ErrRange, apierr.AmountOutOfRange, "fee_fixed",
			"fee_fixed %s is outside 0.00 to 1000000000.00", money.FormatCents(c.FeeFixed))
	}
	if c.FeeUnits, err = feeUnits(o.FeePercent); err != nil {
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

const (
	minOfferCents = schedule.MinPrincipalCents
	maxOfferCents = schedule.MaxPrincipalCents
	maxFeeUnits   = 100 * 10_000_000_000 // 100 % in units of 10^-FeePlaces %
)

// checkCounts validates the installment rule: a fixed count or a range.
func (o Offer) checkCounts() error {
	rangeSet := o.MinInstallments != 0 || o.MaxInstallments != 0
	switch {
	case o.Installments != 0 && rangeSet:
		return apierr.Errorf(apierr.InvalidFormat, "installments",
			"installments (%d) and min_installments/max_installments (%d/%d) are exclusive; an offer has a fixed count or a range",
			o.Installments, o.MinInstallments, o.MaxInstallments)
	case o.Installments != 0:
		return countInRange("installments", o.Installments)
	case rangeSet:
		if err := countInRange("min_installments", o.MinInstallments); err != nil {
			return err
		}
		if err := countInRange("max_installments", o.MaxInstallments); err != nil {
			return err
		}
		if o.MinInstallments > o.MaxInstallments {
			return apierr.Wrap(apierr.ErrRange, apierr.InstallmentsOutOfRange, "min_installments",
				"min_installments %d is above max_installments %d", o.MinInstallments, o.MaxInstallments)
		}
		return nil
	}
	return apierr.Wrap(apierr.ErrEmpty, apierr.MissingRequiredField, "installments",
		"the offer has neither installments nor min_installments and max_installments")
}

func countInRange(param string, n int) error {
	if n >= 1 && n <= schedule.MaxInstallments {
		return nil
	}
	return apierr.Wrap(apierr.ErrRange, apierr.InstallmentsOutOfRange, param,
		"%s %d is outside 1 to %d", param, n, schedule.MaxInstallments)
}

// offerMoney converts an offer's amount bound: whole cents within the library's
// principal bounds.
func offerMoney(d decimal.Decimal, param string) (int64, error) {
	c, err := money.ToCents(d)
	if err != nil {
		return 0, apierr.Relabel(err, param)
	}
	if c < minOfferCents || c > maxOfferCents {
		return 0, apierr.Wrap(apierr.ErrRange, apierr.AmountOutOfRange, param,
			"%s %s is outside 1.00 to 1000000000.00", param, money.FormatCents(c))
	}
	return c, nil
}

// feeUnits converts a fee percentage to units of 10^-FeePlaces percent, exactly;
// money.ToUnits judges a decimal of any exponent in bounded time.
func feeUnits(p decimal.Decimal) (int64, error) {
	u, err := money.ToUnits(p, FeePlaces)
	if err == nil && u >= 0 && u <= maxFeeUnits {
		return u, nil
	}
	if errors.Is(err, apierr.ErrPrecision) {
		return 0, apierr.Wrap(apierr.ErrPrecision, apierr.InvalidFormat, "fee_percent",
			"fee_percent has more than %d decimal places", FeePlaces)
	}
	return 0, apierr.Wrap(apierr.ErrRange, apierr.RateOutOfRange, "fee_percent",
		"fee_percent %s is outside 0 to 100", describePercent(p, u, err))
}

// describePercent prints a refused percentage for a Detail without expanding an
// exponent.
func describePercent(p decimal.Decimal, units int64, err error) string {
	if err == nil {
		var buf [32]byte
		return string(money.AppendTrimmed(buf[:0], units, FeePlaces))
	}
	if e := p.Exponent(); e < -40 || e > 40 || p.NumDigits() > 40 {
		return "of " + strconv.Itoa(p.NumDigits()) + " digits and exponent " + strconv.Itoa(int(e))
	}
	return p.String()
}

func (o Offer) check() error { return o.Check() }

// ExpiredAt reports whether valid_until has passed at instant now: now > valid_until
// (docs/lifecycles.md §5: expired exactly when now > valid_until), so at valid_until itself the offer
// is still valid.
func (o Offer) ExpiredAt(now time.Time) bool { return now.After(o.ValidUntil) }

// At returns the offer as it stands at instant now: an available offer whose
// valid_until has passed becomes expired and emits credit_offer.expired; any other offer
// is returned unchanged with no events (an accepted offer does not expire while its loan
// lives; LoanCancelled settles it). Servers call At whenever they read an offer.
//
// Errors: an invalid status, a zero ValidUntil or a zero now.
func (o Offer) At(now time.Time) (Offer, []Event, error) {
	if err := o.check(); err != nil {
		return o, nil, err
	}
	if err := checkInstant(now, "now"); err != nil {
		return o, nil, err
	}
	if o.Status != OfferAvailable || !o.ExpiredAt(now) {
		return o, nil, nil
	}
	ev, err := offerLifecycle.move(OfferAvailable, OfferExpired, true)
	if err != nil {
		return o, nil, err
	}
	o.Status = OfferExpired
	return o, ev, nil
}

// LoanCancelled returns the accepted offer after its loan is cancelled at instant now:
// available again (emitting credit_offer.available) while now is within valid_until,
// expired (emitting credit_offer.expired) after it (docs/lifecycles.md §5).
//
// Errors: an offer that is not accepted is invalid_transition with a *TransitionError
// whose Action is "loan cancellation"; invalid input as for At.
func (o Offer) LoanCancelled(now time.Time) (Offer, []Event, error) {
	if err := o.check(); err != nil {
		return o, nil, err
	}
	if err := checkInstant(now, "now"); err != nil {
		return o, nil, err
	}
	if o.Status != OfferAccepted {
		te := &TransitionError{Resource: validation.CreditOffer, From: o.Status.String(),
			Action: "loan cancellation", Terminal: offerLifecycle.Terminal(o.Status)}
		return o, nil, transitionError(te,
			"only an accepted credit offer has a loan to cancel; it is %s", o.Status)
	}
	to := OfferAvailable
	if o.ExpiredAt(now) {
		to = OfferExpired
	}
	ev, err := offerLifecycle.move(OfferAccepted, to, true)
	if err != nil {
		return o, nil, err
	}
	o.Status = to
	return o, ev, nil
}

// Quote is what a loan request reads of a simulation (sim_): its id, the instant it
// was made, its release date and the terms a request must echo. *simulation.Simulation
// implements it; the interface keeps this package below the simulation's.
type Quote interface {
	ID() string
	CreatedAt() time.Time
	Release() calendar.Date
	NumberOfInstallments() int
	InstallmentsCents() int64
	FirstDueDate() calendar.Date
}

// LatestSimulation returns the most recent of an offer's simulations, the only one that
// can be contracted (creating a simulation supersedes the earlier ones): the one with the
// latest CreatedAt; of several created at the same instant, the last in sims (list them
// in creation order). It reports false for an empty list. A nil entry is skipped.
func LatestSimulation[Q Quote](sims []Q) (Q, bool) {
	var best Q
	found := false
	for _, s := range sims {
		if isNil(s) {
			continue
		}
		if !found || !s.CreatedAt().Before(best.CreatedAt()) {
			best, found = s, true
		}
	}
	return best, found
}

// isNil reports whether q is Q's zero value: a nil pointer, or a nil interface.
func isNil[Q Quote](q Q) bool {
	var zero Q
	return any(q) == any(zero)
}

// LoanRequest holds the terms a loan request echoes from its simulation: simulation_id
// and installments, installments_value, first_due_date.
type LoanRequest struct {
	SimulationID      string
	Installments      int
	InstallmentsValue decimal.Decimal
	FirstDueDate      calendar.Date
}

// Origination is the outcome of an accepted loan request: the offer, now accepted; the
// simulation the loan is made of (book it with servicing.Book); the new loan's status,
// processing; and the events to emit, loan.created.
type Origination[Q Quote] struct {
	Offer      Offer
	Simulation Q
	Loan       LoanStatus
	Events     []Event
}

// RequestLoan decides a loan request at instant now. It checks, in this order, and
// reports the first failure:
//
//  1. the customer is active, else kyc_incomplete (param customer_id);
//  2. the offer is accepted: offer_already_accepted (409, param credit_offer_id); the
//     offer is expired, or available with now > valid_until: offer_expired (param
//     credit_offer_id);
//  3. the request names the offer's most recent simulation (LatestSimulation of sims,
//     the offer's simulations; at least the latest must be given), else
//     simulation_mismatch (param simulation_id);
//  4. that simulation's release date has not passed: its release is on or after the
//     São Paulo date of now (calendar.DateOf), else simulation_expired (param
//     simulation_id) — the figures were computed for a release that can no longer
//     happen, so the partner simulates again;
//  5. the request echoes that simulation exactly: installments, installments_value
//     (compared in exact cents, so 150.5 equals 150.50 but 150.501 is invalid_format)
//     and first_due_date, else simulation_mismatch naming the field.
//
// The state checks come first because no request could succeed against them. On error
// nothing changes: an available offer found past valid_until is reported as
// offer_expired but not settled; Offer.At settles it. On success the offer becomes
// accepted (which emits nothing: the catalogue has no credit_offer.accepted) and the
// loan starts processing, emitting loan.created.
//
// Invalid input is reported before any rule: an invalid customer status, an offer that
// fails Check, a zero now, a simulation_id that is not a simulation ID (invalid_format,
// param simulation_id, validation.CheckID), a simulation without a valid ID, CreatedAt,
// release date, positive installment count or first due date (invalid_format, param
// simulation).
func RequestLoan[Q Quote](customer CustomerStatus, offer Offer, sims []Q, req LoanRequest,
	now time.Time) (Origination[Q], error) {
	var none Origination[Q]
	if !customer.Valid() {
		return none, apierr.Wrap(ErrUnknownStatus, apierr.InvalidFormat, "status",
			"%s is not a customer status", customer)
	}
	if err := offer.Check(); err != nil {
		return none, err
	}
	if err := checkInstant(now, "now"); err != nil {
		return none, err
	}
	today, err := calendar.DateOf(now)
	if err != nil {
		return none, apierr.Relabel(err, "now")
	}
	if err := validation.CheckID(req.SimulationID, validation.Simulation); err != nil {
		return none, apierr.Relabel(err, "simulation_id")
	}
	for i, s := range sims {
		if isNil(s) {
			continue
		}
		if err := validation.CheckID(s.ID(), validation.Simulation); err != nil {
			var ve *apierr.Error
			errors.As(err, &ve) // validation reports only *apierr.Error
			return none, apierr.Wrap(err, apierr.InvalidFormat, "simulation",
				"simulation %d of the offer has an invalid ID: %s", i, ve.Detail)
		}
		if lack := simulationLacks(s); lack != "" {
			return none, apierr.Errorf(apierr.InvalidFormat, "simulation",
				"simulation %d of the offer %s", i, lack)
		}
	}
	if customer != CustomerActive {
		return none, apierr.Errorf(apierr.KYCIncomplete, "customer_id",
			"the customer is %s; a loan needs an active customer", customer)
	}
	switch {
	case offer.Status == OfferAccepted:
		return none, apierr.Errorf(apierr.OfferAlreadyAccepted, "credit_offer_id",
			"the credit offer already has a loan")
	case offer.Status == OfferExpired || offer.ExpiredAt(now):
		return none, apierr.Errorf(apierr.OfferExpired, "credit_offer_id",
			"the credit offer expired at %s", offer.ValidUntil.UTC().Format(time.RFC3339))
	}
	sim, ok := LatestSimulation(sims)
	if !ok {
		return none, apierr.Errorf(apierr.SimulationMismatch, "simulation_id",
			"the credit offer has no simulation")
	}
	if req.SimulationID != sim.ID() {
		return none, apierr.Errorf(apierr.SimulationMismatch, "simulation_id",
			"simulation_id %s is not the offer's most recent simulation; only the most recent can be contracted",
			apierr.Quote(req.SimulationID))
	}
	if sim.Release().Before(today) {
		return none, apierr.Errorf(apierr.SimulationExpired, "simulation_id",
			"simulation_id %s was computed for a release on %s, which has passed (today is %s in São Paulo); simulate again",
			apierr.Quote(req.SimulationID), sim.Release(), today)
	}
	if err := matchSimulation(sim, req); err != nil {
		return none, err
	}
	ev, err := offerLifecycle.move(OfferAvailable, OfferAccepted, true)
	if err != nil {
		return none, err
	}
	status, created := loanLifecycle.Create()
	offer.Status = OfferAccepted
	return Origination[Q]{Offer: offer, Simulation: sim, Loan: status, Events: append(ev, created...)}, nil
}

// simulationLacks says what a stored simulation lacks, or "".
func simulationLacks(s Quote) string {
	switch {
	case s.CreatedAt().IsZero():
		return "has no CreatedAt"
	case s.Release().IsZero():
		return "has no release date"
	case s.NumberOfInstallments() < 1:
		return "has " + strconv.Itoa(s.NumberOfInstallments()) + " installments; want at least 1"
	case s.FirstDueDate().IsZero():
		return "has no first due date"
	}
	return ""
}

func matchSimulation(sim Quote, req LoanRequest) error {
	if req.Installments != sim.NumberOfInstallments() {
		return apierr.Errorf(apierr.SimulationMismatch, "installments",
			"installments %d differs from the simulation's %d", req.Installments, sim.NumberOfInstallments())
	}
	got, err := money.ToCents(req.InstallmentsValue)
	if err != nil {
		return apierr.Relabel(err, "installments_value")
	}
	if want := sim.InstallmentsCents(); got != want {
		return apierr.Errorf(apierr.SimulationMismatch, "installments_value",
			"installments_value %s differs from the simulation's %s", money.FormatCents(got),
			money.FormatCents(want))
	}
	if req.FirstDueDate != sim.FirstDueDate() {
		return apierr.Errorf(apierr.SimulationMismatch, "first_due_date",
			"first_due_date %s differs from the simulation's %s", req.FirstDueDate, sim.FirstDueDate())
	}
	return nil
}

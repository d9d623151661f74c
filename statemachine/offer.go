package statemachine

import (
	"strconv"
	"time"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/calendar"
	"github.com/dinie/lending/money"
	"github.com/dinie/lending/validation"
	"github.com/shopspring/decimal"
)

// Offer is the part of a credit offer (co_) its lifecycle needs: its status and
// valid_until. Offer is a value: its methods return new ones.
type Offer struct {
	Status     OfferStatus
	ValidUntil time.Time
}

func (o Offer) check() error {
	if !o.Status.Valid() {
		return apierr.Wrap(ErrUnknownStatus, apierr.InvalidFormat, "status",
			"%s is not a credit offer status", o.Status)
	}
	return checkInstant(o.ValidUntil, "valid_until")
}

// ExpiredAt reports whether valid_until has passed at instant now: now > valid_until
// (lifecycles.md: "expired means now > valid_until"), so at valid_until itself the offer
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
// expired (emitting credit_offer.expired) after it (lifecycles.md, "Credit offer").
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

// Simulation is the part of a simulation (sim_) a loan request must echo, with the
// instant it was created.
type Simulation struct {
	ID        string
	CreatedAt time.Time
	// Installments is number_of_installments.
	Installments int
	// InstallmentsValue is installments_value, the regular installment.
	InstallmentsValue decimal.Decimal
	FirstDueDate      calendar.Date
}

// LatestSimulation returns the most recent of an offer's simulations, the only one that
// can be contracted (api-contract.md: "creating a simulation supersedes the earlier
// ones"): the one with the latest CreatedAt; of several created at the same instant, the
// last in sims (list them in creation order). It reports false for an empty list.
func LatestSimulation(sims []Simulation) (Simulation, bool) {
	if len(sims) == 0 {
		return Simulation{}, false
	}
	best := sims[0]
	for _, s := range sims[1:] {
		if !s.CreatedAt.Before(best.CreatedAt) {
			best = s
		}
	}
	return best, true
}

// LoanRequest holds the terms a loan request echoes from its simulation (api-contract.md,
// Loan: simulation_id and installments, installments_value, first_due_date).
type LoanRequest struct {
	SimulationID      string
	Installments      int
	InstallmentsValue decimal.Decimal
	FirstDueDate      calendar.Date
}

// Origination is the outcome of an accepted loan request: the offer, now accepted; the
// new loan's status, processing; and the events to emit, loan.created.
type Origination struct {
	Offer  Offer
	Loan   LoanStatus
	Events []Event
}

// RequestLoan decides a loan request at instant now (lifecycles.md, "Simulation and loan
// origination"). It checks, in this order, and reports the first failure:
//
//  1. the customer is active, else kyc_incomplete (param customer_id);
//  2. the offer is accepted: offer_already_accepted (409, param credit_offer_id); the
//     offer is expired, or available with now > valid_until: offer_expired (param
//     credit_offer_id);
//  3. the request names the offer's most recent simulation (LatestSimulation of sims,
//     the offer's simulations; at least the latest must be given), else
//     simulation_mismatch (param simulation_id);
//  4. it echoes that simulation exactly: installments, installments_value (compared in
//     exact cents, so 150.5 equals 150.50 but 150.501 is invalid_format) and
//     first_due_date, else simulation_mismatch naming the field.
//
// The state checks come first because no request could succeed against them. On error
// nothing changes: an available offer found past valid_until is reported as
// offer_expired but not settled; Offer.At settles it. On success the offer becomes
// accepted (which emits nothing: the catalogue has no
// credit_offer.accepted) and the loan starts processing, emitting loan.created.
//
// Invalid input is reported before any rule: an invalid customer or offer status, zero
// instants, a simulation_id that is not a simulation ID (invalid_format, param
// simulation_id, validation.CheckID), a simulation without a valid ID, CreatedAt, a
// positive installment count or a first due date (param simulation).
func RequestLoan(customer CustomerStatus, offer Offer, sims []Simulation, req LoanRequest,
	now time.Time) (Origination, error) {
	if !customer.Valid() {
		return Origination{}, apierr.Wrap(ErrUnknownStatus, apierr.InvalidFormat, "status",
			"%s is not a customer status", customer)
	}
	if err := offer.check(); err != nil {
		return Origination{}, err
	}
	if err := checkInstant(now, "now"); err != nil {
		return Origination{}, err
	}
	if err := validation.CheckID(req.SimulationID, validation.Simulation); err != nil {
		return Origination{}, apierr.Relabel(err, "simulation_id")
	}
	for i, s := range sims {
		if err := validation.CheckID(s.ID, validation.Simulation); err != nil {
			detail := err.Error()
			if ve, ok := err.(*apierr.Error); ok {
				detail = ve.Detail
			}
			return Origination{}, apierr.Wrap(err, apierr.InvalidFormat, "simulation",
				"simulation %d of the offer has an invalid ID: %s", i, detail)
		}
		if lack := simulationLacks(s); lack != "" {
			return Origination{}, apierr.Errorf(apierr.InvalidFormat, "simulation",
				"simulation %d of the offer %s", i, lack)
		}
	}
	if customer != CustomerActive {
		return Origination{}, apierr.Errorf(apierr.KYCIncomplete, "customer_id",
			"the customer is %s; a loan needs an active customer", customer)
	}
	switch {
	case offer.Status == OfferAccepted:
		return Origination{}, apierr.Errorf(apierr.OfferAlreadyAccepted, "credit_offer_id",
			"the credit offer already has a loan")
	case offer.Status == OfferExpired || offer.ExpiredAt(now):
		return Origination{}, apierr.Errorf(apierr.OfferExpired, "credit_offer_id",
			"the credit offer expired at %s", offer.ValidUntil.UTC().Format(time.RFC3339))
	}
	sim, ok := LatestSimulation(sims)
	if !ok {
		return Origination{}, apierr.Errorf(apierr.SimulationMismatch, "simulation_id",
			"the credit offer has no simulation")
	}
	if req.SimulationID != sim.ID {
		return Origination{}, apierr.Errorf(apierr.SimulationMismatch, "simulation_id",
			"simulation %s is not the offer's most recent simulation %s; only the most recent can be contracted",
			quote(req.SimulationID), quote(sim.ID))
	}
	if err := matchSimulation(sim, req); err != nil {
		return Origination{}, err
	}
	ev, err := offerLifecycle.move(OfferAvailable, OfferAccepted, true)
	if err != nil {
		return Origination{}, err
	}
	status, created := loanLifecycle.Create()
	offer.Status = OfferAccepted
	return Origination{Offer: offer, Loan: status, Events: append(ev, created...)}, nil
}

// simulationLacks says what a stored simulation lacks, or "".
func simulationLacks(s Simulation) string {
	switch {
	case s.CreatedAt.IsZero():
		return "has no CreatedAt"
	case s.Installments < 1:
		return "has " + strconv.Itoa(s.Installments) + " installments; want at least 1"
	case s.FirstDueDate.IsZero():
		return "has no first due date"
	}
	return ""
}

func matchSimulation(sim Simulation, req LoanRequest) error {
	if req.Installments != sim.Installments {
		return apierr.Errorf(apierr.SimulationMismatch, "installments",
			"installments %d differs from the simulation's %d", req.Installments, sim.Installments)
	}
	want, err := cents(sim.InstallmentsValue, "installments_value")
	if err != nil {
		return err
	}
	got, err := cents(req.InstallmentsValue, "installments_value")
	if err != nil {
		return err
	}
	if got != want {
		return apierr.Errorf(apierr.SimulationMismatch, "installments_value",
			"installments_value %s differs from the simulation's %s", money.FormatCents(got),
			money.FormatCents(want))
	}
	if req.FirstDueDate != sim.FirstDueDate {
		return apierr.Errorf(apierr.SimulationMismatch, "first_due_date",
			"first_due_date %s differs from the simulation's %s", req.FirstDueDate, sim.FirstDueDate)
	}
	return nil
}

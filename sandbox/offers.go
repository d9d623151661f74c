package sandbox

import (
	"net/http"
	"time"

	"github.com/shopspring/decimal"

	"github.com/dinie/lending/api"
	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/calendar"
	"github.com/dinie/lending/schedule"
	"github.com/dinie/lending/simulation"
	"github.com/dinie/lending/statemachine"
	"github.com/dinie/lending/validation"
)

func (s *Server) offerRoutes() {
	s.route(http.MethodGet, "/customers/{id}/credit-offers", true, (*call).customerOffers)
	s.route(http.MethodGet, "/credit-offers", true, (*call).listOffers)
	s.route(http.MethodGet, "/credit-offers/{id}", true, (*call).getOffer)
	s.route(http.MethodPost, "/credit-offers/{id}/simulations", true, (*call).simulate)
}

// The sandbox's default offer, made to every customer that becomes active: R$ 1,000.00
// to 50,000.00 at 2.99 % a.m. over 3 to 24 installments, valid for 30 days, no fees.
var (
	defaultRate, _ = schedule.ParsePercentPerMonth("2.99")
	defaultValid   = 30 * 24 * time.Hour
)

func (s *Server) defaultOffer(rec *customerRec) {
	_, _ = s.addOffer(rec.partner, s.newOffer(rec)) // the default offer is valid by construction
}

// newOffer is the default offer for a customer, made now, for the borrower class its
// registration presumes (statemachine.Registration.BorrowerClass).
func (s *Server) newOffer(rec *customerRec) statemachine.Offer {
	return statemachine.Offer{CustomerID: rec.wire.ID, Status: statemachine.OfferAvailable,
		ApprovedAmount: decimal.New(5_000_000, -2), MinAmount: decimal.New(100_000, -2),
		InterestRate: defaultRate, MinInstallments: 3, MaxInstallments: 24,
		ValidUntil: s.now().Add(defaultValid), BorrowerClass: rec.wire.Registration().BorrowerClass()}
}

// addOffer stores a new available offer for a partner's customer and emits
// credit_offer.available. Callers hold s.mu.
func (s *Server) addOffer(partner string, o statemachine.Offer) (api.CreditOffer, error) {
	if err := full(len(s.st.offers)); err != nil {
		return api.CreditOffer{}, err
	}
	id, err := s.newID(validation.CreditOffer)
	if err != nil {
		return api.CreditOffer{}, err
	}
	o.ID = id
	w, err := api.CreditOfferOf(o)
	if err != nil {
		return api.CreditOffer{}, err
	}
	s.st.offers[id] = &offerRec{partner: partner, offer: o, createdAt: s.now()}
	s.st.offerOrder = append(s.st.offerOrder, id)
	s.emit(partner, statemachine.EventCreditOfferAvailable, w)
	return w, nil
}

// settle returns the offer as it stands now, expiring it (and emitting
// credit_offer.expired) when valid_until has passed. Callers hold s.mu.
func (s *Server) settle(rec *offerRec) statemachine.Offer {
	next, events, err := rec.offer.At(s.now())
	if err == nil && len(events) > 0 {
		rec.offer = next
		w, _ := api.CreditOfferOf(next)
		s.emitAll(rec.partner, events, w)
	}
	return rec.offer
}

func (c *call) offer() (*offerRec, error) {
	id := c.r.PathValue("id")
	if err := validation.CheckID(id, validation.CreditOffer); err != nil {
		return nil, apierr.Relabel(err, "id")
	}
	rec, ok := c.s.st.offers[id]
	if !ok || rec.partner != c.partner {
		return nil, notFound("credit_offer", id)
	}
	c.s.settle(rec)
	return rec, nil
}

func (c *call) getOffer() (int, any, error) {
	rec, err := c.offer()
	if err != nil {
		return 0, nil, err
	}
	w, err := api.CreditOfferOf(rec.offer)
	return http.StatusOK, w, err
}

func (c *call) listOffers() (int, any, error) { return c.offers("") }

func (c *call) customerOffers() (int, any, error) {
	rec, err := c.customer()
	if err != nil {
		return 0, nil, err
	}
	return c.offers(rec.wire.ID)
}

// offers lists the partner's offers, newest first, of one customer when customer is
// set, filtered by ?status=.
func (c *call) offers(customer string) (int, any, error) {
	var status statemachine.OfferStatus
	if v := c.r.URL.Query().Get("status"); v != "" {
		var err error
		if status, err = statemachine.ParseOfferStatus(v); err != nil {
			return 0, nil, apierr.Relabel(err, "status")
		}
	}
	var list []api.CreditOffer
	for i := len(c.s.st.offerOrder) - 1; i >= 0; i-- {
		rec := c.s.st.offers[c.s.st.offerOrder[i]]
		if rec.partner != c.partner || customer != "" && rec.offer.CustomerID != customer {
			continue
		}
		o := c.s.settle(rec)
		if status != 0 && o.Status != status {
			continue
		}
		w, err := api.CreditOfferOf(o)
		if err != nil {
			return 0, nil, err
		}
		list = append(list, w)
	}
	page, err := pageOf(c.r, list, func(x api.CreditOffer) string { return x.ID }, validation.CreditOffer)
	return http.StatusOK, page, err
}

// simulate is POST /credit-offers/{id}/simulations: the simulation of the request for
// a release today (in São Paulo), which supersedes the offer's earlier ones.
func (c *call) simulate() (int, any, error) {
	rec, err := c.offer()
	if err != nil {
		return 0, nil, err
	}
	var req api.SimulationRequest
	if err := api.DecodeBytes(c.body, &req); err != nil {
		return 0, nil, err
	}
	r, err := req.Request()
	if err != nil {
		return 0, nil, err
	}
	if err := full(len(c.s.st.sims)); err != nil {
		return 0, nil, err
	}
	now := c.s.now()
	release, err := calendar.DateOf(now)
	if err != nil {
		return 0, nil, err
	}
	sim, err := simulation.Simulate(rec.offer, r, simulation.Options{Now: now, Release: release})
	if err != nil {
		return 0, nil, err
	}
	id, err := c.s.newID(validation.Simulation)
	if err != nil {
		return 0, nil, err
	}
	if sim, err = sim.WithID(id); err != nil {
		return 0, nil, err
	}
	c.s.st.sims[id] = sim
	c.s.st.simsByOffer[rec.offer.ID] = append(c.s.st.simsByOffer[rec.offer.ID], sim)
	return http.StatusCreated, sim, nil
}

package sandbox

import (
	"net/http"

	"github.com/dinie/lending/api"
	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/calendar"
	"github.com/dinie/lending/servicing"
	"github.com/dinie/lending/statemachine"
	"github.com/dinie/lending/validation"
)

type loanRec struct {
	partner  string
	rec      api.LoanRecord
	offer    *offerRec
	serviced *servicing.Loan // from active on
	txIDs    []string        // the installments' tx_ ids, assigned at booking
}

func (s *Server) loanRoutes() {
	s.route(http.MethodPost, "/loans", true, (*call).createLoan)
	s.route(http.MethodGet, "/loans", true, (*call).listLoans)
	s.route(http.MethodGet, "/loans/{id}", true, (*call).getLoan)
	s.route(http.MethodGet, "/loans/{id}/transactions", true, (*call).transactions)
}

// createLoan is POST /loans: statemachine.RequestLoan decides it against the offer's
// simulations; the loan starts processing.
func (c *call) createLoan() (int, any, error) {
	var req api.LoanRequest
	if err := api.DecodeBytes(c.body, &req); err != nil {
		return 0, nil, err
	}
	offerID, terms, err := req.Terms()
	if err != nil {
		return 0, nil, err
	}
	orec, ok := c.s.st.offers[offerID]
	if !ok || orec.partner != c.partner {
		return 0, nil, notFound("credit_offer", offerID)
	}
	offer := c.s.settle(orec)
	cust, ok := c.s.st.customers[offer.CustomerID]
	if !ok {
		return 0, nil, apierr.Errorf(apierr.Internal, "", "offer %s has no customer", offerID)
	}
	if err := full(len(c.s.st.loans)); err != nil {
		return 0, nil, err
	}
	now := c.s.now()
	org, err := statemachine.RequestLoan(cust.state.Status, offer, c.s.st.simsByOffer[offerID], terms, now)
	if err != nil {
		return 0, nil, err
	}
	id, err := c.s.newID(validation.Loan)
	if err != nil {
		return 0, nil, err
	}
	orec.offer = org.Offer
	lr := &loanRec{partner: c.partner, offer: orec, rec: api.LoanRecord{ID: id, CustomerID: cust.wire.ID,
		CreditOfferID: offerID, Status: org.Loan, Simulation: org.Simulation, CreatedAt: api.InstantOf(now)}}
	c.s.st.loans[id] = lr
	c.s.st.loanOrder = append(c.s.st.loanOrder, id)
	w, err := api.LoanOf(lr.rec)
	if err != nil {
		return 0, nil, err
	}
	c.s.emitAll(c.partner, org.Events, w)
	return http.StatusCreated, w, nil
}

func (c *call) loan() (*loanRec, error) {
	id := c.r.PathValue("id")
	if err := validation.CheckID(id, validation.Loan); err != nil {
		return nil, apierr.Relabel(err, "id")
	}
	rec, ok := c.s.st.loans[id]
	if !ok || rec.partner != c.partner {
		return nil, notFound("loan", id)
	}
	return rec, nil
}

func (c *call) getLoan() (int, any, error) {
	rec, err := c.loan()
	if err != nil {
		return 0, nil, err
	}
	w, err := api.LoanOf(rec.rec)
	return http.StatusOK, w, err
}

func (c *call) listLoans() (int, any, error) {
	var list []api.Loan
	for i := len(c.s.st.loanOrder) - 1; i >= 0; i-- {
		rec := c.s.st.loans[c.s.st.loanOrder[i]]
		if rec.partner != c.partner {
			continue
		}
		w, err := api.LoanOf(rec.rec)
		if err != nil {
			return 0, nil, err
		}
		list = append(list, w)
	}
	page, err := pageOf(c.r, list, func(x api.Loan) string { return x.ID }, validation.Loan)
	return http.StatusOK, page, err
}

// transactions is GET /loans/{id}/transactions: the installments as of the sandbox's
// date in São Paulo (servicing.Loan.Transactions), with their late charges; an empty
// list before the loan is active (nothing is owed before the disbursement).
func (c *call) transactions() (int, any, error) {
	rec, err := c.loan()
	if err != nil {
		return 0, nil, err
	}
	if rec.serviced == nil {
		return http.StatusOK, api.List[servicing.Transaction]{}, nil
	}
	today, err := calendar.DateOf(c.s.now())
	if err != nil {
		return 0, nil, err
	}
	txs, err := api.TransactionsOf(rec.serviced, rec.txIDs, today)
	if err != nil {
		return 0, nil, err
	}
	page, err := pageOf(c.r, txs, func(x api.Transaction) string { return x.ID }, validation.Transaction)
	return http.StatusOK, page, err
}

package api

import (
	"strconv"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/calendar"
	"github.com/dinie/lending/schedule"
	"github.com/dinie/lending/simulation"
	"github.com/dinie/lending/statemachine"
	"github.com/dinie/lending/validation"
)

// Loan is the API's loan resource (ln_) on the wire. Its terms come from the
// simulation it was made of; three fields depend on the status, a decision of the
// library where the contract lists them without saying when:
//
//   - ccb_number: null while processing; the CCB's number from contract_generated on
//     (and in a cancelled or failed loan whose CCB had been generated);
//   - signing_url: only while awaiting_signatures, null otherwise — a link to sign is
//     offered only while signatures are awaited;
//   - net_amount: the amount released to the borrower by the disbursement, from
//     disbursing on (disbursing, active, finished); null before, since nothing has been
//     released (the simulation's figure is in the simulation).
type Loan struct {
	ID                   string                  `json:"id"`
	Status               statemachine.LoanStatus `json:"status"`
	CustomerID           string                  `json:"customer_id"`
	CreditOfferID        string                  `json:"credit_offer_id"`
	SimulationID         string                  `json:"simulation_id"`
	RequestedAmount      Money                   `json:"requested_amount"`
	NetAmount            *Money                  `json:"net_amount"`
	IOF                  Money                   `json:"iof"`
	ServiceFee           Money                   `json:"service_fee"`
	InterestRate         schedule.MonthlyRate    `json:"interest_rate"`
	CET                  jsonDecimal             `json:"cet"`
	TotalAmount          Money                   `json:"total_amount"`
	InstallmentsValue    Money                   `json:"installments_value"`
	FirstDueDate         calendar.Date           `json:"first_due_date"`
	NumberOfInstallments int                     `json:"number_of_installments"`
	CCBNumber            *string                 `json:"ccb_number"`
	DisbursementMethod   string                  `json:"disbursement_method"`
	SigningURL           *string                 `json:"signing_url"`
	CreatedAt            Instant                 `json:"created_at"`
}

// LoanRecord is what a server holds of a loan: its ids, its status, the simulation it
// was made of, and the documents the lender issued (the CCB's number and the link to
// sign it). DisbursementMethod defaults to "pix".
type LoanRecord struct {
	ID, CustomerID, CreditOfferID string
	Status                        statemachine.LoanStatus
	Simulation                    *simulation.Simulation
	CCBNumber, SigningURL         string
	DisbursementMethod            string
	CreatedAt                     Instant
}

// LoanOf is the wire form of a loan record. Errors: a nil simulation, an invalid
// status or id (invalid_format).
func LoanOf(r LoanRecord) (Loan, error) {
	if r.Simulation == nil {
		return Loan{}, apierr.Errorf(apierr.InvalidFormat, "simulation", "a loan record has no simulation")
	}
	if !r.Status.Valid() {
		return Loan{}, apierr.Wrap(statemachine.ErrUnknownStatus, apierr.InvalidFormat, "status",
			"%s is not a loan status", r.Status)
	}
	if err := validation.CheckID(r.ID, validation.Loan); err != nil {
		return Loan{}, apierr.Relabel(err, "id")
	}
	s := r.Simulation
	c := s.Cents()
	cet := int64(s.CETPercentage()*100 + 0.5) // a 2-decimal value held as float64; exact to the hundredth
	if s.CETPercentage() < 0 {
		cet = int64(s.CETPercentage()*100 - 0.5)
	}
	l := Loan{ID: r.ID, Status: r.Status, CustomerID: r.CustomerID, CreditOfferID: r.CreditOfferID,
		SimulationID: s.ID(), RequestedAmount: Money(c.Requested), IOF: Money(c.IOF), ServiceFee: Money(c.Fees),
		InterestRate: s.InterestPercentage(), CET: jsonDecimal{units: cet, places: 2},
		TotalAmount: Money(c.Total), InstallmentsValue: Money(c.Installment), FirstDueDate: s.FirstDueDate(),
		NumberOfInstallments: s.NumberOfInstallments(), DisbursementMethod: r.DisbursementMethod,
		CreatedAt: r.CreatedAt}
	if l.DisbursementMethod == "" {
		l.DisbursementMethod = "pix"
	}
	switch r.Status {
	case statemachine.LoanDisbursing, statemachine.LoanActive, statemachine.LoanFinished:
		net := Money(c.Amount)
		l.NetAmount = &net
	}
	if r.CCBNumber != "" && r.Status != statemachine.LoanProcessing {
		n := r.CCBNumber
		l.CCBNumber = &n
	}
	if r.SigningURL != "" && r.Status == statemachine.LoanAwaitingSignatures {
		u := r.SigningURL
		l.SigningURL = &u
	}
	return l, nil
}

// MarshalJSON writes the loan.
func (l Loan) MarshalJSON() ([]byte, error) {
	type plain Loan
	return jsonMarshal(plain(l))
}

// LoanRequest is the body of POST /loans: the offer, its simulation and the echoed
// terms. A nil field was absent.
type LoanRequest struct {
	CreditOfferID     *string        `json:"credit_offer_id"`
	SimulationID      *string        `json:"simulation_id"`
	Installments      *int           `json:"installments"`
	InstallmentsValue *Money         `json:"installments_value"`
	FirstDueDate      *calendar.Date `json:"first_due_date"`
}

// Terms checks that every field was sent (missing_required_field, all gathered), that
// the ids are a credit offer's and a simulation's (invalid_format), and returns the
// offer id and the terms as statemachine.RequestLoan reads them.
func (r LoanRequest) Terms() (offerID string, terms statemachine.LoanRequest, err error) {
	var errs apierr.Errors
	missing := func(param string) {
		errs = errs.Append(apierr.Wrap(apierr.ErrEmpty, apierr.MissingRequiredField, param, "%s is required", param))
	}
	if r.CreditOfferID == nil {
		missing("credit_offer_id")
	} else {
		errs = errs.Append(validation.CheckID(*r.CreditOfferID, validation.CreditOffer))
	}
	if r.SimulationID == nil {
		missing("simulation_id")
	} else {
		errs = errs.Append(validation.CheckID(*r.SimulationID, validation.Simulation))
	}
	if r.Installments == nil {
		missing("installments")
	}
	if r.InstallmentsValue == nil {
		missing("installments_value")
	}
	if r.FirstDueDate == nil {
		missing("first_due_date")
	}
	if err := errs.Err(); err != nil {
		return "", statemachine.LoanRequest{}, err
	}
	return *r.CreditOfferID, statemachine.LoanRequest{SimulationID: *r.SimulationID, Installments: *r.Installments,
		InstallmentsValue: r.InstallmentsValue.Decimal(), FirstDueDate: *r.FirstDueDate}, nil
}

// CCBNumber formats the number of a loan's CCB from a sequence number: "CCB-" and the
// number in at least 10 digits ("CCB-0000000042"). The format is the library's; the
// contract leaves it to the lender.
func CCBNumber(seq uint64) string {
	s := strconv.FormatUint(seq, 10)
	for len(s) < 10 {
		s = "0" + s
	}
	return "CCB-" + s
}

// SimulationRequest is the body of POST /credit-offers/{id}/simulations.
type SimulationRequest struct {
	RequestedAmount  *Money `json:"requested_amount"`
	InstallmentCount *int   `json:"installment_count"`
}

// Request checks that both fields were sent (missing_required_field, gathered) and
// returns the simulation request.
func (r SimulationRequest) Request() (simulation.Request, error) {
	var errs apierr.Errors
	if r.RequestedAmount == nil {
		errs = errs.Append(apierr.Wrap(apierr.ErrEmpty, apierr.MissingRequiredField, "requested_amount", "requested_amount is required"))
	}
	if r.InstallmentCount == nil {
		errs = errs.Append(apierr.Wrap(apierr.ErrEmpty, apierr.MissingRequiredField, "installment_count", "installment_count is required"))
	}
	if err := errs.Err(); err != nil {
		return simulation.Request{}, err
	}
	return simulation.Request{RequestedAmount: r.RequestedAmount.Decimal(), InstallmentCount: *r.InstallmentCount}, nil
}

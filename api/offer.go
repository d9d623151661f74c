package api

import (
	"github.com/dinie/lending/schedule"
	"github.com/dinie/lending/statemachine"
)

// CreditOffer is the API's credit offer resource (co_) on the wire: the contract's
// fields, with either installments (a fixed count) or min_installments and
// max_installments (a range) — only the pair that applies is written — and
// due_date_rule as a string or null. The lender's fields the contract does not carry
// (the fees and the borrower's IOF class) are under "breakdown", as the simulation's
// extras are.
type CreditOffer struct {
	ID              string                   `json:"id"`
	CustomerID      string                   `json:"customer_id"`
	Status          statemachine.OfferStatus `json:"status"`
	ApprovedAmount  Money                    `json:"approved_amount"`
	MinAmount       Money                    `json:"min_amount"`
	InterestRate    schedule.MonthlyRate     `json:"interest_rate"`
	Installments    int                      `json:"installments,omitempty"`
	MinInstallments int                      `json:"min_installments,omitempty"`
	MaxInstallments int                      `json:"max_installments,omitempty"`
	DueDateRule     *string                  `json:"due_date_rule"`
	ValidUntil      Instant                  `json:"valid_until"`
	Breakdown       OfferBreakdown           `json:"breakdown"`
}

// OfferBreakdown is a credit offer's lender fields.
type OfferBreakdown struct {
	FeeFixed      Money       `json:"fee_fixed"`
	FeePercent    jsonDecimal `json:"fee_percent"`
	BorrowerClass string      `json:"borrower_class"`
}

// CreditOfferOf is the wire form of o. o is checked first (statemachine.Offer.Check):
// a server never shows an offer it could not simulate.
func CreditOfferOf(o statemachine.Offer) (CreditOffer, error) {
	c, err := o.Cents()
	if err != nil {
		return CreditOffer{}, err
	}
	w := CreditOffer{ID: o.ID, CustomerID: o.CustomerID, Status: o.Status,
		ApprovedAmount: Money(c.Approved), MinAmount: Money(c.Min), InterestRate: o.InterestRate,
		Installments: o.Installments, MinInstallments: o.MinInstallments, MaxInstallments: o.MaxInstallments,
		ValidUntil: InstantOf(o.ValidUntil),
		Breakdown: OfferBreakdown{FeeFixed: Money(c.FeeFixed), FeePercent: jsonDecimal{units: c.FeeUnits,
			places: statemachine.FeePlaces}, BorrowerClass: o.BorrowerClass.String()}}
	if o.DueDateRule != "" {
		rule := o.DueDateRule
		w.DueDateRule = &rule
	}
	return w, nil
}

// MarshalJSON writes the offer.
func (o CreditOffer) MarshalJSON() ([]byte, error) {
	type plain CreditOffer
	return jsonMarshal(plain(o))
}

// jsonDecimal is an exact scaled integer written as a JSON number without trailing
// zeros (1.5, 0, 12.3456789).
type jsonDecimal struct {
	units  int64
	places int
}

func (d jsonDecimal) MarshalJSON() ([]byte, error) {
	return appendTrimmed(nil, d.units, d.places), nil
}

package statemachine

import (
	"encoding/json"
	"time"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/money"
)

// Envelope is a webhook delivery's body (api-contract.md, "Events": type, timestamp,
// data). Data is the resource or payload the server sends; the package does not
// constrain it. It marshals Timestamp in UTC (ISO 8601, as the contract's instants) and
// fails for a Type outside the catalogue.
type Envelope struct {
	Type      Event     `json:"type"`
	Timestamp time.Time `json:"timestamp"`
	Data      any       `json:"data"`
}

// MarshalJSON writes {"type", "timestamp", "data"} with the timestamp in UTC.
func (e Envelope) MarshalJSON() ([]byte, error) {
	if !e.Type.Valid() {
		return nil, apierr.Wrap(ErrUnknownEvent, apierr.InvalidFormat, "type",
			"event %d is not in the catalogue", uint8(e.Type))
	}
	return json.Marshal(struct {
		Type      Event  `json:"type"`
		Timestamp string `json:"timestamp"`
		Data      any    `json:"data"`
	}{e.Type, e.Timestamp.UTC().Format(time.RFC3339Nano), e.Data})
}

// MarshalJSON writes {"amount": "150.00", "paid_at": "2026-05-15T13:00:00Z",
// "installment_number": 1}: the amount in the money wire format (money.Format)
// and paid_at in UTC.
func (p Payment) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Amount            string `json:"amount"`
		PaidAt            string `json:"paid_at"`
		InstallmentNumber int    `json:"installment_number"`
	}{money.Format(p.Amount), p.PaidAt.UTC().Format(time.RFC3339Nano), p.InstallmentNumber})
}

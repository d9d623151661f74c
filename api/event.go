package api

import (
	"io"
	"time"

	"github.com/dinie/lending/money"
	"github.com/dinie/lending/servicing"
	"github.com/dinie/lending/statemachine"
	"github.com/dinie/lending/webhook"
)

// Event is the envelope of a webhook delivery, {id, type, timestamp, created_at,
// api_version, delivery_id, data} and, on loan.payment_received and loan.error, payment
// or error. Its one home is webhook.Envelope, which checks every member when it
// marshals; the wire layer only supplies data, the resource snapshot, in the same
// bytes an API response would carry.
type Event = webhook.Envelope

// NewEvent returns the envelope of event typ that occurred at at, about data, the
// resource's wire value after the change (a Customer on customer.*, a CreditOffer on
// credit_offer.*, a Loan on loan.*), marshalled as the API's responses are (no HTML
// escaping, optional fields as null). The event and delivery ids are drawn from rand
// (webhook.NewEnvelope). A loan.payment_received event needs its Payment set, and a
// loan.error event may have its Error set, before it is marshalled.
//
// Errors: data that does not marshal keeps its wire type's error (an instant outside
// years 1 to 9999 is invalid_format); then webhook.NewEnvelope's errors, among them a
// snapshot whose id is not of the event's resource (invalid_format, param data.id).
func NewEvent(rand io.Reader, typ statemachine.Event, at time.Time, data any) (Event, error) {
	raw, err := jsonMarshal(data)
	if err != nil {
		return Event{}, err
	}
	return webhook.NewEnvelope(rand, typ, at, raw)
}

// PaymentOf is the payment member of a loan.payment_received event for a payment the
// servicing package applied (servicing.Receipt.Payment): its amount, its installment,
// and receivedAt, the instant the server received it (the payment itself is dated by
// a civil date, which counts the late charges' days; the event carries an instant).
func PaymentOf(p servicing.Payment, receivedAt time.Time) *webhook.Payment {
	return &webhook.Payment{Amount: money.FromCents(p.Amount), PaidAt: receivedAt, InstallmentNumber: p.Installment}
}

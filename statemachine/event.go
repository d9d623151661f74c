package statemachine

import (
	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/validation"
)

// Event is one of the 16 webhook event types of the API (docs/api.md §8).
// The zero value is not an event: lifecycle tables use it for "entering this state
// emits nothing".
type Event uint8

// The catalogue, in the order of docs/api.md §8.
const (
	EventCustomerCreated        Event = iota + 1 // "customer.created"
	EventCustomerUnderReview                     // "customer.under_review"
	EventCustomerKYCUpdated                      // "customer.kyc_updated"
	EventCustomerActive                          // "customer.active"
	EventCreditOfferAvailable                    // "credit_offer.available"
	EventCreditOfferExpired                      // "credit_offer.expired"
	EventLoanCreated                             // "loan.created"
	EventLoanContractGenerated                   // "loan.contract_generated"
	EventLoanAwaitingSignatures                  // "loan.awaiting_signatures"
	EventLoanSigned                              // "loan.signed"
	EventLoanDisbursing                          // "loan.disbursing"
	EventLoanActive                              // "loan.active"
	EventLoanPaymentReceived                     // "loan.payment_received"
	EventLoanFinished                            // "loan.finished"
	EventLoanCancelled                           // "loan.cancelled"
	EventLoanError                               // "loan.error"
)

// eventCount is the size of the catalogue.
const eventCount = 16

var eventNames = []string{"",
	"customer.created", "customer.under_review", "customer.kyc_updated", "customer.active",
	"credit_offer.available", "credit_offer.expired",
	"loan.created", "loan.contract_generated", "loan.awaiting_signatures", "loan.signed",
	"loan.disbursing", "loan.active", "loan.payment_received", "loan.finished",
	"loan.cancelled", "loan.error",
}

// Events returns the catalogue of the 16 events in the order of docs/api.md §8. The
// slice is new on every call; the caller may modify it.
func Events() []Event {
	out := make([]Event, eventCount)
	for i := range out {
		out[i] = Event(i + 1)
	}
	return out
}

// String returns the wire name ("loan.created"), or "Event(n)" for a value that is not
// an event.
func (e Event) String() string { return name(eventNames, "Event", e) }

// Valid reports whether e is in the catalogue.
func (e Event) Valid() bool { return valid(eventNames, e) }

// MarshalText returns the wire name; it fails for a value that is not an event.
func (e Event) MarshalText() ([]byte, error) {
	if !e.Valid() {
		return nil, apierr.Wrap(ErrUnknownEvent, apierr.InvalidFormat, "type",
			"event %d is not in the catalogue", uint8(e))
	}
	return []byte(eventNames[e]), nil
}

// UnmarshalText parses a wire name as ParseEvent does; on error e is unchanged.
func (e *Event) UnmarshalText(b []byte) error {
	v, err := ParseEvent(string(b))
	if err != nil {
		return err
	}
	*e = v
	return nil
}

// ParseEvent parses an event's wire name (exact, case-sensitive). A name outside the
// catalogue is an invalid_format error for param "type" wrapping ErrUnknownEvent.
func ParseEvent(s string) (Event, error) {
	for i := 1; i < len(eventNames); i++ {
		if eventNames[i] == s {
			return Event(i), nil
		}
	}
	return 0, apierr.Wrap(ErrUnknownEvent, apierr.InvalidFormat, "type",
		"unknown event %s; want one of the %d events of the catalogue, such as %q",
		apierr.Quote(s), eventCount, eventNames[EventLoanCreated])
}

// Resource returns the resource an event is about: validation.Customer,
// validation.CreditOffer or validation.Loan (the zero Resource for a value that is not an event). It is the
// part of the name before the dot, the prefix of the `<resource>.*` pattern.
func (e Event) Resource() validation.Resource {
	switch {
	case e >= EventCustomerCreated && e <= EventCustomerActive:
		return validation.Customer
	case e >= EventCreditOfferAvailable && e <= EventCreditOfferExpired:
		return validation.CreditOffer
	case e >= EventLoanCreated && e <= EventLoanError:
		return validation.Loan
	}
	return 0
}

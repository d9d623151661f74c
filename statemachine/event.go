package statemachine

import (
	"math/bits"
	"strconv"
	"strings"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/validation"
)

// Event is one of the 16 webhook event types of the API (api-contract.md, "Events").
// The zero value is not an event: lifecycle tables use it for "entering this state
// emits nothing".
type Event uint8

// The catalogue, in the order of api-contract.md.
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

// eventCount is the size of the catalogue; EventSet relies on it fitting in 32 bits.
const eventCount = 16

var eventNames = []string{"",
	"customer.created", "customer.under_review", "customer.kyc_updated", "customer.active",
	"credit_offer.available", "credit_offer.expired",
	"loan.created", "loan.contract_generated", "loan.awaiting_signatures", "loan.signed",
	"loan.disbursing", "loan.active", "loan.payment_received", "loan.finished",
	"loan.cancelled", "loan.error",
}

// Events returns the catalogue of the 16 events in the order of api-contract.md. The
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
		quote(s), eventCount, eventNames[EventLoanCreated])
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

// EventSet is a set of events, the compiled form of a webhook endpoint's event patterns.
// It is a small value (a bit set), comparable with ==. The zero value is the empty set,
// which matches nothing; AllEvents matches everything (what an empty pattern list means).
type EventSet uint32

// AllEvents is the set of the whole catalogue: the pattern "*", and an empty pattern list.
const AllEvents EventSet = 1<<16 - 1

// The `<resource>.*` patterns, as sets.
const (
	customerEvents    EventSet = 1<<EventCustomerActive - 1
	creditOfferEvents EventSet = (1<<EventCreditOfferExpired - 1) &^ customerEvents
	loanEvents        EventSet = AllEvents &^ customerEvents &^ creditOfferEvents
)

// SetOf returns the set of the given events; values that are not events are ignored.
func SetOf(events ...Event) EventSet {
	var s EventSet
	for _, e := range events {
		s |= bit(e)
	}
	return s
}

func bit(e Event) EventSet {
	if !e.Valid() {
		return 0
	}
	return 1 << (e - 1)
}

// Match reports whether an endpoint subscribed to s receives e.
func (s EventSet) Match(e Event) bool { return e.Valid() && s&bit(e) != 0 }

// Len returns the number of events in s.
func (s EventSet) Len() int { return bits.OnesCount32(uint32(s & AllEvents)) }

// Events expands s into its events in catalogue order, in a new slice.
func (s EventSet) Events() []Event {
	out := make([]Event, 0, s.Len())
	for e := Event(1); e <= eventCount; e++ {
		if s.Match(e) {
			out = append(out, e)
		}
	}
	return out
}

// String lists the events of s in catalogue order, comma-separated ("*" for AllEvents,
// "" for the empty set).
func (s EventSet) String() string {
	s &= AllEvents
	if s == AllEvents {
		return "*"
	}
	var b strings.Builder
	for _, e := range s.Events() {
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString(e.String())
	}
	return b.String()
}

// ParsePattern compiles one event pattern (lifecycles.md, "Webhook endpoint"): "*",
// "customer.*", "credit_offer.*", "loan.*", or an exact event name from the catalogue.
// Matching is exact and case-sensitive; anything else (other wildcards, "loan", " loan.*",
// "LOAN.*", "") is an invalid_format error for param "events" wrapping ErrInvalidPattern
// that names the pattern.
func ParsePattern(p string) (EventSet, error) {
	return parsePattern(p, -1)
}

func parsePattern(p string, index int) (EventSet, error) {
	switch p {
	case "*":
		return AllEvents, nil
	case "customer.*":
		return customerEvents, nil
	case "credit_offer.*":
		return creditOfferEvents, nil
	case "loan.*":
		return loanEvents, nil
	}
	for i := 1; i < len(eventNames); i++ {
		if eventNames[i] == p {
			return bit(Event(i)), nil
		}
	}
	where := ""
	if index >= 0 {
		where = " at events[" + strconv.Itoa(index) + "]"
	}
	return 0, apierr.Wrap(ErrInvalidPattern, apierr.InvalidFormat, "events",
		"invalid event pattern %s%s; want \"*\", \"customer.*\", \"credit_offer.*\", "+
			"\"loan.*\" or an event name such as \"loan.created\"", quote(p), where)
}

// ParsePatterns compiles a webhook endpoint's pattern list into the set of events it
// receives. An empty (or nil) list means every event (api-contract.md,
// WebhookEndpoint.events); repeated or overlapping patterns are allowed and simply
// unite. The first invalid pattern is reported as ParsePattern does, with its index.
func ParsePatterns(patterns []string) (EventSet, error) {
	if len(patterns) == 0 {
		return AllEvents, nil
	}
	var s EventSet
	for i, p := range patterns {
		ps, err := parsePattern(p, i)
		if err != nil {
			return 0, err
		}
		s |= ps
	}
	return s, nil
}

// MatchPatterns reports whether an endpoint with the given pattern list receives e:
// ParsePatterns followed by Match. Servers that deliver many events should compile the
// list once with ParsePatterns instead.
func MatchPatterns(patterns []string, e Event) (bool, error) {
	s, err := ParsePatterns(patterns)
	if err != nil {
		return false, err
	}
	return s.Match(e), nil
}

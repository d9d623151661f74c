package webhook

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"io"
	"time"
	"unicode/utf8"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/internal/strictjson"
	"github.com/dinie/lending/money"
	"github.com/dinie/lending/schedule"
	"github.com/dinie/lending/statemachine"
	"github.com/dinie/lending/validation"
	"github.com/shopspring/decimal"
)

// APIVersion is the api_version every envelope carries: the version of the API whose
// resource snapshots the data members are.
const APIVersion = "2026-03-01"

// The prefixes of an envelope's ids; each is followed by 32 lowercase hex digits.
const (
	EventIDPrefix    = "evt_"
	DeliveryIDPrefix = "dlv_"
)

// Bounds of the extra payload of loan.error.
const (
	MaxErrorCodeLen    = 64
	MaxErrorMessageLen = 1024
)

// NewEventID returns a new event id, EventIDPrefix and 32 lowercase hex digits from
// 16 bytes of rand (a cryptographically secure source in production: the id is also
// the webhook-id a receiver dedups on). Errors are GenerateSecret's for rand.
func NewEventID(rand io.Reader) (string, error) { return newID(rand, EventIDPrefix) }

// NewDeliveryID returns a new delivery id, DeliveryIDPrefix and 32 lowercase hex
// digits from 16 bytes of rand. Errors are GenerateSecret's for rand.
func NewDeliveryID(rand io.Reader) (string, error) { return newID(rand, DeliveryIDPrefix) }

func newID(rand io.Reader, prefix string) (string, error) {
	var b [16]byte
	if err := readRandom(rand, b[:]); err != nil {
		return "", err
	}
	out := make([]byte, len(prefix)+32)
	copy(out, prefix)
	hex.Encode(out[len(prefix):], b[:])
	return string(out), nil
}

// Envelope is the body of a delivery: the event, the resource snapshot it is about,
// and the metadata the API's SDKs read. It marshals (MarshalJSON) as
//
//	{"id":"evt_…","type":"loan.payment_received","timestamp":"2026-05-15T13:00:00Z",
//	 "created_at":"2026-05-15T13:00:00Z","api_version":"2026-03-01",
//	 "delivery_id":"dlv_…","data":{…},"payment":{…}}
//
// type, timestamp and data are the envelope Standard Webhooks documents; a receiver
// that does not know the other members ignores them. Per event, Data is the snapshot of
// the resource the event is about, after the change:
//
//   - customer.created, customer.under_review, customer.kyc_updated, customer.active:
//     the Customer (id cust_…);
//   - credit_offer.available, credit_offer.expired: the CreditOffer (id co_…);
//   - loan.created, loan.contract_generated, loan.awaiting_signatures, loan.signed,
//     loan.disbursing, loan.active, loan.finished, loan.cancelled: the Loan (id ln_…);
//   - loan.payment_received: the Loan, and Payment (required) the payment received;
//   - loan.error: the Loan, and Error (optional) what went wrong.
//
// The Envelope is a plain value; MarshalJSON checks every field, so an envelope that
// marshals is one a receiver can rely on.
type Envelope struct {
	// ID is the event's id (EventIDPrefix and 32 lowercase hex digits), also the
	// webhook-id header of every delivery of the event: identical on every retry.
	ID string
	// Type is the event.
	Type statemachine.Event
	// Timestamp is the instant the event occurred (not of the attempt, which is
	// webhook-timestamp). It marshals in UTC, RFC 3339, as both timestamp and
	// created_at: the instant the event was created is the instant it occurred.
	Timestamp time.Time
	// DeliveryID identifies the delivery of the event to one endpoint
	// (DeliveryIDPrefix and 32 lowercase hex digits): one per endpoint, the same on every
	// attempt, so that every attempt sends the same body.
	DeliveryID string
	// Data is the resource snapshot, a JSON object whose id is of the event's resource
	// (cust_, co_ or ln_), as the wire layer encodes it. It is compacted when marshalled.
	Data json.RawMessage
	// Payment is the payment of a loan.payment_received event, required there and
	// refused on every other event.
	Payment *Payment
	// Error is what went wrong in a loan.error event, optional there and refused on
	// every other event.
	Error *EventError
}

// Payment is the payment member of a loan.payment_received event.
type Payment struct {
	// Amount is the amount paid: positive, whole cents, in the money wire format.
	Amount decimal.Decimal
	// PaidAt is the instant of the payment, marshalled in UTC.
	PaidAt time.Time
	// InstallmentNumber is the installment paid, 1 to schedule.MaxInstallments (420).
	InstallmentNumber int
}

// EventError is the error member of a loan.error event.
type EventError struct {
	// Code is a machine-readable snake_case code: 1 to MaxErrorCodeLen bytes of a–z,
	// 0–9 and '_'.
	Code string
	// Message is a human explanation: 1 to MaxErrorMessageLen bytes of UTF-8.
	Message string
}

// NewEnvelope returns the envelope of an event of type typ that occurred at at, about
// the resource snapshot data, with a new ID and DeliveryID drawn from rand (16 bytes
// each). Payment or Error, where the event has one, is set by the caller before
// marshalling. Errors: those of rand (as GenerateSecret's), and MarshalJSON's for type,
// timestamp and data.
func NewEnvelope(rand io.Reader, typ statemachine.Event, at time.Time, data json.RawMessage) (Envelope, error) {
	e := Envelope{Type: typ, Timestamp: at, Data: data}
	if err := checkType(typ); err != nil {
		return Envelope{}, err
	}
	if err := checkEventInstant(at, "timestamp"); err != nil {
		return Envelope{}, err
	}
	if _, err := checkData(data, typ); err != nil {
		return Envelope{}, err
	}
	var err error
	if e.ID, err = NewEventID(rand); err != nil {
		return Envelope{}, err
	}
	if e.DeliveryID, err = NewDeliveryID(rand); err != nil {
		return Envelope{}, err
	}
	return e, nil
}

// MarshalJSON writes the envelope (see Envelope) after checking each member; the first
// failure is returned, with the member's JSON name as param:
//
//   - id, delivery_id: missing_required_field when empty, else invalid_format unless
//     the prefix and 32 lowercase hex digits (apierr.ErrPrefix, ErrLength,
//     ErrCharacter);
//   - type: an Event outside the catalogue, invalid_format with
//     statemachine.ErrUnknownEvent;
//   - timestamp: the zero time is missing_required_field (it would print as year 1);
//     an instant whose UTC year is outside 1 to 9999, which RFC 3339 cannot write, is
//     date_out_of_range;
//   - data: empty, missing_required_field; not a JSON object, invalid_format; data.id
//     missing (missing_required_field) or not an id of the event's resource
//     (invalid_format, as validation.CheckID); an envelope over MaxBodyLen,
//     invalid_format with apierr.ErrLength;
//   - payment: missing on loan.payment_received (missing_required_field) or present on
//     another event (invalid_format); payment.amount zero or negative
//     (amount_out_of_range) or with sub-cent digits (invalid_format);
//     payment.paid_at as timestamp; payment.installment_number outside 1 to 420
//     (value_out_of_range);
//   - error: present on an event other than loan.error (invalid_format); error.code
//     and error.message empty (missing_required_field), too long or of other
//     characters (invalid_format).
func (e Envelope) MarshalJSON() ([]byte, error) {
	if err := checkEnvelopeID(e.ID, EventIDPrefix, "id"); err != nil {
		return nil, err
	}
	if err := checkType(e.Type); err != nil {
		return nil, err
	}
	if err := checkEventInstant(e.Timestamp, "timestamp"); err != nil {
		return nil, err
	}
	if err := checkEnvelopeID(e.DeliveryID, DeliveryIDPrefix, "delivery_id"); err != nil {
		return nil, err
	}
	data, err := checkData(e.Data, e.Type)
	if err != nil {
		return nil, err
	}
	switch {
	case e.Type == statemachine.EventLoanPaymentReceived && e.Payment == nil:
		return nil, apierr.Wrap(apierr.ErrEmpty, apierr.MissingRequiredField, "payment",
			"payment is required on loan.payment_received")
	case e.Type != statemachine.EventLoanPaymentReceived && e.Payment != nil:
		return nil, apierr.Errorf(apierr.InvalidFormat, "payment",
			"payment is only for loan.payment_received, not %s", e.Type)
	case e.Type != statemachine.EventLoanError && e.Error != nil:
		return nil, apierr.Errorf(apierr.InvalidFormat, "error",
			"error is only for loan.error, not %s", e.Type)
	}
	ts := e.Timestamp.UTC().Format(time.RFC3339Nano)
	var b bytes.Buffer
	b.Grow(len(data) + 256)
	b.WriteString(`{"id":"`)
	b.WriteString(e.ID)
	b.WriteString(`","type":"`)
	b.WriteString(e.Type.String())
	b.WriteString(`","timestamp":"`)
	b.WriteString(ts)
	b.WriteString(`","created_at":"`)
	b.WriteString(ts)
	b.WriteString(`","api_version":"` + APIVersion + `","delivery_id":"`)
	b.WriteString(e.DeliveryID)
	b.WriteString(`","data":`)
	if err := json.Compact(&b, data); err != nil { // checkData parsed it: cannot fail
		return nil, apierr.Wrap(err, apierr.Internal, "data", "compacting data: %v", err)
	}
	if e.Payment != nil {
		p, err := e.Payment.appendJSON(nil, "payment.")
		if err != nil {
			return nil, err
		}
		b.WriteString(`,"payment":`)
		b.Write(p)
	}
	if e.Error != nil {
		p, err := e.Error.appendJSON(nil, "error.")
		if err != nil {
			return nil, err
		}
		b.WriteString(`,"error":`)
		b.Write(p)
	}
	b.WriteByte('}')
	if b.Len() > MaxBodyLen {
		return nil, apierr.Wrap(apierr.ErrLength, apierr.InvalidFormat, "data",
			"the envelope has %d bytes; a delivery body has at most %d", b.Len(), MaxBodyLen)
	}
	return b.Bytes(), nil
}

// MarshalJSON writes {"amount":"150.50","paid_at":"2026-05-15T12:59:30Z",
// "installment_number":2}, after the checks Envelope.MarshalJSON lists (params
// amount, paid_at, installment_number).
func (p Payment) MarshalJSON() ([]byte, error) { return p.appendJSON(nil, "") }

func (p Payment) appendJSON(dst []byte, param string) ([]byte, error) {
	cents, err := money.ToCents(p.Amount)
	if err != nil {
		return nil, apierr.Relabel(err, param+"amount")
	}
	if cents <= 0 {
		return nil, apierr.Wrap(apierr.ErrRange, apierr.AmountOutOfRange, param+"amount",
			"%samount %s is not positive; a payment received is at least 0.01", param, money.FormatCents(cents))
	}
	if err := checkEventInstant(p.PaidAt, param+"paid_at"); err != nil {
		return nil, err
	}
	if p.InstallmentNumber < 1 || p.InstallmentNumber > schedule.MaxInstallments {
		return nil, apierr.Wrap(apierr.ErrRange, apierr.ValueOutOfRange, param+"installment_number",
			"%sinstallment_number %d is outside 1 to %d", param, p.InstallmentNumber, schedule.MaxInstallments)
	}
	dst = append(dst, `{"amount":"`...)
	dst = money.AppendCents(dst, cents)
	dst = append(dst, `","paid_at":"`...)
	dst = p.PaidAt.UTC().AppendFormat(dst, time.RFC3339Nano)
	dst = append(dst, `","installment_number":`...)
	dst = appendInt(dst, p.InstallmentNumber)
	return append(dst, '}'), nil
}

// MarshalJSON writes {"code":"…","message":"…"} after the checks Envelope.MarshalJSON
// lists (params code, message).
func (e EventError) MarshalJSON() ([]byte, error) { return e.appendJSON(nil, "") }

func (e EventError) appendJSON(dst []byte, param string) ([]byte, error) {
	switch {
	case e.Code == "":
		return nil, apierr.Wrap(apierr.ErrEmpty, apierr.MissingRequiredField, param+"code",
			"%scode is empty; want a snake_case code", param)
	case len(e.Code) > MaxErrorCodeLen:
		return nil, apierr.Wrap(apierr.ErrLength, apierr.InvalidFormat, param+"code",
			"%scode has %d bytes; want at most %d", param, len(e.Code), MaxErrorCodeLen)
	case e.Message == "":
		return nil, apierr.Wrap(apierr.ErrEmpty, apierr.MissingRequiredField, param+"message",
			"%smessage is empty; want a human explanation", param)
	case len(e.Message) > MaxErrorMessageLen:
		return nil, apierr.Wrap(apierr.ErrLength, apierr.InvalidFormat, param+"message",
			"%smessage has %d bytes; want at most %d", param, len(e.Message), MaxErrorMessageLen)
	case !utf8.ValidString(e.Message):
		return nil, apierr.Wrap(apierr.ErrCharacter, apierr.InvalidFormat, param+"message",
			"%smessage is not valid UTF-8", param)
	}
	for i := 0; i < len(e.Code); i++ {
		if c := e.Code[i]; !(c-'a' < 26 || c-'0' < 10 || c == '_') {
			return nil, apierr.Wrap(apierr.ErrCharacter, apierr.InvalidFormat, param+"code",
				"%scode %s has %s at position %d; want a–z, 0–9 and '_'", param,
				apierr.Quote(e.Code), apierr.Quote(e.Code[i:i+1]), i+1)
		}
	}
	msg, _ := json.Marshal(e.Message) // a valid UTF-8 string cannot fail
	dst = append(dst, `{"code":"`...)
	dst = append(dst, e.Code...)
	dst = append(dst, `","message":`...)
	dst = append(dst, msg...)
	return append(dst, '}'), nil
}

func appendInt(dst []byte, v int) []byte {
	var buf [20]byte
	i := len(buf)
	for {
		i--
		buf[i] = byte('0' + v%10)
		v /= 10
		if v == 0 {
			break
		}
	}
	return append(dst, buf[i:]...)
}

func checkType(t statemachine.Event) error {
	if !t.Valid() {
		return apierr.Wrap(statemachine.ErrUnknownEvent, apierr.InvalidFormat, "type",
			"type %d is not an event of the catalogue", uint8(t))
	}
	return nil
}

// checkEventInstant checks an instant an envelope prints: set, and with a UTC year
// RFC 3339 can write (0001 to 9999).
func checkEventInstant(t time.Time, param string) error {
	if t.IsZero() {
		return apierr.Wrap(apierr.ErrEmpty, apierr.MissingRequiredField, param,
			"%s is the zero time; want the instant", param)
	}
	if y := t.UTC().Year(); y < 1 || y > 9999 {
		return apierr.Wrap(apierr.ErrRange, apierr.DateOutOfRange, param,
			"%s is in the year %d; RFC 3339 writes the years 1 to 9999", param, y)
	}
	return nil
}

// checkEnvelopeID checks an id of the envelope: prefix and 32 lowercase hex digits.
func checkEnvelopeID(id, prefix, param string) error {
	switch {
	case id == "":
		return apierr.Wrap(apierr.ErrEmpty, apierr.MissingRequiredField, param,
			"%s is empty; want %s followed by 32 lowercase hex digits", param, prefix)
	case len(id) < len(prefix) || id[:len(prefix)] != prefix:
		return apierr.Wrap(apierr.ErrPrefix, apierr.InvalidFormat, param,
			"%s %s does not start with %s; want %s followed by 32 lowercase hex digits",
			param, apierr.Quote(id), prefix, prefix)
	case len(id) != len(prefix)+32:
		return apierr.Wrap(apierr.ErrLength, apierr.InvalidFormat, param,
			"%s %s has %d characters after %s; want 32 lowercase hex digits",
			param, apierr.Quote(id), len(id)-len(prefix), prefix)
	}
	for i := len(prefix); i < len(id); i++ {
		if c := id[i]; c-'0' >= 10 && c-'a' >= 6 {
			return apierr.Wrap(apierr.ErrCharacter, apierr.InvalidFormat, param,
				"%s %s has %s at position %d; want 32 lowercase hex digits after %s",
				param, apierr.Quote(id), apierr.Quote(id[i:i+1]), i+1, prefix)
		}
	}
	return nil
}

// checkData checks an envelope's data for event t and returns it without the white
// space around it: a JSON object whose "id" is an id of t's resource.
func checkData(data json.RawMessage, t statemachine.Event) ([]byte, error) {
	trimmed := bytes.Trim(data, " \t\r\n")
	if len(trimmed) == 0 {
		return nil, apierr.Wrap(apierr.ErrEmpty, apierr.MissingRequiredField, "data",
			"data is empty; want the snapshot of the event's %s", t.Resource())
	}
	if len(trimmed) > MaxBodyLen {
		return nil, apierr.Wrap(apierr.ErrLength, apierr.InvalidFormat, "data",
			"data has %d bytes; a delivery body has at most %d", len(trimmed), MaxBodyLen)
	}
	// The shared strict reader: a key given twice or differing only in case
	// would let a receiver read another snapshot than the one signed.
	members, err := strictjson.ParseObject(trimmed, strictjson.Limits{MaxString: MaxBodyLen})
	if err != nil {
		if e := strictjson.First(err); e.Code != apierr.MalformedBody {
			return nil, strictjson.Relabel(err, "data", true)
		}
		return nil, apierr.Wrap(apierr.ErrSyntax, apierr.InvalidFormat, "data",
			"data is not a JSON object; want the snapshot of the event's %s", t.Resource())
	}
	raw, ok := members.Get("id")
	if !ok {
		return nil, apierr.Wrap(apierr.ErrEmpty, apierr.MissingRequiredField, "data.id",
			"data.id is missing; want the id of the event's %s", t.Resource())
	}
	if raw.Kind != strictjson.String {
		return nil, apierr.Wrap(apierr.ErrSyntax, apierr.InvalidFormat, "data.id",
			"data.id is not a JSON string; want the id of the event's %s", t.Resource())
	}
	id := raw.Text
	if err := validation.CheckID(id, t.Resource()); err != nil {
		return nil, apierr.Relabel(err, "data.id")
	}
	return trimmed, nil
}

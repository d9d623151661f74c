package webhook_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/statemachine"
	"github.com/dinie/lending/webhook"
	"github.com/shopspring/decimal"
)

const (
	custID = "cust_550e8400e29b41d4a716446655440000"
	coID   = "co_550e8400e29b41d4a716446655440000"
	lnID   = "ln_550e8400e29b41d4a716446655440000"
	evtID  = "evt_000102030405060708090a0b0c0d0e0f"
	dlvID  = "dlv_101112131415161718191a1b1c1d1e1f"
)

// counting is 0x00, 0x01, … : the ids drawn from it are known by hand.
func counting() *bytes.Reader {
	b := make([]byte, 64)
	for i := range b {
		b[i] = byte(i)
	}
	return bytes.NewReader(b)
}

func loanData() json.RawMessage {
	return json.RawMessage(` {"id": "` + lnID + `", "status": "active"} `)
}

func TestNewEnvelopeAndMarshal(t *testing.T) {
	sp := time.FixedZone("BRT", -3*3600)
	env, err := webhook.NewEnvelope(counting(), statemachine.EventLoanPaymentReceived,
		time.Date(2026, 5, 15, 10, 0, 0, 0, sp), loanData())
	if err != nil || env.ID != evtID || env.DeliveryID != dlvID {
		t.Fatalf("NewEnvelope = %+v, %v", env, err)
	}
	env.Payment = &webhook.Payment{Amount: decimal.RequireFromString("150.5"),
		PaidAt: time.Date(2026, 5, 15, 9, 59, 30, 0, sp), InstallmentNumber: 2}
	b, err := json.Marshal(env)
	// Written by hand: the instants in UTC, the amount in the money wire format, data
	// compacted.
	want := `{"id":"` + evtID + `","type":"loan.payment_received","timestamp":"2026-05-15T13:00:00Z",` +
		`"created_at":"2026-05-15T13:00:00Z","api_version":"2026-03-01","delivery_id":"` + dlvID + `",` +
		`"data":{"id":"` + lnID + `","status":"active"},` +
		`"payment":{"amount":"150.50","paid_at":"2026-05-15T12:59:30Z","installment_number":2}}`
	if err != nil || string(b) != want {
		t.Errorf("json.Marshal(envelope) = %s, %v\nwant %s", b, err, want)
	}
	direct, err := env.MarshalJSON()
	if err != nil || string(direct) != want {
		t.Errorf("MarshalJSON = %s, %v", direct, err)
	}
	// A receiver decodes the same body with the standard decoder.
	var back struct {
		ID        string             `json:"id"`
		Type      statemachine.Event `json:"type"`
		Timestamp time.Time          `json:"timestamp"`
		Payment   struct {
			Amount string `json:"amount"`
		} `json:"payment"`
	}
	if err := json.Unmarshal(b, &back); err != nil || back.Type != statemachine.EventLoanPaymentReceived ||
		!back.Timestamp.Equal(env.Timestamp) || back.Payment.Amount != "150.50" || back.ID != evtID {
		t.Errorf("json.Unmarshal(envelope) = %+v, %v", back, err)
	}
	// Fractions of a second are kept.
	env.Timestamp = time.Date(2026, 5, 15, 13, 0, 0, 120000000, time.UTC)
	env.Payment = nil
	env.Type = statemachine.EventLoanError
	env.Error = &webhook.EventError{Code: "pix_rejected", Message: "the bank refused the Pix: <key> & \"name\""}
	b, err = json.Marshal(env)
	if err != nil || !strings.Contains(string(b), `"timestamp":"2026-05-15T13:00:00.12Z"`) ||
		!strings.HasSuffix(string(b), `"error":{"code":"pix_rejected","message":"the bank refused the Pix: \u003ckey\u003e \u0026 \"name\""}}`) {
		t.Errorf("loan.error envelope = %s, %v", b, err)
	}
	env.Error = nil // optional on loan.error
	if _, err := json.Marshal(env); err != nil {
		t.Errorf("loan.error without error: %v", err)
	}
}

// TestEnvelopeEveryEvent: each of the 16 events takes the snapshot of its resource,
// and refuses the other two.
func TestEnvelopeEveryEvent(t *testing.T) {
	at := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	ids := map[string]string{"customer": custID, "credit_offer": coID, "loan": lnID}
	for _, name := range catalogue {
		e := event(t, name)
		resource, _, _ := strings.Cut(name, ".")
		for r, id := range ids {
			data := json.RawMessage(`{"id":"` + id + `"}`)
			env := webhook.Envelope{ID: evtID, Type: e, Timestamp: at, DeliveryID: dlvID, Data: data}
			if e == statemachine.EventLoanPaymentReceived {
				env.Payment = &webhook.Payment{Amount: decimal.New(1, 0), PaidAt: at, InstallmentNumber: 1}
			}
			b, err := env.MarshalJSON()
			if r == resource {
				if err != nil || !strings.Contains(string(b), `"type":"`+name+`"`) {
					t.Errorf("%s with a %s: %s, %v", name, r, b, err)
				}
				continue
			}
			checkErr(t, name+" with a "+r, err, apierr.InvalidFormat, "data.id", apierr.ErrPrefix)
		}
	}
}

func TestEnvelopeErrors(t *testing.T) {
	at := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	good := func() webhook.Envelope {
		return webhook.Envelope{ID: evtID, Type: statemachine.EventLoanActive, Timestamp: at, DeliveryID: dlvID,
			Data: json.RawMessage(`{"id":"` + lnID + `"}`)}
	}
	pay := func() *webhook.Payment {
		return &webhook.Payment{Amount: decimal.RequireFromString("10.00"), PaidAt: at, InstallmentNumber: 1}
	}
	cases := []struct {
		name   string
		edit   func(*webhook.Envelope)
		code   apierr.Code
		param  string
		reason error
	}{
		{"no id", func(e *webhook.Envelope) { e.ID = "" }, apierr.MissingRequiredField, "id", apierr.ErrEmpty},
		{"id of another prefix", func(e *webhook.Envelope) { e.ID = "msg_000102030405060708090a0b0c0d0e0f" }, apierr.InvalidFormat, "id", apierr.ErrPrefix},
		{"short id", func(e *webhook.Envelope) { e.ID = "evt_00" }, apierr.InvalidFormat, "id", apierr.ErrLength},
		{"uppercase hex", func(e *webhook.Envelope) { e.ID = "evt_000102030405060708090A0B0C0D0E0F" }, apierr.InvalidFormat, "id", apierr.ErrCharacter},
		{"not an event", func(e *webhook.Envelope) { e.Type = 0 }, apierr.InvalidFormat, "type", statemachine.ErrUnknownEvent},
		{"event 17", func(e *webhook.Envelope) { e.Type = 17 }, apierr.InvalidFormat, "type", statemachine.ErrUnknownEvent},
		// The bugs of the old envelope: a zero timestamp printed as year 1, a year 10000
		// printed as something that is not RFC 3339.
		{"zero timestamp", func(e *webhook.Envelope) { e.Timestamp = time.Time{} }, apierr.MissingRequiredField, "timestamp", apierr.ErrEmpty},
		{"year 10000", func(e *webhook.Envelope) { e.Timestamp = time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC) }, apierr.DateOutOfRange, "timestamp", apierr.ErrRange},
		{"year 10000 in UTC only", func(e *webhook.Envelope) {
			e.Timestamp = time.Date(9999, 12, 31, 22, 0, 0, 0, time.FixedZone("BRT", -3*3600))
		}, apierr.DateOutOfRange, "timestamp", apierr.ErrRange},
		{"year 0", func(e *webhook.Envelope) { e.Timestamp = time.Date(0, 12, 31, 0, 0, 0, 0, time.UTC) }, apierr.DateOutOfRange, "timestamp", apierr.ErrRange},
		{"no delivery id", func(e *webhook.Envelope) { e.DeliveryID = "" }, apierr.MissingRequiredField, "delivery_id", apierr.ErrEmpty},
		{"delivery id is an event id", func(e *webhook.Envelope) { e.DeliveryID = evtID }, apierr.InvalidFormat, "delivery_id", apierr.ErrPrefix},
		{"no data", func(e *webhook.Envelope) { e.Data = nil }, apierr.MissingRequiredField, "data", apierr.ErrEmpty},
		{"blank data", func(e *webhook.Envelope) { e.Data = json.RawMessage(" \n") }, apierr.MissingRequiredField, "data", apierr.ErrEmpty},
		{"data an array", func(e *webhook.Envelope) { e.Data = json.RawMessage(`[1]`) }, apierr.InvalidFormat, "data", apierr.ErrSyntax},
		{"data null", func(e *webhook.Envelope) { e.Data = json.RawMessage(`null`) }, apierr.InvalidFormat, "data", apierr.ErrSyntax},
		{"data truncated", func(e *webhook.Envelope) { e.Data = json.RawMessage(`{"id":"` + lnID + `"`) }, apierr.InvalidFormat, "data", apierr.ErrSyntax},
		{"data two objects", func(e *webhook.Envelope) { e.Data = json.RawMessage(`{"id":"` + lnID + `"}{}`) }, apierr.InvalidFormat, "data", apierr.ErrSyntax},
		{"data without id", func(e *webhook.Envelope) { e.Data = json.RawMessage(`{"ID":"` + lnID + `"}`) }, apierr.MissingRequiredField, "data.id", apierr.ErrEmpty},
		{"data id a number", func(e *webhook.Envelope) { e.Data = json.RawMessage(`{"id":1}`) }, apierr.InvalidFormat, "data.id", apierr.ErrSyntax},
		{"data too large", func(e *webhook.Envelope) {
			e.Data = json.RawMessage(`{"id":"` + lnID + `","pad":"` + strings.Repeat("a", webhook.MaxBodyLen) + `"}`)
		}, apierr.InvalidFormat, "data", apierr.ErrLength},
		{"envelope too large", func(e *webhook.Envelope) {
			e.Data = json.RawMessage(`{"id":"` + lnID + `","pad":"` + strings.Repeat("a", webhook.MaxBodyLen-100) + `"}`)
		}, apierr.InvalidFormat, "data", apierr.ErrLength},
		{"payment on loan.active", func(e *webhook.Envelope) { e.Payment = pay() }, apierr.InvalidFormat, "payment", nil},
		{"payment missing", func(e *webhook.Envelope) { e.Type = statemachine.EventLoanPaymentReceived }, apierr.MissingRequiredField, "payment", apierr.ErrEmpty},
		{"error on loan.active", func(e *webhook.Envelope) { e.Error = &webhook.EventError{Code: "x", Message: "y"} }, apierr.InvalidFormat, "error", nil},
		{"zero amount", func(e *webhook.Envelope) {
			e.Type, e.Payment = statemachine.EventLoanPaymentReceived, pay()
			e.Payment.Amount = decimal.Zero
		}, apierr.AmountOutOfRange, "payment.amount", apierr.ErrRange},
		{"negative amount", func(e *webhook.Envelope) {
			e.Type, e.Payment = statemachine.EventLoanPaymentReceived, pay()
			e.Payment.Amount = decimal.RequireFromString("-1.00")
		}, apierr.AmountOutOfRange, "payment.amount", apierr.ErrRange},
		{"sub-cent amount", func(e *webhook.Envelope) {
			e.Type, e.Payment = statemachine.EventLoanPaymentReceived, pay()
			e.Payment.Amount = decimal.RequireFromString("1.005")
		}, apierr.InvalidFormat, "payment.amount", apierr.ErrPrecision},
		{"zero paid_at", func(e *webhook.Envelope) {
			e.Type, e.Payment = statemachine.EventLoanPaymentReceived, pay()
			e.Payment.PaidAt = time.Time{}
		}, apierr.MissingRequiredField, "payment.paid_at", apierr.ErrEmpty},
		{"installment 0", func(e *webhook.Envelope) {
			e.Type, e.Payment = statemachine.EventLoanPaymentReceived, pay()
			e.Payment.InstallmentNumber = 0
		}, apierr.ValueOutOfRange, "payment.installment_number", apierr.ErrRange},
		{"installment 421", func(e *webhook.Envelope) {
			e.Type, e.Payment = statemachine.EventLoanPaymentReceived, pay()
			e.Payment.InstallmentNumber = 421
		}, apierr.ValueOutOfRange, "payment.installment_number", apierr.ErrRange},
		{"error without code", func(e *webhook.Envelope) {
			e.Type, e.Error = statemachine.EventLoanError, &webhook.EventError{Message: "m"}
		}, apierr.MissingRequiredField, "error.code", apierr.ErrEmpty},
		{"error code with capitals", func(e *webhook.Envelope) {
			e.Type, e.Error = statemachine.EventLoanError, &webhook.EventError{Code: "PixRejected", Message: "m"}
		}, apierr.InvalidFormat, "error.code", apierr.ErrCharacter},
		{"error code too long", func(e *webhook.Envelope) {
			e.Type, e.Error = statemachine.EventLoanError, &webhook.EventError{Code: strings.Repeat("a", 65), Message: "m"}
		}, apierr.InvalidFormat, "error.code", apierr.ErrLength},
		{"error without message", func(e *webhook.Envelope) {
			e.Type, e.Error = statemachine.EventLoanError, &webhook.EventError{Code: "c"}
		}, apierr.MissingRequiredField, "error.message", apierr.ErrEmpty},
		{"error message not UTF-8", func(e *webhook.Envelope) {
			e.Type, e.Error = statemachine.EventLoanError, &webhook.EventError{Code: "c", Message: "\xff"}
		}, apierr.InvalidFormat, "error.message", apierr.ErrCharacter},
		{"error message too long", func(e *webhook.Envelope) {
			e.Type, e.Error = statemachine.EventLoanError, &webhook.EventError{Code: "c", Message: strings.Repeat("é", 513)}
		}, apierr.InvalidFormat, "error.message", apierr.ErrLength},
	}
	for _, c := range cases {
		env := good()
		c.edit(&env)
		b, err := env.MarshalJSON()
		if b != nil {
			t.Errorf("%s: MarshalJSON = %s with an error", c.name, b)
		}
		checkErr(t, c.name, err, c.code, c.param, c.reason)
		// json.Marshal reports the same error, wrapped.
		if _, jerr := json.Marshal(env); !errors.Is(jerr, c.code) {
			t.Errorf("%s: json.Marshal error = %v", c.name, jerr)
		}
	}
	if b, err := good().MarshalJSON(); err != nil || !json.Valid(b) {
		t.Errorf("the good envelope: %s, %v", b, err)
	}
	// The largest instants that are RFC 3339 are accepted.
	env := good()
	env.Timestamp = time.Date(9999, 12, 31, 23, 59, 59, 999999999, time.UTC)
	if b, err := env.MarshalJSON(); err != nil || !strings.Contains(string(b), `"9999-12-31T23:59:59.999999999Z"`) {
		t.Errorf("year 9999: %s, %v", b, err)
	}
	env.Timestamp = time.Date(1, 1, 1, 0, 0, 0, 1, time.UTC)
	if b, err := env.MarshalJSON(); err != nil || !strings.Contains(string(b), `"0001-01-01T00:00:00.000000001Z"`) {
		t.Errorf("year 1: %s, %v", b, err)
	}
}

func TestNewEnvelopeErrors(t *testing.T) {
	at := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	_, err := webhook.NewEnvelope(counting(), 0, at, loanData())
	checkErr(t, "type", err, apierr.InvalidFormat, "type", statemachine.ErrUnknownEvent)
	_, err = webhook.NewEnvelope(counting(), statemachine.EventLoanActive, time.Time{}, loanData())
	checkErr(t, "zero time", err, apierr.MissingRequiredField, "timestamp", apierr.ErrEmpty)
	_, err = webhook.NewEnvelope(counting(), statemachine.EventCustomerActive, at, loanData())
	checkErr(t, "wrong resource", err, apierr.InvalidFormat, "data.id", apierr.ErrPrefix)
	_, err = webhook.NewEnvelope(bytes.NewReader(make([]byte, 20)), statemachine.EventLoanActive, at, loanData())
	checkErr(t, "short randomness", err, apierr.Internal, "", nil)
	_, err = webhook.NewEnvelope(nil, statemachine.EventLoanActive, at, loanData())
	checkErr(t, "nil randomness", err, apierr.Internal, "", apierr.ErrNil)
	id, err := webhook.NewDeliveryID(counting())
	if err != nil || id != "dlv_000102030405060708090a0b0c0d0e0f" {
		t.Errorf("NewDeliveryID = %q, %v", id, err)
	}
	id, err = webhook.NewEventID(bytes.NewReader(bytes.Repeat([]byte{0xab}, 16)))
	if err != nil || id != "evt_abababababababababababababababab" {
		t.Errorf("NewEventID = %q, %v", id, err)
	}
}

func TestPaymentAndErrorMarshal(t *testing.T) {
	p := webhook.Payment{Amount: decimal.RequireFromString("102"), PaidAt: time.Date(2026, 4, 15, 18, 30, 0, 0, time.UTC),
		InstallmentNumber: 1}
	b, err := json.Marshal(p)
	if err != nil || string(b) != `{"amount":"102.00","paid_at":"2026-04-15T18:30:00Z","installment_number":1}` {
		t.Errorf("json.Marshal(Payment) = %s, %v", b, err)
	}
	p.Amount = decimal.Zero
	_, err = p.MarshalJSON()
	checkErr(t, "Payment zero", err, apierr.AmountOutOfRange, "amount", apierr.ErrRange)
	b, err = json.Marshal(webhook.EventError{Code: "disbursement_failed", Message: "PIX key not found"})
	if err != nil || string(b) != `{"code":"disbursement_failed","message":"PIX key not found"}` {
		t.Errorf("json.Marshal(EventError) = %s, %v", b, err)
	}
	_, err = webhook.EventError{Message: "m"}.MarshalJSON()
	checkErr(t, "EventError without code", err, apierr.MissingRequiredField, "code", apierr.ErrEmpty)
}

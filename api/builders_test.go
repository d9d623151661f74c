package api_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/dinie/lending/api"
	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/calendar"
	"github.com/dinie/lending/servicing"
	"github.com/dinie/lending/simulation"
	"github.com/dinie/lending/statemachine"
	"github.com/dinie/lending/webhook"
)

func TestTransactionsOf(t *testing.T) {
	g := goldens(t)
	sim := g["simulation"].(*simulation.Simulation)
	l, err := servicing.Book(sim, servicing.DefaultTerms())
	if err != nil {
		t.Fatal(err)
	}
	ids := make([]string, l.Len())
	for k := range ids {
		ids[k] = "tx_" + strings.Repeat("0", 31) + string(rune('a'+k%6))
	}
	txs, err := api.TransactionsOf(l, ids, sim.FirstDueDate())
	if err != nil || len(txs) != 12 {
		t.Fatalf("TransactionsOf = %d, %v", len(txs), err)
	}
	for k, tx := range txs {
		if tx.ID != ids[k] || tx.Number != k+1 {
			t.Errorf("transaction %d has id %s, number %d", k, tx.ID, tx.Number)
		}
		// docs/api.md §5.4: amount_due = principal + interest + fees.
		if tx.AmountDue != tx.Principal+tx.Interest+tx.Fees || tx.Fees != 0 {
			t.Errorf("transaction %d: amount_due %d ≠ %d + %d + %d", k, tx.AmountDue, tx.Principal, tx.Interest, tx.Fees)
		}
	}
	bad := func(ids []string, l *servicing.Loan, asOf calendar.Date, code apierr.Code, param string) {
		t.Helper()
		_, err := api.TransactionsOf(l, ids, asOf)
		var e *apierr.Error
		if !errors.As(err, &e) || e.Code != code || e.Param != param {
			t.Errorf("TransactionsOf = %v, want %s (%s)", err, code, param)
		}
	}
	bad(ids[:11], l, sim.FirstDueDate(), apierr.InvalidFormat, "ids")
	wrong := append([]string(nil), ids...)
	wrong[4] = "ln_00000000000000000000000000000000"
	bad(wrong, l, sim.FirstDueDate(), apierr.InvalidFormat, "ids[4]")
	bad(ids, nil, sim.FirstDueDate(), apierr.MissingRequiredField, "loan")
	bad(ids, l, calendar.Date{}, apierr.MissingRequiredField, "as_of")
}

func TestCustomerWithState(t *testing.T) {
	cust := goldens(t)["customer"].(api.Customer)
	msg := "blurred"
	cust.KYC[1].Message = &msg
	at := api.InstantOf(time.Date(2026, 3, 11, 9, 0, 0, 0, time.UTC))
	state := statemachine.Customer{Status: cust.Status, KYC: cust.Requirements()}
	next, _, err := state.SubmitDocument("ccmei", "application/pdf")
	if err != nil {
		t.Fatal(err)
	}
	got := cust.WithState(next).WithUpload("ccmei", at)
	if got.KYC[0].Status != statemachine.KYCSubmitted || !got.KYC[0].UploadedAt.Equal(at.Time) ||
		got.KYC[1].Message != &msg || got.Status != next.Status {
		t.Errorf("WithState = %+v", got.KYC)
	}
	if cust.KYC[0].Status != statemachine.KYCPending || !cust.KYC[0].UploadedAt.IsZero() {
		t.Error("WithState or WithUpload modified its receiver")
	}
}

func TestCredentialOf(t *testing.T) {
	now := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	state := statemachine.Credential{Status: statemachine.CredentialActive, ExpiresAt: now.Add(time.Hour)}
	c := api.CredentialOf("dinie_ci_550e8400e29b41d4a716446655440000", "ci", state, api.InstantOf(now))
	if c.ClientSecret != "" || !c.ExpiresAt.Equal(now.Add(time.Hour)) || c.Status != statemachine.CredentialActive {
		t.Errorf("CredentialOf = %+v", c)
	}
	if s := c.WithSecret("dinie_cs_test_x"); s.ClientSecret != "dinie_cs_test_x" || c.ClientSecret != "" {
		t.Errorf("WithSecret = %+v", s)
	}
}

func TestWebhookEndpointOf(t *testing.T) {
	secret, _ := webhook.ParseSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
	ep, err := webhook.NewEndpoint("we_550e8400e29b41d4a716446655440000", "https://partner.example/hooks", []string{"loan.*"}, secret)
	if err != nil {
		t.Fatal(err)
	}
	patterns := []string{"loan.*"}
	w := api.WebhookEndpointOf(ep, patterns, nil, api.InstantOf(time.Unix(0, 1)))
	patterns[0] = "customer.*"
	if w.Events[0] != "loan.*" || w.Secret != "" || w.Status != statemachine.WebhookActive {
		t.Errorf("WebhookEndpointOf = %+v", w)
	}
	if b, _ := w.MarshalJSON(); !bytes.Contains(b, []byte(`"events":["loan.*"]`)) {
		t.Errorf("marshalled %s", b)
	}
	if b, _ := api.WebhookEndpointOf(ep, nil, nil, api.Instant{}).MarshalJSON(); !bytes.Contains(b, []byte(`"events":[]`)) {
		t.Errorf("every event marshals as %s", b)
	}
}

// TestNewEvent: the snapshot in an envelope is the bytes an API response carries (no
// HTML escaping, the API's version), and a snapshot of another resource is refused.
func TestNewEvent(t *testing.T) {
	if api.APIVersion != webhook.APIVersion {
		t.Fatalf("api.APIVersion %s ≠ webhook.APIVersion %s", api.APIVersion, webhook.APIVersion)
	}
	cust := goldens(t)["customer"].(api.Customer)
	name := "Ana & Bia <ME>"
	cust.Name = &name
	src := bytes.NewReader(bytes.Repeat([]byte{1}, 32))
	e, err := api.NewEvent(src, statemachine.EventCustomerCreated, time.Unix(1773144000, 0), cust)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := cust.MarshalJSON()
	if !bytes.Equal(e.Data, want) || !bytes.Contains(e.Data, []byte(name)) {
		t.Errorf("data = %s, want %s", e.Data, want)
	}
	_, err = api.NewEvent(bytes.NewReader(bytes.Repeat([]byte{1}, 32)), statemachine.EventLoanCreated, time.Unix(1773144000, 0), cust)
	if !errors.Is(err, apierr.InvalidFormat) {
		t.Errorf("a customer as a loan's snapshot: %v", err)
	}
	_, err = api.NewEvent(src, statemachine.EventCustomerCreated, time.Unix(0, 0),
		api.Credential{CreatedAt: api.InstantOf(time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC))})
	if !errors.Is(err, apierr.InvalidFormat) {
		t.Errorf("an unmarshalable snapshot: %v", err)
	}
}

// TestTransactionListJSON: the list of transactions written directly is what
// encoding/json writes for it (a second implementation: the generic envelope over
// each transaction's MarshalJSON), for every prefix of the golden list.
func TestTransactionListJSON(t *testing.T) {
	txs := goldens(t)["list_transactions"].(api.List[api.Transaction]).Data
	for n := 0; n <= len(txs); n++ {
		for _, more := range []bool{false, true} {
			l := api.List[api.Transaction]{Data: txs[:n], HasMore: more}
			got, err := l.MarshalJSON()
			want, _ := json.Marshal(struct {
				Data    []api.Transaction `json:"data"`
				HasMore bool              `json:"has_more"`
			}{append([]api.Transaction{}, txs[:n]...), more})
			if err != nil || !bytes.Equal(got, want) {
				t.Errorf("%d transactions, has_more %v:\n%s\nwant\n%s", n, more, got, want)
			}
		}
	}
}

func TestWithMessage(t *testing.T) {
	cust := goldens(t)["customer"].(api.Customer)
	msg := "the photo is blurred"
	got := cust.WithMessage("ccmei", &msg)
	if got.KYC[0].Message != &msg || cust.KYC[0].Message != nil || got.KYC[1].Message != nil {
		t.Errorf("WithMessage = %+v (receiver %+v)", got.KYC, cust.KYC)
	}
	if got := got.WithMessage("ccmei", nil); got.KYC[0].Message != nil {
		t.Error("WithMessage(nil) keeps the message")
	}
}

// TestPaymentOf: the loan.payment_received payment of servicing's receipt, held to
// the envelope's own checks by marshalling it.
func TestPaymentOf(t *testing.T) {
	g := goldens(t)
	sim := g["simulation"].(*simulation.Simulation)
	l, err := servicing.Book(sim, servicing.DefaultTerms())
	if err != nil {
		t.Fatal(err)
	}
	_, receipt, err := l.Pay(statemachine.LoanActive, 1, decimal.RequireFromString("150.50"), sim.FirstDueDate())
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 4, 10, 15, 4, 5, 0, time.UTC)
	e, err := api.NewEvent(bytes.NewReader(bytes.Repeat([]byte{9}, 32)), statemachine.EventLoanPaymentReceived, at,
		g["loan_active"])
	if err != nil {
		t.Fatal(err)
	}
	e.Payment = api.PaymentOf(receipt.Payment, at)
	b, err := e.MarshalJSON()
	if err != nil || !bytes.HasSuffix(b, []byte(`"payment":{"amount":"150.50","paid_at":"2026-04-10T15:04:05Z","installment_number":1}}`)) {
		t.Errorf("envelope = %s, %v", b, err)
	}
}

// TestTransactionListIDs: a transaction without its tx_ id (the library leaves it
// empty) or with another resource's id is not written.
func TestTransactionListIDs(t *testing.T) {
	txs := append([]api.Transaction(nil), goldens(t)["list_transactions"].(api.List[api.Transaction]).Data...)
	for _, bad := range []string{"", "ln_00000000000000000000000000000001", "tx_\x00"} {
		txs[2].ID = bad
		_, err := api.List[api.Transaction]{Data: txs}.MarshalJSON()
		var e *apierr.Error
		if !errors.As(err, &e) || e.Code != apierr.InvalidFormat || e.Param != "data[2].id" {
			t.Errorf("id %q: %v, want invalid_format (data[2].id)", bad, err)
		}
	}
}

package sandbox_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/dinie/lending/sandbox"
)

// TestStoryOrigination: register → KYC approved → the default offer → several
// simulations (only the latest contractable) → loan → signatures → active.
func TestStoryOrigination(t *testing.T) {
	h := newHarness(t, sandbox.Config{})
	rc := newReceiver(t, h.clock.Now)
	var ep struct{ ID, Secret string }
	h.must(http.StatusCreated, "POST", "/webhook-endpoints", map[string]any{"url": rc.srv.URL}, &ep)
	rc.setSecret(ep.Secret)
	var cust struct {
		ID     string
		Status string
		KYC    []struct{ Type, Status string }
	}
	h.must(http.StatusCreated, "POST", "/customers", map[string]string{"cpf": "280.012.389-38",
		"cnpj": "11.222.333/0001-81", "name": "Ana", "external_id": "p-1"}, &cust)
	if cust.Status != "pending_kyc" || len(cust.KYC) != 4 {
		t.Fatalf("customer = %+v", cust)
	}
	// A retry answers 200 with the same customer.
	var again struct{ ID string }
	h.must(http.StatusOK, "POST", "/customers", map[string]string{"cpf": "28001238938",
		"cnpj": "11222333000181", "name": "Ana", "external_id": "p-1"}, &again)
	if again.ID != cust.ID {
		t.Fatalf("retry answered %s, want %s", again.ID, cust.ID)
	}
	h.must(http.StatusOK, "POST", "/sandbox/customers/"+cust.ID+"/kyc", map[string]string{"all": "approved"}, &cust)
	if cust.Status != "active" {
		t.Fatalf("after KYC: %+v", cust)
	}
	var offers struct {
		Data []struct {
			ID     string
			Status string
		}
	}
	h.must(http.StatusOK, "GET", "/customers/"+cust.ID+"/credit-offers", nil, &offers)
	if len(offers.Data) != 1 || offers.Data[0].Status != "available" {
		t.Fatalf("offers = %+v", offers)
	}
	offer := offers.Data[0].ID
	type sim struct {
		ID                   string
		NumberOfInstallments int    `json:"number_of_installments"`
		InstallmentsValue    string `json:"installments_value"`
		FirstDueDate         string `json:"first_due_date"`
	}
	var s1, s2 sim
	h.must(http.StatusCreated, "POST", "/credit-offers/"+offer+"/simulations",
		map[string]any{"requested_amount": "10000.00", "installment_count": 12}, &s1)
	h.must(http.StatusCreated, "POST", "/credit-offers/"+offer+"/simulations",
		map[string]any{"requested_amount": "8000.00", "installment_count": 6}, &s2)
	echo := func(s sim) map[string]any {
		return map[string]any{"credit_offer_id": offer, "simulation_id": s.ID, "installments": s.NumberOfInstallments,
			"installments_value": s.InstallmentsValue, "first_due_date": s.FirstDueDate}
	}
	r := h.do("POST", "/loans", echo(s1))
	if code, param := r.problem(t); r.status != 422 || code != "simulation_mismatch" || param != "simulation_id" {
		t.Fatalf("loan on a superseded simulation: %d %s", r.status, r.body)
	}
	var loan struct {
		ID        string
		Status    string
		CCBNumber *string `json:"ccb_number"`
	}
	h.must(http.StatusCreated, "POST", "/loans", echo(s2), &loan)
	if loan.Status != "processing" || loan.CCBNumber != nil {
		t.Fatalf("loan = %+v", loan)
	}
	h.must(http.StatusOK, "POST", "/sandbox/loans/"+loan.ID+"/advance", map[string]string{"to": "active"}, &loan)
	if loan.Status != "active" || loan.CCBNumber == nil {
		t.Fatalf("advanced loan = %+v", loan)
	}
	// Every event arrived, verified, once, in the order it happened.
	want := []string{"customer.created", "customer.active", "credit_offer.available", "loan.created",
		"loan.contract_generated", "loan.awaiting_signatures", "loan.signed", "loan.disbursing", "loan.active"}
	var deliveries struct {
		Data []struct{ Event, State string }
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		h.must(http.StatusOK, "GET", "/sandbox/deliveries", nil, &deliveries)
		done := true
		for _, d := range deliveries.Data {
			done = done && d.State == "succeeded"
		}
		if done || time.Now().After(deadline) {
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	got := rc.wait(len(deliveries.Data))
	if len(got) != len(deliveries.Data) || rc.bad != 0 {
		t.Fatalf("received %v (%d refused); the sandbox attempted %d", got, rc.bad, len(deliveries.Data))
	}
	at := 0
	for _, e := range got {
		if at < len(want) && e == want[at] {
			at++
		}
	}
	if at != len(want) {
		t.Errorf("events %v lack %v in this order (matched %d)", got, want, at)
	}
	for i, d := range deliveries.Data {
		if d.Event != got[i] {
			t.Errorf("delivery %d is %s, received %s: out of order", i, d.Event, got[i])
		}
	}
}

package sandbox_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	moneypkg "github.com/dinie/lending/money"
	"github.com/dinie/lending/sandbox"
)

// TestStory: register → KYC approved → the default offer → several simulations (only
// the latest contractable) → loan → signatures → active → transactions → an on-time
// payment → a late one with its charges → payoff → finished, every webhook verified
// by a receiver on the sandbox's clock, in order, none lost, duplicates dropped.
func TestStory(t *testing.T) {
	h := newHarness(t, sandbox.Config{})
	rc := newReceiver(t, h.sb.Now)
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
	servicingStory(t, h, loan.ID, s2.InstallmentsValue)
	// Every event arrived, verified, once, in the order it happened.
	want := []string{"customer.created", "customer.active", "credit_offer.available", "loan.created",
		"loan.contract_generated", "loan.awaiting_signatures", "loan.signed", "loan.disbursing", "loan.active",
		"loan.payment_received", "loan.payment_received", "loan.payment_received", "loan.payment_received",
		"loan.payment_received", "loan.payment_received", "loan.finished"}
	deliveries := h.drain()
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

// transaction is what the story reads of GET /loans/{id}/transactions.
type transaction struct {
	ID              string
	DueDate         string `json:"due_date"`
	Status          string
	AmountDue       string `json:"amount_due"`
	AmountPaid      string `json:"amount_paid"`
	AmountRemaining string `json:"amount_remaining"`
	DaysOverdue     int    `json:"days_overdue"`
	Breakdown       struct {
		Late struct {
			Days                      int
			Fine, Mora, Interest, IOF string
			Total, Owed               string
		}
	}
}

// servicingStory: the six installments of an active loan of installment value pmt,
// installment 1 paid on its due date, installment 2 paid 10 days late with its
// charges, then the payoff of the other four the day after, which finishes the loan.
func servicingStory(t *testing.T, h *harness, id, pmt string) {
	t.Helper()
	var txs struct {
		Data    []transaction
		HasMore bool `json:"has_more"`
	}
	h.must(http.StatusOK, "GET", "/loans/"+id+"/transactions", nil, &txs)
	if len(txs.Data) != 6 || txs.HasMore {
		t.Fatalf("transactions = %+v", txs)
	}
	for _, tx := range txs.Data {
		if tx.Status != "pending" || tx.AmountRemaining != tx.AmountDue || !strings.HasPrefix(tx.ID, "tx_") {
			t.Fatalf("a new loan's installment: %+v", tx)
		}
	}
	if txs.Data[0].AmountDue != pmt {
		t.Fatalf("installment 1 is %s; the simulation's installments_value is %s", txs.Data[0].AmountDue, pmt)
	}
	// Installment 1 on its due date, through the clock control and today's date.
	h.moveClock(txs.Data[0].DueDate + "T15:00:00Z")
	var paid struct {
		Loan    struct{ Status string }
		Payment struct {
			Amount     string
			Allocation struct{ Fine, Mora, Interest, Principal string }
		}
	}
	h.must(http.StatusOK, "POST", "/sandbox/loans/"+id+"/payments", map[string]any{"installment_number": 1, "amount": pmt}, &paid)
	if paid.Loan.Status != "active" || paid.Payment.Amount != pmt || paid.Payment.Allocation.Fine != "0.00" {
		t.Fatalf("on-time payment: %+v", paid)
	}
	// Ten days after installment 2's due date it is overdue. By hand (the library's
	// default terms, a 2 % fine and 1 % a month mora over days/30): the fine is
	// 2 % of amount_due and the mora 1 % × L/30 of it, each rounded half-up, where the
	// days of delay L count from the original due date (the default): L ≥ 10 when the
	// due date was rolled past a weekend.
	due2, err := time.Parse(time.DateOnly, txs.Data[1].DueDate)
	if err != nil {
		t.Fatal(err)
	}
	h.moveClock(due2.AddDate(0, 0, 10).Format(time.DateOnly) + "T15:00:00Z")
	h.must(http.StatusOK, "GET", "/loans/"+id+"/transactions", nil, &txs)
	late := txs.Data[1]
	dueCents := cents(t, late.AmountDue)
	days := int64(late.Breakdown.Late.Days)
	if late.Status != "overdue" || late.DaysOverdue != 10 || days < 10 || days > 13 ||
		cents(t, late.Breakdown.Late.Fine) != (dueCents*2+50)/100 || cents(t, late.Breakdown.Late.Mora) != (dueCents*days+1500)/3000 {
		t.Fatalf("installment 2, 10 days late: %+v", late)
	}
	if txs.Data[0].Status != "paid" || txs.Data[2].Status != "pending" {
		t.Fatalf("installments 1 and 3: %+v %+v", txs.Data[0], txs.Data[2])
	}
	owed := cents(t, late.AmountRemaining) + cents(t, late.Breakdown.Late.Owed)
	r := h.do("POST", "/sandbox/loans/"+id+"/payments", map[string]any{"installment_number": 2, "amount": money(owed + 1)})
	if code, param := r.problem(t); r.status != 422 || code != "amount_out_of_range" || param != "amount" {
		t.Fatalf("a cent more than owed: %d %s", r.status, r.body)
	}
	h.must(http.StatusOK, "POST", "/sandbox/loans/"+id+"/payments", map[string]any{"installment_number": 2, "amount": money(owed)}, &paid)
	if cents(t, paid.Payment.Allocation.Fine) != cents(t, late.Breakdown.Late.Fine) || paid.Loan.Status != "active" {
		t.Fatalf("late payment: %+v", paid)
	}
	// The payoff the next day: the quote, then paying it finishes the loan.
	h.moveClock(due2.AddDate(0, 0, 11).Format(time.DateOnly) + "T15:00:00Z")
	var quote struct {
		Amount       string
		Installments []struct {
			Number       int    `json:"installment_number"`
			Remaining    string `json:"amount_remaining"`
			PresentValue string `json:"present_value"`
			Discount     string
		}
	}
	h.must(http.StatusOK, "GET", "/sandbox/loans/"+id+"/payoff", nil, &quote)
	if len(quote.Installments) != 4 {
		t.Fatalf("payoff quote = %+v", quote)
	}
	var remaining int64
	for _, it := range quote.Installments {
		remaining += cents(t, it.Remaining)
	}
	if q := cents(t, quote.Amount); q >= remaining || q <= 0 {
		t.Fatalf("payoff %s of 4 installments owing %s: no discount", quote.Amount, money(remaining))
	}
	var settled struct {
		Loan     struct{ Status string }
		Payoff   struct{ Amount string }
		Payments []struct{ Amount string }
	}
	h.must(http.StatusOK, "POST", "/sandbox/loans/"+id+"/payoff", nil, &settled)
	var sum int64
	for _, p := range settled.Payments {
		sum += cents(t, p.Amount)
	}
	if settled.Loan.Status != "finished" || settled.Payoff.Amount != quote.Amount || sum != cents(t, quote.Amount) {
		t.Fatalf("payoff of %s: %+v (payments sum to %s)", quote.Amount, settled, money(sum))
	}
	h.must(http.StatusOK, "GET", "/loans/"+id+"/transactions", nil, &txs)
	for _, tx := range txs.Data {
		if tx.Status != "paid" || tx.AmountRemaining != "0.00" {
			t.Fatalf("after the payoff: %+v", tx)
		}
	}
	r = h.do("POST", "/sandbox/loans/"+id+"/payments", map[string]any{"installment_number": 6, "amount": "1.00"})
	if code, _ := r.problem(t); r.status != 409 || code != "invalid_transition" {
		t.Fatalf("paying a finished loan: %d %s", r.status, r.body)
	}
}

// cents reads a 2-decimal money string.
func cents(t *testing.T, s string) int64 {
	t.Helper()
	c, err := moneypkg.ParseCents(s)
	if err != nil {
		t.Fatalf("money %q: %v", s, err)
	}
	return c
}

func money(c int64) string { return moneypkg.FormatCents(c) }

// deliveries is what GET /sandbox/deliveries lists.
type deliveries struct {
	Data []struct{ Event, State string }
}

// drain waits (10 s at most) until every delivery attempted so far succeeded.
func (h *harness) drain() deliveries {
	h.t.Helper()
	var ds deliveries
	deadline := time.Now().Add(10 * time.Second)
	for {
		h.must(http.StatusOK, "GET", "/sandbox/deliveries", nil, &ds)
		done := true
		for _, d := range ds.Data {
			done = done && d.State == "succeeded"
		}
		if done || time.Now().After(deadline) {
			return ds
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// moveClock moves the sandbox's clock to now (RFC 3339) once the deliveries under
// way have arrived (one in flight would carry a timestamp the receiver, on the new
// clock, rightly refuses as stale), and logs in again: the token issued an hour of
// sandbox time ago has expired.
func (h *harness) moveClock(now string) {
	h.t.Helper()
	h.drain()
	h.must(http.StatusOK, "POST", "/sandbox/clock", map[string]string{"now": now}, nil)
	h.token = h.login(h.cred)
}

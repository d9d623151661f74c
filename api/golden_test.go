package api_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/dinie/lending/api"
	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/calendar"
	"github.com/dinie/lending/iof"
	"github.com/dinie/lending/money"
	"github.com/dinie/lending/schedule"
	"github.com/dinie/lending/servicing"
	"github.com/dinie/lending/simulation"
	"github.com/dinie/lending/statemachine"
	"github.com/dinie/lending/validation"
	"github.com/dinie/lending/webhook"
)

var update = flag.Bool("update", false, "rewrite testdata/api from the wire types")

// The contract's field list of each resource, written from the API's contract (not
// from the code): the keys every body of the resource has. Extras the library adds sit
// under "breakdown" and are named here too.
var contractFields = map[string][]string{
	"customer": {"id", "status", "cpf", "cnpj", "name", "email", "phone", "trading_name", "external_id", "kyc", "created_at"},
	"kyc_item": {"kind", "type", "status", "description", "message", "uploaded_at"},
	"credit_offer_fixed": {"id", "customer_id", "status", "approved_amount", "min_amount", "interest_rate",
		"installments", "due_date_rule", "valid_until", "breakdown"},
	"credit_offer_range": {"id", "customer_id", "status", "approved_amount", "min_amount", "interest_rate",
		"min_installments", "max_installments", "due_date_rule", "valid_until", "breakdown"},
	"simulation": {"id", "credit_offer_id", "requested_amount", "amount", "interest_amount", "fees_amount",
		"iof_amount", "total_loan_amount", "interest_percentage", "cet_percentage", "number_of_installments",
		"installments_value", "first_due_date", "breakdown"},
	"loan": {"id", "status", "customer_id", "credit_offer_id", "simulation_id", "requested_amount", "net_amount",
		"iof", "service_fee", "interest_rate", "cet", "total_amount", "installments_value", "first_due_date",
		"number_of_installments", "ccb_number", "disbursement_method", "signing_url", "created_at"},
	"webhook_endpoint":             {"id", "url", "events", "description", "status", "created_at"},
	"webhook_endpoint_with_secret": {"id", "url", "events", "description", "status", "secret", "created_at"},
	"credential":                   {"client_id", "name", "status", "expires_at", "created_at"},
	"credential_with_secret":       {"client_id", "name", "status", "expires_at", "created_at", "client_secret"},
	"token":                        {"access_token", "token_type", "expires_in"},
	"deleted":                      {"id", "deleted"},
	"list":                         {"data", "has_more"},
	"transaction": {"id", "type", "due_date", "status", "amount_due", "amount_paid", "amount_remaining",
		"principal", "interest", "fees", "days_overdue", "paid_at", "breakdown"},
	"event":          {"id", "type", "timestamp", "created_at", "api_version", "delivery_id", "data"},
	"event_payment":  {"id", "type", "timestamp", "created_at", "api_version", "delivery_id", "data", "payment"},
	"payment":        {"amount", "paid_at", "installment_number"},
	"event_error":    {"id", "type", "timestamp", "created_at", "api_version", "delivery_id", "data", "error"},
	"error":          {"code", "message"},
	"problem":        {"type", "title", "status", "detail", "instance", "code", "param"},
	"problem_bare":   {"type", "title", "status", "detail", "instance", "code"},
	"problem_fields": {"type", "title", "status", "detail", "instance", "code", "param", "errors"},
}

// goldens are every resource and error kind as the wire layer writes them.
func goldens(t *testing.T) map[string]any {
	now := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	cpf, _ := validation.ParseCPF("280.012.389-38")
	cnpj, _ := validation.ParseCNPJ("11.222.333/0001-81")
	name, email := "Ana Souza", "ana@example.com"
	phone, _ := validation.ParsePhone("+55 11 91234-5678")
	state, _, err := statemachine.NewCustomer([]statemachine.KYCRequirement{
		{Kind: statemachine.KYCDocument, Type: "ccmei", Status: statemachine.KYCPending},
		{Kind: statemachine.KYCData, Type: "biometrics", Status: statemachine.KYCPending}})
	if err != nil {
		t.Fatal(err)
	}
	cust := api.NewCustomer("cust_550e8400e29b41d4a716446655440000", api.CustomerInput{CPF: &cpf, CNPJ: &cnpj,
		Name: &name, Email: &email, Phone: &phone}, state, api.InstantOf(now))
	rate, _ := schedule.ParsePercentPerMonth("2.99")
	offer := statemachine.Offer{ID: "co_550e8400e29b41d4a716446655440000", CustomerID: cust.ID,
		Status: statemachine.OfferAvailable, ApprovedAmount: decimal.RequireFromString("50000.00"),
		MinAmount: decimal.RequireFromString("1000.00"), InterestRate: rate, MinInstallments: 3, MaxInstallments: 24,
		ValidUntil: now.Add(30 * 24 * time.Hour), FeeFixed: decimal.RequireFromString("50.00"),
		FeePercent: decimal.RequireFromString("1.5"), BorrowerClass: iof.MEI}
	ranged, err := api.CreditOfferOf(offer)
	if err != nil {
		t.Fatal(err)
	}
	fixedOffer := offer
	fixedOffer.MinInstallments, fixedOffer.MaxInstallments, fixedOffer.Installments = 0, 0, 12
	fixedOffer.DueDateRule = "day_10"
	fixed, err := api.CreditOfferOf(fixedOffer)
	if err != nil {
		t.Fatal(err)
	}
	release, _ := calendar.DateOf(now)
	sim, err := simulation.Simulate(offer, simulation.Request{RequestedAmount: decimal.RequireFromString("10000.00"),
		InstallmentCount: 12}, simulation.Options{Now: now, Release: release})
	if err != nil {
		t.Fatal(err)
	}
	sim, _ = sim.WithID("sim_550e8400e29b41d4a716446655440000")
	loan := func(status statemachine.LoanStatus) api.Loan {
		l, err := api.LoanOf(api.LoanRecord{ID: "ln_550e8400e29b41d4a716446655440000", CustomerID: cust.ID,
			CreditOfferID: offer.ID, Status: status, Simulation: sim, CCBNumber: api.CCBNumber(42),
			SigningURL: "https://sign.example/ln_550e8400e29b41d4a716446655440000", CreatedAt: api.InstantOf(now)})
		if err != nil {
			t.Fatal(err)
		}
		return l
	}
	secret, _ := webhook.ParseSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
	ep := api.WebhookEndpoint{ID: "we_550e8400e29b41d4a716446655440000", URL: "https://partner.example/hooks",
		Events: []string{"loan.*"}, Status: statemachine.WebhookActive, CreatedAt: api.InstantOf(now)}
	cred := api.Credential{ClientID: "dinie_ci_550e8400e29b41d4a716446655440000", Name: "ci",
		Status: statemachine.CredentialActive, CreatedAt: api.InstantOf(now)}
	credShown := cred
	credShown.ClientSecret = "dinie_cs_test_0123456789abcdef"
	_, cpfErr := validation.ParseCPF("280.012.389-39")
	var fields apierr.Errors
	fields = fields.Append(cpfErr)
	_, emailErr := validation.ParseEmail("ana@")
	fields = fields.Append(emailErr)
	// The loan booked from the simulation, with the library's default late-charge
	// terms (2 % fine, 1 % a month of mora): installment 1 paid on its due date,
	// installment 2 paid in part, installment 3 overdue on the date asked.
	booked, err := servicing.Book(sim, servicing.DefaultTerms())
	if err != nil {
		t.Fatal(err)
	}
	first := sim.FirstDueDate()
	day := func(d calendar.Date, months, days int) calendar.Date {
		d, err := d.AddMonths(months)
		if err == nil {
			d, err = d.AddDays(days)
		}
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	booked, _, err = booked.Pay(statemachine.LoanActive, 1, money.FromCents(sim.Cents().Installment), first)
	if err != nil {
		t.Fatal(err)
	}
	booked, _, err = booked.Pay(statemachine.LoanActive, 2, decimal.RequireFromString("100.00"), day(first, 1, 0))
	if err != nil {
		t.Fatal(err)
	}
	txIDs := make([]string, booked.Len())
	for k := range txIDs {
		txIDs[k] = fmt.Sprintf("tx_%032x", k+1)
	}
	asOf := day(first, 2, 10)
	txs, err := api.TransactionsOf(booked, txIDs, asOf)
	if err != nil {
		t.Fatal(err)
	}
	event := func(typ statemachine.Event, data any, payment *webhook.Payment) api.Event {
		e, err := api.NewEvent(bytes.NewReader(bytes.Repeat([]byte{0x5e}, 32)), typ, now, data)
		if err != nil {
			t.Fatal(err)
		}
		e.Payment = payment
		return e
	}
	malformed := api.Decode(strings.NewReader(`{"requested_amount":`), new(api.SimulationRequest))
	_, missing := (api.SimulationRequest{}).Request()
	_, _, badToken := api.ParseAccessToken(bytes.Repeat([]byte{7}, 32), "dinie_at_a.b.c")
	wrongEnv := validation.CheckClientSecret("dinie_cs_live_0123456789abcdef", validation.Sandbox)
	_, transition := statemachine.LoanLifecycle().Transition(statemachine.LoanActive, statemachine.LoanSigned)
	_, pageErr := api.Page([]api.Customer{cust}, func(c api.Customer) string { return c.ID }, validation.Customer, 101, "")
	return map[string]any{
		"transaction_paid":           txs[0],
		"transaction_partially_paid": txs[1],
		"transaction_overdue":        txs[2],
		"transaction_pending":        txs[3],
		"list_transactions":          api.List[api.Transaction]{Data: txs[:4], HasMore: true},
		"event_customer_created":     event(statemachine.EventCustomerCreated, cust, nil),
		"event_loan_payment_received": event(statemachine.EventLoanPaymentReceived, loan(statemachine.LoanActive),
			&webhook.Payment{Amount: decimal.RequireFromString("100.00"), PaidAt: now, InstallmentNumber: 2}),
		"event_loan_error": func() api.Event {
			e := event(statemachine.EventLoanError, loan(statemachine.LoanError), nil)
			e.Error = &webhook.EventError{Code: "disbursement_failed", Message: "the Pix key was not found"}
			return e
		}(),
		"problem_malformed_body":         withInstance(api.NewProblem(malformed)),
		"problem_missing_required_field": withInstance(api.NewProblem(missing)),
		"problem_invalid_token":          withInstance(api.NewProblem(badToken)),
		"problem_forbidden":              withInstance(api.NewProblem(wrongEnv)),
		"problem_invalid_transition":     withInstance(api.NewProblem(transition)),
		"problem_value_out_of_range":     withInstance(api.NewProblem(pageErr)),
		"problem_method_not_allowed": withInstance(api.NewProblem(apierr.Errorf(apierr.MethodNotAllowed, "method",
			"DELETE is not allowed on /v3/customers; allowed: GET, POST"))),
		"problem_rate_limit": withInstance(api.NewProblem(apierr.Errorf(apierr.RateLimitExceeded, "",
			"the sandbox holds 100000 records of this kind, its limit"))),
		"customer":                     cust,
		"credit_offer_range":           ranged,
		"credit_offer_fixed":           fixed,
		"simulation":                   sim,
		"loan_processing":              loan(statemachine.LoanProcessing),
		"loan_awaiting_signatures":     loan(statemachine.LoanAwaitingSignatures),
		"loan_active":                  loan(statemachine.LoanActive),
		"loan_cancelled":               loan(statemachine.LoanCancelled),
		"deleted":                      api.Deleted{ID: ep.ID, Deleted: true},
		"webhook_endpoint":             ep,
		"webhook_endpoint_with_secret": ep.WithSecret(secret),
		"credential":                   cred,
		"credential_with_secret":       credShown,
		"token":                        api.NewToken("dinie_at_eyJ.example.token"),
		"list_customers":               api.List[api.Customer]{Data: []api.Customer{cust}, HasMore: true},
		"problem_invalid_cpf":          withInstance(api.NewProblem(cpfErr)),
		"problem_fields":               withInstance(api.NewProblem(fields.Err())),
		"problem_internal":             withInstance(api.NewProblem(os.ErrNotExist)),
		"problem_not_found":            withInstance(api.NewProblem(apierr.Errorf(apierr.NotFound, "loan", "loan \"ln_x\" does not exist"))),
	}
}

// goldenResource names the contract's field list each golden is held to; every
// golden has one (TestContractFields fails on a golden missing here).
var goldenResource = map[string]string{
	"customer": "customer", "credit_offer_range": "credit_offer_range", "credit_offer_fixed": "credit_offer_fixed",
	"simulation": "simulation", "loan_processing": "loan", "loan_awaiting_signatures": "loan", "loan_active": "loan",
	"loan_cancelled": "loan", "deleted": "deleted",
	"webhook_endpoint": "webhook_endpoint", "webhook_endpoint_with_secret": "webhook_endpoint_with_secret",
	"credential": "credential", "credential_with_secret": "credential_with_secret", "token": "token",
	"list_customers": "list", "problem_invalid_cpf": "problem", "problem_fields": "problem_fields",
	"problem_not_found": "problem",
	"transaction_paid":  "transaction", "transaction_partially_paid": "transaction",
	"transaction_overdue": "transaction", "transaction_pending": "transaction", "list_transactions": "list",
	"event_customer_created": "event", "event_loan_payment_received": "event_payment",
	"event_loan_error":       "event_error",
	"problem_malformed_body": "problem_bare", "problem_internal": "problem_bare",
	"problem_rate_limit": "problem_bare", "problem_missing_required_field": "problem_fields",
	"problem_invalid_token": "problem", "problem_forbidden": "problem", "problem_invalid_transition": "problem",
	"problem_value_out_of_range": "problem", "problem_method_not_allowed": "problem",
}

func withInstance(p api.Problem) api.Problem { p.Instance = "/v3/customers"; return p }

// TestGolden: every resource and error kind against its golden file under
// testdata/api (go test ./api -run TestGolden -update rewrites them; a reviewer
// re-derives the figures from the simulation corpus, which checks them).
func TestGolden(t *testing.T) {
	for name, v := range goldens(t) {
		got, err := json.MarshalIndent(v, "", "  ")
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		got = append(got, '\n')
		path := filepath.Join("..", "testdata", "api", name+".json")
		if *update {
			if err := os.WriteFile(path, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%s: %v (run with -update to create it)", name, err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from %s:\n%s", name, path, got)
		}
	}
}

// TestContractFields: each golden has exactly its resource's contract fields, and the
// fields that depend on a loan's status appear in the statuses the wire layer documents.
func TestContractFields(t *testing.T) {
	keys := func(v any) []string {
		b, _ := json.Marshal(v)
		var m map[string]json.RawMessage
		_ = json.Unmarshal(b, &m)
		out := make([]string, 0, len(m))
		for k := range m {
			out = append(out, k)
		}
		sort.Strings(out)
		return out
	}
	g := goldens(t)
	for name, want := range goldenResource {
		w := slices.Clone(contractFields[want])
		sort.Strings(w)
		if got := keys(g[name]); !slices.Equal(got, w) {
			t.Errorf("%s has keys %v; the contract's %s has %v", name, got, want, w)
		}
	}
	item := g["customer"].(api.Customer).KYC[0]
	if got, w := keys(item), slices.Sorted(slices.Values(contractFields["kyc_item"])); !slices.Equal(got, w) {
		t.Errorf("kyc item keys %v, want %v", got, w)
	}
	// Fields by status: null where the wire layer documents them as absent.
	nullIn := func(v any, k string) bool {
		b, _ := json.Marshal(v)
		var m map[string]json.RawMessage
		_ = json.Unmarshal(b, &m)
		return string(m[k]) == "null"
	}
	for _, c := range []struct {
		golden string
		field  string
		null   bool
	}{
		{"loan_processing", "ccb_number", true}, {"loan_processing", "signing_url", true}, {"loan_processing", "net_amount", true},
		{"loan_awaiting_signatures", "ccb_number", false}, {"loan_awaiting_signatures", "signing_url", false},
		{"loan_awaiting_signatures", "net_amount", true},
		{"loan_active", "ccb_number", false}, {"loan_active", "signing_url", true}, {"loan_active", "net_amount", false},
		// A cancelled loan keeps the CCB it had; nothing was released.
		{"loan_cancelled", "ccb_number", false}, {"loan_cancelled", "signing_url", true}, {"loan_cancelled", "net_amount", true},
		// paid_at is set only once nothing remains (docs/servicing.md).
		{"transaction_paid", "paid_at", false}, {"transaction_partially_paid", "paid_at", true},
		{"transaction_overdue", "paid_at", true}, {"transaction_pending", "paid_at", true},
	} {
		if got := nullIn(g[c.golden], c.field); got != c.null {
			t.Errorf("%s.%s null = %v, want %v", c.golden, c.field, got, c.null)
		}
	}
	for name := range g {
		if _, ok := goldenResource[name]; !ok {
			t.Errorf("golden %s is held to no contract field list: add it to goldenResource", name)
		}
	}
	// Nested resources: list items, an event's data and payment.
	for _, c := range []struct {
		v        any
		resource string
	}{
		{g["list_customers"].(api.List[api.Customer]).Data[0], "customer"},
		{g["list_transactions"].(api.List[api.Transaction]).Data[3], "transaction"},
		{g["event_customer_created"].(api.Event).Data, "customer"},
		{g["event_loan_payment_received"].(api.Event).Data, "loan"},
		{g["event_loan_payment_received"].(api.Event).Payment, "payment"},
		{g["event_loan_error"].(api.Event).Data, "loan"},
		{g["event_loan_error"].(api.Event).Error, "error"},
	} {
		if got, w := keys(c.v), slices.Sorted(slices.Values(contractFields[c.resource])); !slices.Equal(got, w) {
			t.Errorf("a nested %s has keys %v, want %v", c.resource, got, w)
		}
	}
}

// The wire formats of docs/api.md §2, by field name: every golden's fields of these
// names, at any depth, are held to their format.
var (
	moneyRe   = regexp.MustCompile(`^"[0-9]+\.[0-9]{2}"$`)
	dateRe    = regexp.MustCompile(`^"[0-9]{4}-[0-9]{2}-[0-9]{2}"$`)
	instantRe = regexp.MustCompile(`^"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?Z"$`)
	idRe      = regexp.MustCompile(`^"(cust|co|sim|ln|tx|we|evt|dlv|dinie_ci)_[0-9a-f]{32}"$`)

	moneyFields = fieldSet("requested_amount", "amount", "interest_amount", "fees_amount", "iof_amount",
		"total_loan_amount", "installments_value", "approved_amount", "min_amount", "net_amount", "iof",
		"service_fee", "total_amount", "amount_due", "amount_paid", "amount_remaining", "principal",
		"interest", "fees", "fee_fixed", "fine", "mora", "total", "owed", "delay_interest")
	dateFields    = fieldSet("first_due_date", "due_date", "nominal_date")
	instantFields = fieldSet("created_at", "valid_until", "expires_at", "uploaded_at", "timestamp")
	idFields      = fieldSet("id", "customer_id", "credit_offer_id", "simulation_id", "client_id", "delivery_id")
)

func fieldSet(names ...string) map[string]bool {
	m := map[string]bool{}
	for _, n := range names {
		m[n] = true
	}
	return m
}

// TestContractFormats: money as 2-decimal strings, dates YYYY-MM-DD, instants ISO 8601
// in UTC (or null where optional), ids a prefix and 32 lowercase hex digits, in every
// golden. A transaction's paid_at is a date (docs/servicing.md: the date of the
// payment that settled it); an event payment's paid_at an instant.
func TestContractFormats(t *testing.T) {
	for name, v := range goldens(t) {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var walk func(path string, raw json.RawMessage, inPayment bool)
		walk = func(path string, raw json.RawMessage, inPayment bool) {
			var obj map[string]json.RawMessage
			var arr []json.RawMessage
			if json.Unmarshal(raw, &obj) == nil {
				for k, r := range obj {
					walk(path+"."+k, r, inPayment || k == "payment")
					check(t, name+path+"."+k, k, string(r), inPayment)
				}
			} else if json.Unmarshal(raw, &arr) == nil {
				for i, r := range arr {
					walk(fmt.Sprintf("%s[%d]", path, i), r, inPayment)
				}
			}
		}
		walk("", b, false)
	}
}

func check(t *testing.T, where, key, v string, inPayment bool) {
	t.Helper()
	ok := true
	switch {
	case v[0] == '{' || v[0] == '[': // an object of the same name (a breakdown's iof): its members are checked
	case v == "null":
		ok = !moneyFields[key] || key == "net_amount"
	case moneyFields[key]:
		ok = moneyRe.MatchString(v)
	case dateFields[key]:
		ok = dateRe.MatchString(v)
	case instantFields[key]:
		ok = instantRe.MatchString(v)
	case key == "paid_at" && inPayment:
		ok = instantRe.MatchString(v) || dateRe.MatchString(v) // an event's payment, or a transaction's payments
	case key == "paid_at":
		ok = dateRe.MatchString(v)
	case idFields[key]:
		ok = idRe.MatchString(v)
	}
	if !ok {
		t.Errorf("%s = %s is not in its wire format", where, v)
	}
}

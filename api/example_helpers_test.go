package api_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/dinie/lending/api"
	"github.com/dinie/lending/calendar"
	"github.com/dinie/lending/iof"
	"github.com/dinie/lending/schedule"
	"github.com/dinie/lending/simulation"
	"github.com/dinie/lending/statemachine"
	"github.com/dinie/lending/validation"
)

// What the endpoint examples share: a clock, a source of ids anyone can read, a way to
// run a handler in process, and the records a server would have stored. The handlers
// themselves are in the examples.

// exampleNow is the examples' clock: 2026-03-10 12:00 UTC (09:00 in São Paulo).
var exampleNow = time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)

// seq is a source of randomness whose n-th read fills its buffer with the byte n, so
// the n-th id it makes is its prefix and 32 hex digits "0n" repeated
// (cust_01010101…, then co_02020202…): ids a reader checks at a glance.
type seq struct{ n byte }

func (s *seq) Read(p []byte) (int, error) {
	s.n++
	for i := range p {
		p[i] = s.n
	}
	return len(p), nil
}

// id is the id seq's n-th read makes for prefix.
func id(prefix string, n byte) string { return prefix + strings.Repeat(fmt.Sprintf("%02x", n), 16) }

// run serves one request with h in process (net/http/httptest) and prints the status
// and the body.
func run(h http.HandlerFunc, method, target, body string, header ...string) {
	rec := httptest.NewRecorder()
	h(rec, request(method, target, body, header...))
	fmt.Println(rec.Code, strings.TrimSpace(rec.Body.String()))
}

// runFields is run printing only the named top-level fields of a JSON body, in order
// ("a.b" reaches into an object): the figures an example vouches for. A problem
// document is printed whole.
func runFields(h http.HandlerFunc, method, target, body string, fields ...string) {
	showFields(record(h, request(method, target, body)), fields...)
}

// record serves r with h and returns the recorded response.
func record(h http.HandlerFunc, r *http.Request) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	h(rec, r)
	return rec
}

func showFields(rec *httptest.ResponseRecorder, fields ...string) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(rec.Body.Bytes(), &m); err != nil || rec.Code >= 400 {
		fmt.Println(rec.Code, strings.TrimSpace(rec.Body.String()))
		return
	}
	fmt.Println(rec.Code)
	for _, f := range fields {
		fmt.Printf("  %s: %s\n", f, pick(m, f))
	}
}

func pick(m map[string]json.RawMessage, path string) string {
	head, rest, nested := strings.Cut(path, ".")
	if !nested {
		return string(m[head])
	}
	var inner map[string]json.RawMessage
	_ = json.Unmarshal(m[head], &inner)
	return pick(inner, rest)
}

func request(method, target, body string, header ...string) *http.Request {
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	r := httptest.NewRequest(method, target, rd)
	for i := 0; i+1 < len(header); i += 2 {
		r.Header.Set(header[i], header[i+1])
	}
	return r
}

// exampleKYC is the requirements a lender asks of a new customer (the sandbox's
// policy): an identity document, a selfie and a biometrics session.
func exampleKYC() []statemachine.KYCRequirement {
	return []statemachine.KYCRequirement{
		{Kind: statemachine.KYCDocument, Type: "identity_card_front", Status: statemachine.KYCPending},
		{Kind: statemachine.KYCDocument, Type: "selfie", Status: statemachine.KYCPending},
		{Kind: statemachine.KYCData, Type: "biometrics", Status: statemachine.KYCPending},
	}
}

// exampleCustomer is a stored customer: cust_0101…, CPF 280.012.389-38 (Receita
// Federal's worked example), registered at exampleNow, and its lifecycle state.
func exampleCustomer() (api.Customer, statemachine.Customer) {
	cpf, _ := validation.ParseCPF("280.012.389-38")
	name := "Ana Souza"
	state, _, _ := statemachine.NewCustomer(exampleKYC())
	return api.NewCustomer(id("cust_", 1), api.CustomerInput{CPF: &cpf, Name: &name}, state, api.InstantOf(exampleNow)), state
}

// exampleOffer is an available offer to exampleCustomer: R$ 500.00 to 5,000.00 at
// 1.99 % a.m. in 4 installments, no fees, to an individual, valid 30 days.
func exampleOffer() statemachine.Offer {
	rate, _ := schedule.ParsePercentPerMonth("1.99")
	return statemachine.Offer{ID: id("co_", 2), CustomerID: id("cust_", 1), Status: statemachine.OfferAvailable,
		ApprovedAmount: decimal.RequireFromString("5000.00"), MinAmount: decimal.RequireFromString("500.00"),
		InterestRate: rate, Installments: 4, ValidUntil: exampleNow.Add(30 * 24 * time.Hour),
		BorrowerClass: iof.Individual}
}

// exampleSimulation is exampleOffer simulated for R$ 1,290.00, released on
// 2026-03-10: the Price table of Banco Central's calculator (4 × 338.70, published
// in testdata/published/figures.txt as calc-pmt-4), sim_0303….
func exampleSimulation() *simulation.Simulation {
	release, _ := calendar.DateOf(exampleNow)
	sim, err := simulation.Simulate(exampleOffer(), simulation.Request{RequestedAmount: decimal.RequireFromString("1290.00"),
		InstallmentCount: 4}, simulation.Options{Now: exampleNow, Release: release})
	if err != nil {
		panic(err)
	}
	sim, err = sim.WithID(id("sim_", 3))
	if err != nil {
		panic(err)
	}
	return sim
}

// pickRaw returns the JSON text of member key of the object body.
func pickRaw(body []byte, key string) string {
	var m map[string]json.RawMessage
	_ = json.Unmarshal(body, &m)
	return string(m[key])
}

// pickString returns the string member key of the object body.
func pickString(body []byte, key string) string {
	var s string
	_ = json.Unmarshal([]byte(pickRaw(body, key)), &s)
	return s
}

// pickList returns the elements of the array member key of the object body.
func pickList(body []byte, key string) [][]byte {
	var list []json.RawMessage
	_ = json.Unmarshal([]byte(pickRaw(body, key)), &list)
	out := make([][]byte, len(list))
	for i, e := range list {
		out[i] = e
	}
	return out
}

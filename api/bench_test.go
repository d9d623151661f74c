package api_test

import (
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/dinie/lending/api"
	"github.com/dinie/lending/calendar"
	"github.com/dinie/lending/iof"
	"github.com/dinie/lending/money"
	"github.com/dinie/lending/schedule"
	"github.com/dinie/lending/servicing"
	"github.com/dinie/lending/simulation"
	"github.com/dinie/lending/statemachine"
)

// The wire layer's hot paths: reading a simulation request, and writing the two
// largest bodies a server answers often, a 12-installment simulation and a loan's 12
// transactions. The offer is package bench's (an MEI, R$ 10,000.00 requested at 3 %
// a.m., a fee of R$ 50.00 plus 1 %, released on 2026-03-10, charges deducted). Each
// encoding benchmark writes through api.WriteJSON, headers included, to a writer that
// keeps nothing. Run with
//
//	go test -run '^$' -bench . -benchmem ./api/

var benchSink int

type discard struct{ h http.Header }

func (d *discard) Header() http.Header         { return d.h }
func (d *discard) Write(b []byte) (int, error) { benchSink += len(b); return len(b), nil }
func (d *discard) WriteHeader(int)             {}

func benchSimulation(b *testing.B) *simulation.Simulation {
	rate, _ := schedule.ParsePercentPerMonth("3")
	now := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	offer := statemachine.Offer{ID: "co_550e8400e29b41d4a716446655440000", CustomerID: "cust_550e8400e29b41d4a716446655440000",
		Status: statemachine.OfferAvailable, ApprovedAmount: decimal.RequireFromString("50000.00"),
		MinAmount: decimal.RequireFromString("1000.00"), InterestRate: rate, MinInstallments: 1, MaxInstallments: 48,
		ValidUntil: now.Add(30 * 24 * time.Hour), FeeFixed: decimal.RequireFromString("50.00"),
		FeePercent: decimal.RequireFromString("1"), BorrowerClass: iof.MEI}
	release, _ := calendar.DateOf(now)
	sim, err := simulation.Simulate(offer, simulation.Request{RequestedAmount: decimal.RequireFromString("10000.00"),
		InstallmentCount: 12}, simulation.Options{Now: now, Release: release})
	if err != nil {
		b.Fatal(err)
	}
	if sim, err = sim.WithID("sim_550e8400e29b41d4a716446655440000"); err != nil {
		b.Fatal(err)
	}
	return sim
}

// BenchmarkDecodeSimulationRequest: the body of POST /credit-offers/{id}/simulations
// read with DecodeBytes and checked with Request.
func BenchmarkDecodeSimulationRequest(b *testing.B) {
	body := []byte(`{"requested_amount":"10000.00","installment_count":12}`)
	b.ReportAllocs()
	for b.Loop() {
		var req api.SimulationRequest
		if err := api.DecodeBytes(body, &req); err != nil {
			b.Fatal(err)
		}
		r, err := req.Request()
		if err != nil || r.InstallmentCount != 12 {
			b.Fatal(r, err)
		}
	}
}

// BenchmarkEncodeSimulation: the 12-installment simulation answered with WriteJSON.
func BenchmarkEncodeSimulation(b *testing.B) {
	sim := benchSimulation(b)
	w := &discard{h: http.Header{}}
	b.ReportAllocs()
	for b.Loop() {
		api.WriteJSON(w, nil, http.StatusCreated, sim)
	}
}

// BenchmarkEncodeTransactions: the 12 transactions of the loan booked from the
// simulation, as of its fourth due date with the first two paid (TransactionsOf and
// the list envelope answered with WriteJSON).
func BenchmarkEncodeTransactions(b *testing.B) {
	sim := benchSimulation(b)
	l, err := servicing.Book(sim, servicing.DefaultTerms())
	if err != nil {
		b.Fatal(err)
	}
	for k := 1; k <= 2; k++ {
		row := sim.CentsRow(k)
		if l, _, err = l.Pay(statemachine.LoanActive, k, money.FromCents(row.Payment), row.DueDate); err != nil {
			b.Fatal(err)
		}
	}
	ids := make([]string, l.Len())
	for k := range ids {
		ids[k] = "tx_550e8400e29b41d4a7164466554400" + string(rune('a'+k/10)) + string(rune('0'+k%10))
	}
	asOf := sim.CentsRow(4).DueDate
	w := &discard{h: http.Header{}}
	b.Run("build+encode", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			txs, err := api.TransactionsOf(l, ids, asOf)
			if err != nil {
				b.Fatal(err)
			}
			api.WriteJSON(w, nil, http.StatusOK, api.List[api.Transaction]{Data: txs})
		}
	})
	txs, _ := api.TransactionsOf(l, ids, asOf)
	b.Run("encode", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			api.WriteJSON(w, nil, http.StatusOK, api.List[api.Transaction]{Data: txs})
		}
	})
	// The baseline the list's direct path is measured against: encoding/json over the
	// same envelope, calling each transaction's MarshalJSON and checking its output.
	b.Run("encoding-json", func(b *testing.B) {
		type envelope struct {
			Data    []api.Transaction `json:"data"`
			HasMore bool              `json:"has_more"`
		}
		b.ReportAllocs()
		for b.Loop() {
			out, err := json.Marshal(envelope{Data: txs})
			if err != nil {
				b.Fatal(err)
			}
			benchSink += len(out)
		}
	})
}

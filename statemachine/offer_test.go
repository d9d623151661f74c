package statemachine

import (
	"errors"
	"testing"
	"time"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/calendar"
	"github.com/dinie/lending/iof"
	"github.com/dinie/lending/schedule"
	"github.com/shopspring/decimal"
)

var calendarZero calendar.Date

// Simulation IDs of the API's shape: sim_ and 32 lowercase hex digits.
const (
	simOld = "sim_0123456789abcdef0123456789abcdef"
	simNew = "sim_fedcba9876543210fedcba9876543210"
	simX   = "sim_00000000000000000000000000000000"
)

var validUntil = time.Date(2026, 4, 1, 23, 59, 59, 0, time.UTC)

// offerOf is a valid offer (R$ 1,000.00 to 50,000.00 at 2.5 % a.m., 1 to 24
// installments, to an MEI) with the given status and validity.
func offerOf(status OfferStatus, validUntil time.Time) Offer {
	rate, _ := schedule.ParsePercentPerMonth("2.5")
	return Offer{Status: status, ValidUntil: validUntil, ApprovedAmount: dec("50000.00"),
		MinAmount: dec("1000.00"), InterestRate: rate, MinInstallments: 1, MaxInstallments: 24,
		BorrowerClass: iof.MEI}
}

// fakeQuote is a stored simulation as RequestLoan reads it (the Quote interface);
// a zero release defaults to 2026-04-30, after every instant of the tests.
type fakeQuote struct {
	id      string
	created time.Time
	release calendar.Date
	n       int
	value   int64
	first   calendar.Date
}

func (q *fakeQuote) ID() string                  { return q.id }
func (q *fakeQuote) CreatedAt() time.Time        { return q.created }
func (q *fakeQuote) NumberOfInstallments() int   { return q.n }
func (q *fakeQuote) InstallmentsCents() int64    { return q.value }
func (q *fakeQuote) FirstDueDate() calendar.Date { return q.first }
func (q *fakeQuote) Release() calendar.Date {
	if q.release.IsZero() {
		d, _ := calendar.ParseDate("2026-04-30")
		return d
	}
	return q.release
}

// cents is an amount in cents, from its text.
func centsOf(d decimal.Decimal) int64 { return d.Shift(2).IntPart() }

func TestOfferAt(t *testing.T) {
	tests := []struct {
		status OfferStatus
		now    time.Time
		want   OfferStatus
		events []Event
	}{
		{OfferAvailable, validUntil.Add(-time.Hour), OfferAvailable, nil},
		{OfferAvailable, validUntil, OfferAvailable, nil}, // now == valid_until: not yet expired
		{OfferAvailable, validUntil.Add(time.Nanosecond), OfferExpired, []Event{EventCreditOfferExpired}},
		// The same instant in São Paulo (UTC−3): 20:59:59 local is valid_until itself.
		{OfferAvailable, validUntil.In(time.FixedZone("BRT", -3*3600)), OfferAvailable, nil},
		{OfferAccepted, validUntil.Add(time.Hour), OfferAccepted, nil}, // a live loan keeps it accepted
		{OfferExpired, validUntil.Add(-time.Hour), OfferExpired, nil},
	}
	for _, tt := range tests {
		o := offerOf(tt.status, validUntil)
		got, ev, err := o.At(tt.now)
		if err != nil || got.Status != tt.want || !slicesEqual(ev, tt.events...) || !got.ValidUntil.Equal(validUntil) {
			t.Errorf("%s.At(%s) = %s, %v, %v; want %s, %v", tt.status, tt.now, got.Status, ev, err, tt.want, tt.events)
		}
	}
	for _, o := range []Offer{offerOf(0, validUntil), offerOf(OfferAvailable, time.Time{})} {
		if _, _, err := o.At(validUntil); err == nil {
			t.Errorf("%+v.At: no error for an invalid offer", o)
		}
	}
	if _, _, err := (offerOf(OfferAvailable, validUntil)).At(time.Time{}); !errors.Is(err, apierr.MissingRequiredField) {
		t.Errorf("At(zero time) error = %v", err)
	}
}

func TestOfferLoanCancelled(t *testing.T) {
	o := offerOf(OfferAccepted, validUntil)
	got, ev, err := o.LoanCancelled(validUntil)
	if err != nil || got.Status != OfferAvailable || !slicesEqual(ev, EventCreditOfferAvailable) {
		t.Errorf("cancelled at valid_until: %s, %v, %v; want available", got.Status, ev, err)
	}
	got, ev, err = o.LoanCancelled(validUntil.Add(time.Second))
	if err != nil || got.Status != OfferExpired || !slicesEqual(ev, EventCreditOfferExpired) {
		t.Errorf("cancelled after valid_until: %s, %v, %v; want expired", got.Status, ev, err)
	}
	if o.Status != OfferAccepted {
		t.Error("LoanCancelled modified its receiver")
	}
	for _, s := range []OfferStatus{OfferAvailable, OfferExpired} {
		_, _, err := offerOf(s, validUntil).LoanCancelled(validUntil)
		var te *TransitionError
		if !errors.As(err, &te) || te.Action != "loan cancellation" || te.From != s.String() ||
			errors.Is(err, ErrTerminal) != (s == OfferExpired) {
			t.Errorf("LoanCancelled on %s: %v", s, err)
		}
	}
}

func TestLatestSimulation(t *testing.T) {
	t0 := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	sims := []*fakeQuote{{id: "a", created: t0}, {id: "b", created: t0.Add(time.Minute)},
		{id: "c", created: t0.Add(30 * time.Second)}, {id: "d", created: t0.Add(time.Minute)}}
	if s, ok := LatestSimulation(sims); !ok || s.id != "d" {
		t.Errorf("LatestSimulation = %s, %v; want d (latest, tie to the later)", s.id, ok)
	}
	if s, ok := LatestSimulation(sims[:3]); !ok || s.id != "b" {
		t.Errorf("LatestSimulation = %s, %v; want b", s.id, ok)
	}
	if _, ok := LatestSimulation([]*fakeQuote(nil)); ok {
		t.Error("LatestSimulation(nil) reports a simulation")
	}
}

func TestRequestLoan(t *testing.T) {
	now := time.Date(2026, 3, 20, 15, 0, 0, 0, time.UTC)
	first := date(t, "2026-04-15")
	sims := []*fakeQuote{
		{id: simOld, created: now.Add(-2 * time.Hour), n: 12, value: centsOf(dec("2400.00")), first: first},
		{id: simNew, created: now.Add(-time.Hour), n: 12, value: centsOf(dec("2417.92")), first: first},
	}
	req := LoanRequest{SimulationID: simNew, Installments: 12, InstallmentsValue: dec("2417.92"), FirstDueDate: first}
	avail := offerOf(OfferAvailable, validUntil)

	o, err := RequestLoan(CustomerActive, avail, sims, req, now)
	if err != nil || o.Offer.Status != OfferAccepted || o.Loan != LoanProcessing || !slicesEqual(o.Events, EventLoanCreated) {
		t.Fatalf("RequestLoan = %+v, %v", o, err)
	}
	// 2417.9 is the same amount as 2417.90, compared in exact cents.
	r := req
	r.InstallmentsValue = dec("2417.920")
	if _, err := RequestLoan(CustomerActive, avail, sims, r, now); err != nil {
		t.Errorf("2417.920 vs 2417.92: %v", err)
	}
	// 2026-03-21T02:00Z is still 2026-03-20 in São Paulo (UTC−3): a release on
	// 2026-03-20 has not passed.
	late := []*fakeQuote{{id: simNew, created: now, n: 12, value: 241792, first: first, release: date(t, "2026-03-20")}}
	if _, err := RequestLoan(CustomerActive, avail, late, req, time.Date(2026, 3, 21, 2, 0, 0, 0, time.UTC)); err != nil {
		t.Errorf("release on the São Paulo date of now: %v", err)
	}
	// At valid_until itself the offer is still valid.
	if _, err := RequestLoan(CustomerActive, avail, sims, req, validUntil); err != nil {
		t.Errorf("at valid_until: %v", err)
	}

	mod := func(f func(*LoanRequest)) LoanRequest { r := req; f(&r); return r }
	tests := []struct {
		name     string
		customer CustomerStatus
		offer    Offer
		sims     []*fakeQuote
		req      LoanRequest
		now      time.Time
		code     apierr.Code
		param    string
	}{
		{"pending_kyc", CustomerPendingKYC, avail, sims, req, now, apierr.KYCIncomplete, "customer_id"},
		{"under_review", CustomerUnderReview, avail, sims, req, now, apierr.KYCIncomplete, "customer_id"},
		{"accepted", CustomerActive, offerOf(OfferAccepted, validUntil), sims, req, now, apierr.OfferAlreadyAccepted, "credit_offer_id"},
		{"accepted after valid_until", CustomerActive, offerOf(OfferAccepted, validUntil), sims, req, validUntil.Add(time.Hour), apierr.OfferAlreadyAccepted, "credit_offer_id"},
		{"expired", CustomerActive, offerOf(OfferExpired, validUntil), sims, req, now, apierr.OfferExpired, "credit_offer_id"},
		{"past valid_until", CustomerActive, avail, sims, req, validUntil.Add(time.Nanosecond), apierr.OfferExpired, "credit_offer_id"},
		{"superseded", CustomerActive, avail, sims, mod(func(r *LoanRequest) { r.SimulationID = simOld; r.InstallmentsValue = dec("2400.00") }), now, apierr.SimulationMismatch, "simulation_id"},
		{"unknown simulation", CustomerActive, avail, sims, mod(func(r *LoanRequest) { r.SimulationID = simX }), now, apierr.SimulationMismatch, "simulation_id"},
		{"no simulations", CustomerActive, avail, nil, req, now, apierr.SimulationMismatch, "simulation_id"},
		// The release was 2026-03-19; now is 2026-03-20 in São Paulo.
		{"release passed", CustomerActive, avail, []*fakeQuote{{id: simNew, created: now.Add(-24 * time.Hour), n: 12,
			value: 241792, first: first, release: date(t, "2026-03-19")}}, req, now, apierr.SimulationExpired, "simulation_id"},
		{"installments", CustomerActive, avail, sims, mod(func(r *LoanRequest) { r.Installments = 11 }), now, apierr.SimulationMismatch, "installments"},
		{"value one cent off", CustomerActive, avail, sims, mod(func(r *LoanRequest) { r.InstallmentsValue = dec("2417.93") }), now, apierr.SimulationMismatch, "installments_value"},
		{"value sub-cent", CustomerActive, avail, sims, mod(func(r *LoanRequest) { r.InstallmentsValue = dec("2417.921") }), now, apierr.InvalidFormat, "installments_value"},
		{"first due date", CustomerActive, avail, sims, mod(func(r *LoanRequest) { r.FirstDueDate = date(t, "2026-04-16") }), now, apierr.SimulationMismatch, "first_due_date"},
		{"first due date unset", CustomerActive, avail, sims, mod(func(r *LoanRequest) { r.FirstDueDate = calendarZero }), now, apierr.SimulationMismatch, "first_due_date"},
		{"invalid customer", 0, avail, sims, req, now, apierr.InvalidFormat, "status"},
		{"invalid offer", CustomerActive, offerOf(0, validUntil), sims, req, now, apierr.InvalidFormat, "status"},
		{"offer without valid_until", CustomerActive, offerOf(OfferAvailable, time.Time{}), sims, req, now, apierr.MissingRequiredField, "valid_until"},
		{"zero now", CustomerActive, avail, sims, req, time.Time{}, apierr.MissingRequiredField, "now"},
		{"bad simulation", CustomerActive, avail, []*fakeQuote{{id: simNew, created: now}}, req, now, apierr.InvalidFormat, "simulation"},
		{"simulation without valid ID", CustomerActive, avail, []*fakeQuote{{id: "sim_1", created: now, n: 1, first: first}}, req, now, apierr.InvalidFormat, "simulation"},
		{"malformed simulation_id", CustomerActive, avail, sims, mod(func(r *LoanRequest) { r.SimulationID = "sim_NEW" }), now, apierr.InvalidFormat, "simulation_id"},
		{"loan ID as simulation_id", CustomerActive, avail, sims, mod(func(r *LoanRequest) { r.SimulationID = "ln_fedcba9876543210fedcba9876543210" }), now, apierr.InvalidFormat, "simulation_id"},
		{"empty simulation_id", CustomerActive, avail, sims, mod(func(r *LoanRequest) { r.SimulationID = "" }), now, apierr.InvalidFormat, "simulation_id"},
	}
	for _, tt := range tests {
		o, err := RequestLoan(tt.customer, tt.offer, tt.sims, tt.req, tt.now)
		var ve *apierr.Error
		if !errors.As(err, &ve) || ve.Code != tt.code || ve.Param != tt.param {
			t.Errorf("%s: error = %v, want %s/%s", tt.name, err, tt.code, tt.param)
		}
		if o.Events != nil || o.Loan != 0 {
			t.Errorf("%s: origination %+v with an error", tt.name, o)
		}
	}
}

// TestRequestLoanSimulationDetails: a malformed stored simulation is reported with
// its index and what it lacks, and an invalid ID keeps validation's reason.
func TestRequestLoanSimulationDetails(t *testing.T) {
	now := time.Date(2026, 3, 20, 12, 0, 0, 0, time.UTC)
	avail := offerOf(OfferAvailable, now.Add(time.Hour))
	first := date(t, "2026-04-15")
	ok := &fakeQuote{id: simNew, created: now, n: 1, first: first}
	req := LoanRequest{SimulationID: simNew, Installments: 1, FirstDueDate: first}
	for _, tt := range []struct {
		sim    *fakeQuote
		detail string
		reason error
	}{
		{&fakeQuote{id: "sim_1", created: now, n: 1, first: first},
			`simulation 1 of the offer has an invalid ID: simulation_id "sim_1" has 1 characters after sim_; expected 32 lowercase hex digits`,
			apierr.ErrLength},
		{&fakeQuote{id: simNew, n: 1, first: first}, "simulation 1 of the offer has no CreatedAt", nil},
		{&fakeQuote{id: simNew, created: now, first: first}, "simulation 1 of the offer has 0 installments; want at least 1", nil},
		{&fakeQuote{id: simNew, created: now, n: 1}, "simulation 1 of the offer has no first due date", nil},
	} {
		_, err := RequestLoan(CustomerActive, avail, []*fakeQuote{ok, tt.sim}, req, now)
		var ve *apierr.Error
		if !errors.As(err, &ve) || ve.Code != apierr.InvalidFormat || ve.Param != "simulation" || ve.Detail != tt.detail {
			t.Errorf("error = %v; want invalid_format for simulation: %s", err, tt.detail)
		}
		if tt.reason != nil && !errors.Is(err, tt.reason) {
			t.Errorf("error %v does not match %v", err, tt.reason)
		}
	}
}

package statemachine_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/calendar"
	"github.com/dinie/lending/iof"
	"github.com/dinie/lending/money"
	"github.com/dinie/lending/schedule"
	"github.com/dinie/lending/simulation"
	"github.com/dinie/lending/statemachine"
	"github.com/shopspring/decimal"
)

func day(s string) calendar.Date {
	d, err := calendar.ParseDate(s)
	if err != nil {
		panic(err) // examples only: the literals are valid dates
	}
	return d
}

func amount(s string) decimal.Decimal {
	d, err := money.Parse(s)
	if err != nil {
		panic(err) // examples only: the literals are valid amounts
	}
	return d
}

// A whole story: a customer passes KYC, takes the offer's latest simulation as a loan,
// the loan goes through its lifecycle and two payments finish it.
func Example() {
	// Registration and KYC.
	c, ev, _ := statemachine.NewCustomer([]statemachine.KYCRequirement{
		{Kind: statemachine.KYCDocument, Type: "ccmei", Status: statemachine.KYCPending},
		{Kind: statemachine.KYCData, Type: "address", Status: statemachine.KYCPending},
	})
	fmt.Println(c.Status, ev)
	c, ev, _ = c.SubmitDocument("ccmei", "application/pdf")
	fmt.Println(c.Status, ev)
	c, ev, _ = c.UpdateRequirement("address", statemachine.KYCSubmitted)
	fmt.Println(c.Status, ev)
	c, _, _ = c.UpdateRequirement("ccmei", statemachine.KYCApproved)
	c, ev, _ = c.UpdateRequirement("address", statemachine.KYCApproved)
	fmt.Println(c.Status, ev)

	// The offer and its simulations; only the latest can be contracted.
	now := time.Date(2026, 3, 20, 15, 0, 0, 0, time.UTC)
	offer := exampleOffer(statemachine.OfferAvailable, time.Date(2026, 4, 1, 23, 59, 59, 0, time.UTC))
	sims := []*simulation.Simulation{
		simulate(offer, "1000.00", 3, now.Add(-time.Hour), "sim_1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a"),
		simulate(offer, "1000.00", 2, now.Add(-time.Minute), "sim_2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b"),
	}
	_, err := statemachine.RequestLoan(c.Status, offer, sims, echo(sims[0]), now)
	fmt.Println(err)
	org, _ := statemachine.RequestLoan(c.Status, offer, sims, echo(sims[1]), now)
	fmt.Println(org.Offer.Status, org.Simulation.ID(), org.Loan, org.Events)

	// The loan's lifecycle up to active.
	loans := statemachine.LoanLifecycle()
	status := org.Loan
	for _, next := range []statemachine.LoanStatus{statemachine.LoanContractGenerated,
		statemachine.LoanAwaitingSignatures, statemachine.LoanSigned, statemachine.LoanDisbursing,
		statemachine.LoanActive} {
		ev, _ := loans.Transition(status, next)
		fmt.Print(ev)
		status = next
	}
	fmt.Println()

	// Two installments of 515.00 (500.00 principal + 10.00 interest + 5.00 fees, and
	// 505.00 + 5.00 + 5.00), paid in two payments each.
	i1, _ := statemachine.NewInstallment(day("2026-04-15"), statemachine.InstallmentAmounts{
		Principal: amount("500.00"), Interest: amount("10.00"), Fees: amount("5.00")})
	i2, _ := statemachine.NewInstallment(day("2026-05-15"), statemachine.InstallmentAmounts{
		Principal: amount("505.00"), Interest: amount("5.00"), Fees: amount("5.00")})
	loan := statemachine.Loan{Status: status, Installments: []statemachine.Installment{i1, i2}}
	paidAt := time.Date(2026, 4, 15, 13, 0, 0, 0, time.UTC)
	for _, p := range []struct {
		n      int
		amount string
	}{{1, "515.00"}, {2, "15.00"}, {2, "500.00"}} {
		var r statemachine.Receipt
		loan, r, _ = loan.Pay(p.n, amount(p.amount), paidAt)
		a := r.Allocation
		fmt.Println(loan.Status, r.Events, money.Format(a.Fees), money.Format(a.Interest),
			money.Format(a.Principal))
	}
	// Output:
	// pending_kyc [customer.created]
	// pending_kyc [customer.kyc_updated]
	// under_review [customer.kyc_updated customer.under_review]
	// active [customer.kyc_updated customer.active]
	// simulation_mismatch: simulation_id "sim_1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a" is not the offer's most recent simulation; only the most recent can be contracted
	// accepted sim_2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b processing [loan.created]
	// [loan.contract_generated][loan.awaiting_signatures][loan.signed][loan.disbursing][loan.active]
	// active [loan.payment_received] 5.00 10.00 500.00
	// active [loan.payment_received] 5.00 5.00 5.00
	// finished [loan.payment_received loan.finished] 0.00 0.00 500.00
}

func ExampleLifecycle_Transition() {
	loans := statemachine.LoanLifecycle()
	ev, err := loans.Transition(statemachine.LoanSigned, statemachine.LoanDisbursing)
	fmt.Println(ev, err)
	_, err = loans.Transition(statemachine.LoanFinished, statemachine.LoanActive)
	fmt.Println(err)
	fmt.Println(errors.Is(err, apierr.InvalidTransition), errors.Is(err, statemachine.ErrTerminal))
	var te *statemachine.TransitionError
	if errors.As(err, &te) {
		fmt.Println(te.Resource, te.From, te.To)
	}
	var ve *apierr.Error
	if errors.As(err, &ve) {
		fmt.Println(ve.Code, ve.Param)
	}
	_, err = loans.Transition(statemachine.LoanActive, statemachine.LoanFinished)
	fmt.Println(errors.Is(err, statemachine.ErrGuarded))
	// Output:
	// [loan.disbursing] <nil>
	// invalid_transition: loan cannot go from finished to active: finished is terminal
	// true true
	// loan finished active
	// invalid_transition status
	// true
}

func ExampleLifecycle_Mermaid() {
	fmt.Print(statemachine.WebhookLifecycle().Mermaid())
	// Output:
	// stateDiagram-v2
	//     [*] --> active
	//     active --> disabled
	//     disabled --> active
	//     active --> deleted
	//     disabled --> deleted
	//     deleted --> [*]
}

func ExampleLifecycle_Next() {
	loans := statemachine.LoanLifecycle()
	fmt.Println(loans.Next(statemachine.LoanSigned))
	fmt.Println(loans.Allowed(statemachine.LoanDisbursing, statemachine.LoanCancelled))
	fmt.Println(loans.Terminal(statemachine.LoanCancelled), loans.Enter(statemachine.LoanCancelled))
	// Output:
	// [disbursing cancelled error]
	// false
	// true loan.cancelled
}

func ExampleLifecycle_Create() {
	s, ev := statemachine.OfferLifecycle().Create()
	fmt.Println(s, ev)
	s2, ev2 := statemachine.CredentialLifecycle().Create()
	fmt.Println(s2, ev2, statemachine.CredentialLifecycle().Initial())
	// Output:
	// available [credit_offer.available]
	// active [] active
}

func ExampleLifecycle_Edges() {
	for _, e := range statemachine.OfferLifecycle().Edges() {
		fmt.Printf("%s -> %s %q guard=%q via %s\n", e.From, e.To, e.Event, e.Guard, e.Via)
	}
	// Output:
	// available -> accepted "Event(0)" guard="a loan is created from it by valid_until" via RequestLoan
	// available -> expired "credit_offer.expired" guard="the instant is after valid_until" via Offer.At
	// accepted -> available "credit_offer.available" guard="its loan is cancelled by valid_until" via Offer.LoanCancelled
	// accepted -> expired "credit_offer.expired" guard="its loan is cancelled after valid_until" via Offer.LoanCancelled
}

func ExampleKYCLifecycle() {
	docs := statemachine.KYCLifecycle(statemachine.KYCDocument)
	fmt.Println(docs.Resource(), docs.States())
	data := statemachine.KYCDataLifecycle()
	_, err := data.Transition(statemachine.KYCSubmitted, statemachine.KYCRejected)
	fmt.Println(err)
	// Output:
	// kyc_requirement [pending submitted approved rejected]
	// invalid_transition: kyc_requirement cannot go from submitted to rejected: kyc_requirement has no state rejected
}

func ExampleCustomerLifecycle() {
	l := statemachine.CustomerLifecycle()
	fmt.Println(l.States(), l.Terminal(statemachine.CustomerActive))
	// Output: [pending_kyc under_review active] true
}

func ExampleKYCDocumentLifecycle() {
	fmt.Println(statemachine.KYCDocumentLifecycle().Next(statemachine.KYCSubmitted))
	// Output: [approved rejected]
}

func ExampleInstallmentLifecycle() {
	fmt.Println(statemachine.InstallmentLifecycle().Next(statemachine.InstallmentPending))
	// Output: [partially_paid overdue paid]
}

func ExampleCredentialLifecycle() {
	_, err := statemachine.CredentialLifecycle().Transition(statemachine.CredentialRevoked, statemachine.CredentialActive)
	fmt.Println(err)
	// Output: invalid_transition: credential cannot go from revoked to active: revoked is terminal
}

func ExampleParseLoanStatus() {
	s, err := statemachine.ParseLoanStatus("awaiting_signatures")
	fmt.Println(s, err)
	_, err = statemachine.ParseLoanStatus("Active")
	fmt.Println(err)
	var zero statemachine.LoanStatus
	fmt.Println(zero, zero.Valid())
	// Output:
	// awaiting_signatures <nil>
	// invalid_format: unknown loan status "Active"; want one of processing, contract_generated, awaiting_signatures, signed, disbursing, active, finished, cancelled, error
	// LoanStatus(0) false
}

func ExampleParseCustomerStatus() {
	s, err := statemachine.ParseCustomerStatus("under_review")
	fmt.Println(s, err)
	// Output: under_review <nil>
}

func ExampleParseKYCStatus() {
	s, err := statemachine.ParseKYCStatus("pending_correction")
	fmt.Println(s, err)
	// Output: pending_correction <nil>
}

func ExampleParseKYCKind() {
	_, err := statemachine.ParseKYCKind("selfie")
	fmt.Println(errors.Is(err, statemachine.ErrUnknownStatus))
	// Output: true
}

func ExampleParseOfferStatus() {
	var s statemachine.OfferStatus
	err := json.Unmarshal([]byte(`"expired"`), &s)
	fmt.Println(s, err)
	// Output: expired <nil>
}

func ExampleParseInstallmentStatus() {
	s, _ := statemachine.ParseInstallmentStatus("partially_paid")
	b, _ := json.Marshal(map[string]statemachine.InstallmentStatus{"status": s})
	fmt.Println(string(b))
	// Output: {"status":"partially_paid"}
}

func ExampleParseWebhookStatus() {
	s, err := statemachine.ParseWebhookStatus("disabled")
	fmt.Println(s, err)
	// Output: disabled <nil>
}

func ExampleParseCredentialStatus() {
	_, err := statemachine.ParseCredentialStatus("expired")
	fmt.Println(err)
	// Output: invalid_format: unknown credential status "expired"; want one of active, revoked
}

func ExampleEvents() {
	evs := statemachine.Events()
	fmt.Println(len(evs), evs[0], evs[15], evs[12].Resource())
	// Output: 16 customer.created loan.error loan
}

func ExampleParseEvent() {
	e, err := statemachine.ParseEvent("loan.payment_received")
	fmt.Println(e, err)
	_, err = statemachine.ParseEvent("loan.accepted")
	fmt.Println(errors.Is(err, statemachine.ErrUnknownEvent))
	// Output:
	// loan.payment_received <nil>
	// true
}

func ExampleNewCustomer() {
	c, ev, err := statemachine.NewCustomer([]statemachine.KYCRequirement{
		{Kind: statemachine.KYCDocument, Type: "selfie", Status: statemachine.KYCPending}})
	fmt.Println(c.Status, ev, err)
	_, _, err = statemachine.NewCustomer(nil)
	fmt.Println(err)
	// Output:
	// pending_kyc [customer.created] <nil>
	// missing_required_field: a customer has at least one KYC requirement
}

func ExampleCustomerStatusOf() {
	kyc := []statemachine.KYCRequirement{
		{Kind: statemachine.KYCDocument, Type: "cnh", Status: statemachine.KYCApproved},
		{Kind: statemachine.KYCDocument, Type: "selfie", Status: statemachine.KYCRejected},
	}
	fmt.Println(statemachine.CustomerStatusOf(statemachine.CustomerUnderReview, kyc))
	fmt.Println(statemachine.CustomerStatusOf(statemachine.CustomerActive, kyc)) // active is final
	// Output:
	// pending_kyc
	// active
}

func ExampleCustomer_UpdateRequirement() {
	c := statemachine.Customer{Status: statemachine.CustomerUnderReview, KYC: []statemachine.KYCRequirement{
		{Kind: statemachine.KYCData, Type: "address", Status: statemachine.KYCSubmitted}}}
	n, ev, err := c.UpdateRequirement("address", statemachine.KYCPendingCorrection)
	fmt.Println(n.Status, ev, err)
	_, _, err = c.UpdateRequirement("address", statemachine.KYCRejected)
	fmt.Println(err)
	// Output:
	// pending_kyc [customer.kyc_updated] <nil>
	// invalid_transition: kyc_requirement cannot go from submitted to rejected: kyc_requirement has no state rejected
}

func ExampleCustomer_SubmitDocument() {
	c := statemachine.Customer{Status: statemachine.CustomerPendingKYC, KYC: []statemachine.KYCRequirement{
		{Kind: statemachine.KYCDocument, Type: "cnh", Status: statemachine.KYCRejected}}}
	n, ev, err := c.SubmitDocument("cnh", "image/jpeg")
	fmt.Println(n.Status, ev, err)
	// Output: under_review [customer.kyc_updated customer.under_review] <nil>
}

func ExampleCustomer_CheckDocument() {
	c := statemachine.Customer{Status: statemachine.CustomerPendingKYC, KYC: []statemachine.KYCRequirement{
		{Kind: statemachine.KYCDocument, Type: "ccmei", Status: statemachine.KYCPending}}}
	fmt.Println(c.CheckDocument("ccmei", "application/pdf"))
	fmt.Println(c.CheckDocument("cnh", "application/pdf"))
	fmt.Println(c.CheckDocument("ccmei", "image/gif"))
	// Output:
	// <nil>
	// invalid_document_type: document type "cnh" is not among the customer's document requirements ("ccmei")
	// invalid_content_type: content type "image/gif" is not accepted; want application/pdf, image/jpeg or image/png
}

func ExampleCheckContentType() {
	fmt.Println(statemachine.CheckContentType("image/PNG; name=selfie.png"))
	fmt.Println(statemachine.CheckContentType("image/jpg"))
	// Output:
	// <nil>
	// invalid_content_type: content type "image/jpg" is not accepted; want application/pdf, image/jpeg or image/png
}

func ExampleOffer_At() {
	o := exampleOffer(statemachine.OfferAvailable, time.Date(2026, 4, 1, 23, 59, 59, 0, time.UTC))
	n, ev, _ := o.At(o.ValidUntil) // at valid_until itself: still valid
	fmt.Println(n.Status, ev, o.ExpiredAt(o.ValidUntil))
	n, ev, _ = o.At(o.ValidUntil.Add(time.Second))
	fmt.Println(n.Status, ev)
	// Output:
	// available [] false
	// expired [credit_offer.expired]
}

func ExampleOffer_LoanCancelled() {
	o := exampleOffer(statemachine.OfferAccepted, time.Date(2026, 4, 1, 23, 59, 59, 0, time.UTC))
	n, ev, _ := o.LoanCancelled(time.Date(2026, 3, 25, 10, 0, 0, 0, time.UTC))
	fmt.Println(n.Status, ev)
	n, ev, _ = o.LoanCancelled(time.Date(2026, 4, 2, 10, 0, 0, 0, time.UTC))
	fmt.Println(n.Status, ev)
	// Output:
	// available [credit_offer.available]
	// expired [credit_offer.expired]
}

func ExampleLatestSimulation() {
	t0 := time.Date(2026, 3, 20, 15, 0, 0, 0, time.UTC)
	offer := exampleOffer(statemachine.OfferAvailable, t0.Add(time.Hour))
	s, _ := statemachine.LatestSimulation([]*simulation.Simulation{
		simulate(offer, "1000.00", 3, t0, "sim_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
		simulate(offer, "1000.00", 3, t0.Add(time.Second), "sim_bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb")})
	fmt.Println(s.ID())
	// Output: sim_bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb
}

// A loan request must echo the offer's latest simulation, made for a release that
// has not passed. (The installment by hand: 25,000.00 × 0.025 / (1 − 1.025^−12) =
// 2437.18, a regular first period.)
func ExampleRequestLoan() {
	now := time.Date(2026, 3, 20, 15, 0, 0, 0, time.UTC)
	offer := exampleOffer(statemachine.OfferAvailable, now.Add(24*time.Hour))
	sim := simulate(offer, "25000.00", 12, now, "sim_1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a")
	sims := []*simulation.Simulation{sim}
	req := echo(sim)
	req.InstallmentsValue = req.InstallmentsValue.Add(amount("0.01"))
	_, err := statemachine.RequestLoan(statemachine.CustomerActive, offer, sims, req, now)
	fmt.Println(err)
	_, err = statemachine.RequestLoan(statemachine.CustomerUnderReview, offer, sims, echo(sim), now)
	fmt.Println(err)
	// The next day the simulation's release (2026-03-20) has passed.
	_, err = statemachine.RequestLoan(statemachine.CustomerActive, offer, sims, echo(sim), now.Add(12*time.Hour))
	fmt.Println(err)
	org, _ := statemachine.RequestLoan(statemachine.CustomerActive, offer, sims, echo(sim), now)
	fmt.Println(org.Offer.Status, org.Loan, org.Events, org.Simulation.InstallmentsValue())
	// Output:
	// simulation_mismatch: installments_value 2437.19 differs from the simulation's 2437.18
	// kyc_incomplete: the customer is under_review; a loan needs an active customer
	// simulation_expired: simulation_id "sim_1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a" was computed for a release on 2026-03-20, which has passed (today is 2026-03-21 in São Paulo); simulate again
	// accepted processing [loan.created] 2437.18
}

func ExampleNewInstallment() {
	_, err := statemachine.NewInstallment(day("2026-04-15"), statemachine.InstallmentAmounts{
		Principal: amount("100.00"), Interest: amount("2.50"), Fees: amount("1.00"), Paid: amount("200.00")})
	fmt.Println(err)
	// Output: amount_out_of_range: amount_paid 200.00 is above amount_due 103.50
}

func ExampleInstallment_Status() {
	in, _ := statemachine.NewInstallment(day("2026-04-15"), statemachine.InstallmentAmounts{
		Principal: amount("100.00"), Interest: amount("2.50"), Fees: amount("1.00"), Paid: amount("50.00")})
	for _, d := range []string{"2026-04-15", "2026-04-16", "2026-05-15"} {
		fmt.Println(d, in.Status(day(d)), in.DaysOverdue(day(d)))
	}
	// Output:
	// 2026-04-15 partially_paid 0
	// 2026-04-16 overdue 1
	// 2026-05-15 overdue 30
}

func ExampleInstallment_Pay() {
	in, _ := statemachine.NewInstallment(day("2026-04-15"), statemachine.InstallmentAmounts{
		Principal: amount("100.00"), Interest: amount("2.50"), Fees: amount("1.00")})
	in, a, err := in.Pay(amount("3.00"))
	fmt.Println(money.Format(a.Fees), money.Format(a.Interest),
		money.Format(a.Principal), money.Format(in.AmountRemaining()), err)
	_, _, err = in.Pay(decimal.RequireFromString("0.005"))
	fmt.Println(err)
	_, _, err = in.Pay(amount("100.51"))
	fmt.Println(err)
	p := in.PaidAllocation()
	fmt.Println(money.Format(p.Fees), money.Format(p.Interest), money.Format(p.Principal))
	// Output:
	// 1.00 2.00 0.00 100.50 <nil>
	// invalid_format: amount 0.005 is not a whole number of cents; expected at most two significant decimal places
	// amount_out_of_range: payment 100.51 is above amount_remaining 100.50
	// 1.00 2.00 0.00
}

func ExampleLoan_Pay() {
	in, _ := statemachine.NewInstallment(day("2026-04-15"), statemachine.InstallmentAmounts{
		Principal: amount("100.00"), Interest: amount("2.00"), Fees: amount("0.00")})
	loan := statemachine.Loan{Status: statemachine.LoanActive, Installments: []statemachine.Installment{in}}
	paid, r, _ := loan.Pay(1, amount("102.00"), time.Date(2026, 4, 15, 18, 30, 0, 0, time.UTC))
	fmt.Println(paid.Status, paid.Paid(), r.Events)
	b, _ := json.Marshal(r.Payment)
	fmt.Println(string(b))
	_, _, err := paid.Pay(1, amount("1.00"), time.Date(2026, 4, 16, 0, 0, 0, 0, time.UTC))
	fmt.Println(err)
	// Output:
	// finished true [loan.payment_received loan.finished]
	// {"amount":"102.00","paid_at":"2026-04-15T18:30:00Z","installment_number":1}
	// invalid_transition: a loan receives payments only while active; it is finished
}

func ExampleCredential_Revoke() {
	t0 := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	c := statemachine.Credential{Status: statemachine.CredentialActive}
	exp, _ := c.IssueToken(t0)
	c, _ = c.Revoke(t0.Add(10 * time.Minute))
	fmt.Println(c.Status, c.CanIssue(t0.Add(10*time.Minute)))
	// The token issued before revocation stays valid until it expires.
	fmt.Println(exp.Format(time.TimeOnly), c.TokenValid(t0, t0.Add(59*time.Minute)))
	fmt.Println(c.TokenValid(t0, t0.Add(time.Hour)))
	// Output:
	// revoked forbidden: the credential was revoked at 2026-03-01T12:10:00Z
	// 13:00:00 <nil>
	// token_expired: the token expired at 2026-03-01T13:00:00Z
}

func ExampleCredential_CanIssue() {
	c := statemachine.Credential{Status: statemachine.CredentialActive,
		ExpiresAt: time.Date(2026, 6, 30, 23, 59, 59, 0, time.UTC)}
	fmt.Println(c.CanIssue(c.ExpiresAt))
	err := c.CanIssue(c.ExpiresAt.Add(time.Second))
	fmt.Println(errors.Is(err, statemachine.ErrCredentialExpired), err)
	// Output:
	// <nil>
	// true forbidden: the credential expired at 2026-06-30T23:59:59Z
}

func ExampleTransitionError() {
	c := exampleOffer(statemachine.OfferAvailable, time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC))
	_, _, err := c.LoanCancelled(time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC))
	var te *statemachine.TransitionError
	errors.As(err, &te)
	fmt.Println(te)
	// Output: credit_offer: loan cancellation in available
}

func ExampleInstallment_AmountDue() {
	in, _ := statemachine.NewInstallment(day("2026-04-15"), statemachine.InstallmentAmounts{
		Principal: amount("2000.00"), Interest: amount("412.50"), Fees: amount("5.42"), Paid: amount("100.00")})
	fmt.Println(in.DueDate(), money.Format(in.Principal()), money.Format(in.Interest()),
		money.Format(in.Fees()))
	fmt.Println(money.Format(in.AmountDue()), money.Format(in.AmountPaid()),
		money.Format(in.AmountRemaining()))
	// Output:
	// 2026-04-15 2000.00 412.50 5.42
	// 2417.92 100.00 2317.92
}

// exampleOffer is an offer of R$ 500.00 to 50,000.00 at 2.5 % a.m. over 1 to 24
// installments, to an MEI.
func exampleOffer(status statemachine.OfferStatus, validUntil time.Time) statemachine.Offer {
	rate, _ := schedule.ParsePercentPerMonth("2.5")
	return statemachine.Offer{ID: "co_550e8400e29b41d4a716446655440000", Status: status,
		ValidUntil: validUntil, ApprovedAmount: amount("50000.00"), MinAmount: amount("500.00"),
		InterestRate: rate, MinInstallments: 1, MaxInstallments: 24, BorrowerClass: iof.MEI}
}

// simulate is offer's simulation of amount over n installments made at now and
// released the same day (in São Paulo), with the given id.
func simulate(offer statemachine.Offer, amountText string, n int, now time.Time, id string) *simulation.Simulation {
	release, _ := calendar.DateOf(now)
	req, _ := simulation.ParseRequest(amountText, n)
	sim, err := simulation.Simulate(offer, req, simulation.Options{Now: now, Release: release})
	if err != nil {
		panic(err) // an example's fixed input
	}
	sim, _ = sim.WithID(id)
	return sim
}

// echo is the loan request that echoes sim's terms.
func echo(sim *simulation.Simulation) statemachine.LoanRequest {
	return statemachine.LoanRequest{SimulationID: sim.ID(), Installments: sim.NumberOfInstallments(),
		InstallmentsValue: sim.InstallmentsValue(), FirstDueDate: sim.FirstDueDate()}
}

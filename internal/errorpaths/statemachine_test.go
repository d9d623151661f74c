package errorpaths_test

import (
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/schedule"
	"github.com/dinie/lending/simulation"
	"github.com/dinie/lending/statemachine"
	"github.com/dinie/lending/validation"
)

// statemachine's doc: invalid_transition (param status) for a move the tables
// lack, invalid_format for names outside a catalogue, and the registration and
// origination rules' own codes and params.
func init() {
	tables["statemachine"] = func() []row {
		now := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
		rate, _ := schedule.ParsePercentPerMonth("3")
		offer := func(f func(*statemachine.Offer)) statemachine.Offer {
			o := statemachine.Offer{Status: statemachine.OfferAvailable, ApprovedAmount: decimal.NewFromInt(50_000),
				MinAmount: decimal.NewFromInt(1_000), InterestRate: rate, MinInstallments: 6, MaxInstallments: 24,
				ValidUntil: now.Add(time.Hour), BorrowerClass: 4}
			f(&o)
			return o
		}
		check := func(f func(*statemachine.Offer)) func() error { return func() error { return offer(f).Check() } }
		cpfA, _ := validation.ParseCPF("28001238938")
		cpfB := validation.GenerateCPF(nil)
		cnpj := validation.GenerateCNPJ(nil)
		kyc := []statemachine.KYCRequirement{{Kind: statemachine.KYCDocument, Type: "selfie", Status: statemachine.KYCPending}}
		customer := statemachine.Customer{Status: statemachine.CustomerPendingKYC, KYC: kyc}
		var ls statemachine.LoanStatus
		var ev statemachine.Event
		hex := strings.Repeat("b", 32)
		return []row{
			{"LoanLifecycle.Transition(finished → active)", func() error {
				return err2(statemachine.LoanLifecycle().Transition(statemachine.LoanFinished, statemachine.LoanActive))
			}, apierr.InvalidTransition, "status", statemachine.ErrTerminal},
			{"LoanLifecycle.Transition(processing → finished)", func() error {
				return err2(statemachine.LoanLifecycle().Transition(statemachine.LoanProcessing, statemachine.LoanFinished))
			}, apierr.InvalidTransition, "status", nil},
			{"LoanLifecycle.Transition(LoanStatus(99))", func() error {
				return err2(statemachine.LoanLifecycle().Transition(statemachine.LoanStatus(99), statemachine.LoanActive))
			}, apierr.InvalidFormat, "status", statemachine.ErrUnknownStatus},
			{"KYCLifecycle(KYCKind(9)).Transition", func() error {
				return err2(statemachine.KYCLifecycle(statemachine.KYCKind(9)).Transition(statemachine.KYCPending, statemachine.KYCSubmitted))
			}, apierr.InvalidFormat, "kind", statemachine.ErrUnknownStatus},
			{"ReceivePayment(processing)", func() error { return err3(statemachine.ReceivePayment(statemachine.LoanProcessing, false)) }, apierr.InvalidTransition, "status", nil},
			{"ReceivePayment(LoanStatus(99))", func() error { return err3(statemachine.ReceivePayment(statemachine.LoanStatus(99), true)) }, apierr.InvalidFormat, "status", statemachine.ErrUnknownStatus},
			{"ParseLoanStatus(Active)", func() error { return err2(statemachine.ParseLoanStatus("Active")) }, apierr.InvalidFormat, "status", statemachine.ErrUnknownStatus},
			{"LoanStatus.UnmarshalText(\"\")", func() error { return ls.UnmarshalText(nil) }, apierr.InvalidFormat, "status", statemachine.ErrUnknownStatus},
			{"ParseEvent(loan.*)", func() error { return err2(statemachine.ParseEvent("loan.*")) }, apierr.InvalidFormat, "type", nil},
			{"Event.UnmarshalText(loan.paid)", func() error { return ev.UnmarshalText([]byte("loan.paid")) }, apierr.InvalidFormat, "type", nil},
			{"ParseKYCKind(photo)", func() error { return err2(statemachine.ParseKYCKind("photo")) }, apierr.InvalidFormat, "kind", statemachine.ErrUnknownStatus},
			{"ParseKYCStatus(done)", func() error { return err2(statemachine.ParseKYCStatus("done")) }, apierr.InvalidFormat, "status", statemachine.ErrUnknownStatus},
			{"ParseOfferStatus(open)", func() error { return err2(statemachine.ParseOfferStatus("open")) }, apierr.InvalidFormat, "status", statemachine.ErrUnknownStatus},
			{"ParseCustomerStatus(blocked)", func() error { return err2(statemachine.ParseCustomerStatus("blocked")) }, apierr.InvalidFormat, "status", statemachine.ErrUnknownStatus},
			{"ParseCredentialStatus(paused)", func() error { return err2(statemachine.ParseCredentialStatus("paused")) }, apierr.InvalidFormat, "status", statemachine.ErrUnknownStatus},
			{"ParseInstallmentStatus(late)", func() error { return err2(statemachine.ParseInstallmentStatus("late")) }, apierr.InvalidFormat, "status", statemachine.ErrUnknownStatus},
			{"NewCustomer(no kyc)", func() error { return err3(statemachine.NewCustomer(nil)) }, "", "kyc", nil},
			{"NewCustomer(duplicate type)", func() error { return err3(statemachine.NewCustomer(append(kyc, kyc[0]))) }, "", "kyc", nil},
			{"Customer.CheckDocument(unknown type)", func() error { return customer.CheckDocument("passport", "image/png") }, apierr.InvalidDocumentType, "type", nil},
			{"Customer.CheckDocument(text/plain)", func() error { return customer.CheckDocument("selfie", "text/plain") }, apierr.InvalidContentType, "file", nil},
			{"Customer.UpdateRequirement(pending → approved)", func() error { return err3(customer.UpdateRequirement("selfie", statemachine.KYCApproved)) }, apierr.InvalidTransition, "status", nil},
			{"CheckContentType(application/pdf; x)", func() error { return statemachine.CheckContentType("text/html") }, apierr.InvalidContentType, "file", nil},
			{"Register(no CPF)", func() error { return err2(statemachine.Register(statemachine.Registration{}, nil)) }, apierr.MissingRequiredField, "cpf", nil},
			{"Register(CNPJ of another customer)", func() error {
				return err2(statemachine.Register(statemachine.Registration{CPF: cpfB, CNPJ: cnpj},
					[]statemachine.Registration{{CPF: cpfA, CNPJ: cnpj}}))
			}, apierr.CustomerAlreadyExists, "cnpj", nil},
			{"CheckUpdate(another CPF)", func() error {
				return statemachine.CheckUpdate(statemachine.Registration{CPF: cpfA}, statemachine.Registration{CPF: cpfB})
			}, apierr.ImmutableField, "cpf", nil},
			{"Credential.CanIssue(revoked)", func() error {
				return statemachine.Credential{Status: statemachine.CredentialRevoked, RevokedAt: now.Add(-time.Hour)}.CanIssue(now)
			}, apierr.Forbidden, "client_id", nil},
			{"Credential.IssueToken(zero now)", func() error {
				return err2(statemachine.Credential{Status: statemachine.CredentialActive}.IssueToken(time.Time{}))
			}, apierr.MissingRequiredField, "now", nil},
			{"Offer.Check(zero status)", check(func(o *statemachine.Offer) { o.Status = 0 }), "", "status", nil},
			{"Offer.Check(approved 0)", check(func(o *statemachine.Offer) { o.ApprovedAmount = decimal.Zero }), apierr.AmountOutOfRange, "approved_amount", nil},
			{"Offer.Check(approved 1e2147483647)", check(func(o *statemachine.Offer) { o.ApprovedAmount = decHuge }), apierr.AmountOutOfRange, "approved_amount", nil},
			{"Offer.Check(min above approved)", check(func(o *statemachine.Offer) { o.MinAmount = decimal.NewFromInt(60_000) }), apierr.AmountOutOfRange, "min_amount", nil},
			{"Offer.Check(min 100,001 digits)", check(func(o *statemachine.Offer) { o.MinAmount = decLongCoef }), apierr.AmountOutOfRange, "min_amount", nil},
			{"Offer.Check(fee percent 1e2147483647)", check(func(o *statemachine.Offer) { o.FeePercent = decHuge }), apierr.RateOutOfRange, "fee_percent", nil},
			{"Offer.Check(fee percent 1e-2147483648)", check(func(o *statemachine.Offer) { o.FeePercent = decTiny }), apierr.InvalidFormat, "fee_percent", nil},
			{"Offer.Check(fee percent 100.01)", check(func(o *statemachine.Offer) { o.FeePercent = mustDecimal("100.01") }), apierr.RateOutOfRange, "fee_percent", nil},
			{"Offer.Check(fee fixed -7e2147483647)", check(func(o *statemachine.Offer) { o.FeeFixed = decNegHuge }), apierr.AmountOutOfRange, "fee_fixed", nil},
			{"Offer.Check(fee fixed 0.001)", check(func(o *statemachine.Offer) { o.FeeFixed = mustDecimal("0.001") }), apierr.InvalidFormat, "fee_fixed", nil},
			{"Offer.Check(max installments 421)", check(func(o *statemachine.Offer) { o.MaxInstallments = 421 }), apierr.InstallmentsOutOfRange, "max_installments", nil},
			{"Offer.Check(no counts)", check(func(o *statemachine.Offer) { o.MinInstallments, o.MaxInstallments = 0, 0 }), apierr.MissingRequiredField, "installments", nil},
			{"Offer.Check(no valid_until)", check(func(o *statemachine.Offer) { o.ValidUntil = time.Time{} }), apierr.MissingRequiredField, "valid_until", nil},
			{"Offer.Check(ID of a loan)", check(func(o *statemachine.Offer) { o.ID = "ln_" + hex }), apierr.InvalidFormat, "credit_offer_id", apierr.ErrPrefix},
			{"Offer.Check(zero class)", check(func(o *statemachine.Offer) { o.BorrowerClass = 0 }), apierr.MissingRequiredField, "borrower_class", nil},
			{"Offer.At(zero now)", func() error { return err3(offer(func(*statemachine.Offer) {}).At(time.Time{})) }, apierr.MissingRequiredField, "now", nil},
			{"Offer.LoanCancelled(available)", func() error { return err3(offer(func(*statemachine.Offer) {}).LoanCancelled(now)) }, apierr.InvalidTransition, "status", nil},
			{"Offer.Cents(approved 1.001)", func() error {
				return err2(offer(func(o *statemachine.Offer) { o.ApprovedAmount = mustDecimal("1.001") }).Cents())
			}, apierr.InvalidFormat, "approved_amount", nil},
			{"RequestLoan(customer pending)", func() error {
				return err2(statemachine.RequestLoan[*simulation.Simulation](statemachine.CustomerPendingKYC, offer(func(*statemachine.Offer) {}), nil,
					statemachine.LoanRequest{SimulationID: "sim_" + hex}, now))
			}, apierr.KYCIncomplete, "customer_id", nil},
			{"RequestLoan(no simulation)", func() error {
				return err2(statemachine.RequestLoan[*simulation.Simulation](statemachine.CustomerActive, offer(func(*statemachine.Offer) {}), nil,
					statemachine.LoanRequest{SimulationID: "sim_" + hex}, now))
			}, apierr.SimulationMismatch, "simulation_id", nil},
			{"RequestLoan(simulation_id of an offer)", func() error {
				return err2(statemachine.RequestLoan[*simulation.Simulation](statemachine.CustomerActive, offer(func(*statemachine.Offer) {}), nil,
					statemachine.LoanRequest{SimulationID: "co_" + hex}, now))
			}, apierr.InvalidFormat, "simulation_id", nil},
			{"RequestLoan(offer expired)", func() error {
				return err2(statemachine.RequestLoan[*simulation.Simulation](statemachine.CustomerActive,
					offer(func(o *statemachine.Offer) { o.ValidUntil = now.Add(-time.Hour) }), nil, statemachine.LoanRequest{SimulationID: "sim_" + hex}, now))
			}, apierr.OfferExpired, "credit_offer_id", nil},
		}
	}
}

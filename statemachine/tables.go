package statemachine

import "github.com/dinie/lending/validation"

// The lifecycle tables of docs/lifecycles.md §2–§10, one per resource. Each is built once, at
// package initialisation, and never modified.

var customerLifecycle = newLifecycle(validation.Customer, CustomerPendingKYC,
	[]Event{EventCustomerCreated},
	[]CustomerStatus{CustomerPendingKYC, CustomerUnderReview, CustomerActive},
	[]Event{0, EventCustomerUnderReview, EventCustomerActive},
	[]edgeRow[CustomerStatus]{
		{CustomerPendingKYC, CustomerUnderReview,
			"every requirement is submitted or approved and one is submitted", viaCustomer},
		{CustomerUnderReview, CustomerActive, "every requirement is approved", viaCustomer},
		{CustomerUnderReview, CustomerPendingKYC,
			"a requirement is pending, rejected or pending correction", viaCustomer},
	})

const viaCustomer = "Customer.UpdateRequirement"

// Both KYC lifecycles emit customer.kyc_updated on every change; creation emits nothing
// of its own (the requirements are created with the customer, whose creation emits
// customer.created).
var kycEnter = []Event{EventCustomerKYCUpdated, EventCustomerKYCUpdated, EventCustomerKYCUpdated,
	EventCustomerKYCUpdated}

var kycDocumentLifecycle = newLifecycle(validation.KYCRequirement, KYCPending, nil,
	[]KYCStatus{KYCPending, KYCSubmitted, KYCApproved, KYCRejected}, kycEnter,
	[]edgeRow[KYCStatus]{
		{KYCPending, KYCSubmitted, "", ""},
		{KYCSubmitted, KYCApproved, "", ""},
		{KYCSubmitted, KYCRejected, "", ""},
		{KYCRejected, KYCSubmitted, "", ""},
	})

var kycDataLifecycle = newLifecycle(validation.KYCRequirement, KYCPending, nil,
	[]KYCStatus{KYCPending, KYCSubmitted, KYCApproved, KYCPendingCorrection}, kycEnter,
	[]edgeRow[KYCStatus]{
		{KYCPending, KYCSubmitted, "", ""},
		{KYCSubmitted, KYCApproved, "", ""},
		{KYCSubmitted, KYCPendingCorrection, "", ""},
		{KYCPendingCorrection, KYCSubmitted, "", ""},
	})

var offerLifecycle = newLifecycle(validation.CreditOffer, OfferAvailable,
	[]Event{EventCreditOfferAvailable},
	[]OfferStatus{OfferAvailable, OfferAccepted, OfferExpired},
	[]Event{EventCreditOfferAvailable, 0, EventCreditOfferExpired},
	[]edgeRow[OfferStatus]{
		{OfferAvailable, OfferAccepted, "a loan is created from it by valid_until", "RequestLoan"},
		{OfferAvailable, OfferExpired, "the instant is after valid_until", "Offer.At"},
		{OfferAccepted, OfferAvailable, "its loan is cancelled by valid_until", "Offer.LoanCancelled"},
		{OfferAccepted, OfferExpired, "its loan is cancelled after valid_until", "Offer.LoanCancelled"},
	})

var loanLifecycle = newLifecycle(validation.Loan, LoanProcessing,
	[]Event{EventLoanCreated},
	[]LoanStatus{LoanProcessing, LoanContractGenerated, LoanAwaitingSignatures, LoanSigned,
		LoanDisbursing, LoanActive, LoanFinished, LoanCancelled, LoanError},
	[]Event{0, EventLoanContractGenerated, EventLoanAwaitingSignatures, EventLoanSigned,
		EventLoanDisbursing, EventLoanActive, EventLoanFinished, EventLoanCancelled, EventLoanError},
	[]edgeRow[LoanStatus]{
		{LoanProcessing, LoanContractGenerated, "", ""},
		{LoanContractGenerated, LoanAwaitingSignatures, "", ""},
		{LoanAwaitingSignatures, LoanSigned, "", ""},
		{LoanSigned, LoanDisbursing, "", ""},
		{LoanDisbursing, LoanActive, "", ""},
		{LoanActive, LoanFinished, "every installment is paid", "ReceivePayment"},
		{LoanProcessing, LoanCancelled, "", ""},
		{LoanContractGenerated, LoanCancelled, "", ""},
		{LoanAwaitingSignatures, LoanCancelled, "", ""},
		{LoanSigned, LoanCancelled, "", ""},
		{LoanProcessing, LoanError, "", ""},
		{LoanContractGenerated, LoanError, "", ""},
		{LoanAwaitingSignatures, LoanError, "", ""},
		{LoanSigned, LoanError, "", ""},
		{LoanDisbursing, LoanError, "", ""},
	})

// The installment's status is derived from its amounts and a date (package servicing,
// Loan.Transactions), so every edge is guarded: the table documents and checks the order
// in which statuses can follow each other as payments arrive and days pass. No
// installment event exists; payments emit loan.payment_received at the loan
// (ReceivePayment).
var installmentLifecycle = newLifecycle(validation.Transaction, InstallmentPending, nil,
	[]InstallmentStatus{InstallmentPending, InstallmentPartiallyPaid, InstallmentOverdue,
		InstallmentPaid},
	[]Event{0, 0, 0, 0},
	[]edgeRow[InstallmentStatus]{
		{InstallmentPending, InstallmentPartiallyPaid, "a payment leaves something to pay", viaInstallment},
		{InstallmentPending, InstallmentOverdue, "the date passes the due date unpaid", viaInstallment},
		{InstallmentPending, InstallmentPaid, "a payment pays it all", viaInstallment},
		{InstallmentPartiallyPaid, InstallmentOverdue, "the date passes the due date unpaid", viaInstallment},
		{InstallmentPartiallyPaid, InstallmentPaid, "a payment pays the rest", viaInstallment},
		{InstallmentOverdue, InstallmentPaid, "a payment pays the rest", viaInstallment},
	})

const viaInstallment = "servicing.Loan.Transactions"

var webhookLifecycle = newLifecycle(validation.WebhookEndpoint, WebhookActive, nil,
	[]WebhookStatus{WebhookActive, WebhookDisabled, WebhookDeleted},
	[]Event{0, 0, 0},
	[]edgeRow[WebhookStatus]{
		{WebhookActive, WebhookDisabled, "", ""},
		{WebhookDisabled, WebhookActive, "", ""},
		{WebhookActive, WebhookDeleted, "", ""},
		{WebhookDisabled, WebhookDeleted, "", ""},
	})

var credentialLifecycle = newLifecycle(validation.Credential, CredentialActive, nil,
	[]CredentialStatus{CredentialActive, CredentialRevoked},
	[]Event{0, 0},
	[]edgeRow[CredentialStatus]{
		{CredentialActive, CredentialRevoked, "", ""},
	})

// CustomerLifecycle returns the customer's lifecycle: pending_kyc → under_review →
// active, back to pending_kyc on a rejection during review; active is final. Every edge
// is guarded because the status follows from the KYC requirements (Customer).
func CustomerLifecycle() *Lifecycle[CustomerStatus] { return customerLifecycle }

// KYCDocumentLifecycle returns the lifecycle of a document KYC requirement: pending →
// submitted → approved, or rejected and back to submitted on resubmission.
func KYCDocumentLifecycle() *Lifecycle[KYCStatus] { return kycDocumentLifecycle }

// KYCDataLifecycle returns the lifecycle of a data KYC requirement: pending → submitted
// → approved, or pending_correction and back to submitted through a customer update.
func KYCDataLifecycle() *Lifecycle[KYCStatus] { return kycDataLifecycle }

// KYCLifecycle returns the lifecycle of a requirement of kind k, or nil when k is not a
// kind (a nil *Lifecycle is safe to use: it has no states).
func KYCLifecycle(k KYCKind) *Lifecycle[KYCStatus] {
	switch k {
	case KYCDocument:
		return kycDocumentLifecycle
	case KYCData:
		return kycDataLifecycle
	}
	return nil
}

// OfferLifecycle returns the credit offer's lifecycle. Its edges depend on an instant
// and on the offer's loan, so all are guarded (Offer.At, Offer.LoanCancelled,
// RequestLoan).
func OfferLifecycle() *Lifecycle[OfferStatus] { return offerLifecycle }

// LoanLifecycle returns the loan's lifecycle. Every edge is free except active →
// finished, which only the final payment takes (ReceivePayment).
func LoanLifecycle() *Lifecycle[LoanStatus] { return loanLifecycle }

// InstallmentLifecycle returns the installment's lifecycle: the order in which its
// derived statuses can follow each other (all edges guarded; package servicing derives
// the status of each installment as of a date).
func InstallmentLifecycle() *Lifecycle[InstallmentStatus] { return installmentLifecycle }

// WebhookLifecycle returns the webhook endpoint's lifecycle: active ⇄ disabled, and
// deletion from either.
func WebhookLifecycle() *Lifecycle[WebhookStatus] { return webhookLifecycle }

// CredentialLifecycle returns the credential's lifecycle: active → revoked, immediate
// and irreversible (Credential.Revoke records the instant).
func CredentialLifecycle() *Lifecycle[CredentialStatus] { return credentialLifecycle }

// loanOrigination is the loan's way from processing to active.
var loanOrigination = [...]LoanStatus{LoanProcessing, LoanContractGenerated, LoanAwaitingSignatures,
	LoanSigned, LoanDisbursing, LoanActive}

// LoanOrigination returns the statuses a loan passes through from creation to
// disbursement, in order: processing, contract_generated, awaiting_signatures, signed,
// disbursing, active — each step an edge of LoanLifecycle emitting its event. A
// server or mock that advances a loan (the sandbox's advance control) walks it; the
// other edges leave it (cancelled, error) or end it (finished). The slice is the
// caller's.
func LoanOrigination() []LoanStatus { return append([]LoanStatus(nil), loanOrigination[:]...) }

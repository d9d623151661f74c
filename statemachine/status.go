package statemachine

import (
	"strconv"
	"strings"

	"github.com/dinie/lending/apierr"
)

// CustomerStatus is a customer's status (docs/api.md §5.5). The zero
// value is not a status: it reports Valid false and fails to marshal.
type CustomerStatus uint8

// Customer statuses, in lifecycle order.
const (
	CustomerPendingKYC  CustomerStatus = iota + 1 // "pending_kyc"
	CustomerUnderReview                           // "under_review"
	CustomerActive                                // "active"
)

var customerNames = []string{"", "pending_kyc", "under_review", "active"}

// KYCStatus is the status of one KYC requirement of a customer (docs/lifecycles.md
// §2). The zero value is not a status.
type KYCStatus uint8

// KYC requirement statuses.
const (
	KYCPending           KYCStatus = iota + 1 // "pending": nothing submitted
	KYCSubmitted                              // "submitted": under analysis
	KYCApproved                               // "approved"
	KYCRejected                               // "rejected": a document to resubmit
	KYCPendingCorrection                      // "pending_correction": data to fix through a customer update
)

var kycNames = []string{"", "pending", "submitted", "approved", "rejected", "pending_correction"}

// KYCKind is the kind of a KYC requirement: a document to upload or data to provide
// (docs/api.md §5.5, kyc[].kind). The zero value is not a kind.
type KYCKind uint8

// KYC requirement kinds.
const (
	KYCDocument KYCKind = iota + 1 // "document"
	KYCData                        // "data"
)

var kindNames = []string{"", "document", "data"}

// OfferStatus is a credit offer's status (docs/api.md §5.1). The zero
// value is not a status.
type OfferStatus uint8

// Credit offer statuses.
const (
	OfferAvailable OfferStatus = iota + 1 // "available"
	OfferAccepted                         // "accepted"
	OfferExpired                          // "expired"
)

var offerNames = []string{"", "available", "accepted", "expired"}

// LoanStatus is a loan's status (docs/api.md §5.3). The zero value is not a
// status.
type LoanStatus uint8

// Loan statuses, in lifecycle order.
const (
	LoanProcessing         LoanStatus = iota + 1 // "processing"
	LoanContractGenerated                        // "contract_generated"
	LoanAwaitingSignatures                       // "awaiting_signatures"
	LoanSigned                                   // "signed"
	LoanDisbursing                               // "disbursing"
	LoanActive                                   // "active"
	LoanFinished                                 // "finished"
	LoanCancelled                                // "cancelled"
	LoanError                                    // "error"
)

var loanNames = []string{"", "processing", "contract_generated", "awaiting_signatures",
	"signed", "disbursing", "active", "finished", "cancelled", "error"}

// InstallmentStatus is an installment transaction's status (docs/api.md
// §5.4). The zero value is not a status.
type InstallmentStatus uint8

// Installment statuses.
const (
	InstallmentPending       InstallmentStatus = iota + 1 // "pending"
	InstallmentPartiallyPaid                              // "partially_paid"
	InstallmentOverdue                                    // "overdue"
	InstallmentPaid                                       // "paid"
)

var installmentNames = []string{"", "pending", "partially_paid", "overdue", "paid"}

// WebhookStatus is a webhook endpoint's status (docs/api.md
// §5.6). The zero value is not a status.
//
// WebhookDeleted is not a status the API ever returns (a deleted endpoint is gone); it
// is the lifecycle's end, so that deleting twice, or enabling a deleted endpoint, is an
// invalid transition like any other.
type WebhookStatus uint8

// Webhook endpoint statuses.
const (
	WebhookActive   WebhookStatus = iota + 1 // "active"
	WebhookDisabled                          // "disabled"
	WebhookDeleted                           // "deleted" (the end of the lifecycle, not a wire status)
)

var webhookNames = []string{"", "active", "disabled", "deleted"}

// CredentialStatus is an API credential's status (docs/api.md §5.7).
// The zero value is not a status.
type CredentialStatus uint8

// Credential statuses.
const (
	CredentialActive  CredentialStatus = iota + 1 // "active"
	CredentialRevoked                             // "revoked"
)

var credentialNames = []string{"", "active", "revoked"}

// The methods below are the same for every status type; each forwards to the shared
// helpers with its own name table, so one implementation is tested (and fuzzed) for all.

// String returns the wire string, or "CustomerStatus(n)" for a value that is not a status.
func (s CustomerStatus) String() string { return name(customerNames, "CustomerStatus", s) }

// Valid reports whether s is one of the constants.
func (s CustomerStatus) Valid() bool { return valid(customerNames, s) }

// MarshalText returns the wire string; it fails for a value that is not a status.
func (s CustomerStatus) MarshalText() ([]byte, error) {
	return marshal(customerNames, "customer status", s)
}

// UnmarshalText parses a wire string as ParseCustomerStatus does; on error s is unchanged.
func (s *CustomerStatus) UnmarshalText(b []byte) error {
	return unmarshal(customerNames, "customer status", b, s)
}

// ParseCustomerStatus parses a wire string (exact, case-sensitive). An unknown string is
// an invalid_format error wrapping ErrUnknownStatus.
func ParseCustomerStatus(s string) (CustomerStatus, error) {
	return parse[CustomerStatus](customerNames, "customer status", s)
}

// String returns the wire string, or "KYCStatus(n)" for a value that is not a status.
func (s KYCStatus) String() string { return name(kycNames, "KYCStatus", s) }

// Valid reports whether s is one of the constants.
func (s KYCStatus) Valid() bool { return valid(kycNames, s) }

// MarshalText returns the wire string; it fails for a value that is not a status.
func (s KYCStatus) MarshalText() ([]byte, error) { return marshal(kycNames, "kyc status", s) }

// UnmarshalText parses a wire string as ParseKYCStatus does; on error s is unchanged.
func (s *KYCStatus) UnmarshalText(b []byte) error { return unmarshal(kycNames, "kyc status", b, s) }

// ParseKYCStatus parses a wire string (exact, case-sensitive). An unknown string is an
// invalid_format error wrapping ErrUnknownStatus.
func ParseKYCStatus(s string) (KYCStatus, error) { return parse[KYCStatus](kycNames, "kyc status", s) }

// String returns the wire string, or "KYCKind(n)" for a value that is not a kind.
func (k KYCKind) String() string { return name(kindNames, "KYCKind", k) }

// Valid reports whether k is one of the constants.
func (k KYCKind) Valid() bool { return valid(kindNames, k) }

// MarshalText returns the wire string; it fails for a value that is not a kind.
func (k KYCKind) MarshalText() ([]byte, error) { return marshal(kindNames, "kyc kind", k) }

// UnmarshalText parses a wire string as ParseKYCKind does; on error k is unchanged.
func (k *KYCKind) UnmarshalText(b []byte) error { return unmarshal(kindNames, "kyc kind", b, k) }

// ParseKYCKind parses a wire string (exact, case-sensitive). An unknown string is an
// invalid_format error for param kind wrapping ErrUnknownStatus.
func ParseKYCKind(s string) (KYCKind, error) { return parse[KYCKind](kindNames, "kyc kind", s) }

// String returns the wire string, or "OfferStatus(n)" for a value that is not a status.
func (s OfferStatus) String() string { return name(offerNames, "OfferStatus", s) }

// Valid reports whether s is one of the constants.
func (s OfferStatus) Valid() bool { return valid(offerNames, s) }

// MarshalText returns the wire string; it fails for a value that is not a status.
func (s OfferStatus) MarshalText() ([]byte, error) {
	return marshal(offerNames, "credit offer status", s)
}

// UnmarshalText parses a wire string as ParseOfferStatus does; on error s is unchanged.
func (s *OfferStatus) UnmarshalText(b []byte) error {
	return unmarshal(offerNames, "credit offer status", b, s)
}

// ParseOfferStatus parses a wire string (exact, case-sensitive). An unknown string is an
// invalid_format error wrapping ErrUnknownStatus.
func ParseOfferStatus(s string) (OfferStatus, error) {
	return parse[OfferStatus](offerNames, "credit offer status", s)
}

// String returns the wire string, or "LoanStatus(n)" for a value that is not a status.
func (s LoanStatus) String() string { return name(loanNames, "LoanStatus", s) }

// Valid reports whether s is one of the constants.
func (s LoanStatus) Valid() bool { return valid(loanNames, s) }

// MarshalText returns the wire string; it fails for a value that is not a status.
func (s LoanStatus) MarshalText() ([]byte, error) { return marshal(loanNames, "loan status", s) }

// UnmarshalText parses a wire string as ParseLoanStatus does; on error s is unchanged.
func (s *LoanStatus) UnmarshalText(b []byte) error {
	return unmarshal(loanNames, "loan status", b, s)
}

// ParseLoanStatus parses a wire string (exact, case-sensitive). An unknown string is an
// invalid_format error wrapping ErrUnknownStatus.
func ParseLoanStatus(s string) (LoanStatus, error) {
	return parse[LoanStatus](loanNames, "loan status", s)
}

// String returns the wire string, or "InstallmentStatus(n)" for a value that is not a
// status.
func (s InstallmentStatus) String() string { return name(installmentNames, "InstallmentStatus", s) }

// Valid reports whether s is one of the constants.
func (s InstallmentStatus) Valid() bool { return valid(installmentNames, s) }

// MarshalText returns the wire string; it fails for a value that is not a status.
func (s InstallmentStatus) MarshalText() ([]byte, error) {
	return marshal(installmentNames, "installment status", s)
}

// UnmarshalText parses a wire string as ParseInstallmentStatus does; on error s is
// unchanged.
func (s *InstallmentStatus) UnmarshalText(b []byte) error {
	return unmarshal(installmentNames, "installment status", b, s)
}

// ParseInstallmentStatus parses a wire string (exact, case-sensitive). An unknown string
// is an invalid_format error wrapping ErrUnknownStatus.
func ParseInstallmentStatus(s string) (InstallmentStatus, error) {
	return parse[InstallmentStatus](installmentNames, "installment status", s)
}

// String returns the wire string, or "WebhookStatus(n)" for a value that is not a status.
func (s WebhookStatus) String() string { return name(webhookNames, "WebhookStatus", s) }

// Valid reports whether s is one of the constants.
func (s WebhookStatus) Valid() bool { return valid(webhookNames, s) }

// MarshalText returns the wire string; it fails for a value that is not a status.
func (s WebhookStatus) MarshalText() ([]byte, error) {
	return marshal(webhookNames, "webhook endpoint status", s)
}

// UnmarshalText parses a wire string as ParseWebhookStatus does; on error s is unchanged.
func (s *WebhookStatus) UnmarshalText(b []byte) error {
	return unmarshal(webhookNames, "webhook endpoint status", b, s)
}

// ParseWebhookStatus parses a wire string (exact, case-sensitive). An unknown string is
// an invalid_format error wrapping ErrUnknownStatus. It accepts "deleted", the end of the
// lifecycle, so that every WebhookStatus round-trips.
func ParseWebhookStatus(s string) (WebhookStatus, error) {
	return parse[WebhookStatus](webhookNames, "webhook endpoint status", s)
}

// String returns the wire string, or "CredentialStatus(n)" for a value that is not a
// status.
func (s CredentialStatus) String() string { return name(credentialNames, "CredentialStatus", s) }

// Valid reports whether s is one of the constants.
func (s CredentialStatus) Valid() bool { return valid(credentialNames, s) }

// MarshalText returns the wire string; it fails for a value that is not a status.
func (s CredentialStatus) MarshalText() ([]byte, error) {
	return marshal(credentialNames, "credential status", s)
}

// UnmarshalText parses a wire string as ParseCredentialStatus does; on error s is
// unchanged.
func (s *CredentialStatus) UnmarshalText(b []byte) error {
	return unmarshal(credentialNames, "credential status", b, s)
}

// ParseCredentialStatus parses a wire string (exact, case-sensitive). An unknown string
// is an invalid_format error wrapping ErrUnknownStatus.
func ParseCredentialStatus(s string) (CredentialStatus, error) {
	return parse[CredentialStatus](credentialNames, "credential status", s)
}

// Shared helpers. names[0] is "" so that the zero value is never a status.

func valid[S ~uint8](names []string, s S) bool { return s != 0 && int(s) < len(names) }

func name[S ~uint8](names []string, typ string, s S) string {
	if valid(names, s) {
		return names[s]
	}
	return typ + "(" + strconv.Itoa(int(s)) + ")"
}

func marshal[S ~uint8](names []string, what string, s S) ([]byte, error) {
	if !valid(names, s) {
		return nil, apierr.Wrap(ErrUnknownStatus, apierr.InvalidFormat, paramFor(what),
			"%s %d is not a %s", what, uint8(s), what)
	}
	return []byte(names[s]), nil
}

func unmarshal[S ~uint8](names []string, what string, b []byte, s *S) error {
	v, err := parse[S](names, what, string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

func parse[S ~uint8](names []string, what, s string) (S, error) {
	for i := 1; i < len(names); i++ {
		if names[i] == s {
			return S(i), nil
		}
	}
	return 0, apierr.Wrap(ErrUnknownStatus, apierr.InvalidFormat, paramFor(what),
		"unknown %s %s; want one of %s", what, apierr.Quote(s), strings.Join(names[1:], ", "))
}

// paramFor is the wire field a status string comes from: kind for a KYC kind, status for
// every status type.
func paramFor(what string) string {
	if what == "kyc kind" {
		return "kind"
	}
	return "status"
}

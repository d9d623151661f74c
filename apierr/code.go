package apierr

// Code is a machine-readable error code of the API, in its snake_case wire form (for
// example "invalid_cpf"). Clients branch on it, so it never changes once published.
//
// A Code is also an error, so each constant doubles as a sentinel: every *Error
// carrying that code matches it with errors.Is, whatever its Param and Detail.
//
//	if errors.Is(err, apierr.InvalidCPF) { … }
type Code string

// The API's own codes, grouped by the HTTP status the contract gives them. The
// mapping to statuses lives with the wire layer (package api), since this package
// knows nothing of HTTP.
const (
	// 400 Bad Request.
	InvalidContentType Code = "invalid_content_type"
	MalformedBody      Code = "malformed_body"
	MissingFile        Code = "missing_file"

	// 401 Unauthorized.
	MissingToken Code = "missing_token"
	InvalidToken Code = "invalid_token"
	TokenExpired Code = "token_expired"

	// 403 Forbidden; also credentials of the wrong environment.
	Forbidden Code = "forbidden"

	// 409 Conflict.
	CustomerAlreadyExists Code = "customer_already_exists"
	OfferAlreadyAccepted  Code = "offer_already_accepted"
	SessionAlreadyActive  Code = "session_already_active"

	// 422 Unprocessable Content.
	MissingRequiredField Code = "missing_required_field"
	InvalidCPF           Code = "invalid_cpf"
	InvalidCNPJ          Code = "invalid_cnpj"
	InvalidFormat        Code = "invalid_format"
	KYCIncomplete        Code = "kyc_incomplete"
	OfferExpired         Code = "offer_expired"
	SimulationMismatch   Code = "simulation_mismatch"
	AmountOutOfRange     Code = "amount_out_of_range"

	// 429 Too Many Requests.
	RateLimitExceeded Code = "rate_limit_exceeded"
)

// Codes the library adds where the contract's list has none, in the contract's style.
// Each comment gives the HTTP status the wire layer answers it with.
const (
	// InstallmentsOutOfRange (422): an installment count the offer does not allow, or
	// outside the library's bounds (1 to 420).
	InstallmentsOutOfRange Code = "installments_out_of_range"
	// RateOutOfRange (422): an interest rate outside 0 % to 100 % a.m., a fee
	// percentage outside 0 % to 100 %, a late-charge percentage above its legal cap,
	// or a CET outside what can be computed.
	RateOutOfRange Code = "rate_out_of_range"
	// InvalidDueDate (422): a first due date not strictly after the release date, or
	// further from it than the allowed bound (180 days by default); a payment dated
	// before the release.
	InvalidDueDate Code = "invalid_due_date"
	// DateOutOfRange (422): a date outside the window a rule is defined for, such as a
	// release date before the IOF rate table starts, a date outside 0001-01-01 …
	// 9999-12-31, or a release date before the day of the simulation.
	DateOutOfRange Code = "date_out_of_range"
	// SimulationExpired (422): a loan request on a simulation whose release date has
	// passed; the partner simulates again.
	SimulationExpired Code = "simulation_expired"
	// InvalidTransition (409): a lifecycle transition the resource's state machine does
	// not allow from its current state.
	InvalidTransition Code = "invalid_transition"
	// ImmutableField (422): an update that tries to change a field fixed at creation
	// (a customer's cpf or external_id).
	ImmutableField Code = "immutable_field"
	// InvalidDocumentType (422): a document upload whose type is not among the
	// customer's KYC requirements.
	InvalidDocumentType Code = "invalid_document_type"
	// ValueOutOfRange (422): a number outside the range a field allows when no more
	// specific code exists (a pagination limit outside 1 to 100, expire_current_in
	// outside 0 to 86,400 seconds, a webhook tolerance that is not positive).
	ValueOutOfRange Code = "value_out_of_range"
	// TimestampOutOfRange (400): a webhook whose webhook-timestamp is further from the
	// receiver's clock than its tolerance.
	TimestampOutOfRange Code = "timestamp_out_of_range"
	// InvalidSignature (400): a webhook none of whose v1 signatures matches a secret of
	// the receiver.
	InvalidSignature Code = "invalid_signature"
	// NotFound (404): an unknown route, or an id no resource of the caller has.
	NotFound Code = "not_found"
	// MethodNotAllowed (405): a known route asked with a method it does not serve.
	MethodNotAllowed Code = "method_not_allowed"
	// IdempotencyConflict (409): an Idempotency-Key reused with a different request.
	IdempotencyConflict Code = "idempotency_conflict"
	// Internal (500): a failure that is not a rule failure — any error that is not an
	// *Error, such as an I/O error or a bug. Problem documents report it without its
	// text, so internal details never reach a client.
	Internal Code = "internal_error"
)

var codes = [...]Code{
	InvalidContentType, MalformedBody, MissingFile,
	MissingToken, InvalidToken, TokenExpired,
	Forbidden,
	CustomerAlreadyExists, OfferAlreadyAccepted, SessionAlreadyActive,
	MissingRequiredField, InvalidCPF, InvalidCNPJ, InvalidFormat, KYCIncomplete,
	OfferExpired, SimulationMismatch, AmountOutOfRange,
	RateLimitExceeded,
	InstallmentsOutOfRange, RateOutOfRange, InvalidDueDate, DateOutOfRange,
	SimulationExpired, InvalidTransition, ImmutableField, InvalidDocumentType,
	ValueOutOfRange, TimestampOutOfRange, InvalidSignature, NotFound, MethodNotAllowed,
	IdempotencyConflict, Internal,
}

// Codes returns every code the library can report, the contract's first, in a new
// slice.
func Codes() []Code { return append([]Code(nil), codes[:]...) }

// Known reports whether c is one of Codes.
func (c Code) Known() bool {
	for _, k := range codes {
		if c == k {
			return true
		}
	}
	return false
}

// Error implements the error interface, so a Code is its own sentinel.
func (c Code) Error() string { return string(c) }

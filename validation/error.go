package validation

import (
	"fmt"
	"net/http"
)

// Code is a machine-readable error code of the API, in its snake_case wire form
// (for example "invalid_cpf"). Clients branch on it, so it never changes once published.
//
// A Code is also an error, so each constant doubles as a sentinel: every *Error
// carrying that code matches it with errors.Is, whatever its Param and Detail.
//
//	if errors.Is(err, validation.CodeInvalidCPF) { … }
type Code string

// The API's codes, grouped by the HTTP status the contract gives them
// (api-contract.md, "Errors").
const (
	// 400 Bad Request.
	CodeInvalidContentType Code = "invalid_content_type"
	CodeMalformedBody      Code = "malformed_body"
	CodeMissingFile        Code = "missing_file"

	// 401 Unauthorized.
	CodeMissingToken Code = "missing_token"
	CodeInvalidToken Code = "invalid_token"
	CodeTokenExpired Code = "token_expired"

	// 403 Forbidden; also credentials of the wrong environment.
	CodeForbidden Code = "forbidden"

	// 409 Conflict.
	CodeCustomerAlreadyExists Code = "customer_already_exists"
	CodeOfferAlreadyAccepted  Code = "offer_already_accepted"
	CodeSessionAlreadyActive  Code = "session_already_active"

	// 422 Unprocessable Content.
	CodeMissingRequiredField Code = "missing_required_field"
	CodeInvalidCPF           Code = "invalid_cpf"
	CodeInvalidCNPJ          Code = "invalid_cnpj"
	CodeInvalidFormat        Code = "invalid_format"
	CodeKYCIncomplete        Code = "kyc_incomplete"
	CodeOfferExpired         Code = "offer_expired"
	CodeSimulationMismatch   Code = "simulation_mismatch"
	CodeAmountOutOfRange     Code = "amount_out_of_range"

	// 429 Too Many Requests.
	CodeRateLimitExceeded Code = "rate_limit_exceeded"
)

// Codes the library adds where the contract's list has none (api-contract.md allows
// this: "it adds a snake_case code in the same style and documents it").
const (
	// CodeInstallmentsOutOfRange (422): an installment count the offer does not allow,
	// or outside the library's bounds (1 to 420).
	CodeInstallmentsOutOfRange Code = "installments_out_of_range"
	// CodeRateOutOfRange (422): a monthly interest rate outside 0 % to 100 % a.m.,
	// or a fee percentage outside 0 % to 100 %.
	CodeRateOutOfRange Code = "rate_out_of_range"
	// CodeInvalidDueDate (422): a first due date not strictly after the release date,
	// or further from it than the allowed bound (180 days by default).
	CodeInvalidDueDate Code = "invalid_due_date"
	// CodeDateOutOfRange (422): a date outside the window a rule is defined for, such as
	// a release date before the IOF rate table starts.
	CodeDateOutOfRange Code = "date_out_of_range"
	// CodeInvalidTransition (409): a lifecycle transition the resource's state machine
	// does not allow from its current state.
	CodeInvalidTransition Code = "invalid_transition"
	// CodeImmutableField (422): an update that tries to change a field fixed at
	// creation (a customer's cpf or external_id).
	CodeImmutableField Code = "immutable_field"
	// CodeInvalidDocumentType (422): a document upload whose type is not among the
	// customer's KYC requirements.
	CodeInvalidDocumentType Code = "invalid_document_type"
	// CodeValueOutOfRange (422): a number outside the range a field allows when no
	// more specific code exists (pagination limit outside 1 to 100, a webhook secret's
	// expire_current_in outside 0 to 86,400 seconds). Money has amount_out_of_range,
	// installment counts installments_out_of_range, rates rate_out_of_range.
	CodeValueOutOfRange Code = "value_out_of_range"
	// CodeInternal (500): a failure that is not a rule failure — any error that is not
	// an *Error, such as an I/O error or a bug. NewProblem reports it without its text,
	// so internal details never reach a client.
	CodeInternal Code = "internal_error"
)

// Error implements the error interface, so a Code is its own sentinel.
func (c Code) Error() string { return string(c) }

// Status is the HTTP status the API answers with for c. Codes the library adds map
// as documented on each constant; an unknown code maps to 422, the status of rule
// failures.
func (c Code) Status() int {
	switch c {
	case CodeInvalidContentType, CodeMalformedBody, CodeMissingFile:
		return http.StatusBadRequest
	case CodeMissingToken, CodeInvalidToken, CodeTokenExpired:
		return http.StatusUnauthorized
	case CodeForbidden:
		return http.StatusForbidden
	case CodeCustomerAlreadyExists, CodeOfferAlreadyAccepted, CodeSessionAlreadyActive,
		CodeInvalidTransition:
		return http.StatusConflict
	case CodeRateLimitExceeded:
		return http.StatusTooManyRequests
	case CodeInternal:
		return http.StatusInternalServerError
	default:
		return http.StatusUnprocessableEntity
	}
}

// Error is a rule failure a server reports to its client: the API's Code, the
// offending field in Param (the wire name, e.g. "requested_amount"; empty when no
// single field is at fault) and a human Detail saying what was wrong and what was
// expected. Err, when set, is a finer-grained cause (one of this package's reason
// sentinels, or another package's) reachable through errors.Is and errors.As.
//
// Every package of the library reports rule failures as *Error. Use errors.As to
// read the fields and errors.Is with a Code (or a reason sentinel) to branch.
// An *Error is a value that is not modified after it is returned; it is safe to
// share between goroutines.
type Error struct {
	Code   Code   `json:"code"`
	Param  string `json:"param"`
	Detail string `json:"detail"`
	Err    error  `json:"-"`
}

// Errorf returns an *Error with the given code and param and a Detail formatted by
// fmt.Sprintf.
func Errorf(code Code, param, format string, args ...any) *Error {
	return &Error{Code: code, Param: param, Detail: fmt.Sprintf(format, args...)}
}

// Wrap is Errorf with a cause: cause is kept in Err, so errors.Is(err, cause) holds.
func Wrap(cause error, code Code, param, format string, args ...any) *Error {
	return &Error{Code: code, Param: param, Detail: fmt.Sprintf(format, args...), Err: cause}
}

// WithParam returns a copy of e reporting param as the offending field. Parsers
// that do not know which request field they read (a money string, a date) report a
// generic param; the caller relabels it with the wire name.
//
// A nil e gives nil.
func (e *Error) WithParam(param string) *Error {
	if e == nil {
		return nil
	}
	c := *e
	c.Param = param
	return &c
}

// Relabel is WithParam for an error value: when err is an *Error, it returns a
// copy reporting param as the offending field; any other error (one that wraps
// or joins *Errors keeps its own structure) and nil come back unchanged. It is
// what a caller writes after a parser that does not know which request field it
// read:
//
//	amount, err := validation.ParseMoney(s)
//	if err != nil {
//		return validation.Relabel(err, "requested_amount")
//	}
func Relabel(err error, param string) error {
	if e, ok := err.(*Error); ok {
		return e.WithParam(param)
	}
	return err
}

// Error returns "code: detail", the form STYLE.md shows
// ("amount_out_of_range: requested_amount 60000.00 is above approved_amount 50000.00").
func (e *Error) Error() string {
	if e == nil {
		return "<nil>"
	}
	if e.Detail == "" {
		return string(e.Code)
	}
	return string(e.Code) + ": " + e.Detail
}

// Unwrap returns the cause, if any. Like Error and Is, it accepts a nil e, so a
// typed nil *Error stored in an error never makes errors.Is or errors.As panic.
func (e *Error) Unwrap() error {
	if e == nil {
		return nil
	}
	return e.Err
}

// Is reports whether target is e's Code, so that a Code works as a sentinel.
func (e *Error) Is(target error) bool {
	c, ok := target.(Code)
	return ok && e != nil && c == e.Code
}

// Reason is a finer-grained cause of a rule failure, kept in Error.Err: the Code says
// which rule failed (invalid_cpf), the Reason says why (ErrCheckDigit), so a caller
// can branch on either with errors.Is without reading Detail:
//
//	if errors.Is(err, validation.ErrCheckDigit) { … a typo, ask the user to re-type … }
//
// Reasons are constants, like Codes; the same Reason serves every field.
type Reason string

// Error implements the error interface, so a Reason is its own sentinel.
func (r Reason) Error() string { return string(r) }

// The reasons this package reports. Other packages may report them too.
const (
	ErrEmpty          Reason = "empty"                     // no characters (after trimming, where the field trims)
	ErrLength         Reason = "wrong length"              // too few or too many characters or digits
	ErrCharacter      Reason = "invalid character"         // a character outside the field's alphabet
	ErrMask           Reason = "misplaced separator"       // separators that are neither absent nor the canonical mask
	ErrLowercase      Reason = "lowercase letter"          // a lowercase CNPJ letter in strict mode
	ErrRepeatedDigits Reason = "repeated digits"           // a CPF of one repeated digit, the all-zero CNPJ
	ErrCheckDigit     Reason = "check digit mismatch"      // check digits that do not match the base
	ErrSyntax         Reason = "malformed"                 // the overall shape is wrong (no '@', two points…)
	ErrPrecision      Reason = "wrong number of decimals"  // money with other than two decimal places
	ErrRange          Reason = "out of range"              // a number outside its bounds
	ErrDDD            Reason = "unknown area code"         // a phone DDD outside Anatel's 67
	ErrCountryCode    Reason = "not a Brazilian number"    // a phone with a country code other than 55
	ErrSubscriber     Reason = "invalid subscriber number" // neither a mobile (9 + 8 digits) nor a landline (2–5 + 7 digits)
	ErrNonGeographic  Reason = "non-geographic number"     // 0800-style, 4004-style or a short code
	ErrHost           Reason = "invalid host"              // an e-mail domain or URL host that is missing or malformed
	ErrScheme         Reason = "not https"                 // a URL that is not absolute https
	ErrUserInfo       Reason = "user info in URL"          // a URL with user:password@
	ErrPrefix         Reason = "wrong prefix"              // an ID, secret or token with another prefix
	ErrEnvironment    Reason = "wrong environment"         // a credential of the other environment (live vs sandbox)
)

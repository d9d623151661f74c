// Package apierr is the library's one error model: the API's error codes, the
// *Error every exported function of every package returns (Code, Param, Detail and a
// reason), the Errors that gathers several, and the helpers that keep them
// consistent — relabelling a param, quoting input.
//
// It is the bottom layer: it imports no other package of the module and knows
// nothing of HTTP. The statuses codes map to, and [RFC 9457] problem documents, live in
// package api.
//
// # The model
//
// A failure is an *Error: Code is the API's snake_case code (invalid_cpf), what
// clients branch on; Param the offending field's wire name (cpf), empty when no
// single field is at fault; Detail one line saying what was wrong and what was
// expected; Err a finer cause, usually a Reason (the generic ones here, or a
// package's own: validation.ErrCheckDigit, calendar.ErrInvalidDate …). Codes and
// Reasons are constants that double as sentinels:
//
//	var e *apierr.Error
//	if errors.As(err, &e) { … e.Code, e.Param, e.Detail … }
//	if errors.Is(err, apierr.InvalidCPF) { … }
//	if errors.Is(err, validation.ErrCheckDigit) { … }
//
// Several failures at once (every invalid field of a request) are an Errors, built
// with Append and returned with Err; it unwraps to its entries, so errors.Is and
// errors.As see each one.
//
// # Codes
//
// The contract's codes keep their names (InvalidCPF is "invalid_cpf"); the codes the
// library adds where the contract has none are documented on their constants with the
// HTTP status the wire layer gives them. Codes lists them all; a test of package api
// holds every one to a status.
//
// # Conventions
//
// Parsers that do not know which request field they read report a generic param
// ("amount", "date"); the caller relabels with Relabel, which also rewrites the
// param's name at the start of the Detail, so the two always agree. Input appears in
// a Detail only through Quote (at most QuoteLimit bytes, cut at a character
// boundary); secrets and other customers' stored data never appear in one.
//
// The methods of *Error accept a nil receiver, so a typed nil stored in an error
// never panics. An *Error is not modified after it is returned and is safe to share
// between goroutines; the package has no state.
//
// [RFC 9457]: https://www.rfc-editor.org/rfc/rfc9457
package apierr

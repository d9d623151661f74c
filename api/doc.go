// Package api is the wire layer of the embedded-credit API: the JSON form of every
// resource and request, the problem document every error becomes, the HTTP status
// of every error code, and the few helpers a server needs around them (strict body
// decoding, IDs, access tokens, pagination). HTTP statuses and problem documents
// live here, above every domain package; the rules it carries out are the lower
// packages', and it adds none of its own. The contract it serves is written down in docs/api.md.
//
// # Resources and requests
//
// CreditOffer, Customer, Loan, WebhookEndpoint, Credential and Token are the
// response bodies, built from the lower packages' values (CreditOfferOf from a
// statemachine.Offer, LoanOf from a LoanRecord, NewCustomer …); a simulation's body
// is simulation.Simulation's own MarshalJSON. SimulationRequest, LoanRequest,
// CustomerInput, CredentialRequest and RotateSecretRequest are the request bodies;
// each has a Check method that reports absent required fields. Money is an amount
// in cents on the wire ("25000.00", never a JSON number) and Instant an RFC 3339
// instant in UTC whose zero value is written null (docs/api.md §2). Optional fields
// that are absent are written as null and lists as [], so a resource's shape never
// depends on its data (docs/api.md §5).
//
// # Decoding
//
// Decode and DecodeBytes read one JSON object of at most MaxBodyBytes: a body that
// is empty, too large, not JSON or followed by anything is malformed_body; a key
// given twice, two keys that differ only in case, an unknown field (keys match
// exactly), a value over its length bound, a value of the wrong JSON type or one
// its wire type refuses (money as a JSON number, the zero date 0001-01-01) is
// invalid_format with the field's JSON path as param; every field error of a body
// is reported at once (docs/api.md §6). They read with the library's one strict
// JSON reader (internal/strictjson), the reader under every decoder of the
// library.
//
// # Errors
//
// Status maps every apierr code to its HTTP status (docs/api.md §9.2, §9.3).
// NewProblem turns any error into an [RFC 9457] problem document without string
// matching: an *apierr.Error gives its code, param and detail, an apierr.Errors one
// entry per field, and anything else is 500 internal_error with a fixed detail, so
// no internal text reaches a client. WriteProblem and WriteJSON write them.
//
// # IDs, tokens and pages
//
// NewID draws a resource's ID (its prefix and 32 hex digits) from the caller's
// source of randomness. IssueAccessToken and ParseAccessToken make and read the
// access token, an HS256 [RFC 7519] JWT under the caller's key whose exp is 3,600 s
// after its issue (docs/api.md §4); whether a token is still accepted is
// statemachine's decision (Credential.TokenValid). Page cuts a list by limit and starting_after
// (docs/api.md §7).
//
// The package has no mutable state and never reads the clock: every instant is an
// argument. Everything in it is safe for concurrent use.
//
// [RFC 9457]: https://www.rfc-editor.org/rfc/rfc9457
// [RFC 7519]: https://www.rfc-editor.org/rfc/rfc7519
package api

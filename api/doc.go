// Package api is the wire layer of the embedded-credit API: the JSON form of every
// resource and request, the problem document every error becomes, the HTTP status
// of every error code, and the few helpers a server needs around them (strict body
// decoding, IDs, access tokens, pagination). HTTP statuses and problem documents
// live here, above every domain package; the rules it carries out are the lower
// packages', and it adds none of its own. The contract it serves is written down in
// docs/api.md.
//
// A server's handler is decode, call the library, store, encode:
//
//	var req api.SimulationRequest
//	if err := api.Decode(r.Body, &req); err != nil { api.WriteProblem(w, r, err); return }
//	sr, err := req.Request()                          // required fields
//	sim, err := simulation.Simulate(offer, sr, opts)  // the rules
//	api.WriteJSON(w, r, http.StatusCreated, sim)      // the wire
//
// The package's examples show every endpoint of the contract in that shape, served
// in process with net/http/httptest.
//
// # Wire formats
//
// Money is an amount in cents on the wire ("25000.00", never a JSON number), exact
// both ways: the wire never rounds (money.ParseCents, money.AppendCents). Instant is
// an RFC 3339 instant in UTC whose zero value is written null (docs/api.md §2);
// dates are calendar.Date ("2026-04-15"). Monthly rates are exact JSON numbers
// (schedule.MonthlyRate), other percentages scaled integers written without
// trailing zeros; a loan's cet is its simulation's annual CET, already two decimals.
// Optional fields that are absent are written as null and lists as [], so a
// resource's shape never depends on its data (docs/api.md §5). Bodies are written
// without HTML escaping: a name with "&" is "&" on the wire.
//
// # Resources and their builders
//
// Each resource has one wire type, built from the lower packages' values:
//
//	customer (cust_)          Customer      NewCustomer(id, CustomerInput, statemachine.Customer, created);
//	                                        Customer.WithState, WithUpload, WithMessage, Update
//	credit offer (co_)        CreditOffer   CreditOfferOf(statemachine.Offer): installments or the
//	                                        min/max pair, never both; fees and class under breakdown
//	simulation (sim_)         *simulation.Simulation (its own MarshalJSON), extras under breakdown
//	loan (ln_)                Loan          LoanOf(LoanRecord): ccb_number, signing_url and net_amount by status
//	transaction (tx_)         Transaction   TransactionsOf(*servicing.Loan, ids, as of): late charges
//	                                        itemized under breakdown.late, beside the amounts, never in them
//	webhook endpoint (we_)    WebhookEndpoint  WebhookEndpointOf(webhook.Endpoint, patterns, …);
//	                                        WithSecret for the creation and rotation responses only
//	credential (dinie_ci_)    Credential    CredentialOf(id, name, statemachine.Credential, created);
//	                                        WithSecret for the creation response only
//	token                     Token         NewToken(IssueAccessToken(…)): {access_token, token_type, expires_in}
//	list                      List[T]       Page(items, idOf, resource, limit, starting_after)
//	event envelope (evt_)     Event         NewEvent(rand, type, at, snapshot): webhook.Envelope
//	                                        around the snapshot's API bytes; PaymentOf(servicing.Payment, …)
//	problem                   Problem       NewProblem(err), WriteProblem
//
// Transaction and Event are aliases: their one home is the package that computes them
// (servicing, webhook), and this package supplies what the wire adds (the ids, the
// snapshot's bytes). The library's extras of a resource (a simulation's schedule, an
// offer's fees, a transaction's late charges) sit under one key, breakdown, so no
// extra can collide with a present or future field of the contract. Each resource,
// and each kind of error, has a golden file under testdata/api held field by field to
// the contract's field lists (go test ./api -run TestGolden -update rewrites them).
//
// SimulationRequest, LoanRequest, CustomerFields, CredentialRequest,
// WebhookEndpointFields and RotateSecretRequest are the request bodies; their
// pointer fields tell absence from a zero value, and their checks
// (SimulationRequest.Request, LoanRequest.Terms, CustomerFields.Parse) report absent
// required fields.
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
// Status maps every apierr code to its HTTP status (docs/api.md §9.2, §9.3); a code
// outside the catalogue is 500. NewProblem turns any error into an [RFC 9457]
// problem document without string matching: an *apierr.Error gives its code, param
// and detail, an apierr.Errors of several failures one entry per field, and anything
// else is 500 internal_error with a fixed detail, so no internal text reaches a
// client. WriteProblem and WriteJSON write them.
//
// # IDs, tokens and pages
//
// NewID draws a resource's ID (its prefix and 32 hex digits) from the caller's
// source of randomness. IssueAccessToken and ParseAccessToken make and read the
// access token, an HS256 [RFC 7519] JWT under the caller's key whose exp is 3,600 s
// after its issue (docs/api.md §4); whether a token is still accepted is
// statemachine's decision (Credential.TokenValid); the token response is
// [RFC 6749] §5.1's. Page cuts a list by limit and starting_after (docs/api.md §7):
// a stale cursor is invalid_format, never an empty page.
//
// The package has no mutable state and never reads the clock: every instant is an
// argument. Everything in it is safe for concurrent use.
//
// [RFC 9457]: https://www.rfc-editor.org/rfc/rfc9457
// [RFC 7519]: https://www.rfc-editor.org/rfc/rfc7519
// [RFC 6749]: https://www.rfc-editor.org/rfc/rfc6749
package api

// Package api is the wire layer of the API the library serves (docs/api.md): the
// resources as they travel, request bodies decoded, errors mapped to HTTP, ids,
// pagination and access tokens. A server's handler is decode, call the library,
// store, encode:
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
// Money is Money, int64 cents written as a JSON string with exactly two decimals
// ("25000.00") and read only from one: a JSON number, a sign, an exponent or other
// than two places is invalid_format. Cents are exact both ways, so the wire never
// rounds (money.ParseCents, money.AppendCents). Instants are Instant, RFC 3339 in
// UTC with a fraction only when there is one; the zero Instant is null, and null reads
// back as it. Dates are calendar.Date ("2026-04-15"). Monthly rates are exact JSON
// numbers (schedule.MonthlyRate), other percentages scaled integers written without
// trailing zeros; the loan's cet is the simulation's annual CET, which the simulation
// already rounded to two decimals, carried as hundredths. Optional fields are written
// as null, lists as [] (never null), so a resource's shape never depends on its data.
// Bodies are written without HTML escaping: a name with "&" is "&" on the wire.
//
// # Resources and their builders
//
// Each resource has one wire type and one way to build it from the domain:
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
// snapshot's bytes). Where the contract lists extras of the library (a simulation's
// schedule, an offer's fees, a transaction's late charges), they sit under one key,
// breakdown, so no extra can collide with a present or future field of the contract.
// Each resource, and each kind of error, has a golden file under testdata/api held
// field by field to the contract's field lists (go test ./api -run TestGolden
// -update rewrites them).
//
// # Request bodies
//
// Decode reads one JSON object of at most MaxBodyBytes (1 MiB) into a request type
// (CustomerFields, SimulationRequest, LoanRequest, CredentialRequest,
// WebhookEndpointFields, RotateSecretRequest): a body that is not one JSON object is
// malformed_body (400); an unknown field, a wrong JSON type or a value its wire type
// refuses is invalid_format with the field as param. A request type's pointer fields
// tell absence from a zero value; its check (CustomerFields.Parse,
// SimulationRequest.Request, LoanRequest.Terms) reports missing_required_field, and
// every failure of one body comes back at once (apierr.Errors).
//
// # Errors and HTTP
//
// Status maps every code of apierr.Codes to its HTTP status: the contract's table,
// not_found 404, method_not_allowed 405, and the library's own codes as apierr
// documents them; a code outside the catalogue is 500. NewProblem builds an
// [RFC 9457] problem document from any error with no string matching: the
// *apierr.Error's code, param and detail, an errors list when several fields failed,
// and for anything that is not a rule failure 500 internal_error with the fixed
// detail "internal error", so no internal text reaches a client.
//
// # Ids, pagination, tokens
//
// NewID draws a resource's id (its prefix and 32 lowercase hex digits) from the
// caller's source of randomness. Page is cursor pagination over a sorted collection:
// limit 1 to 100, starting_after an id of the listed resource that is an item of the
// list (a stale cursor is invalid_format, never an empty page). IssueAccessToken and
// ParseAccessToken are "dinie_at_" and an HS256 JWT ([RFC 7519]) with claims sub, iat
// and exp = iat + 3,600; the token response is [RFC 6749] §5.1's.
//
// Everything here is a plain value or a pure function, safe for concurrent use; no
// function reads a clock or a global source of randomness.
//
// [RFC 9457]: https://www.rfc-editor.org/rfc/rfc9457
// [RFC 7519]: https://www.rfc-editor.org/rfc/rfc7519
// [RFC 6749]: https://www.rfc-editor.org/rfc/rfc6749
package api

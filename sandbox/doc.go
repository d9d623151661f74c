// Package sandbox serves the whole public API from memory, computing every figure
// with the library: a local stand-in for the hosted sandbox that a partner's CI can
// run in-process (an http.Handler with net/http/httptest) or as `lending serve`.
//
// It is the project's one application, and the proof that the library is enough to
// build a server: each handler decodes with package api, calls the library (validation,
// statemachine, simulation, servicing, webhook), stores the result and encodes it with
// api. No handler computes a figure or decides a rule of its own; where the sandbox
// makes a choice the API leaves to the server, it is written below.
//
// # What it serves
//
// Under api.BasePath (/v3): POST /auth/token (HTTP Basic client_id:client_secret →
// a dinie_at_ bearer token valid 3,600 s on the sandbox's clock) and the credentials;
// customers (registration with its idempotency rule, list filters and cursor
// pagination, retrieve, update, document upload as multipart, biometrics session);
// credit offers; simulations (only a customer's latest is contractable); loans
// (create with the echo check, retrieve, list) and their transactions; webhook
// endpoints (CRUD, secret rotation). Errors are application/problem+json with the
// API's code, param and status (api.WriteProblem); unknown routes and ids are 404,
// a known route with another method 405. Partners are isolated: a credential of
// another partner (NewPartner) sees none of these resources, and their ids answer 404.
//
// # Controls
//
// What the hosted API does over hours, the sandbox does on request, under /v3/sandbox:
//
//	POST /sandbox/customers/{id}/kyc            {"type":…,"status":…} or {"all":"approved"}
//	POST /sandbox/customers/{id}/credit-offers  an available offer (defaults for fields left out)
//	POST /sandbox/loans/{id}/advance            {"to":"active"}, or empty for one step
//	POST /sandbox/loans/{id}/payments           {"installment_number","amount","paid_at"}
//	GET  /sandbox/loans/{id}/payoff[?date=]     the payoff quote (servicing.Loan.Payoff)
//	POST /sandbox/loans/{id}/payoff             {"paid_at"}: pay it (servicing.Loan.Settle)
//	POST /sandbox/clock                         {"now":…}, forward only
//	GET  /sandbox/deliveries                    every webhook delivery attempted
//
// # Decisions
//
//   - Dates are civil dates in São Paulo: "today" is the São Paulo date of the
//     sandbox's clock (Server.Now), and a payment's or payoff's paid_at defaults to
//     it. A paid_at after today is value_out_of_range: it has not happened.
//   - A customer that becomes active receives one default offer: 1,000.00 to
//     50,000.00 at 2.99 % a month, 3 to 24 installments, valid 30 days. Offers past
//     valid_until expire when read or when the clock moves.
//   - A loan that becomes active is booked with servicing.DefaultTerms (a 2 % fine,
//     1 % a month mora, compound remuneratory interest of the delay counted from the
//     original due date), and each installment gets a tx_ id.
//   - The loan.payment_received payload's paid_at is the instant the sandbox received
//     the payment when it is dated today, else noon in São Paulo of its date.
//   - Moving the clock expires tokens as time would: log in again after a jump of
//     more than an hour.
//
// # Limits
//
// Request bodies are bounded by their route (1 MiB of JSON, 10 MiB for the document
// upload) and must carry its media type (application/json, or multipart/form-data for
// the upload; invalid_content_type otherwise, api.CheckContentType); Idempotency-Key on
// a POST replays the first answer for the same key and body and is a 409 for another
// body. Webhooks leave from bounded per-endpoint queues served by a small worker pool
// (Config.Workers, Config.QueueSize), each attempt signed with the endpoint's valid
// secrets at the attempt's instant, DeliveryTimeout per attempt, no redirects followed,
// retried on the webhook package's schedule; a slow or failing receiver never blocks
// the API. Close drains the queues until its context ends. The Server is safe for
// concurrent use.
package sandbox

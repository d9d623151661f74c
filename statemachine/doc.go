// Package statemachine holds the lifecycle rules of the embedded-credit API: the states
// of customers (with their KYC requirements), credit offers, loans, installment
// transactions, webhook endpoints and credentials; the transitions between them; the
// webhook events each transition emits; and the decisions the API takes on them
// (registration idempotency, document acceptance, offer expiry, loan origination, the
// events of a payment, token validity). What a webhook endpoint does with the events —
// event patterns, envelopes, secrets and their rotation, signatures — is package
// webhook's; what a booked loan owes — installments, payments, late charges, payoff —
// is package servicing's.
//
// The source of every rule is the module's documentation: docs/lifecycles.md (cited by
// section) and docs/api.md (the wire strings, the 16 events and the error codes).
// Where both are silent the decision taken is written here, under "Decisions".
//
// # Lifecycles as data
//
// Each lifecycle is one table (a *Lifecycle): its states, its initial state and the
// events creation emits, its edges and the event entering each state emits. The checks
// (Lifecycle.Transition), the events, the diagrams below (Lifecycle.Mermaid, golden-tested
// under testdata/statemachine/*.mmd) and the tests all derive from that table. A state
// with no way out is terminal and absorbs: every transition out of it is an error
// matching ErrTerminal. Nothing is silently ignored: a move to the same state is not an
// edge and is an error too.
//
// The golden diagrams are the tables drawn, so a reviewer re-derives each of them from
// docs/lifecycles.md by hand: one "[*] --> initial" line labelled with the creation events,
// one line per edge in table order labelled with the event entering its target (and the
// guard in brackets), one "terminal --> [*]" line per terminal state. go test -run
// TestDiagrams -update rewrites them; the test also checks that this documentation shows
// each one verbatim.
//
// Some edges are guarded: their condition depends on more than the two states (an
// instant, the installments, the KYC requirements). Lifecycle.Transition refuses them
// with ErrGuarded, and the function named in Edge.Via takes them after checking the
// condition. The diagrams show guards in brackets after the event.
//
// Statuses are typed (CustomerStatus, KYCStatus, OfferStatus, LoanStatus,
// InstallmentStatus, WebhookStatus, CredentialStatus, and KYCKind) with the API's wire
// strings: String, MarshalText, UnmarshalText and ParseXxx, which accepts exactly the
// wire string (case-sensitive, no trimming) and rejects anything else with
// invalid_format wrapping ErrUnknownStatus. The zero value of every status type is not a
// status: Valid reports false and MarshalText fails, so an unset field never passes for
// a state.
//
// # Customer
//
// docs/lifecycles.md §2. The status follows from the requirements
// (CustomerStatusOf): active once every requirement is approved, and then final;
// under_review while every requirement is submitted or approved and one is submitted;
// otherwise pending_kyc. Registration emits customer.created; entering under_review and
// active emit customer.under_review and customer.active. Every edge is guarded: the
// customer moves only through Customer.UpdateRequirement and Customer.SubmitDocument.
//
//	stateDiagram-v2
//	    [*] --> pending_kyc : customer.created
//	    pending_kyc --> under_review : customer.under_review [every requirement is submitted or approved and one is submitted]
//	    under_review --> active : customer.active [every requirement is approved]
//	    under_review --> pending_kyc : [a requirement is pending, rejected or pending correction]
//	    active --> [*]
//
// A KYC requirement is a document (uploaded; rejected sends it back for resubmission) or
// data (provided; pending_correction is fixed through a customer update). Every
// requirement change emits customer.kyc_updated, before any customer event it causes.
// Document requirements:
//
//	stateDiagram-v2
//	    [*] --> pending
//	    pending --> submitted : customer.kyc_updated
//	    submitted --> approved : customer.kyc_updated
//	    submitted --> rejected : customer.kyc_updated
//	    rejected --> submitted : customer.kyc_updated
//	    approved --> [*]
//
// Data requirements:
//
//	stateDiagram-v2
//	    [*] --> pending
//	    pending --> submitted : customer.kyc_updated
//	    submitted --> approved : customer.kyc_updated
//	    submitted --> pending_correction : customer.kyc_updated
//	    pending_correction --> submitted : customer.kyc_updated
//	    approved --> [*]
//
// Register decides registration idempotency: a registration is a retry — answered with
// the existing customer — only when its CPF, its CNPJ and its external_id are all that
// customer's (absent on both sides counts as equal); any other overlap of CPF or CNPJ
// is customer_already_exists, naming the field that collides and never a stored
// value. CPF and CNPJ are the canonical validation.CPF and validation.CNPJ, so
// formatting never matters.
// CheckUpdate enforces that cpf and external_id never change (immutable_field).
// Customer.CheckDocument accepts an upload only for a document requirement of the
// customer and a content type of PDF, JPEG or PNG (CheckContentType).
//
// # Credit offer
//
// Offer is the library's one credit offer: the API's fields (amount bounds, rate,
// installment rule, valid_until, due_date_rule) with the lender's (fees, borrower
// class); Offer.Check validates all of them and package simulation reads the same
// value. Expired means now > valid_until: at valid_until itself the offer is still
// valid — the one expiry rule, Offer.ExpiredAt, which Simulate and RequestLoan apply
// too. Offer.At settles expiry at an instant; Offer.LoanCancelled
// makes an accepted offer available again within valid_until, or expired after it;
// RequestLoan accepts it. Creation and re-availability emit credit_offer.available,
// expiry credit_offer.expired; accepting emits nothing (the catalogue has no such event).
//
//	stateDiagram-v2
//	    [*] --> available : credit_offer.available
//	    available --> accepted : [a loan is created from it by valid_until]
//	    available --> expired : credit_offer.expired [the instant is after valid_until]
//	    accepted --> available : credit_offer.available [its loan is cancelled by valid_until]
//	    accepted --> expired : credit_offer.expired [its loan is cancelled after valid_until]
//	    expired --> [*]
//
// # Loan origination
//
// Only the offer's most recent simulation can be contracted (a new one supersedes the
// earlier ones); LatestSimulation picks it. RequestLoan takes the offer's simulations
// as the server holds them — any type implementing Quote, such as
// *simulation.Simulation — and checks, in order: the customer is active
// (kyc_incomplete), the offer is not accepted (offer_already_accepted) nor expired
// (offer_expired), the request names the latest simulation (simulation_mismatch), its
// release date has not passed in São Paulo (simulation_expired: simulate again), and
// the request echoes its installments, installments_value (exact cents) and
// first_due_date (simulation_mismatch, naming the field). The Origination it returns
// holds that simulation, ready to book.
//
// # Loan
//
// docs/lifecycles.md §7. Creation emits loan.created (state processing); entering any
// other state emits loan.<state>. Cancellation is possible only before disbursement
// starts, a processing error from any state before active. ReceivePayment is the only
// way to finished: every payment while active emits loan.payment_received, and the
// payment that leaves nothing to pay on every installment also emits loan.finished, in
// that order. The installments, their amounts and the payments themselves are package
// servicing's (servicing.Loan.Pay applies a payment and calls ReceivePayment); the
// event's payment{amount, paid_at, installment_number} is package webhook's.
//
//	stateDiagram-v2
//	    [*] --> processing : loan.created
//	    processing --> contract_generated : loan.contract_generated
//	    contract_generated --> awaiting_signatures : loan.awaiting_signatures
//	    awaiting_signatures --> signed : loan.signed
//	    signed --> disbursing : loan.disbursing
//	    disbursing --> active : loan.active
//	    active --> finished : loan.finished [every installment is paid]
//	    processing --> cancelled : loan.cancelled
//	    contract_generated --> cancelled : loan.cancelled
//	    awaiting_signatures --> cancelled : loan.cancelled
//	    signed --> cancelled : loan.cancelled
//	    processing --> error : loan.error
//	    contract_generated --> error : loan.error
//	    awaiting_signatures --> error : loan.error
//	    signed --> error : loan.error
//	    disbursing --> error : loan.error
//	    finished --> [*]
//	    cancelled --> [*]
//	    error --> [*]
//
// # Installment
//
// docs/lifecycles.md §8. An installment's status as of a date is
// derived from its amounts and that date by package servicing (booked loans, their
// transactions, payments and late charges): paid when nothing remains; overdue when the
// date is after the due date (paying on the due date is on time); partially_paid when
// something was paid; else pending. This package keeps the statuses and the table of
// the order in which they can follow each other as payments add up and days pass
// (every edge guarded):
//
//	stateDiagram-v2
//	    [*] --> pending
//	    pending --> partially_paid : [a payment leaves something to pay]
//	    pending --> overdue : [the date passes the due date unpaid]
//	    pending --> paid : [a payment pays it all]
//	    partially_paid --> overdue : [the date passes the due date unpaid]
//	    partially_paid --> paid : [a payment pays the rest]
//	    overdue --> paid : [a payment pays the rest]
//	    paid --> [*]
//
// # Webhook endpoint
//
// docs/lifecycles.md §9. deleted is not a wire status: it ends the
// lifecycle, so that a deleted endpoint cannot be enabled or deleted again.
//
//	stateDiagram-v2
//	    [*] --> active
//	    active --> disabled
//	    disabled --> active
//	    active --> deleted
//	    disabled --> deleted
//	    deleted --> [*]
//
// Only an active endpoint receives deliveries. Its event patterns, its secrets and
// their rotation, and the signing of deliveries are package webhook's (webhook.Endpoint,
// webhook.ParsePatterns, webhook.RotateSecret, webhook.Sign).
//
// # Credential
//
// docs/lifecycles.md §10 and docs/api.md §5.7. Revocation
// (Credential.Revoke) is immediate and irreversible. A credential issues tokens
// (Credential.CanIssue, Credential.IssueToken) while active and not past expires_at (the
// zero ExpiresAt is the API's null: never). A token lives TokenLifetime, 3,600 s, and is
// refused from issued_at + 3,600 s on ([RFC 7519] §4.1.4); a token issued before
// revocation or expiry stays valid until then (Credential.TokenValid).
//
//	stateDiagram-v2
//	    [*] --> active
//	    active --> revoked
//	    revoked --> [*]
//
// # Events
//
// Events returns the catalogue of docs/api.md §8, exactly 16 events, in its order;
// ParseEvent parses a wire name and Event.Resource names the resource an event is about.
// Package webhook matches events against endpoints' patterns and wraps them in the
// envelope a delivery carries (webhook.Envelope).
//
// # Errors
//
// Every error is a *apierr.Error: read Code, Param and Detail with errors.As, branch
// with errors.Is on a apierr.Code or on this package's reason sentinels, which sit in
// its chain. invalid_transition errors carry a *TransitionError (Resource, From, To,
// Action, Terminal, Guard) for errors.As. By code, with the params each one names:
//
//   - invalid_transition (409), param status: a move the table lacks, matching
//     ErrTerminal when it leaves a terminal state; a guarded edge taken through
//     Lifecycle.Transition (ErrGuarded); a payment on a loan that is not active
//     (ReceivePayment) or a loan cancellation on an offer that is not accepted
//     (TransitionError.Action says which).
//   - invalid_format (422): status or kind, an unknown status or KYC kind string or value
//     (ErrUnknownStatus), or a customer status that does not follow from its
//     requirements; type, an unknown event name (ErrUnknownEvent) or a KYC type the
//     customer lacks; kyc, a
//     requirement with an invalid kind or status, a repeated type, or one not pending at
//     registration; installments_value, money with sub-cent digits
//     (apierr.ErrPrecision); simulation_id, not a
//     simulation ID (validation.CheckID); simulation, a simulation without a valid ID,
//     CreatedAt, installments or first due date; revoked_at, an active credential with a
//     revocation instant.
//   - missing_required_field (422): kyc, an empty requirement list or a requirement
//     without type; cpf, a registration without CPF; revoked_at, a revoked credential without the instant; now, paid_at,
//     valid_until, issued_at, a zero time.Time.
//   - customer_already_exists (409): cpf (the CPF is taken by a customer with another
//     CNPJ or external_id) or cnpj (the CNPJ is another customer's).
//   - immutable_field (422): cpf or external_id, an update that changes them.
//   - invalid_content_type (400): file, a document that is not application/pdf,
//     image/jpeg or image/png.
//   - invalid_document_type (422): type, a document type that is not a document
//     requirement of the customer.
//   - kyc_incomplete (422): customer_id, a loan request for a customer that is not active.
//   - offer_already_accepted (409): credit_offer_id, a loan request on an accepted offer.
//   - offer_expired (422): credit_offer_id, a loan request on an expired offer or after
//     valid_until.
//   - simulation_mismatch (422): simulation_id, not the offer's latest simulation;
//     installments, installments_value or first_due_date, a term that differs from it.
//   - forbidden (403): client_id, a token requested from a revoked (ErrRevoked) or
//     expired (ErrCredentialExpired) credential.
//   - invalid_token (401): authorization, a token issued in the future or when its
//     credential could not issue.
//   - token_expired (401): authorization, a token at or after issued_at + 3,600 s.
//
// # Decisions
//
// Where the specification is silent, the package decides:
//
//   - KYC kinds: rejected exists only for document requirements and pending_correction
//     only for data requirements, as docs/lifecycles.md §2 describes them; approved is terminal
//     (the spec lists no way out of it). A new customer's requirements are all pending,
//     and a customer has at least one requirement, so no customer is active with nothing
//     checked ([Circular BCB 3.978/2020] requires lenders to identify their customers).
//   - Register: any overlapping customer that is not an exact match is a conflict, even
//     when another one matches exactly; the conflict names cpf when the CPF is taken,
//     else cnpj. external_id "" is absent and compares exactly otherwise.
//   - CheckUpdate compares values, so re-sending cpf or external_id unchanged is allowed.
//   - Content types compare as media types (case-insensitive, parameters ignored);
//     unregistered aliases (image/jpg, image/pjpeg) are refused. The content type is
//     checked before the document type, a malformed request (400) before a rule (422).
//   - An accepted offer does not expire while its loan lives; Offer.At expires only
//     available offers.
//   - Ties in LatestSimulation go to the later simulation in the list (creation order).
//   - RequestLoan checks the state of customer and offer before the echoed terms.
//   - Credentials: at ExpiresAt itself a credential still issues (expired means
//     now > expires_at, as for offers); from RevokedAt on it issues nothing. A revoked or
//     expired credential asking for a token is forbidden.
//
// # Zero values, instants and concurrency
//
// Every function takes the instant (time.Time) or the date (calendar.Date) it decides at
// as an argument; the package never reads the clock. A zero time.Time is refused where
// an instant is required. Values (Customer, Offer, Credential) are
// passed and returned by value: methods return new values and never modify the
// receiver, nor any slice it holds (they copy before changing). Lifecycles are built
// once at package initialisation and never modified. Every function and method is safe
// for concurrent use by multiple goroutines.
//
// [RFC 7519]: https://www.rfc-editor.org/rfc/rfc7519
// [Circular BCB 3.978/2020]: https://www.bcb.gov.br/estabilidadefinanceira/exibenormativo?tipo=Circular&numero=3978
package statemachine

// Package webhook is both ends of the API's webhooks: the sender's (which endpoints
// an event goes to, its envelope, the signed headers, the retry schedule) and the
// receiver's (verifying a delivery). Deliveries follow [Standard Webhooks] 1.0.0,
// symmetric scheme v1 (HMAC-SHA256), so a partner may equally verify them with that
// project's libraries.
//
// # Delivery
//
// A delivery is an HTTP POST of the envelope (Envelope, JSON) with three headers
// (Headers):
//
//	webhook-id          the event's id (evt_…): the same on every retry; the receiver dedups on it
//	webhook-timestamp   the attempt's instant, integer Unix seconds
//	webhook-signature   "v1,<base64>" tokens separated by spaces, one per signing secret
//
// An event goes to every active endpoint whose patterns match it (Recipients,
// Endpoint.Receives). Delivery is at least once: an attempt that does not get a 2xx
// answer is retried on the schedule of RetryDelay, with the same webhook-id and body
// and a new webhook-timestamp and signature.
//
// # Signature
//
// The signed content is the bytes id + "." + timestamp + "." + body: the body exactly
// as sent (never re-encoded: a re-serialized JSON body differs by a space and fails),
// the timestamp in decimal without sign or leading zeros. Each token is "v1," and the
// padded standard base64 ([RFC 4648] §4) of the 32-byte [HMAC] with SHA-256 keyed by a
// secret: 44 characters. The id never contains '.' (nor spaces or bytes outside
// printable ASCII): with a '.', another id and timestamp could sign the same bytes.
//
// # Secrets
//
// A secret (Secret) is 24 to 64 random bytes, written "whsec_" + padded standard
// base64 (Secret.Encode, ParseSecret; the prefix is optional on input, as the
// Standard Webhooks libraries accept it, and anything else — line breaks, the URL-safe
// alphabet, missing padding, nonzero unused bits — is refused). A server draws 32
// bytes from a source of randomness it passes (GenerateSecret). A Secret prints as
// "whsec_(redacted)", so logging one by accident does not leak it, and no error of the
// package ever contains a secret.
//
// Rotation (RotateSecret) takes expire_current_in seconds, 0 to 86,400 (the API's
// default 3,600): the old current secret keeps signing while the instant is before
// rotation + expire_current_in, so 0 retires it at once; the new one never expires.
// Every delivery carries one token per secret valid at the attempt's instant
// (ValidSecrets, Endpoint.SigningSecrets): the current one first. A rotation keeps
// the secrets rotated out earlier until their own expiry — it never shortens a window
// a receiver was promised — so an endpoint may have several; at most MaxSecrets (10)
// sign at once.
//
// # Verification
//
// Verify (or VerifyRequest for an *http.Request) checks, in this order, and answers
// the first failure: its own arguments; the three headers present and non-empty
// (missing_required_field, param the header); the id's shape, the timestamp strictly
// decimal digits, the signature header's length (invalid_format); the timestamp within
// the tolerance of the receiver's clock, now − ts ≤ tolerance and ts − now ≤ tolerance,
// both inclusive, now in whole seconds (timestamp_out_of_range); the body's length;
// then a v1 token equal, in constant time, to the MAC under one of the receiver's
// secrets (invalid_signature). Tokens of other versions (v1a, v2 …) and malformed
// tokens are skipped; any number of spaces or tabs separate tokens. The tolerance is
// positive (DefaultTolerance, 300 s, is the reference libraries' value): no value
// turns the check off, since the timestamp is what stops a captured delivery from
// being replayed.
//
// Bounds keep the cost of any input bounded: a webhook-id of at most MaxIDLen (256)
// bytes, a timestamp of at most 19 digits, a webhook-signature of at most
// MaxSignatureLen (4,096) bytes, a body of at most MaxBodyLen (256 KiB) — VerifyRequest
// reads at most one byte more and leaves the request's body readable from the start — and
// at most MaxSecrets secrets. Verify computes at most one HMAC per secret (stopping at
// the first that matches) and compares at most 85 tokens per secret.
//
// # Envelope
//
// The body of a delivery is
//
//	{"id":"evt_…","type":"loan.payment_received","timestamp":"2026-05-15T13:00:00Z",
//	 "created_at":"2026-05-15T13:00:00Z","api_version":"2026-03-01","delivery_id":"dlv_…",
//	 "data":{…the loan…},"payment":{"amount":"150.50","paid_at":"…","installment_number":2}}
//
// type, timestamp (the instant the event occurred, [RFC 3339] in UTC) and data (the
// resource snapshot) are the envelope Standard Webhooks and the API document; id,
// api_version, created_at and delivery_id are what the API's SDKs read, and receivers
// that do not know them ignore them. data is the snapshot, after the change, of the
// resource the event is about — the customer for customer.*, the credit offer for
// credit_offer.*, the loan for loan.* — encoded by the wire layer; MarshalJSON checks
// it is a JSON object whose id is of that resource. loan.payment_received carries
// payment{amount, paid_at, installment_number}, loan.error may carry error{code,
// message}, both beside data (Standard Webhooks allows metadata at the top level), so
// that data is always exactly the resource.
//
// Ids are the prefix and 32 lowercase hex digits of 16 bytes of a source of randomness
// the caller passes (NewEventID, NewDeliveryID, NewEnvelope), like the API's other ids.
//
// # Event patterns
//
// An endpoint's patterns (ParsePattern, ParsePatterns) are "*", "customer.*",
// "credit_offer.*", "loan.*" or an exact event name of the catalogue
// (statemachine.Events); anything else is invalid_format (param events) naming the
// pattern, wrapping ErrInvalidPattern. An empty list means every event. A list
// compiles into Patterns, a 16-bit set: Patterns.Match answers whether an endpoint
// receives an event with one bit test.
//
// # Retries
//
// RetryDelay is the schedule Standard Webhooks recommends: 10 attempts, at once, then
// after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h and 24 h (the cap), the last
// 75 h 35 min 5 s after the first, so an endpoint down over a weekend still gets its
// events. It backs off exponentially in the first hours, when most failures are
// blips, and slowly after. Jitter, which Standard Webhooks also recommends, is the
// sender's to add, as is what to do after the last failure (tell the partner,
// disable the endpoint).
//
// # Errors
//
// Every error is an *apierr.Error (NewEndpoint: an apierr.Errors of them), with these
// codes and params:
//
//   - missing_required_field: webhook-id, webhook-timestamp, webhook-signature, a header
//     missing or empty (and an empty id or a zero instant given to Sign); now, at,
//     timestamp, payment.paid_at, a zero time.Time; data, data.id, payment, error.code,
//     error.message, a member an envelope needs.
//   - invalid_format: secret, a secret that is not whsec_ + padded base64 of 24 to 64
//     bytes, or an endpoint's secrets that are not one current and no repeats; secrets,
//     the secrets given to Sign or Verify (none, more than 10, a zero or repeated one);
//     webhook-id, webhook-timestamp, webhook-signature, a malformed header; body, a body
//     over MaxBodyLen (256 KiB); events, an invalid pattern (ErrInvalidPattern) or more than
//     MaxPatterns; id, delivery_id, data, data.id, type (statemachine.ErrUnknownEvent),
//     payment, payment.amount (sub-cent), error, error.code, error.message, a malformed
//     envelope member; url, an endpoint URL validation.ParseWebhookURL refuses.
//   - timestamp_out_of_range (webhook-timestamp): outside the tolerance, reason
//     ErrTooOld or ErrTooNew.
//   - invalid_signature (webhook-signature): no token matches, reason ErrNoMatch, or
//     there is no well-formed v1 token, ErrNoSignature.
//   - value_out_of_range: expire_current_in outside 0 to 86,400; tolerance not
//     positive; webhook-timestamp, an instant before 1970 given to Sign;
//     payment.installment_number outside 1 to 420.
//   - amount_out_of_range (payment.amount): a payment that is not positive.
//   - date_out_of_range (timestamp, payment.paid_at): an instant whose UTC year is not
//     1 to 9999, which RFC 3339 cannot write.
//   - malformed_body (body): a request body that could not be read.
//   - internal_error: a nil or failing source of randomness (apierr.ErrNil for nil), a
//     nil *http.Request.
//
// # Concurrency
//
// The package is pure: no clock (the receiver's now and the attempt's instant are
// arguments), no I/O but the request body VerifyRequest reads, randomness only from
// the io.Reader given, no mutable globals. Secrets, Patterns, Envelopes and Endpoints
// are values that no function modifies; every function is safe for concurrent use.
//
// [Standard Webhooks]: https://github.com/standard-webhooks/standard-webhooks/tree/main/spec
// [HMAC]: https://www.rfc-editor.org/rfc/rfc2104
// [RFC 4648]: https://www.rfc-editor.org/rfc/rfc4648#section-4
// [RFC 3339]: https://www.rfc-editor.org/rfc/rfc3339
package webhook

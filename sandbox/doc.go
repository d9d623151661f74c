// Package sandbox is a local sandbox of the whole API: a Server is an http.Handler
// that serves the API of docs/api.md from memory, with every figure, decision
// and error computed by the library's packages, and delivers signed webhooks to
// the endpoints partners register. It is the library's one application, and the
// proof that the library is enough to build a server: each handler decodes the
// request (package api), calls the library, stores the result and encodes the
// answer, holding no domain rule of its own.
//
// New starts a sandbox from a Config — its clock, its source of randomness (Seeded
// makes a run reproducible), the HTTP client and the workers that deliver webhooks
// — and returns the first partner's credential. A Go test can serve it in-process
// with net/http/httptest; lending serve (package main under cmd/lending) serves it
// on an address. Its routes, statuses, idempotency keys, bounds, controls and
// webhook delivery are described in docs/sandbox.md.
//
// A Server is safe for concurrent use; Close stops its delivery workers.
package sandbox

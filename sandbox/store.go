package sandbox

import (
	"crypto/sha256"
	"net/http"
	"time"

	"github.com/dinie/lending/api"
	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/simulation"
	"github.com/dinie/lending/statemachine"
)

// Bounds of the sandbox's memory, by its data: a store never grows past these, and a
// request that would is refused with rate_limit_exceeded (429).
const (
	maxRecords     = 100_000 // customers, offers, simulations, loans, endpoints, credentials each
	maxIdempotency = 10_000  // remembered Idempotency-Key responses (the oldest are forgotten)
	idempotencyTTL = 24 * time.Hour
	maxUploadBytes = 10 << 20
)

// store is the sandbox's data, in creation order. It is guarded by Server.mu.
type store struct {
	credentials map[string]*credentialRec
	credOrder   []string
	customers   map[string]*customerRec
	custOrder   []string
	offers      map[string]*offerRec
	offerOrder  []string
	sims        map[string]*simulation.Simulation
	simsByOffer map[string][]*simulation.Simulation
	loans       map[string]*loanRec
	loanOrder   []string
	endpoints   map[string]*endpointRec
	epOrder     []string
	ccbSeq      uint64

	idem      map[string]*idemRec
	idemOrder []string
}

func (st *store) init() {
	st.credentials = map[string]*credentialRec{}
	st.customers = map[string]*customerRec{}
	st.offers = map[string]*offerRec{}
	st.sims = map[string]*simulation.Simulation{}
	st.simsByOffer = map[string][]*simulation.Simulation{}
	st.loans = map[string]*loanRec{}
	st.endpoints = map[string]*endpointRec{}
	st.idem = map[string]*idemRec{}
}

type credentialRec struct {
	partner string // the partner the credential acts for: every record is one partner's
	wire    api.Credential
	secret  string
	state   statemachine.Credential
}

type customerRec struct {
	partner    string
	wire       api.Customer
	state      statemachine.Customer
	biometrics string // the active biometrics session's id, "" when none
}

type offerRec struct {
	partner   string
	offer     statemachine.Offer
	createdAt time.Time
}

type idemRec struct {
	bodyHash [32]byte
	route    string
	resp     *recorded
	at       time.Time
}

func full(n int) error {
	if n >= maxRecords {
		return apierr.Errorf(apierr.RateLimitExceeded, "", "the sandbox holds %d records of this kind, its limit", maxRecords)
	}
	return nil
}

// replay answers a POST whose Idempotency-Key was seen: the first response again for
// the same route and body, a 409 idempotency_conflict for another. It reports whether
// it answered.
func (st *store) replay(w http.ResponseWriter, client, key string, r *http.Request, body []byte) bool {
	if len(key) > 255 {
		(&recorded{}).problemTo(w, r, apierr.Wrap(apierr.ErrLength, apierr.InvalidFormat, "Idempotency-Key",
			"Idempotency-Key is %d bytes long; expected at most 255", len(key)))
		return true
	}
	rec, ok := st.idem[client+"\x00"+key]
	if !ok {
		return false
	}
	if rec.route != r.Method+" "+r.URL.Path || rec.bodyHash != sha256.Sum256(body) {
		(&recorded{}).problemTo(w, r, apierr.Errorf(apierr.IdempotencyConflict, "Idempotency-Key",
			"this Idempotency-Key was used with another request; a key is for one request only"))
		return true
	}
	rec.resp.writeTo(w)
	return true
}

func (st *store) remember(client, key string, r *http.Request, body []byte, resp *recorded, now time.Time) {
	k := client + "\x00" + key
	if _, ok := st.idem[k]; ok {
		return
	}
	for len(st.idemOrder) > 0 && (len(st.idemOrder) >= maxIdempotency || now.Sub(st.idem[st.idemOrder[0]].at) > idempotencyTTL) {
		delete(st.idem, st.idemOrder[0])
		st.idemOrder = st.idemOrder[1:]
	}
	st.idem[k] = &idemRec{bodyHash: sha256.Sum256(body), route: r.Method + " " + r.URL.Path, resp: resp, at: now}
	st.idemOrder = append(st.idemOrder, k)
}

func (rec *recorded) problemTo(w http.ResponseWriter, r *http.Request, err error) {
	rec.problem(r, err)
	rec.writeTo(w)
}

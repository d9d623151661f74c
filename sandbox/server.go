package sandbox

import (
	"context"
	"io"
	"math/rand/v2"
	"net/http"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dinie/lending/api"
	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/validation"
)

// Config is what a sandbox needs from its host. The zero Config is a sandbox on the
// real clock with crypto-strength ids.
type Config struct {
	// Now is the clock the sandbox starts from; nil is time.Now. The sandbox's own
	// clock is Now plus the offset POST /sandbox/clock adds (it only moves forward).
	Now func() time.Time
	// Rand is the source of every id, secret, token key and generated document; nil
	// is crypto/rand. A seeded source (Seeded) makes a sandbox reproducible.
	Rand io.Reader
	// Client delivers webhooks; nil is an http.Client with DeliveryTimeout. Its
	// transport is the caller's (a test passes one that reaches its httptest server).
	Client *http.Client
	// Workers and QueueSize bound webhook delivery: that many deliveries in flight,
	// that many waiting; zero means 4 and 1024. A full queue drops the attempt and
	// records it (the API never blocks on a partner's endpoint).
	Workers, QueueSize int
	// Retry is the delivery retry schedule; nil is the webhook package's default.
	Retry func(attempt int) (time.Duration, bool)
}

// Seeded is a reproducible source of randomness for Config.Rand.
func Seeded(seed uint64) io.Reader {
	var key [32]byte
	for i := range 4 {
		s := seed + uint64(i)*0x9e3779b97f4a7c15
		for j := range 8 {
			key[i*8+j] = byte(s >> (8 * j))
		}
	}
	return rand.NewChaCha8(key)
}

// Server is a sandbox: an http.Handler serving the API from memory. It is safe for
// concurrent use; Close stops its delivery workers.
type Server struct {
	cfg   Config
	shift atomic.Int64 // nanoseconds added by POST /sandbox/clock; read without s.mu by Now
	mu    sync.Mutex   // guards everything below and the randomness
	rnd   io.Reader
	start time.Time // Now() when the server was made
	key   []byte    // signs access tokens
	st    store
	mux   *http.ServeMux
	table map[string]map[string]endpoint // path pattern → method → endpoint
	paths []string                       // patterns in registration order

	deliver *deliverer
}

// New returns a sandbox and the credential it was created with, ready to use: its
// client id and its client secret (shown this once).
func New(cfg Config) (*Server, api.Credential, error) {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Rand == nil {
		cfg.Rand = cryptoRand{}
	}
	if cfg.Workers <= 0 {
		cfg.Workers = 4
	}
	if cfg.QueueSize <= 0 {
		cfg.QueueSize = 1024
	}
	s := &Server{cfg: cfg, rnd: cfg.Rand, start: cfg.Now()}
	s.key = make([]byte, api.MinTokenKeyLen)
	if _, err := io.ReadFull(s.rnd, s.key); err != nil {
		return nil, api.Credential{}, apierr.Wrap(err, apierr.Internal, "", "reading randomness: %v", err)
	}
	s.st.init()
	s.routes()
	s.deliver = newDeliverer(s)
	s.mu.Lock()
	cred, err := s.newCredential("sandbox", "", time.Time{})
	s.mu.Unlock()
	if err != nil {
		return nil, api.Credential{}, err
	}
	return s, cred, nil
}

// NewPartner adds another partner to the sandbox and returns its first credential:
// a partner sees only its own customers, offers, loans and endpoints (another's ids
// are not_found), which a test of a multi-tenant server needs.
func (s *Server) NewPartner(name string) (api.Credential, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.newCredential(name, "", time.Time{})
}

// Close stops accepting deliveries, attempts what is queued once more within ctx, and
// stops the workers.
func (s *Server) Close(ctx context.Context) error { return s.deliver.close(ctx) }

// now is the sandbox's clock. Callers hold s.mu.
func (s *Server) now() time.Time { return s.cfg.Now().Add(time.Duration(s.shift.Load())) }

// Now is the sandbox's clock: Config.Now plus how far POST /sandbox/clock has moved
// it. A webhook receiver in the same test verifies deliveries on it. It is safe to
// call from any goroutine, a receiver's handler included.
func (s *Server) Now() time.Time { return s.now() }

// ServeHTTP serves the API under api.BasePath.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !strings.HasPrefix(r.URL.Path, api.BasePath+"/") {
		api.WriteProblem(w, r, notFound("route", r.URL.Path))
		return
	}
	s.mux.ServeHTTP(w, r)
}

// handler is an endpoint: it returns the status and the wire value to answer, or an
// error to answer as a problem document. It runs with s.mu held.
type handler func(c *call) (int, any, error)

// call is one request as a handler sees it.
type call struct {
	s       *Server
	r       *http.Request
	client  string // the authenticated credential's client id
	partner string // the partner it acts for
	body    []byte
}

type endpoint struct {
	auth, upload bool
	h            handler
}

// route registers an endpoint: method and path pattern under the base path
// (net/http's {name} wildcards); auth says whether it needs a bearer token.
func (s *Server) route(method, path string, auth bool, h handler) {
	if s.table[path] == nil {
		s.table[path] = map[string]endpoint{}
		s.paths = append(s.paths, path)
	}
	s.table[path][method] = endpoint{auth: auth, upload: path == uploadPath, h: h}
}

// serve reads the body (bounded), authenticates, applies Idempotency-Key and runs h.
func (s *Server) serve(w http.ResponseWriter, r *http.Request, auth, upload bool, h handler) {
	// The route, not the client's header, decides the bound and the media type: only
	// the document upload takes multipart, up to 10 MiB.
	limit, media := int64(api.MaxBodyBytes), "application/json"
	if upload {
		limit, media = maxUploadBytes, "multipart/form-data"
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, limit+1))
	if err != nil {
		api.WriteProblem(w, r, apierr.Wrap(err, apierr.MalformedBody, "", "reading the body failed"))
		return
	}
	if int64(len(body)) > limit {
		api.WriteProblem(w, r, apierr.Wrap(apierr.ErrLength, apierr.MalformedBody, "",
			"the body is over %d bytes", limit))
		return
	}
	if r.Method == http.MethodPost || r.Method == http.MethodPatch || len(body) > 0 {
		if err := api.CheckContentType(r.Header.Get("Content-Type"), len(body) > 0, media); err != nil {
			api.WriteProblem(w, r, err)
			return
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	c := &call{s: s, r: r, body: body}
	if auth {
		if c.client, err = s.authenticate(r); err != nil {
			api.WriteProblem(w, r, err)
			return
		}
		c.partner = s.st.credentials[c.client].partner
	}
	key := r.Header.Get("Idempotency-Key")
	if r.Method == http.MethodPost && key != "" {
		if done := s.st.replay(w, c.client, key, r, body); done {
			return
		}
	}
	status, v, err := h(c)
	rec := &recorded{}
	if err != nil {
		rec.problem(r, err)
	} else {
		rec.json(r, status, v)
	}
	if r.Method == http.MethodPost && key != "" && rec.status < 500 {
		s.st.remember(c.client, key, r, body, rec, s.now())
	}
	rec.writeTo(w)
}

func (s *Server) routes() {
	s.mux = http.NewServeMux()
	s.table = map[string]map[string]endpoint{}
	s.authRoutes()
	s.customerRoutes()
	s.offerRoutes()
	s.loanRoutes()
	s.webhookRoutes()
	s.controlRoutes()
	for _, p := range s.paths {
		methods := s.table[p]
		s.mux.HandleFunc(api.BasePath+p, func(w http.ResponseWriter, r *http.Request) {
			e, ok := methods[r.Method]
			if !ok {
				allowed := make([]string, 0, len(methods))
				for m := range methods {
					allowed = append(allowed, m)
				}
				slices.Sort(allowed)
				w.Header().Set("Allow", strings.Join(allowed, ", "))
				api.WriteProblem(w, r, apierr.Errorf(apierr.MethodNotAllowed, "method",
					"%s is not allowed on %s; allowed: %s", r.Method, r.URL.Path, strings.Join(allowed, ", ")))
				return
			}
			s.serve(w, r, e.auth, e.upload, e.h)
		})
	}
	s.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		api.WriteProblem(w, r, notFound("route", r.Method+" "+r.URL.Path))
	})
}

// notFound is the 404 of an unknown route or of an id the caller has no resource of.
func notFound(what, id string) error {
	return apierr.Errorf(apierr.NotFound, what, "%s %s does not exist", what, apierr.Quote(id))
}

// newID mints an id of resource r. Callers hold s.mu.
func (s *Server) newID(r validation.Resource) (string, error) { return api.NewID(r, s.rnd) }

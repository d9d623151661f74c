package sandbox

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"sync"
	"time"

	"github.com/dinie/lending/api"
	"github.com/dinie/lending/statemachine"
	"github.com/dinie/lending/webhook"
)

// DeliveryTimeout bounds one delivery attempt: a receiver that has not answered in 5 s
// has failed the attempt.
const DeliveryTimeout = 5 * time.Second

// maxDeliveries bounds the log GET /sandbox/deliveries shows; the oldest finished
// deliveries are forgotten first.
const maxDeliveries = 10_000

// delivery is one event sent to one endpoint, with its attempts.
type delivery struct {
	ID         string      `json:"id"`
	EventID    string      `json:"event_id"`
	Event      string      `json:"event"`
	EndpointID string      `json:"endpoint_id"`
	URL        string      `json:"url"`
	State      string      `json:"state"` // pending, succeeded, failed, dropped
	Attempts   []attempt   `json:"attempts"`
	Headers    http.Header `json:"headers"`

	partner string
	body    []byte
}

type attempt struct {
	At     api.Instant `json:"at"`
	Status int         `json:"status"`
	Error  string      `json:"error,omitempty"`
}

// deliverer sends deliveries from bounded per-endpoint queues with a small pool of
// workers: one attempt at a time per endpoint, so an endpoint receives its events in
// the order they happened (a retry comes after the events that followed it). The API
// never waits for it: enqueue only appends.
type deliverer struct {
	s      *Server
	client *http.Client
	retry  func(int) (time.Duration, bool)

	mu      sync.Mutex
	queues  map[string][]*delivery // endpoint id → waiting deliveries
	busy    map[string]bool
	ready   chan string
	pending int
	timers  map[*delivery]*time.Timer
	log     []*delivery
	closing bool
	abandon bool          // Close's context ended: no more attempts
	idle    chan struct{} // closed when pending reaches 0 while closing
	wg      sync.WaitGroup

	ctx    context.Context // every attempt's parent; cancelled when Close gives up
	cancel context.CancelFunc
}

func newDeliverer(s *Server) *deliverer {
	client := s.cfg.Client
	if client == nil {
		client = &http.Client{Timeout: DeliveryTimeout}
	}
	// Never follow a redirect: a delivery goes to the endpoint's URL only.
	c := *client
	c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	retry := s.cfg.Retry
	if retry == nil {
		retry = webhook.RetryDelay
	}
	d := &deliverer{s: s, client: &c, retry: retry, queues: map[string][]*delivery{},
		busy: map[string]bool{}, ready: make(chan string, s.cfg.QueueSize), timers: map[*delivery]*time.Timer{}}
	d.ctx, d.cancel = context.WithCancel(context.Background())
	for range s.cfg.Workers {
		d.wg.Add(1)
		go d.work()
	}
	return d
}

// emit sends event e, about the snapshot data (a wire value), to the partner's active
// endpoints that receive it. Callers hold s.mu.
func (s *Server) emit(partner string, e statemachine.Event, data any) {
	s.emitWith(partner, e, data, nil)
}

func (s *Server) emitAll(partner string, events []statemachine.Event, data any) {
	for _, e := range events {
		s.emit(partner, e, data)
	}
}

// emitWith is emit with the payment of a loan.payment_received event.
func (s *Server) emitWith(partner string, e statemachine.Event, data any, payment *webhook.Payment) {
	var eps []webhook.Endpoint
	for _, id := range s.st.epOrder {
		if rec := s.st.endpoints[id]; rec.partner == partner {
			eps = append(eps, rec.ep)
		}
	}
	to := webhook.Recipients(eps, e)
	if len(to) == 0 {
		return
	}
	// An event that cannot be built (a snapshot the wire layer refuses, randomness
	// failing) is recorded as a failed delivery to each recipient with the reason, so
	// GET /sandbox/deliveries shows it: never lost silently.
	unsent := func(ep webhook.Endpoint, err error) {
		s.deliver.record(&delivery{Event: e.String(), EndpointID: ep.ID, URL: ep.URL, State: "failed",
			partner: partner, Attempts: []attempt{{At: api.InstantOf(s.now()), Error: "not sent: " + err.Error()}}})
	}
	env, err := api.NewEvent(s.rnd, e, s.now(), data)
	if err != nil {
		for _, ep := range to {
			unsent(ep, err)
		}
		return
	}
	env.Payment = payment
	for i, ep := range to {
		if i > 0 {
			if env.DeliveryID, err = webhook.NewDeliveryID(s.rnd); err != nil {
				unsent(ep, err)
				continue
			}
		}
		body, err := env.MarshalJSON()
		if err != nil {
			unsent(ep, err)
			continue
		}
		s.deliver.enqueue(&delivery{ID: env.DeliveryID, EventID: env.ID, Event: e.String(), EndpointID: ep.ID,
			URL: ep.URL, State: "pending", partner: partner, body: body})
	}
}

// record keeps a delivery that will not be attempted.
func (d *deliverer) record(dl *delivery) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.remember(dl)
}

func (d *deliverer) enqueue(dl *delivery) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.remember(dl)
	if d.closing || d.pending >= cap(d.ready) {
		dl.State = "dropped"
		return
	}
	d.push(dl)
}

// push queues dl for its endpoint and wakes a worker for the endpoint if none holds
// it. ready cannot fill: it holds at most one entry per endpoint with work, and no
// more endpoints have work than deliveries are pending. Callers hold d.mu.
func (d *deliverer) push(dl *delivery) {
	d.pending++
	d.queues[dl.EndpointID] = append(d.queues[dl.EndpointID], dl)
	if !d.busy[dl.EndpointID] {
		d.busy[dl.EndpointID] = true
		d.ready <- dl.EndpointID
	}
}

func (d *deliverer) remember(dl *delivery) {
	for _, x := range d.log {
		if x == dl {
			return
		}
	}
	if len(d.log) >= maxDeliveries {
		for i, x := range d.log {
			if x.State != "pending" {
				d.log = append(d.log[:i:i], d.log[i+1:]...)
				break
			}
		}
	}
	d.log = append(d.log, dl)
}

func (d *deliverer) work() {
	defer d.wg.Done()
	for ep := range d.ready {
		for {
			d.mu.Lock()
			q := d.queues[ep]
			if len(q) == 0 {
				delete(d.queues, ep)
				d.busy[ep] = false
				d.mu.Unlock()
				break
			}
			dl := q[0]
			d.queues[ep] = q[1:]
			final := d.closing
			if d.abandon {
				d.pending--
				dl.State = "failed"
				dl.Attempts = append(dl.Attempts, attempt{Error: "the sandbox shut down"})
				d.mu.Unlock()
				continue
			}
			d.mu.Unlock()
			d.attempt(dl, final)
		}
	}
}

// attempt posts dl once, signed with the endpoint's secrets at the sandbox's instant,
// and schedules the next attempt on failure (none when final).
func (d *deliverer) attempt(dl *delivery, final bool) {
	s := d.s
	s.mu.Lock()
	rec, ok := s.st.endpoints[dl.EndpointID]
	now := s.now()
	var secrets []webhook.Secret
	var err error
	if ok && rec.ep.Status == statemachine.WebhookActive {
		secrets, err = rec.ep.SigningSecrets(now)
	}
	s.mu.Unlock()
	var a attempt
	a.At = api.InstantOf(now)
	var h http.Header
	switch {
	case !ok:
		a.Error = "the endpoint was deleted"
	case rec.ep.Status != statemachine.WebhookActive:
		a.Error = "the endpoint is disabled"
	case err != nil:
		a.Error = err.Error()
	default:
		h, err = webhook.Headers(dl.EventID, now, dl.body, secrets)
		if err != nil {
			a.Error = err.Error()
			break
		}
		a.Status, a.Error = d.post(dl.URL, h, dl.body)
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	d.pending--
	dl.Attempts = append(dl.Attempts, a)
	dl.Headers = h
	switch {
	case a.Error == "" && a.Status >= 200 && a.Status < 300:
		dl.State = "succeeded"
	case !ok || final || d.closing:
		dl.State = "failed"
	default:
		delay, more := d.retry(len(dl.Attempts) + 1)
		if !more {
			dl.State = "failed"
			break
		}
		d.pending++ // still owed an attempt
		d.timers[dl] = time.AfterFunc(delay, func() {
			d.mu.Lock()
			defer d.mu.Unlock()
			if _, live := d.timers[dl]; !live {
				return
			}
			delete(d.timers, dl)
			d.pending--
			d.push(dl)
		})
	}
	if d.closing && d.pending == 0 && d.idle != nil {
		close(d.idle)
		d.idle = nil
	}
}

// post sends one attempt with its own timeout and reads at most 64 KiB of the answer.
func (d *deliverer) post(url string, h http.Header, body []byte) (int, string) {
	ctx, cancel := context.WithTimeout(d.ctx, DeliveryTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return 0, err.Error()
	}
	for k, v := range h {
		req.Header[k] = v
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "lending-sandbox/1")
	resp, err := d.client.Do(req)
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) {
			return 0, "no answer within 5s"
		}
		return 0, err.Error()
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	if resp.StatusCode < 200 || resp.StatusCode >= 300 {
		return resp.StatusCode, "answered " + resp.Status
	}
	return resp.StatusCode, ""
}

// close stops scheduling retries, attempts every waiting delivery (queued or waiting
// for a retry) once more, and stops the workers, or gives up when ctx ends.
func (d *deliverer) close(ctx context.Context) error {
	d.mu.Lock()
	if d.closing {
		d.mu.Unlock()
		return nil
	}
	d.closing = true
	for dl, t := range d.timers {
		// A timer that already fired waits for d.mu and finds itself gone: either
		// way the delivery's last attempt is queued here.
		t.Stop()
		delete(d.timers, dl)
		d.pending--
		d.push(dl)
	}
	var idle chan struct{}
	if d.pending > 0 {
		idle = make(chan struct{})
		d.idle = idle
	}
	d.mu.Unlock()
	var err error
	if idle != nil {
		select {
		case <-idle:
		case <-ctx.Done():
			err = ctx.Err()
			d.mu.Lock()
			d.abandon = true
			d.mu.Unlock()
			d.cancel() // attempts in flight end now
		}
	}
	close(d.ready)
	d.wg.Wait() // the workers only drain what is left, without attempting it
	d.cancel()
	return err
}

// deliveries is what GET /sandbox/deliveries answers for a partner, oldest first.
func (d *deliverer) deliveries(partner string) []delivery {
	d.mu.Lock()
	defer d.mu.Unlock()
	var out []delivery
	for _, dl := range d.log {
		if dl.partner == partner {
			c := *dl
			c.Attempts = append([]attempt(nil), dl.Attempts...)
			c.Headers = dl.Headers.Clone()
			out = append(out, c)
		}
	}
	return out
}

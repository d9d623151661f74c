package sandbox_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/dinie/lending/webhook"
)

// receiver is a partner's webhook endpoint: it verifies every delivery with the
// library (webhook.VerifyRequest, on the sandbox's clock), dedups on webhook-id and
// keeps the events in the order they arrived.
type receiver struct {
	t       testing.TB
	srv     *httptest.Server
	clock   func() time.Time
	mu      sync.Mutex
	secrets []webhook.Secret
	seen    map[string]bool
	events  []string // types, in arrival order, without duplicates
	ids     []string
	data    []json.RawMessage // each event's data, in arrival order
	dups    int
	bad     int
	status  int // what it answers (200 when 0)
}

func newReceiver(t testing.TB, clock func() time.Time) *receiver {
	rc := &receiver{t: t, clock: clock, seen: map[string]bool{}}
	rc.srv = httptest.NewServer(http.HandlerFunc(rc.serve))
	t.Cleanup(rc.srv.Close)
	return rc
}

func (rc *receiver) setSecret(s string) {
	sec, err := webhook.ParseSecret(s)
	if err != nil {
		rc.t.Fatal(err)
	}
	rc.mu.Lock()
	rc.secrets = append([]webhook.Secret{sec}, rc.secrets...)
	rc.mu.Unlock()
}

func (rc *receiver) serve(w http.ResponseWriter, r *http.Request) {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	body, err := webhook.VerifyRequest(r, rc.secrets, rc.clock(), webhook.DefaultTolerance)
	if err != nil {
		rc.bad++
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	if rc.status != 0 {
		w.WriteHeader(rc.status)
		return
	}
	var env struct {
		ID, Type string
		Data     json.RawMessage
	}
	if err := json.Unmarshal(body, &env); err != nil || env.ID != r.Header.Get("webhook-id") {
		rc.bad++
		http.Error(w, "bad envelope", http.StatusBadRequest)
		return
	}
	if rc.seen[env.ID] {
		rc.dups++
	} else {
		rc.seen[env.ID] = true
		rc.events = append(rc.events, env.Type)
		rc.ids = append(rc.ids, env.ID)
		rc.data = append(rc.data, env.Data)
	}
	w.WriteHeader(http.StatusNoContent)
}

// wait returns the events once n have arrived, or fails after a few seconds.
func (rc *receiver) wait(n int) []string {
	rc.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		rc.mu.Lock()
		got := append([]string(nil), rc.events...)
		rc.mu.Unlock()
		if len(got) >= n {
			return got
		}
		time.Sleep(5 * time.Millisecond)
	}
	rc.mu.Lock()
	defer rc.mu.Unlock()
	rc.t.Fatalf("received %d events (%v), want %d; %d refused", len(rc.events), rc.events, n, rc.bad)
	return nil
}

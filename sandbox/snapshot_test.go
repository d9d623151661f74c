package sandbox_test

import (
	"bytes"
	"net/http"
	"testing"

	"github.com/dinie/lending/sandbox"
)

// TestSnapshotIsTheResponse: an event's data is the resource exactly as the API
// answered it, byte for byte (HTML characters unescaped in both, as the API writes them),
// because both are written by the wire layer (api.NewEvent, api.WriteJSON).
func TestSnapshotIsTheResponse(t *testing.T) {
	h := newHarness(t, sandbox.Config{})
	rc := newReceiver(t, h.clock.Now)
	var ep struct{ ID, Secret string }
	h.must(http.StatusCreated, "POST", "/webhook-endpoints", map[string]any{"url": rc.srv.URL, "events": []string{"customer.created"}}, &ep)
	rc.setSecret(ep.Secret)
	r := h.do("POST", "/customers", map[string]string{"cpf": "280.012.389-38", "name": "Ana & Bia <ME>"})
	if r.status != http.StatusCreated {
		t.Fatalf("POST /customers: %d %s", r.status, r.body)
	}
	if got := rc.wait(1); got[0] != "customer.created" {
		t.Fatalf("events %v", got)
	}
	rc.mu.Lock()
	defer rc.mu.Unlock()
	if want := bytes.TrimSpace(r.body); !bytes.Equal(rc.data[0], want) {
		t.Errorf("customer.created data\n%s\nthe API answered\n%s", rc.data[0], want)
	}
	if !bytes.Contains(rc.data[0], []byte("Ana & Bia <ME>")) {
		t.Errorf("the snapshot escapes the name: %s", rc.data[0])
	}
}

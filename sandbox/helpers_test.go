package sandbox_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/dinie/lending/api"
	"github.com/dinie/lending/sandbox"
)

// fakeClock is a settable clock for the sandbox.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

// harness is a sandbox served over real HTTP on loopback, and a client of it.
type harness struct {
	t     testing.TB
	srv   *httptest.Server
	sb    *sandbox.Server
	cred  api.Credential
	token string
	clock *fakeClock
}

func newHarness(t testing.TB, cfg sandbox.Config) *harness {
	t.Helper()
	clock := &fakeClock{t: time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)}
	if cfg.Now == nil {
		cfg.Now = clock.Now
	}
	if cfg.Rand == nil {
		cfg.Rand = sandbox.Seeded(1)
	}
	sb, cred, err := sandbox.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	h := &harness{t: t, sb: sb, cred: cred, clock: clock, srv: httptest.NewServer(sb)}
	t.Cleanup(func() {
		h.srv.Close()
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		_ = sb.Close(ctx)
	})
	h.token = h.login(cred)
	return h
}

// login exchanges a credential for a bearer token.
func (h *harness) login(cred api.Credential) string {
	req, _ := http.NewRequest(http.MethodPost, h.srv.URL+api.BasePath+"/auth/token", nil)
	req.SetBasicAuth(cred.ClientID, cred.ClientSecret)
	resp, err := h.srv.Client().Do(req)
	if err != nil {
		h.t.Fatal(err)
	}
	defer resp.Body.Close()
	var tok api.Token
	if resp.StatusCode != http.StatusOK || json.NewDecoder(resp.Body).Decode(&tok) != nil {
		h.t.Fatalf("POST /auth/token: %s", resp.Status)
	}
	return tok.AccessToken
}

// response is one answer: status and body.
type response struct {
	status int
	header http.Header
	body   []byte
}

func (r response) decode(t testing.TB, v any) {
	t.Helper()
	if err := json.Unmarshal(r.body, v); err != nil {
		t.Fatalf("body %s: %v", r.body, err)
	}
}

// problem is the code and param of a problem answer.
func (r response) problem(t testing.TB) (code, param string) {
	t.Helper()
	var p struct {
		Code, Param string
		Status      int
	}
	r.decode(t, &p)
	if p.Status != r.status || r.header.Get("Content-Type") != api.ProblemContentType {
		t.Fatalf("problem %s with status %d and Content-Type %q", r.body, r.status, r.header.Get("Content-Type"))
	}
	return p.Code, p.Param
}

// do sends method path with body (a value to encode, raw bytes, or nil) and the
// harness's token.
func (h *harness) do(method, path string, body any, headers ...string) response {
	h.t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case []byte:
		rd = bytes.NewReader(b)
	case string:
		rd = bytes.NewReader([]byte(b))
	default:
		raw, err := json.Marshal(b)
		if err != nil {
			h.t.Fatal(err)
		}
		rd = bytes.NewReader(raw)
	}
	req, err := http.NewRequest(method, h.srv.URL+api.BasePath+path, rd)
	if err != nil {
		h.t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+h.token)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	resp, err := h.srv.Client().Do(req)
	if err != nil {
		h.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return response{status: resp.StatusCode, header: resp.Header, body: b}
}

// must sends a request that must answer want, and decodes the body into v.
func (h *harness) must(want int, method, path string, body, v any) {
	h.t.Helper()
	r := h.do(method, path, body)
	if r.status != want {
		h.t.Fatalf("%s %s: %d %s; want %d", method, path, r.status, r.body, want)
	}
	if v != nil {
		r.decode(h.t, v)
	}
}

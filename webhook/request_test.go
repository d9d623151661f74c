package webhook_test

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/webhook"
)

// signedRequest is a POST of body signed with the first vector's secret at ts.
func signedRequest(t *testing.T, body []byte, ts int64) (*http.Request, []webhook.Secret) {
	t.Helper()
	s := []webhook.Secret{mustSecret(t, vectors[0].secret)}
	h, err := webhook.Headers("msg_1", time.Unix(ts, 0), body, s)
	if err != nil {
		t.Fatal(err)
	}
	r := httptest.NewRequest(http.MethodPost, "https://partner.example/hooks", bytes.NewReader(body))
	for k, v := range h {
		r.Header[k] = v
	}
	return r, s
}

func readAll(t *testing.T, r io.Reader) []byte {
	t.Helper()
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestVerifyRequest(t *testing.T) {
	body := []byte(`{"type":"loan.active"}`)
	r, s := signedRequest(t, body, 1767225600)
	got, err := webhook.VerifyRequest(r, s, time.Unix(1767225600, 0), webhook.DefaultTolerance)
	if err != nil || !bytes.Equal(got, body) {
		t.Fatalf("VerifyRequest = %q, %v", got, err)
	}
	// The body reads again, from the start, for the handler.
	if again := readAll(t, r.Body); !bytes.Equal(again, body) {
		t.Errorf("r.Body after VerifyRequest = %q", again)
	}
	// A body changed in transit fails, and stays readable.
	r, s = signedRequest(t, body, 1767225600)
	r.Body = io.NopCloser(strings.NewReader(`{"type":"loan.error"}`))
	_, err = webhook.VerifyRequest(r, s, time.Unix(1767225600, 0), webhook.DefaultTolerance)
	checkErr(t, "changed body", err, apierr.InvalidSignature, "webhook-signature", webhook.ErrNoMatch)
	if again := readAll(t, r.Body); string(again) != `{"type":"loan.error"}` {
		t.Errorf("r.Body after a failure = %q", again)
	}
	// Headers that fail leave the body unread.
	r, s = signedRequest(t, body, 1767225600)
	orig := r.Body
	_, err = webhook.VerifyRequest(r, s, time.Unix(1767225600+301, 0), webhook.DefaultTolerance)
	checkErr(t, "too old", err, apierr.TimestampOutOfRange, "webhook-timestamp", webhook.ErrTooOld)
	if r.Body != orig {
		t.Error("VerifyRequest replaced the body although the headers failed")
	}
	// No body at all is an empty body.
	r, s = signedRequest(t, nil, 1767225600)
	r.Body = nil
	if got, err := webhook.VerifyRequest(r, s, time.Unix(1767225600, 0), webhook.DefaultTolerance); err != nil || len(got) != 0 {
		t.Errorf("VerifyRequest(nil body) = %q, %v", got, err)
	}
	_, err = webhook.VerifyRequest(nil, s, time.Unix(1767225600, 0), webhook.DefaultTolerance)
	checkErr(t, "nil request", err, apierr.Internal, "", apierr.ErrNil)
}

func TestVerifyRequestBodyBound(t *testing.T) {
	big := bytes.Repeat([]byte("a"), webhook.MaxBodyLen+10)
	r, s := signedRequest(t, big[:webhook.MaxBodyLen], 1767225600)
	// At the bound: accepted.
	if got, err := webhook.VerifyRequest(r, s, time.Unix(1767225600, 0), webhook.DefaultTolerance); err != nil || len(got) != webhook.MaxBodyLen {
		t.Fatalf("VerifyRequest(MaxBodyLen) = %d bytes, %v", len(got), err)
	}
	// Beyond: refused after reading at most MaxBodyLen+1 bytes, and the whole body still
	// reads from the start.
	r, s = signedRequest(t, big[:webhook.MaxBodyLen], 1767225600)
	counter := &countingReader{r: bytes.NewReader(big)}
	r.Body = io.NopCloser(counter)
	_, err := webhook.VerifyRequest(r, s, time.Unix(1767225600, 0), webhook.DefaultTolerance)
	checkErr(t, "body over MaxBodyLen", err, apierr.InvalidFormat, "body", apierr.ErrLength)
	if counter.n > webhook.MaxBodyLen+1 {
		t.Errorf("VerifyRequest read %d bytes of an over-long body", counter.n)
	}
	if again := readAll(t, r.Body); !bytes.Equal(again, big) {
		t.Errorf("r.Body after an over-long body = %d bytes, want %d", len(again), len(big))
	}
}

type countingReader struct {
	r io.Reader
	n int
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += n
	return n, err
}

func TestVerifyRequestReadError(t *testing.T) {
	r, s := signedRequest(t, []byte("abc"), 1767225600)
	closed := false
	r.Body = closeRecorder{io.MultiReader(strings.NewReader("ab"), iotest.ErrReader(errors.New("connection reset"))), &closed}
	_, err := webhook.VerifyRequest(r, s, time.Unix(1767225600, 0), webhook.DefaultTolerance)
	checkErr(t, "read error", err, apierr.MalformedBody, "body", nil)
	if !strings.Contains(err.Error(), "connection reset") {
		t.Errorf("the read error is lost: %v", err)
	}
	// What was read reads again; closing reaches the original body.
	b := make([]byte, 2)
	if n, _ := io.ReadFull(r.Body, b); n != 2 || string(b) != "ab" {
		t.Errorf("r.Body after a read error starts with %q", b[:n])
	}
	r.Body.Close()
	if !closed {
		t.Error("closing r.Body does not close the original body")
	}
}

type closeRecorder struct {
	io.Reader
	closed *bool
}

func (c closeRecorder) Close() error { *c.closed = true; return nil }

// TestHandlerOverHTTP runs a partner's handler on a real loopback server and posts a
// signed delivery to it, as a sender does.
func TestHandlerOverHTTP(t *testing.T) {
	s := []webhook.Secret{mustSecret(t, vectors[1].secret)}
	now := time.Unix(1767225600, 0)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := webhook.VerifyRequest(r, s, now, webhook.DefaultTolerance)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		w.Write(body)
	}))
	defer srv.Close()
	client := &http.Client{Timeout: 5 * time.Second}
	body := []byte(vectors[1].body)
	for _, c := range []struct {
		at     time.Time
		status int
	}{{now, 200}, {now.Add(-301 * time.Second), 400}} {
		h, _ := webhook.Headers("msg_2", c.at, body, s)
		req, _ := http.NewRequest(http.MethodPost, srv.URL, bytes.NewReader(body))
		for k, v := range h {
			req.Header[k] = v
		}
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		got, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != c.status || (c.status == 200 && !bytes.Equal(got, body)) {
			t.Errorf("attempt at %s: %d %q", strconv.FormatInt(c.at.Unix(), 10), resp.StatusCode, got)
		}
	}
}

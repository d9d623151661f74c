package main

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/dinie/lending/webhook"
)

// serveInfo is the line lending serve prints.
type serveInfo struct {
	BaseURL      string `json:"base_url"`
	ClientID     string `json:"client_id"`
	ClientSecret string `json:"client_secret"`
}

// readInfo reads serve's first output line.
func readInfo(t *testing.T, r io.Reader) serveInfo {
	t.Helper()
	line, err := bufio.NewReader(r).ReadString('\n')
	var info serveInfo
	if err != nil || json.Unmarshal([]byte(line), &info) != nil || !strings.HasPrefix(info.BaseURL, "http://127.0.0.1:") {
		t.Fatalf("serve printed %q (%v)", line, err)
	}
	return info
}

func token(t *testing.T, info serveInfo) string {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, info.BaseURL+"/auth/token", nil)
	req.SetBasicAuth(info.ClientID, info.ClientSecret)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var tok struct {
		AccessToken string `json:"access_token"`
	}
	if resp.StatusCode != 200 || json.NewDecoder(resp.Body).Decode(&tok) != nil {
		t.Fatalf("token: %s", resp.Status)
	}
	return tok.AccessToken
}

// TestServeGraceful: a request in flight when the shutdown begins still completes,
// and serve exits 0.
func TestServeGraceful(t *testing.T) {
	pr, pw := io.Pipe()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	go func() {
		done <- serve(ctx, []string{"--addr", "127.0.0.1:0", "--seed", "3", "--now", "2026-03-10T12:00:00Z"},
			streams{in: strings.NewReader(""), out: pw, err: io.Discard})
	}()
	info := readInfo(t, pr)
	go io.Copy(io.Discard, pr)
	tok := token(t, info)
	bodyR, bodyW := io.Pipe()
	req, _ := http.NewRequest(http.MethodPost, info.BaseURL+"/customers", bodyR)
	req.Header.Set("Authorization", "Bearer "+tok)
	req.Header.Set("Content-Type", "application/json")
	answered := make(chan *http.Response, 1)
	go func() {
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Error(err)
			answered <- nil
			return
		}
		answered <- resp
	}()
	bodyW.Write([]byte(`{"cpf":"280.012.`)) // the request is in flight
	time.Sleep(100 * time.Millisecond)
	cancel() // SIGINT, as far as serve knows
	time.Sleep(100 * time.Millisecond)
	bodyW.Write([]byte(`389-38"}`))
	bodyW.Close()
	resp := <-answered
	if resp == nil || resp.StatusCode != http.StatusCreated {
		t.Fatalf("the in-flight request: %v", resp)
	}
	resp.Body.Close()
	select {
	case code := <-done:
		if code != exitOK {
			t.Errorf("serve exited %d", code)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not return after the shutdown")
	}
}

// TestServeBinary: the whole story against the built binary — register, KYC, the
// default offer, a simulation, a loan advanced to active, its transactions, a
// payment, the payoff, finished — with every webhook verified by a receiver on
// loopback (webhook.VerifyRequest on the sandbox's clock: --now plus the time
// elapsed), and exit 0 on SIGTERM.
func TestServeBinary(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "lending")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	start := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	cmd := exec.Command(bin, "serve", "--addr", "127.0.0.1:0", "--seed", "9", "--now", start.Format(time.RFC3339))
	stdout, _ := cmd.StdoutPipe()
	cmd.Stderr = os.Stderr
	began := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	info := readInfo(t, stdout)
	tok := token(t, info)
	call := func(method, path, body string, want int) map[string]any {
		t.Helper()
		var rd io.Reader
		if body != "" {
			rd = strings.NewReader(body)
		}
		req, _ := http.NewRequest(method, info.BaseURL+path, rd)
		req.Header.Set("Authorization", "Bearer "+tok)
		if body != "" {
			req.Header.Set("Content-Type", "application/json")
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var m map[string]any
		b, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != want || json.Unmarshal(b, &m) != nil {
			t.Fatalf("%s %s: %d %s", method, path, resp.StatusCode, b)
		}
		return m
	}
	var mu sync.Mutex
	var events []string
	var secrets []webhook.Secret
	rcv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		body, err := webhook.VerifyRequest(r, secrets, start.Add(time.Since(began)), webhook.DefaultTolerance)
		if err != nil {
			t.Errorf("delivery refused: %v", err)
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		var env struct{ Type string }
		_ = json.Unmarshal(body, &env)
		events = append(events, env.Type)
	}))
	defer rcv.Close()
	ep := call("POST", "/webhook-endpoints", `{"url":"`+rcv.URL+`","events":["loan.*"]}`, 201)
	sec, err := webhook.ParseSecret(ep["secret"].(string))
	if err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	secrets = []webhook.Secret{sec}
	mu.Unlock()

	cust := call("POST", "/customers", `{"cpf":"280.012.389-38"}`, 201)
	call("POST", "/sandbox/customers/"+cust["id"].(string)+"/kyc", `{"all":"approved"}`, 200)
	offers := call("GET", "/customers/"+cust["id"].(string)+"/credit-offers", "", 200)["data"].([]any)
	if len(offers) != 1 {
		t.Fatalf("offers: %v", offers)
	}
	offer := offers[0].(map[string]any)["id"].(string)
	sim := call("POST", "/credit-offers/"+offer+"/simulations", `{"requested_amount":"3000.00","installment_count":3}`, 201)
	echo, _ := json.Marshal(map[string]any{"credit_offer_id": offer, "simulation_id": sim["id"],
		"installments": sim["number_of_installments"], "installments_value": sim["installments_value"],
		"first_due_date": sim["first_due_date"]})
	loan := call("POST", "/loans", string(echo), 201)["id"].(string)
	if st := call("POST", "/sandbox/loans/"+loan+"/advance", `{"to":"active"}`, 200)["status"]; st != "active" {
		t.Fatalf("advanced to %v", st)
	}
	txs := call("GET", "/loans/"+loan+"/transactions", "", 200)["data"].([]any)
	if len(txs) != 3 || txs[0].(map[string]any)["amount_due"] != sim["installments_value"] {
		t.Fatalf("transactions: %v", txs)
	}
	paid := call("POST", "/sandbox/loans/"+loan+"/payments", `{"installment_number":1,"amount":"`+sim["installments_value"].(string)+`"}`, 200)
	if paid["loan"].(map[string]any)["status"] != "active" {
		t.Fatalf("payment: %v", paid)
	}
	if st := call("POST", "/sandbox/loans/"+loan+"/payoff", "", 200)["loan"].(map[string]any)["status"]; st != "finished" {
		t.Fatalf("after the payoff: %v", st)
	}
	want := []string{"loan.created", "loan.contract_generated", "loan.awaiting_signatures", "loan.signed",
		"loan.disbursing", "loan.active", "loan.payment_received", "loan.payment_received", "loan.payment_received",
		"loan.finished"}
	deadline := time.Now().Add(10 * time.Second)
	for {
		mu.Lock()
		n := len(events)
		mu.Unlock()
		if n >= len(want) || time.Now().After(deadline) {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	mu.Lock()
	got := strings.Join(events, " ")
	mu.Unlock()
	if got != strings.Join(want, " ") {
		t.Errorf("received %s\nwant     %s", got, strings.Join(want, " "))
	}
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Wait(); err != nil {
		t.Errorf("serve after SIGTERM: %v", err)
	}
}

// TestServeNowRefused: --now is read as the API reads instants (api.ParseInstant),
// so a one-digit hour, which time.Parse takes, is a usage error naming the flag.
func TestServeNowRefused(t *testing.T) {
	var errOut strings.Builder
	// Cancelled already: were the instant accepted, serve would stop at once and
	// answer 0 rather than serve until the test's deadline.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	code := serve(ctx, []string{"--addr", "127.0.0.1:0", "--now", "2026-03-10T9:00:00Z"},
		streams{in: strings.NewReader(""), out: io.Discard, err: &errOut})
	if code != exitUsage || !strings.Contains(errOut.String(), `--now: instant "2026-03-10T9:00:00Z" is not RFC 3339`) {
		t.Errorf("serve --now 2026-03-10T9:00:00Z = %d, %q; want exit %d naming --now", code, errOut.String(), exitUsage)
	}
}

package main

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
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

// TestServeBinary: the built binary serves the story's first steps and stops on
// SIGTERM with exit 0.
func TestServeBinary(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "lending")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	cmd := exec.Command(bin, "serve", "--addr", "127.0.0.1:0", "--seed", "9", "--now", "2026-03-10T12:00:00Z")
	stdout, _ := cmd.StdoutPipe()
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	info := readInfo(t, stdout)
	tok := token(t, info)
	post := func(path, body string, want int) map[string]any {
		req, _ := http.NewRequest(http.MethodPost, info.BaseURL+path, strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+tok)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var m map[string]any
		b, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != want || json.Unmarshal(b, &m) != nil {
			t.Fatalf("POST %s: %d %s", path, resp.StatusCode, b)
		}
		return m
	}
	cust := post("/customers", `{"cpf":"280.012.389-38"}`, 201)
	post("/sandbox/customers/"+cust["id"].(string)+"/kyc", `{"all":"approved"}`, 200)
	req, _ := http.NewRequest(http.MethodGet, info.BaseURL+"/customers/"+cust["id"].(string)+"/credit-offers", nil)
	req.Header.Set("Authorization", "Bearer "+tok)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var offers struct{ Data []struct{ ID string } }
	json.NewDecoder(resp.Body).Decode(&offers)
	resp.Body.Close()
	if len(offers.Data) != 1 {
		t.Fatalf("offers: %+v", offers)
	}
	sim := post("/credit-offers/"+offers.Data[0].ID+"/simulations", `{"requested_amount":"10000.00","installment_count":12}`, 201)
	if sim["installments_value"] == nil {
		t.Fatalf("simulation: %v", sim)
	}
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Wait(); err != nil {
		t.Errorf("serve after SIGTERM: %v", err)
	}
}

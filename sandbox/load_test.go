package sandbox_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"runtime"
	"sort"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/dinie/lending/sandbox"
	"github.com/dinie/lending/validation"
)

// TestLoad: many concurrent clients on loopback register, approve, simulate, book,
// activate, read the transactions and pay — first with no webhook endpoint (the
// baseline), then on a sandbox whose partner's endpoints hang (never answer) or answer
// 500: the API's latency does not depend on them. Each run is bounded in count
// (clients × rounds) and in time (the test fails past its deadline rather than
// running on). It reports requests/s, p50/p99 latency and the peak heap of each.
func TestLoad(t *testing.T) {
	base := loadRun(t, false)
	bad := loadRun(t, true)
	// A hanging endpoint holds a worker for up to 5 s per attempt; were the API to
	// wait for it, requests would take seconds. Against the baseline, allowing for a
	// loaded 2-core machine: p99 within 4× the baseline's plus 50 ms.
	if bad.p99 > 4*base.p99+50*time.Millisecond || bad.p99 >= 2*time.Second {
		t.Errorf("p99 %v with failing receivers against %v without: the API waited on them", bad.p99, base.p99)
	}
	if bad.stuck == 0 {
		t.Errorf("no delivery was still pending when the run ended: the receivers did not hold the workers")
	}
}

type loadStats struct {
	p50, p99 time.Duration
	stuck    int // deliveries still pending when the run ended
}

func loadRun(t *testing.T, badReceivers bool) loadStats {
	h := newHarness(t, sandbox.Config{Retry: func(a int) (time.Duration, bool) { return time.Millisecond, a <= 3 }})
	if badReceivers {
		// Receivers are closed after the sandbox (cleanups run last-registered first), and
		// the hanging one is released when the test ends.
		release := make(chan struct{})
		hang := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			select { // never answers: the sandbox's 5 s timeout ends each attempt
			case <-r.Context().Done():
			case <-release:
			}
		}))
		fail := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(http.StatusInternalServerError)
		}))
		t.Cleanup(hang.Close)
		t.Cleanup(fail.Close)
		t.Cleanup(func() { close(release) })
		for _, u := range []string{hang.URL, fail.URL} {
			h.must(201, "POST", "/webhook-endpoints", map[string]any{"url": u}, nil)
		}
	}
	const clients, rounds = 8, 12
	var (
		mu        sync.Mutex
		latencies []time.Duration
		requests  atomic.Int64
		peak      atomic.Uint64
	)
	stop := make(chan struct{})
	go func() { // sample the heap
		var ms runtime.MemStats
		for {
			select {
			case <-stop:
				return
			case <-time.After(10 * time.Millisecond):
				runtime.ReadMemStats(&ms)
				if ms.HeapInuse > peak.Load() {
					peak.Store(ms.HeapInuse)
				}
			}
		}
	}()
	timed := func(method, path string, body any, want int, v any) {
		start := time.Now()
		h.must(want, method, path, body, v)
		d := time.Since(start)
		requests.Add(1)
		mu.Lock()
		latencies = append(latencies, d)
		mu.Unlock()
	}
	deadline := time.AfterFunc(60*time.Second, func() { panic("TestLoad ran past its 60 s deadline") })
	defer deadline.Stop()
	start := time.Now()
	var wg sync.WaitGroup
	for c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := range rounds {
				var cust struct{ ID string }
				timed("POST", "/customers", map[string]string{"cpf": cpfOf(c, r)}, 201, &cust)
				timed("POST", "/sandbox/customers/"+cust.ID+"/kyc", map[string]string{"all": "approved"}, 200, nil)
				var offers struct{ Data []struct{ ID string } }
				timed("GET", "/customers/"+cust.ID+"/credit-offers", nil, 200, &offers)
				var sim map[string]any
				var loan struct{ ID string }
				for _, n := range []int{6, 12, 24} {
					timed("POST", "/credit-offers/"+offers.Data[0].ID+"/simulations",
						map[string]any{"requested_amount": "10000.00", "installment_count": n}, 201, &sim)
				}
				timed("POST", "/loans", map[string]any{"credit_offer_id": offers.Data[0].ID, "simulation_id": sim["id"],
					"installments": sim["number_of_installments"], "installments_value": sim["installments_value"],
					"first_due_date": sim["first_due_date"]}, 201, &loan)
				timed("POST", "/sandbox/loans/"+loan.ID+"/advance", map[string]string{"to": "active"}, 200, nil)
				timed("GET", "/loans/"+loan.ID+"/transactions", nil, 200, nil)
				timed("POST", "/sandbox/loans/"+loan.ID+"/payments", map[string]any{"installment_number": 1,
					"amount": sim["installments_value"]}, 200, nil)
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	close(stop)
	sort.Slice(latencies, func(i, j int) bool { return latencies[i] < latencies[j] })
	p := func(q float64) time.Duration { return latencies[int(q*float64(len(latencies)-1))] }
	st := loadStats{p50: p(0.5), p99: p(0.99)}
	var ds struct{ Data []struct{ State string } }
	h.must(200, "GET", "/sandbox/deliveries", nil, &ds)
	for _, d := range ds.Data {
		if d.State == "pending" {
			st.stuck++
		}
	}
	t.Logf("receivers failing %v: %d requests by %d clients in %v: %.0f requests/s, p50 %v, p99 %v, peak heap %.1f MiB; %d deliveries attempted, %d pending",
		badReceivers, requests.Load(), clients, elapsed.Round(time.Millisecond), float64(requests.Load())/elapsed.Seconds(),
		st.p50, st.p99, float64(peak.Load())/(1<<20), len(ds.Data), st.stuck)
	return st
}

// cpfOf is a distinct valid CPF per client and round: base digits from the pair,
// check digits computed.
func cpfOf(c, r int) string {
	base := fmt.Sprintf("%03d%03d%03d", 100+c, 200+r, 300+c*7+r)
	d, _ := validation.CPFCheckDigits(base)
	return base + d
}

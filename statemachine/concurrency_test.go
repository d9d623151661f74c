package statemachine

import (
	"sync"
	"testing"
)

// TestConcurrentUse shares the lifecycles and a customer between goroutines; run
// under -race it checks the package's claim that everything is safe for concurrent use
// (the tables are read-only and methods never write to their receivers).
func TestConcurrentUse(t *testing.T) {
	c, _, _ := NewCustomer(reqs())
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				if _, err := LoanLifecycle().Transition(LoanSigned, LoanDisbursing); err != nil {
					t.Error(err)
					return
				}
				_ = CustomerLifecycle().Mermaid()
				if _, _, err := ReceivePayment(LoanActive, i%2 == 0); err != nil {
					t.Error(err)
					return
				}
				if _, _, err := c.UpdateRequirement("ccmei", KYCSubmitted); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	if c.KYC[0].Status != KYCPending {
		t.Error("a shared value was modified")
	}
}

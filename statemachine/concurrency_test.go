package statemachine

import (
	"sync"
	"testing"
	"time"
)

// TestConcurrentUse shares the lifecycles, a loan and a customer between goroutines; run
// under -race it checks the package's claim that everything is safe for concurrent use
// (the tables are read-only and methods never write to their receivers).
func TestConcurrentUse(t *testing.T) {
	loan := loanOf(t, [][3]int64{{10000, 100, 10}, {10000, 100, 10}})
	c, _, _ := NewCustomer(reqs())
	at := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
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
				if _, _, err := loan.Pay(1+i%2, dec("1.00"), at); err != nil {
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
	if loan.Installments[0].AmountPaid().Sign() != 0 || c.KYC[0].Status != KYCPending {
		t.Error("a shared value was modified")
	}
}

package servicing_test

import (
	"sync"
	"testing"

	"github.com/dinie/lending/servicing"
	"github.com/dinie/lending/statemachine"
)

// TestConcurrentUse shares one loan between goroutines that pay, query and quote it;
// under -race it checks that no method writes to the loan it is called on.
func TestConcurrentUse(t *testing.T) {
	sim := exampleSimulation()
	loan := book(t, sim, servicing.DefaultTerms())
	loan, _ = pay(t, loan, 1, 50000, day(t, "2026-04-20"))
	before, _ := loan.Transactions(day(t, "2026-06-01"))
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 50 {
				if _, _, err := loan.Pay(statemachine.LoanActive, 1+(g+i)%12, cents(100), day(t, "2026-05-01")); err != nil {
					t.Error(err)
					return
				}
				if _, err := loan.Transactions(day(t, "2026-06-01")); err != nil {
					t.Error(err)
				}
				if _, err := loan.Payoff(day(t, "2026-06-01")); err != nil {
					t.Error(err)
				}
				_ = loan.Payments()
			}
		}()
	}
	wg.Wait()
	after, _ := loan.Transactions(day(t, "2026-06-01"))
	for k := range before {
		if before[k].AmountPaid != after[k].AmountPaid || before[k].Late != after[k].Late || len(loan.Payments()) != 1 {
			t.Fatal("a shared loan was modified")
		}
	}
}

package iof_test

import (
	"sync"
	"testing"

	"github.com/dinie/lending/calendar"
	"github.com/dinie/lending/iof"
	"github.com/dinie/lending/schedule"
)

// TestConcurrentFinanced: one plan shared by goroutines, whose financed searches
// fill the plan's memo of exact sums concurrently (run under -race), gives every
// goroutine the principal a fresh plan of its own gives (the second computation).
func TestConcurrentFinanced(t *testing.T) {
	rate, _ := schedule.ParsePercentPerMonth("3")
	release, _ := calendar.ParseDate("2026-01-30")
	terms := schedule.Terms{Rate: rate, Release: release, Installments: 300, DayCount: schedule.DailyProRata}
	amounts := []int64{10_000_000, 2_999_999_00, 50_000_000_00, 90_000_000_000}
	counts := []int{120, 200, 250, 300}
	want := map[[2]int64]int64{}
	for _, a := range amounts {
		for _, n := range counts {
			fresh, err := schedule.NewPlan(terms)
			if err != nil {
				t.Fatal(err)
			}
			f, err := iof.FinancedCents(fresh, n, iof.MEI, a, 0)
			if err == nil {
				want[[2]int64{a, int64(n)}] = f.PrincipalCents()
			}
		}
	}
	shared, _ := schedule.NewPlan(terms)
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range len(amounts) * len(counts) {
				j := (i + g) % (len(amounts) * len(counts))
				a, n := amounts[j/len(counts)], counts[j%len(counts)]
				f, err := iof.FinancedCents(shared, n, iof.MEI, a, 0)
				w, ok := want[[2]int64{a, int64(n)}]
				if (err == nil) != ok || (ok && f.PrincipalCents() != w) {
					t.Errorf("goroutine %d: FinancedCents(%d, %d) = %d, %v; alone %d, %v", g, a, n, f.PrincipalCents(), err, w, ok)
				}
			}
		})
	}
	wg.Wait()
}

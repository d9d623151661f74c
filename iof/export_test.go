package iof

import "github.com/dinie/lending/schedule"

// SearchFinancedCents is FinancedCents without the O(1) refusal above MaxGrowth:
// the search itself, whose proofs the tests hold on ill-conditioned terms too.
func SearchFinancedCents(plan *schedule.Plan, n int, c Class, requested, fees int64) (Financing, error) {
	f, _, err := financed(plan, n, c, requested, fees, maxBuilds)
	return f, err
}

package schedule

// Bridges for the external tests: the exact path and the float path on their
// own, so each can be held to the reference directly. Compiled only in tests.

// InterestExact is the exact (big number) interest of balance b over dt/30 months.
func (p *Plan) InterestExact(b int64, dt int) int64 { return p.interestExact(b, int32(dt)) }

// PMTExact is the exact (big number) installment of pc cents over n.
func (p *Plan) PMTExact(pc int64, n int) int64 { return p.pmtExact(pc, n) }

// PMTFloat is the float installment and whether the error bound let it decide.
func (p *Plan) PMTFloat(pc int64, n int) (int64, bool) {
	x := float64(pc) / p.rows[n-1].sum
	return roundFloat(x, x*p.sumErr(n))
}

// RootL is L = 30/E, the rate's structure (see exact.go).
func (p *Plan) RootL() int { return int(p.rootL) }

// Log1p30 is the plan's log1p(i)/30 (lUnit, for a monthly rate on a
// month-based day count).
func (p *Plan) Log1p30() float64 { return p.lUnit }

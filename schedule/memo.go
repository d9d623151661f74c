package schedule

import (
	"math/big"
	"sync"
)

// exactMemo keeps the exact path's sums and roots of one plan once computed: a
// search over principals at one count (iof.Financed's, the solves') decides many
// installments near a half cent, and each used to rebuild S_n, an O(n)
// product of big numbers, and the root ρ by Newton's method. The values depend
// only on the plan, so they are computed once per count and precision and shared,
// read-only, by every caller; the mutex keeps a *Plan safe for concurrent use.
// The memory is bounded by the plan: at most MaxInstallments sums per precision
// tried (256 bits, rarely more), each O(n) words.
type exactMemo struct {
	mu   sync.Mutex
	root map[uint]*big.Float
	flt  map[memoKey]*big.Float
	rat  map[int][2]*big.Int
}

type memoKey struct {
	n    int
	prec uint
}

// rootMemo is rootFloat(prec), computed once.
func (p *Plan) rootMemo(prec uint) *big.Float {
	m := &p.memo
	m.mu.Lock()
	r, ok := m.root[prec]
	m.mu.Unlock()
	if ok {
		return r
	}
	r = p.rootFloat(prec)
	m.mu.Lock()
	if m.root == nil {
		m.root = make(map[uint]*big.Float)
	}
	m.root[prec] = r
	m.mu.Unlock()
	return r
}

// sumFloatMemo is sumFloat(n, prec), computed once; the result must not be
// modified.
func (p *Plan) sumFloatMemo(n int, prec uint) *big.Float {
	m := &p.memo
	k := memoKey{n, prec}
	m.mu.Lock()
	s, ok := m.flt[k]
	m.mu.Unlock()
	if ok {
		return s
	}
	s = p.sumFloat(n, prec)
	m.mu.Lock()
	if m.flt == nil {
		m.flt = make(map[memoKey]*big.Float)
	}
	m.flt[k] = s
	m.mu.Unlock()
	return s
}

// sumRatMemo is sumRat(n), computed once; the results must not be modified.
func (p *Plan) sumRatMemo(n int) (num, den *big.Int) {
	m := &p.memo
	m.mu.Lock()
	v, ok := m.rat[n]
	m.mu.Unlock()
	if ok {
		return v[0], v[1]
	}
	num, den = p.sumRat(n)
	m.mu.Lock()
	if m.rat == nil {
		m.rat = make(map[int][2]*big.Int)
	}
	m.rat[n] = [2]*big.Int{num, den}
	m.mu.Unlock()
	return num, den
}

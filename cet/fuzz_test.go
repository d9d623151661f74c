package cet

import (
	"encoding/binary"
	"errors"
	"math"
	"testing"

	"github.com/dinie/lending/apierr"
	"github.com/shopspring/decimal"
)

var sentinels = []error{
	ErrNet, ErrNegative, ErrNotCents, ErrTooLarge, ErrNoPayments, ErrTooManyFlows, ErrZeroPayments,
	ErrInfinite, ErrBeforeRelease, ErrTimeRange, ErrBasis, ErrOutOfRange, ErrNoConvergence,
}

// encodeFlows is the fuzz encoding of flows: 16 bytes each, Time then Cents as
// little-endian int64.
func encodeFlows(fl []Flow) []byte {
	var b []byte
	for _, f := range fl {
		b = binary.LittleEndian.AppendUint64(b, uint64(int64(f.Time)))
		b = binary.LittleEndian.AppendUint64(b, uint64(f.Cents))
	}
	return b
}

// FuzzSolve: on any input Solve returns without panicking, and either a root that
// meets the accuracy bound (recomputed independently) or an *Error with a known
// reason, a param and a detail. ErrNoConvergence must never occur. With wrap set
// the raw numbers are folded into the domain (times to 0–36,500, amounts to
// 0–10^12 cents, net to 1–10^13), so most runs exercise the solver rather than
// the input checks.
func FuzzSolve(f *testing.F) {
	f.Add(int64(94000), uint8(Periodic), false, encodeFlows(bcbFlows(1, 2, 3, 4, 5)))
	f.Add(int64(94000), uint8(Actual365), false, encodeFlows(bcbFlows(bcbDays...)))
	f.Add(int64(1), uint8(Actual365), false, encodeFlows([]Flow{{1, MaxCents}}))
	f.Add(MaxCents, uint8(Actual365), false, encodeFlows([]Flow{{36500, 1}, {1, 1}}))
	f.Add(int64(100), uint8(Actual365), false, encodeFlows([]Flow{{0, 60}, {30, 50}}))
	f.Add(int64(-1), uint8(9), false, encodeFlows([]Flow{{-1, -1}}))
	f.Add(int64(123456789), uint8(1), true, encodeFlows([]Flow{{-5, -7}, {1 << 40, 1 << 50}}))
	f.Fuzz(func(t *testing.T, net int64, basis uint8, wrap bool, data []byte) {
		var fl []Flow
		for len(data) >= 16 && len(fl) < 64 {
			fl = append(fl, Flow{
				Time:  int(int64(binary.LittleEndian.Uint64(data))),
				Cents: int64(binary.LittleEndian.Uint64(data[8:])),
			})
			data = data[16:]
		}
		if wrap {
			net = int64(uint64(net)%1e13) + 1
			basis %= 2
			for i := range fl {
				fl[i].Time = int(uint64(fl[i].Time) % (MaxYears*365 + 1))
				fl[i].Cents = int64(uint64(fl[i].Cents) % (1e12 + 1))
			}
		}
		r, err := Solve(net, fl, Basis(basis))
		if err != nil {
			var e *apierr.Error
			if !errors.As(err, &e) || e.Param == "" || e.Detail == "" {
				t.Fatalf("err = %#v, want an *apierr.Error with Param and Detail", err)
			}
			for _, s := range sentinels {
				if errors.Is(err, s) {
					if s == ErrNoConvergence {
						t.Fatalf("no convergence: %v", err)
					}
					return
				}
			}
			t.Fatalf("err = %v has no known reason", err)
		}
		if v := npvExp(r.Log(), net, fl, perYear(Basis(basis))); !(math.Abs(v) <= 1e-9*float64(net)) {
			t.Fatalf("|NPV(%g)| = %g > 1e-9·%d", r.Log(), math.Abs(v), net)
		}
		if a := r.Annual(); !(a >= -1 && a <= MaxAnnual) || math.IsInf(r.Percent(), 0) || math.IsNaN(r.MonthlyPercent()) {
			t.Fatalf("Annual %g, Percent %g, MonthlyPercent %g", a, r.Percent(), r.MonthlyPercent())
		}
	})
}

// FuzzToCents: the decimal → cents conversion of SolveDates equals exact rational
// arithmetic, and exponents far outside the money range are settled by the sign
// alone (cheaply, without expanding 10^exp).
func FuzzToCents(f *testing.F) {
	f.Add(int64(94000), int32(-2))
	f.Add(int64(1), int32(-3))
	f.Add(int64(-5), int32(0))
	f.Add(int64(1000), int32(-5))
	f.Add(int64(1), int32(math.MaxInt32))
	f.Add(int64(10), int32(math.MinInt32))
	f.Fuzz(func(t *testing.T, coef int64, exp int32) {
		if exp >= -40 && exp <= 40 {
			checkToCents(t, coef, exp)
			return
		}
		// |coef| < 10^19: above 10^40 it is too large, below 10^−40 it is not whole
		// cents, unless it is zero or negative.
		_, err := toCents(decimal.New(coef, exp), 0)
		var want error
		switch {
		case coef < 0:
			want = ErrNegative
		case coef == 0:
			want = nil
		case exp > 0:
			want = ErrTooLarge
		default:
			want = ErrNotCents
		}
		if !errors.Is(err, want) || (want == nil && err != nil) {
			t.Fatalf("toCents(%de%d): err = %v, want %v", coef, exp, err, want)
		}
	})
}

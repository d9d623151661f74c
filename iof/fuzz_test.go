package iof_test

import (
	"encoding/binary"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/calendar"
	"github.com/dinie/lending/iof"
	"github.com/dinie/lending/schedule"
)

// FuzzParseClass: ParseClass never panics, accepts exactly the four wire names
// (String round-trips them) and reports anything else as a *apierr.Error.
func FuzzParseClass(f *testing.F) {
	for _, s := range []string{"pf", "pj", "simples", "mei", "", "PF", "mei ", "Class(1)", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := iof.ParseClass(s)
		if err != nil {
			if _, ok := err.(*apierr.Error); !ok {
				t.Fatalf("ParseClass(%q) error %T", s, err)
			}
			if s == "pf" || s == "pj" || s == "simples" || s == "mei" {
				t.Fatalf("ParseClass(%q) = %v", s, err)
			}
			return
		}
		if c.String() != s {
			t.Fatalf("ParseClass(%q) = %v, which prints %q", s, c, c.String())
		}
		var u iof.Class
		if err := u.UnmarshalText([]byte(s)); err != nil || u != c {
			t.Fatalf("UnmarshalText(%q) = %v, %v", s, u, err)
		}
	})
}

// FuzzParseRate: ParseRate never panics; what it accepts prints back to an
// equal rate (MarshalText), and is at most 100 %.
func FuzzParseRate(f *testing.F) {
	for _, s := range []string{"0.0082", "0.38", "100", "100.00000001", "0.000000001", "", ".", "1e2", "-1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, err := iof.ParseRate(s)
		if err != nil {
			if _, ok := err.(*apierr.Error); !ok {
				t.Fatalf("ParseRate(%q) error %T", s, err)
			}
			return
		}
		if r < 0 || r > 10_000_000_000 {
			t.Fatalf("ParseRate(%q) = %d, outside 0 to 100 %%", s, int64(r))
		}
		text, _ := r.MarshalText()
		back, err := iof.ParseRate(string(text))
		if err != nil || back != r {
			t.Fatalf("ParseRate(%q) = %d prints %q, which parses to %d, %v", s, int64(r), text, int64(back), err)
		}
	})
}

// FuzzCompute: ComputeCents and Compute never panic on any input; they agree
// with each other; every error is a *apierr.Error; and every success equals
// the big.Rat reference (refIOF).
//
// The bytes encode: class (1), release as days after 2014-12-01 (2), a principal
// adjustment (8) and then installments of 10 bytes each: days after release
// (2, signed) and amortization (8, signed).
func FuzzCompute(f *testing.F) {
	seed := func(class byte, rel uint16, adj int64, flows ...[2]int64) []byte {
		b := []byte{class}
		b = binary.LittleEndian.AppendUint16(b, rel)
		b = binary.LittleEndian.AppendUint64(b, uint64(adj))
		for _, fl := range flows {
			b = binary.LittleEndian.AppendUint16(b, uint16(int16(fl[0])))
			b = binary.LittleEndian.AppendUint64(b, uint64(fl[1]))
		}
		return b
	}
	f.Add(seed(1, 4000, 0, [2]int64{180, 10_000_000}))
	f.Add(seed(3, 4000, 0, [2]int64{30, 1_500_000}, [2]int64{60, 1_500_000}))
	f.Add(seed(4, 3900, 0, [2]int64{400, -100}, [2]int64{500, 3_000_101}))
	f.Add(seed(2, 10, 0, [2]int64{1, 1}))
	f.Add(seed(0, 4000, 1, [2]int64{0, 5}))
	f.Add(seed(1, 4000, 0, [2]int64{365, 1 << 62}, [2]int64{365, -(1 << 62) + 100}))
	base, _ := calendar.NewDate(2014, 12, 1)
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) < 11 {
			return
		}
		class := iof.Class(data[0])
		release, _ := base.AddDays(int(binary.LittleEndian.Uint16(data[1:])))
		adj := int64(binary.LittleEndian.Uint64(data[3:]))
		var flows []iof.Flow
		var inst []iof.Installment
		var sum int64
		for b := data[11:]; len(b) >= 10 && len(flows) <= iof.MaxInstallments; b = b[10:] {
			due, _ := release.AddDays(int(int16(binary.LittleEndian.Uint16(b))))
			a := int64(binary.LittleEndian.Uint64(b[2:]))
			flows = append(flows, iof.Flow{Due: due, Amortization: a})
			inst = append(inst, iof.Installment{Due: due, Amortization: decimal.New(a, -2)})
			sum += a
		}
		// Mostly balanced operations, so the fuzzer gets past the sum check.
		p := sum
		if adj%4 == 0 {
			p = adj
		}
		r, err := iof.ComputeCents(class, release, p, flows)
		rd, errd := iof.Compute(iof.Operation{Class: class, Release: release, Principal: decimal.New(p, -2), Installments: inst})
		if (err == nil) != (errd == nil) || r != rd {
			t.Fatalf("ComputeCents = %+v, %v; Compute = %+v, %v", r, err, rd, errd)
		}
		if err != nil {
			if _, ok := err.(*apierr.Error); !ok {
				t.Fatalf("error %v is %T", err, err)
			}
			return
		}
		o := op{class: class, release: release, principal: p, flows: flows}
		_, daily, add, rerr := o.ref()
		if rerr != nil || daily != r.DailyCents() || add != r.AdditionalCents() {
			t.Fatalf("ComputeCents = %d + %d, reference %d + %d (%v)", r.DailyCents(), r.AdditionalCents(), daily, add, rerr)
		}
	})
}

// FuzzFinanced: FinancedCents never panics on any terms, returns a
// *apierr.Error or a principal whose net reaches the requested amount while
// one cent less (when its schedule exists) falls short.
func FuzzFinanced(f *testing.F) {
	f.Add(uint16(2500), uint16(12), uint16(0), uint16(4000), uint8(4), int64(2_500_000), int64(30_000))
	f.Add(uint16(0), uint16(1), uint16(365), uint16(4000), uint8(1), int64(10_000_000), int64(0))
	f.Add(uint16(65535), uint16(420), uint16(180), uint16(10), uint8(3), int64(100), int64(0))
	f.Add(uint16(100), uint16(36), uint16(31), uint16(3900), uint8(3), int64(2_950_000), int64(20_000))
	base, _ := calendar.NewDate(2014, 12, 1)
	f.Fuzz(func(t *testing.T, rateMilli, n, firstDays, rel uint16, class uint8, requested, fees int64) {
		// Rates up to 65.535 % a.m. in thousandths of a percent; counts up to 420.
		rate, err := schedule.PercentPerMonth(decimal.New(int64(rateMilli), -3))
		if err != nil {
			t.Fatal(err)
		}
		release, _ := base.AddDays(int(rel % 5000))
		terms := schedule.Terms{Rate: rate, Installments: int(n%schedule.MaxInstallments) + 1, Release: release}
		if firstDays > 0 {
			terms.FirstDue, _ = release.AddDays(int(firstDays % 181))
		}
		plan, err := schedule.NewPlan(terms)
		if err != nil {
			return
		}
		fin, err := iof.FinancedCents(plan, terms.Installments, iof.Class(class%6), requested, fees)
		if err != nil {
			if _, ok := err.(*apierr.Error); !ok {
				t.Fatalf("error %v is %T", err, err)
			}
			return
		}
		p := fin.PrincipalCents()
		if fin.NetCents() < requested || fin.NetCents() != p-fees-fin.IOF.TotalCents() {
			t.Fatalf("P %d nets %d for requested %d", p, fin.NetCents(), requested)
		}
		if q := p - 1; q >= requested+fees {
			if s, err := plan.ScheduleCents(q, terms.Installments); err == nil {
				r, err := iof.ComputeSchedule(iof.Class(class%6), s)
				if err == nil && q-fees-r.TotalCents() >= requested {
					t.Fatalf("P %d found, but %d nets %d ≥ %d", p, q, q-fees-r.TotalCents(), requested)
				}
			}
		}
	})
}

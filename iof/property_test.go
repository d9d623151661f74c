package iof_test

import (
	"math/big"
	"testing"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/calendar"
	"github.com/dinie/lending/iof"
)

// op is a generated operation.
type op struct {
	class     iof.Class
	release   calendar.Date
	principal int64
	flows     []iof.Flow
}

func (o op) ref() (applied string, daily, add int64, err error) {
	rf := make([]refFlow, len(o.flows))
	for i, f := range o.flows {
		rf[i] = refFlow{due: f.Due.String(), cents: f.Amortization}
	}
	return refIOF(o.class.String(), o.release.String(), o.principal, rf)
}

// genRelease draws release dates over the whole table, with extra weight on the
// first and last days of its regimes.
func genRelease(t *rapid.T) calendar.Date {
	first := iof.First()
	if rapid.Bool().Draw(t, "edge") {
		rs := iof.Regimes()
		g := rs[rapid.IntRange(0, len(rs)-1).Draw(t, "row")]
		if g.Open() || rapid.Bool().Draw(t, "from") {
			return g.From
		}
		return g.To
	}
	d, _ := first.AddDays(rapid.IntRange(0, 7000).Draw(t, "release"))
	return d
}

// genOp draws a valid operation: amortizations that may be negative, zero or
// large, due dates from 1 to 800 days out (so beyond the 365-day cap), principals
// on both sides of R$ 30,000.00, and half-cent ties.
func genOp(t *rapid.T) op {
	o := op{
		class:   rapid.SampledFrom(classes).Draw(t, "class"),
		release: genRelease(t),
	}
	n := rapid.IntRange(1, 24).Draw(t, "n")
	if rapid.IntRange(0, 20).Draw(t, "long") == 0 {
		n = rapid.IntRange(1, iof.MaxInstallments).Draw(t, "n")
	}
	scale := rapid.SampledFrom([]int64{100, 10_000, 300_000, 3_000_000, 100_000_000, 10_000_000_000}).Draw(t, "scale")
	for {
		o.flows = o.flows[:0]
		o.principal = 0
		for k := 0; k < n; k++ {
			var a int64
			switch rapid.IntRange(0, 9).Draw(t, "kind") {
			case 0:
				a = -rapid.Int64Range(0, scale).Draw(t, "neg")
			case 1:
				// Half-cent ties at PF rates: 2,500·(2j+1) cents over 100 days is an
				// exact x.5 cents of daily part, and of additional part.
				a = 2500 * (2*rapid.Int64Range(0, 1000).Draw(t, "j") + 1)
			default:
				a = rapid.Int64Range(0, scale).Draw(t, "amort")
			}
			days := rapid.IntRange(1, 800).Draw(t, "days")
			due, _ := o.release.AddDays(days)
			o.flows = append(o.flows, iof.Flow{Due: due, Amortization: a})
			o.principal += a
		}
		if o.principal >= 1 && o.principal <= iof.MaxPrincipalCents {
			return o
		}
		// Make the sum positive by lifting the last amortization.
		o.flows[n-1].Amortization += 1 - o.principal + rapid.Int64Range(0, scale).Draw(t, "lift")
		o.principal = 0
		for _, f := range o.flows {
			o.principal += f.Amortization
		}
		if o.principal >= 1 && o.principal <= iof.MaxPrincipalCents {
			return o
		}
	}
}

// TestPropertyMatchesReference: the integer cents path equals refIOF (big.Rat,
// the spec's table as text, days from time.Time) on random operations.
func TestPropertyMatchesReference(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		o := genOp(t)
		r, err := iof.ComputeCents(o.class, o.release, o.principal, o.flows)
		if err != nil {
			t.Fatalf("ComputeCents: %v", err)
		}
		applied, daily, add, err := o.ref()
		if err != nil {
			t.Fatalf("reference: %v", err)
		}
		if r.DailyCents() != daily || r.AdditionalCents() != add || r.Applied.String() != applied {
			t.Fatalf("ComputeCents = %d + %d (%s), reference %d + %d (%s)",
				r.DailyCents(), r.AdditionalCents(), r.Applied, daily, add, applied)
		}
	})
}

// TestPropertyDecimalEqualsCents: Compute on decimals (in random exponents)
// equals ComputeCents.
func TestPropertyDecimalEqualsCents(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		o := genOp(t)
		extra := int32(rapid.IntRange(0, 3).Draw(t, "extra"))
		toDec := func(c int64) decimal.Decimal {
			// Same value with extra trailing zeros: 1234 cents as 12.340 etc.
			return decimal.NewFromBigInt(new(big.Int).Mul(big.NewInt(c), new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(extra)), nil)), -2-extra)
		}
		in := make([]iof.Installment, len(o.flows))
		for i, f := range o.flows {
			in[i] = iof.Installment{Due: f.Due, Amortization: toDec(f.Amortization)}
		}
		a, err1 := iof.Compute(iof.Operation{Class: o.class, Release: o.release, Principal: toDec(o.principal), Installments: in})
		b, err2 := iof.ComputeCents(o.class, o.release, o.principal, o.flows)
		if err1 != nil || err2 != nil {
			t.Fatalf("errors %v, %v", err1, err2)
		}
		if a != b {
			t.Fatalf("Compute = %+v, ComputeCents = %+v", a, b)
		}
	})
}

// TestPropertyBound: the IOF never exceeds the base × (daily rate × 365 +
// additional rate), plus the half cent each rounding may add, where the base is
// Σ max(A_k, 0) for the daily part (the principal itself when no amortization is
// negative) and the principal for the additional part.
func TestPropertyBound(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		o := genOp(t)
		r, err := iof.ComputeCents(o.class, o.release, o.principal, o.flows)
		if err != nil {
			t.Fatal(err)
		}
		var pos int64
		for _, f := range o.flows {
			pos += max(f.Amortization, 0)
		}
		dr := new(big.Rat).SetFrac64(int64(r.Rates.Daily), 1e10)
		ar := new(big.Rat).SetFrac64(int64(r.Rates.Additional), 1e10)
		bound := new(big.Rat).Mul(new(big.Rat).SetInt64(pos*365), dr)
		bound.Add(bound, new(big.Rat).Mul(new(big.Rat).SetInt64(o.principal), ar))
		bound.Add(bound, big.NewRat(1, 1))
		if new(big.Rat).SetInt64(r.TotalCents()).Cmp(bound) > 0 {
			t.Fatalf("IOF %d above the bound %s", r.TotalCents(), bound.FloatString(3))
		}
		if pos == o.principal {
			// The published bound: principal × (daily × 365 + additional).
			b := new(big.Rat).Mul(new(big.Rat).SetInt64(o.principal), new(big.Rat).Add(new(big.Rat).Mul(dr, big.NewRat(365, 1)), ar))
			if new(big.Rat).SetInt64(r.TotalCents()).Cmp(b.Add(b, big.NewRat(1, 1))) > 0 {
				t.Fatalf("IOF %d above principal × (daily × 365 + additional) + 1 = %s", r.TotalCents(), b.FloatString(3))
			}
		}
	})
}

// TestPropertyMoreDaysNeverLower: moving due dates later never lowers the IOF.
func TestPropertyMoreDaysNeverLower(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		o := genOp(t)
		before, err := iof.ComputeCents(o.class, o.release, o.principal, o.flows)
		if err != nil {
			t.Fatal(err)
		}
		later := append([]iof.Flow(nil), o.flows...)
		for i := range later {
			if rapid.Bool().Draw(t, "move") {
				later[i].Due, _ = later[i].Due.AddDays(rapid.IntRange(0, 400).Draw(t, "by"))
			}
		}
		after, err := iof.ComputeCents(o.class, o.release, o.principal, later)
		if err != nil {
			t.Fatal(err)
		}
		if after.TotalCents() < before.TotalCents() || after.DailyCents() < before.DailyCents() {
			t.Fatalf("later due dates lowered the IOF from %d to %d", before.TotalCents(), after.TotalCents())
		}
	})
}

// TestPropertyErrorsAreTyped: arbitrary inputs, valid or not, give a result or
// a *apierr.Error, never a panic, and the reference agrees on which.
func TestPropertyErrorsAreTyped(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		class := iof.Class(rapid.IntRange(0, 6).Draw(t, "class"))
		d0, _ := calendar.NewDate(2011, 6, 1) // a year before the table starts
		release, _ := d0.AddDays(rapid.IntRange(0, 5000).Draw(t, "release"))
		n := rapid.IntRange(0, 5).Draw(t, "n")
		flows := make([]iof.Flow, n)
		var sum int64
		for i := range flows {
			due, _ := release.AddDays(rapid.IntRange(-3, 400).Draw(t, "days"))
			a := rapid.Int64Range(-1e15, 1e15).Draw(t, "a")
			if rapid.Bool().Draw(t, "small") {
				a = rapid.Int64Range(-1e6, 1e6).Draw(t, "a")
			}
			flows[i] = iof.Flow{Due: due, Amortization: a}
			sum += a
		}
		p := sum
		if rapid.IntRange(0, 4).Draw(t, "off") == 0 {
			p += rapid.Int64Range(-2, 2).Draw(t, "delta")
		}
		r, err := iof.ComputeCents(class, release, p, flows)
		if err != nil {
			if _, ok := err.(*apierr.Error); !ok {
				t.Fatalf("error %v is %T, not *apierr.Error", err, err)
			}
			return
		}
		// Success: the inputs were valid, and the reference agrees with the result.
		o := op{class: class, release: release, principal: p, flows: flows}
		_, daily, add, rerr := o.ref()
		if rerr != nil || daily != r.DailyCents() || add != r.AdditionalCents() {
			t.Fatalf("ComputeCents = %d + %d, reference %d + %d (%v)", r.DailyCents(), r.AdditionalCents(), daily, add, rerr)
		}
	})
}

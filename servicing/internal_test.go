package servicing

import (
	"math/big"
	"testing"

	"pgregory.net/rapid"

	"github.com/dinie/lending/calendar"
	"github.com/dinie/lending/schedule"
)

// TestDelayDaysSTJ is the STJ's count (REsp 1.954.924, 2022): a card bill due on
// Saturday 2007-05-05, rolled to Monday 2007-05-07 and paid on 2007-05-28, is 23 days
// late — the delay runs from the original due date once the payment missed the next
// business day — and 21 counted from the rolled date (the borrower's claim, refused).
func TestDelayDaysSTJ(t *testing.T) {
	d := func(s string) calendar.Date {
		x, err := calendar.ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return x
	}
	nominal, due, paid := d("2007-05-05"), d("2007-05-07"), d("2007-05-28")
	if got, _ := calendar.Brazil().Adjust(nominal, calendar.Following); got != due {
		t.Fatalf("2007-05-05 rolls to %s, want 2007-05-07", got)
	}
	if got := calendar.DaysBetween(delayStart(nominal, due, Original), paid); got != 23 {
		t.Errorf("days late from the original date = %d, want 23", got)
	}
	if got := calendar.DaysBetween(delayStart(nominal, due, Rolled), paid); got != 21 {
		t.Errorf("days late from the rolled date = %d, want 21", got)
	}
	// A Preceding roll pulls the due date before the nominal one: the delay runs from
	// the earlier, the due date.
	if got := delayStart(d("2026-05-02"), d("2026-04-30"), Original); got != d("2026-04-30") {
		t.Errorf("preceding: delay counts from %s, want 2026-04-30", got)
	}
}

func growthPct(t interface{ Fatal(...any) }, pct string) growth {
	r, err := schedule.ParsePercentPerMonth(pct)
	if err != nil {
		t.Fatal(err)
	}
	return newGrowth(r)
}

// TestGrowthStructure: the rate's structure, 1+i = c^E with E the largest divisor of
// 30 for which c is rational (by hand: 1.21 = 1.1², 1.331 = 1.1³, 1.025 = 41/40).
func TestGrowthStructure(t *testing.T) {
	for _, c := range []struct {
		pct      string
		num, den uint64
		l        int64
	}{{"0", 1, 1, 1}, {"2.5", 41, 40, 30}, {"21", 11, 10, 15}, {"33.1", 11, 10, 10}, {"3", 103, 100, 30}} {
		g := growthPct(t, c.pct)
		if g.cNum != c.num || g.cDen != c.den || g.l != c.l {
			t.Errorf("%s %%: c = %d/%d, L = %d; want %d/%d, %d", c.pct, g.cNum, g.cDen, g.l, c.num, c.den, c.l)
		}
	}
	// Other roots: the divisors of d decide (360 = 2³·3²·5, 365 = 5·73, 252 = 2²·3²·7).
	for _, c := range []struct {
		units    int64 // 10^−10 %
		d        int64
		num, den uint64
		l        int64
	}{{21 * percentUnit, 360, 11, 10, 180}, {21 * percentUnit, 365, 121, 100, 365}, {21 * percentUnit, 252, 11, 10, 126},
		{331 * percentUnit / 10, 252, 11, 10, 84}, {100 * percentUnit, 21, 2, 1, 21}} {
		g := growthOf(c.units, c.d)
		if g.cNum != c.num || g.cDen != c.den || g.l != c.l {
			t.Errorf("%d units over %d: c = %d/%d, L = %d; want %d/%d, %d", c.units, c.d, g.cNum, g.cDen, g.l, c.num, c.den, c.l)
		}
	}
}

// TestDelayInterestTies: exact half-cent ties are decided half-up, by hand:
// 1,000.20 × 2.5 % over 30 days = 25.005 → 25.01; 1,000.20 × (1.21^(15/30) − 1) =
// 1,000.20 × 0.1 = 100.02 exactly; 1,000.05 × 0.1 = 100.005 → 100.01.
func TestDelayInterestTies(t *testing.T) {
	for _, c := range []struct {
		pct  string
		u    int64
		days int
		want int64
	}{{"2.5", 100020, 30, 2501}, {"2.5", 100060, 30, 2502}, {"21", 100020, 15, 10002}, {"21", 100005, 15, 10001},
		{"33.1", 100005, 10, 10001}, {"0", 100000, 300, 0}} {
		g := growthPct(t, c.pct)
		if got, ok := g.delayInterest(c.u, c.days); !ok || got != c.want {
			t.Errorf("%s %%, %d cents, %d days: %d, %v; want %d", c.pct, c.u, c.days, got, ok, c.want)
		}
	}
}

// TestPropFastAgreesWithExact: the float fast path, where it decides, gives what the
// exact path gives, for sums, signs and ratios of powers of ρ at rates whose powers
// are rational, irrational, or mixed.
func TestPropFastAgreesWithExact(t *testing.T) {
	decided := 0
	rapid.Check(t, func(t *rapid.T) {
		pct := rapid.SampledFrom([]string{"0", "2.5", "21", "33.1", "3", "1.99", "0.629890", "44", "100", "0.0000000001"}).Draw(t, "rate")
		rate, _ := schedule.ParsePercentPerMonth(pct)
		g := growthOf(rate.PercentUnits(), rapid.SampledFrom([]int64{30, 360, 365, 21, 252}).Draw(t, "d"))
		n := rapid.IntRange(1, 5).Draw(t, "n")
		ts := make([]term, n)
		for j := range ts {
			ts[j] = term{rapid.Int64Range(-1e9, 1e9).Draw(t, "c"), rapid.Int64Range(-600, 600).Draw(t, "e")}
			if rapid.Bool().Draw(t, "whole_months") {
				ts[j].e = 30 * (ts[j].e / 30)
			}
		}
		exact, ok := g.exactHalfUp(ts)
		if !ok {
			t.Fatalf("exact path out of range for %v", ts)
		}
		v, e := g.approx(ts)
		if k, ok := roundFast(v, e); ok {
			decided++
			if k != exact {
				t.Fatalf("%s %%, %v: fast %d, exact %d", pct, ts, k, exact)
			}
		}
		if got, _ := g.halfUp(ts); got != exact {
			t.Fatalf("%s %%, %v: halfUp %d, exact %d", pct, ts, got, exact)
		}
		// sign: Σ ts − (exact − ½) > 0 ≥ Σ ts − (exact + ½) by the definition of half-up.
		lo := append(append([]term(nil), ts...), term{-exact, 0})
		twice := make([]term, len(lo))
		for j, x := range lo {
			twice[j] = term{2 * x.c, x.e}
		}
		if g.sign(append(twice, term{1, 0})) < 0 || g.sign(append(twice, term{-1, 0})) >= 0 {
			t.Fatalf("%s %%, %v: sign disagrees with the rounding %d", pct, ts, exact)
		}
		// ratio: num / Σ ρ^(−e) for positive terms.
		pos := make([]term, n)
		for j := range pos {
			pos[j] = term{1, -abs64(ts[j].e)}
		}
		num := abs64(ts[0].c)
		r, ok := g.ratioHalfUp(num, pos)
		q := g.decompose(pos)
		var want int64
		if g.rational(q) {
			x := new(big.Rat).SetInt64(num)
			want, _ = ratHalfUp(x.Quo(x, q[0]))
		} else {
			s, _ := g.evalFloat(q, 2048)
			x := new(big.Float).SetPrec(2048).Quo(new(big.Float).SetPrec(2048).SetInt64(num), s)
			want, _ = floatHalfUp(x)
		}
		if !ok || r != want {
			t.Fatalf("%s %%: ratio %d / Σ %v = %d, %v; want %d", pct, num, pos, r, ok, want)
		}
	})
	if decided < 50 {
		t.Errorf("the fast path decided only %d draws", decided)
	}
}

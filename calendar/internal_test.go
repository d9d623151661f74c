package calendar

import (
	"math/bits"
	"testing"
	"time"

	"pgregory.net/rapid"
)

// The fast paths (the table) against the slow obvious ones (rules and a day by
// day walk), on random inputs. These are white-box tests: the slow paths are
// unexported.

func TestTableConstants(t *testing.T) {
	if got := daysFromCivil(tableFirstYear, 1, 1); got != tableStart {
		t.Errorf("tableStart = %d, want daysFromCivil(1900, 1, 1) = %d", tableStart, got)
	}
	if got := daysFromCivil(tableLastYear+1, 1, 1) - tableStart; got != tableDays {
		t.Errorf("tableDays = %d, want %d", tableDays, got)
	}
	if got := daysFromCivil(MaxYear, 12, 31); got != maxDayNumber {
		t.Errorf("maxDayNumber = %d, want %d", maxDayNumber, got)
	}
	if got := daysFromCivil(1970, 1, 1); got != unixEpochDays {
		t.Errorf("unixEpochDays = %d, want %d", unixEpochDays, got)
	}
}

func TestSelect64(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		x := rapid.Uint64().Draw(t, "x")
		if x == 0 {
			return
		}
		k := rapid.IntRange(1, bits.OnesCount64(x)).Draw(t, "k")
		// Obvious: the position of the k-th set bit, scanning up.
		want, seen := -1, 0
		for i := range 64 {
			if x>>i&1 == 1 {
				if seen++; seen == k {
					want = i
					break
				}
			}
		}
		if got := select64(x, k); got != want {
			t.Fatalf("select64(%#x, %d) = %d, want %d", x, k, got, want)
		}
	})
}

func drawDate(t *rapid.T, label string, from, to int) Date {
	return Date{n: int32(rapid.IntRange(from, to).Draw(t, label))}
}

// dayNumbers covers the table with margins, where the two paths meet.
var (
	nearLo = daysFromCivil(1850, 1, 1)
	nearHi = daysFromCivil(2250, 12, 31)
)

func testCalendars(t *testing.T) []*Calendar {
	sp, err := New(Fixed("Aniversário de São Paulo", time.January, 25), Easter("Cinzas", -46).Years(2000, 2100))
	if err != nil {
		t.Fatal(err)
	}
	return []*Calendar{Brazil(), sp}
}

func TestIsBusinessDayTableVsRules(t *testing.T) {
	for _, c := range testCalendars(t) {
		rapid.Check(t, func(t *rapid.T) {
			d := drawDate(t, "d", 0, maxDayNumber)
			if rapid.Bool().Draw(t, "near") {
				d = drawDate(t, "d", tableStart-3, tableStart+tableDays+3)
			}
			if got, want := c.IsBusinessDay(d), c.isBusinessByRules(d); got != want {
				t.Fatalf("IsBusinessDay(%s) = %v, rules say %v", d, got, want)
			}
		})
	}
}

// TestIsBusinessDayTableEveryDay compares the whole table with the rules.
func TestIsBusinessDayTableEveryDay(t *testing.T) {
	c := testCalendars(t)[1]
	for n := tableStart; n < tableStart+tableDays; n++ {
		d := Date{n: int32(n)}
		if got, want := c.IsBusinessDay(d), c.isBusinessByRules(d); got != want {
			t.Fatalf("IsBusinessDay(%s) = %v, rules say %v", d, got, want)
		}
	}
}

func TestAddBusinessDaysTableVsWalk(t *testing.T) {
	for _, c := range testCalendars(t) {
		rapid.Check(t, func(t *rapid.T) {
			d := drawDate(t, "d", nearLo, nearHi)
			n := rapid.IntRange(-400, 400).Draw(t, "n")
			if rapid.IntRange(0, 9).Draw(t, "far") == 0 {
				n = rapid.IntRange(-80000, 80000).Draw(t, "n")
			}
			got, err := c.AddBusinessDays(d, n)
			want, werr := c.addWalk("AddBusinessDays", d, n, true)
			if got != want || (err == nil) != (werr == nil) {
				t.Fatalf("AddBusinessDays(%s, %d) = %s, %v; walk gives %s, %v", d, n, got, err, want, werr)
			}
		})
	}
}

func TestBusinessDaysBetweenTableVsWalk(t *testing.T) {
	for _, c := range testCalendars(t) {
		rapid.Check(t, func(t *rapid.T) {
			a := drawDate(t, "a", nearLo, nearHi)
			b := drawDate(t, "b", nearLo, nearHi)
			if rapid.Bool().Draw(t, "close") {
				b = Date{n: a.n + int32(rapid.IntRange(-100, 100).Draw(t, "delta"))}
			}
			var want int
			if a.n <= b.n {
				want = c.countWalk(int(a.n)+1, int(b.n)+1, true)
			} else {
				want = -c.countWalk(int(b.n), int(a.n), true)
			}
			if got := c.BusinessDaysBetween(a, b); got != want {
				t.Fatalf("BusinessDaysBetween(%s, %s) = %d, rules walk gives %d", a, b, got, want)
			}
		})
	}
}

// TestCountWalkObvious holds countWalk (both sources) to counting day by day.
func TestCountWalkObvious(t *testing.T) {
	c := Brazil()
	rapid.Check(t, func(t *rapid.T) {
		lo := rapid.IntRange(nearLo, nearHi).Draw(t, "lo")
		hi := lo + rapid.IntRange(0, 800).Draw(t, "len")
		want := 0
		for n := lo; n < hi; n++ {
			if c.isBusinessByRules(Date{n: int32(n)}) {
				want++
			}
		}
		for _, rulesOnly := range []bool{false, true} {
			if got := c.countWalk(lo, hi, rulesOnly); got != want {
				t.Fatalf("countWalk(%s, %s, %v) = %d, want %d", Date{n: int32(lo)}, Date{n: int32(hi)}, rulesOnly, got, want)
			}
		}
	})
}

// TestAddWalkObvious holds addWalk to stepping one day at a time.
func TestAddWalkObvious(t *testing.T) {
	c := Brazil()
	rapid.Check(t, func(t *rapid.T) {
		d := drawDate(t, "d", nearLo, nearHi)
		n := rapid.IntRange(-60, 60).Draw(t, "n")
		want := d
		for k := n; k != 0; {
			step := int32(1)
			if k < 0 {
				step = -1
			}
			want.n += step
			if c.isBusinessByRules(want) {
				k -= int(step)
			}
		}
		for _, rulesOnly := range []bool{false, true} {
			if got, err := c.addWalk("t", d, n, rulesOnly); err != nil || got != want {
				t.Fatalf("addWalk(%s, %d, %v) = %s, %v; want %s", d, n, rulesOnly, got, err, want)
			}
		}
	})
}

// TestRangeEdgesWalk checks the walk at the ends of the Date range, where
// only the rules path runs.
func TestRangeEdgesWalk(t *testing.T) {
	c := Brazil()
	last := Date{n: maxDayNumber}
	if got, err := c.AddBusinessDays(Date{n: maxDayNumber - 10}, 1); err != nil || got.n <= maxDayNumber-10 {
		t.Errorf("AddBusinessDays near the end = %s, %v", got, err)
	}
	total := c.BusinessDaysBetween(Date{}, last)
	if got, err := c.AddBusinessDays(Date{}, total); err != nil || got != last {
		t.Errorf("AddBusinessDays(0001-01-01, %d) = %s, %v; want %s", total, got, err, last)
	}
	if _, err := c.AddBusinessDays(Date{}, total+1); err == nil {
		t.Errorf("AddBusinessDays(0001-01-01, %d) succeeded past the end", total+1)
	}
	// Going back, 0001-01-01 (a holiday) is not a business day to land on, so
	// only total − 1 business days lie before the last day.
	if got, err := c.AddBusinessDays(last, -(total - 1)); err != nil || got.n != 1 {
		t.Errorf("AddBusinessDays(%s, %d) = %s, %v; want 0001-01-02", last, -(total - 1), got, err)
	}
	if _, err := c.AddBusinessDays(last, -total); err == nil {
		t.Errorf("AddBusinessDays(%s, %d) succeeded past the start", last, -total)
	}
}

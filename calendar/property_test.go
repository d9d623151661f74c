package calendar_test

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/dinie/lending/calendar"
	"pgregory.net/rapid"
)

// genDate draws a date: mostly in 1900–2199 (the table), sometimes anywhere in
// the range (the rules path).
func genDate() *rapid.Generator[calendar.Date] {
	return rapid.Custom(func(t *rapid.T) calendar.Date {
		lo, hi := 1900, 2199
		if rapid.IntRange(0, 4).Draw(t, "anywhere") == 0 {
			lo, hi = calendar.MinYear, calendar.MaxYear
		}
		y := rapid.IntRange(lo, hi).Draw(t, "year")
		m := time.Month(rapid.IntRange(1, 12).Draw(t, "month"))
		d := rapid.IntRange(1, calendar.DaysIn(y, m)).Draw(t, "day")
		date, err := calendar.NewDate(y, m, d)
		if err != nil {
			t.Fatalf("NewDate(%d, %d, %d): %v", y, m, d, err)
		}
		return date
	})
}

func TestPropAddThenBetween(t *testing.T) {
	c := calendar.Brazil()
	rapid.Check(t, func(t *rapid.T) {
		d := genDate().Draw(t, "d")
		n := rapid.IntRange(-1000, 1000).Draw(t, "n")
		e, err := c.AddBusinessDays(d, n)
		if err != nil {
			// Only the two ends of the range can refuse a small n: a year has at
			// least 366 − 106 weekend days − 13 holidays = 247 business days, so
			// 1,000 of them span less than 5 years. (Years 3 to 5 were once
			// allowed here; rapid found 0003-01-01 − 1,000 out of range.)
			if d.Year() > 5 && d.Year() < 9995 {
				t.Fatalf("AddBusinessDays(%s, %d): %v", d, n, err)
			}
			return
		}
		if got := c.BusinessDaysBetween(d, e); got != n {
			t.Fatalf("BusinessDaysBetween(%s, AddBusinessDays(%s, %d) = %s) = %d", d, d, n, e, got)
		}
		if n != 0 && !c.IsBusinessDay(e) {
			t.Fatalf("AddBusinessDays(%s, %d) = %s, not a business day", d, n, e)
		}
		if n > 0 && !e.After(d) || n < 0 && !e.Before(d) || n == 0 && e != d {
			t.Fatalf("AddBusinessDays(%s, %d) = %s moved the wrong way", d, n, e)
		}
		// Between is antisymmetric when both ends are business days.
		if c.IsBusinessDay(d) && c.IsBusinessDay(e) {
			if back := c.BusinessDaysBetween(e, d); back != -n {
				t.Fatalf("BusinessDaysBetween(%s, %s) = %d, want %d", e, d, back, -n)
			}
		}
	})
}

func TestPropBetweenThenAdd(t *testing.T) {
	c := calendar.Brazil()
	rapid.Check(t, func(t *rapid.T) {
		a := genDate().Draw(t, "a")
		delta := rapid.IntRange(-800, 800).Draw(t, "delta")
		b, err := a.AddDays(delta)
		if err != nil {
			return
		}
		n := c.BusinessDaysBetween(a, b)
		if c.IsBusinessDay(b) {
			if got, err := c.AddBusinessDays(a, n); err != nil || got != b {
				t.Fatalf("AddBusinessDays(%s, BusinessDaysBetween(%s, %s) = %d) = %s, %v", a, a, b, n, got, err)
			}
		}
		// Counting by hand, one day at a time from a to b: the day left is not
		// counted, each day arrived on is, with the sign of the direction.
		want, step := 0, 1
		if b.Before(a) {
			step = -1
		}
		for d := a; d != b; {
			d, _ = d.AddDays(step)
			if c.IsBusinessDay(d) {
				want += step
			}
		}
		if n != want {
			t.Fatalf("BusinessDaysBetween(%s, %s) = %d, counting day by day gives %d", a, b, n, want)
		}
	})
}

func TestPropRolls(t *testing.T) {
	c := calendar.Brazil()
	rapid.Check(t, func(t *rapid.T) {
		d := genDate().Draw(t, "d")
		if d.Year() == calendar.MinYear && d.Month() == time.January || d.Year() == calendar.MaxYear && d.Month() == time.December {
			return // the range's ends are tested by table
		}
		f, err1 := c.Adjust(d, calendar.Following)
		p, err2 := c.Adjust(d, calendar.Preceding)
		mf, err3 := c.Adjust(d, calendar.ModifiedFollowing)
		mp, err4 := c.Adjust(d, calendar.ModifiedPreceding)
		u, err5 := c.Adjust(d, calendar.Unadjusted)
		for _, err := range []error{err1, err2, err3, err4, err5} {
			if err != nil {
				t.Fatalf("Adjust(%s): %v", d, err)
			}
		}
		if u != d {
			t.Fatalf("Unadjusted(%s) = %s", d, u)
		}
		for name, r := range map[string]calendar.Date{"following": f, "preceding": p, "modified following": mf, "modified preceding": mp} {
			if !c.IsBusinessDay(r) {
				t.Fatalf("%s(%s) = %s, not a business day", name, d, r)
			}
		}
		if c.IsBusinessDay(d) && (f != d || p != d || mf != d || mp != d) {
			t.Fatalf("a business day %s moved: %s %s %s %s", d, f, p, mf, mp)
		}
		if f.Before(d) || p.After(d) {
			t.Fatalf("following(%s) = %s, preceding = %s: wrong direction", d, f, p)
		}
		// Nothing in between: f is the first business day on or after d, p the last on or before.
		for x := d; x.Before(f); x, _ = x.AddDays(1) {
			if c.IsBusinessDay(x) {
				t.Fatalf("following(%s) = %s skips business day %s", d, f, x)
			}
		}
		for x := d; x.After(p); x, _ = x.AddDays(-1) {
			if c.IsBusinessDay(x) {
				t.Fatalf("preceding(%s) = %s skips business day %s", d, p, x)
			}
		}
		if mf.Month() != d.Month() || mf.Year() != d.Year() {
			t.Fatalf("modified following(%s) = %s left the month", d, mf)
		}
		if mp.Month() != d.Month() || mp.Year() != d.Year() {
			t.Fatalf("modified preceding(%s) = %s left the month", d, mp)
		}
		if f.Month() == d.Month() && mf != f || f.Month() != d.Month() && mf != p {
			t.Fatalf("modified following(%s) = %s; following %s, preceding %s", d, mf, f, p)
		}
		if p.Month() == d.Month() && mp != p || p.Month() != d.Month() && mp != f {
			t.Fatalf("modified preceding(%s) = %s; following %s, preceding %s", d, mp, f, p)
		}
	})
}

func TestPropAddMonths(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		first := genDate().Draw(t, "first")
		k := rapid.IntRange(-2400, 2400).Draw(t, "k")
		got, err := first.AddMonths(k)
		y, m, anchor := first.Date()
		months := y*12 + int(m-1) + k
		wy, wm := months/12, time.Month(months%12+1)
		if months < 12 || wy > calendar.MaxYear {
			if err == nil {
				t.Fatalf("%s.AddMonths(%d) = %s, want ErrOutOfRange", first, k, got)
			}
			return
		}
		if err != nil {
			t.Fatalf("%s.AddMonths(%d): %v", first, k, err)
		}
		wd := min(anchor, calendar.DaysIn(wy, wm))
		if gy, gm, gd := got.Date(); gy != wy || gm != wm || gd != wd {
			t.Fatalf("%s.AddMonths(%d) = %s, want %04d-%02d-%02d", first, k, got, wy, wm, wd)
		}
		if k >= 0 && k < 600 {
			s, err := calendar.MonthlySeries(first, k+1)
			if err != nil || len(s) != k+1 || s[k] != got {
				t.Fatalf("MonthlySeries(%s, %d)[%d] = %v, %v; want %s", first, k+1, k, s, err, got)
			}
		}
	})
}

// TestPropMonthlySeries holds every date of AppendMonthlySeries, which walks the
// months, to AddMonths, which converts each from scratch: the series appends
// first.AddMonths(j) for j < n after what dst held, or fails, leaving dst as it
// was, exactly when the last of them does not exist. The anchors are drawn on
// the 28th to 31st half the time, and near 9999 sometimes, for the clamping
// and the end of the range.
func TestPropMonthlySeries(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		first := genDate().Draw(t, "first")
		if rapid.Bool().Draw(t, "late anchor") {
			y, m, _ := first.Date()
			if rapid.IntRange(0, 9).Draw(t, "near the end") == 0 {
				y = rapid.IntRange(calendar.MaxYear-40, calendar.MaxYear).Draw(t, "late year")
			}
			d := rapid.IntRange(28, calendar.DaysIn(y, m)).Draw(t, "late day")
			var err error
			if first, err = calendar.NewDate(y, m, d); err != nil {
				t.Fatalf("NewDate(%d, %d, %d): %v", y, m, d, err)
			}
		}
		n := rapid.IntRange(0, 600).Draw(t, "n")
		prefix := rapid.IntRange(0, 3).Draw(t, "prefix")
		dst := make([]calendar.Date, prefix, prefix+rapid.IntRange(0, 600).Draw(t, "spare"))
		for i := range dst {
			dst[i] = first
		}
		got, err := calendar.AppendMonthlySeries(dst, first, n)
		_, lastErr := first.AddMonths(n - 1)
		if n > 0 && lastErr != nil {
			if err == nil || len(got) != prefix {
				t.Fatalf("AppendMonthlySeries(%s, %d) = %d dates, %v; want ErrOutOfRange and dst unchanged",
					first, n, len(got), err)
			}
			return
		}
		if err != nil || len(got) != prefix+n {
			t.Fatalf("AppendMonthlySeries(%s, %d) = %d dates, %v; want %d", first, n, len(got), err, prefix+n)
		}
		for j := range n {
			want, err := first.AddMonths(j)
			if err != nil || got[prefix+j] != want {
				t.Fatalf("AppendMonthlySeries(%s, %d)[%d] = %s; AddMonths(%d) = %s, %v",
					first, n, j, got[prefix+j], j, want, err)
			}
		}
	})
}

func TestPropDayArithmetic(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		a := genDate().Draw(t, "a")
		b := genDate().Draw(t, "b")
		n := calendar.DaysBetween(a, b)
		if got, err := a.AddDays(n); err != nil || got != b {
			t.Fatalf("%s.AddDays(DaysBetween(%s, %s) = %d) = %s, %v", a, a, b, n, got, err)
		}
		if a.Compare(b) != -b.Compare(a) || (a.Compare(b) < 0) != (n > 0) || (a == b) != (n == 0) {
			t.Fatalf("Compare(%s, %s) = %d disagrees with DaysBetween %d", a, b, a.Compare(b), n)
		}
		if wd := a.Weekday(); wd != a.In(time.UTC).Weekday() {
			t.Fatalf("%s.Weekday() = %v, time says %v", a, wd, a.In(time.UTC).Weekday())
		}
	})
}

func TestPropTextRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		d := genDate().Draw(t, "d")
		s := d.String()
		if back, err := calendar.ParseDate(s); err != nil || back != d {
			t.Fatalf("ParseDate(%q) = %s, %v; want %s", s, back, err, d)
		}
		y, m, dd := d.Date()
		if want := time.Date(y, m, dd, 0, 0, 0, 0, time.UTC).Format(time.DateOnly); s != want {
			t.Fatalf("String() = %q, time formats %q", s, want)
		}
		b, err := json.Marshal(d)
		var back calendar.Date
		uerr := json.Unmarshal(b, &back)
		if d.IsZero() {
			// The zero Date marshals as 0001-01-01 and a decoder refuses it (a
			// date not given stays apart from a date), leaving back unchanged.
			if err != nil || string(b) != `"0001-01-01"` || !errors.Is(uerr, calendar.ErrOutOfRange) || !back.IsZero() {
				t.Fatalf("JSON of the zero Date: %s, %v; Unmarshal = %v, %s; want \"0001-01-01\" refused with ErrOutOfRange", b, err, uerr, back)
			}
			return
		}
		if err != nil || uerr != nil || back != d {
			t.Fatalf("JSON round trip of %s: %s, %v, %v, %s", d, b, err, uerr, back)
		}
	})
}

func TestPropTimeRoundTrip(t *testing.T) {
	sp := saoPaulo(t)
	rapid.Check(t, func(t *rapid.T) {
		d := genDate().Draw(t, "d")
		if d.Year() == calendar.MinYear || d.Year() == calendar.MaxYear {
			return // São Paulo's offset can push the first/last instants out of the range
		}
		start := d.In(sp)
		if got, err := calendar.DateOf(start); err != nil || got != d {
			t.Fatalf("DateOf(%s.In(SP) = %s) = %s, %v", d, start, got, err)
		}
		// Any instant: its date's first instant is at or before it, the next
		// date's first instant after it.
		sec := rapid.Int64Range(-2_000_000_000, 8_000_000_000).Draw(t, "unix")
		tm := time.Unix(sec, 0)
		day, err := calendar.DateOf(tm)
		if err != nil {
			t.Fatalf("DateOf(%s): %v", tm, err)
		}
		next, _ := day.AddDays(1)
		if day.In(sp).After(tm) || !next.In(sp).After(tm) {
			t.Fatalf("DateOf(%s) = %s, but its day runs %s to %s", tm, day, day.In(sp), next.In(sp))
		}
		if y, m, dd := tm.In(sp).Date(); day.Year() != y || day.Month() != m || day.Day() != dd {
			t.Fatalf("DateOf(%s) = %s, time.In says %d-%d-%d", tm, day, y, m, dd)
		}
	})
}

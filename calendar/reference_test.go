package calendar_test

import (
	"testing"
	"time"

	"github.com/dinie/lending/calendar"
)

// This file is a second implementation of the national calendar, written from
// the law and the published rules rather than from rickar/cal, to hold the
// package to: its own Easter computation (a different algorithm from the one
// rickar/cal uses) and the fixed dates, with the standard library's time package
// for weekdays and date arithmetic.

// easter returns Easter Sunday of the Gregorian calendar by the "anonymous
// Gregorian algorithm" (Nature 1876, New Scientist 1961 form, as given in
// Wikipedia's "Date of Easter"). rickar/cal uses the Meeus/Jones/Butcher form,
// which computes the epact and weekday correction differently.
func easter(y int) time.Time {
	a := y % 19
	b := y / 100
	c := y % 100
	d := b / 4
	e := b % 4
	g := (8*b + 13) / 25
	h := (19*a + b - d - g + 15) % 30
	i := c / 4
	k := c % 4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 19*l) / 433
	month := (h + l - 7*m + 90) / 25
	day := (h + l - 7*m + 33*month + 19) % 32
	return time.Date(y, time.Month(month), day, 0, 0, 0, 0, time.UTC)
}

// refHolidays returns the national holidays of year y as a set of time.Time
// days (UTC midnight), from the table in the spec (ANBIMA, Lei 14.759/2023).
func refHolidays(y int) map[time.Time]bool {
	fixed := func(m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	e := easter(y)
	set := map[time.Time]bool{
		fixed(time.January, 1):   true,
		e.AddDate(0, 0, -48):     true, // Carnival Monday
		e.AddDate(0, 0, -47):     true, // Carnival Tuesday
		e.AddDate(0, 0, -2):      true, // Good Friday
		fixed(time.April, 21):    true,
		fixed(time.May, 1):       true,
		e.AddDate(0, 0, 60):      true, // Corpus Christi
		fixed(time.September, 7): true,
		fixed(time.October, 12):  true,
		fixed(time.November, 2):  true,
		fixed(time.November, 15): true,
		fixed(time.December, 25): true,
	}
	if y >= 2024 {
		set[fixed(time.November, 20)] = true
	}
	return set
}

func refIsBusinessDay(t time.Time, hols map[time.Time]bool) bool {
	if wd := t.Weekday(); wd == time.Saturday || wd == time.Sunday {
		return false
	}
	return !hols[t]
}

func dateOfUTC(t time.Time) calendar.Date {
	d, err := calendar.NewDate(t.Date())
	if err != nil {
		panic(err) // test helper: the reference only builds valid dates
	}
	return d
}

// TestEasterReference checks the reference Easter against published dates of
// Easter Sunday (any church calendar; e.g. the tables in Wikipedia's "List of
// dates for Easter").
func TestEasterReference(t *testing.T) {
	for _, tc := range []struct {
		year       int
		month, day int
	}{
		{1900, 4, 15}, {1954, 4, 18}, {1981, 4, 19}, {2000, 4, 23}, {2008, 3, 23},
		{2011, 4, 24}, {2019, 4, 21}, {2024, 3, 31}, {2025, 4, 20}, {2026, 4, 5},
		{2027, 3, 28}, {2038, 4, 25}, {2285, 3, 22},
	} {
		want := time.Date(tc.year, time.Month(tc.month), tc.day, 0, 0, 0, 0, time.UTC)
		if got := easter(tc.year); !got.Equal(want) {
			t.Errorf("easter(%d) = %s, want %s", tc.year, got.Format(time.DateOnly), want.Format(time.DateOnly))
		}
	}
}

// TestAgainstReferenceEveryDay compares IsBusinessDay with the reference on
// every day of 1800 through 2299: the whole precomputed table (1900–2199) and a
// century of the rules path on each side.
func TestAgainstReferenceEveryDay(t *testing.T) {
	c := calendar.Brazil()
	from, to := 1800, 2299
	if testing.Short() {
		from, to = 1890, 2210
	}
	for y := from; y <= to; y++ {
		hols := refHolidays(y)
		for day := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC); day.Year() == y; day = day.AddDate(0, 0, 1) {
			want := refIsBusinessDay(day, hols)
			if got := c.IsBusinessDay(dateOfUTC(day)); got != want {
				t.Fatalf("IsBusinessDay(%s) = %v, want %v (reference)", day.Format(time.DateOnly), got, want)
			}
		}
	}
}

// TestHolidaysAgainstReference compares Holidays(y) with the reference's set
// for every year the Date type holds.
func TestHolidaysAgainstReference(t *testing.T) {
	c := calendar.Brazil()
	for y := calendar.MinYear; y <= calendar.MaxYear; y++ {
		hs, err := c.Holidays(y)
		if err != nil {
			t.Fatalf("Holidays(%d): %v", y, err)
		}
		want := refHolidays(y)
		got := map[time.Time]bool{}
		for _, h := range hs {
			yy, m, d := h.Date.Date()
			got[time.Date(yy, m, d, 0, 0, 0, 0, time.UTC)] = true
		}
		if len(got) != len(want) {
			t.Fatalf("Holidays(%d) has %d distinct days, want %d: %v", y, len(got), len(want), hs)
		}
		for d := range want {
			if !got[d] {
				t.Fatalf("Holidays(%d) lacks %s: %v", y, d.Format(time.DateOnly), hs)
			}
		}
	}
}

package calendar_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/calendar"
)

func mustDate(t testing.TB, s string) calendar.Date {
	t.Helper()
	d, err := calendar.ParseDate(s)
	if err != nil {
		t.Fatalf("ParseDate(%q): %v", s, err)
	}
	return d
}

// TestBusinessDayFacts checks published facts of the national calendar. Easter
// 2026 is April 5, so Carnival is February 16–17, Good Friday April 3 and
// Corpus Christi June 4 (ANBIMA's 2026 holiday list; the Gregorian computus).
func TestBusinessDayFacts(t *testing.T) {
	c := calendar.Brazil()
	for _, tc := range []struct {
		date string
		want bool
		why  string
	}{
		{"2026-01-01", false, "Confraternização Universal (Thursday)"},
		{"2026-01-02", true, "ordinary Friday"},
		{"2026-02-16", false, "Carnival Monday, Easter − 48"},
		{"2026-02-17", false, "Carnival Tuesday, Easter − 47"},
		{"2026-02-18", true, "Ash Wednesday is a business day for ANBIMA"},
		{"2026-04-03", false, "Good Friday"},
		{"2026-04-21", false, "Tiradentes (Tuesday)"},
		{"2026-05-01", false, "Dia do Trabalho (Friday)"},
		{"2026-06-04", false, "Corpus Christi, Easter + 60"},
		{"2026-09-07", false, "Independência (Monday)"},
		{"2026-10-12", false, "Nossa Senhora Aparecida (Monday)"},
		{"2026-11-02", false, "Finados (Monday)"},
		{"2026-11-20", false, "Consciência Negra, national from 2024 (Lei 14.759/2023)"},
		{"2023-11-20", true, "Monday; Nov 20 was not a national holiday before 2024"},
		{"2024-11-20", false, "Consciência Negra, its first year as a national holiday"},
		{"2026-12-24", true, "Christmas Eve is a business day"},
		{"2026-12-25", false, "Natal (Friday)"},
		{"2026-12-31", true, "New Year's Eve is a business day"},
		{"2025-12-24", true, "Christmas Eve (Wednesday)"},
		{"2025-12-31", true, "New Year's Eve (Wednesday)"},
		{"2026-11-15", false, "Proclamação da República falls on a Sunday"},
		{"2026-11-16", true, "the Monday after: holidays on weekends do not move"},
		{"2021-05-01", false, "Dia do Trabalho on a Saturday"},
		{"2021-05-03", true, "and the Monday after is a business day"},
		{"2026-02-14", false, "Saturday"},
		{"2026-02-15", false, "Sunday"},
		{"2025-03-03", false, "Carnival Monday 2025 (Easter April 20)"},
		{"2025-03-04", false, "Carnival Tuesday 2025"},
		{"2025-03-05", true, "Ash Wednesday 2025"},
		{"2025-06-19", false, "Corpus Christi 2025"},
		{"2024-03-29", false, "Good Friday 2024 (Easter March 31)"},
	} {
		d := mustDate(t, tc.date)
		if got := c.IsBusinessDay(d); got != tc.want {
			t.Errorf("IsBusinessDay(%s) = %v, want %v: %s", tc.date, got, tc.want, tc.why)
		}
	}
}

// TestHolidays2026 lists 2026 by hand from the table in the package doc with
// Easter on April 5: every national holiday, weekends included, in date order.
func TestHolidays2026(t *testing.T) {
	want := []struct{ date, name string }{
		{"2026-01-01", "Confraternização Universal"},
		{"2026-02-16", "Carnaval"},
		{"2026-02-17", "Carnaval"},
		{"2026-04-03", "Paixão de Cristo"},
		{"2026-04-21", "Tiradentes"},
		{"2026-05-01", "Dia do Trabalho"},
		{"2026-06-04", "Corpus Christi"},
		{"2026-09-07", "Independência do Brasil"},
		{"2026-10-12", "Nossa Senhora Aparecida"},
		{"2026-11-02", "Finados"},
		{"2026-11-15", "Proclamação da República"},
		{"2026-11-20", "Dia Nacional de Zumbi e da Consciência Negra"},
		{"2026-12-25", "Natal"},
	}
	got, err := calendar.Brazil().Holidays(2026)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("Holidays(2026) = %v, want %d holidays", got, len(want))
	}
	for i, w := range want {
		if got[i].Date.String() != w.date || got[i].Name != w.name {
			t.Errorf("Holidays(2026)[%d] = %s %q, want %s %q", i, got[i].Date, got[i].Name, w.date, w.name)
		}
	}
	// 2023 has no November 20 (Lei 14.759/2023 took effect for 2024).
	h23, _ := calendar.Brazil().Holidays(2023)
	if len(h23) != 12 {
		t.Errorf("Holidays(2023) has %d holidays, want 12: %v", len(h23), h23)
	}
	for _, y := range []int{0, -1, 10000} {
		if _, err := calendar.Brazil().Holidays(y); !errors.Is(err, calendar.ErrOutOfRange) {
			t.Errorf("Holidays(%d) error = %v, want ErrOutOfRange", y, err)
		}
	}
}

func TestAdjust(t *testing.T) {
	c := calendar.Brazil()
	for _, tc := range []struct {
		date string
		roll calendar.Roll
		want string
		why  string
	}{
		{"2026-02-18", calendar.Following, "2026-02-18", "a business day stays"},
		{"2026-02-18", calendar.ModifiedPreceding, "2026-02-18", "a business day stays"},
		{"2026-02-14", calendar.Following, "2026-02-18", "Sat → over Sun, Carnival Mon and Tue"},
		{"2026-02-14", calendar.Preceding, "2026-02-13", "Sat → Fri"},
		{"2026-02-16", calendar.Following, "2026-02-18", "Carnival Monday → Ash Wednesday"},
		{"2026-02-17", calendar.Preceding, "2026-02-13", "Carnival Tuesday → Friday before"},
		{"2026-02-14", calendar.Unadjusted, "2026-02-14", "unadjusted keeps a Saturday"},
		// May 2026 ends on Sunday 31; June 1 is Monday.
		{"2026-05-30", calendar.Following, "2026-06-01", "Sat → Mon in June"},
		{"2026-05-30", calendar.ModifiedFollowing, "2026-05-29", "June is another month → Fri"},
		{"2026-05-16", calendar.ModifiedFollowing, "2026-05-18", "mid-month: same as following"},
		// November 2026 starts on Sunday 1; Monday 2 is Finados.
		{"2026-11-01", calendar.Preceding, "2026-10-30", "Sun → Fri in October"},
		{"2026-11-01", calendar.ModifiedPreceding, "2026-11-03", "October is another month → Tue after Finados"},
		{"2026-11-02", calendar.ModifiedPreceding, "2026-11-03", "Finados → Tue"},
		{"2026-10-31", calendar.ModifiedFollowing, "2026-10-30", "Sat 31 → Fri 30"},
		// 9999-12-31 is a Friday and a business day; 0001-01-01 is a holiday.
		{"9999-12-31", calendar.ModifiedFollowing, "9999-12-31", "last day of the range"},
		{"0001-01-01", calendar.ModifiedPreceding, "0001-01-02", "no day before the range: the following"},
		{"0001-01-01", calendar.Following, "0001-01-02", "Jan 1 year 1 is a Monday holiday"},
	} {
		got, err := c.Adjust(mustDate(t, tc.date), tc.roll)
		if err != nil || got.String() != tc.want {
			t.Errorf("Adjust(%s, %v) = %s, %v; want %s (%s)", tc.date, tc.roll, got, err, tc.want, tc.why)
		}
	}
	// With a holiday on the last day of the range, there is no following
	// business day: modified following takes the preceding one.
	last := mustDate(t, "9999-12-31")
	endClosed, err := calendar.New(calendar.Once("closed", last))
	if err != nil {
		t.Fatal(err)
	}
	if got, err := endClosed.Adjust(last, calendar.ModifiedFollowing); err != nil || got.String() != "9999-12-30" {
		t.Errorf("Adjust(9999-12-31 closed, modified-following) = %s, %v; want 9999-12-30", got, err)
	}
	if _, err := endClosed.Adjust(last, calendar.Following); !errors.Is(err, calendar.ErrOutOfRange) {
		t.Errorf("Adjust(9999-12-31 closed, following) error = %v, want ErrOutOfRange", err)
	}
	for _, tc := range []struct {
		date string
		roll calendar.Roll
		want error
	}{
		{"0001-01-01", calendar.Preceding, calendar.ErrOutOfRange},
		{"2026-02-14", calendar.Roll(5), calendar.ErrInvalidRoll},
		{"2026-02-18", calendar.Roll(255), calendar.ErrInvalidRoll},
	} {
		if _, err := c.Adjust(mustDate(t, tc.date), tc.roll); !errors.Is(err, tc.want) {
			t.Errorf("Adjust(%s, %v) error = %v, want %v", tc.date, tc.roll, err, tc.want)
		}
	}
}

func TestAddBusinessDays(t *testing.T) {
	c := calendar.Brazil()
	for _, tc := range []struct {
		date string
		n    int
		want string
		why  string
	}{
		{"2026-02-13", 1, "2026-02-18", "Fri + 1 jumps the weekend and Carnival"},
		{"2026-02-14", 1, "2026-02-18", "from a Saturday, the first business day after"},
		{"2026-02-14", -1, "2026-02-13", "from a Saturday, the last business day before"},
		{"2026-02-18", -1, "2026-02-13", "Ash Wednesday − 1"},
		{"2026-02-14", 0, "2026-02-14", "n = 0 keeps the date, even on a weekend"},
		{"2026-02-18", 0, "2026-02-18", "n = 0 on a business day"},
		{"2026-02-18", 2, "2026-02-20", "Wed + 2 = Fri"},
		{"2026-02-18", 3, "2026-02-23", "Wed + 3 = Mon"},
		// March 2026 has 22 business days (31 days, 9 weekend days, no holiday),
		// so from Feb 27 (Fri), 22 business days later is Mar 31 (Tue).
		{"2026-02-27", 22, "2026-03-31", "a whole March"},
		{"2026-03-31", -22, "2026-02-27", "and back"},
		{"2199-12-31", 1, "2200-01-02", "Tue 2199-12-31 + 1: across the table's end (Wed 2200-01-01 is a holiday)"},
		{"2200-01-02", -1, "2199-12-31", "and back"},
		{"1900-01-02", -1, "1899-12-29", "Tue 1900-01-02 − 1: across the table's start"},
		{"1899-12-29", 1, "1900-01-02", "and back"},
		{"9999-12-30", 1, "9999-12-31", "Thu → Fri, the last day of the range"},
	} {
		got, err := c.AddBusinessDays(mustDate(t, tc.date), tc.n)
		if err != nil || got.String() != tc.want {
			t.Errorf("AddBusinessDays(%s, %d) = %s, %v; want %s (%s)", tc.date, tc.n, got, err, tc.want, tc.why)
		}
	}
	for _, tc := range []struct {
		date string
		n    int
	}{
		{"9999-12-31", 1},
		{"0001-01-02", -1}, // Jan 1, year 1, is a holiday: nothing before
		{"2026-01-01", 1 << 40},
		{"2026-01-01", -1 << 40},
		{"2026-01-01", int(^uint(0) >> 1)},
		{"2026-01-01", -int(^uint(0)>>1) - 1},
		{"2026-01-01", 3_000_000}, // more business days than remain in the range
	} {
		if got, err := c.AddBusinessDays(mustDate(t, tc.date), tc.n); !errors.Is(err, calendar.ErrOutOfRange) || !got.IsZero() {
			t.Errorf("AddBusinessDays(%s, %d) = %s, %v; want the zero Date and ErrOutOfRange", tc.date, tc.n, got, err)
		}
	}
}

func TestBusinessDaysBetween(t *testing.T) {
	c := calendar.Brazil()
	for _, tc := range []struct {
		a, b string
		want int
		why  string
	}{
		{"2026-02-13", "2026-02-18", 1, "(Fri, Wed]: only Wed"},
		{"2026-02-18", "2026-02-13", -1, "[Fri, Wed): only Fri, negated"},
		{"2026-02-14", "2026-02-14", 0, "empty interval"},
		{"2026-02-14", "2026-02-15", 0, "(Sat, Sun]"},
		{"2026-02-14", "2026-02-18", 1, "(Sat, Wed]"},
		{"2026-02-18", "2026-02-14", 0, "[Sat, Wed): Sat, Sun and Carnival Mon, Tue"},
		{"2026-02-27", "2026-03-31", 22, "March 2026: 31 days − 9 weekend days"},
		// 2026: 365 days, 104 weekend days (52 Saturdays, 52 Sundays; Jan 1 is a
		// Thursday, so the extra day is a Thursday). Holidays on weekdays: all 13
		// but Nov 15 (Sunday) = 12. Business days: 365 − 104 − 12 = 249.
		{"2025-12-31", "2026-12-31", 249, "the business days of 2026"},
		{"2026-12-31", "2025-12-31", -249, "back: [2025-12-31, 2026-12-31) swaps Dec 31 2026 for Dec 31 2025, both business days"},
	} {
		got := c.BusinessDaysBetween(mustDate(t, tc.a), mustDate(t, tc.b))
		if got != tc.want {
			t.Errorf("BusinessDaysBetween(%s, %s) = %d, want %d (%s)", tc.a, tc.b, got, tc.want, tc.why)
		}
	}
}

func TestNewWithExtraHolidays(t *testing.T) {
	// São Paulo city: January 25 (municipal anniversary); São Paulo state: July 9
	// (Revolução Constitucionalista, Lei estadual 9.497/1997). 2027-01-25 is a
	// Monday, 2026-07-09 a Thursday.
	sp, err := calendar.New(
		calendar.Fixed("Aniversário de São Paulo", time.January, 25),
		calendar.Fixed("Revolução Constitucionalista", time.July, 9).Years(1997, 0),
		calendar.Easter("Quarta-feira de Cinzas (meio expediente)", -46).Years(2030, 2030),
		calendar.Once("Ponto facultativo", mustDate(t, "2026-10-30")),
		calendar.Fixed("Dia bissexto", time.February, 29),
	)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		date       string
		sp, brazil bool
	}{
		{"2027-01-25", false, true},
		{"2026-07-09", false, true},
		{"1996-07-09", true, true}, // before the state law: Tuesday, business day
		{"2026-10-30", false, true},
		{"2027-10-29", true, true},  // Once is once
		{"2030-03-06", false, true}, // Ash Wednesday 2030 (Easter April 21), only in 2030
		{"2031-02-26", true, true},  // Ash Wednesday 2031 (Easter April 13)
		{"2036-02-29", false, true}, // leap year: Friday (Carnival 2036 is Feb 25–26)
		{"2027-03-01", true, true},  // common year: no Feb 29 and no roll to Mar 1
		{"2026-02-16", false, false},
	} {
		d := mustDate(t, tc.date)
		if got := sp.IsBusinessDay(d); got != tc.sp {
			t.Errorf("sp.IsBusinessDay(%s) = %v, want %v", tc.date, got, tc.sp)
		}
		if got := calendar.Brazil().IsBusinessDay(d); got != tc.brazil {
			t.Errorf("Brazil().IsBusinessDay(%s) = %v, want %v", tc.date, got, tc.brazil)
		}
	}
	hs, _ := sp.Holidays(2027)
	if len(hs) != 15 { // 13 national + Jan 25 + Jul 9 (2027 has no Feb 29)
		t.Errorf("sp.Holidays(2027) has %d entries, want 15: %v", len(hs), hs)
	}
	if c, err := calendar.New(); err != nil || c != calendar.Brazil() {
		t.Errorf("New() = %p, %v; want Brazil()", c, err)
	}
}

func TestNewInvalidRules(t *testing.T) {
	d := mustDate(t, "2026-10-30")
	for _, r := range []calendar.Rule{
		{},
		calendar.Fixed("", time.January, 1),
		calendar.Fixed("x\ty", time.January, 1),
		calendar.Fixed("\xff", time.January, 1),
		calendar.Fixed("Feb 30", time.February, 30),
		calendar.Fixed("Apr 31", time.April, 31),
		calendar.Fixed("month 0", 0, 1),
		calendar.Fixed("month 13", 13, 1),
		calendar.Fixed("day 0", time.March, 0),
		calendar.Easter("too early", -81),
		calendar.Easter("too late", 250),
		calendar.Fixed("reversed", time.March, 1).Years(2030, 2020),
		calendar.Fixed("year 10000", time.March, 1).Years(0, 10000),
		calendar.Fixed("negative", time.March, 1).Years(-5, 0),
		calendar.Once("unset", calendar.Date{}),
		calendar.Once("outside its years", d).Years(2027, 0),
	} {
		c, err := calendar.New(r)
		var e *apierr.Error
		if !errors.Is(err, calendar.ErrInvalidRule) || !errors.As(err, &e) || c != nil {
			t.Errorf("New(%q rule) = %v, %v; want nil and ErrInvalidRule", r.Name(), c, err)
			continue
		}
		if e.Code != apierr.InvalidFormat || e.Param != "rule" || !strings.Contains(e.Detail, apierr.Quote(r.Name())) {
			t.Errorf("New(%q rule) error = %+v", r.Name(), e)
		}
	}
}

// TestZeroAndNilCalendar: the zero Calendar and a nil *Calendar are the
// national calendar, not an empty one and not a panic.
func TestZeroAndNilCalendar(t *testing.T) {
	carnival := mustDate(t, "2026-02-16")
	var nilCal *calendar.Calendar
	for name, c := range map[string]*calendar.Calendar{"nil": nilCal, "zero": new(calendar.Calendar)} {
		if c.IsBusinessDay(carnival) {
			t.Errorf("%s calendar: Carnival Monday is a business day", name)
		}
		if got, err := c.Adjust(carnival, calendar.Following); err != nil || got.String() != "2026-02-18" {
			t.Errorf("%s calendar: Adjust = %s, %v", name, got, err)
		}
		if hs, err := c.Holidays(2026); err != nil || len(hs) != 13 {
			t.Errorf("%s calendar: Holidays(2026) = %d, %v", name, len(hs), err)
		}
	}
}

// TestConcurrentFirstUse builds a fresh calendar's table from many goroutines
// at once (run with -race).
func TestConcurrentFirstUse(t *testing.T) {
	c, err := calendar.New(calendar.Fixed("x", time.March, 3))
	if err != nil {
		t.Fatal(err)
	}
	d := mustDate(t, "2026-03-03")
	done := make(chan bool)
	for range 8 {
		go func() {
			done <- c.IsBusinessDay(d)
		}()
	}
	for range 8 {
		if <-done {
			t.Error("2026-03-03 should be a holiday of c")
		}
	}
}

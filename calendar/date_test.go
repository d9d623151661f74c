package calendar_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/calendar"
)

// TestDateAgainstTimeEveryDay walks every day of 0001-01-01 through 9999-12-31
// and holds Date's calendar arithmetic to the standard library's time package.
func TestDateAgainstTimeEveryDay(t *testing.T) {
	var d calendar.Date // 0001-01-01
	tm := time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; ; i++ {
		y, m, dd := d.Date()
		ty, tmo, tdd := tm.Date()
		if y != ty || m != tmo || dd != tdd || d.Weekday() != tm.Weekday() {
			t.Fatalf("day %d: Date = %d-%d-%d %v, time = %d-%d-%d %v", i, y, m, dd, d.Weekday(), ty, tmo, tdd, tm.Weekday())
		}
		if i%97 == 0 {
			if s := d.String(); s != tm.Format(time.DateOnly) {
				t.Fatalf("day %d: String = %s, want %s", i, s, tm.Format(time.DateOnly))
			}
		}
		next, err := d.AddDays(1)
		if err != nil {
			if tm.Format(time.DateOnly) != "9999-12-31" {
				t.Fatalf("AddDays(%s, 1): %v", d, err)
			}
			if i != 3652058 {
				t.Fatalf("the range holds %d days, want 3652059", i+1)
			}
			return
		}
		d, tm = next, tm.AddDate(0, 0, 1)
	}
}

func TestNewDate(t *testing.T) {
	for _, tc := range []struct {
		y    int
		m    time.Month
		d    int
		want string
		err  error
	}{
		{2026, time.February, 16, "2026-02-16", nil},
		{2024, time.February, 29, "2024-02-29", nil},
		{2000, time.February, 29, "2000-02-29", nil},
		{1, time.January, 1, "0001-01-01", nil},
		{9999, time.December, 31, "9999-12-31", nil},
		{2026, time.February, 29, "", calendar.ErrInvalidDate},
		{1900, time.February, 29, "", calendar.ErrInvalidDate}, // century, not divisible by 400
		{2026, time.April, 31, "", calendar.ErrInvalidDate},
		{2026, 0, 1, "", calendar.ErrInvalidDate},
		{2026, 13, 1, "", calendar.ErrInvalidDate},
		{2026, time.January, 0, "", calendar.ErrInvalidDate},
		{2026, time.January, -1, "", calendar.ErrInvalidDate},
		{0, time.January, 1, "", calendar.ErrOutOfRange},
		{10000, time.January, 1, "", calendar.ErrOutOfRange},
		{-1 << 40, time.January, 1, "", calendar.ErrOutOfRange},
	} {
		d, err := calendar.NewDate(tc.y, tc.m, tc.d)
		if tc.err != nil {
			if !errors.Is(err, tc.err) || !d.IsZero() {
				t.Errorf("NewDate(%d, %d, %d) = %s, %v; want %v", tc.y, tc.m, tc.d, d, err, tc.err)
			}
			continue
		}
		if err != nil || d.String() != tc.want {
			t.Errorf("NewDate(%d, %d, %d) = %s, %v; want %s", tc.y, tc.m, tc.d, d, err, tc.want)
		}
	}
}

func TestParseDate(t *testing.T) {
	for _, s := range []string{"2026-02-16", "0001-01-01", "9999-12-31", "2024-02-29", "2000-02-29"} {
		d, err := calendar.ParseDate(s)
		if err != nil || d.String() != s {
			t.Errorf("ParseDate(%q) = %s, %v", s, d, err)
		}
	}
	for _, tc := range []struct {
		in   string
		want error
	}{
		{"", calendar.ErrInvalidDate},
		{"2026-2-16", calendar.ErrInvalidDate},
		{"2026-02-16 ", calendar.ErrInvalidDate},
		{" 2026-02-16", calendar.ErrInvalidDate},
		{"2026/02/16", calendar.ErrInvalidDate},
		{"20260216", calendar.ErrInvalidDate},
		{"2026-02-16T00:00:00Z", calendar.ErrInvalidDate},
		{"+026-02-16", calendar.ErrInvalidDate},
		{"2026-0a-16", calendar.ErrInvalidDate},
		{"２026-02-16", calendar.ErrInvalidDate}, // fullwidth digit
		{"2026-02-29", calendar.ErrInvalidDate},
		{"2026-02-30", calendar.ErrInvalidDate},
		{"2026-00-10", calendar.ErrInvalidDate},
		{"2026-13-10", calendar.ErrInvalidDate},
		{"2026-01-00", calendar.ErrInvalidDate},
		{"2026-01-32", calendar.ErrInvalidDate},
		{"1900-02-29", calendar.ErrInvalidDate},
		{"0000-01-01", calendar.ErrOutOfRange},
		{strings.Repeat("9", 1<<16), calendar.ErrInvalidDate},
	} {
		d, err := calendar.ParseDate(tc.in)
		var e *apierr.Error
		if !errors.Is(err, tc.want) || !errors.As(err, &e) || !d.IsZero() {
			t.Errorf("ParseDate(%.20q) = %s, %v; want %v", tc.in, d, err, tc.want)
			continue
		}
		wantCode := apierr.InvalidFormat
		if tc.want == calendar.ErrOutOfRange {
			wantCode = apierr.DateOutOfRange
		}
		if e.Code != wantCode || e.Param != "date" || len(e.Error()) > 200 {
			t.Errorf("ParseDate(%.20q) error = %.300q", tc.in, e.Error())
		}
	}
	_, err := calendar.ParseDate("2026-02-30")
	if got, want := err.Error(), `invalid_format: date "2026-02-30": invalid date: day 30 is not 01 through 28 (February 2026)`; got != want {
		t.Errorf("error message = %q, want %q", got, want)
	}
}

func TestAddMonths(t *testing.T) {
	for _, tc := range []struct {
		from string
		n    int
		want string
	}{
		{"2026-01-31", 1, "2026-02-28"},
		{"2024-01-31", 1, "2024-02-29"},
		{"2026-01-31", 2, "2026-03-31"}, // from the anchor, not from Feb 28
		{"2026-01-31", 3, "2026-04-30"},
		{"2026-03-31", -1, "2026-02-28"},
		{"2026-01-15", 12, "2027-01-15"},
		{"2026-01-15", -12, "2025-01-15"},
		{"2026-01-15", 0, "2026-01-15"},
		{"2026-12-15", 1, "2027-01-15"},
		{"2026-01-15", -1, "2025-12-15"},
		{"2024-02-29", 12, "2025-02-28"},
		{"2024-02-29", 48, "2028-02-29"},
		{"0001-01-31", 119987, "9999-12-31"},
		{"9999-12-31", -119987, "0001-01-31"},
	} {
		got, err := mustDate(t, tc.from).AddMonths(tc.n)
		if err != nil || got.String() != tc.want {
			t.Errorf("%s.AddMonths(%d) = %s, %v; want %s", tc.from, tc.n, got, err, tc.want)
		}
	}
	for _, tc := range []struct {
		from string
		n    int
	}{
		{"9999-12-01", 1},
		{"0001-01-31", -1},
		{"0001-01-31", 119988},
		{"2026-01-01", 1 << 62},
		{"2026-01-01", -1 << 62},
		{"2026-01-01", int(^uint(0) >> 1)},
		{"2026-01-01", -int(^uint(0)>>1) - 1},
	} {
		if got, err := mustDate(t, tc.from).AddMonths(tc.n); !errors.Is(err, calendar.ErrOutOfRange) || !got.IsZero() {
			t.Errorf("%s.AddMonths(%d) = %s, %v; want ErrOutOfRange", tc.from, tc.n, got, err)
		}
	}
}

func TestAddDaysEdges(t *testing.T) {
	last := mustDate(t, "9999-12-31")
	var first calendar.Date
	for _, tc := range []struct {
		d    calendar.Date
		n    int
		want string
	}{
		{first, 3652058, "9999-12-31"},
		{last, -3652058, "0001-01-01"},
		{mustDate(t, "2026-02-28"), 1, "2026-03-01"},
		{mustDate(t, "2024-02-28"), 1, "2024-02-29"},
		{mustDate(t, "2026-03-01"), -1, "2026-02-28"},
	} {
		if got, err := tc.d.AddDays(tc.n); err != nil || got.String() != tc.want {
			t.Errorf("%s.AddDays(%d) = %s, %v; want %s", tc.d, tc.n, got, err, tc.want)
		}
	}
	for _, tc := range []struct {
		d calendar.Date
		n int
	}{
		{last, 1}, {first, -1}, {first, 3652059}, {last, -3652059},
		{first, int(^uint(0) >> 1)}, {last, -int(^uint(0)>>1) - 1}, {first, 1 << 40},
	} {
		if got, err := tc.d.AddDays(tc.n); !errors.Is(err, calendar.ErrOutOfRange) || !got.IsZero() {
			t.Errorf("%s.AddDays(%d) = %s, %v; want ErrOutOfRange", tc.d, tc.n, got, err)
		}
	}
	if got := calendar.DaysBetween(first, last); got != 3652058 {
		t.Errorf("DaysBetween(first, last) = %d, want 3652058", got)
	}
	if got := calendar.DaysBetween(mustDate(t, "2026-03-01"), mustDate(t, "2026-02-01")); got != -28 {
		t.Errorf("DaysBetween(2026-03-01, 2026-02-01) = %d, want -28", got)
	}
}

func TestCompare(t *testing.T) {
	a, b := mustDate(t, "2026-02-16"), mustDate(t, "2026-02-17")
	if a.Compare(b) != -1 || b.Compare(a) != 1 || a.Compare(a) != 0 || !a.Before(b) || a.After(b) || !b.After(a) || a == b {
		t.Error("ordering of 2026-02-16 and 2026-02-17 is wrong")
	}
	var zero calendar.Date
	if !zero.IsZero() || zero.String() != "0001-01-01" || a.IsZero() {
		t.Errorf("zero Date = %s, IsZero %v", zero, zero.IsZero())
	}
}

func TestMonthlySeries(t *testing.T) {
	got, err := calendar.MonthlySeries(mustDate(t, "2026-01-31"), 6)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30", "2026-05-31", "2026-06-30"}
	if len(got) != len(want) {
		t.Fatalf("MonthlySeries = %v, want %v", got, want)
	}
	for i := range want {
		if got[i].String() != want[i] {
			t.Errorf("MonthlySeries[%d] = %s, want %s", i, got[i], want[i])
		}
	}
	if s, err := calendar.MonthlySeries(mustDate(t, "2026-01-31"), 0); err != nil || len(s) != 0 {
		t.Errorf("MonthlySeries(n = 0) = %v, %v", s, err)
	}
	for _, tc := range []struct {
		first string
		n     int
	}{{"2026-01-31", -1}, {"9999-11-30", 3}, {"2026-01-01", 1 << 40}, {"0001-01-01", 119989}} {
		if s, err := calendar.MonthlySeries(mustDate(t, tc.first), tc.n); !errors.Is(err, calendar.ErrOutOfRange) || s != nil {
			t.Errorf("MonthlySeries(%s, %d) = %v, %v; want ErrOutOfRange", tc.first, tc.n, s, err)
		}
	}
	if s, err := calendar.MonthlySeries(mustDate(t, "9999-11-30"), 2); err != nil || len(s) != 2 || s[1].String() != "9999-12-30" {
		t.Errorf("MonthlySeries(9999-11-30, 2) = %v, %v", s, err)
	}
	buf := make([]calendar.Date, 0, 48)
	first := mustDate(t, "2026-01-31")
	if allocs := testing.AllocsPerRun(100, func() {
		buf, _ = calendar.AppendMonthlySeries(buf[:0], first, 48)
	}); allocs != 0 {
		t.Errorf("AppendMonthlySeries with capacity allocates %v times", allocs)
	}
}

func TestJSON(t *testing.T) {
	type doc struct {
		Due   calendar.Date `json:"due"`
		Unset calendar.Date `json:"unset,omitzero"`
	}
	b, err := json.Marshal(doc{Due: mustDate(t, "2026-02-18")})
	if err != nil || string(b) != `{"due":"2026-02-18"}` {
		t.Fatalf("Marshal = %s, %v", b, err)
	}
	for _, tc := range []struct {
		in, want string
	}{
		{`{"due":"2026-02-18"}`, "2026-02-18"},
		{`{"due":"\u0032026-02-18"}`, "2026-02-18"}, // escaped '2' is still the same string
		{`{"due":null}`, "0001-01-01"},              // null leaves the field alone
		{`{}`, "0001-01-01"},
	} {
		var v doc
		if err := json.Unmarshal([]byte(tc.in), &v); err != nil || v.Due.String() != tc.want {
			t.Errorf("Unmarshal(%s) = %s, %v; want %s", tc.in, v.Due, err, tc.want)
		}
	}
	for _, in := range []string{
		`{"due":"2026-02-30"}`, `{"due":20260218}`, `{"due":"2026-02-18 "}`, `{"due":""}`,
		`{"due":{}}`, `{"due":true}`, `{"due":"0000-01-01"}`,
	} {
		var v doc
		if err := json.Unmarshal([]byte(in), &v); err == nil {
			t.Errorf("Unmarshal(%s) = %s, want an error", in, v.Due)
		}
	}
	// Called directly, not through encoding/json (which validates first).
	for _, in := range []string{``, `"`, `"2026-02-18`, `2026-02-18"`, `'2026-02-18'`, `"2026-02-18"x`, "\"2026-02-1\x00\""} {
		var d calendar.Date
		if err := d.UnmarshalJSON([]byte(in)); !errors.Is(err, calendar.ErrInvalidDate) || !d.IsZero() {
			t.Errorf("UnmarshalJSON(%q) = %s, %v; want ErrInvalidDate", in, d, err)
		}
	}
	var d calendar.Date
	if err := d.UnmarshalText([]byte("2026-02-18")); err != nil || d.String() != "2026-02-18" {
		t.Errorf("UnmarshalText = %s, %v", d, err)
	}
	if b, err := d.MarshalText(); err != nil || string(b) != "2026-02-18" {
		t.Errorf("MarshalText = %s, %v", b, err)
	}
	if err := d.UnmarshalText([]byte("2026-02-30")); !errors.Is(err, calendar.ErrInvalidDate) || d.String() != "2026-02-18" {
		t.Errorf("bad UnmarshalText = %s, %v; want ErrInvalidDate and d unchanged", d, err)
	}
}

// TestDateOf checks the São Paulo date of instants, including historical
// daylight saving time: from 2018-11-04 to 2019-02-16 São Paulo was at UTC−2
// (Decreto 9.242/2017 set that season; Decreto 9.772/2019 ended DST), so
// 02:30 UTC on 2019-01-15 was 00:30 on the 15th there, while a fixed UTC−3 would
// say 23:30 on the 14th.
func TestDateOf(t *testing.T) {
	for _, tc := range []struct {
		instant string
		want    string
	}{
		{"2019-01-15T02:30:00Z", "2019-01-15"}, // DST: UTC−2
		{"2019-01-15T01:30:00Z", "2019-01-14"},
		{"2026-01-15T02:30:00Z", "2026-01-14"}, // no DST since 2019: UTC−3
		{"2026-01-15T03:00:00Z", "2026-01-15"},
		{"2026-03-01T01:30:00Z", "2026-02-28"},
		{"2026-02-28T23:30:00-03:00", "2026-02-28"},
		{"2026-03-01T01:30:00+09:00", "2026-02-28"}, // t's own zone does not matter
	} {
		tm, err := time.Parse(time.RFC3339, tc.instant)
		if err != nil {
			t.Fatal(err)
		}
		got, err := calendar.DateOf(tm)
		if err != nil || got.String() != tc.want {
			t.Errorf("DateOf(%s) = %s, %v; want %s", tc.instant, got, err, tc.want)
		}
	}
	for _, tm := range []time.Time{
		{}, // 0001-01-01 00:00 UTC is 0000-12-31 in São Paulo
		time.Date(10000, 1, 1, 12, 0, 0, 0, time.UTC),
		time.Date(-5, 1, 1, 12, 0, 0, 0, time.UTC),
	} {
		if d, err := calendar.DateOf(tm); !errors.Is(err, calendar.ErrOutOfRange) || !d.IsZero() {
			t.Errorf("DateOf(%s) = %s, %v; want ErrOutOfRange", tm, d, err)
		}
	}
	d := mustDate(t, "2018-11-04") // DST began at 00:00: midnight did not exist
	start := d.In(saoPaulo(t))
	if got := start.Format(time.RFC3339); got != "2018-11-04T01:00:00-02:00" {
		t.Errorf("2018-11-04.In(São Paulo) = %s, want 2018-11-04T01:00:00-02:00", got)
	}
	if got, err := calendar.DateOf(start); err != nil || got != d {
		t.Errorf("DateOf(%s) = %s, %v; want %s", start, got, err, d)
	}
	if got := d.In(nil); !got.Equal(time.Date(2018, 11, 4, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("In(nil) = %s, want UTC midnight", got)
	}
	if got, err := calendar.DateIn(time.Date(2026, 3, 1, 1, 0, 0, 0, time.UTC), nil); err != nil || got.String() != "2026-03-01" {
		t.Errorf("DateIn(nil loc) = %s, %v", got, err)
	}
}

func saoPaulo(t testing.TB) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("America/Sao_Paulo")
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func TestDaysIn(t *testing.T) {
	for _, tc := range []struct {
		y    int
		m    time.Month
		want int
	}{
		{2026, time.February, 28}, {2024, time.February, 29}, {1900, time.February, 28},
		{2000, time.February, 29}, {2026, time.April, 30}, {2026, time.December, 31},
		{2026, 0, 0}, {2026, 13, 0},
	} {
		if got := calendar.DaysIn(tc.y, tc.m); got != tc.want {
			t.Errorf("DaysIn(%d, %d) = %d, want %d", tc.y, tc.m, got, tc.want)
		}
	}
}

func TestRoll(t *testing.T) {
	var zero calendar.Roll
	if zero != calendar.Following {
		t.Error("the zero Roll is not Following")
	}
	for r, name := range map[calendar.Roll]string{
		calendar.Following: "following", calendar.ModifiedFollowing: "modified-following",
		calendar.Preceding: "preceding", calendar.ModifiedPreceding: "modified-preceding",
		calendar.Unadjusted: "unadjusted",
	} {
		if r.String() != name {
			t.Errorf("%d.String() = %q, want %q", r, r.String(), name)
		}
		if got, err := calendar.ParseRoll(name); err != nil || got != r {
			t.Errorf("ParseRoll(%q) = %v, %v", name, got, err)
		}
		b, err := r.MarshalText()
		var back calendar.Roll
		if err != nil || string(b) != name || back.UnmarshalText(b) != nil || back != r {
			t.Errorf("text round trip of %v: %s, %v, %v", r, b, err, back)
		}
	}
	for _, s := range []string{"", "Following", "modified_following", "mf", " following"} {
		if _, err := calendar.ParseRoll(s); !errors.Is(err, calendar.ErrInvalidRoll) {
			t.Errorf("ParseRoll(%q) error = %v, want ErrInvalidRoll", s, err)
		}
		r := calendar.Preceding
		if err := r.UnmarshalText([]byte(s)); !errors.Is(err, calendar.ErrInvalidRoll) || r != calendar.Preceding {
			t.Errorf("UnmarshalText(%q) = %v, %v", s, r, err)
		}
	}
	if s := calendar.Roll(9).String(); s != "Roll(9)" {
		t.Errorf("Roll(9).String() = %q", s)
	}
	if _, err := calendar.Roll(9).MarshalText(); !errors.Is(err, calendar.ErrInvalidRoll) {
		t.Errorf("Roll(9).MarshalText error = %v", err)
	}
}

// TestErrorCodes: every error carries the API code and param its reason documents,
// and its Detail quotes the input.
func TestErrorCodes(t *testing.T) {
	var e *apierr.Error
	if _, err := calendar.DateOf(time.Time{}); !errors.As(err, &e) || e.Code != apierr.DateOutOfRange || e.Param != "date" {
		t.Errorf("DateOf(zero time) error = %v, want date_out_of_range for date", err)
	}
	if _, err := calendar.DateIn(time.Time{}, saoPaulo(t)); !errors.As(err, &e) || e.Code != apierr.DateOutOfRange {
		t.Errorf("DateIn(zero time) error = %v, want date_out_of_range", err)
	}
	var r calendar.Roll
	if err := r.UnmarshalText([]byte("mf")); !errors.As(err, &e) || e.Code != apierr.InvalidFormat || e.Param != "roll" ||
		!strings.Contains(e.Detail, `"mf"`) {
		t.Errorf("Roll.UnmarshalText(mf) error = %v, want invalid_format for roll quoting \"mf\"", err)
	}
	if _, err := calendar.Brazil().Holidays(0); !errors.As(err, &e) || e.Code != apierr.DateOutOfRange || e.Param != "year" {
		t.Errorf("Holidays(0) error = %v, want date_out_of_range for year", err)
	}
}

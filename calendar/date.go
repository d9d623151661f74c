package calendar

import (
	"fmt"
	"strconv"
	"sync"
	"time"
	_ "time/tzdata" // DateOf must find America/Sao_Paulo on machines without a zoneinfo database

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/internal/strictjson"
)

// The supported years. Every Date lies in 0001-01-01 through 9999-12-31 of the
// proleptic Gregorian calendar: the years that the text form YYYY-MM-DD can hold.
const (
	MinYear = 1
	MaxYear = 9999
)

// Date is a civil date of the proleptic Gregorian calendar, a year, month and day
// with no time of day and no time zone, between 0001-01-01 and 9999-12-31.
//
// The zero value is 0001-01-01, which IsZero reports; APIs that take an optional
// date read the zero value as "unset". Dates are small comparable values: use ==
// to test equality, Compare, Before and After to order them, and use them as map
// keys. A Date cannot hold a day outside the supported range: every constructor
// and every arithmetic method checks it and returns ErrOutOfRange instead of
// wrapping or saturating.
type Date struct {
	// n counts days since 0001-01-01, so the zero value is that day and the
	// order of n is the order of the dates.
	n int32
}

const (
	maxDayNumber  = 3652058 // 9999-12-31; there are 3652059 days in the range
	unixEpochDays = 719162  // 1970-01-01, for the conversion below
)

// daysFromCivil returns the day number (days since 0001-01-01) of y-m-d, a valid
// date with 1 <= y. It is H. Hinnant's days_from_civil
// (http://howardhinnant.github.io/date_algorithms.html), which counts in 400-year
// eras from March 1 so that the leap day falls at the end of the count; y >= 1
// keeps every quantity non-negative.
func daysFromCivil(y, m, d int) int {
	if m <= 2 {
		y--
	}
	era := y / 400
	yoe := y - era*400
	mp := m - 3
	if m <= 2 {
		mp = m + 9
	}
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468 + unixEpochDays
}

// civil is the inverse of daysFromCivil (Hinnant's civil_from_days).
func civil(n int) (y, m, d int) {
	z := n - unixEpochDays + 719468
	era := z / 146097
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y = yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = doy - (153*mp+2)/5 + 1
	if mp < 10 {
		m = mp + 3
	} else {
		m = mp - 9
		y++
	}
	return y, m, d
}

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

// DaysIn returns the number of days of the month in the year: 28 to 31, or 0 when
// month is not January through December. February has 29 days in the leap years
// of the Gregorian calendar (divisible by 4, except centuries not divisible by
// 400).
func DaysIn(year int, month time.Month) int {
	switch month {
	case time.February:
		if isLeap(year) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	case time.January, time.March, time.May, time.July, time.August, time.October, time.December:
		return 31
	}
	return 0
}

func daysInYear(y int) int {
	if isLeap(y) {
		return 366
	}
	return 365
}

// NewDate returns the date year-month-day. It returns ErrOutOfRange when year is
// outside MinYear..MaxYear and ErrInvalidDate when month is not 1 through 12 or
// day is not a day of that month. It never normalises (time.Date turns
// February 30 into March 2; NewDate refuses it).
func NewDate(year int, month time.Month, day int) (Date, error) {
	return newDate("NewDate", year, month, day)
}

func newDate(op string, year int, month time.Month, day int) (Date, error) {
	if year < MinYear || year > MaxYear {
		return Date{}, newError(ErrOutOfRange, op, ymdText(year, month, day),
			"year "+strconv.Itoa(year)+" is outside 1 through 9999")
	}
	if month < time.January || month > time.December {
		return Date{}, newError(ErrInvalidDate, op, ymdText(year, month, day),
			"month "+strconv.Itoa(int(month))+" is not 1 through 12")
	}
	if n := DaysIn(year, month); day < 1 || day > n {
		return Date{}, newError(ErrInvalidDate, op, ymdText(year, month, day),
			"day "+strconv.Itoa(day)+" is not 1 through "+strconv.Itoa(n)+" ("+month.String()+" "+strconv.Itoa(year)+")")
	}
	return Date{n: int32(daysFromCivil(year, int(month), day))}, nil
}

func ymdText(year int, month time.Month, day int) string {
	return fmt.Sprintf("%04d-%02d-%02d", year, int(month), day)
}

// ParseDate parses a date in the form YYYY-MM-DD (ISO 8601 calendar date,
// extended format): exactly ten bytes, four-digit year, two-digit month and day,
// hyphens, nothing before or after. It returns ErrInvalidDate for any other text
// or a day that does not exist (2026-02-29), and ErrOutOfRange for year 0000.
func ParseDate(s string) (Date, error) {
	return parseDate("ParseDate", s)
}

func parseDate(op, s string) (Date, error) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, newError(ErrInvalidDate, op, s, "want YYYY-MM-DD")
	}
	var v [8]int
	for i, p := range [8]int{0, 1, 2, 3, 5, 6, 8, 9} {
		c := s[p]
		if c < '0' || c > '9' {
			return Date{}, newError(ErrInvalidDate, op, s, "want YYYY-MM-DD with decimal digits")
		}
		v[i] = int(c - '0')
	}
	y := v[0]*1000 + v[1]*100 + v[2]*10 + v[3]
	m := v[4]*10 + v[5]
	d := v[6]*10 + v[7]
	if y == 0 {
		return Date{}, newError(ErrOutOfRange, op, s, "year 0000 is before 0001")
	}
	if m < 1 || m > 12 {
		return Date{}, newError(ErrInvalidDate, op, s, "month "+s[5:7]+" is not 01 through 12")
	}
	if n := DaysIn(y, time.Month(m)); d < 1 || d > n {
		return Date{}, newError(ErrInvalidDate, op, s,
			"day "+s[8:10]+" is not 01 through "+strconv.Itoa(n)+" ("+time.Month(m).String()+" "+s[0:4]+")")
	}
	return Date{n: int32(daysFromCivil(y, m, d))}, nil
}

// Date returns the year, month and day of d.
func (d Date) Date() (year int, month time.Month, day int) {
	y, m, dd := civil(int(d.n))
	return y, time.Month(m), dd
}

// Year returns the year of d, MinYear through MaxYear.
func (d Date) Year() int { y, _, _ := civil(int(d.n)); return y }

// Month returns the month of d.
func (d Date) Month() time.Month { _, m, _ := civil(int(d.n)); return time.Month(m) }

// Day returns the day of the month of d, 1 through 31.
func (d Date) Day() int { _, _, dd := civil(int(d.n)); return dd }

// Weekday returns the day of the week of d.
func (d Date) Weekday() time.Weekday {
	// 0001-01-01 (n = 0) was a Monday in the proleptic Gregorian calendar.
	return time.Weekday((d.n + 1) % 7)
}

// IsZero reports whether d is the zero Date, 0001-01-01.
func (d Date) IsZero() bool { return d.n == 0 }

// Compare returns -1 if d is before e, 0 if they are the same day and +1 if d is
// after e.
func (d Date) Compare(e Date) int {
	switch {
	case d.n < e.n:
		return -1
	case d.n > e.n:
		return +1
	}
	return 0
}

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.n < e.n }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.n > e.n }

// DaysBetween returns the number of days from a to b: b − a, negative when b is
// before a. It cannot overflow: the range holds fewer than 3.7 million days.
func DaysBetween(a, b Date) int { return int(b.n) - int(a.n) }

// AddDays returns the date n days after d (before d when n is negative). It
// returns ErrOutOfRange, and the zero Date, when the result would be before
// 0001-01-01 or after 9999-12-31.
func (d Date) AddDays(n int) (Date, error) {
	if n < -maxDayNumber || n > maxDayNumber || int(d.n)+n < 0 || int(d.n)+n > maxDayNumber {
		return Date{}, newError(ErrOutOfRange, "AddDays", d.String(),
			"adding "+strconv.Itoa(n)+" days leaves 0001-01-01 through 9999-12-31")
	}
	return Date{n: d.n + int32(n)}, nil
}

// maxMonths bounds the month count of AddMonths before any arithmetic, so huge n
// cannot overflow: the range spans 119988 months.
const maxMonths = 12 * MaxYear

// AddMonths returns the date n calendar months after d (before d when n is
// negative), keeping d's day of the month and clamping it to the last day of a
// shorter month: 2026-01-31 plus 1 month is 2026-02-28, plus 2 months is
// 2026-03-31. Clamping never carries over: the anchor day stays d's day, so
// d.AddMonths(k) is the k-th date of the nominal monthly series that starts at d
// (see MonthlySeries), computed without allocating. Chaining
// d.AddMonths(1).AddMonths(1) is not the same thing (2026-01-31 → 2026-02-28 →
// 2026-03-28).
//
// It returns ErrOutOfRange, and the zero Date, when the result's month would be
// before January 0001 or after December 9999.
func (d Date) AddMonths(n int) (Date, error) {
	y, m, dd := civil(int(d.n))
	if n < -maxMonths || n > maxMonths {
		return Date{}, d.monthsError(n)
	}
	t := y*12 + (m - 1) + n // months since January of year 0
	if t < 12*MinYear || t >= 12*(MaxYear+1) {
		return Date{}, d.monthsError(n)
	}
	ny, nm := t/12, t%12+1
	if last := DaysIn(ny, time.Month(nm)); dd > last {
		dd = last
	}
	return Date{n: int32(daysFromCivil(ny, nm, dd))}, nil
}

func (d Date) monthsError(n int) error {
	return newError(ErrOutOfRange, "AddMonths", d.String(),
		"adding "+strconv.Itoa(n)+" months leaves January 0001 through December 9999")
}

// maxSeries is the longest monthly series that can exist (every month of the range).
const maxSeries = 12 * MaxYear

// MonthlySeries returns the n nominal monthly dates that start at first: first,
// first.AddMonths(1), …, first.AddMonths(n-1). Item k is always
// first.AddMonths(k), each clamped on its own, so an anchor on the 31st gives the
// last day of every shorter month and the 31st of every long one. n = 0 gives an
// empty slice. It returns ErrOutOfRange for negative n or when the last date
// would be after 9999-12-31. On hot paths call first.AddMonths(k) for the k-th
// date, or AppendMonthlySeries with a reused buffer.
func MonthlySeries(first Date, n int) ([]Date, error) {
	return AppendMonthlySeries(nil, first, n)
}

// AppendMonthlySeries is MonthlySeries appending to dst and returning the
// extended slice; with enough capacity in dst it does not allocate. On error dst
// is returned unchanged.
func AppendMonthlySeries(dst []Date, first Date, n int) ([]Date, error) {
	if n < 0 || n > maxSeries {
		return dst, newError(ErrOutOfRange, "MonthlySeries", first.String(),
			"count "+strconv.Itoa(n)+" is not 0 through "+strconv.Itoa(maxSeries))
	}
	if n == 0 {
		return dst, nil
	}
	y, m, anchor := civil(int(first.n))
	if y*12+(m-1)+(n-1) >= 12*(MaxYear+1) { // the last month; n ≤ maxSeries, no overflow
		return dst, newError(ErrOutOfRange, "MonthlySeries", first.String(),
			"a series of "+strconv.Itoa(n)+" months ends after December 9999")
	}
	// Walk the months from the first of first's month, adding each month's
	// length: no civil-date conversion per date.
	start := int(first.n) - (anchor - 1)
	dst = growDates(dst, n)
	for range n {
		last := DaysIn(y, time.Month(m))
		dst = append(dst, Date{n: int32(start + min(anchor, last) - 1)})
		start += last
		if m++; m > 12 {
			m, y = 1, y+1
		}
	}
	return dst, nil
}

func growDates(s []Date, n int) []Date {
	if cap(s)-len(s) >= n {
		return s
	}
	t := make([]Date, len(s), len(s)+n)
	copy(t, s)
	return t
}

// String returns d in the form YYYY-MM-DD.
func (d Date) String() string {
	var buf [10]byte
	return string(d.appendISO(buf[:0]))
}

func (d Date) appendISO(b []byte) []byte {
	y, m, dd := civil(int(d.n))
	return append(b,
		byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-',
		byte('0'+m/10), byte('0'+m%10), '-',
		byte('0'+dd/10), byte('0'+dd%10))
}

// AppendText appends d in the form YYYY-MM-DD to b (encoding.TextAppender). It
// never fails.
func (d Date) AppendText(b []byte) ([]byte, error) { return d.appendISO(b), nil }

// MarshalText returns d in the form YYYY-MM-DD (encoding.TextMarshaler). It never
// fails.
func (d Date) MarshalText() ([]byte, error) { return d.appendISO(make([]byte, 0, 10)), nil }

// UnmarshalText parses text with ParseDate (encoding.TextUnmarshaler), except
// that the zero Date's text, 0001-01-01, is ErrOutOfRange: a decoder's input is
// either absent (the field keeps the zero Date, which optional inputs read as
// unset) or a date, never the zero Date given explicitly, so that absence and a
// value stay apart. On error d is left unchanged.
func (d *Date) UnmarshalText(text []byte) error {
	v, err := parseGiven("UnmarshalText", string(text))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// parseGiven is parseDate for a decoder: the zero Date is refused.
func parseGiven(op, s string) (Date, error) {
	v, err := parseDate(op, s)
	if err == nil && v.IsZero() {
		return Date{}, newError(ErrOutOfRange, op, s,
			"0001-01-01 is the zero Date, which stands for a date not given; expected 0001-01-02 through 9999-12-31")
	}
	return v, err
}

// MarshalJSON returns d as a JSON string "YYYY-MM-DD". It never fails. The zero
// Date marshals as "0001-01-01", which UnmarshalJSON refuses; to leave an unset
// date out of an object, tag the field `json:",omitzero"` (which calls IsZero).
func (d Date) MarshalJSON() ([]byte, error) {
	b := make([]byte, 0, 12)
	b = append(b, '"')
	b = d.appendISO(b)
	return append(b, '"'), nil
}

// UnmarshalJSON parses a JSON string holding YYYY-MM-DD, read with the shared
// strict reader (one JSON value; escapes such as \u0032 are decoded first, as
// JSON says), as UnmarshalText does: the zero Date's 0001-01-01 is
// ErrOutOfRange. JSON null leaves d unchanged, as the encoding/json convention
// asks. Anything else (numbers, objects, other text) returns ErrInvalidDate and
// leaves d unchanged.
func (d *Date) UnmarshalJSON(data []byte) error {
	v, err := strictjson.Scalar(data, "date", strictjson.Limits{MaxString: 64})
	switch {
	case err != nil || v.Kind != strictjson.String && v.Kind != strictjson.Null:
		return newError(ErrInvalidDate, "UnmarshalJSON", string(data), "want a JSON string \"YYYY-MM-DD\"")
	case v.Kind == strictjson.Null:
		return nil
	}
	t, err := parseGiven("UnmarshalJSON", v.Text)
	if err != nil {
		return err
	}
	*d = t
	return nil
}

// saoPaulo is the zone of DateOf, loaded once. time/tzdata is linked in, so
// LoadLocation falls back to the embedded database when the system has none.
var saoPaulo = sync.OnceValues(func() (*time.Location, error) {
	return time.LoadLocation("America/Sao_Paulo")
})

// DateOf returns the civil date, in America/Sao_Paulo, of the instant t, whatever
// t's own location: 2026-03-01T01:30:00Z is 2026-02-28 in São Paulo. It uses the
// IANA time zone database (embedded in the binary through time/tzdata when the
// system has none), so historical dates honour Brazil's daylight saving time,
// which ran in the South-East until February 2019 (Decreto 9.772/2019 ended it);
// a fixed UTC−3 offset would misdate instants between 00:00 and 01:00 of summer
// days before then. It returns ErrOutOfRange when that date is outside
// 0001-01-01 through 9999-12-31.
func DateOf(t time.Time) (Date, error) {
	loc, err := saoPaulo()
	if err != nil {
		// Unreachable with time/tzdata linked in; reported rather than guessed.
		return Date{}, apierr.Wrap(err, apierr.Internal, "", "cannot load the America/Sao_Paulo time zone")
	}
	return dateIn("DateOf", t, loc)
}

// DateIn returns the civil date of the instant t in loc (UTC when loc is nil). It
// returns ErrOutOfRange when that date is outside 0001-01-01 through 9999-12-31.
func DateIn(t time.Time, loc *time.Location) (Date, error) {
	return dateIn("DateIn", t, loc)
}

func dateIn(op string, t time.Time, loc *time.Location) (Date, error) {
	if loc == nil {
		loc = time.UTC
	}
	y, m, d := t.In(loc).Date()
	if y < MinYear || y > MaxYear {
		return Date{}, newError(ErrOutOfRange, op, t.String(),
			"the date in "+loc.String()+" is outside 0001-01-01 through 9999-12-31")
	}
	return Date{n: int32(daysFromCivil(y, int(m), d))}, nil
}

// In returns the first instant of d in loc (UTC when loc is nil): midnight, or,
// when loc skipped midnight that day, the end of the gap (São Paulo's daylight
// saving time began at 00:00, so 2018-11-04 began at 01:00 −02:00). Then
// DateIn(d.In(loc), loc) == d, except for a day loc skipped whole
// (Pacific/Apia skipped 2011-12-30): it has no instant, and In returns the
// first instant after it.
func (d Date) In(loc *time.Location) time.Time {
	if loc == nil {
		loc = time.UTC
	}
	y, m, dd := civil(int(d.n))
	t := time.Date(y, time.Month(m), dd, 0, 0, 0, 0, loc)
	// In a gap time.Date may resolve midnight to an instant of the day before;
	// the day then starts where the zone's next period does.
	for range 2 {
		ty, tm, td := t.Date()
		if ty > y || ty == y && (int(tm) > m || int(tm) == m && td >= dd) {
			break
		}
		_, end := t.ZoneBounds()
		if end.IsZero() {
			break
		}
		t = end
	}
	return t
}

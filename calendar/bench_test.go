package calendar_test

import (
	"testing"

	"github.com/dinie/lending/calendar"
)

// benchDates are 64 dates spread over 2020–2035 (every 89 days from
// 2020-01-01), so the branch predictor and the cache see a realistic mix
// rather than one date.
var benchDates = func() []calendar.Date {
	d, _ := calendar.ParseDate("2020-01-01")
	out := make([]calendar.Date, 64)
	for i := range out {
		out[i], _ = d.AddDays(89 * i)
	}
	return out
}()

var (
	sinkBool bool
	sinkDate calendar.Date
	sinkInt  int
)

func BenchmarkIsBusinessDay(b *testing.B) {
	c := calendar.Brazil()
	c.IsBusinessDay(benchDates[0]) // build the table outside the timing
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		sinkBool = c.IsBusinessDay(benchDates[i&63])
		i++
	}
}

func BenchmarkAddBusinessDays(b *testing.B) {
	c := calendar.Brazil()
	c.IsBusinessDay(benchDates[0])
	for _, n := range []int{1, 30, -30, 252, 2520} {
		b.Run(itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				sinkDate, _ = c.AddBusinessDays(benchDates[i&63], n)
				i++
			}
		})
	}
}

func BenchmarkBusinessDaysBetween(b *testing.B) {
	c := calendar.Brazil()
	c.IsBusinessDay(benchDates[0])
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		sinkInt = c.BusinessDaysBetween(benchDates[i&63], benchDates[(i+7)&63])
		i++
	}
}

func BenchmarkAdjust(b *testing.B) {
	c := calendar.Brazil()
	c.IsBusinessDay(benchDates[0])
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		sinkDate, _ = c.Adjust(benchDates[i&63], calendar.ModifiedFollowing)
		i++
	}
}

func BenchmarkAddMonths(b *testing.B) {
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		sinkDate, _ = benchDates[i&63].AddMonths(i & 63)
		i++
	}
}

// BenchmarkAppendMonthlySeries is a schedule's nominal dates: 48 monthly dates
// from an anchor on the 31st (clamped in every short month), into a reused
// buffer.
func BenchmarkAppendMonthlySeries(b *testing.B) {
	first, _ := calendar.ParseDate("2026-01-31")
	buf := make([]calendar.Date, 0, 48)
	b.ReportAllocs()
	for b.Loop() {
		buf, _ = calendar.AppendMonthlySeries(buf[:0], first, 48)
	}
	sinkDate = buf[47]
}

func BenchmarkParseDate(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sinkDate, _ = calendar.ParseDate("2026-02-18")
	}
}

func BenchmarkAppendText(b *testing.B) {
	buf := make([]byte, 0, 16)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		buf, _ = benchDates[i&63].AppendText(buf[:0])
		i++
	}
}

// BenchmarkIsBusinessDayRulesPath is the path outside the table (year 2500).
func BenchmarkIsBusinessDayRulesPath(b *testing.B) {
	c := calendar.Brazil()
	d, _ := calendar.ParseDate("2500-06-15")
	b.ReportAllocs()
	for b.Loop() {
		sinkBool = c.IsBusinessDay(d)
	}
}

func itoa(n int) string {
	if n < 0 {
		return "-" + itoa(-n)
	}
	s := ""
	for {
		s = string(rune('0'+n%10)) + s
		if n /= 10; n == 0 {
			return s
		}
	}
}

package errorpaths_test

import (
	"time"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/calendar"
)

// calendar's errors were code-less before issue 12; its doc's "Errors" table
// gives the codes and params below.
func init() {
	tables["calendar"] = func() []row {
		d := func(s string) calendar.Date { v, _ := calendar.ParseDate(s); return v }
		last := d("9999-12-31")
		var nilCal *calendar.Calendar // the national calendar
		var date calendar.Date
		var roll calendar.Roll
		return []row{
			{"ParseDate(2026-02-30)", func() error { return err2(calendar.ParseDate("2026-02-30")) }, apierr.InvalidFormat, "date", calendar.ErrInvalidDate},
			{"ParseDate(\"\")", func() error { return err2(calendar.ParseDate("")) }, apierr.InvalidFormat, "date", calendar.ErrInvalidDate},
			{"ParseDate(26-02-01)", func() error { return err2(calendar.ParseDate("26-02-01")) }, apierr.InvalidFormat, "date", calendar.ErrInvalidDate},
			{"ParseDate(2026-13-01)", func() error { return err2(calendar.ParseDate("2026-13-01")) }, apierr.InvalidFormat, "date", calendar.ErrInvalidDate},
			{"ParseDate(0000-01-01)", func() error { return err2(calendar.ParseDate("0000-01-01")) }, "", "date", nil},
			{"ParseDate(2026-02-01T00:00)", func() error { return err2(calendar.ParseDate("2026-02-01T00:00")) }, apierr.InvalidFormat, "date", calendar.ErrInvalidDate},
			{"NewDate(2026, 2, 29)", func() error { return err2(calendar.NewDate(2026, 2, 29)) }, apierr.InvalidFormat, "date", calendar.ErrInvalidDate},
			{"NewDate(2026, 0, 1)", func() error { return err2(calendar.NewDate(2026, 0, 1)) }, apierr.InvalidFormat, "date", calendar.ErrInvalidDate},
			{"NewDate(10000, 1, 1)", func() error { return err2(calendar.NewDate(10000, 1, 1)) }, apierr.DateOutOfRange, "date", calendar.ErrOutOfRange},
			{"NewDate(MaxInt, 1, 1)", func() error { return err2(calendar.NewDate(int(^uint(0)>>1), 1, 1)) }, apierr.DateOutOfRange, "date", calendar.ErrOutOfRange},
			{"9999-12-31.AddDays(1)", func() error { return err2(last.AddDays(1)) }, apierr.DateOutOfRange, "date", calendar.ErrOutOfRange},
			{"9999-12-31.AddDays(MaxInt)", func() error { return err2(last.AddDays(int(^uint(0) >> 1))) }, apierr.DateOutOfRange, "date", calendar.ErrOutOfRange},
			{"0001-01-01.AddDays(MinInt)", func() error { return err2(d("0001-01-01").AddDays(-int(^uint(0)>>1) - 1)) }, apierr.DateOutOfRange, "date", calendar.ErrOutOfRange},
			{"9999-12-31.AddMonths(1)", func() error { return err2(last.AddMonths(1)) }, apierr.DateOutOfRange, "date", calendar.ErrOutOfRange},
			{"AddMonths(MinInt)", func() error { return err2(d("2026-01-31").AddMonths(-int(^uint(0)>>1) - 1)) }, apierr.DateOutOfRange, "date", calendar.ErrOutOfRange},
			{"MonthlySeries(9999-12-01, 2)", func() error { return err2(calendar.MonthlySeries(d("9999-12-01"), 2)) }, apierr.DateOutOfRange, "date", calendar.ErrOutOfRange},
			{"MonthlySeries(2026-01-31, MaxInt)", func() error { return err2(calendar.MonthlySeries(d("2026-01-31"), int(^uint(0)>>1))) }, apierr.DateOutOfRange, "date", calendar.ErrOutOfRange},
			{"AppendMonthlySeries(9999-06-30, 12)", func() error { return err2(calendar.AppendMonthlySeries(nil, d("9999-06-30"), 12)) }, apierr.DateOutOfRange, "date", calendar.ErrOutOfRange},
			{"DateOf(year 10000)", func() error { return err2(calendar.DateOf(time.Date(10000, 1, 1, 12, 0, 0, 0, time.UTC))) }, apierr.DateOutOfRange, "date", calendar.ErrOutOfRange},
			{"DateIn(year 0)", func() error { return err2(calendar.DateIn(time.Date(0, 6, 1, 0, 0, 0, 0, time.UTC), time.UTC)) }, apierr.DateOutOfRange, "date", calendar.ErrOutOfRange},
			{"ParseRoll(sideways)", func() error { return err2(calendar.ParseRoll("sideways")) }, apierr.InvalidFormat, "roll", calendar.ErrInvalidRoll},
			{"ParseRoll(\"\")", func() error { return err2(calendar.ParseRoll("")) }, apierr.InvalidFormat, "roll", calendar.ErrInvalidRoll},
			{"Roll(99).MarshalText", func() error { return err2(calendar.Roll(99).MarshalText()) }, apierr.InvalidFormat, "roll", calendar.ErrInvalidRoll},
			{"Roll.UnmarshalText(FOLLOWING)", func() error { return roll.UnmarshalText([]byte("FOLLOWING")) }, apierr.InvalidFormat, "roll", calendar.ErrInvalidRoll},
			{"Adjust(Roll(99))", func() error { return err2(calendar.Brazil().Adjust(d("2026-02-01"), calendar.Roll(99))) }, apierr.InvalidFormat, "roll", calendar.ErrInvalidRoll},
			{"Adjust(0001-01-01 holiday, Preceding)", func() error { return err2(calendar.Brazil().Adjust(d("0001-01-01"), calendar.Preceding)) }, apierr.DateOutOfRange, "date", calendar.ErrOutOfRange},
			{"nil Calendar AddBusinessDays(9999-12-30, 5)", func() error { return err2(nilCal.AddBusinessDays(d("9999-12-30"), 5)) }, apierr.DateOutOfRange, "date", calendar.ErrOutOfRange},
			{"AddBusinessDays(MaxInt)", func() error { return err2(calendar.Brazil().AddBusinessDays(d("2026-01-02"), int(^uint(0)>>1))) }, apierr.DateOutOfRange, "date", calendar.ErrOutOfRange},
			{"Holidays(0)", func() error { return err2(calendar.Brazil().Holidays(0)) }, apierr.DateOutOfRange, "year", calendar.ErrOutOfRange},
			{"Holidays(10000)", func() error { return err2(calendar.Brazil().Holidays(10000)) }, apierr.DateOutOfRange, "year", calendar.ErrOutOfRange},
			{"New(Fixed(\"\", 1, 2))", func() error { return err2(calendar.New(calendar.Fixed("", time.January, 2))) }, apierr.InvalidFormat, "rule", calendar.ErrInvalidRule},
			{"New(Fixed(Feb 30))", func() error { return err2(calendar.New(calendar.Fixed("x", time.February, 30))) }, apierr.InvalidFormat, "rule", calendar.ErrInvalidRule},
			{"New(Easter(+400))", func() error { return err2(calendar.New(calendar.Easter("x", 400))) }, apierr.InvalidFormat, "rule", calendar.ErrInvalidRule},
			{"New(Fixed.Years(2030, 2020))", func() error { return err2(calendar.New(calendar.Fixed("x", time.May, 2).Years(2030, 2020))) }, apierr.InvalidFormat, "rule", calendar.ErrInvalidRule},
			{"New(Once(zero date))", func() error { return err2(calendar.New(calendar.Once("x", calendar.Date{}))) }, apierr.InvalidFormat, "rule", calendar.ErrInvalidRule},
			{"Date.UnmarshalText(2026-02-30)", func() error { return date.UnmarshalText([]byte("2026-02-30")) }, apierr.InvalidFormat, "date", calendar.ErrInvalidDate},
			{"Date.UnmarshalJSON(number)", func() error { return date.UnmarshalJSON([]byte("20260201")) }, apierr.InvalidFormat, "date", nil},
			{"Date.UnmarshalJSON(nil)", func() error { return date.UnmarshalJSON(nil) }, apierr.InvalidFormat, "date", nil},
		}
	}
}

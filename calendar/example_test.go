package calendar_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/calendar"
)

func ExampleNewDate() {
	d, err := calendar.NewDate(2026, time.February, 16)
	fmt.Println(d, err)
	_, err = calendar.NewDate(2026, time.February, 30)
	fmt.Println(err)
	_, err = calendar.NewDate(10000, time.January, 1)
	fmt.Println(errors.Is(err, calendar.ErrOutOfRange))
	// Output:
	// 2026-02-16 <nil>
	// invalid_format: date "2026-02-30": invalid date: day 30 is not 1 through 28 (February 2026)
	// true
}

func ExampleParseDate() {
	d, err := calendar.ParseDate("2026-02-18")
	fmt.Println(d, d.Weekday(), err)
	_, err = calendar.ParseDate("18/02/2026")
	fmt.Println(err)
	// Output:
	// 2026-02-18 Wednesday <nil>
	// invalid_format: date "18/02/2026": invalid date: want YYYY-MM-DD
}

func ExampleDate_Date() {
	d, _ := calendar.ParseDate("2026-06-04")
	y, m, day := d.Date()
	fmt.Println(y, m, day)
	fmt.Println(d.Year(), d.Month(), d.Day(), d.Weekday())
	// Output:
	// 2026 June 4
	// 2026 June 4 Thursday
}

func ExampleDate_IsZero() {
	var unset calendar.Date
	fmt.Println(unset.IsZero(), unset)
	// Output: true 0001-01-01
}

func ExampleDate_Compare() {
	a, _ := calendar.ParseDate("2026-02-16")
	b, _ := calendar.ParseDate("2026-02-18")
	fmt.Println(a.Compare(b), a.Before(b), a.After(b), a == b)
	// Output: -1 true false false
}

func ExampleDate_AddDays() {
	d, _ := calendar.ParseDate("2026-02-28")
	fmt.Println(d.AddDays(1))
	last, _ := calendar.ParseDate("9999-12-31")
	_, err := last.AddDays(1)
	fmt.Println(err)
	// Output:
	// 2026-03-01 <nil>
	// date_out_of_range: date "9999-12-31": date out of range: adding 1 days leaves 0001-01-01 through 9999-12-31
}

func ExampleDate_AddMonths() {
	anchor, _ := calendar.ParseDate("2026-01-31")
	for k := range 4 {
		d, _ := anchor.AddMonths(k) // the k-th nominal monthly date, no allocation
		fmt.Println(d)
	}
	// Output:
	// 2026-01-31
	// 2026-02-28
	// 2026-03-31
	// 2026-04-30
}

func ExampleDaysBetween() {
	a, _ := calendar.ParseDate("2026-01-31")
	b, _ := calendar.ParseDate("2026-03-02")
	fmt.Println(calendar.DaysBetween(a, b), calendar.DaysBetween(b, a))
	// Output: 30 -30
}

func ExampleDaysIn() {
	fmt.Println(calendar.DaysIn(2026, time.February), calendar.DaysIn(2024, time.February), calendar.DaysIn(2026, time.April))
	// Output: 28 29 30
}

func ExampleMonthlySeries() {
	first, _ := calendar.ParseDate("2024-01-31")
	dates, _ := calendar.MonthlySeries(first, 3)
	fmt.Println(dates)
	// Output: [2024-01-31 2024-02-29 2024-03-31]
}

func ExampleAppendMonthlySeries() {
	buf := make([]calendar.Date, 0, 12) // reused across calls: no allocation
	first, _ := calendar.ParseDate("2026-08-31")
	buf, _ = calendar.AppendMonthlySeries(buf[:0], first, 4)
	fmt.Println(buf)
	// Output: [2026-08-31 2026-09-30 2026-10-31 2026-11-30]
}

func ExampleDate_String() {
	d, _ := calendar.NewDate(2026, time.December, 24)
	fmt.Println(d.String())
	// Output: 2026-12-24
}

func ExampleDate_AppendText() {
	d, _ := calendar.NewDate(2026, time.December, 24)
	b, _ := d.AppendText([]byte("due="))
	fmt.Println(string(b))
	// Output: due=2026-12-24
}

func ExampleDate_MarshalText() {
	d, _ := calendar.NewDate(2026, time.December, 24)
	b, _ := d.MarshalText()
	fmt.Println(string(b))
	var back calendar.Date
	fmt.Println(back.UnmarshalText(b), back)
	// Output:
	// 2026-12-24
	// <nil> 2026-12-24
}

func ExampleDate_UnmarshalText() {
	var d calendar.Date
	err := d.UnmarshalText([]byte("2026-02-30"))
	fmt.Println(errors.Is(err, calendar.ErrInvalidDate), d.IsZero())
	// Output: true true
}

func ExampleDate_MarshalJSON() {
	type installment struct {
		Due      calendar.Date `json:"due_date"`
		Released calendar.Date `json:"released,omitzero"`
	}
	d, _ := calendar.ParseDate("2026-03-02")
	b, _ := json.Marshal(installment{Due: d})
	fmt.Println(string(b))
	// Output: {"due_date":"2026-03-02"}
}

func ExampleDate_UnmarshalJSON() {
	var v struct {
		Due calendar.Date `json:"due_date"`
	}
	fmt.Println(json.Unmarshal([]byte(`{"due_date":"2026-03-02"}`), &v), v.Due)
	err := json.Unmarshal([]byte(`{"due_date":"02/03/2026"}`), &v)
	fmt.Println(errors.Is(err, calendar.ErrInvalidDate))
	// Output:
	// <nil> 2026-03-02
	// true
}

func ExampleDateOf() {
	// 01:30 UTC on March 1 is still February 28 in São Paulo (UTC−3).
	t := time.Date(2026, time.March, 1, 1, 30, 0, 0, time.UTC)
	fmt.Println(calendar.DateOf(t))
	// In January 2019 São Paulo was on daylight saving time (UTC−2).
	t = time.Date(2019, time.January, 15, 2, 30, 0, 0, time.UTC)
	fmt.Println(calendar.DateOf(t))
	// Output:
	// 2026-02-28 <nil>
	// 2019-01-15 <nil>
}

func ExampleDateIn() {
	t := time.Date(2026, time.March, 1, 1, 30, 0, 0, time.UTC)
	fmt.Println(calendar.DateIn(t, time.UTC))
	// Output: 2026-03-01 <nil>
}

func ExampleDate_In() {
	d, _ := calendar.ParseDate("2026-02-18")
	fmt.Println(d.In(time.UTC))
	// Output: 2026-02-18 00:00:00 +0000 UTC
}

func ExampleBrazil() {
	c := calendar.Brazil()
	for _, s := range []string{"2026-02-16", "2026-02-17", "2026-02-18", "2023-11-20", "2026-11-20", "2026-12-24"} {
		d, _ := calendar.ParseDate(s)
		fmt.Println(d, d.Weekday(), c.IsBusinessDay(d))
	}
	// Output:
	// 2026-02-16 Monday false
	// 2026-02-17 Tuesday false
	// 2026-02-18 Wednesday true
	// 2023-11-20 Monday true
	// 2026-11-20 Friday false
	// 2026-12-24 Thursday true
}

func ExampleNew() {
	// The city of São Paulo: national holidays plus its anniversary, January 25,
	// and the state's July 9 (Lei estadual 9.497/1997).
	sp, err := calendar.New(
		calendar.Fixed("Aniversário de São Paulo", time.January, 25),
		calendar.Fixed("Revolução Constitucionalista", time.July, 9).Years(1997, 0),
	)
	if err != nil {
		fmt.Println(err)
		return
	}
	d, _ := calendar.ParseDate("2027-01-25")
	fmt.Println(sp.IsBusinessDay(d), calendar.Brazil().IsBusinessDay(d))
	_, err = calendar.New(calendar.Fixed("Dia 30", time.February, 30))
	fmt.Println(err)
	// Output:
	// false true
	// invalid_format: rule "Dia 30": invalid holiday rule: day 30 is not a day of February
}

func ExampleFixed() {
	c, _ := calendar.New(calendar.Fixed("Dia de São Jorge (RJ)", time.April, 23))
	hs, _ := c.Holidays(2026)
	for _, h := range hs[4:6] {
		fmt.Println(h.Date, h.Name)
	}
	// Output:
	// 2026-04-21 Tiradentes
	// 2026-04-23 Dia de São Jorge (RJ)
}

func ExampleEaster() {
	// A municipality that closes on Ash Wednesday (Easter − 46).
	c, _ := calendar.New(calendar.Easter("Quarta-feira de Cinzas", -46))
	d, _ := calendar.ParseDate("2026-02-18")
	fmt.Println(c.IsBusinessDay(d))
	fmt.Println(c.AddBusinessDays(d, 0))
	next, _ := c.Adjust(d, calendar.Following)
	fmt.Println(next)
	// Output:
	// false
	// 2026-02-18 <nil>
	// 2026-02-19
}

func ExampleOnce() {
	d, _ := calendar.ParseDate("2026-10-30")
	c, _ := calendar.New(calendar.Once("Ponto facultativo", d))
	fmt.Println(c.IsBusinessDay(d))
	nextWeek, _ := d.AddDays(7)
	fmt.Println(c.IsBusinessDay(nextWeek), nextWeek.Weekday())
	// Output:
	// false
	// true Friday
}

func ExampleRule_Years() {
	r := calendar.Fixed("Consciência Negra (municipal)", time.November, 20).Years(2004, 2023)
	c, _ := calendar.New(r)
	for _, s := range []string{"2003-11-20", "2023-11-20", "2024-11-20"} {
		d, _ := calendar.ParseDate(s)
		fmt.Println(d, c.IsBusinessDay(d))
	}
	// Output:
	// 2003-11-20 true
	// 2023-11-20 false
	// 2024-11-20 false
}

func ExampleRule_Name() {
	fmt.Println(calendar.Fixed("Aniversário de São Paulo", time.January, 25).Name())
	// Output: Aniversário de São Paulo
}

func ExampleCalendar_IsBusinessDay() {
	c := calendar.Brazil()
	for _, s := range []string{"2026-06-04", "2026-06-05", "2026-11-15", "2026-11-16"} {
		d, _ := calendar.ParseDate(s)
		fmt.Println(d, c.IsBusinessDay(d))
	}
	// Output:
	// 2026-06-04 false
	// 2026-06-05 true
	// 2026-11-15 false
	// 2026-11-16 true
}

func ExampleCalendar_Adjust() {
	c := calendar.Brazil()
	sat, _ := calendar.ParseDate("2026-05-30") // May 31 is a Sunday, June 1 a Monday
	for _, r := range []calendar.Roll{calendar.Following, calendar.ModifiedFollowing, calendar.Preceding, calendar.Unadjusted} {
		d, _ := c.Adjust(sat, r)
		fmt.Println(r, d)
	}
	// Output:
	// following 2026-06-01
	// modified-following 2026-05-29
	// preceding 2026-05-29
	// unadjusted 2026-05-30
}

func ExampleCalendar_AddBusinessDays() {
	c := calendar.Brazil()
	fri, _ := calendar.ParseDate("2026-02-13")
	fmt.Println(c.AddBusinessDays(fri, 1)) // over the weekend and Carnival
	// 30 business days: Feb 18–20 (3), four full weeks Feb 23 – Mar 20 (23),
	// Mar 23–27 (28), Mar 30 (29), Mar 31 (30).
	fmt.Println(c.AddBusinessDays(fri, 30))
	sat, _ := calendar.ParseDate("2026-02-14")
	fmt.Println(c.AddBusinessDays(sat, 0)) // zero steps: unchanged
	fmt.Println(c.AddBusinessDays(sat, -1))
	// Output:
	// 2026-02-18 <nil>
	// 2026-03-31 <nil>
	// 2026-02-14 <nil>
	// 2026-02-13 <nil>
}

func ExampleCalendar_BusinessDaysBetween() {
	c := calendar.Brazil()
	a, _ := calendar.ParseDate("2026-02-13")
	b, _ := calendar.ParseDate("2026-02-18")
	fmt.Println(c.BusinessDaysBetween(a, b), c.BusinessDaysBetween(b, a))
	// Output: 1 -1
}

func ExampleCalendar_Holidays() {
	hs, _ := calendar.Brazil().Holidays(2026)
	for _, h := range hs {
		fmt.Println(h.Date, h.Date.Weekday(), h.Name)
	}
	// Output:
	// 2026-01-01 Thursday Confraternização Universal
	// 2026-02-16 Monday Carnaval
	// 2026-02-17 Tuesday Carnaval
	// 2026-04-03 Friday Paixão de Cristo
	// 2026-04-21 Tuesday Tiradentes
	// 2026-05-01 Friday Dia do Trabalho
	// 2026-06-04 Thursday Corpus Christi
	// 2026-09-07 Monday Independência do Brasil
	// 2026-10-12 Monday Nossa Senhora Aparecida
	// 2026-11-02 Monday Finados
	// 2026-11-15 Sunday Proclamação da República
	// 2026-11-20 Friday Dia Nacional de Zumbi e da Consciência Negra
	// 2026-12-25 Friday Natal
}

func ExampleParseRoll() {
	r, err := calendar.ParseRoll("modified-following")
	fmt.Println(r, err)
	_, err = calendar.ParseRoll("MF")
	fmt.Println(errors.Is(err, calendar.ErrInvalidRoll))
	// Output:
	// modified-following <nil>
	// true
}

func ExampleRoll_String() {
	var r calendar.Roll
	fmt.Println(r, calendar.ModifiedPreceding, calendar.Roll(7))
	// Output: following modified-preceding Roll(7)
}

func ExampleRoll_MarshalText() {
	b, _ := json.Marshal(map[string]calendar.Roll{"roll": calendar.ModifiedFollowing})
	fmt.Println(string(b))
	// Output: {"roll":"modified-following"}
}

func ExampleRoll_UnmarshalText() {
	var v struct{ Roll calendar.Roll }
	fmt.Println(json.Unmarshal([]byte(`{"Roll":"preceding"}`), &v), v.Roll)
	// Output: <nil> preceding
}

// Every error is an *apierr.Error with the API's code and the field, and its reason
// for errors.Is.
func ExampleParseDate_error() {
	_, err := calendar.ParseDate("2026-02-29")
	var e *apierr.Error
	if errors.As(err, &e) {
		fmt.Println(e.Code, e.Param)
		fmt.Println(e.Detail)
		fmt.Println(errors.Is(err, calendar.ErrInvalidDate))
	}
	// Output:
	// invalid_format date
	// date "2026-02-29": invalid date: day 29 is not 01 through 28 (February 2026)
	// true
}

func ExampleDate_Weekday() {
	d, _ := calendar.ParseDate("2026-11-15")
	fmt.Println(d.Weekday())
	// Output: Sunday
}

// Due dates of a six-installment loan with the first due date on 2026-01-31:
// the nominal monthly series keeps the anchor day (clamped in short months),
// then each date rolls to the next business day (Lei 7.089/1983).
func Example() {
	c := calendar.Brazil()
	first, _ := calendar.ParseDate("2026-01-31")
	for k := range 6 {
		nominal, _ := first.AddMonths(k)
		due, _ := c.Adjust(nominal, calendar.Following)
		fmt.Println(nominal, nominal.Weekday(), "→", due)
	}
	// Output:
	// 2026-01-31 Saturday → 2026-02-02
	// 2026-02-28 Saturday → 2026-03-02
	// 2026-03-31 Tuesday → 2026-03-31
	// 2026-04-30 Thursday → 2026-04-30
	// 2026-05-31 Sunday → 2026-06-01
	// 2026-06-30 Tuesday → 2026-06-30
}

package calendar

import (
	"slices"
	"strconv"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/rickar/cal/v2"
	"github.com/rickar/cal/v2/br"
)

// rule is one holiday rule of a Calendar: the name it is listed under, and
// either a github.com/rickar/cal/v2 definition (h) or, for extra holidays on a
// day of the month, that month and day; both limited to the years from through
// to (0 = open). Rules are evaluated when a calendar's table is built and on the
// rules path outside it, never on the hot path.
type rule struct {
	name     string
	h        *cal.Holiday
	month    time.Month
	day      int
	from, to int
}

// nationalRules returns ANBIMA's national calendar as rickar/cal rules: the
// definitions of its br package (v2.1.31), cloned so that nothing another
// package does to those exported variables reaches a built calendar, with its
// two departures from ANBIMA fixed:
//   - br has Carnival Tuesday only (Easter − 47); Carnival Monday (Easter − 48)
//     is added;
//   - br.ConscienciaNegra has no start year; Nov 20 is a national holiday from
//     2024 only (Lei 14.759/2023), so it gets StartYear 2024.
func nationalRules() []rule {
	carnivalMonday := &cal.Holiday{
		Name:   "Carnaval",
		Type:   cal.ObservancePublic,
		Offset: -48,
		Func:   cal.CalcEasterOffset,
	}
	return []rule{
		{name: "Confraternização Universal", h: br.AnoNovo.Clone(nil)},
		{name: "Carnaval", h: carnivalMonday},
		{name: "Carnaval", h: br.Carnaval.Clone(nil)},
		{name: "Paixão de Cristo", h: br.SextaFeiraSanta.Clone(nil)},
		{name: "Tiradentes", h: br.Tiradentes.Clone(nil)},
		{name: "Dia do Trabalho", h: br.Trabalhador.Clone(nil)},
		{name: "Corpus Christi", h: br.CorpusChristi.Clone(nil)},
		{name: "Independência do Brasil", h: br.Independencia.Clone(nil)},
		{name: "Nossa Senhora Aparecida", h: br.NossaSenhoraAparecida.Clone(nil)},
		{name: "Finados", h: br.Finados.Clone(nil)},
		{name: "Proclamação da República", h: br.Republica.Clone(nil)},
		{name: "Dia Nacional de Zumbi e da Consciência Negra", h: br.ConscienciaNegra.Clone(&cal.Holiday{StartYear: 2024})},
		{name: "Natal", h: br.Natal.Clone(nil)},
	}
}

// occurrence returns the day the rule falls on in year, if it has one that year.
//
// For rickar/cal definitions it applies what cal.Holiday.Calc applies (start
// and end years, excepted years, the calculation offset) but calls the
// definition's Func itself, because Calc reports "no holiday" as the zero
// time.Time, which is also midnight UTC on 0001-01-01, New Year's Day of year 1.
// Observed substitutes are ignored on purpose: no national holiday moves. The
// Funcs compute at midnight in cal.DefaultLoc (time.Local); only the civil date
// of the result is used, so the process's time zone does not matter.
func (r rule) occurrence(year int) (Date, bool) {
	if r.from != 0 && year < r.from || r.to != 0 && year > r.to {
		return Date{}, false
	}
	if r.h == nil {
		if r.day > DaysIn(year, r.month) { // February 29 in a common year
			return Date{}, false
		}
		return Date{n: int32(daysFromCivil(year, int(r.month), r.day))}, true
	}
	h := r.h
	if h.StartYear > 0 && year < h.StartYear || h.EndYear > 0 && year > h.EndYear || h.Func == nil || slices.Contains(h.Except, year) {
		return Date{}, false
	}
	t := h.Func(h, year)
	if h.CalcOffset != 0 {
		t = t.AddDate(0, 0, h.CalcOffset)
	}
	y, m, d := t.Date()
	if y != year {
		// Unreachable for the national rules and for validated Easter
		// offsets; never list a day under the wrong year.
		return Date{}, false
	}
	return Date{n: int32(daysFromCivil(y, int(m), d))}, true
}

// Rule is an extra holiday for New: a state or municipal holiday, or a one-off
// closure. Build it with Fixed, Easter or Once, optionally limited with Years.
// The zero Rule is invalid. Rules are values; methods return modified copies.
type Rule struct {
	name     string
	kind     ruleKind
	month    time.Month
	day      int
	offset   int
	date     Date
	from, to int
}

type ruleKind uint8

const (
	kindNone ruleKind = iota
	kindFixed
	kindEaster
	kindOnce
)

// Easter offsets that keep the holiday in Easter's year whatever the year:
// Easter falls from March 22 to April 25, so Easter − 80 is January 1 or 2 and
// Easter + 249 is December 29 or 30.
const (
	minEasterOffset = -80
	maxEasterOffset = 249
)

// Fixed is a holiday on the same day every year, such as São Paulo's
// anniversary (Fixed("Aniversário de São Paulo", time.January, 25)). A rule on
// February 29 falls in leap years only.
func Fixed(name string, month time.Month, day int) Rule {
	return Rule{name: name, kind: kindFixed, month: month, day: day}
}

// Easter is a holiday offset days from Easter Sunday (Gregorian computus), such
// as Carnival Monday (−48) or Corpus Christi (+60). The offset must lie in −80
// through +249, which keeps the holiday in Easter's own year.
func Easter(name string, offset int) Rule {
	return Rule{name: name, kind: kindEaster, offset: offset}
}

// Once is a holiday on a single date, such as a decreed closure.
func Once(name string, d Date) Rule {
	return Rule{name: name, kind: kindOnce, date: d}
}

// Years limits r to the years from through to, inclusive; 0 leaves that end
// open. Law creating or abolishing a holiday is written this way:
// Fixed("Consciência Negra", time.November, 20).Years(2024, 0).
func (r Rule) Years(from, to int) Rule {
	r.from, r.to = from, to
	return r
}

// Name returns the name the rule is listed under.
func (r Rule) Name() string { return r.name }

// compile validates r and turns it into the rule New stores.
func (r Rule) compile() (rule, error) {
	fail := func(reason string) (rule, error) {
		return rule{}, newError(ErrInvalidRule, "New", r.name, reason)
	}
	if r.name == "" {
		return fail("the name is empty")
	}
	if !utf8.ValidString(r.name) {
		return fail("the name is not valid UTF-8")
	}
	for _, c := range r.name {
		if unicode.IsControl(c) {
			return fail("the name holds a control character (tab, newline, …)")
		}
	}
	if r.from != 0 && (r.from < MinYear || r.from > MaxYear) || r.to != 0 && (r.to < MinYear || r.to > MaxYear) {
		return fail("years " + strconv.Itoa(r.from) + " to " + strconv.Itoa(r.to) + " are not 0 (open) or 1 through 9999")
	}
	if r.from != 0 && r.to != 0 && r.from > r.to {
		return fail("years " + strconv.Itoa(r.from) + " to " + strconv.Itoa(r.to) + " are reversed")
	}
	out := rule{name: r.name, from: r.from, to: r.to}
	switch r.kind {
	case kindFixed:
		if r.month < time.January || r.month > time.December {
			return fail("month " + strconv.Itoa(int(r.month)) + " is not 1 through 12")
		}
		if r.day < 1 || r.day > DaysIn(2000, r.month) { // 2000 is a leap year: February 29 allowed
			return fail("day " + strconv.Itoa(r.day) + " is not a day of " + r.month.String())
		}
		out.month, out.day = r.month, r.day
	case kindEaster:
		if r.offset < minEasterOffset || r.offset > maxEasterOffset {
			return fail("Easter offset " + strconv.Itoa(r.offset) + " is not -80 through +249 (it would leave Easter's year)")
		}
		out.h = &cal.Holiday{Name: r.name, Type: cal.ObservancePublic, Offset: r.offset, Func: cal.CalcEasterOffset}
	case kindOnce:
		if r.date.IsZero() {
			return fail("the date is the zero Date (unset)")
		}
		y, m, d := r.date.Date()
		if r.from != 0 && y < r.from || r.to != 0 && y > r.to {
			return fail("the date " + r.date.String() + " is outside the rule's years")
		}
		out.month, out.day, out.from, out.to = m, d, y, y
	default:
		return fail("the zero Rule; build rules with Fixed, Easter or Once")
	}
	return out, nil
}

package calendar

import (
	"errors"
	"math/bits"
	"slices"
	"strconv"
	"sync"
)

// Calendar is a business day calendar: Saturdays, Sundays and its holidays are
// not business days, every other day is. Brazil returns ANBIMA's national
// calendar; New adds state, municipal or one-off holidays to it.
//
// A Calendar is immutable once made and safe for concurrent use by any number
// of goroutines. It answers from a table of the years 1900 through 2199, built
// on first use, and from its rules outside them (see the package doc). The zero
// Calendar and a nil *Calendar behave as Brazil(). Pass *Calendar; do not copy a
// Calendar value.
type Calendar struct {
	rules []rule
	once  sync.Once
	tab   *table
}

// Holiday is one day a calendar's rules make a holiday, with the rule's name.
type Holiday struct {
	Date Date
	Name string
}

var national = sync.OnceValue(func() *Calendar { return &Calendar{rules: nationalRules()} })

// Brazil returns ANBIMA's national calendar, the one Brazilian financial
// systems settle by: weekends, national holidays and Carnival Monday and Tuesday
// (the holiday table is in the package doc). It returns the same *Calendar on
// every call.
func Brazil() *Calendar { return national() }

// New returns the national calendar (Brazil) plus the extra holidays, such as
// a state's or a municipality's. With no extras it returns Brazil(). An invalid
// rule returns an *Error wrapping ErrInvalidRule that names it. A rule that falls
// on a weekend or on a national holiday changes nothing there but is still
// listed by Holidays.
func New(extra ...Rule) (*Calendar, error) {
	if len(extra) == 0 {
		return Brazil(), nil
	}
	rules := nationalRules()
	for _, r := range extra {
		cr, err := r.compile()
		if err != nil {
			return nil, err
		}
		rules = append(rules, cr)
	}
	return &Calendar{rules: rules}, nil
}

// resolve maps the zero Calendar and nil to the national one.
func (c *Calendar) resolve() *Calendar {
	if c == nil || c.rules == nil {
		return national()
	}
	return c
}

// The precomputed years. A bit per day, 1 for a business day, from 1900-01-01
// (day number tableStart) for tableDays days, with the count of business days
// before each 64-day word, answers IsBusinessDay with one bit test and counts
// and steps with a few popcounts.
const (
	tableFirstYear = 1900
	tableLastYear  = 2199
	tableStart     = 693595 // daysFromCivil(1900, 1, 1)
	tableDays      = 109573 // days of 1900 through 2199
	tableWords     = (tableDays + 63) / 64
)

type table struct {
	bits  [tableWords]uint64
	cum   [tableWords + 1]int32 // business days in the words before index i
	total int                   // business days in the table
}

func (c *Calendar) table() *table {
	c.once.Do(c.build)
	return c.tab
}

func (c *Calendar) build() {
	t := new(table)
	start := tableStart
	for y := tableFirstYear; y <= tableLastYear; y++ {
		m := c.rulesMask(y)
		off := start - tableStart
		for i := range daysInYear(y) {
			if m[i>>6]>>(i&63)&1 != 0 {
				j := off + i
				t.bits[j>>6] |= 1 << (j & 63)
			}
		}
		start += daysInYear(y)
	}
	for w := range tableWords {
		t.cum[w+1] = t.cum[w] + int32(bits.OnesCount64(t.bits[w]))
	}
	t.total = int(t.cum[tableWords])
	c.tab = t
}

// rankIncl returns the number of business days in table positions [0, i].
func (t *table) rankIncl(i int) int {
	w := i >> 6
	return int(t.cum[w]) + bits.OnesCount64(t.bits[w]&(2<<(uint(i)&63)-1))
}

// rankExcl returns the number of business days in table positions [0, i).
func (t *table) rankExcl(i int) int {
	w := i >> 6
	return int(t.cum[w]) + bits.OnesCount64(t.bits[w]&(1<<(uint(i)&63)-1))
}

// find returns the position of the r-th business day of the table (1 <= r <=
// total), starting the search at position i's word.
func (t *table) find(r, i int) int {
	w := i >> 6
	if d := r - int(t.cum[w]); d > 8*64 || d < -8*64 {
		// Far away: binary search for the word with cum[w] < r <= cum[w+1].
		lo, hi := 0, tableWords-1
		for lo < hi {
			mid := int(uint(lo+hi) >> 1)
			if int(t.cum[mid+1]) < r {
				lo = mid + 1
			} else {
				hi = mid
			}
		}
		w = lo
	} else {
		for int(t.cum[w+1]) < r {
			w++
		}
		for int(t.cum[w]) >= r {
			w--
		}
	}
	return w<<6 + select64(t.bits[w], r-int(t.cum[w]))
}

// select64 returns the position of the k-th (1-based) set bit of x, which has
// at least k set bits.
func select64(x uint64, k int) int {
	pos := 0
	if c := bits.OnesCount32(uint32(x)); k > c {
		k -= c
		x >>= 32
		pos += 32
	}
	if c := bits.OnesCount16(uint16(x)); k > c {
		k -= c
		x >>= 16
		pos += 16
	}
	if c := bits.OnesCount8(uint8(x)); k > c {
		k -= c
		x >>= 8
		pos += 8
	}
	for ; k > 1; k-- {
		x &= x - 1
	}
	return pos + bits.TrailingZeros64(x)
}

// yearMask is a bit per day of a year, bit i for day of year i+1.
type yearMask [6]uint64

func (m *yearMask) has(i int) bool { return m[i>>6]>>(uint(i)&63)&1 != 0 }

// rulesMask computes the business days of year y from the weekday arithmetic
// and the rules alone.
func (c *Calendar) rulesMask(y int) yearMask {
	var m yearMask
	start := daysFromCivil(y, 1, 1)
	wd := (start + 1) % 7 // weekday of January 1, Sunday = 0
	for i := range daysInYear(y) {
		if w := (wd + i) % 7; w != 0 && w != 6 {
			m[i>>6] |= 1 << (i & 63)
		}
	}
	for _, r := range c.rules {
		if d, ok := r.occurrence(y); ok {
			i := int(d.n) - start
			m[i>>6] &^= 1 << (i & 63)
		}
	}
	return m
}

// mask returns year y's business days, from the table when y is one of its
// years (unless rulesOnly) and from the rules otherwise.
func (c *Calendar) mask(y int, rulesOnly bool) yearMask {
	if rulesOnly || y < tableFirstYear || y > tableLastYear {
		return c.rulesMask(y)
	}
	t := c.table()
	var m yearMask
	off := daysFromCivil(y, 1, 1) - tableStart
	for i := range daysInYear(y) {
		if j := off + i; t.bits[j>>6]>>(j&63)&1 != 0 {
			m[i>>6] |= 1 << (i & 63)
		}
	}
	return m
}

// IsBusinessDay reports whether d is a business day: not a Saturday, not a
// Sunday and not one of the calendar's holidays.
func (c *Calendar) IsBusinessDay(d Date) bool {
	c = c.resolve()
	if i := uint(int(d.n) - tableStart); i < tableDays {
		t := c.table()
		return t.bits[i>>6]>>(i&63)&1 != 0
	}
	return c.isBusinessByRules(d)
}

// isBusinessByRules answers IsBusinessDay from the weekday and the rules, as
// the table was built; outside the table it is the answer, inside it is the
// reference the tests hold the table to.
func (c *Calendar) isBusinessByRules(d Date) bool {
	if wd := d.Weekday(); wd == 0 || wd == 6 {
		return false
	}
	y := d.Year()
	for _, r := range c.rules {
		if h, ok := r.occurrence(y); ok && h == d {
			return false
		}
	}
	return true
}

// AddBusinessDays returns the n-th business day after d for n > 0 and the
// |n|-th business day before d for n < 0; d itself is never counted, business
// day or not. Saturday 2026-02-14 plus 1 is Wednesday 2026-02-18 (Carnival
// Monday and Tuesday in between); minus 1 is Friday 2026-02-13.
//
// n = 0 returns d unchanged, even when d is not a business day: zero steps go
// nowhere. To move a date onto a business day use Adjust.
//
// With BusinessDaysBetween it round-trips: BusinessDaysBetween(d,
// AddBusinessDays(d, n)) == n for every d and n whose result exists. It returns
// ErrOutOfRange when the result would be before 0001-01-01 or after
// 9999-12-31.
func (c *Calendar) AddBusinessDays(d Date, n int) (Date, error) {
	return c.resolve().add("AddBusinessDays", d, n)
}

func (c *Calendar) add(op string, d Date, n int) (Date, error) {
	if n == 0 {
		return d, nil
	}
	if i := int(d.n) - tableStart; uint(i) < tableDays && n >= -tableDays && n <= tableDays {
		t := c.table()
		var r int
		if n > 0 {
			r = t.rankIncl(i) + n
		} else {
			r = t.rankExcl(i) + n + 1
		}
		if r >= 1 && r <= t.total {
			return Date{n: int32(tableStart + t.find(r, i))}, nil
		}
	}
	return c.addWalk(op, d, n, false)
}

// addWalk is AddBusinessDays by walking the days year by year: the path
// outside the table, and, with rulesOnly, the reference for the table.
func (c *Calendar) addWalk(op string, d Date, n int, rulesOnly bool) (Date, error) {
	n0 := n
	outOfRange := func() (Date, error) {
		return Date{}, newError(ErrOutOfRange, op, d.String(),
			"moving "+strconv.Itoa(n0)+" business days leaves 0001-01-01 through 9999-12-31")
	}
	if n == 0 {
		return d, nil
	}
	if n > maxDayNumber || n < -maxDayNumber {
		return outOfRange()
	}
	y, _, _ := civil(int(d.n))
	start := daysFromCivil(y, 1, 1)
	pos := int(d.n) - start
	if n > 0 {
		for {
			m := c.mask(y, rulesOnly)
			size := daysInYear(y)
			for i := pos + 1; i < size; i++ {
				if m.has(i) {
					if n--; n == 0 {
						return Date{n: int32(start + i)}, nil
					}
				}
			}
			if y == MaxYear {
				return outOfRange()
			}
			start += size
			y++
			pos = -1
		}
	}
	for {
		m := c.mask(y, rulesOnly)
		for i := pos - 1; i >= 0; i-- {
			if m.has(i) {
				if n++; n == 0 {
					return Date{n: int32(start + i)}, nil
				}
			}
		}
		if y == MinYear {
			return outOfRange()
		}
		y--
		pos = daysInYear(y)
		start -= pos
	}
}

// BusinessDaysBetween counts the business days from a to b, excluding a and
// including b: for a <= b the business days in (a, b]; for b < a, minus the
// business days in [b, a). Either way the day you leave is not counted and the
// day you arrive on is, so AddBusinessDays(a, BusinessDaysBetween(a, b)) == b
// when b is a business day, and BusinessDaysBetween(a, AddBusinessDays(a, n))
// == n always.
//
// When a and b are both business days this equals ANBIMA's count of business
// days "from a (inclusive) to b (exclusive)" used in DI and bond pricing, since
// swapping which end is counted changes nothing then.
func (c *Calendar) BusinessDaysBetween(a, b Date) int {
	c = c.resolve()
	ia, ib := int(a.n)-tableStart, int(b.n)-tableStart
	if uint(ia) < tableDays && uint(ib) < tableDays {
		t := c.table()
		if ia <= ib {
			return t.rankIncl(ib) - t.rankIncl(ia)
		}
		return -(t.rankExcl(ia) - t.rankExcl(ib))
	}
	if a.n <= b.n {
		return c.countWalk(int(a.n)+1, int(b.n)+1, false)
	}
	return -c.countWalk(int(b.n), int(a.n), false)
}

// countWalk counts the business days with day numbers in [lo, hi), year by
// year: the path outside the table, and, with rulesOnly, the reference for it.
func (c *Calendar) countWalk(lo, hi int, rulesOnly bool) int {
	if lo >= hi {
		return 0
	}
	count := 0
	y, _, _ := civil(lo)
	start := daysFromCivil(y, 1, 1)
	for start < hi {
		size := daysInYear(y)
		from, to := max(lo-start, 0), min(hi-start, size)
		if !rulesOnly && y >= tableFirstYear && y <= tableLastYear {
			t := c.table()
			a, b := start+from-tableStart, start+to-tableStart
			count += t.rankIncl(b-1) - t.rankExcl(a)
		} else {
			m := c.rulesMask(y)
			for i := from; i < to; i++ {
				if m.has(i) {
					count++
				}
			}
		}
		start += size
		y++
	}
	return count
}

// Adjust moves d by the roll convention r onto a business day (see Roll);
// a business day stays where it is, and Unadjusted returns d as it is. It
// returns ErrInvalidRoll for a Roll that is none of the constants and
// ErrOutOfRange when the day it must move to is outside 0001-01-01 through
// 9999-12-31 (Preceding from 0001-01-01, a holiday).
//
// In a month with no business day at all, possible only with extra holidays,
// ModifiedFollowing and ModifiedPreceding cannot stay in the month and return
// the preceding (following) business day.
func (c *Calendar) Adjust(d Date, r Roll) (Date, error) {
	c = c.resolve()
	switch r {
	case Unadjusted:
		return d, nil
	case Following, Preceding, ModifiedFollowing, ModifiedPreceding:
	default:
		return Date{}, newError(ErrInvalidRoll, "Adjust", r.String(), "not a Roll constant")
	}
	if c.IsBusinessDay(d) {
		return d, nil
	}
	switch r {
	case Following:
		return c.add("Adjust", d, 1)
	case Preceding:
		return c.add("Adjust", d, -1)
	}
	first, second := 1, -1 // ModifiedFollowing
	if r == ModifiedPreceding {
		first, second = -1, 1
	}
	a, err := c.add("Adjust", d, first)
	if err == nil && sameMonth(a, d) {
		return a, nil
	}
	if err != nil && !errors.Is(err, ErrOutOfRange) {
		return Date{}, err
	}
	// The first candidate is in another month, or does not exist because the
	// range ends first (which would also be another month).
	return c.add("Adjust", d, second)
}

func sameMonth(a, b Date) bool {
	ya, ma, _ := civil(int(a.n))
	yb, mb, _ := civil(int(b.n))
	return ya == yb && ma == mb
}

// Holidays returns the calendar's holidays in year, in date order, each with
// its rule's name, including those that fall on a Saturday or Sunday (which do
// not move). Both Carnival days are listed, under "Carnaval". A day two rules
// fall on (Good Friday on April 21 in 2000, 2079) is listed once per rule, in
// the rules' order (the national ones first). It returns ErrOutOfRange for a
// year outside MinYear..MaxYear.
func (c *Calendar) Holidays(year int) ([]Holiday, error) {
	if year < MinYear || year > MaxYear {
		return nil, newError(ErrOutOfRange, "Holidays", strconv.Itoa(year), "the year is not 1 through 9999")
	}
	c = c.resolve()
	hs := make([]Holiday, 0, len(c.rules))
	for _, r := range c.rules {
		if d, ok := r.occurrence(year); ok {
			hs = append(hs, Holiday{Date: d, Name: r.name})
		}
	}
	slices.SortStableFunc(hs, func(a, b Holiday) int { return a.Date.Compare(b.Date) })
	return hs, nil
}

package schedule

import (
	"errors"

	"github.com/shopspring/decimal"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/calendar"
	"github.com/dinie/lending/money"
)

// Bounds of the terms (lending-math.md §1 and §3).
const (
	// MinPrincipalCents is the smallest principal, R$ 1.00, in cents.
	MinPrincipalCents = 100
	// MaxPrincipalCents is the largest principal, R$ 1,000,000,000.00, in cents.
	MaxPrincipalCents = 100_000_000_000
	// MaxInstallments is the largest installment count (35 years of months).
	MaxInstallments = 420
	// DefaultFirstPeriodMaxDays is the longest first period, in calendar days from
	// the release date to the first nominal due date, when
	// Terms.FirstPeriodMaxDays is zero.
	DefaultFirstPeriodMaxDays = 180
	// MaxFirstPeriodMaxDays is the largest Terms.FirstPeriodMaxDays accepted: a
	// first period of at most a (leap) year keeps the first row's interest, at
	// most P·2^13, far inside int64 and float64's exact integers.
	MaxFirstPeriodMaxDays = 366
)

// Params of the errors, the API's wire names of the fields.
const (
	paramPrincipal    = "principal"
	paramInstallments = "installment_count"
	paramRelease      = "release_date"
	paramFirstDue     = "first_due_date"
	paramRoll         = "roll"
	paramFirstPeriod  = "first_period_max_days"
)

// Terms are the inputs of a Price table. The zero value of every optional field
// is the spec's default, so Terms{Principal, Rate, Installments, Release} is a
// complete set of terms.
type Terms struct {
	// Principal is P, the amount the schedule amortizes: R$ 1.00 to
	// R$ 1,000,000,000.00 in whole cents.
	Principal decimal.Decimal
	// Rate is the monthly interest rate i; the zero value is 0 % a.m.
	Rate MonthlyRate
	// Installments is n, 1 to MaxInstallments (420). For NewPlan it is the
	// largest count the plan serves.
	Installments int
	// Release is d0, the day the credit is released; required.
	Release calendar.Date
	// FirstDue is the nominal date of installment 1; its day of the month is the
	// anchor day of every later nominal date. The zero value means the default,
	// Release + 1 calendar month (clamped to the month's end), whose day is then
	// the anchor: a release on January 31 gives a first due date of February 28
	// and nominal dates on the 28th of every month.
	FirstDue calendar.Date
	// Calendar is the business day calendar due dates are rolled on; nil means
	// calendar.Brazil().
	Calendar *calendar.Calendar
	// Roll is the business day convention from nominal dates to due dates; the
	// zero value is calendar.Following.
	Roll calendar.Roll
	// DayCount is how interest time is measured; the zero value is MonthlyProRata.
	DayCount DayCount
	// FirstPeriodMaxDays bounds the first period: the nominal first due date must
	// be at most this many calendar days after Release. Zero means
	// DefaultFirstPeriodMaxDays (180); 1 to MaxFirstPeriodMaxDays (366) is
	// accepted.
	FirstPeriodMaxDays int
}

// Plan is everything about a schedule that does not depend on the principal or
// on the installment count, up to a largest count: the nominal and due dates,
// the interest times t_k, the per-period interest factors and the prefix sums of
// the discount factors. From it Schedule builds the table for any principal and
// any count up to MaxInstallments in O(n) with two allocations, which is what a
// grid of counts or a solve over candidate principals needs.
//
// The schedule of count m ≤ n from a plan is the schedule of the same terms with
// Installments = m: the first m nominal dates of a series do not depend on its
// length.
//
// A *Plan is immutable once NewPlan returns it and safe for concurrent use.
type Plan struct {
	rate     MonthlyRate
	release  calendar.Date
	roll     calendar.Roll
	dayCount DayCount

	rows []planRow // rows[k-1] is installment k

	// The rate's structure (see exact.go): 1+i = c^E with c = cNum/cDen and E the
	// largest divisor of 30 for which c is rational; L = 30/E. The per-period
	// factor (1+i)^(ΔT/30) is rational exactly when L divides ΔT.
	cNum, cDen uint64
	rootL      int32
	// rationalUpTo is the largest k such that L divides T_1 … T_k: the sum of
	// discount factors, hence the installment, is rational for n ≤ rationalUpTo.
	rationalUpTo int
	l30          float64 // log1p(i) / 30, the log of one thirtieth of a month's growth

	factors []factor // distinct period lengths ΔT; rows refer to them by index
	inline  [6]factor
}

// planRow is one installment's data in a plan.
type planRow struct {
	nominal, due calendar.Date
	t            int32   // T_k = 30·t_k, an integer (every t_k is a multiple of 1/30)
	fi           uint8   // index in Plan.factors of ΔT_k = T_k − T_{k−1}
	sum          float64 // S_k = Σ_{j≤k} (1+i)^(−t_j), computed in float64
}

// NewPlan validates every field of t except Principal, which it ignores, and
// returns the plan of t's dates and rate for counts 1 through t.Installments.
// The errors are New's, less the principal's.
func NewPlan(t Terms) (*Plan, error) {
	p := &Plan{}
	if err := p.init(&t); err != nil {
		return nil, err
	}
	return p, nil
}

func (p *Plan) init(t *Terms) error {
	n := t.Installments
	if n < 1 || n > MaxInstallments {
		return apierr.Wrap(apierr.ErrRange, apierr.InstallmentsOutOfRange, paramInstallments,
			"installment_count %d is outside 1 to %d", n, MaxInstallments)
	}
	if !t.DayCount.valid() {
		return dayCountError(t.DayCount.String())
	}
	// ParseRoll(String()) round-trips exactly the Roll constants, without
	// allocating (MarshalText would allocate its result).
	if _, err := calendar.ParseRoll(t.Roll.String()); err != nil {
		return apierr.Wrap(err, apierr.InvalidFormat, paramRoll,
			"roll %s is not a roll convention; expected following, modified-following, preceding, modified-preceding or unadjusted", t.Roll)
	}
	bound := t.FirstPeriodMaxDays
	if bound == 0 {
		bound = DefaultFirstPeriodMaxDays
	}
	if bound < 1 || bound > MaxFirstPeriodMaxDays {
		return apierr.Wrap(apierr.ErrRange, apierr.InvalidDueDate, paramFirstPeriod,
			"first_period_max_days %d is outside 1 to %d (0 means the default, %d)", t.FirstPeriodMaxDays, MaxFirstPeriodMaxDays, DefaultFirstPeriodMaxDays)
	}
	d0 := t.Release
	if d0.IsZero() {
		return apierr.Errorf(apierr.MissingRequiredField, paramRelease,
			"release_date is required")
	}
	first := t.FirstDue
	if first.IsZero() {
		var err error
		if first, err = d0.AddMonths(1); err != nil {
			return dateRangeError(err, paramRelease, "release_date %s plus one month is after 9999-12-31", d0)
		}
	}
	if !first.After(d0) {
		return apierr.Errorf(apierr.InvalidDueDate, paramFirstDue,
			"first_due_date %s is not after release_date %s", first, d0)
	}
	if days := calendar.DaysBetween(d0, first); days > bound {
		return apierr.Errorf(apierr.InvalidDueDate, paramFirstDue,
			"first_due_date %s is %d days after release_date %s; at most %d are allowed", first, days, d0, bound)
	}
	if _, err := first.AddMonths(n - 1); err != nil {
		return dateRangeError(err, paramFirstDue,
			"the %d monthly due dates from first_due_date %s run past 9999-12-31", n, first)
	}
	cal := t.Calendar
	if cal == nil {
		cal = calendar.Brazil()
	}

	p.rate, p.release, p.roll, p.dayCount = t.Rate, d0, t.Roll, t.DayCount
	p.setRate()
	p.factors = p.inline[:0]
	p.rows = make([]planRow, n)
	p.rationalUpTo = n
	// The nominal series, and for monthly pro rata d0's own monthly series, come
	// from calendar.AppendMonthlySeries into stack buffers (heap beyond them).
	var nbuf [64]calendar.Date
	nominals, err := calendar.AppendMonthlySeries(nbuf[:0], first, n)
	if err != nil { // checked above; kept so no path can leave a zero date
		return dateRangeError(err, paramFirstDue, "the nominal dates are out of range")
	}
	var mc monthCounter
	if t.DayCount == MonthlyProRata {
		var abuf [80]calendar.Date
		if mc, err = newMonthCounter(abuf[:0], d0, first, n); err != nil {
			return dateRangeError(err, paramFirstDue, "the nominal dates are out of range")
		}
	}
	var prevT int32
	var v, sum float64 = 1, 0
	for k, nominal := range nominals {
		due, err := cal.Adjust(nominal, t.Roll)
		if err != nil {
			return dateRangeError(err, paramFirstDue,
				"installment %d's nominal date %s cannot be rolled %s: %v", k+1, nominal, t.Roll, err)
		}
		if !due.After(d0) {
			// Preceding and Modified Preceding can pull the first due date back onto or
			// before the release. A later one cannot (rolling back stops at a business
			// day no earlier than the first due date), so for k > 0 this is a guard.
			return apierr.Errorf(apierr.InvalidDueDate, paramFirstDue,
				"installment %d's nominal date %s rolls %s to %s, which is not after release_date %s",
				k+1, nominal, t.Roll, due, d0)
		}
		var tk int32
		switch t.DayCount {
		case Periodic:
			tk = int32(30 * (k + 1))
		case DailyProRata:
			tk = int32(calendar.DaysBetween(d0, nominal))
		default:
			tk = mc.thirtieths(k, nominal)
		}
		dt := tk - prevT
		prevT = tk
		fi := p.factorIndex(dt)
		if p.rationalUpTo == n && tk%p.rootL != 0 {
			p.rationalUpTo = k
		}
		v *= p.factors[fi].g
		sum += v
		p.rows[k] = planRow{nominal: nominal, due: due, t: tk, fi: fi, sum: sum}
	}
	return nil
}

// monthCounter measures monthly pro rata time along a nominal series
// (lending-math.md §2): t_k = m + r/30 with m the largest m with
// d0.AddMonths(m) ≤ nominal_k and r the days from d0.AddMonths(m) to nominal_k.
//
// nominal_k (k from 0) lies in the month mOff + k months after d0's, so m is
// mOff + k, or one less when d0's day, clamped to that month, falls after
// nominal_k's (AddMonths clamps both to the month's end). series[j] is
// d0.AddMonths(j).
type monthCounter struct {
	mOff   int
	series []calendar.Date
}

func newMonthCounter(buf []calendar.Date, d0, first calendar.Date, n int) (monthCounter, error) {
	y0, m0, _ := d0.Date()
	y1, m1, _ := first.Date()
	mOff := (y1-y0)*12 + int(m1) - int(m0) // ≥ 0 since first > d0
	series, err := calendar.AppendMonthlySeries(buf, d0, mOff+n)
	return monthCounter{mOff: mOff, series: series}, err
}

// thirtieths returns T_k = 30·t_k for row k (from 0). nominal_k > d0 makes
// series[mOff+k−1] ≤ nominal_k whenever series[mOff+k] is not.
func (c *monthCounter) thirtieths(k int, nominal calendar.Date) int32 {
	m := c.mOff + k
	if c.series[m].After(nominal) {
		m--
	}
	return int32(30*m + calendar.DaysBetween(c.series[m], nominal))
}

func dateRangeError(cause error, param, format string, args ...any) error {
	code := apierr.DateOutOfRange
	if !errors.Is(cause, calendar.ErrOutOfRange) {
		code = apierr.InvalidFormat
	}
	return apierr.Wrap(cause, code, param, format, args...)
}

// factorIndex returns the index of the factor for a period of dt/30 months,
// adding it to the table on first sight.
func (p *Plan) factorIndex(dt int32) uint8 {
	for i := range p.factors {
		if p.factors[i].dt == dt {
			return uint8(i)
		}
	}
	// At most MaxInstallments distinct lengths, far below 256; in practice a
	// handful (28 to 31 days, the first period).
	p.factors = append(p.factors, p.newFactor(dt))
	return uint8(len(p.factors) - 1)
}

// MaxInstallments returns the largest installment count the plan serves.
func (p *Plan) MaxInstallments() int { return len(p.rows) }

// Rate returns the plan's monthly rate.
func (p *Plan) Rate() MonthlyRate { return p.rate }

// Release returns the release date d0.
func (p *Plan) Release() calendar.Date { return p.release }

// DayCount returns the plan's day count convention.
func (p *Plan) DayCount() DayCount { return p.dayCount }

// Roll returns the plan's roll convention.
func (p *Plan) Roll() calendar.Roll { return p.roll }

// NominalDate returns installment k's nominal date (1 ≤ k ≤ MaxInstallments), or
// the zero Date for any other k.
func (p *Plan) NominalDate(k int) calendar.Date {
	if k < 1 || k > len(p.rows) {
		return calendar.Date{}
	}
	return p.rows[k-1].nominal
}

// DueDate returns installment k's due date, its nominal date rolled onto a
// business day (1 ≤ k ≤ MaxInstallments), or the zero Date for any other k.
func (p *Plan) DueDate(k int) calendar.Date {
	if k < 1 || k > len(p.rows) {
		return calendar.Date{}
	}
	return p.rows[k-1].due
}

// InterestTime returns t_k, installment k's interest time in months from the
// release date, as the integer 30·t_k (every t_k is a whole number of
// thirtieths of a month), for 1 ≤ k ≤ MaxInstallments; 0 for any other k.
func (p *Plan) InterestTime(k int) int {
	if k < 1 || k > len(p.rows) {
		return 0
	}
	return int(p.rows[k-1].t)
}

// validPrincipal checks P's bounds in cents.
func validPrincipal(cents int64) error {
	if cents < MinPrincipalCents || cents > MaxPrincipalCents {
		return apierr.Wrap(apierr.ErrRange, apierr.AmountOutOfRange, paramPrincipal,
			"principal %s is outside 1.00 to 1000000000.00", money.FormatCents(cents))
	}
	return nil
}

// principalCents converts and checks a decimal principal.
func principalCents(d decimal.Decimal) (int64, error) {
	c, err := money.ToCents(d)
	if err != nil {
		return 0, apierr.Relabel(err, paramPrincipal)
	}
	return c, validPrincipal(c)
}

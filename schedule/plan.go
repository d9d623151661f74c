package schedule

import (
	"errors"
	"math"

	"github.com/shopspring/decimal"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/calendar"
	"github.com/dinie/lending/money"
)

// Bounds of the terms.
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
	paramGrace        = "grace"
	paramAmortization = "amortization"
	paramDate         = "date"
)

// Terms are the inputs of a schedule. The zero value of every optional field
// is the spec's default, so Terms{Principal, Rate, Installments, Release} is a
// complete set of terms: a Price table without grace.
type Terms struct {
	// Principal is P, the amount the schedule amortizes: R$ 1.00 to
	// R$ 1,000,000,000.00 in whole cents.
	Principal decimal.Decimal
	// Rate is the monthly interest rate i; the zero value is 0 % a.m.
	Rate MonthlyRate
	// AnnualRate is the interest rate per year, for a contract that states it
	// so (the package doc, "Rates"). When it is not zero it is the contract's
	// rate and Rate must be zero; when it is zero, Rate is the rate. (A 0 %
	// rate is the same schedule in either basis.)
	AnnualRate AnnualRate
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
	// Calendar is the business day calendar due dates are rolled on (and
	// Business252 counts on); nil means calendar.Brazil().
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
	// Grace is g, the number of first installments that pay only the interest
	// of their period (interest-only grace, carência com juros pagos), 0 to
	// Installments − 1; the zero value is no grace. For NewPlan the plan serves
	// the counts g + 1 … Installments.
	Grace int
	// Amortization is the amortization system of the installments after the
	// grace; the zero value is Price.
	Amortization Amortization
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
	rate     MonthlyRate // the monthly rate: as given, or the annual rate's rounded equivalent
	annual   AnnualRate  // the annual rate, when perYear
	perYear  bool
	release  calendar.Date
	cal      *calendar.Calendar
	roll     calendar.Roll
	dayCount DayCount
	grace    int
	amort    Amortization

	rows []planRow // rows[k-1] is installment k

	// The growth over an interest time of T units is base^(T·mul/rootD), base =
	// 1 + i or 1 + a as the contract states the rate (see setRate): the
	// exponent e = T·mul counts rootD-ths of the rate's own period.
	mul, rootD int32
	// The rate's structure (see exact.go): base = c^E with c = cNum/cDen and E
	// the largest divisor of rootD for which c is rational; L = rootD/E. The
	// factor base^(Δe/rootD) is rational exactly when L divides Δe.
	cNum, cDen uint64
	rootL      int32
	// rationalUpTo is the largest k such that L divides e_j − e_g for every
	// g < j ≤ k: the sum of discount factors, hence the installment, is
	// rational for counts up to it.
	rationalUpTo int
	lUnit        float64 // log1p(rate) / rootD, the log of one unit of exponent's growth

	factors []factor // distinct exponent steps Δe; rows refer to them by index
	inline  [6]factor

	memo exactMemo // the exact path's sums and roots, computed once (memo.go); a Plan is never copied
}

// planRow is one installment's data in a plan.
type planRow struct {
	nominal, due calendar.Date
	t            int32 // T_k, the interest time in the day count's units
	fi           uint8 // index in Plan.factors of Δe_k = e_k − e_{k−1}
	// sum is S_k = Σ_{g<j≤k} base^(−(e_j − e_g)/rootD), the discount factors of
	// the amortizing installments from the end of the grace, in float64 (0 for
	// k ≤ g).
	sum float64
}

// NewPlan validates every field of t except Principal, which it ignores, and
// returns the plan of t's dates and rate for counts t.Grace + 1 through
// t.Installments. The errors are New's, less the principal's.
func NewPlan(t Terms) (*Plan, error) {
	p := &Plan{}
	if err := p.init(&t); err != nil {
		return nil, err
	}
	return p, nil
}

// checkTerms validates the fields of t that need no date arithmetic, and
// returns the first-period bound.
func checkTerms(t *Terms) (int, error) {
	n := t.Installments
	if n < 1 || n > MaxInstallments {
		return 0, apierr.Wrap(apierr.ErrRange, apierr.InstallmentsOutOfRange, paramInstallments,
			"installment_count %d is outside 1 to %d", n, MaxInstallments)
	}
	if !t.DayCount.valid() {
		return 0, dayCountError(t.DayCount.String())
	}
	if !t.Amortization.valid() {
		return 0, amortizationError(t.Amortization.String())
	}
	if t.Grace < 0 || t.Grace >= n {
		return 0, apierr.Wrap(apierr.ErrRange, apierr.ValueOutOfRange, paramGrace,
			"grace %d is outside 0 to %d: at least the last of the %d installments must amortize", t.Grace, n-1, n)
	}
	if !t.Rate.IsZero() && !t.AnnualRate.IsZero() {
		return 0, apierr.Wrap(apierr.ErrDuplicate, apierr.InvalidFormat, annualRateParam,
			"annual_interest_rate %s %% a.a. and interest_rate %s %% a.m. are both given; a contract states its rate once, per month or per year",
			t.AnnualRate, t.Rate)
	}
	// ParseRoll(String()) round-trips exactly the Roll constants, without
	// allocating (MarshalText would allocate its result).
	if _, err := calendar.ParseRoll(t.Roll.String()); err != nil {
		return 0, apierr.Wrap(err, apierr.InvalidFormat, paramRoll,
			"roll %s is not a roll convention; expected following, modified-following, preceding, modified-preceding or unadjusted", t.Roll)
	}
	bound := t.FirstPeriodMaxDays
	if bound == 0 {
		bound = DefaultFirstPeriodMaxDays
	}
	if bound < 1 || bound > MaxFirstPeriodMaxDays {
		return 0, apierr.Wrap(apierr.ErrRange, apierr.InvalidDueDate, paramFirstPeriod,
			"first_period_max_days %d is outside 1 to %d (0 means the default, %d)", t.FirstPeriodMaxDays, MaxFirstPeriodMaxDays, DefaultFirstPeriodMaxDays)
	}
	if t.Release.IsZero() {
		return 0, apierr.Errorf(apierr.MissingRequiredField, paramRelease,
			"release_date is required")
	}
	return bound, nil
}

// firstDue returns the nominal first due date of t, checked against the
// release and the bound, and that the n monthly dates from it exist.
func firstDue(t *Terms, bound int) (calendar.Date, error) {
	d0 := t.Release
	first := t.FirstDue
	if first.IsZero() {
		var err error
		if first, err = d0.AddMonths(1); err != nil {
			return first, dateRangeError(err, paramRelease, "release_date %s plus one month is after 9999-12-31", d0)
		}
	}
	if !first.After(d0) {
		return first, apierr.Errorf(apierr.InvalidDueDate, paramFirstDue,
			"first_due_date %s is not after release_date %s", first, d0)
	}
	if days := calendar.DaysBetween(d0, first); days > bound {
		return first, apierr.Errorf(apierr.InvalidDueDate, paramFirstDue,
			"first_due_date %s is %d days after release_date %s; at most %d are allowed", first, days, d0, bound)
	}
	if _, err := first.AddMonths(t.Installments - 1); err != nil {
		return first, dateRangeError(err, paramFirstDue,
			"the %d monthly due dates from first_due_date %s run past 9999-12-31", t.Installments, first)
	}
	return first, nil
}

func (p *Plan) init(t *Terms) error {
	bound, err := checkTerms(t)
	if err != nil {
		return err
	}
	first, err := firstDue(t, bound)
	if err != nil {
		return err
	}
	n, d0 := t.Installments, t.Release
	cal := t.Calendar
	if cal == nil {
		cal = calendar.Brazil()
	}

	p.rate, p.release, p.cal, p.roll, p.dayCount = t.Rate, d0, cal, t.Roll, t.DayCount
	p.grace, p.amort = t.Grace, t.Amortization
	if !t.AnnualRate.IsZero() {
		p.annual, p.perYear = t.AnnualRate, true
		p.rate = t.AnnualRate.Monthly()
	}
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
	var abuf [80]calendar.Date
	tm, err := newTimer(abuf[:0], t.DayCount, d0, first, n)
	if err != nil {
		return err
	}
	g := p.grace
	var prevE, eg int32
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
		tk := tm.at(k, nominal, due, cal)
		e := tk * p.mul
		fi := p.factorIndex(e - prevE)
		prevE = e
		if k < g {
			eg = e
		} else {
			if p.rationalUpTo == n && (e-eg)%p.rootL != 0 {
				p.rationalUpTo = k
			}
			v *= p.factors[fi].g
			sum += v
		}
		p.rows[k] = planRow{nominal: nominal, due: due, t: tk, fi: fi, sum: sum}
	}
	return nil
}

// timer measures the interest time T_k of the installments of a nominal
// series in the day count's units. (The calendar is passed to at, not held:
// escape analysis would otherwise move the month series' stack buffer to the
// heap along with it.)
type timer struct {
	dc DayCount
	d0 calendar.Date
	mc monthCounter
}

// newTimer returns the timer of the n nominal dates from first; buf is room for
// monthly pro rata's series of d0.
func newTimer(buf []calendar.Date, dc DayCount, d0, first calendar.Date, n int) (timer, error) {
	tm := timer{dc: dc, d0: d0}
	if dc == MonthlyProRata {
		var err error
		if tm.mc, err = newMonthCounter(buf, d0, first, n); err != nil {
			return tm, dateRangeError(err, paramFirstDue, "the nominal dates are out of range")
		}
	}
	return tm, nil
}

// at returns T_k for row k (from 0) with the given nominal and due dates; cal
// counts Business252's days, to the due date.
func (tm *timer) at(k int, nominal, due calendar.Date, cal *calendar.Calendar) int32 {
	switch tm.dc {
	case Periodic:
		return int32(30 * (k + 1))
	case DailyProRata, Actual365:
		return int32(calendar.DaysBetween(tm.d0, nominal))
	case Business252:
		return int32(businessDays(cal, tm.d0, due))
	}
	return tm.mc.thirtieths(k, nominal)
}

// businessDays returns the business days of cal in [a, b) for a ≤ b: the
// ANBIMA count, the start counted and the end not (BusinessDaysBetween counts
// (a, b]).
func businessDays(cal *calendar.Calendar, a, b calendar.Date) int {
	n := cal.BusinessDaysBetween(a, b)
	if cal.IsBusinessDay(a) {
		n++
	}
	if cal.IsBusinessDay(b) {
		n--
	}
	return n
}

// monthCounter measures monthly pro rata time along a nominal series
// (the package doc, "Interest time"): t_k = m + r/30 with m the largest m with
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

// zeroPlan is what a nil *Plan reads as.
var zeroPlan Plan

// orZero returns p, or the zero Plan for a nil p: the package's nil contract
// (doc.go, "Zero values"): a nil *Plan's accessors return zero values and its
// methods that can fail return apierr.NilReceiver.
func (p *Plan) orZero() *Plan {
	if p == nil {
		return &zeroPlan
	}
	return p
}

// MaxInstallments returns the largest installment count the plan serves.
func (p *Plan) MaxInstallments() int {
	p = p.orZero()
	return len(p.rows)
}

// Growth returns the growth of one unit over the first n installments'
// interest time, (1+i)^t_n (or (1+a)^t_n for a rate per year) in float64: the
// condition number of the table, by which a cent of installment moves the last
// balances. It is O(1); n outside 1 … MaxInstallments returns +Inf. Solvers that
// refuse ill-conditioned terms in O(1) (iof.MaxGrowth) read it.
func (p *Plan) Growth(n int) float64 {
	p = p.orZero()
	if n < 1 || n > len(p.rows) {
		return math.Inf(1)
	}
	years := float64(p.InterestTime(n)) / float64(p.dayCount.UnitsPerYear())
	var perYear float64
	if p.perYear {
		perYear = math.Log1p(float64(p.annual.PercentUnits()) / 1e12)
	} else {
		perYear = 12 * math.Log1p(float64(p.rate.PercentUnits())/1e12)
	}
	return math.Exp(years * perYear)
}

// Rate returns the plan's monthly rate: Terms.Rate, or, for a contract rate
// per year, its monthly equivalent rounded half-up to RatePlaces
// (AnnualRate.Monthly), for display; the schedule computes with the annual rate
// itself.
func (p *Plan) Rate() MonthlyRate {
	p = p.orZero()
	return p.rate
}

// AnnualRate returns the plan's annual rate: Terms.AnnualRate, or, for a
// contract rate per month, its annual equivalent rounded half-up to RatePlaces
// (MonthlyRate.Annual), for display.
func (p *Plan) AnnualRate() AnnualRate {
	p = p.orZero()
	if p.perYear {
		return p.annual
	}
	return p.rate.Annual()
}

// RatePerYear reports whether the contract states its rate per year
// (Terms.AnnualRate): then AnnualRate is exact and Rate the rounded
// equivalent; otherwise the other way round.
func (p *Plan) RatePerYear() bool {
	p = p.orZero()
	return p.perYear
}

// Grace returns g, the number of interest-only installments.
func (p *Plan) Grace() int {
	p = p.orZero()
	return p.grace
}

// Amortization returns the plan's amortization system.
func (p *Plan) Amortization() Amortization {
	p = p.orZero()
	return p.amort
}

// Calendar returns the business day calendar the plan rolls on (and
// Business252 counts on): Terms.Calendar, or calendar.Brazil() for nil.
func (p *Plan) Calendar() *calendar.Calendar {
	p = p.orZero()
	return p.cal
}

// Release returns the release date d0.
func (p *Plan) Release() calendar.Date {
	p = p.orZero()
	return p.release
}

// DayCount returns the plan's day count convention.
func (p *Plan) DayCount() DayCount {
	p = p.orZero()
	return p.dayCount
}

// Roll returns the plan's roll convention.
func (p *Plan) Roll() calendar.Roll {
	p = p.orZero()
	return p.roll
}

// NominalDate returns installment k's nominal date (1 ≤ k ≤ MaxInstallments), or
// the zero Date for any other k.
func (p *Plan) NominalDate(k int) calendar.Date {
	p = p.orZero()
	if k < 1 || k > len(p.rows) {
		return calendar.Date{}
	}
	return p.rows[k-1].nominal
}

// DueDate returns installment k's due date, its nominal date rolled onto a
// business day (1 ≤ k ≤ MaxInstallments), or the zero Date for any other k.
func (p *Plan) DueDate(k int) calendar.Date {
	p = p.orZero()
	if k < 1 || k > len(p.rows) {
		return calendar.Date{}
	}
	return p.rows[k-1].due
}

// InterestTime returns T_k, installment k's interest time from the release
// date to its nominal date (its due date for Business252) in the day count's
// units (DayCount.UnitsPerYear):
// 30·t_k for the month-based day counts (every t_k is a whole number of
// thirtieths of a month), calendar days for Actual365, business days for
// Business252; for 1 ≤ k ≤ MaxInstallments, 0 for any other k.
func (p *Plan) InterestTime(k int) int {
	p = p.orZero()
	if k < 1 || k > len(p.rows) {
		return 0
	}
	return int(p.rows[k-1].t)
}

// InterestTimeOn returns the interest time from the release date to the date
// d, measured as the plan measures its installments' (InterestTime), for a
// date that is no installment's (a settlement date, a payment): whole months
// plus days / 30 for MonthlyProRata and also for Periodic (a periodic
// contract's installments sit on whole months; a date between them is
// measured by the calendar), days for DailyProRata and Actual365, ANBIMA
// business days [d0, d) on the plan's calendar for Business252. It is
// InterestTime(k) at installment k's nominal date (its due date for
// Business252), except for Periodic terms whose release is off the anchor
// day. A d before the release is
// date_out_of_range (param date).
func (p *Plan) InterestTimeOn(d calendar.Date) (int, error) {
	if p == nil {
		return 0, apierr.NilReceiver("*schedule.Plan")
	}
	return elapsed(p.dayCount, p.cal, p.release, d)
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

package servicing

import (
	"slices"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/calendar"
	"github.com/dinie/lending/iof"
	"github.com/dinie/lending/money"
	"github.com/dinie/lending/schedule"
	"github.com/dinie/lending/simulation"
)

// Bounds.
const (
	// MaxPaymentsPerInstallment is the most payments one installment takes; the next
	// one is refused (value_out_of_range, ErrTooManyPayments). It bounds the cost of a
	// look-back (Transactions as of a date before an installment's last payment).
	MaxPaymentsPerInstallment = 100
	// MaxHorizonDays is how far after the last due date the package computes: a
	// payment, settlement or as-of date later than that is date_out_of_range. A
	// century of delay bounds every exponent, and so every computation's cost.
	MaxHorizonDays = 36_525
	// maxAmount bounds every amount the package computes, in cents (R$ 10^15): sums
	// of a few of them cannot overflow int64.
	maxAmount = 100_000_000_000_000_000
	// maxRowAmount bounds each amount of a booked row (R$ 10^14), as the IOF package
	// bounds an amortization.
	maxRowAmount = iof.MaxAmortizationCents
)

// Contract is what servicing needs of a loan's terms: the release date d0, the
// contract rate (Rate a month, or AnnualRate when RatePerYear, as package schedule
// compounds them), the day count its interest times follow (and, for Business252, the
// Calendar its business days are counted on; nil is calendar.Brazil()), the
// borrower's class (which picks the legal caps and, with the principal, the IOF
// rates), the principal P in cents and the schedule rows in cents
// (schedule.CentsRow), installment k at index k−1, each with its InterestTime (a zero
// one is measured from the dates: k months for Periodic, schedule.Elapsed of the
// nominal date — the due date for Business252 — for the others). Book takes them from
// a simulation; New from any source (a loan restored from storage, a schedule built
// elsewhere), and checks them.
type Contract struct {
	Release     calendar.Date
	Rate        schedule.MonthlyRate
	AnnualRate  schedule.AnnualRate
	RatePerYear bool
	DayCount    schedule.DayCount
	Calendar    *calendar.Calendar
	Class       iof.Class
	Principal   int64
	Rows        []schedule.CentsRow
}

// Loan is a booked loan: its contract, its servicing terms, its installments and the
// payments made on them. It is immutable: Pay returns a new *Loan, and every query
// (Transactions, Payoff, Prepay) is a pure function of the loan and a date. A *Loan is
// safe for concurrent use. The zero Loan is not a loan; get one from Book or New. The
// methods of a nil *Loan return apierr.NilReceiver.
type Loan struct {
	release   calendar.Date
	rate      schedule.MonthlyRate
	dayCount  schedule.DayCount
	cal       *calendar.Calendar
	class     iof.Class
	principal int64
	g         growth // the contract's compounding over units of g's: an interest time T is T·mul of them
	mul       int64
	dg        growth   // the delay's: one unit is a day, 1/30 of a month
	linear    [2]int64 // the linear delay interest: u·linear[0]·days / linear[1]
	t         terms
	horizon   calendar.Date
	inst      []installment
	npays     int // payments in all
}

// installment is one booked installment and its state after all its payments.
type installment struct {
	number              int
	nominal, due        calendar.Date
	start               calendar.Date // the day the days of delay count from
	t                   int64         // T_k, in the day count's units from d0
	dueDays             int           // D_k, calendar days from d0 to the due date
	interest, principal int64         // the installment's amounts (amount_due = their sum)
	pays                []Payment     // its payments, in date order; never modified (Pay makes a new one)
	st                  state
}

// state is what an installment's payments have done to it.
type state struct {
	paidInterest, paidPrincipal int64
	// what a payoff forgave (Settle's discount), interest first
	forgivenInterest, forgivenPrincipal int64
	late                                bool    // a late payment has assessed the fine
	assessed, paid                      charges // late charges assessed so far, and paid
	from                                calendar.Date
	settled                             calendar.Date // the date of the payment that left nothing to pay
	last                                calendar.Date // the date of the last payment
}

type charges struct{ iof, fine, mora, interest int64 }

func (c charges) total() int64 { return c.iof + c.fine + c.mora + c.interest }

func (c charges) plus(d charges) charges {
	return charges{c.iof + d.iof, c.fine + d.fine, c.mora + d.mora, c.interest + d.interest}
}

func (c charges) minus(d charges) charges {
	return charges{c.iof - d.iof, c.fine - d.fine, c.mora - d.mora, c.interest - d.interest}
}

func (in *installment) due0() int64 { return in.interest + in.principal }

func (s *state) remaining(in *installment) int64 {
	return in.due0() - s.paidInterest - s.paidPrincipal - s.forgivenInterest - s.forgivenPrincipal
}

// Book books a loan from a simulation the library returned (simulation.Simulate,
// Grid, RequestLoan's Origination.Simulation, or one read back with UnmarshalJSON):
// its principal, rate, day count, release date, borrower class and rows, with the
// servicing terms t. Every simulation can be booked, a long first period with negative
// amortization included: an installment whose interest J_k exceeds its payment reads
// interest = min(J_k, payment_k) and principal = max(A_k, 0); the rest of J_k was
// capitalized into the balance, and later rows amortize it.
//
// Errors: a nil sim is missing_required_field (param simulation); New's errors for the
// contract and t.
func Book(sim *simulation.Simulation, t Terms) (*Loan, error) {
	if sim == nil {
		return nil, apierr.Wrap(apierr.ErrEmpty, apierr.MissingRequiredField, paramSimulation,
			"simulation is required to book a loan")
	}
	n := sim.NumberOfInstallments()
	if n < 1 || n > schedule.MaxInstallments {
		return nil, apierr.Wrap(apierr.ErrRange, apierr.InstallmentsOutOfRange, paramInstallment,
			"the simulation has %d installments; a loan has 1 to %d", n, schedule.MaxInstallments)
	}
	rows := make([]schedule.CentsRow, n)
	for k := range rows {
		rows[k] = sim.CentsRow(k + 1)
	}
	return New(Contract{Release: sim.Release(), Rate: sim.InterestPercentage(), AnnualRate: sim.AnnualInterestRate(),
		RatePerYear: sim.RatePerYear(), DayCount: sim.DayCount(), Class: sim.IOF().Class,
		Principal: sim.Cents().Principal, Rows: rows}, t)
}

// New books a loan from a contract, checking it whole: the class, the release date
// (within the IOF table, since late installments owe complementary IOF at its
// regime), the principal, the day count and every row. It runs in O(n) for n rows.
//
// Errors (*apierr.Error):
//
//	missing_required_field  release_date                      the zero release date
//	date_out_of_range       release_date                      before the IOF table (iof.First)
//	missing_required_field  borrower_class                    the zero class; invalid_format for an unknown one
//	amount_out_of_range     principal                         outside 1.00 … 1,000,000,000.00
//	invalid_format          day_count                         not a DayCount constant
//	installments_out_of_range  installments                   no rows, or more than 420
//	missing_required_field  nominal_date, due_date            a row with the zero date
//	invalid_due_date        nominal_date, due_date            not after the release date, or nominal dates out of order
//	invalid_format          schedule (ErrInconsistentSchedule)  a row numbered out of order, payment ≠ interest + principal,
//	                                                          a negative interest, a payment not positive, a balance out of
//	                                                          step, a last balance not zero
//	amount_out_of_range     schedule                          a row amount beyond ±R$ 10^14
//	rate_out_of_range       fine_percent, mora_percent, prepayment_fee_percent  above the legal cap (ErrLegalCap) or negative
//	invalid_format          fine_percent, …                   more than PercentPlaces places (apierr.ErrPrecision)
//	invalid_format          interest, count_from              not a DelayInterest or CountFrom constant
func New(c Contract, t Terms) (*Loan, error) {
	if _, err := c.Class.MarshalText(); err != nil {
		return nil, err
	}
	if _, err := iof.RegimeOn(c.Release); err != nil {
		return nil, err
	}
	if c.Principal < schedule.MinPrincipalCents || c.Principal > schedule.MaxPrincipalCents {
		return nil, apierr.Wrap(apierr.ErrRange, apierr.AmountOutOfRange, paramPrincipal,
			"principal %s is outside 1.00 to %s", money.FormatCents(c.Principal),
			money.FormatCents(schedule.MaxPrincipalCents))
	}
	if _, err := c.DayCount.MarshalText(); err != nil {
		return nil, err
	}
	n := len(c.Rows)
	if n < 1 || n > schedule.MaxInstallments {
		return nil, apierr.Wrap(apierr.ErrRange, apierr.InstallmentsOutOfRange, paramInstallment,
			"%d rows; a loan has 1 to %d installments", n, schedule.MaxInstallments)
	}
	tc, err := t.check(c.Class)
	if err != nil {
		return nil, err
	}
	l := &Loan{release: c.Release, rate: c.Rate, dayCount: c.DayCount, cal: c.Calendar, class: c.Class,
		principal: c.Principal, t: tc, inst: make([]installment, n)}
	l.setRate(c)
	balance := c.Principal
	prev := c.Release
	for k, r := range c.Rows {
		if err := checkRow(k, r, c.Release, prev, balance); err != nil {
			return nil, err
		}
		prev, balance = r.NominalDate, r.Balance
		in := &l.inst[k]
		in.number, in.nominal, in.due = k+1, r.NominalDate, r.DueDate
		in.interest, in.principal = min(r.Interest, r.Payment), max(r.Principal, 0)
		in.start = delayStart(r.NominalDate, r.DueDate, t.CountFrom)
		in.dueDays = calendar.DaysBetween(c.Release, r.DueDate)
		in.t = int64(r.InterestTime)
		if in.t == 0 {
			in.t = l.measure(k, r)
		}
		if in.t < 0 || k > 0 && in.t < l.inst[k-1].t {
			return nil, apierr.Wrap(ErrInconsistentSchedule, apierr.InvalidFormat, paramSchedule,
				"row %d: interest time %d is before the previous row's; interest times never fall", k+1, in.t)
		}
	}
	if balance != 0 {
		return nil, apierr.Wrap(ErrInconsistentSchedule, apierr.InvalidFormat, paramSchedule,
			"the last row leaves a balance of %s; a schedule ends at 0.00", money.FormatCents(balance))
	}
	last := l.inst[n-1].due
	if l.inst[n-1].nominal.After(last) {
		last = l.inst[n-1].nominal
	}
	if l.horizon, err = last.AddDays(MaxHorizonDays); err != nil {
		l.horizon, _ = calendar.NewDate(calendar.MaxYear, 12, 31)
	}
	return l, nil
}

// measure is the interest time of row k (0-based) from its dates.
func (l *Loan) measure(k int, r schedule.CentsRow) int64 {
	if l.dayCount == schedule.Periodic {
		return int64(30 * (k + 1))
	}
	at := r.NominalDate
	if l.dayCount == schedule.Business252 {
		at = r.DueDate
	}
	t, _ := schedule.Elapsed(l.dayCount, l.cal, l.release, at) // dates checked
	return int64(t)
}

// setRate sets the compounding of the contract rate (as package schedule does: the
// growth over T units of the day count is base^(T·mul/d)) and of the delay (L days
// are L/30 months, L/360 years).
//
//	rate per   day count        base    unit                 mul  d
//	month      month-based      1 + i   1/30 month            1   30
//	month      Actual365        1 + i   12/365 month         12   365
//	month      Business252      1 + i   1/21 month            1   21
//	year       month-based      1 + a   1/360 year            1   360
//	year       Actual365        1 + a   1/365 year            1   365
//	year       Business252      1 + a   1/252 year            1   252
func (l *Loan) setRate(c Contract) {
	u, d := c.Rate.PercentUnits(), int64(30)
	l.mul, l.linear = 1, [2]int64{u, 30 * fractionScale}
	if c.RatePerYear {
		u, d = c.AnnualRate.PercentUnits(), 360
		l.linear = [2]int64{u, 360 * fractionScale}
	}
	l.dg = growthOf(u, d)
	switch {
	case c.DayCount == schedule.Actual365 && c.RatePerYear:
		d = 365
	case c.DayCount == schedule.Actual365:
		d, l.mul = 365, 12
	case c.DayCount == schedule.Business252 && c.RatePerYear:
		d = 252
	case c.DayCount == schedule.Business252:
		d = 21
	}
	l.g = growthOf(u, d)
}

// checkRow checks row k (0-based) against the release date, the previous nominal
// date and the balance before it.
func checkRow(k int, r schedule.CentsRow, release, prev calendar.Date, before int64) error {
	bad := func(format string, args ...any) error {
		return apierr.Wrap(ErrInconsistentSchedule, apierr.InvalidFormat, paramSchedule,
			"row %d: "+format, append([]any{k + 1}, args...)...)
	}
	for _, d := range [...]struct {
		date  calendar.Date
		param string
	}{{r.NominalDate, paramNominal}, {r.DueDate, paramDueDate}} {
		if d.date.IsZero() {
			return apierr.Wrap(apierr.ErrEmpty, apierr.MissingRequiredField, d.param,
				"installment %d has no %s", k+1, d.param)
		}
		if !d.date.After(release) {
			return apierr.Errorf(apierr.InvalidDueDate, d.param,
				"installment %d's %s %s is not after release_date %s", k+1, d.param, d.date, release)
		}
	}
	switch {
	case k > 0 && !r.NominalDate.After(prev):
		return apierr.Errorf(apierr.InvalidDueDate, paramNominal,
			"installment %d's nominal_date %s is not after installment %d's, %s", k+1, r.NominalDate, k, prev)
	case r.Number != k+1:
		return bad("numbered %d", r.Number)
	}
	for _, a := range [...]int64{r.Payment, r.Interest, r.Principal, r.Balance} {
		if a > maxRowAmount || a < -maxRowAmount {
			return apierr.Wrap(apierr.ErrRange, apierr.AmountOutOfRange, paramSchedule,
				"row %d: an amount of %s is beyond ±%s", k+1, money.FormatCents(a), money.FormatCents(maxRowAmount))
		}
	}
	switch {
	case r.Payment <= 0:
		return bad("payment %s is not positive", money.FormatCents(r.Payment))
	case r.Interest < 0:
		return bad("interest %s is negative", money.FormatCents(r.Interest))
	case r.Payment != r.Interest+r.Principal:
		return bad("payment %s is not interest %s + principal %s", money.FormatCents(r.Payment),
			money.FormatCents(r.Interest), money.FormatCents(r.Principal))
	case r.Balance != before-r.Principal:
		return bad("balance %s is not the previous balance %s − principal %s", money.FormatCents(r.Balance),
			money.FormatCents(before), money.FormatCents(r.Principal))
	}
	return nil
}

// Len returns the number of installments (0 for a nil *Loan).
func (l *Loan) Len() int {
	if l == nil {
		return 0
	}
	return len(l.inst)
}

// Release returns the release date d0 (the zero Date for a nil *Loan).
func (l *Loan) Release() calendar.Date {
	if l == nil {
		return calendar.Date{}
	}
	return l.release
}

// Payments returns the payment history, every payment with its date and allocation,
// ordered by date (payments of one date in installment order), in a new slice (nil for
// a nil *Loan).
func (l *Loan) Payments() []Payment {
	if l == nil || l.npays == 0 {
		return nil
	}
	out := make([]Payment, 0, l.npays)
	for k := range l.inst {
		out = append(out, l.inst[k].pays...)
	}
	slices.SortStableFunc(out, func(a, b Payment) int { return a.Date.Compare(b.Date) })
	return out
}

// Paid reports whether every installment is paid (false for a nil *Loan).
func (l *Loan) Paid() bool {
	if l == nil {
		return false
	}
	for k := range l.inst {
		if l.inst[k].st.remaining(&l.inst[k]) != 0 {
			return false
		}
	}
	return true
}

// DaysLate returns L, the days of delay of an installment with nominal date nominal
// and (rolled) due date due paid on paid: 0 when paid is on or before due (on time,
// Lei 7.089/1983); otherwise the calendar days from the earlier of nominal and due
// (Original: STJ, REsp 1.954.924 — due Saturday 2007-05-05, rolled to Monday
// 2007-05-07, paid 2007-05-28 is 23 days late) or from due (Rolled). It is the L of
// the mora and the remuneratory interest of the delay.
func DaysLate(nominal, due, paid calendar.Date, c CountFrom) int {
	if !paid.After(due) {
		return 0
	}
	return calendar.DaysBetween(delayStart(nominal, due, c), paid)
}

// delayStart is the day the days of delay of an installment count from: the earlier
// of its nominal and rolled due dates (Original), or the rolled one (Rolled). A payment
// after the rolled date is L = days(delayStart, paid) days late.
func delayStart(nominal, due calendar.Date, c CountFrom) calendar.Date {
	if c == Original && nominal.Before(due) {
		return nominal
	}
	return due
}

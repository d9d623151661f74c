package schedule

import (
	"github.com/shopspring/decimal"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/calendar"
	"github.com/dinie/lending/money"
)

// Reasons of the degenerate-terms errors, kept in apierr.Error.Err for
// errors.Is. All come with Code amount_out_of_range and Param "principal": the
// terms are too small for cent precision (the package doc, "The table").
const (
	// ErrInstallmentRoundsToZero: P / Σ(1+i)^(−t_k) rounds to 0.00.
	ErrInstallmentRoundsToZero apierr.Reason = "installment rounds to zero"
	// ErrResidueExhaustsBalance: rounding the installment up leaves the balance at
	// or below zero before the last row, so the last installment would be zero or
	// negative.
	ErrResidueExhaustsBalance apierr.Reason = "rounding residue exhausts the balance before the last installment"
	// ErrResidueExceedsInstallment: rounding the installment down leaves a residue
	// that, carried with interest to the last row, makes the last payment more
	// than twice the installment.
	ErrResidueExceedsInstallment apierr.Reason = "rounding residue exceeds an installment"
)

// Schedule is a Price table: the regular installment and n rows. Build it with
// New or with a Plan.
//
// Money is held as int64 cents. The decimal accessors (Installment, Row, Rows,
// the totals) build decimal.Decimal values on each call; the Cents accessors
// are for composing packages and read the same numbers without allocating.
//
// A *Schedule is immutable and safe for concurrent use. The zero Schedule is
// not valid: use the constructors.
type Schedule struct {
	plan          *Plan
	principal     int64
	pmt           int64
	totalInterest int64
	rows          []centsRow // rows[k-1] is installment k
}

// centsRow is what a row stores: the rest follows (principal_k = B_{k−1} − B_k,
// payment_k = principal_k + interest_k).
type centsRow struct {
	interest, balance int64
}

// Row is one installment of a schedule. Payment = Principal + Interest;
// Balance is the principal still owed after it. Principal is negative in a row
// with negative amortization (interest above the payment), and then the balance
// grows. Money has exactly two decimal places.
//
// In JSON a Row is an object with the keys number, nominal_date, due_date (dates
// as "YYYY-MM-DD"), payment, interest, principal and balance (money as strings
// in the wire format "1234.56"; a negative principal has a leading '-').
type Row struct {
	Number      int
	NominalDate calendar.Date
	DueDate     calendar.Date
	// InterestTime is T_k, the row's interest time from the release date to its
	// nominal date in the day count's units (Plan.InterestTime): what a booked
	// loan discounts a payoff and accrues interest from.
	InterestTime int
	Payment      decimal.Decimal
	Interest     decimal.Decimal
	Principal    decimal.Decimal
	Balance      decimal.Decimal
}

// CentsRow is Row in int64 cents, for composing packages (iof reads each row's
// due date and principal amortization; simulation reads payments and interest;
// CET reads due dates and payments) without building decimals. Number is 0 in
// the zero CentsRow, which CentsRow returns for an installment that does not
// exist.
type CentsRow struct {
	Number       int
	NominalDate  calendar.Date
	DueDate      calendar.Date
	InterestTime int // T_k in the day count's units, as in Row
	Payment      int64
	Interest     int64
	Principal    int64
	Balance      int64
}

// New returns the table of the terms t (the package doc gives every rule).
//
// Errors are *apierr.Error, for errors.As and errors.Is with their Code:
//
//	code                      param                   when
//	invalid_format            principal               more than two decimal places
//	amount_out_of_range       principal               outside 1.00 … 1000000000.00 (reason ErrRange),
//	                                                  or too small for cent precision (ErrInstallmentRoundsToZero,
//	                                                  ErrResidueExhaustsBalance, ErrResidueExceedsInstallment)
//	installments_out_of_range installment_count       outside 1 … 420
//	missing_required_field    release_date            the zero Date
//	invalid_due_date          first_due_date          not after the release date (nominal, or rolled),
//	                                                  or more than FirstPeriodMaxDays after it (nominal)
//	invalid_due_date          first_period_max_days   outside 0 … 366
//	date_out_of_range         release_date, first_due_date  a date past 9999-12-31 (or before 0001-01-01)
//	invalid_format            roll, day_count         a value that is none of the constants
//
// The rate cannot be out of range: MonthlyRate's constructors check it.
func New(t Terms) (*Schedule, error) {
	pc, err := principalCents(t.Principal)
	if err != nil {
		return nil, err
	}
	type both struct {
		p Plan
		s Schedule
	}
	b := &both{}
	if err := b.p.init(&t); err != nil {
		return nil, err
	}
	if err := b.p.build(&b.s, pc, t.Installments); err != nil {
		return nil, err
	}
	return &b.s, nil
}

// Schedule returns the Price table of principal over n installments (1 ≤ n ≤
// MaxInstallments()) on the plan's dates and rate. Errors are New's for the
// principal and the count.
func (p *Plan) Schedule(principal decimal.Decimal, n int) (*Schedule, error) {
	if p == nil {
		return nil, apierr.NilReceiver("*schedule.Plan")
	}
	pc, err := principalCents(principal)
	if err != nil {
		return nil, err
	}
	return p.ScheduleCents(pc, n)
}

// ScheduleCents is Schedule with the principal in int64 cents, for composing
// packages that already hold cents.
func (p *Plan) ScheduleCents(principal int64, n int) (*Schedule, error) {
	if p == nil {
		return nil, apierr.NilReceiver("*schedule.Plan")
	}
	if err := validPrincipal(principal); err != nil {
		return nil, err
	}
	s := &Schedule{}
	if err := p.build(s, principal, n); err != nil {
		return nil, err
	}
	return s, nil
}

// InstallmentCents returns the regular installment PMT of principal cents over
// n installments (1 ≤ n ≤ MaxInstallments()) on the plan's dates and rate,
// without building the rows: in O(1) and without allocating (except to decide
// a value within about 10^−13 of a half cent exactly, and on error). It is what
// ScheduleCents(principal, n).InstallmentCents() returns whenever ScheduleCents
// succeeds, so a grid of installment values, or a search over principals, can
// read it before paying for a table. PMT never decreases as the principal
// grows.
//
// The errors are ScheduleCents's for the principal's and the count's bounds,
// and ErrInstallmentRoundsToZero; the other two too-small rules
// (ErrResidueExhaustsBalance, ErrResidueExceedsInstallment) need the rows, so
// terms it accepts can still be refused by ScheduleCents.
func (p *Plan) InstallmentCents(principal int64, n int) (int64, error) {
	if p == nil {
		return 0, apierr.NilReceiver("*schedule.Plan")
	}
	if err := validPrincipal(principal); err != nil {
		return 0, err
	}
	return p.installment(principal, n)
}

// installment checks the count and returns PMT for pc cents over n, refusing
// a PMT that rounds to zero.
func (p *Plan) installment(pc int64, n int) (int64, error) {
	if n < 1 || n > len(p.rows) {
		return 0, apierr.Wrap(apierr.ErrRange, apierr.InstallmentsOutOfRange, paramInstallments,
			"installment_count %d is outside 1 to %d", n, len(p.rows))
	}
	if n <= p.grace {
		return 0, apierr.Wrap(apierr.ErrRange, apierr.InstallmentsOutOfRange, paramInstallments,
			"installment_count %d leaves no installment to amortize after a grace of %d; at least %d are needed", n, p.grace, p.grace+1)
	}
	pmt := p.pmt(pc, n)
	if pmt <= 0 {
		return 0, apierr.Wrap(ErrInstallmentRoundsToZero, apierr.AmountOutOfRange, paramPrincipal,
			"principal %s is too small for %d installments: the installment rounds to 0.00; a larger principal or fewer installments is needed",
			money.FormatCents(pc), n)
	}
	return pmt, nil
}

// build fills s with the table of pc cents over n installments.
func (p *Plan) build(s *Schedule, pc int64, n int) error { return p.buildInto(s, pc, n, nil) }

// buildInto is build writing the rows into buf when it holds n of them (a search
// that tries many principals reuses one buffer until one is accepted); every row
// is written before s takes buf.
func (p *Plan) buildInto(s *Schedule, pc int64, n int, buf []centsRow) error {
	pmt, err := p.installment(pc, n)
	if err != nil {
		return err
	}
	rows := buf
	if len(rows) != n {
		rows = make([]centsRow, n)
	}
	var total int64
	// The grace rows pay their interest and leave the balance at P.
	for k := range p.grace {
		in := p.interest(pc, p.rows[k].fi)
		if in <= 0 {
			return apierr.Wrap(ErrInstallmentRoundsToZero, apierr.AmountOutOfRange, paramPrincipal,
				"principal %s is too small for an interest-only installment %d: its interest rounds to 0.00 (at 0 %% a grace period is a later first_due_date)",
				money.FormatCents(pc), k+1)
		}
		total += in
		rows[k] = centsRow{interest: in, balance: pc}
	}
	if p.amort == SAC {
		return p.buildSAC(s, pc, n, pmt, rows, total)
	}
	b := pc
	for k := p.grace; k < n; k++ {
		in := p.interest(b, p.rows[k].fi)
		total += in
		if k == n-1 {
			// The last row absorbs the residue: principal_n = B_{n−1}.
			if b+in > 2*pmt {
				return residueError(pc, n, pmt)
			}
			rows[k] = centsRow{interest: in}
			break
		}
		b -= pmt - in
		if b <= 0 {
			return exhaustError(pc, n, pmt, k+1)
		}
		// Each later row lowers the balance by at most PMT (interest is never
		// negative), so a balance above PMT times the rows left plus one leaves more
		// than 2·PMT for the last payment: refuse now, before the residue, growing
		// by (1+i) a month, can overflow.
		if b > int64(n-k)*pmt {
			return residueError(pc, n, pmt)
		}
		rows[k] = centsRow{interest: in, balance: b}
	}
	*s = Schedule{plan: p, principal: pc, pmt: pmt, totalInterest: total, rows: rows}
	return nil
}

// buildSAC fills s with the SAC rows after the grace: amortization
// A = ⌈P/m⌉ (m = n − g) in every row but the last, which amortizes what is
// left, at most A; interest on the balance.
func (p *Plan) buildSAC(s *Schedule, pc int64, n int, pmt int64, rows []centsRow, total int64) error {
	m := int64(n - p.grace)
	a := (pc + m - 1) / m
	b := pc
	for k := p.grace; k < n; k++ {
		in := p.interest(b, p.rows[k].fi)
		total += in
		if k == n-1 {
			rows[k] = centsRow{interest: in}
			break
		}
		if b -= a; b <= 0 {
			return apierr.Wrap(ErrResidueExhaustsBalance, apierr.AmountOutOfRange, paramPrincipal,
				"principal %s is too small for %d installments: amortizations of %s (rounded up to the cent) pay it off by installment %d; a larger principal or fewer installments is needed",
				money.FormatCents(pc), n, money.FormatCents(a), k+1)
		}
		rows[k] = centsRow{interest: in, balance: b}
	}
	*s = Schedule{plan: p, principal: pc, pmt: pmt, totalInterest: total, rows: rows}
	return nil
}

func exhaustError(pc int64, n int, pmt int64, k int) error {
	return apierr.Wrap(ErrResidueExhaustsBalance, apierr.AmountOutOfRange, paramPrincipal,
		"principal %s is too small for %d installments at this rate: installments of %s pay it off by installment %d; a larger principal or fewer installments is needed",
		money.FormatCents(pc), n, money.FormatCents(pmt), k)
}

func residueError(pc int64, n int, pmt int64) error {
	return apierr.Wrap(ErrResidueExceedsInstallment, apierr.AmountOutOfRange, paramPrincipal,
		"principal %s is too small for %d installments at this rate: the rounding residue of installments of %s, carried with interest, would make the last payment more than twice the installment; a larger principal or fewer installments is needed",
		money.FormatCents(pc), n, money.FormatCents(pmt))
}

// zeroSchedule is what a nil *Schedule reads as.
var zeroSchedule Schedule

// orZero returns s, or the zero Schedule for a nil s (doc.go, "Zero values").
func (s *Schedule) orZero() *Schedule {
	if s == nil {
		return &zeroSchedule
	}
	return s
}

// Len returns the number of installments n.
func (s *Schedule) Len() int {
	s = s.orZero()
	return len(s.rows)
}

// Plan returns the plan the schedule was built from (with New, a plan for counts
// 1 … Len()), or nil for the zero Schedule.
func (s *Schedule) Plan() *Plan {
	s = s.orZero()
	return s.plan
}

// Installment returns the regular installment PMT, the payment of every row but
// possibly the last.
func (s *Schedule) Installment() decimal.Decimal {
	s = s.orZero()
	return money.FromCents(s.pmt)
}

// InstallmentCents is Installment in cents.
func (s *Schedule) InstallmentCents() int64 {
	s = s.orZero()
	return s.pmt
}

// TotalPayments returns Σ payment_k = Σ principal_k + Σ interest_k.
func (s *Schedule) TotalPayments() decimal.Decimal {
	s = s.orZero()
	return money.FromCents(s.TotalPaymentsCents())
}

// TotalPaymentsCents is TotalPayments in cents.
func (s *Schedule) TotalPaymentsCents() int64 {
	s = s.orZero()
	return s.principal + s.totalInterest
}

// TotalInterest returns Σ interest_k.
func (s *Schedule) TotalInterest() decimal.Decimal {
	s = s.orZero()
	return money.FromCents(s.totalInterest)
}

// TotalInterestCents is TotalInterest in cents.
func (s *Schedule) TotalInterestCents() int64 {
	s = s.orZero()
	return s.totalInterest
}

// TotalPrincipal returns Σ principal_k, which is always the principal P.
func (s *Schedule) TotalPrincipal() decimal.Decimal {
	s = s.orZero()
	return money.FromCents(s.principal)
}

// TotalPrincipalCents is TotalPrincipal in cents.
func (s *Schedule) TotalPrincipalCents() int64 {
	s = s.orZero()
	return s.principal
}

// CentsRow returns installment k (1 ≤ k ≤ Len()) in cents, or the zero CentsRow
// (Number 0) for any other k. It does not allocate.
func (s *Schedule) CentsRow(k int) CentsRow {
	s = s.orZero()
	if k < 1 || k > len(s.rows) {
		return CentsRow{}
	}
	prev := s.principal
	if k > 1 {
		prev = s.rows[k-2].balance
	}
	r := s.rows[k-1]
	pr := &s.plan.rows[k-1]
	principal := prev - r.balance
	return CentsRow{
		Number:       k,
		NominalDate:  pr.nominal,
		DueDate:      pr.due,
		InterestTime: int(pr.t),
		Payment:      principal + r.interest,
		Interest:     r.interest,
		Principal:    principal,
		Balance:      r.balance,
	}
}

// Row returns installment k (1 ≤ k ≤ Len()), or the zero Row (Number 0) for any
// other k.
func (s *Schedule) Row(k int) Row {
	s = s.orZero()
	c := s.CentsRow(k)
	if c.Number == 0 {
		return Row{}
	}
	return c.Row()
}

// Rows returns every row, in a new slice.
func (s *Schedule) Rows() []Row {
	s = s.orZero()
	rows := make([]Row, len(s.rows))
	for k := range rows {
		rows[k] = s.Row(k + 1)
	}
	return rows
}

// Row returns c with decimal money.
func (c CentsRow) Row() Row {
	return Row{
		Number:       c.Number,
		NominalDate:  c.NominalDate,
		DueDate:      c.DueDate,
		InterestTime: c.InterestTime,
		Payment:      money.FromCents(c.Payment),
		Interest:     money.FromCents(c.Interest),
		Principal:    money.FromCents(c.Principal),
		Balance:      money.FromCents(c.Balance),
	}
}

package simulation

import (
	"time"

	"github.com/shopspring/decimal"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/calendar"
	"github.com/dinie/lending/iof"
	"github.com/dinie/lending/money"
	"github.com/dinie/lending/schedule"
	"github.com/dinie/lending/validation"
)

// Simulation is the API's simulation (sim_) of a loan, with what servers and UIs
// need beyond it: the schedule, the principal, the annual interest rate, the
// monthly CET, the IOF split and the charges mode.
//
// Money is held in int64 cents. The decimal accessors (Amount, InterestAmount…)
// build a decimal.Decimal on each call; Cents returns every amount in cents
// without allocating. For every Simulation,
//
//	TotalLoanAmount = Amount + InterestAmount + FeesAmount + IOFAmount = Σ payments
//
// exactly, and Principal = Amount + FeesAmount + IOFAmount.
//
// A *Simulation is immutable once Simulate, Grid or UnmarshalJSON returns it and
// safe for concurrent use. The zero Simulation is not a simulation: get one from
// those functions.
type Simulation struct {
	id, offerID string

	requested, amount, fees, principal int64
	interest, total, installment       int64
	iof                                IOFDetail

	rate                     schedule.MonthlyRate // monthly: exact, or the annual rate's equivalent
	annual                   schedule.AnnualRate  // annual: exact when perYear, else the equivalent
	perYear                  bool
	cetPercent, cetMonthlyPc float64
	grace                    int
	amort                    schedule.Amortization

	n         int
	createdAt time.Time
	firstDue  calendar.Date
	release   calendar.Date
	dayCount  schedule.DayCount
	roll      calendar.Roll
	charges   Charges

	// The rows: the schedule a simulation computed, or, for one read from
	// JSON, the rows it carried (the schedule needs terms, such as a custom
	// calendar, that JSON does not hold).
	sched *schedule.Schedule
	rows  []schedule.CentsRow
}

// IOFDetail is a simulation's IOF split as Decreto 6.306/2007, art. 7 computes it
// (package iof): the daily part, the additional part, the borrower's class, the
// class whose rates applied (Company for a Simples or MEI operation above
// R$ 30,000.00) and those rates on the release date. Amounts are cents; both
// parts are rounded half-up to cents on their own. It is a plain value.
type IOFDetail struct {
	DailyCents      int64
	AdditionalCents int64
	Class           iof.Class
	Applied         iof.Class
	Rates           iof.Rates
}

// Daily returns the daily part as a decimal.
func (d IOFDetail) Daily() decimal.Decimal { return money.FromCents(d.DailyCents) }

// Additional returns the additional part as a decimal.
func (d IOFDetail) Additional() decimal.Decimal { return money.FromCents(d.AdditionalCents) }

// TotalCents returns the IOF, daily + additional, in cents.
func (d IOFDetail) TotalCents() int64 { return d.DailyCents + d.AdditionalCents }

// Total returns the IOF as a decimal.
func (d IOFDetail) Total() decimal.Decimal { return money.FromCents(d.TotalCents()) }

// Cents holds every amount of a simulation in int64 cents, for callers composing
// further arithmetic (and for tests) without building decimals.
type Cents struct {
	Requested   int64 // requested_amount
	Amount      int64 // amount: net released to the customer
	Interest    int64 // interest_amount: Σ interest_k
	Fees        int64 // fees_amount
	IOF         int64 // iof_amount
	Total       int64 // total_loan_amount: Σ payment_k
	Installment int64 // installments_value: the regular installment PMT
	Principal   int64 // P, the amount the schedule amortizes
}

// zeroSimulation is what a nil *Simulation reads as.
var zeroSimulation Simulation

// orZero returns s, or the zero Simulation for a nil s: a nil *Simulation's
// accessors return zero values and its methods that can fail return
// apierr.NilReceiver (doc.go, "Zero values").
func (s *Simulation) orZero() *Simulation {
	if s == nil {
		return &zeroSimulation
	}
	return s
}

// Cents returns every amount in cents. It does not allocate.
func (s *Simulation) Cents() Cents {
	s = s.orZero()
	return Cents{
		Requested: s.requested, Amount: s.amount, Interest: s.interest, Fees: s.fees,
		IOF: s.iof.TotalCents(), Total: s.total, Installment: s.installment, Principal: s.principal,
	}
}

// ID returns the simulation's id: empty unless set with WithID. The library
// cannot mint IDs (it has no randomness or storage); the server does.
func (s *Simulation) ID() string {
	s = s.orZero()
	return s.id
}

// WithID returns a copy of s with its id set, after checking that id is a
// simulation ID (sim_ + 32 lowercase hex digits, validation.CheckID; param id).
// The copy shares s's immutable rows.
func (s *Simulation) WithID(id string) (*Simulation, error) {
	if s == nil {
		return nil, apierr.NilReceiver("*simulation.Simulation")
	}
	if err := validation.CheckID(id, validation.Simulation); err != nil {
		return nil, apierr.Relabel(err, "id")
	}
	c := *s
	c.id = id
	return &c, nil
}

// CreditOfferID returns credit_offer_id: the offer's ID as given in Offer.ID
// (empty when the offer had none).
func (s *Simulation) CreditOfferID() string {
	s = s.orZero()
	return s.offerID
}

// RequestedAmount returns requested_amount, what the partner asked for.
func (s *Simulation) RequestedAmount() decimal.Decimal {
	s = s.orZero()
	return money.FromCents(s.requested)
}

// Amount returns amount, the net the customer receives: requested − fees − IOF
// when charges are deducted; requested (or a cent above, iof.Financed) when
// financed.
func (s *Simulation) Amount() decimal.Decimal {
	s = s.orZero()
	return money.FromCents(s.amount)
}

// InterestAmount returns interest_amount, Σ interest_k over the schedule.
func (s *Simulation) InterestAmount() decimal.Decimal {
	s = s.orZero()
	return money.FromCents(s.interest)
}

// FeesAmount returns fees_amount, fixed + half-up(requested × percent / 100).
func (s *Simulation) FeesAmount() decimal.Decimal {
	s = s.orZero()
	return money.FromCents(s.fees)
}

// IOFAmount returns iof_amount, the daily plus the additional part.
func (s *Simulation) IOFAmount() decimal.Decimal {
	s = s.orZero()
	return money.FromCents(s.iof.TotalCents())
}

// TotalLoanAmount returns total_loan_amount, Σ payment_k =
// amount + interest_amount + fees_amount + iof_amount.
func (s *Simulation) TotalLoanAmount() decimal.Decimal {
	s = s.orZero()
	return money.FromCents(s.total)
}

// InterestPercentage returns interest_percentage, the monthly rate: the
// offer's, exactly, or for a contract rate per year (Options.AnnualRate) its
// monthly equivalent rounded half-up to 10 places.
func (s *Simulation) InterestPercentage() schedule.MonthlyRate {
	s = s.orZero()
	return s.rate
}

// AnnualInterestRate returns the annual rate: for a contract rate per year
// (RatePerYear) the rate itself, exactly; otherwise the monthly rate's annual
// equivalent (1 + i)^12 − 1 rounded half-up to 10 places.
func (s *Simulation) AnnualInterestRate() schedule.AnnualRate {
	s = s.orZero()
	return s.annual
}

// RatePerYear reports whether the contract states its rate per year.
func (s *Simulation) RatePerYear() bool {
	s = s.orZero()
	return s.perYear
}

// Grace returns the number of interest-only installments.
func (s *Simulation) Grace() int {
	s = s.orZero()
	return s.grace
}

// Amortization returns the amortization system of the schedule.
func (s *Simulation) Amortization() schedule.Amortization {
	s = s.orZero()
	return s.amort
}

// CETPercentage returns cet_percentage: the annual CET in percent with 2
// decimals, rounded by ABNT NBR 5891 (cet.Rate.Percent); the float64 nearest to
// that 2-decimal number, so it prints as it (48.56, never 48.559999…).
func (s *Simulation) CETPercentage() float64 {
	s = s.orZero()
	return s.cetPercent
}

// CETMonthlyPercentage returns the monthly equivalent of the CET,
// (1 + CET)^(1/12) − 1, in percent with 2 decimals rounded like CETPercentage.
func (s *Simulation) CETMonthlyPercentage() float64 {
	s = s.orZero()
	return s.cetMonthlyPc
}

// NumberOfInstallments returns number_of_installments, n.
func (s *Simulation) NumberOfInstallments() int {
	s = s.orZero()
	return s.n
}

// InstallmentsValue returns installments_value, the regular installment: the
// Price table's PMT (the last installment absorbs the rounding residue and may
// differ by cents; interest-only grace installments pay their interest), or
// SAC's first amortizing installment, the largest.
func (s *Simulation) InstallmentsValue() decimal.Decimal {
	s = s.orZero()
	return money.FromCents(s.installment)
}

// InstallmentsCents returns installments_value in cents.
func (s *Simulation) InstallmentsCents() int64 {
	s = s.orZero()
	return s.installment
}

// CreatedAt returns the instant the simulation was made: Options.Now. A loan request
// on it compares it with the offer's other simulations (only the latest can be
// contracted).
func (s *Simulation) CreatedAt() time.Time {
	s = s.orZero()
	return s.createdAt
}

// FirstDueDate returns first_due_date, installment 1's (rolled) due date.
func (s *Simulation) FirstDueDate() calendar.Date {
	s = s.orZero()
	return s.firstDue
}

// Principal returns P, the amount the schedule amortizes: the requested amount
// when charges are deducted; requested + fees + IOF when financed.
func (s *Simulation) Principal() decimal.Decimal {
	s = s.orZero()
	return money.FromCents(s.principal)
}

// IOF returns the IOF split.
func (s *Simulation) IOF() IOFDetail {
	s = s.orZero()
	return s.iof
}

// Charges returns the charges mode the simulation used.
func (s *Simulation) Charges() Charges {
	s = s.orZero()
	return s.charges
}

// Release returns the release date d0.
func (s *Simulation) Release() calendar.Date {
	s = s.orZero()
	return s.release
}

// DayCount returns the day count convention of the schedule.
func (s *Simulation) DayCount() schedule.DayCount {
	s = s.orZero()
	return s.dayCount
}

// Roll returns the roll convention of the due dates.
func (s *Simulation) Roll() calendar.Roll {
	s = s.orZero()
	return s.roll
}

// AnnualInterestPercentage returns the annual rate in percent rounded to 2
// decimals by ABNT NBR 5891, as the CET beside it: for a monthly rate its
// equivalent (1 + i)^12 − 1 (no tie can occur, see the package doc), 34.49 for
// 2.5 % a.m.; for a rate per year the rate itself, ties to even. It is
// computed exactly on each call.
func (s *Simulation) AnnualInterestPercentage() decimal.Decimal {
	s = s.orZero()
	return decimal.New(s.annualHundredths(), -2)
}

// annualHundredths is AnnualInterestPercentage in hundredths of a percent.
func (s *Simulation) annualHundredths() int64 {
	if s.perYear {
		return hundredthsEven(s.annual.PercentUnits())
	}
	return annualHundredths(s.rate)
}

// CentsRow returns installment k (1 ≤ k ≤ NumberOfInstallments) of the schedule
// in cents, or the zero CentsRow for any other k. It does not allocate.
func (s *Simulation) CentsRow(k int) schedule.CentsRow {
	s = s.orZero()
	if s.sched != nil {
		return s.sched.CentsRow(k)
	}
	if k < 1 || k > len(s.rows) {
		return schedule.CentsRow{}
	}
	return s.rows[k-1]
}

// Row returns installment k with decimal money, or the zero Row for any other k.
func (s *Simulation) Row(k int) schedule.Row {
	s = s.orZero()
	if k < 1 || k > s.n {
		return schedule.Row{}
	}
	return s.CentsRow(k).Row()
}

// Rows returns the schedule: every installment with its nominal and due dates,
// payment, interest, principal and balance, in a new slice.
func (s *Simulation) Rows() []schedule.Row {
	s = s.orZero()
	rows := make([]schedule.Row, s.n)
	for k := range rows {
		rows[k] = s.CentsRow(k + 1).Row()
	}
	return rows
}

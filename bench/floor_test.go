package bench

import (
	"errors"
	"math"

	"github.com/dinie/lending/calendar"
)

// The float64 floor: the simulation as someone would write it who wants the
// figures fast and does not care about the last cent. Same inputs as
// simulation.Simulate (the amounts as float64 reais, the rate as a fraction),
// the same steps — fees, nominal dates rolled onto business days of
// calendar.Brazil(), monthly pro rata interest time, the Price table, the IOF
// at the MEI rates of the regime in force, the CET by Newton — in float64,
// with no input checks beyond what the arithmetic needs. It rounds to cents
// where the spec does (the installment, each row's interest, the fees and each
// IOF part) the way a float user would, math.Round(x·100)/100, which is not
// exact: a value within float error of a half cent, or a true tie that float
// cannot represent, can go either way. It allocates the rows of the result and
// nothing else.
//
// It is a baseline, not a second implementation: agree_test.go holds it to
// Simulate within cents, which is all float64 without cent exactness can give.

// floatOffer is the floor's input.
type floatOffer struct {
	Requested  float64 // reais
	Rate       float64 // monthly, as a fraction (0.03)
	FeeFixed   float64 // reais
	FeePercent float64 // percent of the requested amount
	N          int
	Release    calendar.Date
}

// floatRow is one installment of the floor's schedule.
type floatRow struct {
	Due                                   calendar.Date
	Payment, Interest, Principal, Balance float64
}

// floatResult is the floor's simulation: every figure of the API's response
// and the schedule, in float64 reais (percentages in percent).
type floatResult struct {
	Installment, Interest, Fees, IOF, Amount, Total float64
	CETPercent, CETMonthlyPercent, AnnualPercent    float64
	FirstDue                                        calendar.Date
	Rows                                            []floatRow
}

// IOF rates for an MEI operation up to R$ 30,000.00 released from 2025-07-16
// (Decreto 12.499/2025): 0.00274 % a day, 0.38 % once; above the threshold the
// company rates, 0.0082 % a day. A float user hard-codes the regime in force.
const (
	floatDailyMEI     = 0.00274 / 100
	floatDailyCompany = 0.0082 / 100
	floatAdditional   = 0.38 / 100
)

var (
	errFloatRegime = errors.New("float floor: release before the regime it knows")
	errFloatCET    = errors.New("float floor: CET did not converge")
)

// floatRegimeFrom is the first release date of the hard-coded regime.
var floatRegimeFrom, _ = calendar.NewDate(2025, 7, 16)

// floatSimulate computes the simulation of o in float64.
func floatSimulate(o floatOffer) (floatResult, error) {
	if o.Release.Before(floatRegimeFrom) {
		return floatResult{}, errFloatRegime
	}
	cal := calendar.Brazil()
	n := o.N
	d0 := o.Release
	first, err := d0.AddMonths(1)
	if err != nil {
		return floatResult{}, err
	}
	rows := make([]floatRow, n)

	// Dates, interest time (months, monthly pro rata) and discount factors; row
	// k's discount factor is parked in its Payment until the table overwrites it.
	var sum float64
	for k := range rows {
		nominal, err := first.AddMonths(k)
		if err != nil {
			return floatResult{}, err
		}
		due, err := cal.Adjust(nominal, calendar.Following)
		if err != nil {
			return floatResult{}, err
		}
		t, err := monthsProRata(d0, 1+k, nominal)
		if err != nil {
			return floatResult{}, err
		}
		v := math.Pow(1+o.Rate, -t)
		sum += v
		rows[k] = floatRow{Due: due, Payment: v}
	}

	// The Price table.
	p := o.Requested
	pmt := round2(p / sum)
	bal := p
	var interest, total float64
	prevV := 1.0
	for k := range rows {
		v := rows[k].Payment
		in := round2(bal * (prevV/v - 1))
		prevV = v
		pay := pmt
		if k == n-1 {
			pay = bal + in
		}
		am := pay - in
		bal -= am
		interest += in
		total += pay
		rows[k].Payment, rows[k].Interest, rows[k].Principal, rows[k].Balance = pay, in, am, bal
	}

	// IOF: daily rate on each amortization for its days (at most 365), plus the
	// additional rate on the principal.
	daily := floatDailyMEI
	if p > 30000 {
		daily = floatDailyCompany
	}
	var base float64
	for _, r := range rows {
		if r.Principal > 0 {
			base += r.Principal * float64(min(calendar.DaysBetween(d0, r.Due), 365))
		}
	}
	iofAmount := round2(base*daily) + round2(p*floatAdditional)

	fees := o.FeeFixed + round2(o.Requested*o.FeePercent/100)
	net := p - fees - iofAmount

	// CET: Newton on x = ln(1 + CET) for Σ payment_k·e^(−x·days_k/365) = net,
	// from the annual interest rate.
	annual := math.Pow(1+o.Rate, 12) - 1
	x := math.Log1p(annual)
	for it := 0; ; it++ {
		if it == 50 {
			return floatResult{}, errFloatCET
		}
		var f, df float64
		for _, r := range rows {
			t := float64(calendar.DaysBetween(d0, r.Due)) / 365
			e := r.Payment * math.Exp(-x*t)
			f += e
			df -= t * e
		}
		dx := (f - net) / df
		x -= dx
		if math.Abs(dx) < 1e-12 {
			break
		}
	}
	cet := math.Expm1(x)
	return floatResult{
		Installment:       pmt,
		Interest:          interest,
		Fees:              fees,
		IOF:               iofAmount,
		Amount:            net,
		Total:             total,
		CETPercent:        math.Round(cet*1e4) / 100,
		CETMonthlyPercent: math.Round(math.Expm1(x/12)*1e4) / 100,
		AnnualPercent:     math.Round(annual*1e4) / 100,
		FirstDue:          rows[0].Due,
		Rows:              rows,
	}, nil
}

// round2 rounds reais to cents, half away from zero, in float64.
func round2(x float64) float64 { return math.Round(x*100) / 100 }

// monthsProRata is the monthly pro rata time in months from d0 to d, which lies
// in the m-th month after d0's: the whole months m' with d0 + m' months ≤ d (m,
// or m − 1 when d0's day, clamped to d's month, falls after d), plus the
// remaining days / 30.
func monthsProRata(d0 calendar.Date, m int, d calendar.Date) (float64, error) {
	a, err := d0.AddMonths(m)
	if err != nil {
		return 0, err
	}
	if a.After(d) {
		m--
		if a, err = d0.AddMonths(m); err != nil {
			return 0, err
		}
	}
	return float64(m) + float64(calendar.DaysBetween(a, d))/30, nil
}

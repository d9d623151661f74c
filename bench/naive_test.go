package bench

import (
	"errors"

	"github.com/shopspring/decimal"

	"github.com/dinie/lending/calendar"
)

// The naive decimal version: the simulation as a competent user would write it
// with shopspring/decimal and no thought for speed. Every amount and factor is a
// decimal.Decimal; the discount and interest factors are decimal powers of
// (1 + i) (exact for whole-month periods, 16 places otherwise); money is
// rounded half-up to cents where the spec rounds (Decimal.Round); the CET is
// solved by Newton's method in decimal arithmetic, each iteration taking a
// fractional decimal power (1 + CET)^(−days/365) per installment. Same inputs
// and the same steps as floatSimulate and simulation.Simulate; agree_test.go
// holds its figures to Simulate's.

// decOffer is the naive version's input.
type decOffer struct {
	Requested  decimal.Decimal // reais
	Rate       decimal.Decimal // monthly, as a fraction (0.03)
	FeeFixed   decimal.Decimal // reais
	FeePercent decimal.Decimal // percent of the requested amount
	N          int
	Release    calendar.Date
}

// decRow is one installment of the naive version's schedule.
type decRow struct {
	Due                                   calendar.Date
	Payment, Interest, Principal, Balance decimal.Decimal
}

// decResult is the naive version's simulation.
type decResult struct {
	Installment, Interest, Fees, IOF, Amount, Total decimal.Decimal
	CETPercent, CETMonthlyPercent, AnnualPercent    decimal.Decimal
	FirstDue                                        calendar.Date
	Rows                                            []decRow
}

// The constants a decimal user keeps at package level, parsed once.
var (
	decOne            = decimal.NewFromInt(1)
	decHundred        = decimal.NewFromInt(100)
	decThirty         = decimal.NewFromInt(30)
	decYear           = decimal.NewFromInt(365)
	decTwelfth        = decOne.Div(decimal.NewFromInt(12))
	decThreshold      = decimal.NewFromInt(30000)
	decDailyMEI       = decimal.RequireFromString("0.0000274") // 0.00274 % a day
	decDailyCompany   = decimal.RequireFromString("0.000082")  // 0.0082 % a day
	decAdditional     = decimal.RequireFromString("0.0038")    // 0.38 %
	decCETTolerance   = decimal.New(1, -12)
	errDecRegime      = errors.New("naive decimal: release before the regime it knows")
	errDecCET         = errors.New("naive decimal: CET did not converge")
	decRegimeFrom, _  = calendar.NewDate(2025, 7, 16)
	decIterationLimit = 50
)

// decSimulate computes the simulation of o with shopspring/decimal.
func decSimulate(o decOffer) (decResult, error) {
	if o.Release.Before(decRegimeFrom) {
		return decResult{}, errDecRegime
	}
	cal := calendar.Brazil()
	n := o.N
	d0 := o.Release
	first, err := d0.AddMonths(1)
	if err != nil {
		return decResult{}, err
	}
	onePlusI := decOne.Add(o.Rate)

	// Dates, interest times and discount factors.
	rows := make([]decRow, n)
	times := make([]decimal.Decimal, n)
	sum := decimal.Zero
	for k := range rows {
		nominal, err := first.AddMonths(k)
		if err != nil {
			return decResult{}, err
		}
		due, err := cal.Adjust(nominal, calendar.Following)
		if err != nil {
			return decResult{}, err
		}
		t, err := decMonthsProRata(d0, 1+k, nominal)
		if err != nil {
			return decResult{}, err
		}
		times[k] = t
		sum = sum.Add(onePlusI.Pow(t.Neg()))
		rows[k].Due = due
	}

	// The Price table, half-up to cents.
	p := o.Requested
	pmt := p.Div(sum).Round(2)
	bal := p
	interest, total := decimal.Zero, decimal.Zero
	prevT := decimal.Zero
	for k := range rows {
		factor := onePlusI.Pow(times[k].Sub(prevT)).Sub(decOne)
		prevT = times[k]
		in := bal.Mul(factor).Round(2)
		pay := pmt
		if k == n-1 {
			pay = bal.Add(in)
		}
		am := pay.Sub(in)
		bal = bal.Sub(am)
		interest = interest.Add(in)
		total = total.Add(pay)
		rows[k].Payment, rows[k].Interest, rows[k].Principal, rows[k].Balance = pay, in, am, bal
	}

	// IOF, each part half-up to cents.
	daily := decDailyMEI
	if p.GreaterThan(decThreshold) {
		daily = decDailyCompany
	}
	base := decimal.Zero
	days := make([]decimal.Decimal, n)
	for k, r := range rows {
		d := int64(calendar.DaysBetween(d0, r.Due))
		days[k] = decimal.NewFromInt(d)
		if r.Principal.IsPositive() {
			base = base.Add(r.Principal.Mul(decimal.NewFromInt(min(d, 365))))
		}
	}
	iofAmount := base.Mul(daily).Round(2).Add(p.Mul(decAdditional).Round(2))

	fees := o.FeeFixed.Add(o.Requested.Mul(o.FeePercent).Div(decHundred).Round(2))
	net := p.Sub(fees).Sub(iofAmount)

	// CET: Newton on c for Σ payment_k·(1 + c)^(−days_k/365) = net, from the
	// annual interest rate.
	annual := onePlusI.Pow(decimal.NewFromInt(12)).Sub(decOne)
	years := make([]decimal.Decimal, n)
	for k := range years {
		years[k] = days[k].Div(decYear)
	}
	c := annual
	for it := 0; ; it++ {
		if it == decIterationLimit {
			return decResult{}, errDecCET
		}
		onePlusC := decOne.Add(c)
		f, df := net.Neg(), decimal.Zero
		for k, r := range rows {
			v := r.Payment.Mul(onePlusC.Pow(years[k].Neg()))
			f = f.Add(v)
			df = df.Sub(years[k].Mul(v).Div(onePlusC))
		}
		step := f.Div(df)
		c = c.Sub(step)
		if step.Abs().LessThan(decCETTolerance) {
			break
		}
	}
	monthly := decOne.Add(c).Pow(decTwelfth).Sub(decOne)
	return decResult{
		Installment:       pmt,
		Interest:          interest,
		Fees:              fees,
		IOF:               iofAmount,
		Amount:            net,
		Total:             total,
		CETPercent:        c.Mul(decHundred).RoundBank(2),
		CETMonthlyPercent: monthly.Mul(decHundred).RoundBank(2),
		AnnualPercent:     annual.Mul(decHundred).RoundBank(2),
		FirstDue:          rows[0].Due,
		Rows:              rows,
	}, nil
}

// decMonthsProRata is monthsProRata in decimal months.
func decMonthsProRata(d0 calendar.Date, m int, d calendar.Date) (decimal.Decimal, error) {
	a, err := d0.AddMonths(m)
	if err != nil {
		return decimal.Zero, err
	}
	if a.After(d) {
		m--
		if a, err = d0.AddMonths(m); err != nil {
			return decimal.Zero, err
		}
	}
	t := decimal.NewFromInt(int64(m))
	if r := calendar.DaysBetween(a, d); r != 0 {
		t = t.Add(decimal.NewFromInt(int64(r)).Div(decThirty))
	}
	return t, nil
}

package cet

import (
	"fmt"
	"math/big"
	"time"

	"github.com/shopspring/decimal"

	"github.com/dinie/lending/apierr"
)

// DatedFlow is one payment on a civil date: Amount (BRL, whole cents) paid on Date.
// Only Date's year, month and day are read, in Date's own location; its clock and
// zone are ignored, so 2008-02-02T23:00-03:00 is 2008-02-02.
type DatedFlow struct {
	Date   time.Time
	Amount decimal.Decimal
}

// SolveDates is Solve for dated payments with decimal amounts: the CET of a loan
// that released net (BRL) on the civil date release, repaid by flows, under
// Actual365 (calendar days over 365). Amounts must be whole cents; dates are read
// as civil dates like DatedFlow's. Errors name the offending input as "net",
// "flows", "flows[i].date" or "flows[i].amount" (a payment date before the release
// date is the payment's error).
//
// SolveDates allocates to read the decimals (and a buffer above 64 payments);
// callers holding cents and day counts, such as a simulation, call Solve. It is safe
// for concurrent use.
func SolveDates(release time.Time, net decimal.Decimal, flows []DatedFlow) (Rate, error) {
	netCents, err := toCents(net, -1)
	if err != nil {
		return Rate{}, err
	}
	if len(flows) > MaxFlows {
		return Rate{}, errorf(ErrTooManyFlows, "flows", "%d payments is above the limit of %d", len(flows), MaxFlows)
	}
	var buf [64]Flow
	fl := buf[:0]
	if len(flows) > len(buf) {
		fl = make([]Flow, 0, len(flows))
	}
	d0 := civilDay(release)
	for i, f := range flows {
		days := civilDay(f.Date) - d0
		switch {
		case days < 0:
			return Rate{}, errorf(ErrBeforeRelease, fmt.Sprintf("flows[%d].date", i), "flows[%d].date %s is before the release date %s",
				i, f.Date.Format(time.DateOnly), release.Format(time.DateOnly))
		case days > MaxYears*365:
			return Rate{}, errorf(ErrTimeRange, fmt.Sprintf("flows[%d].date", i), "flows[%d].date %s is %d days after the release date %s: the limit is %d (%d years)",
				i, f.Date.Format(time.DateOnly), days, release.Format(time.DateOnly), MaxYears*365, MaxYears)
		}
		c, err := toCents(f.Amount, i)
		if err != nil {
			return Rate{}, err
		}
		fl = append(fl, Flow{Time: int(days), Cents: c})
	}
	// Every per-flow check Solve makes has been made above with the wire names, so
	// what Solve can still report concerns the whole list ("flows").
	return Solve(netCents, fl, Actual365)
}

// civilDay returns the number of days from 1970-01-01 to t's civil date (read in
// t's location) in the proleptic Gregorian calendar. It is computed in int64
// arithmetic from the year, month and day, so no year time.Time can hold
// overflows it (time.Time.Sub would saturate beyond 292 years).
func civilDay(t time.Time) int64 {
	y, m, d := t.Date()
	// Howard Hinnant's days_from_civil: years start in March so that the leap day
	// ends the year, and the era is the 400-year Gregorian cycle.
	yy := int64(y)
	if m <= 2 {
		yy--
	}
	era := yy / 400
	if yy < 0 && yy%400 != 0 {
		era--
	}
	yoe := yy - era*400                    // [0, 399]
	mp := (int64(m) + 9) % 12              // March = 0
	doy := (153*mp+2)/5 + int64(d) - 1     // [0, 365]
	doe := yoe*365 + yoe/4 - yoe/100 + doy // [0, 146096]
	return era*146097 + doe - 719468       // 719468: 0000-03-01 to 1970-01-01
}

// toCents converts a BRL amount to cents exactly: the net amount when index is −1,
// else flows[index].amount. A negative amount (a zero one too, for the net),
// fractions of a cent and amounts above MaxCents are errors naming that input. The
// coefficient's size bounds the work, so a decimal with an absurd exponent is
// rejected cheaply rather than expanded.
func toCents(d decimal.Decimal, index int) (int64, error) {
	param := func() string {
		if index < 0 {
			return "net"
		}
		return fmt.Sprintf("flows[%d].amount", index)
	}
	c := d.Coefficient()
	switch {
	case index < 0 && c.Sign() <= 0:
		return 0, errorf(ErrNet, "net", "net %s is not positive", shortDecimal(d))
	case c.Sign() < 0:
		return 0, errorf(ErrNegative, param(), "%s %s is negative: payments must not be", param(), shortDecimal(d))
	case c.Sign() == 0:
		return 0, nil
	case !apierr.Bounded(d):
		// Past the library's bounds on decimals (apierr.CheckBounds): a short
		// coefficient there has an exponent below −MaxExponent, a fraction of a cent.
		if d.Exponent() < 0 && d.NumDigits() <= 18 {
			return 0, notCents(param(), d)
		}
		return 0, tooLarge(param(), d)
	}
	shift := int64(d.Exponent()) + 2 // cents = c·10^shift
	switch {
	case shift > 0:
		if shift > 16 { // c ≥ 1, so the amount is ≥ 10^17 cents
			return 0, tooLarge(param(), d)
		}
		c.Mul(c, new(big.Int).Exp(big.NewInt(10), big.NewInt(shift), nil))
	case shift < 0:
		// 10^k > 2^k > c once k ≥ c's bit length, and a nonzero c is then not a
		// multiple of 10^k.
		k := -shift
		if k >= int64(c.BitLen()) {
			return 0, notCents(param(), d)
		}
		var r big.Int
		c.QuoRem(c, new(big.Int).Exp(big.NewInt(10), big.NewInt(k), nil), &r)
		if r.Sign() != 0 {
			return 0, notCents(param(), d)
		}
	}
	if !c.IsInt64() || c.Int64() > MaxCents {
		return 0, tooLarge(param(), d)
	}
	return c.Int64(), nil
}

func tooLarge(param string, d decimal.Decimal) error {
	return errorf(ErrTooLarge, param, "%s %s is above the limit of %s", param, shortDecimal(d), decimal.New(MaxCents, -2).StringFixed(2))
}

func notCents(param string, d decimal.Decimal) error {
	return errorf(ErrNotCents, param, "%s %s has fractions of a cent: want whole cents", param, shortDecimal(d))
}

// shortDecimal prints d for an error message, bounded (apierr.DescribeDecimal).
func shortDecimal(d decimal.Decimal) string { return apierr.DescribeDecimal(d) }

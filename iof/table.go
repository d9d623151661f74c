package iof

import (
	"time"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/calendar"
)

// The IOF rates on credit operations by release date, the table of docs/lending-math.md
// §8.3 with its sources. Each row holds from the release date in its first column
// until the day before the next row's; the last row is open and in force today.
// A new decree is one appended row. Rates are written as the decrees write them,
// in percent (0.0082*pct is 0.0082 % a day), as exact constant expressions.
//
// Columns: first day; then daily + additional rates for Individual (PF), Company
// (PJ), Simples and MEI (the last two for principals up to ReducedRateLimit).
var table = [...]row{
	// 2012-05-23 to 2015-01-21: the regime Decreto 8.392/2015 replaced. Decreto
	// 7.726/2012 (dated 2012-05-21, published in the DOU of 2012-05-22, applied from
	// 2012-05-23) cut the individual's daily rate from 0.0068 % to 0.0041 % (art. 7,
	// I, b, 2); the company rate (I, b, 1), the Simples rate (VI) and the additional
	// 0.38 % (§15) are those Decreto 6.306/2007 and Decreto 6.339/2008 had set.
	{ymd{2012, 5, 23}, r(0.0041*pct, 0.38*pct), r(0.0041*pct, 0.38*pct), r(0.00137*pct, 0.38*pct), r(0.00137*pct, 0.38*pct),
		"Decreto 7.726/2012"},
	// 2015-01-22 to 2020-04-02. Decreto 8.392/2015 is dated 2015-01-20 and was
	// published in the DOU of 2015-01-21; its rates apply from the next day.
	{ymd{2015, 1, 22}, r(0.0082*pct, 0.38*pct), r(0.0041*pct, 0.38*pct), r(0.00137*pct, 0.38*pct), r(0.00137*pct, 0.38*pct),
		"Decreto 8.392/2015"},
	// 2020-04-03 to 2020-11-26: zero rate, the additional included (COVID-19).
	{ymd{2020, 4, 3}, r(0, 0), r(0, 0), r(0, 0), r(0, 0),
		"Decretos 10.305/2020, 10.414/2020, 10.504/2020 and 10.551/2020"},
	// 2020-11-27 to 2020-12-14.
	{ymd{2020, 11, 27}, r(0.0082*pct, 0.38*pct), r(0.0041*pct, 0.38*pct), r(0.00137*pct, 0.38*pct), r(0.00137*pct, 0.38*pct),
		"Decreto 8.392/2015 (the zero rate of Decreto 10.551/2020 ended on 2020-11-26)"},
	// 2020-12-15 to 2020-12-31: zero rate, the additional included.
	{ymd{2020, 12, 15}, r(0, 0), r(0, 0), r(0, 0), r(0, 0),
		"Decreto 10.572/2020"},
	// 2021-01-01 to 2021-09-19.
	{ymd{2021, 1, 1}, r(0.0082*pct, 0.38*pct), r(0.0041*pct, 0.38*pct), r(0.00137*pct, 0.38*pct), r(0.00137*pct, 0.38*pct),
		"Decreto 8.392/2015 (the zero rate of Decreto 10.572/2020 ended on 2020-12-31)"},
	// 2021-09-20 to 2021-12-31.
	{ymd{2021, 9, 20}, r(0.01118*pct, 0.38*pct), r(0.00559*pct, 0.38*pct), r(0.00137*pct, 0.38*pct), r(0.00137*pct, 0.38*pct),
		"Decreto 10.797/2021"},
	// 2022-01-01 to 2025-05-22.
	{ymd{2022, 1, 1}, r(0.0082*pct, 0.38*pct), r(0.0041*pct, 0.38*pct), r(0.00137*pct, 0.38*pct), r(0.00137*pct, 0.38*pct),
		"Decreto 8.392/2015 (the increase of Decreto 10.797/2021 ended on 2021-12-31)"},
	// 2025-05-23 to 2025-06-10.
	{ymd{2025, 5, 23}, r(0.0082*pct, 0.38*pct), r(0.0082*pct, 0.95*pct), r(0.00274*pct, 0.95*pct), r(0.00274*pct, 0.38*pct),
		"Decreto 12.466/2025"},
	// 2025-06-11 to 2025-06-26.
	{ymd{2025, 6, 11}, r(0.0082*pct, 0.38*pct), r(0.0082*pct, 0.38*pct), r(0.00274*pct, 0.38*pct), r(0.00274*pct, 0.38*pct),
		"Decreto 12.499/2025"},
	// 2025-06-27 to 2025-07-15.
	{ymd{2025, 6, 27}, r(0.0082*pct, 0.38*pct), r(0.0041*pct, 0.38*pct), r(0.00137*pct, 0.38*pct), r(0.00137*pct, 0.38*pct),
		"Decreto Legislativo 176/2025 (suspended Decretos 12.466/2025 and 12.499/2025)"},
	// 2025-07-16 onwards.
	{ymd{2025, 7, 16}, r(0.0082*pct, 0.38*pct), r(0.0082*pct, 0.38*pct), r(0.00274*pct, 0.38*pct), r(0.00274*pct, 0.38*pct),
		"Decreto 12.499/2025 (restored by the STF in ADC 96)"},
}

// row is one line of the source table.
type row struct {
	from                 ymd
	pf, pj, simples, mei Rates
	source               string
}

type ymd struct {
	y int
	m time.Month
	d int
}

// regimes is table with calendar dates, built once when the package loads.
var regimes = buildRegimes()

// buildRegimes turns table into Regimes. A literal that names no day becomes the
// zero Date, which TestTable rejects; nothing here can fail at run time.
func buildRegimes() [len(table)]Regime {
	var out [len(table)]Regime
	for i, t := range table {
		from, _ := calendar.NewDate(t.from.y, t.from.m, t.from.d)
		out[i] = Regime{
			From:   from,
			Source: t.source,
			rates:  [numClasses]Rates{Individual: t.pf, Company: t.pj, Simples: t.simples, MEI: t.mei},
		}
		if i > 0 {
			out[i-1].To, _ = from.AddDays(-1)
		}
	}
	return out
}

// Regime is one row of the rate table: the rates of every class for the
// operations released from From through To, and the act that set them.
// Regimes are values; the package's table never changes.
type Regime struct {
	// From is the first release date the row covers.
	From calendar.Date
	// To is the last release date the row covers; the zero Date for the open-ended
	// last row, the regime in force today.
	To calendar.Date
	// Source names the decree (or law, or judgment) that set the rates.
	Source string

	rates [numClasses]Rates
}

// Rates returns the rates the regime sets for class c. For Simples and MEI they
// are the reduced rates, which apply only up to ReducedRateLimit (see
// Class.Applied). A c that is none of the constants is an invalid_format error
// (param borrower_class).
func (g Regime) Rates(c Class) (Rates, error) {
	if !c.valid() {
		return Rates{}, errClass(c)
	}
	return g.rates[c], nil
}

// Open reports whether g is the open-ended last row, the regime in force today.
func (g Regime) Open() bool { return g.To.IsZero() }

// First is the first release date the table covers, 2012-05-23 (Decreto
// 7.726/2012, the regime before Decreto 8.392/2015). Earlier release dates are a
// date_out_of_range error: the library holds no older rates.
func First() calendar.Date { return regimes[0].From }

// Regimes returns the whole rate table, oldest row first, in a new slice the
// caller owns. Consecutive rows are contiguous: each From is the day after the
// previous row's To.
func Regimes() []Regime {
	out := make([]Regime, len(regimes))
	copy(out, regimes[:])
	return out
}

// RegimeOn returns the row of the rate table in force for an operation released
// on the given date. A zero release date is missing_required_field and one before
// First is date_out_of_range, both with param release_date.
func RegimeOn(release calendar.Date) (Regime, error) {
	g, err := regimeOn(release)
	if err != nil {
		return Regime{}, err
	}
	return *g, nil
}

func regimeOn(release calendar.Date) (*Regime, error) {
	// Most releases are recent: scanning from the newest row finds them first.
	for i := len(regimes) - 1; i >= 0; i-- {
		if !release.Before(regimes[i].From) {
			return &regimes[i], nil
		}
	}
	if release.IsZero() {
		return nil, apierr.Wrap(apierr.ErrEmpty, apierr.MissingRequiredField, paramRelease,
			"release_date is not set; the IOF rates depend on it")
	}
	return nil, apierr.Wrap(apierr.ErrRange, apierr.DateOutOfRange, paramRelease,
		"release_date %s is before %s, the first day of the IOF rate table (Decreto 7.726/2012)",
		release, regimes[0].From)
}

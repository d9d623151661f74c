package iof_test

import (
	"fmt"
	"math/big"
	"strings"
	"time"
)

// The slow, obvious IOF the package is checked against. It shares nothing with the
// package: its rates come from specTable, the decrees' rates written out as text; its
// days from time.Time; its arithmetic is big.Rat.

// specTable is the rate table by release date as the decrees set it (the package
// doc's Rates section cites each one), written out by hand, rows only.
const specTable = `
| 2012-05-23 | 2015-01-21 | 0.0041 + 0.38 | 0.0041 + 0.38 | 0.00137 + 0.38 | as Simples | Decreto 7.726/2012 (published 2012-05-22, applied from the next day) |
| 2015-01-22 | 2020-04-02 | 0.0082 + 0.38 | 0.0041 + 0.38 | 0.00137 + 0.38 | as Simples | Decreto 8.392/2015 (published 2015-01-21, in force the next day) |
| 2020-04-03 | 2020-11-26 | 0 + 0 | 0 + 0 | 0 + 0 | 0 + 0 | Decretos 10.305, 10.414, 10.504, 10.551/2020 (zero rate, additional included) |
| 2020-11-27 | 2020-12-14 | 0.0082 + 0.38 | 0.0041 + 0.38 | 0.00137 + 0.38 | as Simples | |
| 2020-12-15 | 2020-12-31 | 0 + 0 | 0 + 0 | 0 + 0 | 0 + 0 | Decreto 10.572/2020 |
| 2021-01-01 | 2021-09-19 | 0.0082 + 0.38 | 0.0041 + 0.38 | 0.00137 + 0.38 | as Simples | |
| 2021-09-20 | 2021-12-31 | 0.01118 + 0.38 | 0.00559 + 0.38 | 0.00137 + 0.38 | as Simples | Decreto 10.797/2021 |
| 2022-01-01 | 2025-05-22 | 0.0082 + 0.38 | 0.0041 + 0.38 | 0.00137 + 0.38 | as Simples | |
| 2025-05-23 | 2025-06-10 | 0.0082 + 0.38 | 0.0082 + 0.95 | 0.00274 + 0.95 | 0.00274 + 0.38 | Decreto 12.466/2025 |
| 2025-06-11 | 2025-06-26 | 0.0082 + 0.38 | 0.0082 + 0.38 | 0.00274 + 0.38 | as Simples | Decreto 12.499/2025 |
| 2025-06-27 | 2025-07-15 | 0.0082 + 0.38 | 0.0041 + 0.38 | 0.00137 + 0.38 | as Simples | Decreto Legislativo 176/2025 suspended the increase |
| 2025-07-16 | (open) | 0.0082 + 0.38 | 0.0082 + 0.38 | 0.00274 + 0.38 | as Simples | STF (ADC 96) restored Decreto 12.499 |
`

// specRow is one parsed row: dates as text, rates as percent text by class name.
type specRow struct {
	from, to string // to is "" for the open row
	daily    map[string]string
	add      map[string]string
}

var specRows = parseSpecTable()

func parseSpecTable() []specRow {
	var rows []specRow
	for _, line := range strings.Split(strings.TrimSpace(specTable), "\n") {
		cells := strings.Split(strings.Trim(line, "| "), "|")
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		r := specRow{from: cells[0], to: cells[1], daily: map[string]string{}, add: map[string]string{}}
		if r.to == "(open)" {
			r.to = ""
		}
		for i, class := range []string{"pf", "pj", "simples", "mei"} {
			cell := cells[2+i]
			if cell == "as Simples" {
				cell = cells[4]
			}
			d, a, ok := strings.Cut(cell, " + ")
			if !ok {
				panic("bad spec cell " + cell)
			}
			r.daily[class], r.add[class] = d, a
		}
		rows = append(rows, r)
	}
	return rows
}

// specRates returns the percent rates (as text) of class on release date day
// (YYYY-MM-DD; the text compares as dates), or ok=false before the table.
func specRates(class, day string) (daily, add string, ok bool) {
	for _, r := range specRows {
		if day >= r.from && (r.to == "" || day <= r.to) {
			return r.daily[class], r.add[class], true
		}
	}
	return "", "", false
}

func ratOf(s string) *big.Rat {
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		panic("bad number " + s)
	}
	return r
}

// roundHalfUp rounds a non-negative rational to an integer, halves up.
func roundHalfUp(x *big.Rat) *big.Int {
	if x.Sign() < 0 {
		panic("negative")
	}
	t := new(big.Rat).Add(x, big.NewRat(1, 2))
	return new(big.Int).Quo(t.Num(), t.Denom())
}

func civil(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

type refFlow struct {
	due   string // YYYY-MM-DD
	cents int64
}

// refIOF is the IOF of Decreto 6.306/2007, art. 7, computed the obvious way, in cents:
// the class applied (the R$ 30,000.00 rule), the daily part
// Σ max(A,0) × daily% / 100 × min(days, 365) and the additional part
// P × additional% / 100, each rounded half-up.
func refIOF(class, release string, principal int64, flows []refFlow) (applied string, daily, add int64, err error) {
	applied = class
	if (class == "simples" || class == "mei") && principal > 3_000_000 {
		applied = "pj"
	}
	d, a, ok := specRates(applied, release)
	if !ok {
		return "", 0, 0, fmt.Errorf("release %s before the table", release)
	}
	dr := new(big.Rat).Quo(ratOf(d), big.NewRat(100, 1))
	ar := new(big.Rat).Quo(ratOf(a), big.NewRat(100, 1))
	base := new(big.Rat)
	var sum int64
	for _, f := range flows {
		days := int64(civil(f.due).Sub(civil(release)).Hours() / 24)
		if days <= 0 {
			return "", 0, 0, fmt.Errorf("due %s not after release %s", f.due, release)
		}
		sum += f.cents
		if f.cents <= 0 {
			continue
		}
		days = min(days, 365)
		base.Add(base, new(big.Rat).SetInt64(f.cents*days))
	}
	if sum != principal {
		return "", 0, 0, fmt.Errorf("amortizations sum to %d, not %d", sum, principal)
	}
	daily = roundHalfUp(new(big.Rat).Mul(base, dr)).Int64()
	add = roundHalfUp(new(big.Rat).Mul(new(big.Rat).SetInt64(principal), ar)).Int64()
	return applied, daily, add, nil
}

package iof_test

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/dinie/lending/calendar"
	"github.com/dinie/lending/iof"
	"github.com/dinie/lending/money"
	"github.com/dinie/lending/schedule"
)

func mustDate(s string) calendar.Date {
	d, err := calendar.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func ExampleParseClass() {
	c, err := iof.ParseClass("mei")
	fmt.Println(c, err)
	_, err = iof.ParseClass("MEI")
	fmt.Println(err)
	fmt.Println(errors.Is(err, iof.ErrUnknownClass))
	// Output:
	// mei <nil>
	// invalid_format: borrower_class "MEI" is not a class; expected pf, pj, simples or mei
	// true
}

func ExampleClass_Applied() {
	// The reduced Simples and MEI rates stop at R$ 30,000.00 of principal.
	fmt.Println(iof.MEI.Applied(3_000_000))
	fmt.Println(iof.MEI.Applied(3_000_001))
	// Output:
	// mei
	// pj
}

func ExampleRegimeOn() {
	g, err := iof.RegimeOn(mustDate("2025-06-01"))
	if err != nil {
		panic(err)
	}
	fmt.Println(g.From, g.To, g.Source)
	for _, c := range []iof.Class{iof.Individual, iof.Company, iof.Simples, iof.MEI} {
		r, _ := g.Rates(c)
		fmt.Printf("%-7s %s a day + %s\n", c, r.Daily, r.Additional)
	}
	_, err = iof.RegimeOn(mustDate("2012-05-22"))
	fmt.Println(err)
	// Output:
	// 2025-05-23 2025-06-10 Decreto 12.466/2025
	// pf      0.0082% a day + 0.38%
	// pj      0.0082% a day + 0.95%
	// simples 0.00274% a day + 0.95%
	// mei     0.00274% a day + 0.38%
	// date_out_of_range: release_date 2012-05-22 is before 2012-05-23, the first day of the IOF rate table (Decreto 7.726/2012)
}

func ExampleRegimes() {
	for _, g := range iof.Regimes() {
		to := "open"
		if !g.Open() {
			to = g.To.String()
		}
		r, _ := g.Rates(iof.Individual)
		fmt.Printf("%s to %-10s pf %s + %s\n", g.From, to, r.Daily, r.Additional)
	}
	// Output:
	// 2012-05-23 to 2015-01-21 pf 0.0041% + 0.38%
	// 2015-01-22 to 2020-04-02 pf 0.0082% + 0.38%
	// 2020-04-03 to 2020-11-26 pf 0% + 0%
	// 2020-11-27 to 2020-12-14 pf 0.0082% + 0.38%
	// 2020-12-15 to 2020-12-31 pf 0% + 0%
	// 2021-01-01 to 2021-09-19 pf 0.0082% + 0.38%
	// 2021-09-20 to 2021-12-31 pf 0.01118% + 0.38%
	// 2022-01-01 to 2025-05-22 pf 0.0082% + 0.38%
	// 2025-05-23 to 2025-06-10 pf 0.0082% + 0.38%
	// 2025-06-11 to 2025-06-26 pf 0.0082% + 0.38%
	// 2025-06-27 to 2025-07-15 pf 0.0082% + 0.38%
	// 2025-07-16 to open       pf 0.0082% + 0.38%
}

func ExampleFirst() {
	fmt.Println(iof.First())
	// Output: 2012-05-23
}

func ExampleRegime_Rates() {
	g, _ := iof.RegimeOn(mustDate("2026-03-02"))
	r, _ := g.Rates(iof.Simples)
	fmt.Println(r.Daily.Percent(), r.Additional.Percent())
	// Output: 0.00274 0.38
}

func ExampleParseRate() {
	r, err := iof.ParseRate("0.00274")
	fmt.Println(int64(r), r, err)
	_, err = iof.ParseRate("0.000000001")
	fmt.Println(err)
	// Output:
	// 274000 0.00274% <nil>
	// invalid_format: rate "0.000000001" is not a percentage with at most 8 decimal places, like 0.0082
}

func ExampleRate_MarshalJSON() {
	b, _ := json.Marshal(iof.Rates{Daily: 820_000, Additional: 38_000_000})
	fmt.Println(string(b))
	// Output: {"daily":0.0082,"additional":0.38}
}

func ExampleRate_String() {
	fmt.Println(iof.Rate(820_000), iof.Rate(38_000_000), iof.Rate(137_000))
	// Output: 0.0082% 0.38% 0.00137%
}

func ExampleCompute() {
	// The broker-published bullet loan (testdata/published/figures.txt, iof-bullet-180): an individual borrows
	// R$ 100,000.00 for 180 days at 0.0082 % a day + 0.38 %.
	release := mustDate("2026-03-02")
	due, _ := release.AddDays(180)
	r, err := iof.Compute(iof.Operation{
		Class:        iof.Individual,
		Release:      release,
		Principal:    decimal.RequireFromString("100000.00"),
		Installments: []iof.Installment{{Due: due, Amortization: decimal.RequireFromString("100000.00")}},
	})
	if err != nil {
		panic(err)
	}
	fmt.Println("daily     ", money.Format(r.Daily()))
	fmt.Println("additional", money.Format(r.Additional()))
	fmt.Println("total     ", money.Format(r.Total()))
	fmt.Println("rates     ", r.Rates.Daily, r.Rates.Additional, r.Applied, "-", r.Regime.Source)
	// Output:
	// daily      1476.00
	// additional 380.00
	// total      1856.00
	// rates      0.0082% 0.38% pf - Decreto 12.499/2025 (restored by the STF in ADC 96)
}

func ExampleComputeCents() {
	// An MEI borrowing R$ 30,000.01 is above the R$ 30,000.00 limit: the company
	// rates apply to the whole operation.
	release := mustDate("2026-03-02")
	flows := []iof.Flow{
		{Due: mustDate("2026-04-02"), Amortization: 1_500_000},
		{Due: mustDate("2026-05-04"), Amortization: 1_500_001},
	}
	r, err := iof.ComputeCents(iof.MEI, release, 3_000_001, flows)
	if err != nil {
		panic(err)
	}
	// 31 and 63 days at 0.0082 %/day: (1,500,000×31 + 1,500,001×63) × 0.000082
	// = 11,562.005166 → 11,562 cents; 3,000,001 × 0.0038 = 11,400.0038 → 11,400.
	fmt.Println(r.Class, "taxed as", r.Applied, "at", r.Rates.Daily, "+", r.Rates.Additional)
	fmt.Println(r.DailyCents(), r.AdditionalCents(), r.TotalCents())
	// A due date on the release date is refused.
	_, err = iof.ComputeCents(iof.MEI, release, 100, []iof.Flow{{Due: release, Amortization: 100}})
	fmt.Println(err)
	// Output:
	// mei taxed as pj at 0.0082% + 0.38%
	// 11562 11400 22962
	// invalid_due_date: installment 1 is due 2026-03-02, not after release_date 2026-03-02
}

// bulletOf returns the plan of one payment due days after release, at 0 % a.m. and
// unadjusted: the whole principal is amortized on that day.
func bulletOf(release calendar.Date, days int) *schedule.Plan {
	due, _ := release.AddDays(days)
	p, err := schedule.NewPlan(schedule.Terms{Installments: 1, Release: release, FirstDue: due,
		FirstPeriodMaxDays: schedule.MaxFirstPeriodMaxDays, Roll: calendar.Unadjusted})
	if err != nil {
		panic(err)
	}
	return p
}

func ExampleComputeSchedule() {
	// The broker-published bullet loan again, through the schedule package.
	s, err := bulletOf(mustDate("2026-03-02"), 180).Schedule(decimal.RequireFromString("100000.00"), 1)
	if err != nil {
		panic(err)
	}
	r, err := iof.ComputeSchedule(iof.Individual, s)
	if err != nil {
		panic(err)
	}
	fmt.Println(money.Format(r.Total()))
	// Output: 1856.00
}

func ExampleFinanced() {
	// The broker-published financed bullet loan (testdata/published/figures.txt, iof-financed-365): to receive
	// R$ 100,000.00 for 365 days, an individual borrows 100,000 / (1 − 0.03373).
	f, err := iof.Financed(bulletOf(mustDate("2026-03-02"), 365), 1, iof.Individual,
		decimal.RequireFromString("100000.00"), decimal.Zero)
	if err != nil {
		panic(err)
	}
	fmt.Println("principal", money.Format(f.Principal()))
	fmt.Println("IOF      ", money.Format(f.IOF.Total()))
	fmt.Println("net      ", money.Format(f.Net()))
	// Output:
	// principal 103490.74
	// IOF       3490.74
	// net       100000.00
}

func ExampleFinancedCents() {
	// An MEI receiving R$ 29,803.80 over 100 days borrows exactly R$ 30,000.00 at
	// the reduced rates (0.00274 %/day + 0.38 %: IOF 82.20 + 114.00). One cent
	// more and no principal up to R$ 30,000.00 suffices: above it the company
	// rates apply to the whole operation (0.0082 %/day + 0.38 %), so the principal
	// jumps to R$ 30,165.80 (IOF 247.36 + 114.63 = 361.99).
	plan := bulletOf(mustDate("2026-03-02"), 100)
	for _, requested := range []int64{2_980_380, 2_980_381} {
		f, err := iof.FinancedCents(plan, 1, iof.MEI, requested, 0)
		if err != nil {
			panic(err)
		}
		fmt.Println(money.FormatCents(requested), "→", money.FormatCents(f.PrincipalCents()),
			"IOF", money.FormatCents(f.IOF.TotalCents()), "as", f.IOF.Applied, "net", money.FormatCents(f.NetCents()))
	}
	// Output:
	// 29803.80 → 30000.00 IOF 196.20 as mei net 29803.80
	// 29803.81 → 30165.80 IOF 361.99 as pj net 29803.81
}

func ExampleResult() {
	r, err := iof.ComputeCents(iof.Simples, mustDate("2026-03-02"), 2_500,
		[]iof.Flow{{Due: mustDate("2026-06-10"), Amortization: 2_500}})
	if err != nil {
		panic(err)
	}
	// 100 days at 0.00274 %/day: 2,500 × 100 × 0.0000274 = 6.85 → 7 cents;
	// 2,500 × 0.0038 = 9.5 → 10 cents (half-up).
	fmt.Println(r.DailyCents(), r.AdditionalCents(), r.TotalCents())
	fmt.Println(r.Daily(), r.Additional(), r.Total())
	// Output:
	// 7 10 17
	// 0.07 0.1 0.17
}

// Past MaxGrowth a financed solve is refused at once: 5 % a.m. over 420 months
// grows a cent 1.05^420 = e^(420·ln 1.05) ≈ e^20.49 ≈ 7.9·10^8 times (monthly pro
// rata from an anchor day, so t = 420 months; a hand computation), far beyond 10^4.
func ExampleFinancedCents_illConditioned() {
	rate, _ := schedule.ParsePercentPerMonth("5")
	release, _ := calendar.ParseDate("2026-03-10")
	plan, _ := schedule.NewPlan(schedule.Terms{Rate: rate, Release: release, Installments: 420})
	fmt.Printf("growth %.2g\n", plan.Growth(420))
	_, err := iof.FinancedCents(plan, 420, iof.MEI, 90_000_000_000, 0)
	fmt.Println(errors.Is(err, iof.ErrIllConditioned))
	// Output:
	// growth 7.9e+08
	// true
}

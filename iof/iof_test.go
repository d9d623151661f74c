package iof_test

import (
	"errors"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/calendar"
	"github.com/dinie/lending/iof"
	"github.com/dinie/lending/money"
)

// bullet is a one-installment operation of principal cents due days after release.
func bullet(t testing.TB, c iof.Class, release string, cents int64, days int) (iof.Result, error) {
	t.Helper()
	d0 := date(t, release)
	due, err := d0.AddDays(days)
	if err != nil {
		t.Fatal(err)
	}
	return iof.ComputeCents(c, d0, cents, []iof.Flow{{Due: due, Amortization: cents}})
}

// TestPublishedBullet checks the figures a Brazilian broker published for a bullet
// loan to an individual at 0.0082 %/day + 0.38 % (testdata/published/figures.txt,
// iof-bullet-180, -365 and -730): R$ 100,000.00 for 180 days → R$ 1,856.00;
// for 365 and for 730 days → R$ 3,373.00, the 365-day cap.
func TestPublishedBullet(t *testing.T) {
	tests := []struct {
		days              int
		daily, add, total string
	}{
		{180, "1476.00", "380.00", "1856.00"},
		{365, "2993.00", "380.00", "3373.00"},
		{730, "2993.00", "380.00", "3373.00"},
	}
	for _, tt := range tests {
		r, err := bullet(t, iof.Individual, "2026-03-02", 10_000_000, tt.days)
		if err != nil {
			t.Fatal(err)
		}
		got := [3]string{money.Format(r.Daily()), money.Format(r.Additional()), money.Format(r.Total())}
		if got != [3]string{tt.daily, tt.add, tt.total} {
			t.Errorf("%d days: daily, additional, total = %v, want %s %s %s", tt.days, got, tt.daily, tt.add, tt.total)
		}
	}
}

// TestHandComputed checks operations computed by hand; the arithmetic is in the
// comments.
func TestHandComputed(t *testing.T) {
	type flow struct {
		due   string
		cents int64
	}
	tests := []struct {
		name       string
		class      iof.Class
		release    string
		principal  int64
		flows      []flow
		daily, add int64
		applied    iof.Class
	}{
		{
			// PF, release 2026-01-10, R$ 3,000.00 in three installments (regime of
			// 2025-07-16: 0.0082 %/day + 0.38 %):
			//   990.10 due 2026-02-10, 31 days; 1,000.00 due 2026-03-10, 59 days;
			//   1,009.90 due 2026-04-10, 90 days.
			// base  = 99,010×31 + 100,000×59 + 100,990×90
			//       = 3,069,310 + 5,900,000 + 9,089,100 = 18,058,410 cent-days
			// daily = 18,058,410 × 0.000082 = 1,480.78962 cents → 1,481 (R$ 14.81)
			// add   = 300,000 × 0.0038 = 1,140 cents (R$ 11.40); total R$ 26.21.
			name: "pf three installments", class: iof.Individual, release: "2026-01-10", principal: 300_000,
			flows: []flow{{"2026-02-10", 99_010}, {"2026-03-10", 100_000}, {"2026-04-10", 100_990}},
			daily: 1_481, add: 1_140, applied: iof.Individual,
		},
		{
			// MEI, release 2026-01-10, R$ 20,000.00 (≤ R$ 30,000: 0.00274 %/day + 0.38 %)
			// with a negative first amortization and a due date beyond 365 days:
			//   −150.00 due 2026-07-09, 180 days (counts as zero);
			//   10,000.00 due 2027-01-10, 365 days; 10,150.00 due 2027-02-10, 396 → 365 days.
			// base  = 0 + 1,000,000×365 + 1,015,000×365 = 735,475,000 cent-days
			// daily = 735,475,000 × 0.0000274 = 20,152.015 cents → 20,152 (R$ 201.52)
			// add   = 2,000,000 × 0.0038 = 7,600 cents (R$ 76.00).
			name: "mei negative amortization and cap", class: iof.MEI, release: "2026-01-10", principal: 2_000_000,
			flows: []flow{{"2026-07-09", -15_000}, {"2027-01-10", 1_000_000}, {"2027-02-10", 1_015_000}},
			daily: 20_152, add: 7_600, applied: iof.MEI,
		},
		{
			// Both parts exactly half a cent, so half-up decides (ties-to-even would
			// give 20 and 10): PF, R$ 25.00 for 100 days:
			// daily = 2,500 × 100 × 0.000082 = 20.5 → 21; add = 2,500 × 0.0038 = 9.5 → 10.
			name: "half-up ties", class: iof.Individual, release: "2026-01-10", principal: 2_500,
			flows: []flow{{"2026-04-20", 2_500}}, daily: 21, add: 10, applied: iof.Individual,
		},
		{
			// The Decreto 10.797/2021 regime: PF 0.01118 %/day. R$ 1,000.00, 30 days:
			// daily = 100,000 × 30 × 0.0001118 = 335.4 → 335; add = 380.
			name: "decreto 10.797", class: iof.Individual, release: "2021-09-20", principal: 100_000,
			flows: []flow{{"2021-10-20", 100_000}}, daily: 335, add: 380, applied: iof.Individual,
		},
		{
			// The zero-rate regime of Decreto 10.572/2020: nothing, additional included.
			name: "zero rate", class: iof.Company, release: "2020-12-31", principal: 100_000_000,
			flows: []flow{{"2021-12-31", 100_000_000}}, daily: 0, add: 0, applied: iof.Company,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			flows := make([]iof.Flow, len(tt.flows))
			for i, f := range tt.flows {
				flows[i] = iof.Flow{Due: date(t, f.due), Amortization: f.cents}
			}
			r, err := iof.ComputeCents(tt.class, date(t, tt.release), tt.principal, flows)
			if err != nil {
				t.Fatal(err)
			}
			if r.DailyCents() != tt.daily || r.AdditionalCents() != tt.add || r.TotalCents() != tt.daily+tt.add || r.Applied != tt.applied {
				t.Errorf("got daily %d, additional %d, total %d, applied %v; want %d, %d, %d, %v",
					r.DailyCents(), r.AdditionalCents(), r.TotalCents(), r.Applied, tt.daily, tt.add, tt.daily+tt.add, tt.applied)
			}
		})
	}
}

// TestThreshold checks the R$ 30,000.00 rule at 29,999.99, 30,000.00 and
// 30,000.01 for Simples and MEI (a single installment due in 100 days).
//
// Regime of 2025-07-16 (Simples = MEI = 0.00274 %/day + 0.38 %, PJ 0.0082 + 0.38):
//
//	29,999.99: daily 2,999,999×100×0.0000274 = 8,219.99726 → 8,220; add 2,999,999×0.0038 = 11,399.9962 → 11,400
//	30,000.00: daily 300,000,000×0.0000274 = 8,220; add 11,400
//	30,000.01 (PJ): daily 300,000,100×0.000082 = 24,600.0082 → 24,600; add 11,400.0038 → 11,400
//
// Regime of 2025-05-23 (Decreto 12.466: Simples 0.00274 + 0.95, MEI 0.00274 + 0.38,
// PJ 0.0082 + 0.95):
//
//	30,000.00 Simples: 8,220 + 3,000,000×0.0095 = 28,500 → 36,720; MEI: 8,220 + 11,400 = 19,620
//	30,000.01 (PJ, both): 24,600 + 3,000,001×0.0095 = 28,500.0095 → 28,500 → 53,100
func TestThreshold(t *testing.T) {
	tests := []struct {
		release string
		class   iof.Class
		p       int64
		total   int64
		applied iof.Class
	}{
		{"2026-03-02", iof.Simples, 2_999_999, 19_620, iof.Simples},
		{"2026-03-02", iof.Simples, 3_000_000, 19_620, iof.Simples},
		{"2026-03-02", iof.Simples, 3_000_001, 36_000, iof.Company},
		{"2026-03-02", iof.MEI, 2_999_999, 19_620, iof.MEI},
		{"2026-03-02", iof.MEI, 3_000_000, 19_620, iof.MEI},
		{"2026-03-02", iof.MEI, 3_000_001, 36_000, iof.Company},
		{"2025-06-01", iof.Simples, 3_000_000, 36_720, iof.Simples},
		{"2025-06-01", iof.MEI, 3_000_000, 19_620, iof.MEI},
		{"2025-06-01", iof.Simples, 3_000_001, 53_100, iof.Company},
		{"2025-06-01", iof.MEI, 3_000_001, 53_100, iof.Company},
	}
	for _, tt := range tests {
		r, err := bullet(t, tt.class, tt.release, tt.p, 100)
		if err != nil {
			t.Fatal(err)
		}
		if r.TotalCents() != tt.total || r.Applied != tt.applied || r.Class != tt.class {
			t.Errorf("%s %v %d: total %d applied %v (class %v), want %d applied %v",
				tt.release, tt.class, tt.p, r.TotalCents(), r.Applied, r.Class, tt.total, tt.applied)
		}
	}
}

// TestComputeDecimal checks that the decimal entry equals the cents entry and
// accepts decimals in any exponent that is a whole number of cents.
func TestComputeDecimal(t *testing.T) {
	op := iof.Operation{
		Class:     iof.Individual,
		Release:   date(t, "2026-01-10"),
		Principal: dec("3000"),
		Installments: []iof.Installment{
			{Due: date(t, "2026-02-10"), Amortization: dec("990.1")},
			{Due: date(t, "2026-03-10"), Amortization: dec("1000.0000")},
			{Due: date(t, "2026-04-10"), Amortization: dec("1009.90")},
		},
	}
	r, err := iof.Compute(op)
	if err != nil {
		t.Fatal(err)
	}
	// Same operation as "pf three installments" in TestHandComputed.
	if !r.Daily().Equal(dec("14.81")) || !r.Additional().Equal(dec("11.40")) || !r.Total().Equal(dec("26.21")) {
		t.Errorf("got %s + %s = %s, want 14.81 + 11.40 = 26.21", r.Daily(), r.Additional(), r.Total())
	}
}

func TestComputeErrors(t *testing.T) {
	d0 := date(t, "2026-01-10")
	due := date(t, "2026-02-10")
	one := func(cents int64) []iof.Flow { return []iof.Flow{{Due: due, Amortization: cents}} }
	many := make([]iof.Flow, 421)
	for i := range many {
		many[i] = iof.Flow{Due: due, Amortization: 1}
	}
	tests := []struct {
		name      string
		class     iof.Class
		release   calendar.Date
		principal int64
		flows     []iof.Flow
		code      apierr.Code
		param     string
		reason    error
	}{
		{"zero class", 0, d0, 100, one(100), apierr.MissingRequiredField, "borrower_class", apierr.ErrEmpty},
		{"unknown class", 7, d0, 100, one(100), apierr.InvalidFormat, "borrower_class", iof.ErrUnknownClass},
		{"zero release", iof.Individual, calendar.Date{}, 100, one(100), apierr.MissingRequiredField, "release_date", apierr.ErrEmpty},
		{"release before table", iof.Individual, date(t, "2012-05-22"), 100, one(100), apierr.DateOutOfRange, "release_date", apierr.ErrRange},
		{"zero principal", iof.Individual, d0, 0, one(0), apierr.AmountOutOfRange, "principal", apierr.ErrRange},
		{"negative principal", iof.Individual, d0, -100, one(-100), apierr.AmountOutOfRange, "principal", apierr.ErrRange},
		{"principal above max", iof.Individual, d0, iof.MaxPrincipalCents + 1, one(iof.MaxPrincipalCents + 1), apierr.AmountOutOfRange, "principal", apierr.ErrRange},
		{"no installments", iof.Individual, d0, 100, nil, apierr.InstallmentsOutOfRange, "installment_count", apierr.ErrRange},
		{"421 installments", iof.Individual, d0, 421, many, apierr.InstallmentsOutOfRange, "installment_count", apierr.ErrRange},
		{"due on release", iof.Individual, d0, 100, []iof.Flow{{Due: d0, Amortization: 100}}, apierr.InvalidDueDate, "due_date", iof.ErrNotAfterRelease},
		{"due before release", iof.Individual, d0, 100, []iof.Flow{{Due: due, Amortization: 50}, {Due: date(t, "2025-01-01"), Amortization: 50}}, apierr.InvalidDueDate, "due_date", iof.ErrNotAfterRelease},
		{"zero due date", iof.Individual, d0, 100, []iof.Flow{{Amortization: 100}}, apierr.InvalidDueDate, "due_date", iof.ErrNotAfterRelease},
		{"unbalanced", iof.Individual, d0, 100, one(99), apierr.AmountOutOfRange, "amortization", iof.ErrUnbalanced},
		{"huge amortization", iof.Individual, d0, 100, []iof.Flow{{Due: due, Amortization: 1 << 62}, {Due: due, Amortization: 100 - 1<<62}}, apierr.AmountOutOfRange, "amortization", apierr.ErrRange},
		{"amortization at min int64", iof.Individual, d0, 100, []iof.Flow{{Due: due, Amortization: -1 << 63}}, apierr.AmountOutOfRange, "amortization", apierr.ErrRange},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := iof.ComputeCents(tt.class, tt.release, tt.principal, tt.flows)
			checkErr(t, err, tt.code, tt.param, tt.reason)
		})
	}
}

func TestComputeDecimalErrors(t *testing.T) {
	d0 := date(t, "2026-01-10")
	due := date(t, "2026-02-10")
	tests := []struct {
		name   string
		op     iof.Operation
		code   apierr.Code
		param  string
		reason error
	}{
		{"principal with fractions of a cent", iof.Operation{Class: iof.Individual, Release: d0, Principal: dec("100.001"),
			Installments: []iof.Installment{{Due: due, Amortization: dec("100.001")}}}, apierr.InvalidFormat, "principal", apierr.ErrPrecision},
		{"principal beyond int64 cents", iof.Operation{Class: iof.Individual, Release: d0, Principal: dec("1e30"),
			Installments: []iof.Installment{{Due: due, Amortization: dec("1e30")}}}, apierr.AmountOutOfRange, "principal", apierr.ErrRange},
		{"amortization with fractions of a cent", iof.Operation{Class: iof.Individual, Release: d0, Principal: dec("100"),
			Installments: []iof.Installment{{Due: due, Amortization: dec("99.995")}, {Due: due, Amortization: dec("0.005")}}}, apierr.InvalidFormat, "amortization", apierr.ErrPrecision},
		{"zero operation", iof.Operation{}, apierr.MissingRequiredField, "borrower_class", apierr.ErrEmpty},
		{"negative zero principal", iof.Operation{Class: iof.Individual, Release: d0, Principal: decimal.New(0, -5),
			Installments: []iof.Installment{{Due: due}}}, apierr.AmountOutOfRange, "principal", apierr.ErrRange},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := iof.Compute(tt.op)
			checkErr(t, err, tt.code, tt.param, tt.reason)
		})
	}
}

func checkErr(t *testing.T, err error, code apierr.Code, param string, reason error) {
	t.Helper()
	var e *apierr.Error
	if !errors.As(err, &e) {
		t.Fatalf("err = %v (%T), want a *apierr.Error", err, err)
	}
	if e.Code != code || e.Param != param || !errors.Is(err, reason) || !errors.Is(err, code) {
		t.Errorf("err = %v (code %s, param %s, reason %v); want code %s, param %s, reason %v", err, e.Code, e.Param, e.Err, code, param, reason)
	}
	if e.Detail == "" {
		t.Error("empty Detail")
	}
}

// TestAllocations holds the package doc: ComputeSchedule and ComputeCents read
// cents and do not allocate unless they fail; Rate.AppendText allocates only to
// grow its buffer.
func TestAllocations(t *testing.T) {
	plan := plan12(t)
	s, err := plan.ScheduleCents(2_500_000, 12)
	if err != nil {
		t.Fatal(err)
	}
	flows := make([]iof.Flow, s.Len())
	for k := range flows {
		row := s.CentsRow(k + 1)
		flows[k] = iof.Flow{Due: row.DueDate, Amortization: row.Principal}
	}
	release := plan.Release()
	buf := make([]byte, 0, 32)
	for _, c := range []struct {
		name string
		f    func()
	}{
		{"ComputeSchedule", func() { _, _ = iof.ComputeSchedule(iof.MEI, s) }},
		{"ComputeCents", func() { _, _ = iof.ComputeCents(iof.MEI, release, 2_500_000, flows) }},
		{"Rate.AppendText", func() { buf, _ = iof.Rate(274_000).AppendText(buf[:0]) }},
	} {
		if got := testing.AllocsPerRun(100, c.f); got != 0 {
			t.Errorf("%s: %v allocations, want 0", c.name, got)
		}
	}
}

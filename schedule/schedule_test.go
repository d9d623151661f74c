package schedule_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/calendar"
	"github.com/dinie/lending/money"
	"github.com/dinie/lending/schedule"
)

func date(t testing.TB, s string) calendar.Date {
	d, err := calendar.ParseDate(s)
	must(t, err)
	return d
}

func rate(t testing.TB, s string) schedule.MonthlyRate {
	r, err := schedule.ParsePercentPerMonth(s)
	must(t, err)
	return r
}

func annual(t testing.TB, s string) schedule.AnnualRate {
	r, err := schedule.ParsePercentPerYear(s)
	must(t, err)
	return r
}

func parseMoney(t testing.TB, s string) decimal.Decimal {
	d, err := money.Parse(s)
	must(t, err)
	return d
}

// must fails the test (or panics, with a nil t, for literals built outside a
// test) on a bad literal.
func must(t testing.TB, err error) {
	if err == nil {
		return
	}
	if t == nil {
		panic(err)
	}
	t.Helper()
	t.Fatal(err)
}

// rowText renders a row as "n nominal due payment interest principal balance".
func rowText(r schedule.CentsRow) string {
	return fmt.Sprintf("%d %s %s %s %s %s %s", r.Number, r.NominalDate, r.DueDate,
		money.FormatCents(r.Payment), money.FormatCents(r.Interest),
		money.FormatCents(r.Principal), money.FormatCents(r.Balance))
}

// handCase is a schedule computed by hand; the arithmetic is in the comment of
// each case.
type handCase struct {
	name        string
	terms       schedule.Terms
	installment string
	rows        []string // rowText of each row
	payments    string
	interest    string
}

func handCases(t *testing.T) []handCase {
	return []handCase{
		{
			// 1000.00 at 1 % a.m., 3 installments, periodic (t_k = k).
			// PMT = 1000 · 0.01 · 1.01³ / (1.01³ − 1) = 10.30301 / 0.030301 = 340.0221… → 340.02.
			// 1: interest 1000.00 · 0.01 = 10.00; principal 340.02 − 10.00 = 330.02; balance 669.98.
			// 2: interest 669.98 · 0.01 = 6.6998 → 6.70; principal 333.32; balance 336.66.
			// 3: interest 336.66 · 0.01 = 3.3666 → 3.37; principal = balance 336.66; payment 340.03.
			// Release 2026-03-10 (Tuesday): nominal dates Apr 10 (Friday), May 10
			// (Sunday → Monday 11), Jun 10 (Wednesday).
			name: "3 x 1000.00 at 1 %, periodic",
			terms: schedule.Terms{Principal: parseMoney(t, "1000.00"), Rate: rate(t, "1"), Installments: 3,
				Release: date(t, "2026-03-10"), DayCount: schedule.Periodic},
			installment: "340.02",
			rows: []string{
				"1 2026-04-10 2026-04-10 340.02 10.00 330.02 669.98",
				"2 2026-05-10 2026-05-11 340.02 6.70 333.32 336.66",
				"3 2026-06-10 2026-06-10 340.03 3.37 336.66 0.00",
			},
			payments: "1020.07", interest: "20.07",
		},
		{
			// The same terms under monthly pro rata: the release is on the anchor day
			// (10th), so t_k = k and the table is the periodic one.
			name: "3 x 1000.00 at 1 %, monthly pro rata on the anchor",
			terms: schedule.Terms{Principal: parseMoney(t, "1000.00"), Rate: rate(t, "1"), Installments: 3,
				Release: date(t, "2026-03-10")},
			installment: "340.02",
			rows: []string{
				"1 2026-04-10 2026-04-10 340.02 10.00 330.02 669.98",
				"2 2026-05-10 2026-05-11 340.02 6.70 333.32 336.66",
				"3 2026-06-10 2026-06-10 340.03 3.37 336.66 0.00",
			},
			payments: "1020.07", interest: "20.07",
		},
		{
			// A first period of 45 days, monthly pro rata: release 2026-04-15, first due
			// 2026-05-30 (anchor 30). t_1: Apr 15 + 1 month = May 15 ≤ May 30 < Jun 15,
			// so 1 month + 15 days = 1.5; t_2 = 2.5 (Jun 15 + 15 days), t_3 = 3.5.
			// At 21 % a.m. 1.21^0.5 = 1.1 exactly, so every factor is rational:
			// S = 1.1^−3 + 1.1^−5 + 1.1^−7 = 1/1.331 + 1/1.61051 + 1/1.9487171 = 1.8853942…
			// PMT = 1000 / 1.8853942… = 530.3930… → 530.39.
			// 1: interest 1000.00 · (1.331 − 1) = 331.00; principal 199.39; balance 800.61.
			// 2: interest 800.61 · 0.21 = 168.1281 → 168.13; principal 362.26; balance 438.35.
			// 3: interest 438.35 · 0.21 = 92.0535 → 92.05; principal 438.35; payment 530.40.
			// Due dates: May 30 is a Saturday → Jun 1; Jun 30 Tuesday; Jul 30 Thursday.
			name: "45-day first period, monthly pro rata, 21 %",
			terms: schedule.Terms{Principal: parseMoney(t, "1000.00"), Rate: rate(t, "21"), Installments: 3,
				Release: date(t, "2026-04-15"), FirstDue: date(t, "2026-05-30")},
			installment: "530.39",
			rows: []string{
				"1 2026-05-30 2026-06-01 530.39 331.00 199.39 800.61",
				"2 2026-06-30 2026-06-30 530.39 168.13 362.26 438.35",
				"3 2026-07-30 2026-07-30 530.40 92.05 438.35 0.00",
			},
			payments: "1591.18", interest: "591.18",
		},
		{
			// The same 45-day first period at 1 %: one installment, t_1 = 1.5, an
			// irrational factor. 1.01^1.5 = 1.01 · √1.01 = 1.01 · 1.00498756211… =
			// 1.01503743773…; PMT = 1015.0374… → 1015.04; interest 15.0374… → 15.04.
			name: "45-day first period, monthly pro rata, 1 %, one installment",
			terms: schedule.Terms{Principal: parseMoney(t, "1000.00"), Rate: rate(t, "1"), Installments: 1,
				Release: date(t, "2026-04-15"), FirstDue: date(t, "2026-05-30")},
			installment: "1015.04",
			rows:        []string{"1 2026-05-30 2026-06-01 1015.04 15.04 1000.00 0.00"},
			payments:    "1015.04", interest: "15.04",
		},
		{
			// Zero rate, residue in the last row: PMT = 100.00 / 3 = 33.333… → 33.33;
			// rows 33.33, 33.33 and the last takes the rest, 100.00 − 66.66 = 33.34.
			// Release 2026-01-31: the default first due date is Feb 28 (clamped), whose
			// day, 28, is then the anchor: Mar 28 (Saturday → Mar 30).
			name: "zero rate with residue, default first due date clamped",
			terms: schedule.Terms{Principal: parseMoney(t, "100.00"), Installments: 3,
				Release: date(t, "2026-01-31")},
			installment: "33.33",
			rows: []string{
				"1 2026-02-28 2026-03-02 33.33 0.00 33.33 66.67",
				"2 2026-03-28 2026-03-30 33.33 0.00 33.33 33.34",
				"3 2026-04-28 2026-04-28 33.34 0.00 33.34 0.00",
			},
			payments: "100.00", interest: "0.00",
		},
		{
			// An exact tie: 1000.20 at 2.5 %, one installment, periodic.
			// PMT = 1000.20 · 1.025 = 1025.205 → 1025.21 (half-up);
			// interest = 1000.20 · 0.025 = 25.005 → 25.01.
			name: "half-cent tie at 2.5 %",
			terms: schedule.Terms{Principal: parseMoney(t, "1000.20"), Rate: rate(t, "2.5"), Installments: 1,
				Release: date(t, "2026-03-10"), DayCount: schedule.Periodic},
			installment: "1025.21",
			rows:        []string{"1 2026-04-10 2026-04-10 1025.21 25.01 1000.20 0.00"},
			payments:    "1025.21", interest: "25.01",
		},
		{
			// Negative amortization: daily pro rata, release 2026-01-01, first due
			// 2026-06-30, 180 days later (30+28+31+30+31+30), so t_1 = 6; t_2 = 210/30 = 7.
			// At 20 %: PMT = 1000 / (1.2^−6 + 1.2^−7) = 1000 · 3.5831808 / 2.2 =
			// 1628.7185… → 1628.72. 1: interest 1000.00 · (1.2^6 − 1) = 1985.984 →
			// 1985.98 > PMT, principal −357.26, balance 1357.26.
			// 2: interest 1357.26 · 0.2 = 271.452 → 271.45; payment 1357.26 + 271.45 = 1628.71.
			name: "negative amortization, daily pro rata",
			terms: schedule.Terms{Principal: parseMoney(t, "1000.00"), Rate: rate(t, "20"), Installments: 2,
				Release: date(t, "2026-01-01"), FirstDue: date(t, "2026-06-30"), DayCount: schedule.DailyProRata},
			installment: "1628.72",
			rows: []string{
				"1 2026-06-30 2026-06-30 1628.72 1985.98 -357.26 1357.26",
				"2 2026-07-30 2026-07-30 1628.71 271.45 1357.26 0.00",
			},
			payments: "3257.43", interest: "2257.43",
		},
	}
}

func TestHandComputed(t *testing.T) {
	for _, c := range handCases(t) {
		t.Run(c.name, func(t *testing.T) {
			s, err := schedule.New(c.terms)
			if err != nil {
				t.Fatalf("New: %v", err)
			}
			if got := s.Installment().StringFixed(2); got != c.installment {
				t.Errorf("Installment() = %s, want %s", got, c.installment)
			}
			if s.Len() != len(c.rows) {
				t.Fatalf("Len() = %d, want %d", s.Len(), len(c.rows))
			}
			for k := 1; k <= s.Len(); k++ {
				if got := rowText(s.CentsRow(k)); got != c.rows[k-1] {
					t.Errorf("row %d = %q, want %q", k, got, c.rows[k-1])
				}
			}
			if got := money.Format(s.TotalPayments()); got != c.payments {
				t.Errorf("TotalPayments() = %s, want %s", got, c.payments)
			}
			if got := money.Format(s.TotalInterest()); got != c.interest {
				t.Errorf("TotalInterest() = %s, want %s", got, c.interest)
			}
			if !s.TotalPrincipal().Equal(c.terms.Principal) {
				t.Errorf("TotalPrincipal() = %s, want %s", s.TotalPrincipal(), c.terms.Principal)
			}
		})
	}
}

// TestCalculadoraDoCidadao checks the Banco Central's "Calculadora do Cidadão"
// (www.bcb.gov.br/meubc/calculadoradocidadao, financing with fixed installments):
// 42 monthly installments at 0.629890 % a.m. on a financed 25,000.00 give an
// installment of 679.30 (exactly 679.3038…) and a total of 42 × 679.30 =
// 28,530.60, since the calculator does not adjust the last installment.
//
// Here the first 41 rows pay 41 × 679.30 = 27,851.30. The last row takes the
// residue of rounding 679.3038… down 41 times: without the interest roundings it
// would be 679.3038 + 0.0038252 · Σ_{j=1..41} 1.0062989^j = 679.3038 + 0.0038252 ·
// 46.908 = 679.483; each of the 42 interest roundings (at most ±0.005, carried
// forward with interest) moves it a little, and the exact result, 679.50 (balance
// 675.25 plus interest 675.25 · 0.0062989 = 4.2533 → 4.25), is the reference
// implementation's and an independent Python decimal computation's.
func TestCalculadoraDoCidadao(t *testing.T) {
	s, err := schedule.New(schedule.Terms{
		Principal: parseMoney(t, "25000.00"), Rate: rate(t, "0.629890"), Installments: 42,
		Release: date(t, "2026-01-15"), DayCount: schedule.Periodic,
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := money.Format(s.Installment()); got != "679.30" {
		t.Errorf("installment = %s, want 679.30", got)
	}
	var first41 int64
	for k := 1; k <= 41; k++ {
		first41 += s.CentsRow(k).Payment
	}
	if first41 != 41*67930 {
		t.Errorf("first 41 payments = %s, want 27851.30", money.FormatCents(first41))
	}
	last := s.CentsRow(42)
	if got := rowText(last); got != "42 2029-07-15 2029-07-16 679.50 4.25 675.25 0.00" {
		t.Errorf("last row = %s", got)
	}
	if got := money.FormatCents(s.TotalPaymentsCents()); got != "28530.80" {
		t.Errorf("total = %s, want 28530.80", got)
	}
}

// errCase is a set of terms New must refuse with code and param.
type errCase struct {
	name   string
	terms  schedule.Terms
	code   apierr.Code
	param  string
	reason error
}

func TestErrors(t *testing.T) {
	base := func() schedule.Terms {
		return schedule.Terms{Principal: parseMoney(t, "1000.00"), Rate: rate(t, "2"), Installments: 12,
			Release: date(t, "2026-03-10")}
	}
	with := func(f func(*schedule.Terms)) schedule.Terms { tt := base(); f(&tt); return tt }
	cases := []errCase{
		{"principal below 1.00", with(func(t *schedule.Terms) { t.Principal = decimal.New(99, -2) }),
			apierr.AmountOutOfRange, "principal", apierr.ErrRange},
		{"principal zero", with(func(t *schedule.Terms) { t.Principal = decimal.Decimal{} }),
			apierr.AmountOutOfRange, "principal", apierr.ErrRange},
		{"principal negative", with(func(t *schedule.Terms) { t.Principal = decimal.New(-100000, -2) }),
			apierr.AmountOutOfRange, "principal", apierr.ErrRange},
		{"principal above 1e9", with(func(t *schedule.Terms) { t.Principal = decimal.New(100000000001, -2) }),
			apierr.AmountOutOfRange, "principal", apierr.ErrRange},
		{"principal with 3 decimals", with(func(t *schedule.Terms) { t.Principal = decimal.New(100005, -3) }),
			apierr.InvalidFormat, "principal", apierr.ErrPrecision},
		{"principal huge", with(func(t *schedule.Terms) { t.Principal = decimal.New(1, 1000) }),
			apierr.AmountOutOfRange, "principal", apierr.ErrRange},
		{"zero installments", with(func(t *schedule.Terms) { t.Installments = 0 }),
			apierr.InstallmentsOutOfRange, "installment_count", apierr.ErrRange},
		{"421 installments", with(func(t *schedule.Terms) { t.Installments = 421 }),
			apierr.InstallmentsOutOfRange, "installment_count", apierr.ErrRange},
		{"no release date", with(func(t *schedule.Terms) { t.Release = calendar.Date{} }),
			apierr.MissingRequiredField, "release_date", nil},
		{"first due on the release", with(func(t *schedule.Terms) { t.FirstDue = t.Release }),
			apierr.InvalidDueDate, "first_due_date", nil},
		{"first due before the release", with(func(t *schedule.Terms) { t.FirstDue = date(nil, "2026-03-09") }),
			apierr.InvalidDueDate, "first_due_date", nil},
		// 2026-03-10 + 181 days = 2026-09-07.
		{"first period of 181 days", with(func(t *schedule.Terms) { t.FirstDue = date(nil, "2026-09-07") }),
			apierr.InvalidDueDate, "first_due_date", nil},
		{"first period above a custom bound", with(func(t *schedule.Terms) {
			t.FirstPeriodMaxDays = 30 // the default first due date is 31 days away
		}), apierr.InvalidDueDate, "first_due_date", nil},
		{"negative first-period bound", with(func(t *schedule.Terms) { t.FirstPeriodMaxDays = -1 }),
			apierr.InvalidDueDate, "first_period_max_days", apierr.ErrRange},
		{"first-period bound above 366", with(func(t *schedule.Terms) { t.FirstPeriodMaxDays = 367 }),
			apierr.InvalidDueDate, "first_period_max_days", apierr.ErrRange},
		// Release Friday 2026-04-03 (Good Friday); first due Saturday 2026-04-04 rolls
		// Preceding to Thursday 2026-04-02, before the release.
		{"preceding pulls the first due date before the release", with(func(t *schedule.Terms) {
			t.Release, t.FirstDue, t.Roll = date(nil, "2026-04-03"), date(nil, "2026-04-04"), calendar.Preceding
		}), apierr.InvalidDueDate, "first_due_date", nil},
		{"invalid roll", with(func(t *schedule.Terms) { t.Roll = calendar.Roll(9) }),
			apierr.InvalidFormat, "roll", calendar.ErrInvalidRoll},
		{"invalid day count", with(func(t *schedule.Terms) { t.DayCount = schedule.DayCount(5) }),
			apierr.InvalidFormat, "day_count", apierr.ErrSyntax},
		{"series past 9999-12-31", with(func(t *schedule.Terms) {
			t.Release, t.FirstDue = date(nil, "9999-01-10"), calendar.Date{}
		}), apierr.DateOutOfRange, "first_due_date", calendar.ErrOutOfRange},
		{"default first due past 9999-12-31", with(func(t *schedule.Terms) {
			t.Release, t.Installments = date(nil, "9999-12-10"), 1
		}), apierr.DateOutOfRange, "release_date", calendar.ErrOutOfRange},
		// 1.00 over 201 installments at 0 %: 100/201 = 0.4975 cents → 0.00.
		{"installment rounds to zero", with(func(t *schedule.Terms) {
			t.Principal, t.Rate, t.Installments = parseMoney(nil, "1.00"), schedule.MonthlyRate{}, 201
		}), apierr.AmountOutOfRange, "principal", schedule.ErrInstallmentRoundsToZero},
		// 1.00 over 101 installments at 0 %: 100/101 = 0.990 cents → 0.01, which pays
		// the loan off at installment 100 and leaves a last payment of 0.00.
		{"residue exhausts the balance (zero)", with(func(t *schedule.Terms) {
			t.Principal, t.Rate, t.Installments = parseMoney(nil, "1.00"), schedule.MonthlyRate{}, 101
		}), apierr.AmountOutOfRange, "principal", schedule.ErrResidueExhaustsBalance},
		// 1.00 over 150 at 0 %: 100/150 = 0.667 → 0.01; the balance would be −0.01
		// after installment 101.
		{"residue exhausts the balance (negative)", with(func(t *schedule.Terms) {
			t.Principal, t.Rate, t.Installments = parseMoney(nil, "1.00"), schedule.MonthlyRate{}, 150
		}), apierr.AmountOutOfRange, "principal", schedule.ErrResidueExhaustsBalance},
		// 1.00 over 67 at 0 %: 100/67 = 1.49 cents → 0.01; 66 payments of 0.01 leave
		// 0.34 for the last, more than twice the installment.
		{"residue exceeds an installment (zero rate)", with(func(t *schedule.Terms) {
			t.Principal, t.Rate, t.Installments = parseMoney(nil, "1.00"), schedule.MonthlyRate{}, 67
		}), apierr.AmountOutOfRange, "principal", schedule.ErrResidueExceedsInstallment},
		// 1.00 over 41 at 0 %: 100/41 = 2.44 → 0.02; the last would be 1.00 − 0.80 = 0.20.
		{"residue exceeds an installment (zero rate, 41)", with(func(t *schedule.Terms) {
			t.Principal, t.Rate, t.Installments = parseMoney(nil, "1.00"), schedule.MonthlyRate{}, 41
		}), apierr.AmountOutOfRange, "principal", schedule.ErrResidueExceedsInstallment},
		// Found by the independent Python check: at 12.368 % a.m. over 394 months the
		// part of a cent PMT was rounded down by grows by (1+i)^k to above 10^19 cents
		// (an int64 overflow, before the rule) with a last payment above 10^18 reais.
		{"residue explodes at a high rate over a long term", with(func(t *schedule.Terms) {
			t.Principal, t.Rate, t.Installments = parseMoney(nil, "5537050.94"), rate(nil, "12.368"), 394
			t.Release, t.DayCount = date(nil, "2019-09-10"), schedule.DailyProRata
		}), apierr.AmountOutOfRange, "principal", schedule.ErrResidueExceedsInstallment},
		{"invalid amortization", with(func(t *schedule.Terms) { t.Amortization = schedule.Amortization(2) }),
			apierr.InvalidFormat, "amortization", apierr.ErrSyntax},
		{"negative grace", with(func(t *schedule.Terms) { t.Grace = -1 }),
			apierr.ValueOutOfRange, "grace", apierr.ErrRange},
		{"grace of every installment", with(func(t *schedule.Terms) { t.Grace = 12 }),
			apierr.ValueOutOfRange, "grace", apierr.ErrRange},
		{"rate per month and per year", with(func(t *schedule.Terms) {
			t.AnnualRate = annual(nil, "30")
		}), apierr.InvalidFormat, "annual_interest_rate", apierr.ErrDuplicate},
		// At 0 % an interest-only installment pays 0.00: no installment.
		{"grace at zero rate", with(func(t *schedule.Terms) { t.Rate, t.Grace = schedule.MonthlyRate{}, 2 }),
			apierr.AmountOutOfRange, "principal", schedule.ErrInstallmentRoundsToZero},
		// SAC: 1.00 over 60: A = ⌈100/60⌉ = 2 cents, 59 × 2 = 118 > 100: the
		// balance is gone by installment 50.
		{"SAC residue exhausts the balance", with(func(t *schedule.Terms) {
			t.Principal, t.Installments, t.Amortization = parseMoney(nil, "1.00"), 60, schedule.SAC
		}), apierr.AmountOutOfRange, "principal", schedule.ErrResidueExhaustsBalance},
		{"invalid day count 5", with(func(t *schedule.Terms) { t.DayCount = schedule.DayCount(5) }),
			apierr.InvalidFormat, "day_count", apierr.ErrSyntax},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, err := schedule.New(c.terms)
			checkErr(t, s, err, c.code, c.param, c.reason)
		})
	}
}

func checkErr(t *testing.T, s *schedule.Schedule, err error, code apierr.Code, param string, reason error) {
	t.Helper()
	if err == nil {
		t.Fatalf("got a schedule of %d rows, want error %s", s.Len(), code)
	}
	var e *apierr.Error
	if !errors.As(err, &e) {
		t.Fatalf("error %v (%T) is not a *apierr.Error", err, err)
	}
	if e.Code != code || e.Param != param {
		t.Errorf("error = %s / %s (%v), want %s / %s", e.Code, e.Param, err, code, param)
	}
	if !errors.Is(err, code) {
		t.Errorf("errors.Is(err, %s) = false", code)
	}
	if reason != nil && !errors.Is(err, reason) {
		t.Errorf("errors.Is(%v, %v) = false", err, reason)
	}
	if e.Detail == "" || strings.Contains(e.Detail, "%!") {
		t.Errorf("bad detail %q", e.Detail)
	}
}

// TestZeroValues: the zero Plan and Schedule, which no constructor returns,
// refuse work instead of panicking.
func TestZeroValues(t *testing.T) {
	var p schedule.Plan
	if _, err := p.ScheduleCents(100000, 1); !errors.Is(err, apierr.InstallmentsOutOfRange) {
		t.Errorf("zero Plan: %v", err)
	}
	if p.NominalDate(1) != (calendar.Date{}) || p.InterestTime(1) != 0 || p.MaxInstallments() != 0 {
		t.Error("zero Plan has dates")
	}
	var s schedule.Schedule
	if _, err := s.MarshalJSON(); err == nil {
		t.Error("zero Schedule marshals")
	}
	if s.Len() != 0 || s.CentsRow(1).Number != 0 || len(s.Rows()) != 0 || s.Plan() != nil {
		t.Error("zero Schedule has rows")
	}
}

// TestAllocations holds the package doc's cost model: a table from a plan is two
// allocations (header and rows), the installment alone and the cents accessors
// none; nor do the rate's integer and append forms, nor a row appended as JSON.
func TestAllocations(t *testing.T) {
	plan, err := schedule.NewPlan(schedule.Terms{Rate: rate(t, "3.49"), Installments: 12,
		Release: date(t, "2026-03-10"), FirstDue: date(t, "2026-04-25")})
	must(t, err)
	s, err := plan.ScheduleCents(1_000_000, 12)
	must(t, err)
	r, buf, rowBuf := rate(t, "0.629890"), make([]byte, 0, 32), make([]byte, 0, 192)
	for _, c := range []struct {
		name string
		want float64
		f    func()
	}{
		{"Plan.ScheduleCents", 2, func() { _, _ = plan.ScheduleCents(1_000_000, 12) }},
		{"Plan.InstallmentCents", 0, func() { _, _ = plan.InstallmentCents(1_000_000, 12) }},
		{"Schedule.CentsRow", 0, func() { _ = s.CentsRow(7) }},
		{"CentsRow.AppendJSON", 0, func() { rowBuf = s.CentsRow(7).AppendJSON(rowBuf[:0]) }},
		{"MonthlyRate.AppendText", 0, func() { buf, _ = r.AppendText(buf[:0]) }},
		{"MonthlyRate.PercentUnits", 0, func() { _ = r.PercentUnits() }},
	} {
		if got := testing.AllocsPerRun(100, c.f); got != c.want {
			t.Errorf("%s: %v allocations, want %v", c.name, got, c.want)
		}
	}
}

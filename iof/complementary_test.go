package iof_test

import (
	"errors"
	"fmt"
	"math/big"
	"testing"

	"pgregory.net/rapid"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/calendar"
	"github.com/dinie/lending/iof"
)

// TestComplementary holds the complementary IOF to hand computations:
// unpaid × daily rate × days taxed, half-up to cents.
func TestComplementary(t *testing.T) {
	release := date(t, "2026-03-02")
	due := func(days int) calendar.Date { d, _ := release.AddDays(days); return d }
	tests := []struct {
		name          string
		class         iof.Class
		principal     int64
		dueDays       int // D: release to due
		fromDays      int // days after due where the charge starts (0: due)
		toDays        int // days after due where it stops
		unpaid        int64
		wantDays      int
		wantCents     int64
		wantAppliedPJ bool
		note          string
	}{
		{"pf 10 days", iof.Individual, 1_000_000, 30, 0, 10, 100_000, 10, 82, false,
			"1,000.00 × 0.0082 % × 10 = 0.82"},
		{"pf on the due date", iof.Individual, 1_000_000, 30, 0, 0, 100_000, 0, 0, false, "no day late, no tax"},
		{"cap reached during the delay", iof.Individual, 1_000_000, 360, 0, 10, 100_000, 5, 41, false,
			"only 365 − 360 = 5 days fit: 1,000.00 × 0.0082 % × 5 = 0.41"},
		{"already at the cap", iof.Individual, 1_000_000, 365, 0, 40, 100_000, 0, 0, false,
			"an installment due 365 days out was taxed in full at origination"},
		{"beyond the cap", iof.Individual, 1_000_000, 400, 0, 40, 100_000, 0, 0, false, "D > 365"},
		{"from a partial payment", iof.Individual, 1_000_000, 30, 4, 10, 100_000, 6, 49, false,
			"days 5 to 10: 1,000.00 × 0.0082 % × 6 = 0.492"},
		{"half-up tie", iof.Individual, 1_000_000, 30, 0, 10, 25_000, 10, 21, false,
			"250.00 × 0.0082 % × 10 = 0.205: a tie, up to 0.21"},
		{"mei reduced rate", iof.MEI, 1_000_000, 30, 0, 30, 1_000_000, 30, 822, false,
			"10,000.00 × 0.00274 % × 30 = 8.22"},
		{"mei above R$ 30,000 pays the company rate", iof.MEI, 3_000_001, 30, 0, 30, 1_000_000, 30, 2460, true,
			"10,000.00 × 0.0082 % × 30 = 24.60 (pj rate from 2025-07-16)"},
	}
	for _, tt := range tests {
		d := iof.Delay{Class: tt.class, Release: release, Principal: tt.principal, Due: due(tt.dueDays),
			To: due(tt.dueDays + tt.toDays), Unpaid: tt.unpaid}
		if tt.fromDays > 0 {
			d.From = due(tt.dueDays + tt.fromDays)
		}
		c, err := iof.Complementary(d)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if c.Days != tt.wantDays || c.Cents() != tt.wantCents || (c.Applied == iof.Company) != tt.wantAppliedPJ {
			t.Errorf("%s: %d days, %d cents, applied %s; want %d days, %d cents (%s)", tt.name, c.Days, c.Cents(),
				c.Applied, tt.wantDays, tt.wantCents, tt.note)
		}
	}
}

// TestComplementaryRegime: the rate is the one of the operation's release date,
// not of the payment's: a PF loan released under Decreto 7.726/2012 (0.0041 %)
// and paid late after Decreto 8.392/2015 took effect still pays 0.0041 % a day.
func TestComplementaryRegime(t *testing.T) {
	c, err := iof.Complementary(iof.Delay{Class: iof.Individual, Release: date(t, "2015-01-21"),
		Principal: 100_000, Due: date(t, "2015-02-21"), To: date(t, "2015-03-03"), Unpaid: 100_000})
	if err != nil || c.Days != 10 || c.Cents() != 41 || c.Regime.Source != "Decreto 7.726/2012" {
		t.Errorf("got %d days, %d cents, %q, %v; want 10 days, 41 cents (1,000.00 × 0.0041 %% × 10), Decreto 7.726/2012",
			c.Days, c.Cents(), c.Regime.Source, err)
	}
}

func TestComplementaryErrors(t *testing.T) {
	release := date(t, "2026-03-02")
	ok := iof.Delay{Class: iof.Individual, Release: release, Principal: 100_000, Due: date(t, "2026-04-02"),
		To: date(t, "2026-04-12"), Unpaid: 10_000}
	tests := []struct {
		name   string
		edit   func(*iof.Delay)
		code   apierr.Code
		param  string
		reason error
	}{
		{"no class", func(d *iof.Delay) { d.Class = 0 }, apierr.MissingRequiredField, "borrower_class", apierr.ErrEmpty},
		{"bad class", func(d *iof.Delay) { d.Class = 9 }, apierr.InvalidFormat, "borrower_class", iof.ErrUnknownClass},
		{"no release", func(d *iof.Delay) { d.Release = calendar.Date{} }, apierr.MissingRequiredField, "release_date", apierr.ErrEmpty},
		{"release before table", func(d *iof.Delay) { d.Release = date(t, "2012-05-22") }, apierr.DateOutOfRange, "release_date", apierr.ErrRange},
		{"principal", func(d *iof.Delay) { d.Principal = 0 }, apierr.AmountOutOfRange, "principal", apierr.ErrRange},
		{"no due", func(d *iof.Delay) { d.Due = calendar.Date{} }, apierr.MissingRequiredField, "due_date", apierr.ErrEmpty},
		{"due on release", func(d *iof.Delay) { d.Due = release }, apierr.InvalidDueDate, "due_date", iof.ErrNotAfterRelease},
		{"no to", func(d *iof.Delay) { d.To = calendar.Date{} }, apierr.MissingRequiredField, "to", apierr.ErrEmpty},
		{"from before due", func(d *iof.Delay) { d.From = date(t, "2026-04-01") }, apierr.InvalidDueDate, "from", nil},
		{"to before from", func(d *iof.Delay) { d.From = date(t, "2026-04-10"); d.To = date(t, "2026-04-09") }, apierr.InvalidDueDate, "to", nil},
		{"negative unpaid", func(d *iof.Delay) { d.Unpaid = -1 }, apierr.AmountOutOfRange, "amortization", apierr.ErrRange},
		{"huge unpaid", func(d *iof.Delay) { d.Unpaid = iof.MaxAmortizationCents + 1 }, apierr.AmountOutOfRange, "amortization", apierr.ErrRange},
	}
	for _, tt := range tests {
		d := ok
		tt.edit(&d)
		_, err := iof.Complementary(d)
		var e *apierr.Error
		if !errors.As(err, &e) || e.Code != tt.code || e.Param != tt.param || (tt.reason != nil && !errors.Is(err, tt.reason)) {
			t.Errorf("%s: %v; want %s on %s (%v)", tt.name, err, tt.code, tt.param, tt.reason)
		}
	}
}

// TestPropComplementary holds Complementary to the reference rates (specTable)
// and big.Rat arithmetic, day by day: the tax of (From, To] is the sum over each
// day after Due whose count from Release is at most 365, and splitting the delay
// at any day never adds more than the two roundings.
func TestPropComplementary(t *testing.T) {
	taxed := 0
	rapid.Check(t, func(t *rapid.T) {
		release := genRelease(t)
		class := classes[rapid.IntRange(0, len(classes)-1).Draw(t, "class")]
		principal := rapid.Int64Range(1, iof.MaxPrincipalCents).Draw(t, "principal")
		if rapid.Bool().Draw(t, "near_limit") {
			principal = iof.ReducedRateLimit + rapid.Int64Range(-2, 2).Draw(t, "delta")
		}
		due, _ := release.AddDays(rapid.IntRange(1, 400).Draw(t, "D"))
		from, _ := due.AddDays(rapid.IntRange(0, 200).Draw(t, "from"))
		to, _ := from.AddDays(rapid.IntRange(0, 200).Draw(t, "len"))
		unpaid := rapid.Int64Range(0, 1e13).Draw(t, "unpaid")
		c, err := iof.Complementary(iof.Delay{Class: class, Release: release, Principal: principal, Due: due,
			From: from, To: to, Unpaid: unpaid})
		if err != nil {
			t.Fatal(err)
		}
		applied := class.String()
		if (class == iof.Simples || class == iof.MEI) && principal > iof.ReducedRateLimit {
			applied = "pj"
		}
		daily, _, ok := specRates(applied, release.String())
		if !ok {
			t.Fatalf("no reference rate for %s on %s", applied, release)
		}
		days := 0
		for d := from; d.Before(to); {
			d, _ = d.AddDays(1)
			if calendar.DaysBetween(release, d) <= 365 {
				days++
			}
		}
		v := new(big.Rat).SetInt64(unpaid)
		v.Mul(v, ratOf(daily))
		v.Mul(v, big.NewRat(int64(days), 100))
		if want := roundHalfUp(v).Int64(); c.Days != days || c.Cents() != want {
			t.Fatalf("Complementary = %d days, %d cents; reference %d days, %d cents (%s%% a day)", c.Days, c.Cents(), days, want, daily)
		}
		if days > 0 && c.Cents() > 0 {
			taxed++
		}
	})
	if taxed < 20 {
		t.Errorf("only %d draws were taxed; the property is nearly vacuous", taxed)
	}
}

func ExampleComplementary() {
	release, _ := calendar.ParseDate("2026-03-02")
	due, _ := calendar.ParseDate("2026-04-02")
	paid, _ := calendar.ParseDate("2026-04-12")
	// A PF installment of which 1,000.00 of amortization is paid 10 days late.
	c, err := iof.Complementary(iof.Delay{Class: iof.Individual, Release: release, Principal: 1_000_000,
		Due: due, To: paid, Unpaid: 100_000})
	fmt.Println(c.Amount().StringFixed(2), c.Days, "days at", c.Rates.Daily, err)
	// Output: 0.82 10 days at 0.0082% <nil>
}

package schedule_test

import (
	"encoding/json"
	"errors"
	"math/big"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/calendar"
	"github.com/dinie/lending/money"
	"github.com/dinie/lending/schedule"
)

// FuzzNew: terms from fuzzed numbers and strings never panic; they give either a
// schedule that meets the invariants (and, when short, equals the reference) or
// a *apierr.Error.
func FuzzNew(f *testing.F) {
	f.Add("1000.00", "1", 3, 2026, 3, 10, 0, 0, uint8(0), uint8(0), 0)
	f.Add("25000.00", "0.629890", 42, 2026, 1, 15, 0, 0, uint8(0), uint8(1), 0)
	f.Add("1000.20", "2.5", 1, 2026, 3, 10, 31, 0, uint8(2), uint8(1), 0)
	f.Add("1000.00", "21", 3, 2026, 4, 15, 45, 0, uint8(0), uint8(0), 0)
	f.Add("1.00", "0", 150, 2026, 1, 31, 0, 0, uint8(4), uint8(2), 0)
	f.Add("1000000000.00", "100", 420, 9964, 12, 31, 366, 366, uint8(3), uint8(2), 0)
	f.Add("5.00", "99.9999999999", 2, 1, 1, 1, 1, 0, uint8(2), uint8(0), -3)
	f.Fuzz(func(t *testing.T, principal, rateText string, n, y, m, d, firstDays, bound int, roll, dayCount uint8, principalExp int) {
		p, err := decimal.NewFromString(principal)
		if err != nil || len(principal) > 40 {
			p = decimal.New(int64(len(principal)), int32(principalExp%100))
		}
		r, err := schedule.ParsePercentPerMonth(rateText)
		if err != nil {
			r, _ = schedule.PercentPerMonth(decimal.New(int64(len(rateText)), -1))
		}
		release, err := calendar.NewDate(y, time.Month(m), d)
		if err != nil {
			release = calendar.Date{}
		}
		var first calendar.Date
		if firstDays != 0 && !release.IsZero() {
			first, _ = release.AddDays(firstDays % 10000)
		}
		terms := schedule.Terms{Principal: p, Rate: r, Installments: n, Release: release, FirstDue: first,
			Roll: calendar.Roll(roll), DayCount: schedule.DayCount(dayCount), FirstPeriodMaxDays: bound}
		s, err := schedule.New(terms)
		if err != nil {
			var e *apierr.Error
			if !errors.As(err, &e) || e.Code == "" || e.Param == "" || e.Detail == "" {
				t.Fatalf("New(%+v): %v (%T), not a complete *apierr.Error", terms, err, err)
			}
			return
		}
		pc, err := money.ToCents(p)
		if err != nil {
			t.Fatalf("accepted principal %s: %v", p, err)
		}
		checkInvariants(t, s, pc)
		if n <= 12 && release.Year() >= 1900 && release.Year() <= 2150 {
			ref := refSchedule(terms, pc)
			if ref.degenerate || ref.pmt != s.InstallmentCents() {
				t.Fatalf("PMT %d, reference %d (degenerate %v)", s.InstallmentCents(), ref.pmt, ref.degenerate)
			}
			for k := 1; k <= s.Len(); k++ {
				if got, want := s.CentsRow(k), ref.rows[k-1]; got.Interest != want.interest || got.Balance != want.balance ||
					got.DueDate != want.due {
					t.Fatalf("row %d = %+v, reference %+v", k, got, want)
				}
			}
		}
	})
}

// checkInvariants: payments are the installment but for the last, balances
// follow and end at zero, principals sum to P, due dates follow nominal ones.
func checkInvariants(t *testing.T, s *schedule.Schedule, pc int64) {
	t.Helper()
	prev, sum := pc, int64(0)
	for k := 1; k <= s.Len(); k++ {
		r := s.CentsRow(k)
		if r.Payment != r.Principal+r.Interest || r.Balance != prev-r.Principal || r.Interest < 0 || r.Payment <= 0 ||
			(k < s.Len() && (r.Payment != s.InstallmentCents() || r.Balance <= 0)) || r.NominalDate.IsZero() || r.DueDate.IsZero() {
			t.Fatalf("row %d = %+v after balance %d, installment %d", k, r, prev, s.InstallmentCents())
		}
		sum += r.Principal
		prev = r.Balance
	}
	if prev != 0 || sum != pc || s.TotalPrincipalCents() != pc {
		t.Fatalf("final balance %d, Σ principal %d, P %d", prev, sum, pc)
	}
}

// jsonNumber is the JSON number grammar (RFC 8259 §6).
var jsonNumber = regexp.MustCompile(`^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$`)

// FuzzParsePercentPerMonth: differential against the obvious parse (the JSON
// number regexp, then big.Rat): accepted exactly when the value is a JSON number
// in [0, 100] with at most 10 decimal places, and then to the exact value; and
// the text and JSON forms round-trip.
func FuzzParsePercentPerMonth(f *testing.F) {
	for _, s := range []string{"2.5", "0.629890", "0", "-0", "100", "100.0000000001", "1e-10", "1e-11", "1E2",
		"0.00000000010", "-1", "01", "1.", ".5", "2,5", "1e999999999999", "1e-99999999", "", " 1", "99.99999999999"} {
		f.Add(s)
	}
	for _, s := range issue19Rates {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, err := schedule.ParsePercentPerMonth(s)
		want, ok := refParseRate(s)
		if ok != (err == nil) {
			t.Fatalf("ParsePercentPerMonth(%q) = %v, %v; reference accepts: %v", s, r, err, ok)
		}
		if err != nil {
			var e *apierr.Error
			if !errors.As(err, &e) || e.Param != "interest_rate" ||
				(e.Code != apierr.InvalidFormat && e.Code != apierr.RateOutOfRange) {
				t.Fatalf("ParsePercentPerMonth(%q): %v (%T)", s, err, err)
			}
			return
		}
		got, _ := new(big.Rat).SetString(r.Percent().String())
		if got.Cmp(want) != 0 {
			t.Fatalf("ParsePercentPerMonth(%q) = %s, want %s", s, r, want.FloatString(12))
		}
		back, err := schedule.ParsePercentPerMonth(r.String())
		if err != nil || back != r {
			t.Fatalf("round trip of %q: %q → %v, %v", s, r.String(), back, err)
		}
		// PercentUnits is the reference value in 10^-RatePlaces %, AppendText is
		// String appended.
		units := new(big.Rat).Mul(want, new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(schedule.RatePlaces), nil)))
		if !units.IsInt() || !units.Num().IsInt64() || units.Num().Int64() != r.PercentUnits() {
			t.Fatalf("ParsePercentPerMonth(%q).PercentUnits() = %d, want %s", s, r.PercentUnits(), units.FloatString(2))
		}
		if b, err := r.AppendText([]byte("rate=")); err != nil || string(b) != "rate="+r.String() {
			t.Fatalf("AppendText = %q, %v; want %q", b, err, "rate="+r.String())
		}
		fromDecimal, err := schedule.PercentPerMonth(r.Percent())
		if err != nil || fromDecimal != r {
			t.Fatalf("PercentPerMonth(%s) = %v, %v", r.Percent(), fromDecimal, err)
		}
		b, _ := json.Marshal(r)
		var j schedule.MonthlyRate
		if err := json.Unmarshal(b, &j); err != nil || j != r {
			t.Fatalf("JSON round trip of %s: %s → %v, %v", r, b, j, err)
		}
	})
}

// refParseRate is the obvious rate parser: at most 64 bytes matching the JSON
// number grammar, read by big.Rat, in [0, 100] and a whole number of
// 10^−10. An exponent too large for big.Rat is decided by its sign: a nonzero
// mantissa times 10^(±10^k) is far above 100 or has far too many decimals.
func refParseRate(s string) (*big.Rat, bool) { return refParsePercent(s, 100) }

// refParsePercent is refParseRate with the bound hi.
func refParsePercent(s string, hi int64) (*big.Rat, bool) {
	m := jsonNumber.FindStringSubmatch(s)
	if len(s) > 64 || m == nil {
		return nil, false
	}
	mant, _ := new(big.Rat).SetString(s[:len(s)-len(m[3])])
	exp := int64(0)
	if m[3] != "" {
		e, ok := new(big.Int).SetString(strings.TrimPrefix(m[3][1:], "+"), 10)
		if !ok {
			panic(m[3])
		}
		if !e.IsInt64() || e.Int64() > 100 || e.Int64() < -100 {
			if mant.Sign() == 0 {
				return new(big.Rat), true
			}
			return nil, false
		}
		exp = e.Int64()
	}
	v := new(big.Rat).Mul(mant, new(big.Rat).SetFrac(
		new(big.Int).Exp(big.NewInt(10), big.NewInt(max(exp, 0)), nil),
		new(big.Int).Exp(big.NewInt(10), big.NewInt(max(-exp, 0)), nil)))
	scaled := new(big.Rat).Mul(v, big.NewRat(1e10, 1))
	return v, v.Sign() >= 0 && v.Cmp(big.NewRat(hi, 1)) <= 0 && scaled.IsInt()
}

// FuzzParsePercentPerYear: differential against the same obvious parse with
// the annual bound, 409,500 %; the forms round-trip, and the monthly
// equivalent is within half a unit of the last place of the exact root.
func FuzzParsePercentPerYear(f *testing.F) {
	for _, s := range []string{"30", "26.824179", "0", "-0", "409500", "409500.0000000001", "1e-10", "1e-11",
		"4.095E5", "-1", "01", ".5", "1e999999999999", "", "409499.9999999999", "300"} {
		f.Add(s)
	}
	for _, s := range issue19Rates {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, err := schedule.ParsePercentPerYear(s)
		want, ok := refParsePercent(s, 409500)
		if ok != (err == nil) {
			t.Fatalf("ParsePercentPerYear(%q) = %v, %v; reference accepts: %v", s, r, err, ok)
		}
		if err != nil {
			var e *apierr.Error
			if !errors.As(err, &e) || e.Param != "annual_interest_rate" ||
				(e.Code != apierr.InvalidFormat && e.Code != apierr.RateOutOfRange) {
				t.Fatalf("ParsePercentPerYear(%q): %v (%T)", s, err, err)
			}
			return
		}
		got, _ := new(big.Rat).SetString(r.Percent().String())
		if got.Cmp(want) != 0 {
			t.Fatalf("ParsePercentPerYear(%q) = %s, want %s", s, r, want.FloatString(12))
		}
		back, err := schedule.ParsePercentPerYear(r.String())
		if err != nil || back != r {
			t.Fatalf("round trip of %q: %q → %v, %v", s, r.String(), back, err)
		}
		if d, err := schedule.PercentPerYear(r.Percent()); err != nil || d != r {
			t.Fatalf("PercentPerYear(%s) = %v, %v", r.Percent(), d, err)
		}
		b, _ := json.Marshal(r)
		var j schedule.AnnualRate
		if err := json.Unmarshal(b, &j); err != nil || j != r {
			t.Fatalf("JSON round trip of %s: %s → %v, %v", r, b, j, err)
		}
		// Monthly() = half-up(10^12·((1+a)^(1/12) − 1)) units of 10^-12: check
		// (2k−1)^12 ≤ 2^12·10^132·(10^12+u) < (2k+1)^12 for k = 10^12 + units.
		m := r.Monthly()
		k := new(big.Int).Add(big.NewInt(1e12), big.NewInt(m.PercentUnits()))
		n := new(big.Int).Add(big.NewInt(1e12), big.NewInt(r.PercentUnits()))
		n.Mul(n, new(big.Int).Exp(big.NewInt(10), big.NewInt(132), nil))
		n.Lsh(n, 12)
		lo := new(big.Int).Sub(new(big.Int).Lsh(k, 1), big.NewInt(1))
		hi := new(big.Int).Add(new(big.Int).Lsh(k, 1), big.NewInt(1))
		lo.Exp(lo, big.NewInt(12), nil)
		hi.Exp(hi, big.NewInt(12), nil)
		if lo.Cmp(n) > 0 || hi.Cmp(n) <= 0 {
			t.Fatalf("%s %% a.a.: Monthly() = %s is not the half-up rounding", r, m)
		}
	})
}

// FuzzParseAmortization: only the two wire names parse, and they round-trip.
func FuzzParseAmortization(f *testing.F) {
	for _, s := range []string{"price", "sac", "SAC", "", "Amortization(2)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, err := schedule.ParseAmortization(s)
		if valid := s == "price" || s == "sac"; valid != (err == nil) {
			t.Fatalf("ParseAmortization(%q) = %v, %v", s, a, err)
		}
		if err == nil && a.String() != s {
			t.Fatalf("ParseAmortization(%q).String() = %q", s, a.String())
		}
		if err != nil && !errors.Is(err, apierr.InvalidFormat) {
			t.Fatalf("ParseAmortization(%q): %v", s, err)
		}
	})
}

// FuzzParseDayCount: only the five wire names parse, and they round-trip.
func FuzzParseDayCount(f *testing.F) {
	for _, s := range []string{"monthly", "periodic", "daily", "actual365", "business252", "Monthly", "", "DayCount(3)", "actual360"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := schedule.ParseDayCount(s)
		valid := s == "monthly" || s == "periodic" || s == "daily" || s == "actual365" || s == "business252"
		if valid != (err == nil) {
			t.Fatalf("ParseDayCount(%q) = %v, %v", s, d, err)
		}
		if err == nil && d.String() != s {
			t.Fatalf("ParseDayCount(%q).String() = %q", s, d.String())
		}
		if err != nil && !errors.Is(err, apierr.InvalidFormat) {
			t.Fatalf("ParseDayCount(%q): %v", s, err)
		}
	})
}

// FuzzRowUnmarshalJSON: decoding never panics, and what decodes re-encodes to
// JSON that decodes to the same row.
func FuzzRowUnmarshalJSON(f *testing.F) {
	f.Add(`{"number":1,"nominal_date":"2026-06-30","due_date":"2026-06-30","payment":"1628.72","interest":"1985.98","principal":"-357.26","balance":"1357.26"}`)
	f.Add(`{"number":1,"payment":"1.5"}`)
	f.Add(`{"principal":"--1.00"}`)
	f.Add(`null`)
	f.Fuzz(func(t *testing.T, s string) {
		var r schedule.Row
		if err := json.Unmarshal([]byte(s), &r); err != nil {
			return
		}
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatalf("Marshal(%+v): %v", r, err)
		}
		var back schedule.Row
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("decoding %s: %v", b, err)
		}
		if back.Number != r.Number || back.NominalDate != r.NominalDate || back.DueDate != r.DueDate || back.InterestTime != r.InterestTime ||
			!back.Payment.Equal(r.Payment) || !back.Interest.Equal(r.Interest) ||
			!back.Principal.Equal(r.Principal) || !back.Balance.Equal(r.Balance) {
			t.Fatalf("%s → %+v → %s → %+v", s, r, b, back)
		}
	})
}

// FuzzMonthlyAnnual: MonthlyRate.Annual (float64 fast path, big.Int when near
// a half unit) is the half-up rounding of the exact (1+i)^12 − 1, computed
// here in big.Int.
func FuzzMonthlyAnnual(f *testing.F) {
	for _, u := range []int64{0, 1, 25_000_000_000, 1_000_000_000_000, 999_999_999_999, 6_298_900_000, 300_000_000_000} {
		f.Add(u)
	}
	f.Fuzz(func(t *testing.T, u int64) {
		if u < 0 {
			u = -(u + 1)
		}
		u %= 1_000_000_000_001
		r, err := schedule.PercentPerMonth(decimal.New(u, -schedule.RatePlaces))
		if err != nil {
			t.Fatal(err)
		}
		num := new(big.Int).Add(big.NewInt(1e12), big.NewInt(u))
		num.Exp(num, big.NewInt(12), nil)
		num.Sub(num, new(big.Int).Exp(big.NewInt(10), big.NewInt(144), nil))
		den := new(big.Int).Exp(big.NewInt(10), big.NewInt(132), nil)
		// half-up: ⌊(2·num + den) / (2·den)⌋
		want := new(big.Int).Quo(new(big.Int).Add(new(big.Int).Lsh(num, 1), den), new(big.Int).Lsh(den, 1))
		if got := r.Annual().PercentUnits(); got != want.Int64() {
			t.Fatalf("%s %% a.m.: Annual() = %d units, want %s", r, got, want)
		}
	})
}

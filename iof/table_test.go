package iof_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/calendar"
	"github.com/dinie/lending/iof"
)

var classes = []iof.Class{iof.Individual, iof.Company, iof.Simples, iof.MEI}

func date(t testing.TB, s string) calendar.Date {
	t.Helper()
	d, err := calendar.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestTable checks the table itself: it starts on 2012-05-23, every row has a
// valid period, a source and rates from 0 to 100 %, the rows are sorted and
// contiguous (no gap, no overlap) and only the last one is open.
func TestTable(t *testing.T) {
	rs := iof.Regimes()
	if len(rs) == 0 {
		t.Fatal("empty table")
	}
	if got := rs[0].From.String(); got != "2012-05-23" {
		t.Errorf("table starts %s, want 2012-05-23 (Decreto 7.726/2012)", got)
	}
	if iof.First() != rs[0].From {
		t.Errorf("First() = %s, want %s", iof.First(), rs[0].From)
	}
	for i, g := range rs {
		if g.From.IsZero() {
			t.Errorf("row %d: From is the zero date (a literal that names no day)", i)
		}
		if g.Source == "" {
			t.Errorf("row %d (%s): no source", i, g.From)
		}
		last := i == len(rs)-1
		if g.Open() != last {
			t.Errorf("row %d (%s): Open() = %v, want %v", i, g.From, g.Open(), last)
		}
		if !last {
			if g.To.Before(g.From) {
				t.Errorf("row %d: To %s before From %s", i, g.To, g.From)
			}
			next, err := g.To.AddDays(1)
			if err != nil || next != rs[i+1].From {
				t.Errorf("row %d ends %s but row %d starts %s: not contiguous", i, g.To, i+1, rs[i+1].From)
			}
		}
		for _, c := range classes {
			r, err := g.Rates(c)
			if err != nil {
				t.Fatalf("row %d: Rates(%s): %v", i, c, err)
			}
			for _, x := range []iof.Rate{r.Daily, r.Additional} {
				// 100 % is where mulRate's 64-bit quotient stops being guaranteed.
				if x < 0 || x.Percent().GreaterThan(hundred) {
					t.Errorf("row %d, %s: rate %s outside 0 to 100 %%", i, c, x)
				}
			}
		}
	}
	// Regimes returns a copy: changing it does not change the package's table.
	rs[0].Source = "changed"
	if iof.Regimes()[0].Source == "changed" {
		t.Error("Regimes shares its backing array with the package")
	}
}

// TestTableMatchesSpec checks every row against specTable (reference_test.go, the
// decrees' rates written out by hand): same periods, same rates for every class.
func TestTableMatchesSpec(t *testing.T) {
	rs := iof.Regimes()
	if len(rs) != len(specRows) {
		t.Fatalf("%d rows, the spec has %d", len(rs), len(specRows))
	}
	for i, g := range rs {
		s := specRows[i]
		to := ""
		if !g.Open() {
			to = g.To.String()
		}
		if g.From.String() != s.from || to != s.to {
			t.Errorf("row %d: %s to %q, spec %s to %q", i, g.From, to, s.from, s.to)
		}
		for _, c := range classes {
			r, _ := g.Rates(c)
			if !r.Daily.Percent().Equal(dec(s.daily[c.String()])) || !r.Additional.Percent().Equal(dec(s.add[c.String()])) {
				t.Errorf("row %d (%s), %s: %s + %s, spec %s + %s", i, g.From, c, r.Daily, r.Additional, s.daily[c.String()], s.add[c.String()])
			}
		}
	}
}

// TestRegimeBoundaries checks the first and the last day of every regime, for
// every class, against hand-written expectations taken from the decrees —
// independently of both the package's table and specTable — through RegimeOn
// and through Compute's Basis (an operation of R$ 10,000.00, under the R$ 30,000
// limit, so Simples and MEI get their reduced rates).
func TestRegimeBoundaries(t *testing.T) {
	type rates struct{ pf, pj, simples, mei string } // "daily+additional", percent
	const (
		base   = "0.0082+0.38"
		basePJ = "0.0041+0.38"
		baseS  = "0.00137+0.38"
		zero   = "0+0"
	)
	tests := []struct {
		first, last string
		want        rates
		source      string // a substring of Source
	}{
		// Decreto 7.726/2012 art. 1 (art. 7, I, b, 2: pessoa física 0,0041 % ao dia), the
		// regime until Decreto 8.392/2015 took effect on 2015-01-22.
		{"2012-05-23", "2015-01-21", rates{basePJ, basePJ, baseS, baseS}, "Decreto 7.726/2012"},
		{"2015-01-22", "2020-04-02", rates{base, basePJ, baseS, baseS}, "Decreto 8.392/2015"},
		{"2020-04-03", "2020-11-26", rates{zero, zero, zero, zero}, "10.551/2020"},
		{"2020-11-27", "2020-12-14", rates{base, basePJ, baseS, baseS}, "Decreto 8.392/2015"},
		{"2020-12-15", "2020-12-31", rates{zero, zero, zero, zero}, "Decreto 10.572/2020"},
		{"2021-01-01", "2021-09-19", rates{base, basePJ, baseS, baseS}, "Decreto 8.392/2015"},
		{"2021-09-20", "2021-12-31", rates{"0.01118+0.38", "0.00559+0.38", baseS, baseS}, "Decreto 10.797/2021"},
		{"2022-01-01", "2025-05-22", rates{base, basePJ, baseS, baseS}, "Decreto 8.392/2015"},
		{"2025-05-23", "2025-06-10", rates{base, "0.0082+0.95", "0.00274+0.95", "0.00274+0.38"}, "Decreto 12.466/2025"},
		{"2025-06-11", "2025-06-26", rates{base, "0.0082+0.38", "0.00274+0.38", "0.00274+0.38"}, "Decreto 12.499/2025"},
		{"2025-06-27", "2025-07-15", rates{base, basePJ, baseS, baseS}, "Decreto Legislativo 176/2025"},
		{"2025-07-16", "9999-12-30", rates{base, "0.0082+0.38", "0.00274+0.38", "0.00274+0.38"}, "Decreto 12.499/2025"},
	}
	for _, tt := range tests {
		for _, day := range []string{tt.first, tt.last} {
			d := date(t, day)
			g, err := iof.RegimeOn(d)
			if err != nil {
				t.Fatalf("RegimeOn(%s): %v", day, err)
			}
			if !contains(g.Source, tt.source) {
				t.Errorf("RegimeOn(%s).Source = %q, want it to cite %q", day, g.Source, tt.source)
			}
			for i, c := range classes {
				want := []string{tt.want.pf, tt.want.pj, tt.want.simples, tt.want.mei}[i]
				r, _ := g.Rates(c)
				if got := r.Daily.Percent().String() + "+" + r.Additional.Percent().String(); got != want {
					t.Errorf("RegimeOn(%s).Rates(%s) = %s, want %s", day, c, got, want)
				}
				due, _ := d.AddDays(1)
				res, err := iof.ComputeCents(c, d, 1_000_000, []iof.Flow{{Due: due, Amortization: 1_000_000}})
				if err != nil {
					t.Fatalf("ComputeCents(%s, %s): %v", c, day, err)
				}
				if got := res.Rates.Daily.Percent().String() + "+" + res.Rates.Additional.Percent().String(); got != want || res.Applied != c {
					t.Errorf("ComputeCents(%s, %s) applied %s at %s, want %s at %s", c, day, res.Applied, got, c, want)
				}
			}
		}
	}
}

func TestRegimeOnErrors(t *testing.T) {
	tests := []struct {
		day  calendar.Date
		code apierr.Code
	}{
		{date(t, "2012-05-22"), apierr.DateOutOfRange},
		{date(t, "1999-12-31"), apierr.DateOutOfRange},
		{date(t, "0001-01-02"), apierr.DateOutOfRange},
		{calendar.Date{}, apierr.MissingRequiredField},
	}
	for _, tt := range tests {
		_, err := iof.RegimeOn(tt.day)
		var e *apierr.Error
		if !errors.As(err, &e) || e.Code != tt.code || e.Param != "release_date" {
			t.Errorf("RegimeOn(%s) = %v, want %s on release_date", tt.day, err, tt.code)
		}
	}
	if _, err := (iof.Regime{}).Rates(0); !errors.Is(err, apierr.MissingRequiredField) {
		t.Errorf("Rates(0) = %v, want missing_required_field", err)
	}
	if _, err := (iof.Regime{}).Rates(9); !errors.Is(err, iof.ErrUnknownClass) {
		t.Errorf("Rates(9) = %v, want ErrUnknownClass", err)
	}
}

func TestRateString(t *testing.T) {
	tests := []struct {
		r    iof.Rate
		want string
	}{
		{0, "0%"},
		{820_000, "0.0082%"},
		{137_000, "0.00137%"},
		{38_000_000, "0.38%"},
		{100_000_000, "1%"},
		{1, "0.00000001%"},
		{12_345_678_901, "123.45678901%"},
		{-820_000, "-0.0082%"},
		{-1 << 63, "-92233720368.54775808%"},
	}
	for _, tt := range tests {
		if got := tt.r.String(); got != tt.want {
			t.Errorf("Rate(%d).String() = %q, want %q", int64(tt.r), got, tt.want)
		}
		// The decimal form is the same number.
		if got := tt.r.Percent().String() + "%"; got != tt.want {
			t.Errorf("Rate(%d).Percent() = %s, want %s", int64(tt.r), got, tt.want)
		}
		// AppendText appends MarshalText's form, the number without the sign.
		if b, err := tt.r.AppendText([]byte("rate=")); err != nil || string(b)+"%" != "rate="+tt.want {
			t.Errorf("Rate(%d).AppendText = %q, %v; want %q", int64(tt.r), b, err, "rate="+strings.TrimSuffix(tt.want, "%"))
		}
	}
}

func TestParseRate(t *testing.T) {
	good := []struct {
		s    string
		want iof.Rate
	}{
		{"0", 0},
		{"0.0082", 820_000},
		{"0.00137", 137_000},
		{"0.38", 38_000_000},
		{"1", 100_000_000},
		{"100", 10_000_000_000},
		{"100.00000000", 10_000_000_000},
		{"0.00000001", 1},
		{"007.5", 750_000_000},
	}
	for _, tt := range good {
		r, err := iof.ParseRate(tt.s)
		if err != nil || r != tt.want {
			t.Errorf("ParseRate(%q) = %d, %v; want %d", tt.s, int64(r), err, int64(tt.want))
		}
	}
	bad := []struct {
		s      string
		code   apierr.Code
		reason error
	}{
		{"", apierr.InvalidFormat, apierr.ErrSyntax},
		{".5", apierr.InvalidFormat, apierr.ErrSyntax},
		{"1.", apierr.InvalidFormat, apierr.ErrSyntax},
		{"1000", apierr.InvalidFormat, apierr.ErrSyntax},
		{"0.000000001", apierr.InvalidFormat, apierr.ErrPrecision},
		{"-0.1", apierr.InvalidFormat, apierr.ErrCharacter},
		{"1e-2", apierr.InvalidFormat, apierr.ErrSyntax},
		{"1e2", apierr.InvalidFormat, apierr.ErrCharacter},
		{"0.38%", apierr.InvalidFormat, apierr.ErrCharacter},
		{" 1", apierr.InvalidFormat, apierr.ErrCharacter},
		{"1.2.3", apierr.InvalidFormat, apierr.ErrCharacter},
		{"100.00000001", apierr.RateOutOfRange, apierr.ErrRange},
		{"999", apierr.RateOutOfRange, apierr.ErrRange},
	}
	for _, tt := range bad {
		_, err := iof.ParseRate(tt.s)
		var e *apierr.Error
		if !errors.As(err, &e) || e.Code != tt.code || e.Param != "rate" || !errors.Is(err, tt.reason) {
			t.Errorf("ParseRate(%q) = %v; want %s, reason %v", tt.s, err, tt.code, tt.reason)
		}
	}
}

func TestRateJSON(t *testing.T) {
	type shown struct {
		Daily      iof.Rate `json:"daily"`
		Additional iof.Rate `json:"additional"`
	}
	b, err := json.Marshal(shown{820_000, 38_000_000})
	if err != nil || string(b) != `{"daily":0.0082,"additional":0.38}` {
		t.Fatalf("Marshal = %s, %v", b, err)
	}
	var s shown
	if err := json.Unmarshal([]byte(`{"daily":0.00274,"additional":1}`), &s); err != nil || s != (shown{274_000, 100_000_000}) {
		t.Fatalf("Unmarshal = %+v, %v", s, err)
	}
	s.Daily = 5
	if err := json.Unmarshal([]byte(`{"daily":null}`), &s); err != nil || s.Daily != 5 {
		t.Errorf("null: %v, %v", s.Daily, err)
	}
	if err := json.Unmarshal([]byte(`{"daily":1e-3}`), &s); err == nil || s.Daily != 5 {
		t.Errorf("1e-3: %v, %v; want an error and the rate unchanged", s.Daily, err)
	}
}

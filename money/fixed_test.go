package money_test

import (
	"math"
	"math/big"
	"strings"
	"testing"

	"github.com/dinie/lending/money"
	"pgregory.net/rapid"
)

func TestAppendFixed(t *testing.T) {
	// Each want is written by hand from v·10^−places.
	cases := []struct {
		v             int64
		places        int
		fixed, trimmd string
	}{
		{0, 0, "0", "0"},
		{0, 2, "0.00", "0"},
		{7, 0, "7", "7"},
		{5, 2, "0.05", "0.05"},
		{5, 3, "0.005", "0.005"},
		{-5, 2, "-0.05", "-0.05"},
		{-50, 2, "-0.50", "-0.5"},
		{123456, 2, "1234.56", "1234.56"},
		{100, 2, "1.00", "1"},
		{820_000, 8, "0.00820000", "0.0082"},           // iof: 0.0082 % in 10^-8 %
		{38_000_000, 8, "0.38000000", "0.38"},          // iof: 0.38 %
		{6_298_900_000, 10, "0.6298900000", "0.62989"}, // schedule: 0.62989 % a.m.
		{1_000_000_000_000, 10, "100.0000000000", "100"},
		{7, -2, "700", "700"},
		{0, -2, "0", "0"},
		{-3, -1, "-30", "-30"},
		{math.MaxInt64, 2, "92233720368547758.07", "92233720368547758.07"},
		{math.MinInt64, 2, "-92233720368547758.08", "-92233720368547758.08"},
		{math.MaxInt64, 19, "0.9223372036854775807", "0.9223372036854775807"},
		{math.MinInt64, 20, "-0.09223372036854775808", "-0.09223372036854775808"},
		{1, 21, "0.000000000000000000001", "0.000000000000000000001"},
		{10, 22, "0.0000000000000000000010", "0.000000000000000000001"},
		{math.MinInt64, 25, "-0.0000009223372036854775808", "-0.0000009223372036854775808"},
	}
	for _, c := range cases {
		if got := string(money.AppendFixed([]byte("x="), c.v, c.places)); got != "x="+c.fixed {
			t.Errorf("AppendFixed(x=, %d, %d) = %q, want %q", c.v, c.places, got, "x="+c.fixed)
		}
		if got := string(money.AppendTrimmed([]byte("x="), c.v, c.places)); got != "x="+c.trimmd {
			t.Errorf("AppendTrimmed(x=, %d, %d) = %q, want %q", c.v, c.places, got, "x="+c.trimmd)
		}
	}
	// The documented bound: 23 bytes hold any int64 at places 0 to 20
	// ("-0." and 20 digits is the longest).
	buf := make([]byte, 0, 23)
	for places := 0; places <= 20; places++ {
		for _, v := range []int64{math.MinInt64, math.MaxInt64, -1} {
			if n := testing.AllocsPerRun(10, func() {
				buf = money.AppendFixed(buf[:0], v, places)
				buf = money.AppendTrimmed(buf[:0], v, places)
			}); n != 0 {
				t.Errorf("AppendFixed/AppendTrimmed(%d, %d) allocate %v times in 23 bytes, want 0", v, places, n)
			}
		}
	}
}

// refFixed is v·10^−places written the slow, obvious way, sharing no code with
// the package: big.Int's decimal digits, left-padded with zeros to more than
// places digits, and a point put places digits from the right (or zeros
// appended for a negative places).
func refFixed(v int64, places int, trim bool) string {
	digits := new(big.Int).Abs(big.NewInt(v)).String()
	sign := ""
	if v < 0 {
		sign = "-"
	}
	if places <= 0 {
		if v != 0 {
			digits += strings.Repeat("0", -places)
		}
		return sign + digits
	}
	if len(digits) <= places {
		digits = strings.Repeat("0", places+1-len(digits)) + digits
	}
	whole, frac := digits[:len(digits)-places], digits[len(digits)-places:]
	if trim {
		frac = strings.TrimRight(frac, "0")
	}
	if frac == "" {
		return sign + whole
	}
	return sign + whole + "." + frac
}

func TestAppendFixedMatchesReference(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		v := rapid.OneOf(rapid.Int64(), rapid.Int64Range(-100000, 100000)).Draw(t, "v")
		places := rapid.IntRange(-25, 40).Draw(t, "places")
		prefix := rapid.SampledFrom([]string{"", "x=", "{\"a\":"}).Draw(t, "prefix")
		if got, want := string(money.AppendFixed([]byte(prefix), v, places)), prefix+refFixed(v, places, false); got != want {
			t.Fatalf("AppendFixed(%q, %d, %d) = %q, want %q", prefix, v, places, got, want)
		}
		if got, want := string(money.AppendTrimmed([]byte(prefix), v, places)), prefix+refFixed(v, places, true); got != want {
			t.Fatalf("AppendTrimmed(%q, %d, %d) = %q, want %q", prefix, v, places, got, want)
		}
	})
}

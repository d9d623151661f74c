package money_test

import (
	"errors"
	"math"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/money"
)

// pow10Big is 10^k as a big.Int.
func pow10Big(k int64) *big.Int { return new(big.Int).Exp(big.NewInt(10), big.NewInt(k), nil) }

// Each of these ran for hours or without end before the bounds (issue 18): every
// one must answer within a second, with a typed error or a short exact text.
func TestHostileDecimals(t *testing.T) {
	huge := decimal.New(1, math.MaxInt32)
	cases := []struct {
		name string
		run  func() (string, error)
		want string // the exact text, when no error is expected
	}{
		{"AppendFixed(nil, 1, MaxInt)", func() (string, error) { return string(money.AppendFixed(nil, 1, math.MaxInt)), nil }, "1e-9223372036854775807"},
		{"AppendFixed(nil, -5, MinInt)", func() (string, error) { return string(money.AppendFixed(nil, -5, math.MinInt)), nil }, "-5e9223372036854775808"},
		{"AppendFixed(nil, 0, MaxInt)", func() (string, error) { return string(money.AppendFixed(nil, 0, math.MaxInt)), nil }, "0"},
		{"AppendTrimmed(nil, 10, 2000)", func() (string, error) { return string(money.AppendTrimmed(nil, 10, 2000)), nil }, "10e-2000"},
		{"Format(1e2147483647)", func() (string, error) { return money.Format(huge), nil }, "1e2147483647"},
		{"Format(1e-2147483648)", func() (string, error) { return money.Format(decimal.New(1, math.MinInt32)), nil }, "0.00"},
		{"Format(10^300000)", func() (string, error) { return money.Format(decimal.NewFromBigInt(pow10Big(300000), 0)), nil },
			"(a coefficient of more than 1024 digits)e0"},
		{"ToCents(1e2147483647)", func() (string, error) { _, err := money.ToCents(huge); return "", err }, ""},
		{"ToCents(10^300000e-300000)", func() (string, error) {
			_, err := money.ToCents(decimal.NewFromBigInt(pow10Big(300000), -300000))
			return "", err
		}, ""},
		{"ToUnits(1e2147483647, 10)", func() (string, error) { _, err := money.ToUnits(huge, 10); return "", err }, ""},
	}
	for _, c := range cases {
		start := time.Now()
		got, err := c.run()
		if d := time.Since(start); d > time.Second {
			t.Errorf("%s took %v, want under a second", c.name, d)
		}
		var e *apierr.Error
		switch {
		case c.want != "" && (err != nil || got != c.want):
			t.Errorf("%s = %q, %v; want %q", c.name, got, err, c.want)
		case c.want == "" && (!errors.As(err, &e) || !e.Code.Known() || e.Param != "amount"):
			t.Errorf("%s: error %v, want a typed error with a known code and param amount", c.name, err)
		}
	}
}

// AppendFixed is exact at every places: beyond ±MaxExponent its scientific form
// reads back, through big.Rat, to v·10^−places (a second implementation).
func TestPropAppendFixedAnyPlaces(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		v := rapid.Int64().Draw(t, "v")
		places := rapid.OneOf(rapid.IntRange(-3000, 3000), rapid.Int()).Draw(t, "places")
		out := string(money.AppendFixed(nil, v, places))
		if len(out) > 3100 {
			t.Fatalf("AppendFixed(%d, %d) is %d bytes long", v, places, len(out))
		}
		if places > apierr.MaxExponent || places < -apierr.MaxExponent {
			want := new(big.Int).SetInt64(v).String()
			if v != 0 {
				want += "e" + big.NewInt(0).Neg(big.NewInt(int64(places))).String()
			}
			if out != want {
				t.Fatalf("AppendFixed(%d, %d) = %q, want %q", v, places, out, want)
			}
			return
		}
		r, ok := new(big.Rat).SetString(out)
		want := new(big.Rat).SetInt64(v)
		if places >= 0 {
			want.Quo(want, new(big.Rat).SetInt(pow10Big(int64(places))))
		} else {
			want.Mul(want, new(big.Rat).SetInt(pow10Big(int64(-places))))
		}
		if !ok || r.Cmp(want) != 0 || strings.Contains(out, "e") {
			t.Fatalf("AppendFixed(%d, %d) = %q, want %s in plain notation", v, places, out, want.RatString())
		}
	})
}

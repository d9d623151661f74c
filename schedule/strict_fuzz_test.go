package schedule_test

import (
	"math/big"
	"testing"

	"github.com/dinie/lending/internal/strictjson/jsonref"
	"github.com/dinie/lending/schedule"
)

// issue19Rates are the rates issue 19 found read as something else: the
// exponent wrapped an int64, so 3e18446744073709551616 was 3 % and
// 1e-18446744073709551617 was 0.1 %.
var issue19Rates = []string{
	"3e18446744073709551616", "1e9223372036854775807", "1e-18446744073709551617", "1e18446744073709551615",
	"1e-9223372036854775808", "0e18446744073709551616", "1.5e+18446744073709551626", "-0e-99999999999999999999",
}

// FuzzRateUnmarshalJSON: differential of MonthlyRate's and AnnualRate's JSON
// decoders against the reference (jsonref reads one JSON scalar; a number, or a
// string holding one, then refParsePercent): the same values accepted, to the
// same rate; null leaves the rate alone; every other value is refused and
// leaves it alone.
func FuzzRateUnmarshalJSON(f *testing.F) {
	for _, s := range append([]string{`2.5`, `"2.5"`, `null`, ` 3 `, `true`, `{}`, `[1]`, `"3" `, `"\u0033"`, `1e2`, `"1e-11"`}, issue19Rates...) {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		kind, text := jsonref.Scalar(data, 64)
		for _, c := range []struct {
			hi     int64
			decode func(*big.Rat) (got *big.Rat, changed bool, err error)
		}{
			{100, func(*big.Rat) (*big.Rat, bool, error) {
				sentinel, _ := schedule.ParsePercentPerMonth("7")
				r := sentinel
				err := r.UnmarshalJSON(data)
				v, _ := new(big.Rat).SetString(r.Percent().String())
				return v, r != sentinel, err
			}},
			{409500, func(*big.Rat) (*big.Rat, bool, error) {
				sentinel, _ := schedule.ParsePercentPerYear("7")
				r := sentinel
				err := r.UnmarshalJSON(data)
				v, _ := new(big.Rat).SetString(r.Percent().String())
				return v, r != sentinel, err
			}},
		} {
			got, changed, err := c.decode(nil)
			var want *big.Rat
			ok := false
			switch kind {
			case "null":
				if err != nil || changed {
					t.Fatalf("UnmarshalJSON(%q) = %v, changed %v; null leaves the rate alone", data, err, changed)
				}
				continue
			case "number", "string":
				want, ok = refParsePercent(text, c.hi)
			}
			if ok != (err == nil) {
				t.Fatalf("UnmarshalJSON(%q) (bound %d) = %v; reference accepts: %v", data, c.hi, err, ok)
			}
			if err != nil {
				if changed {
					t.Fatalf("UnmarshalJSON(%q) failed but changed the rate", data)
				}
				continue
			}
			if got.Cmp(want) != 0 {
				t.Fatalf("UnmarshalJSON(%q) = %s; want %s", data, got.FloatString(10), want.FloatString(10))
			}
		}
	})
}

// FuzzRowStrict: differential of Row's decoder against the reference reader: a
// document the reference refuses is refused, and an accepted one has exactly
// the row's keys (all required).
func FuzzRowStrict(f *testing.F) {
	good := `{"number":1,"nominal_date":"2026-06-30","due_date":"2026-06-30","interest_time":30,"payment":"1628.72","interest":"1985.98","principal":"-357.26","balance":"1357.26"}`
	f.Add([]byte(good))
	f.Add([]byte(good[:len(good)-1] + `,"Balance":"1.00"}`))
	f.Add([]byte(good[:len(good)-1] + `,"number":2}`))
	keys := []string{"number", "nominal_date", "due_date", "interest_time", "payment", "interest", "principal", "balance"}
	f.Fuzz(func(t *testing.T, data []byte) {
		var r schedule.Row
		direct := r.UnmarshalJSON(data)
		_, class, paths := jsonref.Parse(data)
		if direct == nil && class != jsonref.OK {
			t.Fatalf("UnmarshalJSON(%q) accepted; the reference says %s", data, class)
		}
		if direct == nil {
			if p := jsonref.Subset(paths, keys); p != "" || len(paths) != len(keys) {
				t.Fatalf("UnmarshalJSON(%q) accepted keys %q", data, paths)
			}
		}
	})
}

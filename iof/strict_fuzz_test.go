package iof_test

import (
	"testing"

	"github.com/dinie/lending/internal/strictjson/jsonref"
	"github.com/dinie/lending/iof"
)

// FuzzRateUnmarshalStrict: differential of Rate's JSON decoder against the
// reference (jsonref reads one JSON number, ParseRate its text): the same
// values accepted, to the same rate; a string or any other value refused;
// null leaves the rate alone.
func FuzzRateUnmarshalStrict(f *testing.F) {
	for _, s := range []string{`0.0082`, `"0.0082"`, `null`, ` 0.38 `, `1e-2`, `0.38 x`, `{}`, `3e18446744073709551616`, `-0`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		sentinel, _ := iof.ParseRate("7")
		r := sentinel
		err := r.UnmarshalJSON(data)
		kind, text := jsonref.Scalar(data, jsonref.MaxString)
		if kind == "null" {
			if err != nil || r != sentinel {
				t.Fatalf("UnmarshalJSON(%q) = %v; null leaves the rate alone", data, err)
			}
			return
		}
		want, perr := iof.ParseRate(text)
		ok := kind == "number" && perr == nil
		if ok != (err == nil) || ok && r != want || !ok && r != sentinel {
			t.Fatalf("UnmarshalJSON(%q) = %v, %v; reference %v, %v", data, r, err, want, ok)
		}
	})
}

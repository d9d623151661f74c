package calendar_test

import (
	"errors"
	"testing"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/calendar"
	"github.com/dinie/lending/internal/strictjson/jsonref"
)

// FuzzDateUnmarshalStrict: differential of Date's JSON and text decoders
// against the reference (jsonref reads one JSON string; ParseDate reads it;
// the zero date 0001-01-01 given is refused, since a decoder's zero Date means
// "not given"): the same texts accepted, to the same date; null leaves the date
// alone.
func FuzzDateUnmarshalStrict(f *testing.F) {
	for _, s := range []string{`"2026-02-16"`, `"0001-01-01"`, `"0001-01-02"`, `"0000-01-01"`, `"9999-12-31"`, `null`,
		`"\u0030001-01-01"`, ` "2026-02-16" `, `"2026-02-16" x`, `20260216`, `{"d":"2026-02-16"}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		sentinel, _ := calendar.ParseDate("1999-09-09")
		d := sentinel
		err := d.UnmarshalJSON(data)
		kind, text := jsonref.Scalar(data, 64)
		if kind == "null" {
			if err != nil || d != sentinel {
				t.Fatalf("UnmarshalJSON(%q) = %v, %s; null leaves the date alone", data, err, d)
			}
			return
		}
		want, perr := calendar.ParseDate(text)
		ok := kind == "string" && perr == nil && !want.IsZero()
		if ok != (err == nil) {
			t.Fatalf("UnmarshalJSON(%q) = %s, %v; reference accepts: %v", data, d, err, ok)
		}
		if !ok {
			var e *apierr.Error
			if !errors.As(err, &e) || d != sentinel {
				t.Fatalf("UnmarshalJSON(%q) = %s, %v", data, d, err)
			}
			if kind == "string" && perr == nil && e.Code != apierr.DateOutOfRange {
				t.Fatalf("UnmarshalJSON(%q): the zero date is %s; want date_out_of_range", data, e.Code)
			}
			return
		}
		if d != want {
			t.Fatalf("UnmarshalJSON(%q) = %s; want %s", data, d, want)
		}
		var viaText calendar.Date
		if err := viaText.UnmarshalText([]byte(text)); err != nil || viaText != d {
			t.Fatalf("UnmarshalText(%q) = %s, %v; want %s", text, viaText, err, d)
		}
	})
}

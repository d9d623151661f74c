package calendar_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/calendar"
)

// FuzzParseDate: ParseDate never panics, agrees with time.Parse(time.DateOnly)
// (the standard library's independent parser of the same layout, restricted
// to years from 0001), what parses formats back to the same text, and every
// refusal is an *Error with a sentinel.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{
		"2026-02-16", "0001-01-01", "9999-12-31", "0000-01-01", "2026-02-29", "2024-02-29",
		"2026-13-01", "2026-00-01", "2026-01-32", "", "2026-1-1", "+026-01-01", "2026-01-01T00:00:00Z",
		"１９９９-01-01", "2026-01-0\x00",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := calendar.ParseDate(s)
		tm, terr := time.Parse(time.DateOnly, s)
		stdOK := terr == nil && tm.Year() >= calendar.MinYear && tm.Format(time.DateOnly) == s
		if err != nil {
			var e *apierr.Error
			if !errors.As(err, &e) || !(errors.Is(err, calendar.ErrInvalidDate) || errors.Is(err, calendar.ErrOutOfRange)) {
				t.Fatalf("ParseDate(%q) error %v is not an *apierr.Error with a reason", s, err)
			}
			if stdOK {
				t.Fatalf("ParseDate(%q) = %v, but time.Parse reads %s", s, err, tm)
			}
			if !d.IsZero() {
				t.Fatalf("ParseDate(%q) failed but returned %s", s, d)
			}
			return
		}
		if got := d.String(); got != s {
			t.Fatalf("ParseDate(%q).String() = %q", s, got)
		}
		if !stdOK {
			t.Fatalf("ParseDate(%q) = %s, but time.Parse says %v", s, d, terr)
		}
		if y, m, dd := tm.Date(); d.Year() != y || d.Month() != m || d.Day() != dd {
			t.Fatalf("ParseDate(%q) = %s, time.Parse = %s", s, d, tm)
		}
		if back, err := calendar.ParseDate(d.String()); err != nil || back != d {
			t.Fatalf("ParseDate(String(%s)) = %s, %v", d, back, err)
		}
	})
}

// FuzzUnmarshalJSON: Date.UnmarshalJSON through encoding/json never panics;
// what it accepts marshals to a JSON string holding the same date, which
// unmarshals back to it; what it refuses leaves the value untouched.
func FuzzUnmarshalJSON(f *testing.F) {
	for _, s := range []string{
		`"2026-02-16"`, `null`, `"\u0032026-02-16"`, `"2026-02-30"`, `20260216`, `""`, `{}`, `"0000-01-01"`,
		`"9999-12-31"`, `"2026-02-16\u0000"`, `[`, `"\ud800"`,
		" null", // captured during fuzzing: a bug in this test's own check, which took only exact "null" for JSON null
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		sentinel, _ := calendar.ParseDate("1999-09-09")
		d := sentinel
		err := json.Unmarshal(data, &d)
		if err != nil {
			if d != sentinel {
				t.Fatalf("Unmarshal(%q) failed (%v) but changed the date to %s", data, err, d)
			}
			return
		}
		var text string
		if json.Unmarshal(data, &text) == nil && string(bytes.TrimSpace(data)) != "null" && d.String() != text {
			t.Fatalf("Unmarshal(%q) = %s, but the JSON string is %q", data, d, text)
		}
		b, err := json.Marshal(d)
		if err != nil {
			t.Fatalf("Marshal(%s): %v", d, err)
		}
		var back calendar.Date
		if err := json.Unmarshal(b, &back); err != nil || back != d {
			t.Fatalf("round trip of %s via %s = %s, %v", d, b, back, err)
		}
		// The direct call agrees with the call through encoding/json.
		var direct calendar.Date = sentinel
		if err := direct.UnmarshalJSON(data); err == nil && direct != d {
			t.Fatalf("UnmarshalJSON(%q) = %s, json.Unmarshal = %s", data, direct, d)
		}
	})
}

// FuzzParseRoll: ParseRoll never panics and accepts exactly the five names,
// which String gives back.
func FuzzParseRoll(f *testing.F) {
	for _, s := range []string{"following", "modified-following", "preceding", "modified-preceding", "unadjusted", "", "Following", "following "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, err := calendar.ParseRoll(s)
		if err != nil {
			if !errors.Is(err, calendar.ErrInvalidRoll) {
				t.Fatalf("ParseRoll(%q) error %v is not ErrInvalidRoll", s, err)
			}
			return
		}
		if r.String() != s {
			t.Fatalf("ParseRoll(%q) = %v", s, r)
		}
	})
}

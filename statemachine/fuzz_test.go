package statemachine

import (
	"errors"
	"strings"
	"testing"

	"github.com/dinie/lending/apierr"
)

// FuzzParseStatus feeds every status parser (they share one implementation, so one
// target covers them all): a string parses exactly when it is one of the type's wire
// strings, round-trips through String and MarshalText unchanged, and otherwise fails with
// invalid_format/ErrUnknownStatus and a bounded message.
func FuzzParseStatus(f *testing.F) {
	for _, st := range statusTypes {
		for _, w := range st.wire {
			f.Add(w)
		}
	}
	f.Add("")
	f.Add("ACTIVE")
	f.Add("active\x00")
	f.Fuzz(func(t *testing.T, s string) {
		for _, st := range statusTypes {
			got, err := st.parse(s)
			wire := false
			for _, w := range st.wire {
				wire = wire || w == s
			}
			if wire != (err == nil) {
				t.Fatalf("Parse%s(%q) error = %v, wire string = %v", st.name, s, err, wire)
			}
			if err == nil {
				if got != s {
					t.Fatalf("Parse%s(%q).String() = %q", st.name, s, got)
				}
				continue
			}
			var ve *apierr.Error
			if !errors.As(err, &ve) || ve.Code != apierr.InvalidFormat || !errors.Is(err, ErrUnknownStatus) ||
				len(ve.Detail) > 600 {
				t.Fatalf("Parse%s(%q) error = %v", st.name, s, err)
			}
		}
	})
}

// FuzzParseEvent: a name parses exactly when it is in the hand-copied catalogue and
// round-trips; anything else is invalid_format/ErrUnknownEvent.
func FuzzParseEvent(f *testing.F) {
	for _, c := range catalogue {
		f.Add(c)
	}
	f.Add("loan.*")
	f.Add("")
	f.Fuzz(func(t *testing.T, s string) {
		e, err := ParseEvent(s)
		in := false
		for _, c := range catalogue {
			in = in || c == s
		}
		if in != (err == nil) {
			t.Fatalf("ParseEvent(%q) = %v, %v; in catalogue = %v", s, e, err, in)
		}
		if err == nil {
			b, merr := e.MarshalText()
			if e.String() != s || merr != nil || string(b) != s {
				t.Fatalf("ParseEvent(%q) round-trips to %q", s, b)
			}
			return
		}
		if e != 0 || !errors.Is(err, ErrUnknownEvent) || !errors.Is(err, apierr.InvalidFormat) {
			t.Fatalf("ParseEvent(%q) error = %v", s, err)
		}
	})
}

// FuzzCheckContentType: whatever the input, CheckContentType does not panic, and it
// accepts only strings whose media type, lowercased and stripped of parameters and
// surrounding spaces, is one of the three the contract allows.
func FuzzCheckContentType(f *testing.F) {
	for _, s := range []string{"application/pdf", "image/jpeg", "IMAGE/PNG; a=b", "image/jpg", "", ";", "image/png;;"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		err := CheckContentType(s)
		if err != nil {
			if !errors.Is(err, apierr.InvalidContentType) {
				t.Fatalf("CheckContentType(%q) error = %v", s, err)
			}
			return
		}
		mt, _, _ := strings.Cut(s, ";")
		switch strings.ToLower(strings.TrimSpace(mt)) {
		case "application/pdf", "image/jpeg", "image/png":
		default:
			t.Fatalf("CheckContentType(%q) accepted media type %q", s, mt)
		}
	})
}

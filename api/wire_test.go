package api_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"strconv"
	"testing"
	"time"

	"github.com/dinie/lending/api"
	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/validation"
)

func TestMoneyJSON(t *testing.T) {
	for _, c := range []struct {
		in   string
		want api.Money
		code apierr.Code
	}{
		{`"25000.00"`, 2500000, ""},
		{`"0.05"`, 5, ""},
		{`25000.00`, 0, apierr.InvalidFormat}, // a JSON number
		{`"25000"`, 0, apierr.InvalidFormat},
		{`"-1.00"`, 0, apierr.InvalidFormat},
		{`"1e3"`, 0, apierr.InvalidFormat},
		{`null`, 0, apierr.InvalidFormat},
		{`"92233720368547758.08"`, 0, apierr.AmountOutOfRange},
	} {
		var m api.Money
		err := json.Unmarshal([]byte(c.in), &m)
		if c.code == "" {
			if err != nil || m != c.want {
				t.Errorf("Unmarshal(%s) = %d, %v; want %d", c.in, m, err, c.want)
			}
			continue
		}
		if !errors.Is(err, c.code) {
			t.Errorf("Unmarshal(%s) = %v, want %s", c.in, err, c.code)
		}
	}
	b, _ := json.Marshal(struct{ A api.Money }{123456})
	if string(b) != `{"A":"1234.56"}` {
		t.Errorf("Marshal = %s", b)
	}
}

func TestInstantJSON(t *testing.T) {
	sp := time.FixedZone("BRT", -3*3600)
	for _, c := range []struct {
		t    time.Time
		want string
	}{
		{time.Date(2026, 4, 1, 20, 59, 59, 0, sp), `"2026-04-01T23:59:59Z"`},
		{time.Date(2026, 4, 1, 23, 59, 59, 5e8, time.UTC), `"2026-04-01T23:59:59.5Z"`},
		{time.Time{}, `null`},
	} {
		b, err := json.Marshal(api.InstantOf(c.t))
		if err != nil || string(b) != c.want {
			t.Errorf("Marshal(%v) = %s, %v; want %s", c.t, b, err, c.want)
		}
		var back api.Instant
		if err := json.Unmarshal(b, &back); err != nil || !back.Equal(c.t) {
			t.Errorf("Unmarshal(%s) = %v, %v", b, back, err)
		}
	}
	// Year 10000 in UTC has no ISO 8601 form.
	if _, err := json.Marshal(api.InstantOf(time.Date(9999, 12, 31, 23, 0, 0, 0, sp))); err == nil {
		t.Error("an instant in year 10000 marshals")
	}
	var in api.Instant
	for _, bad := range []string{`"2026-04-01"`, `1775087999`, `"yesterday"`} {
		if err := json.Unmarshal([]byte(bad), &in); !errors.Is(err, apierr.InvalidFormat) {
			t.Errorf("Unmarshal(%s) = %v, want invalid_format", bad, err)
		}
	}
}

func TestNewID(t *testing.T) {
	src := bytes.NewReader(bytes.Repeat([]byte{0xab}, 16))
	id, err := api.NewID(validation.Loan, src)
	if err != nil || id != "ln_abababababababababababababababab" || validation.CheckID(id, validation.Loan) != nil {
		t.Errorf("NewID = %q, %v", id, err)
	}
	if _, err := api.NewID(validation.Loan, bytes.NewReader(nil)); !errors.Is(err, apierr.Internal) {
		t.Errorf("NewID(empty source) = %v, want internal_error", err)
	}
	if _, err := api.NewID(validation.KYCRequirement, src); !errors.Is(err, apierr.InvalidFormat) {
		t.Errorf("NewID(kyc requirement) = %v, want invalid_format", err)
	}
}

// TestPage: a slow reference (walk the list, count) on every cursor and limit of a
// small collection.
func TestPage(t *testing.T) {
	var items []string
	for i := range 7 {
		items = append(items, "cust_"+strconv.FormatInt(int64(i), 10)+"0000000000000000000000000000000")
	}
	id := func(s string) string { return s }
	for limit := 1; limit <= 8; limit++ {
		for start := -1; start < len(items); start++ {
			after := ""
			if start >= 0 {
				after = items[start]
			}
			got, err := api.Page(items, id, validation.Customer, limit, after)
			if err != nil {
				t.Fatalf("Page(limit %d, after %d) = %v", limit, start, err)
			}
			var want []string
			for i := start + 1; i < len(items) && len(want) < limit; i++ {
				want = append(want, items[i])
			}
			more := start+1+len(want) < len(items)
			if len(got.Data) != len(want) || got.HasMore != more {
				t.Fatalf("Page(limit %d, after %d) = %v %v; want %v %v", limit, start, got.Data, got.HasMore, want, more)
			}
			for i := range want {
				if got.Data[i] != want[i] {
					t.Fatalf("Page(limit %d, after %d)[%d] = %s, want %s", limit, start, i, got.Data[i], want[i])
				}
			}
		}
	}
	for _, c := range []struct {
		limit int
		after string
		code  apierr.Code
		param string
	}{
		{0, "", apierr.ValueOutOfRange, "limit"},
		{101, "", apierr.ValueOutOfRange, "limit"},
		{10, "cust_ffffffffffffffffffffffffffffffff", apierr.InvalidFormat, "starting_after"},
		{10, "ln_00000000000000000000000000000000", apierr.InvalidFormat, "starting_after"},
	} {
		_, err := api.Page(items, id, validation.Customer, c.limit, c.after)
		var e *apierr.Error
		if !errors.As(err, &e) || e.Code != c.code || e.Param != c.param {
			t.Errorf("Page(%d, %q) = %v, want %s/%s", c.limit, c.after, err, c.code, c.param)
		}
	}
	b, _ := json.Marshal(api.List[string]{})
	if string(b) != `{"data":[],"has_more":false}` {
		t.Errorf("empty list = %s", b)
	}
}

// TestParseInstant: each case is read against the date-time grammar of RFC 3339
// §5.6 by hand (time-hour and time-numoffset are two digits, time-secfrac is "."
// and digits) and against the years the wire can write back (1 to 9999 in UTC).
func TestParseInstant(t *testing.T) {
	for _, c := range []struct {
		in   string
		want time.Time // the instant read, when why is nil
		why  error     // ErrSyntax or ErrRange when refused
	}{
		{"2026-04-01T23:59:59Z", time.Date(2026, 4, 1, 23, 59, 59, 0, time.UTC), nil},
		{"2026-04-01T20:59:59-03:00", time.Date(2026, 4, 1, 23, 59, 59, 0, time.UTC), nil},
		{"2026-04-01T23:59:59.5Z", time.Date(2026, 4, 1, 23, 59, 59, 5e8, time.UTC), nil},
		{"2026-04-01T23:59:59.123456789+00:00", time.Date(2026, 4, 1, 23, 59, 59, 123456789, time.UTC), nil},
		{"2026-04-01T10:00:00+23:59", time.Date(2026, 3, 31, 10, 1, 0, 0, time.UTC), nil},
		{"0001-01-01T00:00:01Z", time.Date(1, 1, 1, 0, 0, 1, 0, time.UTC), nil},
		{"0001-01-01T00:00:00Z", time.Time{}, apierr.ErrRange}, // the zero time is null on the wire
		{"0001-01-01T00:00:00.000000001Z", time.Date(1, 1, 1, 0, 0, 0, 1, time.UTC), nil},
		{"9999-12-31T23:59:59Z", time.Date(9999, 12, 31, 23, 59, 59, 0, time.UTC), nil},
		// Shapes RFC 3339 does not have, though time.Parse takes them.
		{"2026-04-01T9:00:00Z", time.Time{}, apierr.ErrSyntax},       // one-digit hour
		{"0000-01-01T0:00:00Z", time.Time{}, apierr.ErrSyntax},       // the fuzz finding
		{"2026-04-01T10:00:00,5Z", time.Time{}, apierr.ErrSyntax},    // comma fraction
		{"2026-04-01T10:00:00+24:00", time.Time{}, apierr.ErrSyntax}, // offset hour 24
		{"2026-04-01T10:00:00+05:60", time.Time{}, apierr.ErrSyntax},
		{"2026-04-01T10:00:00.1234567891Z", time.Time{}, apierr.ErrSyntax}, // below a nanosecond
		{"2026-04-01T10:00:00.Z", time.Time{}, apierr.ErrSyntax},
		{"2026-04-01t10:00:00z", time.Time{}, apierr.ErrSyntax},
		{"2026-04-01 10:00:00Z", time.Time{}, apierr.ErrSyntax},
		{"2026-04-01T10:00:00", time.Time{}, apierr.ErrSyntax}, // no offset
		{"2026-04-01T10:00:00+0300", time.Time{}, apierr.ErrSyntax},
		{"2026-04-01", time.Time{}, apierr.ErrSyntax},
		{"", time.Time{}, apierr.ErrSyntax},
		// The right shape, a field out of range.
		{"2026-13-01T10:00:00Z", time.Time{}, apierr.ErrRange},
		{"2026-02-30T10:00:00Z", time.Time{}, apierr.ErrRange},
		{"2026-04-01T24:00:00Z", time.Time{}, apierr.ErrRange},
		{"2026-04-01T10:00:60Z", time.Time{}, apierr.ErrRange}, // no leap second in time.Time
		// Years the wire cannot write back once in UTC.
		{"0000-06-01T10:00:00Z", time.Time{}, apierr.ErrRange},
		{"0001-01-01T00:30:00+01:00", time.Time{}, apierr.ErrRange}, // year 0 in UTC
		{"9999-12-31T23:00:00-02:00", time.Time{}, apierr.ErrRange}, // year 10000 in UTC
	} {
		got, err := api.ParseInstant(c.in)
		if c.why == nil {
			if err != nil || !got.Equal(c.want) {
				t.Errorf("ParseInstant(%q) = %v, %v; want %v", c.in, got, err, c.want)
			}
			continue
		}
		var e *apierr.Error
		if !errors.As(err, &e) || e.Code != apierr.InvalidFormat || e.Param != "instant" || !errors.Is(err, c.why) {
			t.Errorf("ParseInstant(%q) = %v, %v; want invalid_format on instant, %v", c.in, got, err, c.why)
		}
	}
}

// FuzzParseInstant: ParseInstant accepts what the reference refInstant (the
// grammar's regexp and time.Parse) accepts, as the same instant, and the wire
// writes it back to text that reads as the same instant again.
func FuzzParseInstant(f *testing.F) {
	for _, s := range []string{"2026-04-01T23:59:59Z", "2026-04-01T20:59:59.25-03:00", "0000-01-01T0:00:00Z",
		"0001-01-01T00:30:00+01:00", "9999-12-31T23:59:59+00:00", "2026-04-01T10:00:00,5Z", "2026-02-29T00:00:00Z"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := api.ParseInstant(s)
		ref, ok := refInstant(s)
		if ok != (err == nil) || ok && !ref.Equal(got) {
			t.Fatalf("ParseInstant(%q) = %v, %v; reference %v, %v", s, got, err, ref, ok)
		}
		if err != nil {
			var e *apierr.Error
			if !errors.As(err, &e) || e.Code != apierr.InvalidFormat || e.Param != "instant" {
				t.Fatalf("ParseInstant(%q) = %v; want invalid_format on instant", s, err)
			}
			return
		}
		b, err := json.Marshal(api.InstantOf(got))
		if err != nil {
			t.Fatalf("ParseInstant(%q) = %v, which does not marshal: %v", s, got, err)
		}
		var back api.Instant
		if err := json.Unmarshal(b, &back); err != nil || !back.Equal(got) {
			t.Fatalf("%s (from %q) reads back as %v, %v", b, s, back, err)
		}
	})
}

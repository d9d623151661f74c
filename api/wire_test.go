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

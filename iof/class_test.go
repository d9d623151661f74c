package iof_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/iof"
)

func TestParseClass(t *testing.T) {
	good := []struct {
		s    string
		want iof.Class
	}{
		{"pf", iof.Individual},
		{"pj", iof.Company},
		{"simples", iof.Simples},
		{"mei", iof.MEI},
	}
	for _, tt := range good {
		c, err := iof.ParseClass(tt.s)
		if err != nil || c != tt.want {
			t.Errorf("ParseClass(%q) = %v, %v; want %v", tt.s, c, err, tt.want)
		}
		if c.String() != tt.s {
			t.Errorf("%v.String() = %q, want %q", c, c.String(), tt.s)
		}
	}
	bad := []struct {
		s      string
		reason error
	}{
		{"", apierr.ErrEmpty},
		{"PF", iof.ErrUnknownClass},
		{"Mei", iof.ErrUnknownClass},
		{" pf", iof.ErrUnknownClass},
		{"pf ", iof.ErrUnknownClass},
		{"individual", iof.ErrUnknownClass},
		{"simples-nacional", iof.ErrUnknownClass},
		{"0", iof.ErrUnknownClass},
		{"Class(1)", iof.ErrUnknownClass},
		{"pf\x00", iof.ErrUnknownClass},
	}
	for _, tt := range bad {
		_, err := iof.ParseClass(tt.s)
		var e *apierr.Error
		if !errors.As(err, &e) || e.Code != apierr.InvalidFormat || e.Param != "borrower_class" || !errors.Is(err, tt.reason) {
			t.Errorf("ParseClass(%q) = %v; want invalid_format on borrower_class, reason %v", tt.s, err, tt.reason)
		}
	}
}

func TestClassString(t *testing.T) {
	for c, want := range map[iof.Class]string{0: "Class(0)", 5: "Class(5)", 255: "Class(255)"} {
		if got := c.String(); got != want {
			t.Errorf("Class(%d).String() = %q, want %q", uint8(c), got, want)
		}
		if _, err := c.MarshalText(); err == nil {
			t.Errorf("Class(%d).MarshalText() succeeded", uint8(c))
		}
	}
}

func TestClassJSON(t *testing.T) {
	type offer struct {
		Class iof.Class `json:"borrower_class"`
	}
	b, err := json.Marshal(offer{iof.MEI})
	if err != nil || string(b) != `{"borrower_class":"mei"}` {
		t.Fatalf("Marshal = %s, %v", b, err)
	}
	var o offer
	if err := json.Unmarshal([]byte(`{"borrower_class":"simples"}`), &o); err != nil || o.Class != iof.Simples {
		t.Fatalf("Unmarshal = %v, %v", o.Class, err)
	}
	o.Class = iof.Company
	if err := json.Unmarshal([]byte(`{"borrower_class":"ltda"}`), &o); err == nil || o.Class != iof.Company {
		t.Errorf("Unmarshal(ltda) = %v, %v; want an error and the class unchanged", o.Class, err)
	}
	if _, err := json.Marshal(offer{}); err == nil {
		t.Error("Marshal of the zero class succeeded")
	}
}

// TestApplied checks the R$ 30,000.00 rule of art. 7, VI at its edges.
func TestApplied(t *testing.T) {
	tests := []struct {
		c    iof.Class
		p    int64
		want iof.Class
	}{
		{iof.Simples, 2_999_999, iof.Simples},
		{iof.Simples, 3_000_000, iof.Simples},
		{iof.Simples, 3_000_001, iof.Company},
		{iof.MEI, 3_000_000, iof.MEI},
		{iof.MEI, 3_000_001, iof.Company},
		{iof.Individual, 1_000_000_000, iof.Individual},
		{iof.Company, 1, iof.Company},
		{0, 5_000_000, 0},
	}
	for _, tt := range tests {
		if got := tt.c.Applied(tt.p); got != tt.want {
			t.Errorf("%v.Applied(%d) = %v, want %v", tt.c, tt.p, got, tt.want)
		}
	}
}

package simulation_test

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/calendar"
	"github.com/dinie/lending/internal/strictjson/jsonref"
	"github.com/dinie/lending/iof"
	"github.com/dinie/lending/money"
	"github.com/dinie/lending/schedule"
	"github.com/dinie/lending/simulation"
	"github.com/dinie/lending/statemachine"
)

// FuzzUnmarshalJSON: any bytes either fail with a *apierr.Error or give a
// simulation that marshals back to bytes that read back identically; and,
// differential against the reference reader (jsonref), a document it refuses
// (a key given twice or differing only in case, a value over its bound) is
// refused, and an accepted one has only keys the simulation writes, exactly.
func FuzzUnmarshalJSON(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join(corpusDir, "*.json"))
	for _, file := range files {
		c := loadCase(f, file)
		if len(c.Expected) > 0 && len(c.Expected) < 3<<10 { // large inputs slow the fuzzer down
			f.Add([]byte(c.Expected))
		}
	}
	f.Add([]byte(`{}`))
	f.Add([]byte(`{"id":null}`))
	f.Add([]byte(`{"id":"","id":""}`))
	f.Add([]byte(`{"ID":""}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var s simulation.Simulation
		err := s.UnmarshalJSON(data)
		if err != nil {
			var e *apierr.Error
			if !errors.As(err, &e) {
				t.Fatalf("error %T %v is not a *apierr.Error", err, err)
			}
			return
		}
		b1, err := s.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		_, class, paths := jsonref.Parse(data)
		_, _, written := jsonref.Parse(b1)
		if class != jsonref.OK {
			t.Fatalf("accepted %q; the reference says %s", data, class)
		}
		if p := jsonref.Subset(paths, written); p != "" {
			t.Fatalf("accepted %q with key %q, which MarshalJSON never writes", data, p)
		}
		var back simulation.Simulation
		if err := back.UnmarshalJSON(b1); err != nil {
			t.Fatalf("re-reading %s: %v", b1, err)
		}
		b2, _ := back.MarshalJSON()
		if string(b1) != string(b2) {
			t.Fatalf("round trip differs:\n%s\n%s", b1, b2)
		}
		c := s.Cents()
		if c.Total != c.Amount+c.Interest+c.Fees+c.IOF {
			t.Fatalf("accepted a simulation breaking the invariant: %+v", c)
		}
	})
}

func loadCase(f *testing.F, file string) goldenCase {
	raw, err := os.ReadFile(file)
	if err != nil {
		f.Fatal(err)
	}
	var c goldenCase
	if err := json.Unmarshal(raw, &c); err != nil {
		f.Fatal(err)
	}
	return c
}

// FuzzSimulate: no offer, request or options makes Simulate panic; it returns a
// simulation satisfying the invariants or a *apierr.Error.
func FuzzSimulate(f *testing.F) {
	f.Add("10000.00", 12, "3", int64(739684), int64(0), uint8(0), uint8(0), uint8(4), false, "0", "0", "1.00", "1000000000.00", 0)
	f.Add("29800.00", 12, "2", int64(739684), int64(0), uint8(0), uint8(0), uint8(4), true, "50.00", "1.5", "1.00", "50000.00", 0)
	f.Add("5000.00", 12, "10", int64(739620), int64(739798), uint8(4), uint8(2), uint8(1), false, "0", "0", "1.00", "50000.00", 366)
	f.Add("1.00", 420, "100", int64(735618), int64(0), uint8(1), uint8(1), uint8(2), true, "0.01", "99.9999999999", "1.00", "1.00", 1)
	f.Fuzz(func(t *testing.T, amount string, n int, rateText string, release, firstDue int64,
		roll, dayCount, class uint8, financed bool, feeFixed, feePercent, minAmount, maxAmount string, bound int) {
		r, err := schedule.ParsePercentPerMonth(rateText)
		if err != nil {
			return
		}
		o := statemachine.Offer{
			Status: statemachine.OfferAvailable, InterestRate: r, MinInstallments: 1, MaxInstallments: 420,
			ValidUntil: time.Unix(1e9, 0), BorrowerClass: iof.Class(class),
		}
		for _, p := range []struct {
			s   string
			dst *decimal.Decimal
		}{{feeFixed, &o.FeeFixed}, {feePercent, &o.FeePercent}, {minAmount, &o.MinAmount}, {maxAmount, &o.ApprovedAmount}} {
			d, err := decimal.NewFromString(p.s)
			if err != nil {
				return
			}
			*p.dst = d
		}
		req, err := simulation.ParseRequest(amount, n)
		if err != nil {
			return
		}
		opts := simulation.Options{
			Now: time.Unix(1e9, 0), Release: dateFromDay(release), FirstDue: dateFromDay(firstDue),
			Roll: calendar.Roll(roll), DayCount: schedule.DayCount(dayCount), FirstPeriodMaxDays: bound,
		}
		if financed {
			opts.Charges = simulation.Financed
		}
		s, err := simulation.Simulate(o, req, opts)
		if err != nil {
			var e *apierr.Error
			if !errors.As(err, &e) {
				t.Fatalf("error %T %v is not a *apierr.Error", err, err)
			}
			return
		}
		c := s.Cents()
		if c.Amount <= 0 || c.Total != c.Amount+c.Interest+c.Fees+c.IOF || c.Principal != c.Amount+c.Fees+c.IOF {
			t.Fatalf("invariant broken: %+v", c)
		}
		if _, err := s.MarshalJSON(); err != nil {
			t.Fatal(err)
		}
	})
}

// dateFromDay turns a fuzzed integer into a date: days after 0001-01-01, or the
// zero Date (unset) when out of range.
func dateFromDay(n int64) calendar.Date {
	if n <= 0 || n > 3_652_058 {
		return calendar.Date{}
	}
	d, err := calendar.Date{}.AddDays(int(n))
	if err != nil {
		return calendar.Date{}
	}
	return d
}

// FuzzParseRequest: ParseRequest accepts exactly the wire format.
func FuzzParseRequest(f *testing.F) {
	for _, s := range []string{"25000.00", "0.01", "25000", "1e3", "-1.00", "007.50", " 1.00", "1.005",
		"100000000000000000.00", "92233720368547758.07", "92233720368547758.08"} { // issue 19: one domain
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, err := simulation.ParseRequest(s, 12)
		c, cerr := money.ParseCents(s)
		if (err == nil) != (cerr == nil) {
			t.Fatalf("ParseRequest(%q) = %v; ParseCents %v", s, err, cerr)
		}
		if err != nil {
			var e *apierr.Error
			if !errors.As(err, &e) || e.Param != "requested_amount" {
				t.Fatalf("ParseRequest(%q) error %v", s, err)
			}
			return
		}
		if got, _ := money.ToCents(r.RequestedAmount); got != c {
			t.Fatalf("ParseRequest(%q) = %s, want %d cents", s, r.RequestedAmount, c)
		}
	})
}

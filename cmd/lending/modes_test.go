package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/money"
	"github.com/dinie/lending/simulation"
)

// TestSimulateByInstallment: --installment-value simulates the largest amount
// whose installment fits, deducted and financed; one cent more does not fit
// (checked by simulating it).
func TestSimulateByInstallment(t *testing.T) {
	base := []string{"--installments", "12", "--rate", "3", "--now", "2026-03-10T12:00:00Z", "--release", "2026-03-10", "--json"}
	for _, extra := range [][]string{nil, {"--charges", "financed", "--fee-fixed", "50.00", "--fee-percent", "1"}} {
		args := append(append([]string{"--installment-value", "500.00"}, base...), extra...)
		code, out, errOut := runSimulateCLI(t, "", args...)
		if code != exitOK || errOut != "" {
			t.Fatalf("%v: exit %d, stderr %q", args, code, errOut)
		}
		var s simulation.Simulation
		if err := s.UnmarshalJSON([]byte(out)); err != nil {
			t.Fatal(err)
		}
		if s.InstallmentsCents() > 50000 {
			t.Fatalf("%v: installment %d above 500.00", extra, s.InstallmentsCents())
		}
		next := money.FormatCents(s.Cents().Requested + 1)
		code, out, _ = runSimulateCLI(t, "", append(append([]string{"--amount", next}, base...), extra...)...)
		var n simulation.Simulation
		if code == exitOK && n.UnmarshalJSON([]byte(out)) == nil && n.InstallmentsCents() <= 50000 {
			t.Fatalf("%v: %s has installment %d, within 500.00", extra, next, n.InstallmentsCents())
		}
	}
}

func TestSimulateModesUsage(t *testing.T) {
	base := []string{"--installments", "12", "--now", "2026-03-10T12:00:00Z", "--release", "2026-03-10"}
	for _, extra := range [][]string{
		{"--amount", "1000.00", "--installment-value", "100.00", "--rate", "3"},
		{"--rate", "3"},
		{"--amount", "1000.00", "--rate", "3", "--annual-rate", "30"},
		{"--amount", "1000.00"},
		{"--amount", "1000.00", "--rate", "3", "--grace", "x"},
		{"--amount", "1000.00", "--rate", "3", "--grace", "1", "--grace", "2"},
	} {
		code, out, errOut := runSimulateCLI(t, "", append(append([]string{}, base...), extra...)...)
		if code != exitUsage || out != "" || !strings.Contains(errOut, "usage:") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", extra, code, out, errOut)
		}
	}
}

// TestSimulateModesBatch: the new keys, and their errors named by the key.
func TestSimulateModesBatch(t *testing.T) {
	common := `"installments":12,"now":"2026-03-10T12:00:00Z","release":"2026-03-10"`
	in := strings.Join([]string{
		`{"installment_value":"500.00","rate":3,` + common + `}`,
		`{"amount":"10000.00","annual_rate":30,"day_count":"business252","grace":2,"amortization":"sac",` + common + `}`,
		`{"amount":"10000.00","installment_value":"500.00","rate":3,` + common + `}`,
		`{"amount":"10000.00","rate":3,"annual_rate":30,` + common + `}`,
		`{"amount":"10000.00","annual_rate":409501,` + common + `}`,
		`{"amount":"10000.00","rate":3,"grace":12,` + common + `}`,
		`{"amount":"10000.00","rate":3,"grace":1.5,` + common + `}`,
		`{"amount":"10000.00","rate":3,"amortization":"german",` + common + `}`,
		`{"installment_value":"0.05","rate":3,` + common + `}`,
		`{"installment_value":"5.5","rate":3,` + common + `}`,
		`{"amount":"10000.00",` + common + `}`,
	}, "\n")
	code, out, _ := runSimulateCLI(t, in, "--batch")
	if code != exitInvalid {
		t.Fatalf("exit %d", code)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	want := []string{
		`{"id":""`,
		`{"id":""`,
		`{"error":{"code":"invalid_format","param":"installment_value"`,
		`{"error":{"code":"invalid_format","param":"annual_rate"`,
		`{"error":{"code":"rate_out_of_range","param":"annual_rate"`,
		`{"error":{"code":"value_out_of_range","param":"grace"`,
		`{"error":{"code":"invalid_format","param":"grace"`,
		`{"error":{"code":"invalid_format","param":"amortization"`,
		`{"error":{"code":"amount_out_of_range","param":"installment_value"`,
		`{"error":{"code":"invalid_format","param":"installment_value"`,
		`{"error":{"code":"missing_required_field","param":"rate"`,
	}
	if len(lines) != len(want) {
		t.Fatalf("%d lines:\n%s", len(lines), out)
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("line %d = %.200s\nwant %s…", i+1, lines[i], w)
		}
	}
	var s simulation.Simulation
	if err := s.UnmarshalJSON([]byte(lines[1])); err != nil || !s.RatePerYear() || s.Grace() != 2 || s.Amortization().String() != "sac" {
		t.Errorf("line 2: %v, per year %v, grace %d, %s", err, s.RatePerYear(), s.Grace(), s.Amortization())
	}
}

// FuzzSimulateNewKeys: the batch keys installment_value, annual_rate, grace and
// amortization (and day_count, with the new names) from fuzzed values: every
// line is one JSON line, a simulation that reads back — whose installment is at
// most installment_value when that was asked, and whose modes are the ones
// given — or an error object with a code of the library and a detail.
func FuzzSimulateNewKeys(f *testing.F) {
	f.Add("500.00", "", "30", "0", "price", "monthly", "deducted")
	f.Add("", "10000.00", "12.5", "2", "sac", "business252", "financed")
	f.Add("1000000000.00", "", "409500", "419", "sac", "actual365", "financed")
	f.Add("0.01", "", "-1", "-1", "SAC", "30/360", "x")
	f.Add("", "1.00", "1e-11", "1e3", "", "periodic", "deducted")
	now := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, installmentValue, amount, annual, grace, amortization, dayCount, charges string) {
		fields := []string{`"installments":12`, `"release":"2026-03-10"`}
		add := func(k, v string, quoted bool) {
			if v == "" {
				return
			}
			if quoted {
				b, _ := json.Marshal(v)
				v = string(b)
			}
			fields = append(fields, fmt.Sprintf("%q:%s", k, v))
		}
		add("installment_value", installmentValue, true)
		add("amount", amount, true)
		add("annual_rate", annual, false)
		add("grace", grace, false)
		add("amortization", amortization, true)
		add("day_count", dayCount, true)
		add("charges", charges, true)
		line := []byte("{" + strings.Join(fields, ",") + "}")
		out, ok := simulateAnswer(line, func() time.Time { return now })
		if bytes.Count(out, []byte("\n")) != 1 || out[len(out)-1] != '\n' {
			t.Fatalf("answer %q is not one line", out)
		}
		if ok {
			var s simulation.Simulation
			if err := s.UnmarshalJSON(out); err != nil {
				t.Fatalf("%s: answer does not read back: %v", line, err)
			}
			if x, err := money.ParseCents(installmentValue); err == nil && amount == "" && s.InstallmentsCents() > x {
				t.Fatalf("%s: installment %d above installment_value %d", line, s.InstallmentsCents(), x)
			}
			if s.Amortization().String() != amortization && amortization != "" || s.DayCount().String() != dayCount && dayCount != "" {
				t.Fatalf("%s: modes %s, %s", line, s.Amortization(), s.DayCount())
			}
			return
		}
		var e struct {
			Error *apierr.Error `json:"error"`
		}
		if err := json.Unmarshal(out, &e); err != nil || e.Error == nil || e.Error.Code == "" || e.Error.Detail == "" || e.Error.Code == apierr.Internal {
			t.Fatalf("%s: answer %s is not an error object: %v", line, out, err)
		}
	})
}

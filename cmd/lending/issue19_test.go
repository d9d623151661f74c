package main

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/dinie/lending/apierr"
)

// TestIssue19Reproducers: every input issue 19 found read as something else,
// and its answer now. Each expectation is the issue's rule applied by hand:
// exponents that wrapped an int64 are out of range or too precise, duplicate
// and case-folded keys are invalid_format naming the key, the zero date given
// is date_out_of_range, unbounded fields are refused without echoing them.
func TestIssue19Reproducers(t *testing.T) {
	const at = `"release":"2026-03-10","now":"2026-03-10T12:00:00Z"`
	sim := func(keys string) string { return `{"amount":"10000.00","installments":12,` + keys + `,` + at + `}` }
	cetLine := func(extra string) string {
		return `{"release":"2026-03-10","net":"940.00","flows":[{"date":"2026-04-10","amount":"100.00"},{"date":"2026-05-10","amount":"900.00"}]` + extra + `}`
	}
	flags := []string{"--amount", "10000.00", "--installments", "12", "--release", "2026-03-10", "--now", "2026-03-10T12:00:00Z"}
	for _, c := range []struct {
		name  string
		args  []string // the command line; with stdin, a batch
		stdin string
		exit  int
		code  apierr.Code // the batch line's or stderr's code; "" for a usage error
		param string
	}{
		// Rate exponent overflow: was 3 % a.m., 0.0000000001 % a.m., 0.1 % a.m., all exit 0.
		{"batch rate 3e18446744073709551616", []string{"simulate", "--batch"}, sim(`"rate":3e18446744073709551616`), 1, apierr.RateOutOfRange, "rate"},
		{"batch rate 1e9223372036854775807", []string{"simulate", "--batch"}, sim(`"rate":1e9223372036854775807`), 1, apierr.RateOutOfRange, "rate"},
		{"batch rate 1e-18446744073709551617", []string{"simulate", "--batch"}, sim(`"rate":1e-18446744073709551617`), 1, apierr.InvalidFormat, "rate"},
		{"batch annual_rate 1e-18446744073709551617", []string{"simulate", "--batch"}, sim(`"annual_rate":1e-18446744073709551617`), 1, apierr.InvalidFormat, "annual_rate"},
		{"batch fee_percent 1e-18446744073709551617", []string{"simulate", "--batch"}, sim(`"rate":3,"fee_percent":1e-18446744073709551617`), 1, apierr.InvalidFormat, "fee_percent"},
		{"batch fee_percent 1e18446744073709551616", []string{"simulate", "--batch"}, sim(`"rate":3,"fee_percent":1e18446744073709551616`), 1, apierr.RateOutOfRange, "fee_percent"},
		{"solve rate 3e18446744073709551616", []string{"solve", "--batch"}, `{"amount":"10000.00","installment":"1000.00","rate":3e18446744073709551616}`, 1, apierr.RateOutOfRange, "rate"},
		{"flag --rate 3e18446744073709551616", append([]string{"simulate", "--rate", "3e18446744073709551616"}, flags...), "", 1, apierr.RateOutOfRange, ""},
		{"flag --annual-rate 1e-18446744073709551617", append([]string{"simulate", "--annual-rate", "1e-18446744073709551617"}, flags...), "", 1, apierr.InvalidFormat, ""},
		{"schedule --rate 1e9223372036854775807", []string{"schedule", "--amount", "10000.00", "--installments", "12", "--rate", "1e9223372036854775807", "--release", "2026-03-10"}, "", 1, apierr.RateOutOfRange, ""},
		// Duplicate and case-folded keys: was a CET of 488,357.62 % (the last "NeT" won), all-caps accepted, the last amount won.
		{"cet NeT after net", []string{"cet", "--batch"}, cetLine(`,"NeT":"100.00"`), 1, apierr.InvalidFormat, "NeT"},
		{"cet all caps", []string{"cet", "--batch"}, `{"RELEASE":"2026-03-10","NET":"940.00","FLOWS":[{"DATE":"2026-04-10","AMOUNT":"1000.00"}]}`, 1, apierr.InvalidFormat, "RELEASE"},
		{"cet duplicate inside a flow", []string{"cet", "--batch"}, `{"release":"2026-03-10","net":"940.00","flows":[{"date":"2026-04-10","amount":"1.00","amount":"1000.00"}]}`, 1, apierr.InvalidFormat, "flows[0].amount"},
		{"cet unknown key", []string{"cet", "--batch"}, cetLine(`,"id":"x"`), 1, apierr.InvalidFormat, "id"},
		{"simulate amount twice", []string{"simulate", "--batch"}, `{"amount":"-1.00","amount":"10000.00","installments":12,"rate":3,` + at + `}`, 1, apierr.InvalidFormat, "amount"},
		{"loan key differing in case", []string{"loan", "--batch"}, `{"loan":{"amount":"10000.00","installments":12,"rate":3,"Rate":4,` + at + `}}`, 1, apierr.InvalidFormat, "loan.Rate"},
		// The zero date as "absent": was defaulted (first_due) or missing (release).
		{"batch first_due 0001-01-01", []string{"simulate", "--batch"}, sim(`"rate":3,"first_due":"0001-01-01"`), 1, apierr.DateOutOfRange, "first_due"},
		{"flag --first-due 0001-01-01", append([]string{"simulate", "--rate", "3", "--first-due", "0001-01-01"}, flags...), "", 1, apierr.DateOutOfRange, ""},
		{"batch release 0001-01-01", []string{"simulate", "--batch"}, `{"amount":"10000.00","installments":12,"rate":3,"release":"0001-01-01","now":"2026-03-10T12:00:00Z"}`, 1, apierr.DateOutOfRange, "release"},
		{"cet release 0001-01-01", []string{"cet", "--batch"}, `{"release":"0001-01-01","net":"940.00","flows":[{"date":"2026-04-10","amount":"1000.00"}]}`, 1, apierr.DateOutOfRange, "release"},
		// 0000-01-01: the same code in simulate and cet.
		{"simulate release 0000-01-01", []string{"simulate", "--batch"}, `{"amount":"10000.00","installments":12,"rate":3,"release":"0000-01-01","now":"2026-03-10T12:00:00Z"}`, 1, apierr.DateOutOfRange, "release"},
		{"cet release 0000-01-01", []string{"cet", "--batch"}, `{"release":"0000-01-01","net":"940.00","flows":[{"date":"2026-04-10","amount":"1000.00"}]}`, 1, apierr.DateOutOfRange, "release"},
		// Instants RFC 3339 does not have: were read by time.Parse (a one-digit hour, an offset of 24 hours).
		{"batch now with a one-digit hour", []string{"simulate", "--batch"}, `{"amount":"10000.00","installments":12,"rate":3,"release":"2026-03-10","now":"2026-03-10T9:00:00Z"}`, 1, apierr.InvalidFormat, "now"},
		{"flag --now +24:00", []string{"simulate", "--amount", "10000.00", "--installments", "12", "--rate", "3", "--release", "2026-03-10", "--now", "2026-03-10T12:00:00+24:00"}, "", 1, apierr.InvalidFormat, ""},
		// Unbounded fields: was 2 s of CPU and a megabyte echoed.
		{"fee_percent of 1 MiB", []string{"simulate", "--batch"}, sim(`"rate":3,"fee_percent":1` + strings.Repeat("0", 1<<20-200)), 1, apierr.RateOutOfRange, "fee_percent"},
		{"a string of 1 MiB", []string{"simulate", "--batch"}, sim(`"rate":3,"borrower":"` + strings.Repeat("x", 1<<20-200) + `"`), 1, apierr.InvalidFormat, "borrower"},
		// A 10,000-digit installment count: was "not an integer".
		{"installments of 10,000 digits", []string{"simulate", "--batch"}, `{"amount":"10000.00","installments":1` + strings.Repeat("0", 10000) + `,"rate":3,` + at + `}`, 1, apierr.InstallmentsOutOfRange, "installments"},
		// One money domain: 100000000000000000.00 is refused by the request parser as by ParseCents.
		{"amount 100000000000000000.00", []string{"simulate", "--batch"}, `{"amount":"100000000000000000.00","installments":12,"rate":3,` + at + `}`, 1, apierr.AmountOutOfRange, "amount"},
		// Details name the relabelled param (the checks are in TestRelabelledDetails).
		{"fee_fixed relabelled", []string{"simulate", "--batch"}, sim(`"rate":3,"fee_fixed":"1,00"`), 1, apierr.InvalidFormat, "fee_fixed"},
		{"net relabelled", []string{"cet", "--batch"}, `{"release":"2026-03-10","net":"9.999","flows":[{"date":"2026-04-10","amount":"1000.00"}]}`, 1, apierr.InvalidFormat, "net"},
		// A line of exactly 1 MiB is read (the docs refuse lines over 1 MiB), one byte more is refused.
		{"a line of exactly 1 MiB", []string{"simulate", "--batch"}, pad(sim(`"rate":3`), 1<<20), 0, "", ""},
		{"a line of 1 MiB + 1", []string{"simulate", "--batch"}, pad(sim(`"rate":3`), 1<<20+1), 1, apierr.MalformedBody, ""},
		// A repeated flag is a usage error, exit 2 (issue 12).
		{"--rate 3 --rate 4", append([]string{"simulate", "--rate", "3", "--rate", "4"}, flags...), "", 2, "", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			stdin := ""
			if c.stdin != "" {
				stdin = c.stdin + "\n"
			}
			code, out, errOut := runCLI(t, stdin, c.args...)
			if code != c.exit {
				t.Fatalf("exit %d, want %d; stdout %.300s; stderr %.300s", code, c.exit, out, errOut)
			}
			if len(out) > 8<<10 && c.exit != 0 || len(errOut) > 8<<10 {
				t.Errorf("output of %d + %d bytes: the input is echoed", len(out), len(errOut))
			}
			switch {
			case c.exit == 2:
				if !strings.Contains(errOut, "usage:") {
					t.Errorf("stderr %.300s; want a usage error", errOut)
				}
			case c.stdin == "":
				if !strings.HasPrefix(errOut, string(c.code)+": ") {
					t.Errorf("stderr %.300s; want %s", errOut, c.code)
				}
			case c.code != "":
				var line struct{ Error *apierr.Error }
				if err := json.Unmarshal([]byte(out), &line); err != nil || line.Error == nil ||
					line.Error.Code != c.code || line.Error.Param != c.param {
					t.Errorf("answer %.300s; want %s on %q", out, c.code, c.param)
				}
			}
		})
	}
}

// pad puts white space before line so that it is n bytes long.
func pad(line string, n int) string { return strings.Repeat(" ", n-len(line)) + line }

// TestRelabelledDetails: after the param is relabelled, the detail names the
// new param, not "amount" (issue 19).
func TestRelabelledDetails(t *testing.T) {
	const at = `"release":"2026-03-10","now":"2026-03-10T12:00:00Z"`
	for _, c := range []struct{ cmd, line, param string }{
		{"simulate", `{"amount":"10000.00","installments":12,"rate":3,"fee_fixed":"1,00",` + at + `}`, "fee_fixed"},
		{"simulate", `{"amount":"10000.00","installments":12,"rate":3,"max_amount":"x",` + at + `}`, "max_amount"},
		{"simulate", `{"amount":"10000.00","installments":12,"rate":3,"min_amount":"-1.00",` + at + `}`, "min_amount"},
		{"cet", `{"release":"2026-03-10","net":"9.999","flows":[{"date":"2026-04-10","amount":"1000.00"}]}`, "net"},
	} {
		_, out, _ := runCLI(t, c.line+"\n", c.cmd, "--batch")
		var line struct{ Error *apierr.Error }
		if err := json.Unmarshal([]byte(out), &line); err != nil || line.Error == nil || line.Error.Param != c.param ||
			!strings.HasPrefix(line.Error.Detail, c.param+" ") || strings.Contains(line.Error.Detail, " amount ") {
			t.Errorf("%s: %s; want the detail to start with %q", c.param, out, c.param)
		}
	}
}

// TestBatchClockPerLine: a batch that crosses midnight in São Paulo reads the
// clock once per line, and that one reading is both the line's "now" and its
// "today" (the default release): 02:59:59Z is 23:59:59 of the 10th in São
// Paulo (UTC−3), 03:00:00Z midnight of the 11th (issue 19).
func TestBatchClockPerLine(t *testing.T) {
	readings := []time.Time{
		time.Date(2026, 3, 11, 2, 59, 59, 0, time.UTC),
		time.Date(2026, 3, 11, 3, 0, 0, 0, time.UTC),
	}
	calls := 0
	clock := func() time.Time {
		now := readings[min(calls, len(readings)-1)]
		calls++
		return now
	}
	want := []struct{ created, release string }{
		{"2026-03-11T02:59:59Z", "2026-03-10"},
		{"2026-03-11T03:00:00Z", "2026-03-11"},
	}
	for i, w := range want {
		out, ok := simulateAnswer([]byte(`{"amount":"10000.00","installments":12,"rate":3}`), clock)
		var got struct {
			Breakdown struct {
				CreatedAt   string `json:"created_at"`
				ReleaseDate string `json:"release_date"`
			} `json:"breakdown"`
		}
		if !ok || json.Unmarshal(out, &got) != nil || got.Breakdown.CreatedAt != w.created || got.Breakdown.ReleaseDate != w.release {
			t.Errorf("line %d: %.200s; want created_at %s, release_date %s", i+1, out, w.created, w.release)
		}
		if calls != i+1 {
			t.Errorf("line %d: the clock was read %d times in all; want once per line", i+1, calls)
		}
	}
}

// TestRepeatedFlagEveryCommand: a flag given twice is a usage error, exit 2,
// in every command that takes flags (issue 12: the flag package would keep the
// last value silently).
func TestRepeatedFlagEveryCommand(t *testing.T) {
	for _, args := range [][]string{
		{"simulate", "--amount", "10000.00", "--installments", "12", "--rate", "3", "--rate", "4"},
		{"schedule", "--amount", "10000.00", "--installments", "12", "--rate", "3", "--rate", "4"},
		{"solve", "--amount", "10000.00", "--installment", "1000.00", "--rate", "3", "--rate", "4"},
		{"loan", "--batch", "--batch"},
		{"payoff", "--amount", "1.00", "--amount", "2.00", "--installments", "1", "--rate", "0", "--on", "2026-01-01"},
		{"webhook", "sign", "--id", "msg_1", "--id", "msg_2"},
		{"webhook", "verify", "--tolerance", "1", "--tolerance", "2"},
		{"validate", "--strict", "--strict", "cpf", "52998224725"},
		{"serve", "--addr", "127.0.0.1:0", "--addr", "127.0.0.1:1"},
	} {
		code, out, errOut := runCLI(t, "", args...)
		if code != exitUsage || out != "" || !strings.Contains(errOut, "given twice") || !strings.Contains(errOut, "usage:") {
			t.Errorf("%q: exit %d, stdout %.100q, stderr %.200q; want a usage error (exit 2)", args, code, out, errOut)
		}
	}
}

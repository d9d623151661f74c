package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/simulation"
)

func runSimulateCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	return runCLI(t, stdin, append([]string{"simulate"}, args...)...)
}

// TestSimulateFirstCommand: simulate is the CLI's main job, first in the table.
func TestSimulateFirstCommand(t *testing.T) {
	if c := commands()[0]; c.name != "simulate" {
		t.Errorf("first command is %q", c.name)
	}
}

// TestSimulateSummary: the readable output of the golden case regular-12
// (testdata/simulation/regular-12.json, whose figures the simulation package's
// reference implementation checks).
func TestSimulateSummary(t *testing.T) {
	code, out, errOut := runSimulateCLI(t, "", "--amount", "10000.00", "--installments", "12", "--rate", "3",
		"--now", "2026-03-10T12:00:00Z", "--release", "2026-03-10")
	if code != exitOK || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	want := `requested amount  10000.00
amount (net)      9904.49
fees              0.00
IOF               95.51  (daily 57.51 + additional 38.00; mei rates 0.00274% a day + 0.38%)
interest          2055.45
total             12055.45
installments      12 × 1004.62  (first due 2026-04-10)
interest rate     3 % a.m.      (42.58 % a.a.)
CET               44.87 % a.a.  (3.14 % a.m.)
principal         10000.00      (charges deducted)
release           2026-03-10
day count         monthly
roll              following

      #  nominal date    due date   payment  interest  principal  balance
      1    2026-04-10  2026-04-10   1004.62    300.00     704.62  9295.38
      2    2026-05-10  2026-05-11   1004.62    278.86     725.76  8569.62
      3    2026-06-10  2026-06-10   1004.62    257.09     747.53  7822.09
      4    2026-07-10  2026-07-10   1004.62    234.66     769.96  7052.13
      5    2026-08-10  2026-08-10   1004.62    211.56     793.06  6259.07
      6    2026-09-10  2026-09-10   1004.62    187.77     816.85  5442.22
      7    2026-10-10  2026-10-13   1004.62    163.27     841.35  4600.87
      8    2026-11-10  2026-11-10   1004.62    138.03     866.59  3734.28
      9    2026-12-10  2026-12-10   1004.62    112.03     892.59  2841.69
     10    2027-01-10  2027-01-11   1004.62     85.25     919.37  1922.32
     11    2027-02-10  2027-02-10   1004.62     57.67     946.95   975.37
     12    2027-03-10  2027-03-10   1004.63     29.26     975.37     0.00
  total                            12055.45   2055.45   10000.00
`
	if out != want {
		t.Errorf("output:\n%s\nwant:\n%s", out, want)
	}
}

// corpusCase is a file of testdata/simulation (see its README).
type corpusCase struct {
	Checked  string          `json:"checked"`
	Input    json.RawMessage `json:"input"`
	Expected json.RawMessage `json:"expected"`
}

func loadSimulateCorpus(t testing.TB) map[string]corpusCase {
	t.Helper()
	files, err := filepath.Glob("../../testdata/simulation/*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus: %v", err)
	}
	cases := map[string]corpusCase{}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var c corpusCase
		if err := json.Unmarshal(raw, &c); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		cases[filepath.Base(f)] = c
	}
	return cases
}

// TestSimulateJSON: --json is the simulation's JSON, indented: for the golden
// case regular-12, its expected output.
func TestSimulateJSON(t *testing.T) {
	code, out, errOut := runSimulateCLI(t, "", "--amount", "10000.00", "--installments", "12", "--rate", "3",
		"--now", "2026-03-10T12:00:00Z", "--release", "2026-03-10", "--json")
	if code != exitOK || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	var got, want bytes.Buffer
	json.Compact(&got, []byte(out))
	json.Compact(&want, loadSimulateCorpus(t)["regular-12.json"].Expected)
	if got.String() != want.String() {
		t.Errorf("--json:\n%s\nwant:\n%s", got.String(), want.String())
	}
	if !strings.HasSuffix(out, "}\n") || !strings.Contains(out, "\n  \"breakdown\": {") {
		t.Errorf("not indented JSON with a final newline")
	}
}

// TestSimulateCorpus feeds every input of the golden corpus to --batch, in one
// batch, and checks each line against the case's expected output (an error line
// with the param renamed to the input key).
func TestSimulateCorpus(t *testing.T) {
	cases := loadSimulateCorpus(t)
	var names []string
	var in bytes.Buffer
	for name, c := range cases {
		var compact bytes.Buffer
		json.Compact(&compact, c.Input)
		in.Write(compact.Bytes())
		in.WriteString("\n\n") // blank lines are skipped
		names = append(names, name)
	}
	code, out, errOut := runSimulateCLI(t, in.String(), "--batch")
	if code != exitInvalid || errOut != "" { // the corpus has error cases
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != len(names) {
		t.Fatalf("%d lines for %d inputs", len(lines), len(names))
	}
	for i, name := range names {
		var want bytes.Buffer
		json.Compact(&want, cases[name].Expected)
		var e struct {
			Error *apierr.Error `json:"error"`
		}
		if json.Unmarshal(want.Bytes(), &e) == nil && e.Error != nil {
			var got struct {
				Error *apierr.Error `json:"error"`
			}
			json.Unmarshal([]byte(lines[i]), &got)
			param := e.Error.Param
			if k, ok := batchParam[param]; ok {
				param = k
			}
			if got.Error == nil || got.Error.Code != e.Error.Code || got.Error.Param != param || got.Error.Detail == "" {
				t.Errorf("%s: %s, want code %s param %s", name, lines[i], e.Error.Code, param)
			}
			continue
		}
		if lines[i] != want.String() {
			t.Errorf("%s:\n got %s\nwant %s", name, lines[i], want.String())
		}
	}
}

// TestSimulateBatchLines: one answer per line, in order, whatever the line.
func TestSimulateBatchLines(t *testing.T) {
	now := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name, line  string
		code, param string // empty code: a simulation
	}{
		{"ok, release defaults to today", `{"amount":"10000.00","installments":12,"rate":3}`, "", ""},
		{"exact rate", `{"amount":"25000.00","installments":42,"rate":0.629890,"day_count":"periodic","now":"2026-01-15T12:00:00Z","release":"2026-01-15","first_due":"2026-02-15"}`, "", ""},
		{"rate with an exponent", `{"amount":"1000.00","installments":3,"rate":1e0,"now":"2026-03-10T12:00:00Z","release":"2026-03-10"}`, "", ""},
		{"nulls are absent", `{"amount":"1000.00","installments":3,"rate":1,"release":null,"fee_fixed":null}`, "", ""},
		{"not JSON", `{"amount":`, "malformed_body", ""},
		{"two objects", `{} {}`, "malformed_body", ""},
		{"an array", `[1]`, "malformed_body", ""},
		{"missing amount", `{"installments":12,"rate":3}`, "missing_required_field", "amount"},
		{"missing installments", `{"amount":"1000.00","rate":3}`, "missing_required_field", "installments"},
		{"missing rate", `{"amount":"1000.00","installments":12}`, "missing_required_field", "rate"},
		{"unknown key", `{"amount":"1000.00","installments":12,"rate":3,"fee_percentage":1}`, "invalid_format", "fee_percentage"},
		{"money as a number", `{"amount":1000.00,"installments":12,"rate":3}`, "invalid_format", "amount"},
		{"money in the wrong format", `{"amount":"1000","installments":12,"rate":3}`, "invalid_format", "amount"},
		{"rate as a string", `{"amount":"1000.00","installments":12,"rate":"3"}`, "invalid_format", "rate"},
		{"count as a float", `{"amount":"1000.00","installments":12.0,"rate":3}`, "invalid_format", "installments"},
		{"count out of range", `{"amount":"1000.00","installments":421,"rate":3}`, "installments_out_of_range", "installments"},
		{"rate out of range", `{"amount":"1000.00","installments":12,"rate":101}`, "rate_out_of_range", "rate"},
		{"rate too precise", `{"amount":"1000.00","installments":12,"rate":0.00000000001}`, "invalid_format", "rate"},
		{"above max", `{"amount":"60000.00","installments":12,"rate":3,"max_amount":"50000.00"}`, "amount_out_of_range", "amount"},
		{"below min", `{"amount":"600.00","installments":12,"rate":3,"min_amount":"1000.00"}`, "amount_out_of_range", "amount"},
		{"min above max", `{"amount":"600.00","installments":12,"rate":3,"min_amount":"1000.00","max_amount":"999.00"}`, "amount_out_of_range", "min_amount"},
		{"bad borrower", `{"amount":"1000.00","installments":12,"rate":3,"borrower":"PF"}`, "invalid_format", "borrower"},
		{"bad charges", `{"amount":"1000.00","installments":12,"rate":3,"charges":"upfront"}`, "invalid_format", "charges"},
		{"bad roll", `{"amount":"1000.00","installments":12,"rate":3,"roll":"next"}`, "invalid_format", "roll"},
		{"bad day count", `{"amount":"1000.00","installments":12,"rate":3,"day_count":"30/360"}`, "invalid_format", "day_count"},
		{"bad date", `{"amount":"1000.00","installments":12,"rate":3,"release":"2026-02-30"}`, "invalid_format", "release"},
		{"first due before release", `{"amount":"1000.00","installments":12,"rate":3,"now":"2026-03-10T12:00:00Z","release":"2026-03-10","first_due":"2026-03-01"}`, "invalid_due_date", "first_due"},
		{"release before the IOF table", `{"amount":"1000.00","installments":12,"rate":3,"now":"2012-05-22T12:00:00Z","release":"2012-05-22"}`, "date_out_of_range", "release"},
		{"fee percent as a string", `{"amount":"1000.00","installments":12,"rate":3,"fee_percent":"1"}`, "invalid_format", "fee_percent"},
		{"fee percent out of range", `{"amount":"1000.00","installments":12,"rate":3,"fee_percent":150}`, "rate_out_of_range", "fee_percent"},
		{"fees take everything", `{"amount":"100.00","installments":12,"rate":3,"fee_fixed":"100.00"}`, "amount_out_of_range", "amount"},
		{"first period bound", `{"amount":"1000.00","installments":1,"rate":3,"first_due":"2027-03-10","first_period_max_days":366}`, "", ""},
		{"first period bound out of range", `{"amount":"1000.00","installments":1,"rate":3,"first_period_max_days":367}`, "invalid_due_date", "first_period_max_days"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, ok := simulateAnswer([]byte(tt.line), func() time.Time { return now })
			if bytes.Count(out, []byte("\n")) != 1 || !bytes.HasSuffix(out, []byte("\n")) {
				t.Fatalf("answer %q is not one line", out)
			}
			var got struct {
				Error *apierr.Error `json:"error"`
			}
			if err := json.Unmarshal(out, &got); err != nil {
				t.Fatalf("answer %s: %v", out, err)
			}
			if tt.code == "" {
				var s simulation.Simulation
				if !ok || got.Error != nil || s.UnmarshalJSON(out) != nil {
					t.Fatalf("answer %s, want a simulation", out)
				}
				return
			}
			if ok || got.Error == nil || string(got.Error.Code) != tt.code || got.Error.Param != tt.param || got.Error.Detail == "" {
				t.Errorf("answer %s, want code %s param %s", out, tt.code, tt.param)
			}
		})
	}
}

// TestSimulateBatchKeepsGoing: a bad line gives its error line and the batch
// goes on; the exit status is 1.
func TestSimulateBatchKeepsGoing(t *testing.T) {
	in := `{"amount":"10000.00","installments":12,"rate":3,"now":"2026-03-10T12:00:00Z","release":"2026-03-10"}
not json
{"amount":"10000.00","installments":12,"rate":3,"now":"2026-03-10T12:00:00Z","release":"2026-03-10","charges":"financed"}
`
	code, out, errOut := runSimulateCLI(t, in, "--batch")
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if code != exitInvalid || errOut != "" || len(lines) != 3 || !strings.HasPrefix(lines[1], `{"error":{"code":"malformed_body"`) {
		t.Fatalf("exit %d, stderr %q, output:\n%s", code, errOut, out)
	}
	cases := loadSimulateCorpus(t)
	for i, name := range map[int]string{0: "regular-12.json", 2: "regular-12-financed.json"} {
		var want bytes.Buffer
		json.Compact(&want, cases[name].Expected)
		if lines[i] != want.String() {
			t.Errorf("line %d:\n%s\nwant\n%s", i, lines[i], want.String())
		}
	}
	code, _, _ = runSimulateCLI(t, `{"amount":"10000.00","installments":12,"rate":3,"now":"2026-03-10T12:00:00Z","release":"2026-03-10"}`, "--batch")
	if code != exitOK {
		t.Errorf("a clean batch exits %d", code)
	}
}

// TestSimulateLongLine: a line over 1 MiB is malformed_body, and the next line
// is still answered.
func TestSimulateLongLine(t *testing.T) {
	in := `{"amount":"` + strings.Repeat("1", maxInputLine) + "\"}\n" +
		`{"amount":"10000.00","installments":12,"rate":3,"now":"2026-03-10T12:00:00Z","release":"2026-03-10"}` + "\n"
	code, out, _ := runSimulateCLI(t, in, "--batch")
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if code != exitInvalid || len(lines) != 2 || !strings.Contains(lines[0], "malformed_body") || strings.Contains(lines[1], "error") {
		t.Errorf("exit %d, output %.300s", code, out)
	}
}

func TestSimulateUsage(t *testing.T) {
	for _, args := range [][]string{
		{},
		{"--amount", "1000.00", "--installments", "12"},
		{"--amount", "1000.00", "--rate", "3"},
		{"--installments", "x"},
		{"--nope"},
		{"--batch", "--amount", "1000.00"},
		{"--amount", "1000.00", "--installments", "12", "--rate", "3", "extra"},
	} {
		code, out, errOut := runSimulateCLI(t, "", args...)
		if code != exitUsage || out != "" || !strings.Contains(errOut, "usage:") {
			t.Errorf("%q: exit %d, stdout %q, stderr %q", args, code, out, errOut)
		}
	}
	code, out, _ := runSimulateCLI(t, "", "--help")
	if code != exitOK || !strings.Contains(out, "--batch") {
		t.Errorf("--help: exit %d", code)
	}
}

// TestSimulateRuleFailure: a rule failure is exit 1 with "code: detail".
func TestSimulateRuleFailure(t *testing.T) {
	code, out, errOut := runSimulateCLI(t, "", "--amount", "60000.00", "--installments", "12", "--rate", "3",
		"--max-amount", "50000.00", "--now", "2026-03-10T12:00:00Z", "--release", "2026-03-10")
	if code != exitInvalid || out != "" ||
		errOut != "amount_out_of_range: requested_amount 60000.00 is above approved_amount 50000.00\n" {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}

// TestSimulateFlags: every flag reaches the simulation: the published IOF of a
// 365-day bullet loan financed (principal 103,490.74; testdata/published/figures.txt, iof-financed-365).
func TestSimulateFlags(t *testing.T) {
	code, out, errOut := runSimulateCLI(t, "", "--amount", "100000.00", "--installments", "1", "--rate", "1",
		"--now", "2026-03-04T12:00:00Z", "--release", "2026-03-04", "--first-due", "2027-03-04", "--borrower", "pf", "--charges", "financed",
		"--first-period-max-days", "366", "--day-count", "daily", "--roll", "modified-following",
		"--min-amount", "100.00", "--max-amount", "200000.00", "--fee-fixed", "0.00", "--fee-percent", "0", "--json")
	if code != exitOK || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	var s simulation.Simulation
	if err := s.UnmarshalJSON([]byte(out)); err != nil {
		t.Fatal(err)
	}
	if s.Principal().StringFixed(2) != "103490.74" || s.IOFAmount().StringFixed(2) != "3490.74" ||
		s.DayCount().String() != "daily" || s.Roll().String() != "modified-following" {
		t.Errorf("principal %s, IOF %s, %s, %s", s.Principal(), s.IOFAmount(), s.DayCount(), s.Roll())
	}
}

// FuzzSimulateLine: any line is answered with one JSON line, a simulation that
// reads back or an error object with a code and a detail; nothing panics.
func FuzzSimulateLine(f *testing.F) {
	for _, c := range loadSimulateCorpus(f) {
		var compact bytes.Buffer
		json.Compact(&compact, c.Input)
		f.Add(compact.Bytes())
	}
	f.Add([]byte(`{"amount":"1.00","installments":420,"rate":100,"charges":"financed","fee_percent":99.9999999999}`))
	f.Add([]byte(`{"amount":null,"installments":"12","rate":{}}`))
	f.Add([]byte("\xff{"))
	now := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, line []byte) {
		out, ok := simulateAnswer(line, func() time.Time { return now })
		if bytes.Count(out, []byte("\n")) != 1 || out[len(out)-1] != '\n' {
			t.Fatalf("answer %q is not one line", out)
		}
		if ok {
			var s simulation.Simulation
			if err := s.UnmarshalJSON(out); err != nil {
				t.Fatalf("answer %s does not read back: %v", out, err)
			}
			return
		}
		var e struct {
			Error *apierr.Error `json:"error"`
		}
		dec := json.NewDecoder(bytes.NewReader(out))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&e); err != nil || e.Error == nil || e.Error.Code == "" || e.Error.Detail == "" {
			t.Fatalf("answer %s is not an error object: %v", out, err)
		}
		if e.Error.Code == apierr.Internal {
			t.Fatalf("internal error for %q: %s", line, out)
		}
	})
}

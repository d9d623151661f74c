package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"strings"
	"testing"
	"time"

	"github.com/dinie/lending/calendar"
	"github.com/dinie/lending/schedule"
)

func runScheduleCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	return runCLI(t, "", append([]string{"schedule"}, args...)...)
}

// TestScheduleTable: the hand-computed table of schedule's TestHandComputed
// (1000.00 at 1 % a.m. over 3: PMT = 10.30301/0.030301 = 340.0221… → 340.02;
// interest 10.00, 669.98·0.01 = 6.6998 → 6.70, 336.66·0.01 = 3.3666 → 3.37; the
// last row pays 336.66 + 3.37 = 340.03), printed aligned.
func TestScheduleTable(t *testing.T) {
	code, out, errOut := runScheduleCLI(t, "--amount", "1000.00", "--installments", "3", "--rate", "1",
		"--release", "2026-03-10")
	if code != exitOK || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	want := `principal     1000.00
rate          1 % a.m.
installments  3 × 340.02
release       2026-03-10
day count     monthly
roll          following

      #  nominal date    due date  payment  interest  principal  balance
      1    2026-04-10  2026-04-10   340.02     10.00     330.02   669.98
      2    2026-05-10  2026-05-11   340.02      6.70     333.32   336.66
      3    2026-06-10  2026-06-10   340.03      3.37     336.66     0.00
  total                            1020.07     20.07    1000.00
`
	if out != want {
		t.Errorf("output:\n%s\nwant:\n%s", out, want)
	}
}

// TestScheduleJSON: --json is the schedule's JSON, indented; the figures are the
// Calculadora do Cidadão's installment (42 × 0.629890 % on 25,000.00 → 679.30,
// BCB) with periodic time, and --first-due, --day-count and --roll reach the
// terms: the first due date, Sunday 2026-02-15, rolls modified-following past
// the Carnival Monday and Tuesday (ANBIMA holidays) to Wednesday 2026-02-18.
func TestScheduleJSON(t *testing.T) {
	code, out, errOut := runScheduleCLI(t, "--amount", "25000.00", "--installments", "42", "--rate", "0.629890",
		"--release", "2026-01-15", "--first-due", "2026-02-15", "--day-count", "periodic", "--roll", "modified-following", "--json")
	if code != exitOK || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	var got struct {
		Installment string         `json:"installment"`
		DayCount    string         `json:"day_count"`
		Roll        string         `json:"roll"`
		Rate        json.Number    `json:"interest_rate"`
		Count       int            `json:"installment_count"`
		Rows        []schedule.Row `json:"rows"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v in %s", err, out)
	}
	if got.Installment != "679.30" || got.DayCount != "periodic" || got.Roll != "modified-following" ||
		got.Rate != "0.62989" || got.Count != 42 || len(got.Rows) != 42 {
		t.Errorf("got %+v", got)
	}
	if r := got.Rows[0]; r.Number != 1 || r.NominalDate.String() != "2026-02-15" || r.DueDate.String() != "2026-02-18" {
		t.Errorf("row 1 = %+v", r)
	}
	if !strings.HasSuffix(out, "}\n") || !strings.Contains(out, "\n  \"rows\": [") {
		t.Errorf("not indented JSON with a final newline: %q", out[max(0, len(out)-40):])
	}
}

// TestScheduleDefaultRelease: without --release the release date is today in
// São Paulo, so installment 1 falls one month later.
func TestScheduleDefaultRelease(t *testing.T) {
	before, _ := calendar.DateOf(time.Now())
	code, out, errOut := runScheduleCLI(t, "--amount", "1000.00", "--installments", "1", "--rate", "2", "--json")
	after, _ := calendar.DateOf(time.Now())
	if code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	var got struct {
		Release calendar.Date `json:"release_date"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if got.Release != before && got.Release != after { // midnight may pass mid-test
		t.Errorf("release %s, want today %s", got.Release, before)
	}
}

func TestScheduleRuleFailures(t *testing.T) {
	base := []string{"--amount", "1000.00", "--installments", "12", "--rate", "2", "--release", "2026-03-10"}
	with := func(extra ...string) []string { return override(base, extra...) }
	for _, c := range []struct {
		args []string
		want string // start of stderr: "code: detail"
	}{
		{with("--amount", "1000.5"), "invalid_format: principal \"1000.5\" has 1 decimal places"},
		{with("--amount", "0.99"), "amount_out_of_range: principal 0.99"},
		{with("--installments", "0"), "installments_out_of_range: installment_count 0"},
		{with("--installments", "421"), "installments_out_of_range: installment_count 421"},
		{with("--rate", "100.5"), "rate_out_of_range: interest_rate \"100.5\""},
		{with("--rate", "2,5"), "invalid_format: interest_rate \"2,5\""},
		{with("--rate", "1.00000000001"), "invalid_format: interest_rate \"1.00000000001\" has more than 10"},
		{with("--release", "2026-02-30"), "invalid_format: release_date \"2026-02-30\""},
		{with("--first-due", "2026-03-10"), "invalid_due_date: first_due_date 2026-03-10 is not after"},
		{with("--first-due", "2026-12-31"), "invalid_due_date: first_due_date 2026-12-31 is 296 days"},
		{with("--day-count", "30/360"), "invalid_format: day_count \"30/360\""},
		{with("--roll", "nearest"), "invalid_format: roll \"nearest\""},
		{with("--amount", "1.00", "--installments", "150", "--rate", "0"), "amount_out_of_range: principal 1.00 is too small"},
	} {
		code, out, errOut := runScheduleCLI(t, c.args...)
		if code != exitInvalid || out != "" || !strings.HasPrefix(errOut, c.want) || strings.Count(errOut, "\n") != 1 {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 1 and %q…", c.args, code, out, errOut, c.want)
		}
	}
}

func TestScheduleUsageErrors(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--installments", "3", "--rate", "1"}, "missing flag --amount"},
		{[]string{"--amount", "1.00", "--rate", "1"}, "missing flag --installments"},
		{[]string{"--amount", "1.00", "--installments", "3"}, "missing flag --rate"},
		{[]string{"--amount", "1.00", "--installments", "three", "--rate", "1"}, "invalid value \"three\" for flag -installments"},
		{[]string{"--amount", "1.00", "--installments", "3", "--rate", "1", "--nope"}, "flag provided but not defined: -nope"},
		{[]string{"--amount", "1.00", "--installments", "3", "--rate", "1", "extra"}, "unexpected argument \"extra\""},
	} {
		code, out, errOut := runScheduleCLI(t, c.args...)
		if code != exitUsage || out != "" || !strings.Contains(errOut, c.want) || !strings.Contains(errOut, "usage:") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 2 with %q", c.args, code, out, errOut, c.want)
		}
	}
	code, out, _ := runScheduleCLI(t, "-h")
	if code != exitOK || !strings.Contains(out, "--installments") {
		t.Errorf("-h: exit %d, %q", code, out)
	}
}

func TestScheduleWriteError(t *testing.T) {
	var errOut bytes.Buffer
	code := run([]string{"schedule", "--amount", "1000.00", "--installments", "3", "--rate", "1", "--release", "2026-03-10"},
		streams{in: strings.NewReader(""), out: failingWriter{}, err: &errOut})
	if code != exitInvalid || !strings.Contains(errOut.String(), "writing output") {
		t.Errorf("exit %d, stderr %q", code, errOut.String())
	}
}

// TestTermsFlags: the shared flag set parses into the same schedule.Terms a
// library caller would build, for reuse by other commands.
func TestTermsFlags(t *testing.T) {
	fs := flag.NewFlagSet("x", flag.ContinueOnError)
	var tf termsFlags
	tf.register(fs)
	if err := fs.Parse([]string{"--amount", "25000.00", "--installments", "42", "--rate", "0.629890",
		"--release", "2026-01-15", "--first-due", "2026-02-20", "--day-count", "daily", "--roll", "preceding"}); err != nil {
		t.Fatal(err)
	}
	terms, err := tf.terms(fs, func() (calendar.Date, error) { t.Error("read the clock"); return calendar.Date{}, nil })
	if err != nil {
		t.Fatal(err)
	}
	if terms.Principal.String() != "25000" || terms.Installments != 42 || terms.Rate.String() != "0.62989" ||
		terms.Release.String() != "2026-01-15" || terms.FirstDue.String() != "2026-02-20" ||
		terms.DayCount != schedule.DailyProRata || terms.Roll != calendar.Preceding {
		t.Errorf("terms = %+v", terms)
	}
}

// FuzzScheduleFlags: any flag values give exit 0 with a table, 1 with one
// "code: detail" line, or 2 with the usage; never a panic.
func FuzzScheduleFlags(f *testing.F) {
	f.Add("1000.00", "3", "1", "2026-03-10", "", "monthly", "following")
	f.Add("25000.00", "42", "0.629890", "2026-01-15", "2026-02-15", "periodic", "modified-following")
	f.Add("1.00", "420", "100", "9999-11-30", "", "daily", "preceding")
	f.Add("0.01", "-1", "1e2", "0001-01-01", "0001-01-02", "x", "unadjusted")
	f.Fuzz(func(t *testing.T, amount, n, rate, release, firstDue, dayCount, roll string) {
		args := []string{"--amount", amount, "--installments", n, "--rate", rate, "--release", release,
			"--day-count", dayCount, "--roll", roll}
		if firstDue != "" {
			args = append(args, "--first-due", firstDue)
		}
		code, out, errOut := runScheduleCLI(t, args...)
		switch code {
		case exitOK:
			if errOut != "" || !strings.Contains(out, "  total  ") {
				t.Fatalf("exit 0 with stdout %q, stderr %q", out, errOut)
			}
		case exitInvalid:
			if out != "" || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, ": ") {
				t.Fatalf("exit 1 with stdout %q, stderr %q", out, errOut)
			}
		case exitUsage:
			if out != "" || !strings.Contains(errOut, "usage:") {
				t.Fatalf("exit 2 with stdout %q, stderr %q", out, errOut)
			}
		default:
			t.Fatalf("exit %d", code)
		}
	})
}

// override returns args with each "--flag value" pair of extra replacing the
// same flag's value, or appended: a flag is given once.
func override(args []string, extra ...string) []string {
	out := append([]string{}, args...)
	for i := 0; i+1 < len(extra); i += 2 {
		found := false
		for j := 0; j+1 < len(out); j += 2 {
			if out[j] == extra[i] {
				out[j+1], found = extra[i+1], true
			}
		}
		if !found {
			out = append(out, extra[i], extra[i+1])
		}
	}
	return out
}

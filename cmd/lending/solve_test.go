package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/dinie/lending/apierr"
)

func runSolveCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	return runCLI(t, stdin, append([]string{"solve"}, args...)...)
}

// TestSolvePublishedCLI: the Banco Central calculator's figures (periodic
// time), one per missing term: 42 × 679.30 on 25,000.00 is 0.629862 % a.m.
// (the calculator shows 0.629890 from a coarser search); 24 × 935.00 at 1.99 %
// finance 17,704.57, the largest principal being 17,704.66; 12 × 355.80 at
// 25.106880 % finance 1,320.75; 4 installments at 1.99 % on 1,290.00 are 338.70,
// and 338.70 repays it in 4 (NPER 4.0000299, Excel's NPER by hand:
// −ln(1 − 1290 × 0.0199 / 338.70) / ln(1.0199)).
func TestSolvePublishedCLI(t *testing.T) {
	base := []string{"--day-count", "periodic", "--release", "2026-01-15", "--json"}
	for _, c := range []struct {
		args []string
		want map[string]string
	}{
		{[]string{"--amount", "25000.00", "--installment", "679.30", "--installments", "42"},
			map[string]string{"solved": `"rate"`, "rate": "0.629862"}},
		{[]string{"--installment", "935.00", "--rate", "1.99", "--installments", "24"},
			map[string]string{"solved": `"amount"`, "amount": `"17704.66"`, "present_value": `"17704.57"`}},
		{[]string{"--installment", "355.80", "--rate", "25.106880", "--installments", "12"},
			map[string]string{"amount": `"1320.76"`, "present_value": `"1320.75"`}},
		{[]string{"--amount", "1290.00", "--rate", "1.99", "--installments", "4"},
			map[string]string{"solved": `"installment"`, "installment": `"338.70"`}},
		{[]string{"--amount", "1290.00", "--rate", "1.99", "--installment", "338.70"},
			map[string]string{"solved": `"installments"`, "installments": "4"}},
	} {
		code, out, errOut := runSolveCLI(t, "", append(c.args, base...)...)
		if code != exitOK || errOut != "" {
			t.Fatalf("%v: exit %d, stderr %q", c.args, code, errOut)
		}
		var got map[string]json.RawMessage
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatal(err)
		}
		for k, v := range c.want {
			if string(got[k]) != v {
				t.Errorf("%v: %s = %s, want %s", c.args, k, got[k], v)
			}
		}
		if c.want["solved"] == `"installments"` {
			var nper float64
			json.Unmarshal(got["nper"], &nper)
			if nper < 4.0000298 || nper > 4.00003 {
				t.Errorf("nper %v, want 4.0000299", nper)
			}
		}
	}
}

func TestSolveUsage(t *testing.T) {
	for _, args := range [][]string{
		{"--amount", "1000.00", "--installment", "100.00"},
		{"--amount", "1000.00", "--installment", "100.00", "--rate", "1", "--installments", "12"},
		{"--amount", "1000.00", "--rate", "1", "--annual-rate", "12", "--installments", "12"},
		{"--amount", "1000.00", "--amount", "2000.00", "--rate", "1", "--installments", "12"},
		{"--batch", "--amount", "1000.00"},
		{"extra"},
	} {
		if code, out, errOut := runSolveCLI(t, "", args...); code != exitUsage || out != "" || !strings.Contains(errOut, "usage:") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, out, errOut)
		}
	}
	if code, out, _ := runSolveCLI(t, "", "--help"); code != exitOK || out != solveUsageText {
		t.Errorf("--help: exit %d", code)
	}
}

// TestSolveRuleFailures: a term with no answer is "code: detail" on stderr,
// exit 1.
func TestSolveRuleFailures(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--amount", "1000.00", "--installment", "10.00", "--installments", "12"}, "rate_out_of_range: installment 10.00 × 12 repays 120.00"},
		{[]string{"--installment", "0.01", "--rate", "3", "--installments", "12"}, "amount_out_of_range: installment 0.01 is below"},
		{[]string{"--amount", "1000.00", "--rate", "3", "--installment", "29.00"}, "installments_out_of_range: installment 29.00 on 1000.00: it does not cover"},
		{[]string{"--amount", "1000.00", "--rate", "3", "--installment", "30.00"}, "installments_out_of_range: installment 30.00 on 1000.00: the counts 295 to 420"},
		{[]string{"--amount", "1000.00", "--annual-rate", "409500.1", "--installments", "3"}, "rate_out_of_range: annual_interest_rate"},
	} {
		code, out, errOut := runSolveCLI(t, "", append(c.args, "--release", "2026-03-10")...)
		if code != exitInvalid || out != "" || !strings.HasPrefix(errOut, c.want) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want %q…", c.args, code, out, errOut, c.want)
		}
	}
}

// TestSolveBatch: one JSON line per input, errors with the input key as param.
func TestSolveBatch(t *testing.T) {
	in := `{"installment":"355.80","rate":25.106880,"installments":12,"day_count":"periodic","release":"2026-01-15"}
{"amount":"1000.00","installment":"10.00","installments":12,"release":"2026-01-15"}

{"amount":"1000.00","installment":"100.00","rate":1,"annual_rate":12,"release":"2026-01-15"}
{"amount":"1000.00","installments":12,"release":"2026-01-15"}
{"amount":"1000.00","installment":"100.00","installments":12.5,"release":"2026-01-15"}
{"amount":"1000.5","rate":1,"installments":12,"release":"2026-01-15"}
{"amount":"1000.00","rate":1,"installments":12,"release":"2026-01-15","grace":2}
not json
`
	code, out, errOut := runSolveCLI(t, in, "--batch")
	if code != exitInvalid || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	want := []string{
		`{"solved":"amount","amount":"1320.76","installment":"355.80","installments":12,"rate":25.10688,"annual_rate":1370.1929030046,"present_value":"1320.75"}`,
		`{"error":{"code":"rate_out_of_range","param":"installment"`,
		`{"error":{"code":"invalid_format","param":"annual_rate"`,
		`{"error":{"code":"missing_required_field","param":"installment"`,
		`{"error":{"code":"invalid_format","param":"installments"`,
		`{"error":{"code":"invalid_format","param":"amount"`,
		`{"error":{"code":"invalid_format","param":"grace"`,
		`{"error":{"code":"malformed_body","param":""`,
	}
	if len(lines) != len(want) {
		t.Fatalf("%d lines:\n%s", len(lines), out)
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("line %d = %s\nwant %s…", i+1, lines[i], w)
		}
	}
}

// TestSolveDoc: doc.go and the help name every flag and batch key of solve, and
// the doc's solve examples print what the command prints.
func TestSolveDoc(t *testing.T) {
	raw, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(raw)
	fs, _, _ := solveFlags()
	fs.VisitAll(func(f *flag.Flag) {
		if !strings.Contains(doc, "--"+f.Name) || !strings.Contains(solveUsageText, "--"+f.Name) {
			t.Errorf("solve --%s is missing from doc.go or from its help", f.Name)
		}
	})
	for _, k := range solveKeys {
		if !strings.Contains(doc, k) || !strings.Contains(solveUsageText, k) {
			t.Errorf("solve's batch key %s is missing from doc.go or from its help", k)
		}
	}
	// Each "$ lending solve …" example and the lines after it, up to the next
	// "$" or a blank comment line.
	lines := strings.Split(doc, "\n")
	examples := 0
	for i := 0; i < len(lines); i++ {
		cmd, ok := strings.CutPrefix(lines[i], "//\t$ lending solve ")
		if !ok {
			continue
		}
		var want bytes.Buffer
		for j := i + 1; j < len(lines) && strings.HasPrefix(lines[j], "//\t") && !strings.HasPrefix(lines[j], "//\t$"); j++ {
			want.WriteString(strings.TrimPrefix(lines[j], "//\t") + "\n")
		}
		code, out, errOut := runSolveCLI(t, "", strings.Fields(cmd)...)
		if code != exitOK || out != want.String() {
			t.Errorf("$ lending solve %s: exit %d, stderr %q\n%s\nthe doc shows\n%s", cmd, code, errOut, out, want.String())
		}
		examples++
	}
	if examples < 2 {
		t.Errorf("doc.go shows %d solve examples", examples)
	}
}

// FuzzSolveLine: any line is one JSON line, an answer whose solved term, put
// back with the other three, is consistent (amount solved: its installment is
// at most the one given) or an error object with a known code.
func FuzzSolveLine(f *testing.F) {
	f.Add([]byte(`{"installment":"355.80","rate":25.106880,"installments":12,"day_count":"periodic","release":"2026-01-15"}`))
	f.Add([]byte(`{"amount":"25000.00","installment":"679.30","installments":42,"day_count":"periodic","release":"2026-01-15"}`))
	f.Add([]byte(`{"amount":"1290.00","installment":"338.70","rate":1.99,"release":"2026-01-15"}`))
	f.Add([]byte(`{"amount":"1000.00","annual_rate":30,"installments":12,"day_count":"business252","release":"2026-03-10","first_due":"2026-04-15","roll":"preceding"}`))
	f.Add([]byte(`{"amount":"1000.00","installment":"1e3","rate":"1","installments":-1}`))
	f.Add([]byte(`{"amount":null,"installments":"12","rate":{}}`))
	f.Fuzz(func(t *testing.T, line []byte) {
		out, ok := solveLine(line)
		if bytes.Count(out, []byte("\n")) != 1 || out[len(out)-1] != '\n' {
			t.Fatalf("answer %q is not one line", out)
		}
		if ok {
			var a struct {
				Solved      string `json:"solved"`
				Amount      string `json:"amount"`
				Installment string `json:"installment"`
			}
			if err := json.Unmarshal(out, &a); err != nil || a.Solved == "" || a.Amount == "" || a.Installment == "" {
				t.Fatalf("answer %s: %v", out, err)
			}
			return
		}
		var e struct {
			Error *apierr.Error `json:"error"`
		}
		dec := json.NewDecoder(bytes.NewReader(out))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&e); err != nil || e.Error == nil || e.Error.Code == "" || e.Error.Detail == "" || e.Error.Code == apierr.Internal {
			t.Fatalf("answer %s is not an error object: %v", out, err)
		}
	})
}

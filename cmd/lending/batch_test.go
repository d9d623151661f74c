package main

import (
	"encoding/json"
	"io"
	"reflect"
	"strings"
	"testing"

	"github.com/dinie/lending/apierr"
)

// TestEachLine: the line contract of both batch kinds, written out by hand from
// the usage texts: terminators "\n" and "\r\n" are removed (a lone "\r" is
// data), a last line without a newline counts, an empty input has no lines;
// judging commands see blank lines, JSON-line commands skip white-space-only
// ones; a line over the bound (1 MiB, its terminator not counted) comes as its
// first 64 bytes, marked, and a line of exactly 1 MiB is read (issue 19).
func TestEachLine(t *testing.T) {
	long := strings.Repeat("x", maxInputLine+1)
	full := strings.Repeat("y", maxInputLine) // exactly 1 MiB: read (the docs refuse lines over 1 MiB)
	for _, c := range []struct {
		in        string
		every     []string
		skipBlank []string
	}{
		{"", nil, nil},
		{"a\nb", []string{"a", "b"}, []string{"a", "b"}},
		{"a\r\nb\r\n", []string{"a", "b"}, []string{"a", "b"}},
		{"a\r", []string{"a\r"}, []string{"a\r"}},
		{"\n\n", []string{"", ""}, nil},
		{" \t\n x\n", []string{" \t", " x"}, []string{" x"}},
		{"a\n" + long + "\nb\n", []string{"a", long[:64] + " (too long)", "b"}, []string{"a", long[:64] + " (too long)", "b"}},
		{"a\n" + long + "\r\nb", []string{"a", long[:64] + " (too long)", "b"}, []string{"a", long[:64] + " (too long)", "b"}},
		{"a\n" + long, []string{"a", long[:64] + " (too long)"}, []string{"a", long[:64] + " (too long)"}},
		{full + "\n" + full + "\r\n" + full, []string{full, full, full}, []string{full, full, full}},
	} {
		for _, m := range []struct {
			mode lineMode
			want []string
		}{{everyLine, c.every}, {skipBlank, c.skipBlank}} {
			var got []string
			err := eachLine(strings.NewReader(c.in), m.mode, func(line string, tooLong bool) {
				if tooLong {
					line += " (too long)"
				}
				got = append(got, line)
			})
			if err != nil || !reflect.DeepEqual(got, m.want) {
				t.Errorf("eachLine(%.20q, mode %d) = %q, %v; want %q", c.in, m.mode, got, err, m.want)
			}
		}
	}
}

// TestBatchReadErrorMidLine: when stdin fails, every batch command has answered
// the whole lines read before, answers no piece of a line, and exits 1 with the
// reason on stderr.
func TestBatchReadErrorMidLine(t *testing.T) {
	for _, c := range []struct {
		args        []string
		lines, want string
	}{
		{[]string{"calendar", "business-day"}, "2026-02-18\n2026-02-1", "2026-02-18\ttrue\n"},
		{[]string{"validate", "cep"}, "01310-100\n0131", "01310-100\tvalid\t01310100\n"},
		{[]string{"cet", "--batch"}, bcbLine + "\n" + bcbLine[:40], `{"cet_annual":`},
		{[]string{"simulate", "--batch"}, `{"amount":"1000.00","installments":3,"rate":1,"now":"2026-03-10T12:00:00Z","release":"2026-03-10"}` + "\n{", `{"id":`},
	} {
		var out, errOut strings.Builder
		in := io.MultiReader(strings.NewReader(c.lines), failingReader{})
		code := run(c.args, streams{in: in, out: &out, err: &errOut})
		if code != exitInvalid || strings.Count(out.String(), "\n") != 1 || !strings.HasPrefix(out.String(), c.want) ||
			errOut.String() != "lending "+c.args[0]+": reading stdin: disk on fire\n" {
			t.Errorf("%v: exit %d, stdout %.80q, stderr %q; want 1, one line %.20q…", c.args, code, out.String(), errOut.String(), c.want)
		}
	}
}

// TestBatchWriteError: a stdout that fails is exit 1 with the reason, for every
// batch command.
func TestBatchWriteError(t *testing.T) {
	for _, c := range []struct {
		args []string
		in   string
	}{
		{[]string{"calendar", "business-day"}, "2026-02-18\n"},
		{[]string{"validate", "cep", "01310-100"}, ""},
		{[]string{"cet", "--batch"}, bcbLine + "\n"},
		{[]string{"simulate", "--batch"}, `{"amount":"1000.00","installments":3,"rate":1,"now":"2026-03-10T12:00:00Z","release":"2026-03-10"}` + "\n"},
	} {
		var errOut strings.Builder
		code := run(c.args, streams{in: strings.NewReader(c.in), out: failingWriter{}, err: &errOut})
		if code != exitInvalid || errOut.String() != "lending "+c.args[0]+": writing output: pipe closed\n" {
			t.Errorf("%v: exit %d, stderr %q", c.args, code, errOut.String())
		}
	}
}

// TestErrorLine: the error object of the JSON-line commands is one line holding
// exactly the API's error shape.
func TestErrorLine(t *testing.T) {
	got := string(errorLine(apierr.Errorf(apierr.InvalidFormat, "flows[3].amount", "flows[3].amount \"1\" has no decimal point")))
	want := `{"error":{"code":"invalid_format","param":"flows[3].amount","detail":"flows[3].amount \"1\" has no decimal point"}}` + "\n"
	if got != want {
		t.Errorf("errorLine = %s, want %s", got, want)
	}
	var v map[string]map[string]string
	if err := json.Unmarshal([]byte(got), &v); err != nil || len(v["error"]) != 3 {
		t.Errorf("errorLine is not {\"error\":{code, param, detail}}: %v", err)
	}
}

package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestCalendarBusinessDayArgs(t *testing.T) {
	// Facts: 2026-02-16 Carnival Monday, 2026-02-18 Ash Wednesday (business),
	// 2026-11-20 Consciência Negra (national from 2024), 2023-11-20 not.
	code, out, errOut := runCLI(t, "", "calendar", "business-day", "2026-02-16", "2026-02-18", "2026-11-20", "2023-11-20")
	want := "2026-02-16\tfalse\n2026-02-18\ttrue\n2026-11-20\tfalse\n2023-11-20\ttrue\n"
	if code != exitOK || out != want || errOut != "" {
		t.Errorf("business-day = %d, %q, %q; want 0, %q", code, out, errOut, want)
	}
}

func TestCalendarBusinessDayBatch(t *testing.T) {
	// The batch convention shared with validate: every line is an input, echoed
	// exactly as given (without its "\n" or "\r\n"); spaces around a date are
	// ignored when it is read; a blank line is an error like any other; a tab or
	// invalid UTF-8 in an input is printed as it is, and the reason never holds a
	// tab. 2026-02-17 is Carnival Tuesday, 2026-12-24 a business day, 2026-06-04
	// Corpus Christi.
	stdin := "2026-02-17\r\n\n  2026-12-24  \n2026-02-30\nhello\tworld\n\xff\n2026-12-24\r\r\n2026-06-04" // no final newline
	code, out, errOut := runCLI(t, stdin, "calendar", "business-day")
	want := "2026-02-17\tfalse\n" +
		"\terror\tinvalid date: want YYYY-MM-DD\n" +
		"  2026-12-24  \ttrue\n" +
		"2026-02-30\terror\tinvalid date: day 30 is not 01 through 28 (February 2026)\n" +
		"hello\tworld\terror\tinvalid date: want YYYY-MM-DD\n" +
		"\xff\terror\tinvalid date: want YYYY-MM-DD\n" +
		"2026-12-24\r\ttrue\n" + // only the terminator's \r goes; the other is space around the date
		"2026-06-04\tfalse\n"
	if code != exitInvalid || out != want || errOut != "" {
		t.Errorf("batch = %d,\n%q\nstderr %q\nwant 1,\n%q", code, out, errOut, want)
	}
	// All good: exit 0; a final newline adds no input.
	code, out, _ = runCLI(t, "2026-02-18\n2026-02-19\n", "calendar", "business-day")
	if code != exitOK || out != "2026-02-18\ttrue\n2026-02-19\ttrue\n" {
		t.Errorf("good batch = %d, %q", code, out)
	}
	// Empty input: nothing to say, exit 0.
	if code, out, _ := runCLI(t, "", "calendar", "business-day"); code != exitOK || out != "" {
		t.Errorf("empty batch = %d, %q", code, out)
	}
	// Arguments follow the same rules.
	code, out, _ = runCLI(t, "", "calendar", "business-day", " 2026-02-18", "", "2026-02-16")
	if want := " 2026-02-18\ttrue\n\terror\tinvalid date: want YYYY-MM-DD\n2026-02-16\tfalse\n"; code != exitInvalid || out != want {
		t.Errorf("arguments = %d, %q; want 1, %q", code, out, want)
	}
}

func TestCalendarBusinessDayLongLine(t *testing.T) {
	stdin := "2026-02-18\n" + strings.Repeat("9", 3*maxInputLine) + "\n2026-02-16\n"
	code, out, _ := runCLI(t, stdin, "calendar", "business-day")
	want := "2026-02-18\ttrue\n" +
		strings.Repeat("9", 64) + "...\terror\tline longer than 1048576 bytes\n" +
		"2026-02-16\tfalse\n"
	if code != exitInvalid || out != want {
		t.Errorf("long line batch = %d, %.300q", code, out)
	}
}

func TestCalendarIOErrors(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := run([]string{"calendar", "business-day"}, streams{in: failingReader{}, out: &out, err: &errOut}); code != exitInvalid || !strings.Contains(errOut.String(), "disk on fire") {
		t.Errorf("read error = %d, %q", code, errOut.String())
	}
	errOut.Reset()
	if code := run([]string{"calendar", "holidays", "2026"}, streams{in: strings.NewReader(""), out: failingWriter{}, err: &errOut}); code != exitInvalid || !strings.Contains(errOut.String(), "pipe closed") {
		t.Errorf("write error = %d, %q", code, errOut.String())
	}
}

func TestCalendarHolidays(t *testing.T) {
	// 2024: Easter March 31, so Carnival Feb 12–13, Good Friday Mar 29, Corpus
	// Christi May 30; the first year of Nov 20 (Lei 14.759/2023).
	code, out, _ := runCLI(t, "", "calendar", "holidays", "2024")
	want := `2024-01-01	Confraternização Universal
2024-02-12	Carnaval
2024-02-13	Carnaval
2024-03-29	Paixão de Cristo
2024-04-21	Tiradentes
2024-05-01	Dia do Trabalho
2024-05-30	Corpus Christi
2024-09-07	Independência do Brasil
2024-10-12	Nossa Senhora Aparecida
2024-11-02	Finados
2024-11-15	Proclamação da República
2024-11-20	Dia Nacional de Zumbi e da Consciência Negra
2024-12-25	Natal
`
	if code != exitOK || out != want {
		t.Errorf("holidays 2024 = %d,\n%s\nwant\n%s", code, out, want)
	}
}

func TestCalendarAddAndAdjust(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"add", "2026-02-13", "1"}, "2026-02-18\n"}, // over the weekend and Carnival
		{[]string{"add", "2026-02-18", "-1"}, "2026-02-13\n"},
		{[]string{"add", "2026-02-14", "0"}, "2026-02-14\n"}, // zero steps: unchanged
		// Feb 18–20 (3), Feb 23 – Mar 20 (20 more: 23), Mar 23–27 (28), Mar 30, 31.
		{[]string{"add", "2026-02-13", "30"}, "2026-03-31\n"},
		{[]string{"adjust", "2026-05-30", "following"}, "2026-06-01\n"},
		{[]string{"adjust", "2026-05-30", "modified-following"}, "2026-05-29\n"},
		{[]string{"adjust", "2026-11-01", "preceding"}, "2026-10-30\n"},
		{[]string{"adjust", "2026-11-01", "modified-preceding"}, "2026-11-03\n"}, // Nov 2 is Finados
		{[]string{"adjust", "2026-05-30", "unadjusted"}, "2026-05-30\n"},
	} {
		code, out, errOut := runCLI(t, "", append([]string{"calendar"}, tc.args...)...)
		if code != exitOK || out != tc.want || errOut != "" {
			t.Errorf("calendar %v = %d, %q, %q; want %q", tc.args, code, out, errOut, tc.want)
		}
	}
	// A result outside the range: exit 1, message on stderr.
	code, out, errOut := runCLI(t, "", "calendar", "add", "9999-12-31", "1")
	if code != exitInvalid || out != "" || !strings.Contains(errOut, "out of range") {
		t.Errorf("add past the end = %d, %q, %q", code, out, errOut)
	}
	code, _, errOut = runCLI(t, "", "calendar", "adjust", "0001-01-01", "preceding")
	if code != exitInvalid || !strings.Contains(errOut, "out of range") {
		t.Errorf("adjust before the start = %d, %q", code, errOut)
	}
}

func TestCalendarUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"calendar"},
		{"calendar", "nope"},
		{"calendar", "holidays"},
		{"calendar", "holidays", "2026", "2027"},
		{"calendar", "holidays", "twenty"},
		{"calendar", "holidays", "0"},
		{"calendar", "holidays", "10000"},
		{"calendar", "add", "2026-02-13"},
		{"calendar", "add", "2026-02-30", "1"},
		{"calendar", "add", "2026-02-13", "1.5"},
		{"calendar", "add", "2026-02-13", "99999999999999999999999"},
		{"calendar", "adjust", "2026-02-13"},
		{"calendar", "adjust", "13/02/2026", "following"},
		{"calendar", "adjust", "2026-02-13", "MF"},
	} {
		code, out, errOut := runCLI(t, "", args...)
		if code != exitUsage || out != "" || !strings.HasPrefix(errOut, "lending calendar: ") || !strings.Contains(errOut, "usage:") {
			t.Errorf("%v = %d, %q, %q; want 2 and a usage message on stderr", args, code, out, errOut)
		}
	}
	code, out, _ := runCLI(t, "", "calendar", "help")
	if code != exitOK || !strings.Contains(out, "business-day") {
		t.Errorf("calendar help = %d, %q", code, out)
	}
	code, out, _ = runCLI(t, "", "help")
	if code != exitOK || !strings.Contains(out, "calendar   business days, holidays, date rolling") {
		t.Errorf("help = %d, %q", code, out)
	}
}

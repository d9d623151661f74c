package main

import (
	"bytes"
	"strings"
	"testing"
)

// runValidateCLI runs `lending validate args...` in-process with stdin.
func runValidateCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	return runCLI(t, stdin, append([]string{"validate"}, args...)...)
}

func TestValidateArgs(t *testing.T) {
	code, out, errOut := runValidateCLI(t, "", "cpf", "280.012.389-38", "000.000.001-91")
	if code != exitOK || errOut != "" ||
		out != "280.012.389-38\tvalid\t28001238938\n000.000.001-91\tvalid\t00000000191\n" {
		t.Errorf("exit %d, out %q, err %q", code, out, errOut)
	}
	code, out, _ = runValidateCLI(t, "", "cpf", "280.012.389-39", "28001238938")
	want := "280.012.389-39\tinvalid\tinvalid_cpf: cpf 280.012.389-39 has check digits 39; expected 38\n" +
		"28001238938\tvalid\t28001238938\n"
	if code != exitInvalid || out != want {
		t.Errorf("exit %d, out %q; want 1, %q", code, out, want)
	}
}

func TestValidateKinds(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
		code int
	}{
		{[]string{"cnpj", "12.abc.345/01de-35"}, "12.abc.345/01de-35\tvalid\t12ABC34501DE35\n", exitOK},
		{[]string{"-strict", "cnpj", "12.ABC.345/01DE-35"}, "12.ABC.345/01DE-35\tvalid\t12ABC34501DE35\n", exitOK},
		{[]string{"--strict", "cnpj", "12.ABc.345/01DE-35"},
			"12.ABc.345/01DE-35\tinvalid\tinvalid_cnpj: cnpj \"12.ABc.345/01DE-35\" has lowercase 'c' at position 6; strict parsing expects uppercase letters\n",
			exitInvalid},
		{[]string{"phone", "(11) 91234-5678"}, "(11) 91234-5678\tvalid\t+5511912345678\n", exitOK},
		{[]string{"email", "Ana@Example.COM"}, "Ana@Example.COM\tvalid\tAna@example.com\n", exitOK},
		{[]string{"cep", "01310-100"}, "01310-100\tvalid\t01310100\n", exitOK},
		{[]string{"money", "007.50", "-1.00"},
			"007.50\tvalid\t7.50\n-1.00\tinvalid\tinvalid_format: amount \"-1.00\" has '-' at position 1; expected digits, a point and exactly two decimal places, like 1234.56 (no sign, exponent, spaces or thousands separator)\n",
			exitInvalid},
		{[]string{"money", "92233720368547758.08"}, "92233720368547758.08\tvalid\t92233720368547758.08\n", exitOK},
	} {
		code, out, errOut := runValidateCLI(t, "", c.args...)
		if code != c.code || out != c.want || errOut != "" {
			t.Errorf("%v: exit %d, out %q, err %q; want %d, %q", c.args, code, out, errOut, c.code, c.want)
		}
	}
}

func TestValidateStdin(t *testing.T) {
	// CRLF terminators lose their \r; a \r inside a line stays (and trims away in
	// the CPF parser); a blank line is an input; the last line needs no newline;
	// a tab inside an input is printed as given.
	in := "280.012.389-38\r\n\n28001238938\r\r\n280.012.389-38\tx\n00000000191"
	code, out, errOut := runValidateCLI(t, in, "cpf")
	want := "280.012.389-38\tvalid\t28001238938\n" +
		"\tinvalid\tinvalid_cpf: cpf is empty; expected 11 digits, bare or masked as 000.000.000-00\n" +
		"28001238938\r\tvalid\t28001238938\n" +
		"280.012.389-38\tx\tinvalid\tinvalid_cpf: cpf \"280.012.389-38\\tx\" has '\\t' at position 15; expected 11 digits, bare or masked as 000.000.000-00\n" +
		"00000000191\tvalid\t00000000191\n"
	if code != exitInvalid || out != want || errOut != "" {
		t.Errorf("exit %d, err %q\nout  %q\nwant %q", code, errOut, out, want)
	}
	code, out, _ = runValidateCLI(t, "", "money")
	if code != exitOK || out != "" {
		t.Errorf("empty stdin: exit %d, out %q", code, out)
	}
	code, out, _ = runValidateCLI(t, "1.00\n2.50\n", "money")
	if code != exitOK || out != "1.00\tvalid\t1.00\n2.50\tvalid\t2.50\n" {
		t.Errorf("exit %d, out %q", code, out)
	}
}

func TestValidateLongLine(t *testing.T) {
	long := strings.Repeat("1", 2<<20) + ".00"
	code, out, _ := runValidateCLI(t, long+"\n1.00\n", "money")
	want := strings.Repeat("1", 64) + "...\tinvalid\tinvalid_format: money input line is longer than 1048576 bytes\n1.00\tvalid\t1.00\n"
	if code != exitInvalid || out != want {
		t.Errorf("exit %d, out %.200q", code, out)
	}
}

func TestValidateUsage(t *testing.T) {
	for _, args := range [][]string{{}, {"ssn", "1"}, {"-strict", "cpf", "1"}, {"-x", "cpf"}} {
		code, out, errOut := runValidateCLI(t, "", args...)
		if code != exitUsage || out != "" || !strings.HasPrefix(errOut, "lending validate: ") {
			t.Errorf("%v: exit %d, out %q, err %q", args, code, out, errOut)
		}
	}
	for _, args := range [][]string{{"-h"}, {"--help"}, {"help"}} {
		code, out, _ := runValidateCLI(t, "", args...)
		if code != exitOK || !strings.HasPrefix(out, "usage:") {
			t.Errorf("%v: exit %d, out %q", args, code, out)
		}
	}
}

// TestValidateIOErrors: as in calendar business-day, a failure to read stdin or to
// write the verdicts exits 1 with the reason on stderr.
func TestValidateIOErrors(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := run([]string{"validate", "cpf"}, streams{in: failingReader{}, out: &out, err: &errOut}); code != exitInvalid ||
		!strings.Contains(errOut.String(), "reading stdin: disk on fire") {
		t.Errorf("read error = %d, %q", code, errOut.String())
	}
	errOut.Reset()
	if code := run([]string{"validate", "cpf", "28001238938"}, streams{in: strings.NewReader(""), out: failingWriter{}, err: &errOut}); code != exitInvalid ||
		!strings.Contains(errOut.String(), "writing output: pipe closed") {
		t.Errorf("write error = %d, %q", code, errOut.String())
	}
}

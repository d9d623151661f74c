package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/dinie/lending/validation"
)

// validateUsageText is the help of `lending validate`.
const validateUsageText = `usage:
  lending validate [-strict] KIND [VALUE...]

KIND is cpf, cnpj, phone, email, cep or money. Each VALUE is judged; with no
VALUE, one value per line is read from stdin. One line is printed per input:

  INPUT<TAB>valid<TAB>CANONICAL
  INPUT<TAB>invalid<TAB>CODE: reason

INPUT is the value exactly as given: for stdin, the line without its "\n", or
without its "\r\n" (a "\r" is removed only as part of that terminator). A blank
line is an input like any other (and invalid). CANONICAL is the stored form: 11
digits (cpf), 14 uppercase characters (cnpj), E.164 +55DDNNNNNNNNN (phone), the
address with its domain lowercased (email), 8 digits (cep), the wire format
digits.dd without leading zeros (money). CODE is the API error code (invalid_cpf,
invalid_cnpj, invalid_format, amount_out_of_range); the reason never holds a tab,
so a consumer can split each line from the right even when INPUT holds one.
Stdin lines over 1 MiB are judged invalid unread (INPUT shows their first bytes
and "...").

Parsing is the validation package's: cpf and cnpj accept the bare or masked form
with spaces around; cnpj folds lowercase letters unless -strict is given (then a
lowercase letter is invalid, as in the Receita Federal's sample validator); money
is strict: digits, a point and exactly two decimals.

Exit status: 0 if every input is valid, 1 if any is invalid, 2 on a usage or
read error (message on stderr).
`

// validateMaxLine bounds one stdin line: far longer than any valid value, short
// enough that no input can exhaust memory.
const validateMaxLine = 1 << 20

// validateKinds maps each KIND to its judge: the canonical form, or the error.
func validateKinds(strict bool) map[string]func(string) (string, error) {
	return map[string]func(string) (string, error){
		"cpf": func(s string) (string, error) {
			c, err := validation.ParseCPF(s)
			return c.String(), err
		},
		"cnpj": func(s string) (string, error) {
			parse := validation.ParseCNPJ
			if strict {
				parse = validation.ParseCNPJStrict
			}
			c, err := parse(s)
			return c.String(), err
		},
		"phone": func(s string) (string, error) {
			p, err := validation.ParsePhone(s)
			return p.String(), err
		},
		"email": validation.ParseEmail,
		"cep": func(s string) (string, error) {
			c, err := validation.ParseCEP(s)
			return c.String(), err
		},
		"money": func(s string) (string, error) {
			d, err := validation.ParseMoney(s)
			if err != nil {
				return "", err
			}
			return validation.FormatMoney(d), nil
		},
	}
}

// runValidate runs `lending validate`. All judgement is the validation package's;
// this reads inputs and prints verdicts.
func runValidate(args []string, s streams) int {
	fs := flag.NewFlagSet("validate", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	strict := fs.Bool("strict", false, "reject lowercase CNPJ letters")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(s.out, validateUsageText)
			return exitOK
		}
		return validateUsage(s, err.Error())
	}
	args = fs.Args()
	if len(args) == 0 {
		return validateUsage(s, "missing KIND (cpf, cnpj, phone, email, cep or money)")
	}
	kind, values := args[0], args[1:]
	if kind == "help" {
		fmt.Fprint(s.out, validateUsageText)
		return exitOK
	}
	judge, ok := validateKinds(*strict)[kind]
	if !ok {
		return validateUsage(s, fmt.Sprintf("unknown KIND %q (want cpf, cnpj, phone, email, cep or money)", kind))
	}
	if *strict && kind != "cnpj" {
		return validateUsage(s, "-strict applies to cnpj only")
	}

	w := bufio.NewWriter(s.out)
	invalid := false
	verdict := func(input string, canonical string, err error) {
		w.WriteString(input)
		if err != nil {
			invalid = true
			w.WriteString("\tinvalid\t")
			w.WriteString(err.Error())
		} else {
			w.WriteString("\tvalid\t")
			w.WriteString(canonical)
		}
		w.WriteByte('\n')
	}
	if len(values) > 0 {
		for _, v := range values {
			c, err := judge(v)
			verdict(v, c, err)
		}
	} else if code := validateStdin(s, kind, judge, verdict); code != exitOK {
		w.Flush()
		return code
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintf(s.err, "lending validate: %v\n", err)
		return exitUsage
	}
	if invalid {
		return exitInvalid
	}
	return exitOK
}

// validateStdin judges one value per stdin line.
func validateStdin(s streams, kind string, judge func(string) (string, error), verdict func(string, string, error)) int {
	r := bufio.NewReaderSize(s.in, 64<<10)
	for {
		line, long, err := validateReadLine(r)
		if err != nil && !errors.Is(err, io.EOF) {
			fmt.Fprintf(s.err, "lending validate: reading stdin: %v\n", err)
			return exitUsage
		}
		if line != "" || long || err == nil {
			if long {
				code := validation.CodeInvalidFormat
				switch kind {
				case "cpf":
					code = validation.CodeInvalidCPF
				case "cnpj":
					code = validation.CodeInvalidCNPJ
				}
				verdict(line+"...", "", validation.Wrap(validation.ErrLength, code, kind,
					"%s input line is longer than %d bytes", kind, validateMaxLine))
			} else {
				c, jerr := judge(line)
				verdict(line, c, jerr)
			}
		}
		if err != nil { // io.EOF
			return exitOK
		}
	}
}

// validateReadLine returns the next line without its "\n" or "\r\n". err is nil
// when the line ended with "\n", io.EOF for a last line without it (then line may
// be empty: no input left). A line over validateMaxLine is consumed and returned
// cut to its first 64 bytes with long set.
func validateReadLine(r *bufio.Reader) (line string, long bool, err error) {
	var buf []byte
	for {
		chunk, err := r.ReadSlice('\n')
		if !long && len(buf)+len(chunk) > validateMaxLine {
			long = true
			buf = buf[:min(len(buf), 64)]
		}
		if !long {
			buf = append(buf, chunk...)
		} else if len(buf) < 64 {
			buf = append(buf, chunk[:min(len(chunk), 64-len(buf))]...)
		}
		switch {
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case err != nil:
			return string(buf), long, err
		}
		if long {
			return string(buf), true, nil
		}
		buf = buf[:len(buf)-1] // the '\n'
		if n := len(buf); n > 0 && buf[n-1] == '\r' {
			buf = buf[:n-1]
		}
		return string(buf), false, nil
	}
}

// validateUsage reports a usage error of `lending validate` and returns exitUsage.
func validateUsage(s streams, problem string) int {
	fmt.Fprintf(s.err, "lending validate: %s\n\n%s", problem, validateUsageText)
	return exitUsage
}

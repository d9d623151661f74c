package main

import (
	"flag"
	"fmt"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/money"
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
invalid_cnpj, or invalid_format for the others); the reason never holds a tab,
so a consumer can split each line from the right even when INPUT holds one.
Stdin lines over 1 MiB are judged invalid unread (INPUT shows their first 64
bytes and "..."). A bad input never stops the batch.

Parsing is the validation package's: cpf and cnpj accept the bare or masked form
with spaces around; cnpj folds lowercase letters unless -strict is given (then a
lowercase letter is invalid, as in the Receita Federal's sample validator); money
is strict: digits, a point and exactly two decimals.

Exit status: 0 if every input is valid, 1 if any is invalid, or if reading stdin
or writing failed (message on stderr), 2 on a usage error. lending calendar
business-day follows the same batch convention.
`

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
			d, err := money.Parse(s)
			if err != nil {
				return "", err
			}
			return money.Format(d), nil
		},
	}
}

// runValidate runs `lending validate`. All judgement is the validation package's;
// this reads inputs and prints verdicts.
func runValidate(args []string, s streams) int {
	fs := flag.NewFlagSet("validate", flag.ContinueOnError)
	strict := fs.Bool("strict", false, "reject lowercase CNPJ letters")
	onceEach(fs)
	if code, done := parseFlags(fs, args, s, validateUsageText); done {
		return code
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

	return judgeBatch("validate", values, s, func(input string, tooLong bool) (string, bool) {
		if tooLong {
			err := apierr.Wrap(apierr.ErrLength, kindCode(kind), kind,
				"%s input line is longer than %d bytes", kind, maxInputLine)
			return "...\tinvalid\t" + err.Error(), false
		}
		canonical, err := judge(input)
		if err != nil {
			return "\tinvalid\t" + err.Error(), false
		}
		return "\tvalid\t" + canonical, true
	})
}

// kindCode is the API error code of an invalid input of kind.
func kindCode(kind string) apierr.Code {
	switch kind {
	case "cpf":
		return apierr.InvalidCPF
	case "cnpj":
		return apierr.InvalidCNPJ
	}
	return apierr.InvalidFormat
}

// validateUsage reports a usage error of `lending validate` and returns exitUsage.
func validateUsage(s streams, problem string) int {
	return commandUsage(s, "validate", validateUsageText, problem)
}

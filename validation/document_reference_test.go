package validation_test

import (
	"regexp"
	"strings"
)

// Slow, obvious CPF and CNPJ validators written from docs/documents.md §1–§2 in another style
// than the package (regular expressions for the shape, weights generated from the
// right, the check digit as (10·sum mod 11) mod 10), for differential tests.

var (
	refCPFShape  = regexp.MustCompile(`^([0-9]{11}|[0-9]{3}\.[0-9]{3}\.[0-9]{3}-[0-9]{2})$`)
	refCNPJShape = regexp.MustCompile(`^([0-9A-Z]{12}[0-9]{2}|[0-9A-Z]{2}\.[0-9A-Z]{3}\.[0-9A-Z]{3}/[0-9A-Z]{4}-[0-9]{2})$`)
	refUnmask    = strings.NewReplacer(".", "", "-", "", "/", "")
)

func refTrim(s string) string { return strings.Trim(s, " \t\n\v\f\r") }

// refCheckDigit: with r = sum mod 11, the rule "0 if r < 2 else 11 − r" equals
// (10·sum mod 11) mod 10, because 10·sum ≡ −sum ≡ 11 − r (mod 11).
func refCheckDigit(sum int) byte { return byte('0' + (10*sum)%11%10) }

// refCPF returns the canonical CPF and whether s is a valid one.
func refCPF(s string) (string, bool) {
	s = refTrim(s)
	if !refCPFShape.MatchString(s) {
		return "", false
	}
	d := refUnmask.Replace(s)
	if strings.Count(d, d[:1]) == len(d) {
		return "", false
	}
	for k := 9; k <= 10; k++ {
		sum := 0
		for i := 0; i < k; i++ {
			sum += int(d[i]-'0') * (k + 1 - i)
		}
		if d[k] != refCheckDigit(sum) {
			return "", false
		}
	}
	return d, true
}

// refCNPJ returns the canonical CNPJ and whether s is a valid one; lenient folds
// ASCII lowercase letters (only ASCII: strings.ToUpper would also turn 'ſ' into 'S').
func refCNPJ(s string, lenient bool) (string, bool) {
	s = refTrim(s)
	if lenient {
		s = strings.Map(func(r rune) rune {
			if r >= 'a' && r <= 'z' {
				return r - 32
			}
			return r
		}, s)
	}
	if !refCNPJShape.MatchString(s) {
		return "", false
	}
	d := refUnmask.Replace(s)
	if d == "00000000000000" {
		return "", false
	}
	for k := 12; k <= 13; k++ {
		sum := 0
		for i := 0; i < k; i++ {
			fromRight := k - 1 - i
			sum += (int(d[i]) - 48) * (2 + fromRight%8)
		}
		if d[k] != refCheckDigit(sum) {
			return "", false
		}
	}
	return d, true
}

package validation

import "unicode/utf8"

// isSpace reports whether c is ASCII white space, what the human-typed fields trim.
func isSpace(c byte) bool {
	return c == ' ' || c-'\t' <= '\r'-'\t' // \t \n \v \f \r are 9 to 13
}

// trimmed returns s without the ASCII white space around it. The common case, no
// space, is decided inline.
func trimmed(s string) string {
	if len(s) == 0 || s[0] > ' ' && s[len(s)-1] > ' ' { // no white space sorts above ' '
		return s
	}
	t, _ := trimSpace(s)
	return t
}

// trimSpace removes ASCII white space around s, returning the rest and the byte
// offset of its start in s (for error positions).
func trimSpace(s string) (string, int) {
	i, j := 0, len(s)
	for i < j && isSpace(s[i]) {
		i++
	}
	for j > i && isSpace(s[j-1]) {
		j--
	}
	return s[i:j], i
}

// position is the 1-based character (not byte) position of byte offset i in s.
func position(s string, i int) int {
	return utf8.RuneCountInString(s[:i]) + 1
}

// checkDigit is the mod-11 check digit of a weighted sum, as CPF and CNPJ define
// it: 0 when the remainder is 0 or 1, else 11 minus the remainder.
func checkDigit(sum int) int {
	r := sum % 11
	if r < 2 {
		return 0
	}
	return 11 - r
}

// firstRune decodes the first character of s, for error messages.
func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func indexByte(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}

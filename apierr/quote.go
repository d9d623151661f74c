package apierr

import (
	"strconv"
	"unicode/utf8"
)

// QuoteLimit is the most bytes of an input Quote repeats.
const QuoteLimit = 48

// Quote quotes an input for an error Detail, as strconv.Quote does, but repeats at
// most QuoteLimit bytes of it, cut at a character boundary (never inside a UTF-8
// sequence), followed by "… (N bytes)" when it was cut: a megabyte of garbage never
// becomes a megabyte of message. It is the one way the library puts caller input in a
// message; it is never used on stored data of another customer or on secrets.
func Quote(s string) string {
	if len(s) <= QuoteLimit {
		return strconv.Quote(s)
	}
	cut := QuoteLimit
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return strconv.Quote(s[:cut]) + "… (" + strconv.Itoa(len(s)) + " bytes)"
}

// QuoteRune quotes one character for an error Detail: 'x', or its escape.
func QuoteRune(r rune) string { return strconv.QuoteRune(r) }

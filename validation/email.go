package validation

import (
	"unicode/utf8"

	"github.com/dinie/lending/apierr"
)

// MaxEmailLen and MaxEmailLocalLen are the limits ParseEmail applies, in bytes:
// the longest address SMTP can carry (254, RFC 5321 §4.5.3.1.3 less the angle
// brackets) and the longest local part (64, §4.5.3.1.1).
const (
	MaxEmailLen      = 254
	MaxEmailLocalLen = 64
)

const emailExpected = "expected local@domain.tld with no spaces, at most 254 characters"

// ParseEmail checks an e-mail address against simple, documented rules and returns
// its canonical form. The rules (docs/documents.md §4) are deliberately not RFC 5322, which
// admits addresses no mail provider issues and rejects few typos:
//
//   - white space around the address is trimmed; inside it, no space or control
//     character (apierr.ErrCharacter);
//   - exactly one '@' (apierr.ErrSyntax) with a non-empty local part before it (apierr.ErrSyntax) of
//     at most 64 bytes (apierr.ErrLength), and at most 254 bytes in all (apierr.ErrLength);
//   - a domain with at least one dot and no empty label: not starting or ending with
//     '.', no ".." (ErrHost).
//
// Non-ASCII characters are allowed (internationalised addresses) if the address is
// valid UTF-8 (apierr.ErrCharacter otherwise). The canonical form
// lowercases the ASCII letters of the domain, which is case-insensitive, and keeps the
// local part as given, since only the receiving server may interpret its case.
// A failure is an *apierr.Error with Code apierr.InvalidFormat and Param "email". Whether the
// address exists is not checked: that needs the network.
func ParseEmail(s string) (string, error) {
	t, off := trimSpace(s)
	if t == "" {
		return "", emailErr(apierr.ErrEmpty, "email is empty; %s", emailExpected)
	}
	if len(t) > MaxEmailLen {
		return "", emailErr(apierr.ErrLength, "email is %d characters long; expected at most %d", len(t), MaxEmailLen)
	}
	at, ats := -1, 0
	for i := 0; i < len(t); i++ {
		c := t[i]
		if c <= ' ' || c == 0x7f {
			return "", emailErr(apierr.ErrCharacter, "email %s has %s at position %d; %s",
				apierr.Quote(s), apierr.QuoteRune(rune(c)), position(s, off+i), emailExpected)
		}
		if c == '@' {
			at, ats = i, ats+1
		}
	}
	if !utf8.ValidString(t) {
		return "", emailErr(apierr.ErrCharacter, "email %s is not valid UTF-8; %s", apierr.Quote(s), emailExpected)
	}
	if ats != 1 {
		return "", emailErr(apierr.ErrSyntax, "email %s has %d '@'; %s", apierr.Quote(s), ats, emailExpected)
	}
	local, domain := t[:at], t[at+1:]
	if local == "" {
		return "", emailErr(apierr.ErrSyntax, "email %s has nothing before '@'; %s", apierr.Quote(s), emailExpected)
	}
	if len(local) > MaxEmailLocalLen {
		return "", emailErr(apierr.ErrLength, "email %s has a local part of %d characters; expected at most %d",
			apierr.Quote(s), len(local), MaxEmailLocalLen)
	}
	switch {
	case domain == "":
		return "", emailErr(ErrHost, "email %s has no domain after '@'; %s", apierr.Quote(s), emailExpected)
	case indexByte(domain, '.') < 0:
		return "", emailErr(ErrHost, "email %s has a domain without a dot; %s", apierr.Quote(s), emailExpected)
	case domain[0] == '.' || domain[len(domain)-1] == '.' || containsDots(domain):
		return "", emailErr(ErrHost, "email %s has an empty label in its domain (a leading, trailing or doubled dot); %s",
			apierr.Quote(s), emailExpected)
	}
	if !hasUpperASCII(domain) && len(t) == len(s) {
		return s, nil
	}
	b := make([]byte, 0, len(t))
	b = append(b, local...)
	b = append(b, '@')
	for i := 0; i < len(domain); i++ {
		c := domain[i]
		if c-'A' < 26 {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return string(b), nil
}

func containsDots(s string) bool {
	for i := 1; i < len(s); i++ {
		if s[i] == '.' && s[i-1] == '.' {
			return true
		}
	}
	return false
}

func hasUpperASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i]-'A' < 26 {
			return true
		}
	}
	return false
}

func emailErr(reason apierr.Reason, format string, args ...any) *apierr.Error {
	return apierr.Wrap(reason, apierr.InvalidFormat, "email", format, args...)
}

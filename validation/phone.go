package validation

import "github.com/dinie/lending/apierr"

// Phone is a valid Brazilian phone number for customer registration: a DDD (area
// code) and a subscriber number, mobile (9 digits starting with 9) or landline (8
// digits starting with 2 to 5). Values are made only by ParsePhone and
// UnmarshalText, so a non-zero Phone is always valid. Phone is a small comparable
// value: use == to compare, or use it as a map key. The zero value is "no phone";
// IsZero reports it and String returns "".
type Phone struct {
	n   [11]byte // DDD + subscriber number, ASCII digits
	len uint8    // 10 (landline) or 11 (mobile); 0 in the zero value
}

const phoneExpected = "expected a DDD and a mobile (9 digits starting with 9) or landline (8 digits starting with 2 to 5) number, optionally after +55, 55, 0055, a trunk 0 or 0 and a carrier code"

// ParsePhone parses a Brazilian phone number in any common shape and returns it
// as a Phone, whose String is the E.164 form "+55DDNNNNNNNNN". After trimming white
// space around s, the accepted shapes are (separators ' ', '(', ')' and '-' may appear
// anywhere and are ignored; '+' only first):
//
//	+55 11 91234-5678     country code with '+'
//	55 11 91234-5678      country code without '+' (12 or 13 digits in all)
//	0055 11 91234-5678    international prefix 00 and country code
//	(11) 91234-5678       DDD and number, 10 or 11 digits
//	(011) 91234-5678      trunk prefix 0 before the DDD
//	0 21 11 91234-5678    trunk 0, a two-digit carrier selection code (CSP) and the DDD
//
// The forms are told apart by their digit counts, which never collide: a DDD never
// starts with 0, and the international prefix is "00" while a carrier code never
// starts with 0. The DDD must be one of Anatel's 67 (see ValidDDD).
//
// Customer registration needs a reachable personal number, so non-geographic numbers
// are rejected with ErrNonGeographic: 0300, 0303, 0500, 0800 and 0900 services,
// capital-wide numbers of the 300X-XXXX and 400X-XXXX series (4004-style, with or
// without a DDD) and short codes (3 to 5 digits starting with 1, such as 190).
//
// A failure is an *apierr.Error with Code apierr.InvalidFormat, Param "phone" and one of the
// reasons apierr.ErrEmpty, apierr.ErrCharacter, apierr.ErrLength, ErrCountryCode, ErrDDD, ErrSubscriber
// or ErrNonGeographic. It allocates nothing on success.
func ParsePhone(s string) (Phone, error) {
	t, off := trimSpace(s)
	if t == "" {
		return Phone{}, phoneErr(apierr.ErrEmpty, "phone is empty; %s", phoneExpected)
	}
	var buf [16]byte
	n, plus := 0, false
	for i := 0; i < len(t); i++ {
		switch c := t[i]; {
		case c-'0' <= 9:
			if n < len(buf) {
				buf[n] = c
			}
			n++
		case c == ' ' || c == '(' || c == ')' || c == '-':
		case c == '+' && i == 0:
			plus = true
		default:
			r := rune(c)
			if c >= 0x80 {
				r = firstRune(t[i:])
			}
			return Phone{}, phoneErr(apierr.ErrCharacter, "phone %s has %s at position %d; %s",
				apierr.Quote(s), apierr.QuoteRune(r), position(s, off+i), phoneExpected)
		}
	}
	if n == 0 {
		return Phone{}, phoneErr(apierr.ErrLength, "phone %s has no digits; %s", apierr.Quote(s), phoneExpected)
	}
	if n > len(buf) {
		return Phone{}, phoneErr(apierr.ErrLength, "phone %s has %d digits; %s", apierr.Quote(s), n, phoneExpected)
	}
	d := buf[:n]
	var nat []byte // DDD + subscriber number
	switch {
	case plus:
		if n < 2 || d[0] != '5' || d[1] != '5' {
			return Phone{}, phoneErr(ErrCountryCode,
				"phone %s has a country code other than +55; expected a Brazilian number", apierr.Quote(s))
		}
		nat = d[2:]
	case n >= 2 && d[0] == '0' && d[1] == '0':
		if n < 4 || d[2] != '5' || d[3] != '5' {
			return Phone{}, phoneErr(ErrCountryCode,
				"phone %s dials abroad (00 but not 0055); expected a Brazilian number", apierr.Quote(s))
		}
		nat = d[4:]
	case nonGeographicService(d):
		return Phone{}, phoneErr(ErrNonGeographic,
			"phone %s is a %s service number, not a personal line; %s", apierr.Quote(s), string(d[:4]), phoneExpected)
	case n > 0 && d[0] == '0' && (n == 11 || n == 12):
		nat = d[1:] // trunk 0
	case n > 0 && d[0] == '0' && (n == 13 || n == 14):
		nat = d[3:] // trunk 0 and carrier code
	case (n == 12 || n == 13) && d[0] == '5' && d[1] == '5':
		nat = d[2:]
	case n == 10 || n == 11:
		nat = d
	case n >= 3 && n <= 5 && d[0] == '1':
		return Phone{}, phoneErr(ErrNonGeographic,
			"phone %s is a short code, not a personal line; %s", apierr.Quote(s), phoneExpected)
	case n == 8 && capitalWide(d):
		return Phone{}, phoneErr(ErrNonGeographic,
			"phone %s is a capital-wide (4004-style) service number, not a personal line; %s", apierr.Quote(s), phoneExpected)
	case n == 8 || n == 9:
		return Phone{}, phoneErr(apierr.ErrLength, "phone %s has no DDD; %s", apierr.Quote(s), phoneExpected)
	default:
		return Phone{}, phoneErr(apierr.ErrLength, "phone %s has %d digits; %s", apierr.Quote(s), n, phoneExpected)
	}
	return nationalPhone(s, nat)
}

// nationalPhone validates DDD + subscriber number.
func nationalPhone(s string, nat []byte) (Phone, error) {
	if len(nat) != 10 && len(nat) != 11 {
		return Phone{}, phoneErr(apierr.ErrLength, "phone %s has %d digits after the country code; %s",
			apierr.Quote(s), len(nat), phoneExpected)
	}
	if nat[1] == '0' && nat[2] == '0' && (nat[0] == '3' || nat[0] == '5' || nat[0] == '8' || nat[0] == '9') ||
		nat[0] == '3' && nat[1] == '0' && nat[2] == '3' {
		return Phone{}, phoneErr(ErrNonGeographic,
			"phone %s is a 0%s service number, not a personal line; %s", apierr.Quote(s), string(nat[:3]), phoneExpected)
	}
	if nat[0] == '0' {
		return Phone{}, phoneErr(ErrDDD, "phone %s has a 0 where the DDD starts; after +55 or 55 comes the DDD, without a trunk 0",
			apierr.Quote(s))
	}
	ddd := int(nat[0]-'0')*10 + int(nat[1]-'0')
	if !ValidDDD(ddd) {
		return Phone{}, phoneErr(ErrDDD, "phone %s has DDD %s, which is not a Brazilian area code; %s",
			apierr.Quote(s), string(nat[:2]), phoneExpected)
	}
	sub := nat[2:]
	switch {
	case len(sub) == 9 && sub[0] != '9':
		return Phone{}, phoneErr(ErrSubscriber,
			"phone %s has a 9-digit number not starting with 9; mobile numbers are 9 digits starting with 9", apierr.Quote(s))
	case len(sub) == 8 && sub[0] >= '6':
		return Phone{}, phoneErr(ErrSubscriber,
			"phone %s has an 8-digit mobile number; mobile numbers have had a leading 9 since 2016", apierr.Quote(s))
	case len(sub) == 8 && sub[0] < '2':
		return Phone{}, phoneErr(ErrSubscriber,
			"phone %s has a number starting with %c; landlines are 8 digits starting with 2 to 5", apierr.Quote(s), sub[0])
	case len(sub) == 8 && capitalWide(sub):
		return Phone{}, phoneErr(ErrNonGeographic,
			"phone %s is a capital-wide (4004-style) service number, not a personal line; %s", apierr.Quote(s), phoneExpected)
	}
	var p Phone
	p.len = uint8(copy(p.n[:], nat))
	return p, nil
}

// nonGeographicService reports whether d starts with a non-geographic code: 0300,
// 0303, 0500, 0800 or 0900 (Anatel numbering regulation, Resolução 749/2022).
func nonGeographicService(d []byte) bool {
	if len(d) < 4 || d[0] != '0' {
		return false
	}
	switch string(d[1:4]) {
	case "300", "303", "500", "800", "900":
		return true
	}
	return false
}

// capitalWide reports whether the 8-digit number d is of the 300X-XXXX or 400X-XXXX
// series, reachable at one number across capitals (4004-0001 style).
func capitalWide(d []byte) bool {
	return (d[0] == '3' || d[0] == '4') && d[1] == '0' && d[2] == '0'
}

func phoneErr(reason apierr.Reason, format string, args ...any) *apierr.Error {
	return apierr.Wrap(reason, apierr.InvalidFormat, "phone", format, args...)
}

// ValidDDD reports whether ddd is one of the 67 Brazilian area codes in Anatel's
// numbering plan: 11–19, 21, 22, 24, 27, 28, 31–35, 37, 38, 41–49, 51, 53–55, 61–69,
// 71, 73–75, 77, 79, 81–89, 91–99.
func ValidDDD(ddd int) bool {
	switch {
	case ddd >= 11 && ddd <= 19, ddd >= 41 && ddd <= 49, ddd >= 61 && ddd <= 69,
		ddd >= 81 && ddd <= 89, ddd >= 91 && ddd <= 99, ddd >= 31 && ddd <= 35:
		return true
	}
	switch ddd {
	case 21, 22, 24, 27, 28, 37, 38, 51, 53, 54, 55, 71, 73, 74, 75, 77, 79:
		return true
	}
	return false
}

// IsZero reports whether p is the zero value, "no phone".
func (p Phone) IsZero() bool { return p.len == 0 }

// String returns the E.164 form, "+5511912345678", or "" for the zero value.
func (p Phone) String() string {
	if p.IsZero() {
		return ""
	}
	return "+55" + string(p.n[:p.len])
}

// National returns the DDD and number without prefix or separators,
// "11912345678", or "" for the zero value.
func (p Phone) National() string { return string(p.n[:p.len]) }

// Format returns the usual Brazilian display form, "(11) 91234-5678" or
// "(11) 3456-7890", or "" for the zero value.
func (p Phone) Format() string {
	if p.IsZero() {
		return ""
	}
	n := p.n[:p.len]
	split := len(n) - 4
	return "(" + string(n[:2]) + ") " + string(n[2:split]) + "-" + string(n[split:])
}

// DDD returns the area code (11 for São Paulo), or 0 for the zero value.
func (p Phone) DDD() int {
	if p.IsZero() {
		return 0
	}
	return int(p.n[0]-'0')*10 + int(p.n[1]-'0')
}

// IsMobile reports whether p is a mobile number (9 digits after the DDD).
func (p Phone) IsMobile() bool { return p.len == 11 }

// MarshalText returns the E.164 form, so JSON carries "+5511912345678". The zero
// value marshals to empty text.
func (p Phone) MarshalText() ([]byte, error) { return []byte(p.String()), nil }

// UnmarshalText parses text as ParsePhone does. Empty text gives the zero Phone
// without error, so an optional field round-trips.
func (p *Phone) UnmarshalText(text []byte) error {
	if p == nil {
		return apierr.NilReceiver("*validation.Phone")
	}
	if len(text) == 0 {
		*p = Phone{}
		return nil
	}
	v, err := ParsePhone(string(text))
	if err != nil {
		return err
	}
	*p = v
	return nil
}

package validation

import "github.com/dinie/lending/apierr"

// CEP is a valid CEP (Código de Endereçamento Postal), the Brazilian postal code,
// in canonical form: 8 digits. Values are made only by ParseCEP and UnmarshalText.
// CEP is a small comparable value; the zero value is "no CEP", IsZero reports it and
// String returns "".
type CEP struct {
	d [8]byte // ASCII digits; all zero bytes in the zero value
}

const cepExpected = "expected 8 digits, bare or masked as 00000-000"

// ParseCEP parses a CEP given bare (01310100) or with the canonical mask
// (01310-100), after trimming white space around it. Whether the CEP exists is not
// checked (that needs the Correios database); any 8 digits are accepted, and short
// input is never left-padded. A failure is an *apierr.Error with Code apierr.InvalidFormat,
// Param "cep" and reason apierr.ErrEmpty, apierr.ErrCharacter, apierr.ErrLength or ErrMask. It allocates
// nothing on success.
func ParseCEP(s string) (CEP, error) {
	t, off := trimSpace(s)
	var c CEP
	switch {
	case len(t) == 8:
		copy(c.d[:], t)
	case len(t) == 9 && t[5] == '-':
		copy(c.d[:5], t[:5])
		copy(c.d[5:], t[6:])
	default:
		return CEP{}, cepError(s, t, off)
	}
	for _, ch := range c.d {
		if ch-'0' > 9 {
			return CEP{}, cepError(s, t, off)
		}
	}
	return c, nil
}

func cepError(s, t string, off int) *apierr.Error {
	if t == "" {
		return apierr.Wrap(apierr.ErrEmpty, apierr.InvalidFormat, "cep", "cep is empty; %s", cepExpected)
	}
	n := 0
	for i, r := range t {
		switch {
		case r >= '0' && r <= '9':
			n++
		case r == '-':
		default:
			return apierr.Wrap(apierr.ErrCharacter, apierr.InvalidFormat, "cep", "cep %s has %s at position %d; %s",
				apierr.Quote(s), apierr.QuoteRune(r), position(s, off+i), cepExpected)
		}
	}
	if n != 8 {
		return apierr.Wrap(apierr.ErrLength, apierr.InvalidFormat, "cep", "cep %s has %d digits; %s", apierr.Quote(s), n, cepExpected)
	}
	return apierr.Wrap(ErrMask, apierr.InvalidFormat, "cep", "cep %s has a hyphen out of place; %s", apierr.Quote(s), cepExpected)
}

// IsZero reports whether c is the zero value, "no CEP".
func (c CEP) IsZero() bool { return c.d[0] == 0 }

// String returns the canonical form, 8 digits ("01310100"), or "" for the zero value.
func (c CEP) String() string {
	if c.IsZero() {
		return ""
	}
	return string(c.d[:])
}

// Format returns the masked form 00000-000 ("01310-100"), or "" for the zero value.
func (c CEP) Format() string {
	if c.IsZero() {
		return ""
	}
	return string(c.d[:5]) + "-" + string(c.d[5:])
}

// MarshalText returns the canonical form; the zero value marshals to empty text.
func (c CEP) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// UnmarshalText parses text as ParseCEP does. Empty text gives the zero CEP without
// error, so an optional field round-trips.
func (c *CEP) UnmarshalText(text []byte) error {
	if c == nil {
		return apierr.NilReceiver("*validation.CEP")
	}
	if len(text) == 0 {
		*c = CEP{}
		return nil
	}
	v, err := ParseCEP(string(text))
	if err != nil {
		return err
	}
	*c = v
	return nil
}

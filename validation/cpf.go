package validation

import (
	"encoding/binary"
	"math/rand/v2"

	"github.com/dinie/lending/apierr"
)

// CPF is a valid CPF (Cadastro de Pessoas Físicas), the taxpayer number of an
// individual, in canonical form: its 11 digits. Values are made only by ParseCPF,
// UnmarshalText and GenerateCPF, so a non-zero CPF is always valid. CPF is a small
// comparable value: use == to compare (formatting never matters), or use it as a map
// key. The zero value is "no CPF"; IsZero reports it and String returns "".
type CPF struct {
	// The 11 ASCII digits, little-endian: digits 1–8 in lo, 9–11 in hi; all zero in
	// the zero value. Words rather than an [11]byte so Go passes a CPF in
	// registers (see CNPJ).
	lo uint64
	hi uint32
}

// packCPF packs 11 canonical digits into a CPF.
func packCPF(d *[11]byte) CPF {
	return CPF{
		lo: binary.LittleEndian.Uint64(d[0:8]),
		hi: uint32(d[8]) | uint32(d[9])<<8 | uint32(d[10])<<16,
	}
}

// digits unpacks c's 11 digits.
func (c CPF) digits() [11]byte {
	var d [11]byte
	binary.LittleEndian.PutUint64(d[0:8], c.lo)
	d[8], d[9], d[10] = byte(c.hi), byte(c.hi>>8), byte(c.hi>>16)
	return d
}

const cpfExpected = "expected 11 digits, bare or masked as 000.000.000-00"

// ParseCPF parses a CPF given bare (28001238938) or with the canonical mask
// (280.012.389-38), after trimming white space around it. Short input is never
// left-padded with zeros: "191" is not 000.000.001-91. It allocates nothing on success.
//
// A failure is an *apierr.Error with Code apierr.InvalidCPF, Param "cpf" and one of the
// reasons apierr.ErrEmpty, apierr.ErrCharacter, apierr.ErrLength, ErrMask, ErrRepeatedDigits (the ten
// values of one repeated digit, which pass the check digits but are not issued) or
// ErrCheckDigit.
func ParseCPF(s string) (CPF, error) {
	if c, ok := parseCPF(s); ok {
		return c, nil
	}
	return CPF{}, cpfError(s)
}

// parseCPF is the fast path: it only says whether s is valid. Unrolled, with one
// branch for the 11 character classes, like parseCNPJ.
func parseCPF(s string) (CPF, bool) {
	t := trimmed(s)
	var c [11]byte
	switch {
	case len(t) == 11:
		copy(c[:], t)
	case len(t) == 14 && t[3] == '.' && t[7] == '.' && t[11] == '-':
		copy(c[0:3], t[0:3])
		copy(c[3:6], t[4:7])
		copy(c[6:9], t[8:11])
		copy(c[9:11], t[12:14])
	default:
		return CPF{}, false
	}
	// The strict half of cnpjValues maps digits to 0–9, letters to 17–42 and
	// everything else to 0xff: only digits have no bit above 0x0f.
	d := &c
	v0 := cnpjValues[256|uint(d[0])]
	v1 := cnpjValues[256|uint(d[1])]
	v2 := cnpjValues[256|uint(d[2])]
	v3 := cnpjValues[256|uint(d[3])]
	v4 := cnpjValues[256|uint(d[4])]
	v5 := cnpjValues[256|uint(d[5])]
	v6 := cnpjValues[256|uint(d[6])]
	v7 := cnpjValues[256|uint(d[7])]
	v8 := cnpjValues[256|uint(d[8])]
	if (v0|v1|v2|v3|v4|v5|v6|v7|v8)&0xf0 != 0 {
		return CPF{}, false
	}
	s1 := 10*int(v0) + 9*int(v1) + 8*int(v2) + 7*int(v3) + 6*int(v4) +
		5*int(v5) + 4*int(v6) + 3*int(v7) + 2*int(v8)
	sum := int(v0) + int(v1) + int(v2) + int(v3) + int(v4) + int(v5) + int(v6) + int(v7) + int(v8)
	// DV2's weights (11 … 3 over the base, 2 on DV1) are DV1's plus one.
	dv1 := checkDigit(s1)
	dv2 := checkDigit(s1 + sum + 2*dv1)
	if int(d[9]) != '0'+dv1 || int(d[10]) != '0'+dv2 {
		return CPF{}, false
	}
	// A base of one repeated digit always yields check digits equal to it (the ten
	// repeated values pass the checksum), so a repeated base is a repeated CPF.
	if v0 == v1 && v1 == v2 && v2 == v3 && v3 == v4 && v4 == v5 && v5 == v6 && v6 == v7 && v7 == v8 {
		return CPF{}, false
	}
	const z = '0'
	return CPF{
		lo: uint64(v0+z) | uint64(v1+z)<<8 | uint64(v2+z)<<16 | uint64(v3+z)<<24 |
			uint64(v4+z)<<32 | uint64(v5+z)<<40 | uint64(v6+z)<<48 | uint64(v7+z)<<56,
		hi: uint32(v8+z) | uint32(d[9])<<8 | uint32(d[10])<<16,
	}, true
}

// cpfCheckDigits returns the two check digits of the 9 base digits in d (values
// 0–9): DV1 weighs them 10 down to 2, DV2 weighs them and DV1 11 down to 2.
// parseCPF computes the same sums unrolled; this plain form serves the slow paths.
func cpfCheckDigits(d *[11]byte) (int, int) {
	s1, s2 := 0, 0
	for i := range 9 {
		v := int(d[i] - '0')
		s1 += v * (10 - i)
		s2 += v * (11 - i)
	}
	dv1 := checkDigit(s1)
	return dv1, checkDigit(s2 + 2*dv1)
}

func repeated(d *[11]byte) bool {
	for i := 1; i < 11; i++ {
		if d[i] != d[0] {
			return false
		}
	}
	return true
}

// cpfError explains why s is not a CPF. It runs only on failure.
func cpfError(s string) *apierr.Error {
	t, off := trimSpace(s)
	if t == "" {
		return apierr.Wrap(apierr.ErrEmpty, apierr.InvalidCPF, "cpf", "cpf is empty; %s", cpfExpected)
	}
	var c [11]byte
	n := 0
	for i, r := range t {
		switch {
		case r >= '0' && r <= '9':
			if n < 11 {
				c[n] = byte(r)
			}
			n++
		case r == '.' || r == '-':
		default:
			return apierr.Wrap(apierr.ErrCharacter, apierr.InvalidCPF, "cpf", "cpf %s has %s at position %d; %s",
				apierr.Quote(s), apierr.QuoteRune(r), position(s, off+i), cpfExpected)
		}
	}
	if n != 11 {
		return apierr.Wrap(apierr.ErrLength, apierr.InvalidCPF, "cpf",
			"cpf %s has %d digits; %s (short input is never zero-padded)", apierr.Quote(s), n, cpfExpected)
	}
	if len(t) != 11 && !(len(t) == 14 && t[3] == '.' && t[7] == '.' && t[11] == '-') {
		return apierr.Wrap(ErrMask, apierr.InvalidCPF, "cpf", "cpf %s has separators out of place; %s",
			apierr.Quote(s), cpfExpected)
	}
	if repeated(&c) {
		return apierr.Wrap(ErrRepeatedDigits, apierr.InvalidCPF, "cpf",
			"cpf %s repeats one digit; such numbers pass the check digits but are never issued",
			packCPF(&c).Format())
	}
	dv1, dv2 := cpfCheckDigits(&c)
	return apierr.Wrap(ErrCheckDigit, apierr.InvalidCPF, "cpf", "cpf %s has check digits %s; expected %d%d",
		packCPF(&c).Format(), c[9:], dv1, dv2)
}

// CPFCheckDigits returns the two check digits of a CPF base of exactly 9 digits
// ("280012389" → "38"). Errors are apierr.InvalidCPF with apierr.ErrLength or apierr.ErrCharacter.
func CPFCheckDigits(base string) (string, error) {
	if len(base) != 9 {
		return "", apierr.Wrap(apierr.ErrLength, apierr.InvalidCPF, "cpf",
			"cpf base %s has %d characters; expected 9 digits", apierr.Quote(base), len(base))
	}
	var d [11]byte
	for i := range 9 {
		if base[i]-'0' > 9 {
			return "", apierr.Wrap(apierr.ErrCharacter, apierr.InvalidCPF, "cpf",
				"cpf base %s has %s at position %d; expected 9 digits", apierr.Quote(base), apierr.QuoteRune(rune(base[i])), i+1)
		}
		d[i] = base[i]
	}
	dv1, dv2 := cpfCheckDigits(&d)
	return string([]byte{byte('0' + dv1), byte('0' + dv2)}), nil
}

// IsZero reports whether c is the zero value, "no CPF".
func (c CPF) IsZero() bool { return c.lo == 0 }

// String returns the canonical form, 11 digits without mask ("28001238938"), or ""
// for the zero value.
func (c CPF) String() string {
	if c.IsZero() {
		return ""
	}
	d := c.digits()
	return string(d[:])
}

// Format returns the masked form 000.000.000-00 ("280.012.389-38"), or "" for the
// zero value.
func (c CPF) Format() string {
	if c.IsZero() {
		return ""
	}
	d := c.digits()
	return string([]byte{d[0], d[1], d[2], '.', d[3], d[4], d[5], '.', d[6], d[7], d[8], '-', d[9], d[10]})
}

// MarshalText returns the canonical form, so JSON carries "28001238938". The zero
// value marshals to empty text.
func (c CPF) MarshalText() ([]byte, error) {
	if c.IsZero() {
		return []byte{}, nil
	}
	d := c.digits()
	return d[:], nil
}

// UnmarshalText parses text as ParseCPF does. Empty text gives the zero CPF without
// error, so an optional field round-trips; a server that requires the field checks
// IsZero and reports apierr.MissingRequiredField.
func (c *CPF) UnmarshalText(text []byte) error {
	if c == nil {
		return apierr.NilReceiver("*validation.CPF")
	}
	if len(text) == 0 {
		*c = CPF{}
		return nil
	}
	v, err := ParseCPF(string(text))
	if err != nil {
		return err
	}
	*c = v
	return nil
}

// FiscalRegion returns the Receita Federal fiscal region where the CPF was first
// registered, read from its 9th digit (1 to 9 name regions 1 to 9, 0 names region
// 10). The zero CPF returns 0.
func (c CPF) FiscalRegion() FiscalRegion {
	if c.IsZero() {
		return 0
	}
	ninth := byte(c.hi)
	if ninth == '0' {
		return 10
	}
	return FiscalRegion(ninth - '0')
}

// FiscalRegion is one of the Receita Federal's ten fiscal regions (1 to 10); the 9th
// digit of a CPF names the region of first registration. 0 is no region.
type FiscalRegion uint8

// States returns the abbreviations of the states (and DF) of region r, in a new
// slice, or nil if r is not a region:
//
//	1 DF GO MS MT TO · 2 AC AM AP PA RO RR · 3 CE MA PI · 4 AL PB PE RN · 5 BA SE
//	6 MG · 7 ES RJ · 8 SP · 9 PR SC · 10 RS
func (r FiscalRegion) States() []string {
	switch r {
	case 1:
		return []string{"DF", "GO", "MS", "MT", "TO"}
	case 2:
		return []string{"AC", "AM", "AP", "PA", "RO", "RR"}
	case 3:
		return []string{"CE", "MA", "PI"}
	case 4:
		return []string{"AL", "PB", "PE", "RN"}
	case 5:
		return []string{"BA", "SE"}
	case 6:
		return []string{"MG"}
	case 7:
		return []string{"ES", "RJ"}
	case 8:
		return []string{"SP"}
	case 9:
		return []string{"PR", "SC"}
	case 10:
		return []string{"RS"}
	}
	return nil
}

// GenerateCPF returns a valid CPF drawn from r: 9 uniform random base digits (never
// all equal) and their check digits. The same seed gives the same CPFs, and there is
// no global state. A nil r stands for a fixed seed, rand.New(rand.NewPCG(0, 0)), so
// every such call returns the same CPF. Meant for tests and sandboxes: a generated
// CPF may belong to a real person.
func GenerateCPF(r *rand.Rand) CPF {
	if r == nil {
		r = rand.New(rand.NewPCG(0, 0))
	}
	var d [11]byte
	for {
		for i := range 9 {
			d[i] = byte('0' + r.IntN(10))
		}
		dv1, dv2 := cpfCheckDigits(&d)
		d[9], d[10] = byte('0'+dv1), byte('0'+dv2)
		if !repeated(&d) {
			return packCPF(&d)
		}
	}
}

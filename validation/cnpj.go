package validation

import (
	"encoding/binary"
	"math/rand/v2"

	"github.com/dinie/lending/apierr"
)

// CNPJ is a valid CNPJ (Cadastro Nacional da Pessoa Jurídica), the registration of a
// company or an MEI, numeric or alphanumeric, in canonical form: 14 characters, the
// first 12 digits or uppercase ASCII letters, the last two digits. Values are made
// only by ParseCNPJ, ParseCNPJStrict, UnmarshalText and the generators, so a non-zero
// CNPJ is always valid. CNPJ is a small comparable value: use == to compare
// (formatting and letter case never matter), or use it as a map key. The zero value
// is "no CNPJ"; IsZero reports it and String returns "".
type CNPJ struct {
	// The 14 ASCII characters [0-9A-Z]{12}[0-9]{2}, little-endian: characters 1–8
	// in lo, 9–14 in hi; all zero in the zero value. Two words rather than a
	// [14]byte because Go passes them in registers, which keeps the validation hot
	// path free of memory round trips (see BenchmarkValidateCNPJ).
	lo, hi uint64
}

// packCNPJ packs 14 canonical characters into a CNPJ.
func packCNPJ(b *[14]byte) CNPJ {
	return CNPJ{
		lo: binary.LittleEndian.Uint64(b[0:8]),
		hi: uint64(binary.LittleEndian.Uint32(b[8:12])) | uint64(binary.LittleEndian.Uint16(b[12:14]))<<32,
	}
}

// chars unpacks c's 14 characters.
func (c CNPJ) chars() [14]byte {
	var b [14]byte
	binary.LittleEndian.PutUint64(b[0:8], c.lo)
	binary.LittleEndian.PutUint32(b[8:12], uint32(c.hi))
	binary.LittleEndian.PutUint16(b[12:14], uint16(c.hi>>32))
	return b
}

const cnpjExpected = "expected 14 characters (12 digits or uppercase letters, then 2 digits), bare or masked as SS.SSS.SSS/SSSS-NN"

// ParseCNPJ parses a CNPJ, numeric (11.222.333/0001-81) or alphanumeric
// (12.ABC.345/01DE-35), given bare or with the canonical mask SS.SSS.SSS/SSSS-NN,
// after trimming white space around it. Lowercase letters are accepted and
// uppercased; ParseCNPJStrict rejects them. Short input is never left-padded. It
// allocates nothing on success.
//
// A failure is an *apierr.Error with Code apierr.InvalidCNPJ, Param "cnpj" and one of the
// reasons apierr.ErrEmpty, apierr.ErrCharacter (outside [0-9A-Za-z], or a letter in the check
// digits), apierr.ErrLength, ErrMask, ErrRepeatedDigits (00000000000000, which passes the
// check digits) or ErrCheckDigit.
func ParseCNPJ(s string) (CNPJ, error) {
	if c, ok := parseCNPJ(s, false); ok {
		return c, nil
	}
	return CNPJ{}, cnpjError(s, false)
}

// ParseCNPJStrict is ParseCNPJ without case folding: a lowercase letter is an error
// with reason ErrLowercase, as in the Receita Federal's sample validator. Use it
// where input must already be canonical, such as a value echoed back by a system
// that stores it.
func ParseCNPJStrict(s string) (CNPJ, error) {
	if c, ok := parseCNPJ(s, true); ok {
		return c, nil
	}
	return CNPJ{}, cnpjError(s, true)
}

// parseCNPJ is the fast path: it only says whether s is valid. It is unrolled and
// tests the 12 character classes with one branch, because it is the hot path of
// every registration (BenchmarkValidateCNPJ).
func parseCNPJ(s string, strict bool) (CNPJ, bool) {
	t := trimmed(s)
	var c [14]byte
	switch {
	case len(t) == 14:
		copy(c[:], t)
	case len(t) == 18 && t[2] == '.' && t[6] == '.' && t[10] == '/' && t[15] == '-':
		copy(c[0:2], t[0:2])
		copy(c[2:5], t[3:6])
		copy(c[5:8], t[7:10])
		copy(c[8:12], t[11:15])
		copy(c[12:14], t[16:18])
	default:
		return CNPJ{}, false
	}
	// cnpjValues holds the lenient table then the strict one; the mask keeps the
	// index provably in range, so there is no bounds check.
	var h uint
	if strict {
		h = 256
	}
	b := &c
	v0 := cnpjValues[(h|uint(b[0]))&511]
	v1 := cnpjValues[(h|uint(b[1]))&511]
	v2 := cnpjValues[(h|uint(b[2]))&511]
	v3 := cnpjValues[(h|uint(b[3]))&511]
	v4 := cnpjValues[(h|uint(b[4]))&511]
	v5 := cnpjValues[(h|uint(b[5]))&511]
	v6 := cnpjValues[(h|uint(b[6]))&511]
	v7 := cnpjValues[(h|uint(b[7]))&511]
	v8 := cnpjValues[(h|uint(b[8]))&511]
	v9 := cnpjValues[(h|uint(b[9]))&511]
	v10 := cnpjValues[(h|uint(b[10]))&511]
	v11 := cnpjValues[(h|uint(b[11]))&511]
	// Values are at most 42; only the invalid marker 0xff has the top bit.
	if (v0|v1|v2|v3|v4|v5|v6|v7|v8|v9|v10|v11)&0x80 != 0 {
		return CNPJ{}, false
	}
	sum := int(v0) + int(v1) + int(v2) + int(v3) + int(v4) + int(v5) +
		int(v6) + int(v7) + int(v8) + int(v9) + int(v10) + int(v11)
	s1 := 5*int(v0) + 4*int(v1) + 3*int(v2) + 2*int(v3) + 9*int(v4) + 8*int(v5) +
		7*int(v6) + 6*int(v7) + 5*int(v8) + 4*int(v9) + 3*int(v10) + 2*int(v11)
	// DV2's weights are DV1's plus one, except at the 5th character (2, not 10), so
	// s2 = s1 + Σv − 8·v4 + 2·DV1.
	dv1 := checkDigit(s1)
	dv2 := checkDigit(s1 + sum - 8*int(v4) + 2*dv1)
	// Σv = 0 only for a base of twelve '0', whose check digits are 00: the all-zero CNPJ.
	if int(b[12]) != '0'+dv1 || int(b[13]) != '0'+dv2 || sum == 0 {
		return CNPJ{}, false
	}
	// The canonical characters are the values plus '0' (folding case).
	const z = '0'
	return CNPJ{
		lo: uint64(v0+z) | uint64(v1+z)<<8 | uint64(v2+z)<<16 | uint64(v3+z)<<24 |
			uint64(v4+z)<<32 | uint64(v5+z)<<40 | uint64(v6+z)<<48 | uint64(v7+z)<<56,
		hi: uint64(v8+z) | uint64(v9+z)<<8 | uint64(v10+z)<<16 | uint64(v11+z)<<24 |
			uint64(b[12])<<32 | uint64(b[13])<<40,
	}, true
}

// cnpjCheckDigits returns the check digits of the 12 base characters of c, each
// valued at its ASCII code minus 48 ('0'–'9' → 0–9, 'A' → 17 … 'Z' → 42, IN RFB
// 2.229/2024): DV1 weighs them 5,4,3,2,9,8,7,6,5,4,3,2; DV2 weighs them and DV1
// 6,5,4,3,2,9,8,7,6,5,4,3,2. parseCNPJ computes the same sums unrolled; this plain
// form serves the slow paths.
func cnpjCheckDigits(c *[14]byte) (int, int) {
	w1 := [12]int{5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2}
	w2 := [12]int{6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3}
	s1, s2 := 0, 0
	for i := range 12 {
		v := int(c[i]) - '0'
		s1 += v * w1[i]
		s2 += v * w2[i]
	}
	dv1 := checkDigit(s1)
	return dv1, checkDigit(s2 + 2*dv1)
}

// cnpjValues maps a byte b to its CNPJ value (ASCII code − 48) for [0-9A-Z] and,
// folding case, [a-z]; every other byte maps to 0xff. cnpjValues[256+b] is the same
// without case folding, for strict parsing. A constant, so the fast path needs no
// branch per character class and the package no mutable table.
const cnpjValues = "\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff" +
	"\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff" +
	"\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff" +
	"\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\xff\xff\xff\xff\xff\xff" +
	"\xff\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f" +
	"\x20\x21\x22\x23\x24\x25\x26\x27\x28\x29\x2a\xff\xff\xff\xff\xff" +
	"\xff\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f" +
	"\x20\x21\x22\x23\x24\x25\x26\x27\x28\x29\x2a\xff\xff\xff\xff\xff" +
	"\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff" +
	"\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff" +
	"\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff" +
	"\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff" +
	"\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff" +
	"\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff" +
	"\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff" +
	"\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff" +
	"\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff" +
	"\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff" +
	"\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff" +
	"\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\xff\xff\xff\xff\xff\xff" +
	"\xff\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f" +
	"\x20\x21\x22\x23\x24\x25\x26\x27\x28\x29\x2a\xff\xff\xff\xff\xff" +
	"\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff" +
	"\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff" +
	"\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff" +
	"\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff" +
	"\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff" +
	"\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff" +
	"\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff" +
	"\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff" +
	"\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff" +
	"\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff"

func allZero(c *[14]byte) bool {
	for _, ch := range c {
		if ch != '0' {
			return false
		}
	}
	return true
}

// cnpjError explains why s is not a CNPJ. It runs only on failure.
func cnpjError(s string, strict bool) *apierr.Error {
	t, off := trimSpace(s)
	if t == "" {
		return apierr.Wrap(apierr.ErrEmpty, apierr.InvalidCNPJ, "cnpj", "cnpj is empty; %s", cnpjExpected)
	}
	var c [14]byte
	n := 0
	for i, r := range t {
		switch {
		case r >= '0' && r <= '9' || r >= 'A' && r <= 'Z':
		case r >= 'a' && r <= 'z':
			if strict {
				return apierr.Wrap(ErrLowercase, apierr.InvalidCNPJ, "cnpj",
					"cnpj %s has lowercase %s at position %d; strict parsing expects uppercase letters",
					apierr.Quote(s), apierr.QuoteRune(r), position(s, off+i))
			}
			r -= 'a' - 'A'
		case r == '.' || r == '/' || r == '-':
			continue
		default:
			return apierr.Wrap(apierr.ErrCharacter, apierr.InvalidCNPJ, "cnpj", "cnpj %s has %s at position %d; %s",
				apierr.Quote(s), apierr.QuoteRune(r), position(s, off+i), cnpjExpected)
		}
		if n < 14 {
			c[n] = byte(r)
		}
		n++
	}
	if n != 14 {
		return apierr.Wrap(apierr.ErrLength, apierr.InvalidCNPJ, "cnpj",
			"cnpj %s has %d characters besides the mask; %s (short input is never zero-padded)",
			apierr.Quote(s), n, cnpjExpected)
	}
	if len(t) != 14 && !(len(t) == 18 && t[2] == '.' && t[6] == '.' && t[10] == '/' && t[15] == '-') {
		return apierr.Wrap(ErrMask, apierr.InvalidCNPJ, "cnpj", "cnpj %s has separators out of place; %s",
			apierr.Quote(s), cnpjExpected)
	}
	for i := 12; i < 14; i++ {
		if c[i]-'0' > 9 {
			return apierr.Wrap(apierr.ErrCharacter, apierr.InvalidCNPJ, "cnpj",
				"cnpj %s has %s as check digit %d; check digits are always digits",
				apierr.Quote(s), apierr.QuoteRune(rune(c[i])), i-11)
		}
	}
	if allZero(&c) {
		return apierr.Wrap(ErrRepeatedDigits, apierr.InvalidCNPJ, "cnpj",
			"cnpj 00.000.000/0000-00 is all zeros; it passes the check digits but is never issued")
	}
	dv1, dv2 := cnpjCheckDigits(&c)
	return apierr.Wrap(ErrCheckDigit, apierr.InvalidCNPJ, "cnpj", "cnpj %s has check digits %s; expected %d%d",
		packCNPJ(&c).Format(), c[12:], dv1, dv2)
}

// CNPJCheckDigits returns the two check digits of a CNPJ base of exactly 12
// characters, digits or letters, lowercase folded to uppercase ("12ABC34501DE" →
// "35", "000000000001" → "91"). Errors are apierr.InvalidCNPJ with apierr.ErrLength or
// apierr.ErrCharacter.
func CNPJCheckDigits(base string) (string, error) {
	if len(base) != 12 {
		return "", apierr.Wrap(apierr.ErrLength, apierr.InvalidCNPJ, "cnpj",
			"cnpj base %s has %d characters; expected 12 digits or letters", apierr.Quote(base), len(base))
	}
	var c [14]byte
	for i := range 12 {
		ch := base[i]
		if ch-'a' < 26 {
			ch -= 'a' - 'A'
		}
		if ch-'0' > 9 && ch-'A' >= 26 {
			return "", apierr.Wrap(apierr.ErrCharacter, apierr.InvalidCNPJ, "cnpj",
				"cnpj base %s has %s at position %d; expected 12 digits or letters",
				apierr.Quote(base), apierr.QuoteRune(rune(base[i])), i+1)
		}
		c[i] = ch
	}
	dv1, dv2 := cnpjCheckDigits(&c)
	return string([]byte{byte('0' + dv1), byte('0' + dv2)}), nil
}

// IsZero reports whether c is the zero value, "no CNPJ".
func (c CNPJ) IsZero() bool { return c.lo == 0 }

// String returns the canonical form, 14 characters without mask
// ("12ABC34501DE35"), or "" for the zero value.
func (c CNPJ) String() string {
	if c.IsZero() {
		return ""
	}
	b := c.chars()
	return string(b[:])
}

// Format returns the masked form SS.SSS.SSS/SSSS-NN ("12.ABC.345/01DE-35"), or ""
// for the zero value.
func (c CNPJ) Format() string {
	if c.IsZero() {
		return ""
	}
	d := c.chars()
	return string([]byte{d[0], d[1], '.', d[2], d[3], d[4], '.', d[5], d[6], d[7], '/',
		d[8], d[9], d[10], d[11], '-', d[12], d[13]})
}

// Root returns the 8-character root (raiz) that identifies the company, shared by
// all its establishments, or "" for the zero value.
func (c CNPJ) Root() string {
	if c.IsZero() {
		return ""
	}
	b := c.chars()
	return string(b[:8])
}

// IsAlphanumeric reports whether c has a letter, that is, whether it is of the
// alphanumeric kind issued since July 2026.
func (c CNPJ) IsAlphanumeric() bool {
	b := c.chars()
	for _, ch := range b[:12] {
		if ch >= 'A' {
			return true
		}
	}
	return false
}

// MarshalText returns the canonical form, so JSON carries "12ABC34501DE35". The
// zero value marshals to empty text.
func (c CNPJ) MarshalText() ([]byte, error) {
	if c.IsZero() {
		return []byte{}, nil
	}
	b := c.chars()
	return b[:], nil
}

// UnmarshalText parses text as ParseCNPJ does (lowercase accepted). Empty text gives
// the zero CNPJ without error, so an optional field round-trips.
func (c *CNPJ) UnmarshalText(text []byte) error {
	if c == nil {
		return apierr.NilReceiver("*validation.CNPJ")
	}
	if len(text) == 0 {
		*c = CNPJ{}
		return nil
	}
	v, err := ParseCNPJ(string(text))
	if err != nil {
		return err
	}
	*c = v
	return nil
}

// GenerateCNPJ returns a valid numeric CNPJ drawn from r: 12 uniform random digits
// (never all zero) and their check digits. Seeding and a nil r work as in GenerateCPF.
func GenerateCNPJ(r *rand.Rand) CNPJ {
	return randomCNPJ(r, "0123456789", false)
}

// GenerateAlphanumericCNPJ returns a valid alphanumeric CNPJ drawn from r: 12 uniform
// random characters of [0-9A-Z], at least one of them a letter, and their check
// digits. Seeding and a nil r work as in GenerateCPF.
func GenerateAlphanumericCNPJ(r *rand.Rand) CNPJ {
	return randomCNPJ(r, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", true)
}

func randomCNPJ(r *rand.Rand, alphabet string, letter bool) CNPJ {
	if r == nil {
		r = rand.New(rand.NewPCG(0, 0))
	}
	var b [14]byte
	for {
		for i := range 12 {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		dv1, dv2 := cnpjCheckDigits(&b)
		b[12], b[13] = byte('0'+dv1), byte('0'+dv2)
		if c := packCNPJ(&b); !allZero(&b) && (!letter || c.IsAlphanumeric()) {
			return c
		}
	}
}

package validation_test

import (
	"encoding/json"
	"errors"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"pgregory.net/rapid"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/validation"
)

// The worked example of testdata/published/figures.txt (cpf-ok-1), by hand: base 2 8 0 0 1 2 3 8 9.
// DV1: 2·10+8·9+0·8+0·7+1·6+2·5+3·4+8·3+9·2 = 162; 162 mod 11 = 8; 11−8 = 3.
// DV2: 2·11+8·10+0·9+0·8+1·7+2·6+3·5+8·4+9·3+3·2 = 201; 201 mod 11 = 3; 11−3 = 8.
// So 280.012.389-38.
//
// 000.000.001-91 (docs/documents.md §1: leading zeros are real): DV1 = 1·2 = 2 → 11−2 = 9;
// DV2 = 1·3 + 9·2 = 21, 21 mod 11 = 10 → 1.

func TestParseCPF(t *testing.T) {
	ok := []struct{ in, want string }{
		{"280.012.389-38", "28001238938"},
		{"28001238938", "28001238938"},
		{"  280.012.389-38 \t\r\n", "28001238938"}, // white space around is trimmed
		{"000.000.001-91", "00000000191"},
		{"00000000191", "00000000191"},
	}
	for _, c := range ok {
		got, err := validation.ParseCPF(c.in)
		if err != nil || got.String() != c.want {
			t.Errorf("ParseCPF(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
	bad := []struct {
		in     string
		reason error
	}{
		{"", apierr.ErrEmpty},
		{" \t ", apierr.ErrEmpty},
		{"191", apierr.ErrLength}, // never left-padded to 000.000.001-91
		{"0191", apierr.ErrLength},
		{"2800123893", apierr.ErrLength},
		{"280012389380", apierr.ErrLength},
		{"280.012.389-380", apierr.ErrLength},
		{"280.012.389-3", apierr.ErrLength},
		{"280.012.389-3a", apierr.ErrCharacter},
		{"280 012 389 38", apierr.ErrCharacter},
		{"280.012.389/38", apierr.ErrCharacter},
		{"２80.012.389-38", apierr.ErrCharacter}, // fullwidth digit
		{"280.012.389-38\x00", apierr.ErrCharacter},
		{"-28001238938", validation.ErrMask},
		{"280-012-389.38", validation.ErrMask},
		{"280.01238938", validation.ErrMask},
		{"280012389-38", validation.ErrMask},
		{"280..012389-38", validation.ErrMask},
		{"280.012.389-39", validation.ErrCheckDigit},
		{"280.012.389-48", validation.ErrCheckDigit},
		{"28001238983", validation.ErrCheckDigit},
		{"000.000.001-90", validation.ErrCheckDigit},
	}
	// docs/documents.md §1: the ten repeated-digit values pass the checksum and are rejected.
	for d := '0'; d <= '9'; d++ {
		bad = append(bad, struct {
			in     string
			reason error
		}{strings.Repeat(string(d), 11), validation.ErrRepeatedDigits})
	}
	bad = append(bad, struct {
		in     string
		reason error
	}{"111.111.111-11", validation.ErrRepeatedDigits})
	for _, c := range bad {
		got, err := validation.ParseCPF(c.in)
		if !got.IsZero() {
			t.Errorf("ParseCPF(%q) = %q with an error, want the zero CPF", c.in, got)
		}
		checkErr(t, "ParseCPF("+c.in+")", err, apierr.InvalidCPF, "cpf", c.reason)
	}
}

func TestCPFRepeatedPassChecksum(t *testing.T) {
	// The reason the rule exists: every repeated value has matching check digits.
	for d := byte('0'); d <= '9'; d++ {
		s := strings.Repeat(string(d), 11)
		got, err := validation.CPFCheckDigits(s[:9])
		if err != nil || got != s[9:] {
			t.Errorf("CPFCheckDigits(%s) = %q, %v; want %q", s[:9], got, err, s[9:])
		}
	}
}

func TestCPFCheckDigits(t *testing.T) {
	for _, c := range []struct{ base, want string }{
		{"280012389", "38"}, // hand computation above
		{"000000001", "91"}, // hand computation above
	} {
		got, err := validation.CPFCheckDigits(c.base)
		if err != nil || got != c.want {
			t.Errorf("CPFCheckDigits(%q) = %q, %v; want %q", c.base, got, err, c.want)
		}
	}
	for _, c := range []struct {
		in     string
		reason error
	}{{"28001238", apierr.ErrLength}, {"2800123890", apierr.ErrLength},
		{"28001238a", apierr.ErrCharacter}, {"280.012.3", apierr.ErrCharacter}} {
		_, err := validation.CPFCheckDigits(c.in)
		checkErr(t, "CPFCheckDigits("+c.in+")", err, apierr.InvalidCPF, "cpf", c.reason)
	}
}

func TestCPFValue(t *testing.T) {
	c, err := validation.ParseCPF("280.012.389-38")
	if err != nil {
		t.Fatal(err)
	}
	if c.String() != "28001238938" || c.Format() != "280.012.389-38" || c.IsZero() {
		t.Errorf("CPF = %q / %q / zero %v", c.String(), c.Format(), c.IsZero())
	}
	// Comparable: the same CPF however it was written.
	if d, _ := validation.ParseCPF(" 28001238938 "); d != c {
		t.Errorf("bare and masked parses differ: %v != %v", d, c)
	}
	var zero validation.CPF
	if !zero.IsZero() || zero.String() != "" || zero.Format() != "" || zero.FiscalRegion() != 0 {
		t.Errorf("zero CPF: %q %q %v", zero.String(), zero.Format(), zero.FiscalRegion())
	}
}

func TestCPFJSON(t *testing.T) {
	type customer struct {
		CPF validation.CPF `json:"cpf"`
	}
	var in customer
	if err := json.Unmarshal([]byte(`{"cpf":"280.012.389-38"}`), &in); err != nil {
		t.Fatal(err)
	}
	out, err := json.Marshal(in)
	if err != nil || string(out) != `{"cpf":"28001238938"}` {
		t.Errorf("Marshal = %s, %v; want canonical", out, err)
	}
	// The zero value round-trips through the empty string.
	var z customer
	out, _ = json.Marshal(z)
	if string(out) != `{"cpf":""}` {
		t.Errorf("Marshal(zero) = %s", out)
	}
	if err := json.Unmarshal(out, &z); err != nil || !z.CPF.IsZero() {
		t.Errorf("Unmarshal(%s) = %v, %v", out, z.CPF, err)
	}
	err = json.Unmarshal([]byte(`{"cpf":"280.012.389-39"}`), &z)
	checkErr(t, "Unmarshal bad cpf", err, apierr.InvalidCPF, "cpf", validation.ErrCheckDigit)
}

func TestFiscalRegion(t *testing.T) {
	// docs/documents.md §1: the 9th digit is the fiscal region of first registration.
	want := map[byte][]string{
		'1': {"DF", "GO", "MS", "MT", "TO"}, '2': {"AC", "AM", "AP", "PA", "RO", "RR"},
		'3': {"CE", "MA", "PI"}, '4': {"AL", "PB", "PE", "RN"}, '5': {"BA", "SE"},
		'6': {"MG"}, '7': {"ES", "RJ"}, '8': {"SP"}, '9': {"PR", "SC"}, '0': {"RS"},
	}
	for digit, states := range want {
		base := "12345678" + string(digit)
		dv, _ := validation.CPFCheckDigits(base)
		c, err := validation.ParseCPF(base + dv)
		if err != nil {
			t.Fatal(err)
		}
		region := validation.FiscalRegion(digit - '0')
		if digit == '0' {
			region = 10
		}
		if c.FiscalRegion() != region || !slices.Equal(c.FiscalRegion().States(), states) {
			t.Errorf("%s: region %d %v, want %d %v", c.Format(), c.FiscalRegion(), c.FiscalRegion().States(), region, states)
		}
	}
	if validation.FiscalRegion(0).States() != nil || validation.FiscalRegion(11).States() != nil {
		t.Error("States of a non-region is not nil")
	}
	// The result is a fresh slice: changing it changes nothing else.
	s := validation.FiscalRegion(8).States()
	s[0] = "XX"
	if validation.FiscalRegion(8).States()[0] != "SP" {
		t.Error("States shares its slice")
	}
}

func TestRandomCPF(t *testing.T) {
	a := rand.New(rand.NewPCG(7, 7))
	b := rand.New(rand.NewPCG(7, 7))
	for range 100 {
		x, y := validation.GenerateCPF(a), validation.GenerateCPF(b)
		if x != y {
			t.Fatalf("same seed, different CPFs: %v %v", x, y)
		}
	}
	if x, y := validation.GenerateCPF(nil), validation.GenerateCPF(nil); x != y {
		t.Error("RandomCPF(nil) is not deterministic")
	}
	if _, ok := refCPF(validation.GenerateCPF(nil).String()); !ok {
		t.Error("RandomCPF(nil) is invalid")
	}
}

func TestGeneratedCPFValidates(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		r := rand.New(rand.NewPCG(rapid.Uint64().Draw(t, "s1"), rapid.Uint64().Draw(t, "s2")))
		c := validation.GenerateCPF(r)
		if _, ok := refCPF(c.String()); !ok {
			t.Fatalf("RandomCPF gave %q, invalid by the reference", c.String())
		}
		for _, s := range []string{c.String(), c.Format(), " " + c.Format() + "\n"} {
			if back, err := validation.ParseCPF(s); err != nil || back != c {
				t.Fatalf("ParseCPF(%q) = %v, %v; want %v", s, back, err, c)
			}
		}
		text, _ := c.MarshalText()
		var back validation.CPF
		if err := back.UnmarshalText(text); err != nil || back != c {
			t.Fatalf("text round trip of %v = %v, %v", c, back, err)
		}
	})
}

// cpfRemainders returns the raw remainders (sum mod 11) behind the two check
// digits of an 11-digit string, each sum over that string's own digits.
func cpfRemainders(d string) (int, int) {
	s1, s2 := 0, 0
	for i := range 9 {
		s1 += int(d[i]-'0') * (10 - i)
	}
	for i := range 10 {
		s2 += int(d[i]-'0') * (11 - i)
	}
	return s1 % 11, s2 % 11
}

// sameDigit reports whether remainders a and b give the same check digit: equal,
// or both in {0, 1}, which the rule maps to 0.
func sameDigit(a, b int) bool { return a == b || a < 2 && b < 2 }

// Changing any one digit of a valid CPF invalidates it — except in the one blind
// spot of the mod-11 rule: remainders 0 and 1 both give check digit 0, so a change
// that moves a remainder between 0 and 1 (and leaves the other one's digit alone)
// goes undetected. Example, checked by hand: 696.901.729-05 and 796.901.729-05 are
// both valid (DV1 sums 309 ≡ 1 and 319 ≡ 0; DV2 sums 358 and 369, both ≡ 6).
// The property asserts that every escape is of that kind and none touches a check
// digit.
func TestCPFSingleDigitChange(t *testing.T) {
	for _, s := range []string{"69690172905", "79690172905"} {
		if _, err := validation.ParseCPF(s); err != nil {
			t.Errorf("ParseCPF(%s) = %v, want valid (blind-spot example)", s, err)
		}
	}
	rapid.Check(t, func(t *rapid.T) {
		r := rand.New(rand.NewPCG(rapid.Uint64().Draw(t, "s1"), 0))
		c := validation.GenerateCPF(r).String()
		i := rapid.IntRange(0, 10).Draw(t, "pos")
		d := byte('0' + rapid.IntRange(1, 9).Draw(t, "delta"))
		m := c[:i] + string((c[i]-'0'+d-'0')%10+'0') + c[i+1:]
		_, err := validation.ParseCPF(m)
		if err == nil {
			a1, a2 := cpfRemainders(c)
			b1, b2 := cpfRemainders(m)
			if i >= 9 || a1 == b1 && a2 == b2 || !sameDigit(a1, b1) || !sameDigit(a2, b2) {
				t.Fatalf("%s → %s (position %d) stays valid outside the 0/1 blind spot", c, m, i+1)
			}
		} else if !errors.Is(err, validation.ErrCheckDigit) && !errors.Is(err, validation.ErrRepeatedDigits) {
			t.Fatalf("%s → %s: %v, want a check-digit error", c, m, err)
		}
	})
}

// The "mirror" formula, a common alternative: DV1 = (Σ dᵢ·i, i = 1..9) mod 11 mod 10
// and DV2 = (Σ dᵢ·(i−1), i = 1..10) mod 11 mod 10 agree with the standard rule,
// because the two weightings add up to 11·Σ dᵢ ≡ 0 (mod 11).
func TestCPFMirrorFormula(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		base := rapid.StringMatching(`[0-9]{9}`).Draw(t, "base")
		s1 := 0
		for i := range 9 {
			s1 += int(base[i]-'0') * (i + 1)
		}
		dv1 := s1 % 11 % 10
		s2 := 0
		for i := range 9 {
			s2 += int(base[i]-'0') * i
		}
		s2 += dv1 * 9
		dv2 := s2 % 11 % 10
		got, err := validation.CPFCheckDigits(base)
		if err != nil || got != string([]byte{byte('0' + dv1), byte('0' + dv2)}) {
			t.Fatalf("CPFCheckDigits(%s) = %q, %v; mirror formula gives %d%d", base, got, err, dv1, dv2)
		}
	})
}

// genNearCPF draws strings close to valid CPFs: valid ones in both forms with
// white space, then substitutions, deletions, insertions, swaps and mask damage.
func genNearCPF() *rapid.Generator[string] {
	return rapid.Custom(func(t *rapid.T) string {
		c := validation.GenerateCPF(rand.New(rand.NewPCG(rapid.Uint64().Draw(t, "seed"), 1)))
		s := rapid.SampledFrom([]string{c.String(), c.Format()}).Draw(t, "form")
		return mutate(t, s, "0123456789.-/ xA")
	})
}

// mutate applies zero to three random edits to s, with characters from alphabet.
func mutate(t *rapid.T, s, alphabet string) string {
	n := rapid.IntRange(0, 3).Draw(t, "edits")
	for range n {
		if len(s) == 0 {
			break
		}
		i := rapid.IntRange(0, len(s)-1).Draw(t, "at")
		ch := string(alphabet[rapid.IntRange(0, len(alphabet)-1).Draw(t, "ch")])
		switch rapid.IntRange(0, 4).Draw(t, "op") {
		case 0:
			s = s[:i] + ch + s[i+1:]
		case 1:
			s = s[:i] + s[i+1:]
		case 2:
			s = s[:i] + ch + s[i:]
		case 3:
			if i+1 < len(s) {
				s = s[:i] + s[i+1:i+2] + s[i:i+1] + s[i+2:]
			}
		case 4:
			s = rapid.SampledFrom([]string{" ", "\t", "\n", "\r\n"}).Draw(t, "ws") + s
		}
	}
	return s
}

func TestParseCPFMatchesReference(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		checkCPF(t, genNearCPF().Draw(t, "s"))
	})
}

// checkCPF compares ParseCPF with refCPF on s, and round-trips what parses.
func checkCPF(t tb, s string) {
	got, err := validation.ParseCPF(s)
	want, ok := refCPF(s)
	if !ok {
		checkErr(t, "ParseCPF("+quoteShort(s)+")", err, apierr.InvalidCPF, "cpf", nil)
		return
	}
	if err != nil || got.String() != want {
		t.Fatalf("ParseCPF(%q) = %q, %v; reference %q", s, got, err, want)
	}
	for _, form := range []string{got.String(), got.Format()} {
		if back, err := validation.ParseCPF(form); err != nil || back != got {
			t.Fatalf("ParseCPF(%q) = %v, %v; want %v", form, back, err, got)
		}
	}
}

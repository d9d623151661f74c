package validation_test

import (
	"encoding/json"
	"errors"
	"math/rand/v2"
	"strings"
	"testing"

	"pgregory.net/rapid"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/validation"
)

// testdata/published/figures.txt's Receita/SERPRO test vectors (rfb-cnpj), plus the worked example,
// the reported first issued alphanumeric CNPJ and the 0000 establishment order.
var officialValidCNPJ = []struct{ in, canonical string }{
	{"12.ABC.345/01DE-35", "12ABC34501DE35"},
	{"ABCDEFGHIJKL80", "ABCDEFGHIJKL80"},
	{"00000000000191", "00000000000191"},
	{"90.021.382/0001-22", "90021382000122"},
	{"90.024.778/0001-23", "90024778000123"},
	{"90.025.108/0001-21", "90025108000121"},
	{"90.025.255/0001-00", "90025255000100"},
	{"90.024.420/0001-09", "90024420000109"},
	{"90.024.781/0001-47", "90024781000147"},
	{"04.740.714/0001-97", "04740714000197"},
	{"44.108.058/0001-29", "44108058000129"},
	{"90.024.780/0001-00", "90024780000100"},
	{"90.024.779/0001-78", "90024779000178"},
	{"00000000E08G12", "00000000E08G12"},     // reported first issued alphanumeric
	{"39.591.842/0000-10", "39591842000010"}, // establishment order 0000 is valid
}

func TestParseCNPJOfficialVectors(t *testing.T) {
	for _, c := range officialValidCNPJ {
		for _, parse := range []func(string) (validation.CNPJ, error){validation.ParseCNPJ, validation.ParseCNPJStrict} {
			got, err := parse(c.in)
			if err != nil || got.String() != c.canonical {
				t.Errorf("parse(%q) = %q, %v; want %q", c.in, got, err, c.canonical)
			}
		}
	}
	// Official invalid vectors, with the reason each one fails for.
	bad := []struct {
		in     string
		reason error
	}{
		{"", apierr.ErrEmpty},
		{"$0123456789ABC", apierr.ErrCharacter},
		{"0123456?789ABC", apierr.ErrCharacter},
		{"0123456789ABC#", apierr.ErrCharacter},
		{"0000000000019", apierr.ErrLength},   // 13 characters
		{"000000000001911", apierr.ErrLength}, // 15 characters
		{"0000000000019L", apierr.ErrCharacter},
		{"000000000001P1", apierr.ErrCharacter},
		{"00000000000192", validation.ErrCheckDigit},
		{"ABCDEFGHIJKL81", validation.ErrCheckDigit},
		{"00000000000000", validation.ErrRepeatedDigits},
	}
	for _, c := range bad {
		for _, parse := range []func(string) (validation.CNPJ, error){validation.ParseCNPJ, validation.ParseCNPJStrict} {
			got, err := parse(c.in)
			if !got.IsZero() {
				t.Errorf("parse(%q) = %q with an error", c.in, got)
			}
			checkErr(t, "ParseCNPJ("+c.in+")", err, apierr.InvalidCNPJ, "cnpj", c.reason)
		}
	}
	// Official: lowercase is invalid in strict mode. Lenient (the default) folds it.
	_, err := validation.ParseCNPJStrict("12.ABc.345/01DE-35")
	checkErr(t, "ParseCNPJStrict(12.ABc.345/01DE-35)", err, apierr.InvalidCNPJ, "cnpj", validation.ErrLowercase)
	if got, err := validation.ParseCNPJ("12.ABc.345/01DE-35"); err != nil || got.String() != "12ABC34501DE35" {
		t.Errorf("ParseCNPJ(12.ABc.345/01DE-35) = %q, %v; want 12ABC34501DE35", got, err)
	}
}

func TestCNPJCheckDigits(t *testing.T) {
	// docs/documents.md §2: official check digits, and the worked example's sums by hand:
	// 12ABC34501DE → values 1 2 17 18 19 3 4 5 0 1 20 21;
	// DV1 = Σ v·(5,4,3,2,9,8,7,6,5,4,3,2) = 459, 459 mod 11 = 8 → 3;
	// DV2 = Σ v·(6,5,4,3,2,9,8,7,6,5,4,3) + 3·2 = 424, 424 mod 11 = 6 → 5.
	for _, c := range []struct{ base, want string }{
		{"12ABC34501DE", "35"},
		{"000000000001", "91"},
		{"ABCDEFGHIJKL", "80"},
		{"12abc34501de", "35"}, // folded
	} {
		got, err := validation.CNPJCheckDigits(c.base)
		if err != nil || got != c.want {
			t.Errorf("CNPJCheckDigits(%q) = %q, %v; want %q", c.base, got, err, c.want)
		}
	}
	for _, c := range []struct {
		in     string
		reason error
	}{{"12ABC34501D", apierr.ErrLength}, {"12ABC34501DE3", apierr.ErrLength},
		{"12ABC34501D#", apierr.ErrCharacter}, {"12.ABC.345/0", apierr.ErrCharacter}} {
		_, err := validation.CNPJCheckDigits(c.in)
		checkErr(t, "CNPJCheckDigits("+c.in+")", err, apierr.InvalidCNPJ, "cnpj", c.reason)
	}
}

func TestParseCNPJ(t *testing.T) {
	ok := []struct{ in, want string }{
		{" 12.ABC.345/01DE-35\n", "12ABC34501DE35"},
		{"12abc34501de35", "12ABC34501DE35"},
		{"ab.cde.fgh/ijkl-80", "ABCDEFGHIJKL80"},
		{"12ABC34501de35", "12ABC34501DE35"},
	}
	for _, c := range ok {
		got, err := validation.ParseCNPJ(c.in)
		if err != nil || got.String() != c.want {
			t.Errorf("ParseCNPJ(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
	bad := []struct {
		in     string
		reason error
	}{
		{"   ", apierr.ErrEmpty},
		{"191", apierr.ErrLength}, // never left-padded to 00000000000191
		{"12.ABC.345/01DE-3", apierr.ErrLength},
		{"12ABC345/01DE-35", validation.ErrMask},
		{"12.ABC.345.01DE-35", validation.ErrMask},
		{"12.ABC.34501DE35", validation.ErrMask},
		{"12-ABC-345-01DE-35", validation.ErrMask},
		{"12.ABC.345/01DE.35", validation.ErrMask},
		{"12 ABC 345 01DE 35", apierr.ErrCharacter},
		{"12.ÀBC.345/01DE-35", apierr.ErrCharacter},
		{"12.ſBC.345/01DE-35", apierr.ErrCharacter}, // U+017F folds to 'S' in Unicode, not here
		{"12ABC34501DEA5", apierr.ErrCharacter},     // a letter as check digit
		// The known bug of valuing 'A' as 10 makes 12ABC34501DE end in 45 (docs/documents.md §2).
		{"12ABC34501DE45", validation.ErrCheckDigit},
		{"12.ABC.345/01DE-53", validation.ErrCheckDigit},
	}
	for _, c := range bad {
		_, err := validation.ParseCNPJ(c.in)
		checkErr(t, "ParseCNPJ("+c.in+")", err, apierr.InvalidCNPJ, "cnpj", c.reason)
	}
}

func TestCNPJValue(t *testing.T) {
	c, err := validation.ParseCNPJ("12.abc.345/01de-35")
	if err != nil {
		t.Fatal(err)
	}
	if c.String() != "12ABC34501DE35" || c.Format() != "12.ABC.345/01DE-35" || c.Root() != "12ABC345" ||
		!c.IsAlphanumeric() || c.IsZero() {
		t.Errorf("CNPJ = %q %q %q alnum %v zero %v", c.String(), c.Format(), c.Root(), c.IsAlphanumeric(), c.IsZero())
	}
	if d, _ := validation.ParseCNPJStrict("12ABC34501DE35"); d != c {
		t.Errorf("case and mask change the value: %v != %v", d, c)
	}
	n, _ := validation.ParseCNPJ("90.021.382/0001-22")
	if n.IsAlphanumeric() || n.Root() != "90021382" {
		t.Errorf("numeric CNPJ: alnum %v root %q", n.IsAlphanumeric(), n.Root())
	}
	var zero validation.CNPJ
	if !zero.IsZero() || zero.String() != "" || zero.Format() != "" || zero.Root() != "" || zero.IsAlphanumeric() {
		t.Error("zero CNPJ is not empty")
	}
}

func TestCNPJJSON(t *testing.T) {
	type customer struct {
		CNPJ validation.CNPJ `json:"cnpj,omitzero"`
	}
	var in customer
	if err := json.Unmarshal([]byte(`{"cnpj":"12.abc.345/01de-35"}`), &in); err != nil {
		t.Fatal(err)
	}
	out, err := json.Marshal(in)
	if err != nil || string(out) != `{"cnpj":"12ABC34501DE35"}` {
		t.Errorf("Marshal = %s, %v", out, err)
	}
	out, _ = json.Marshal(customer{})
	if string(out) != `{}` {
		t.Errorf("Marshal(zero, omitzero) = %s, want {}", out)
	}
	var z customer
	if err := json.Unmarshal([]byte(`{"cnpj":""}`), &z); err != nil || !z.CNPJ.IsZero() {
		t.Errorf("Unmarshal empty = %v, %v", z.CNPJ, err)
	}
	err = json.Unmarshal([]byte(`{"cnpj":"00000000000000"}`), &z)
	checkErr(t, "Unmarshal zeros", err, apierr.InvalidCNPJ, "cnpj", validation.ErrRepeatedDigits)
}

// docs/documents.md §2: with letters, characters congruent mod 11 swap without changing the
// check digits (values: '6' 6, 'A' 17, 'L' 28, 'W' 39 are all ≡ 6). A valid
// alphanumeric CNPJ stays valid under any such swap: the weakness the docs state.
func TestCNPJCongruentSwapUndetected(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := validation.GenerateAlphanumericCNPJ(rand.New(rand.NewPCG(rapid.Uint64().Draw(t, "seed"), 2))).String()
		i := rapid.IntRange(0, 11).Draw(t, "pos")
		v := int(c[i]) - 48
		var alts []byte
		for ch := byte('0'); ch <= 'Z'; ch++ {
			if (ch <= '9' || ch >= 'A') && ch != c[i] && (int(ch)-48)%11 == v%11 {
				alts = append(alts, ch)
			}
		}
		if len(alts) == 0 {
			t.Fatalf("no congruent alternative for %q", c[i])
		}
		m := c[:i] + string(rapid.SampledFrom(alts).Draw(t, "alt")) + c[i+1:]
		if _, err := validation.ParseCNPJ(m); err != nil && m != "00000000000000" {
			t.Fatalf("%s → %s: %v; a congruent swap should keep the check digits", c, m, err)
		}
	})
}

func TestRandomCNPJ(t *testing.T) {
	a, b := rand.New(rand.NewPCG(3, 4)), rand.New(rand.NewPCG(3, 4))
	for range 100 {
		if validation.GenerateCNPJ(a) != validation.GenerateCNPJ(b) ||
			validation.GenerateAlphanumericCNPJ(a) != validation.GenerateAlphanumericCNPJ(b) {
			t.Fatal("same seed, different CNPJs")
		}
	}
	if x, y := validation.GenerateCNPJ(nil), validation.GenerateCNPJ(nil); x != y || x.IsAlphanumeric() {
		t.Error("RandomCNPJ(nil) is not a fixed numeric CNPJ")
	}
	if !validation.GenerateAlphanumericCNPJ(nil).IsAlphanumeric() {
		t.Error("RandomAlphanumericCNPJ(nil) has no letter")
	}
}

func TestGeneratedCNPJValidates(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		r := rand.New(rand.NewPCG(rapid.Uint64().Draw(t, "s1"), rapid.Uint64().Draw(t, "s2")))
		for _, c := range []validation.CNPJ{validation.GenerateCNPJ(r), validation.GenerateAlphanumericCNPJ(r)} {
			if _, ok := refCNPJ(c.String(), false); !ok {
				t.Fatalf("generated %q, invalid by the reference", c.String())
			}
			for _, s := range []string{c.String(), c.Format(), strings.ToLower(c.Format()), "\t" + c.String() + " "} {
				if back, err := validation.ParseCNPJ(s); err != nil || back != c {
					t.Fatalf("ParseCNPJ(%q) = %v, %v; want %v", s, back, err, c)
				}
			}
			text, _ := c.MarshalText()
			var back validation.CNPJ
			if err := back.UnmarshalText(text); err != nil || back != c {
				t.Fatalf("text round trip of %v = %v, %v", c, back, err)
			}
		}
	})
}

// cnpjRemainders returns the raw remainders behind the two check digits.
func cnpjRemainders(d string) (int, int) {
	var r [2]int
	for k := 12; k <= 13; k++ {
		sum := 0
		for i := 0; i < k; i++ {
			sum += (int(d[i]) - 48) * (2 + (k-1-i)%8)
		}
		r[k-12] = sum % 11
	}
	return r[0], r[1]
}

// As for CPF (TestCPFSingleDigitChange): changing one digit of a numeric CNPJ
// invalidates it, except where a remainder moves between 0 and 1 (both give check
// digit 0) and the other check digit stays the same.
func TestCNPJSingleDigitChange(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := validation.GenerateCNPJ(rand.New(rand.NewPCG(rapid.Uint64().Draw(t, "seed"), 3))).String()
		i := rapid.IntRange(0, 13).Draw(t, "pos")
		d := byte(rapid.IntRange(1, 9).Draw(t, "delta"))
		m := c[:i] + string((c[i]-'0'+d)%10+'0') + c[i+1:]
		_, err := validation.ParseCNPJ(m)
		if err == nil {
			a1, a2 := cnpjRemainders(c)
			b1, b2 := cnpjRemainders(m)
			if i >= 12 || a1 == b1 && a2 == b2 || !sameDigit(a1, b1) || !sameDigit(a2, b2) {
				t.Fatalf("%s → %s (position %d) stays valid outside the 0/1 blind spot", c, m, i+1)
			}
		} else if !errors.Is(err, validation.ErrCheckDigit) && !errors.Is(err, validation.ErrRepeatedDigits) {
			t.Fatalf("%s → %s: %v, want a check-digit error", c, m, err)
		}
	})
}

func genNearCNPJ() *rapid.Generator[string] {
	return rapid.Custom(func(t *rapid.T) string {
		r := rand.New(rand.NewPCG(rapid.Uint64().Draw(t, "seed"), 4))
		c := rapid.SampledFrom([]validation.CNPJ{validation.GenerateCNPJ(r), validation.GenerateAlphanumericCNPJ(r)}).Draw(t, "kind")
		s := rapid.SampledFrom([]string{c.String(), c.Format(), strings.ToLower(c.Format())}).Draw(t, "form")
		return mutate(t, s, "0123456789AZaz./- #")
	})
}

func TestParseCNPJMatchesReference(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		checkCNPJ(t, genNearCNPJ().Draw(t, "s"))
	})
}

// checkCNPJ compares both parsers with refCNPJ on s, and round-trips what parses.
func checkCNPJ(t tb, s string) {
	for _, strict := range []bool{false, true} {
		parse := validation.ParseCNPJ
		if strict {
			parse = validation.ParseCNPJStrict
		}
		got, err := parse(s)
		want, ok := refCNPJ(s, !strict)
		if !ok {
			checkErr(t, "ParseCNPJ("+quoteShort(s)+")", err, apierr.InvalidCNPJ, "cnpj", nil)
			continue
		}
		if err != nil || got.String() != want {
			t.Fatalf("parse(%q) strict=%v = %q, %v; reference %q", s, strict, got, err, want)
		}
		for _, form := range []string{got.String(), got.Format()} {
			if back, err := validation.ParseCNPJStrict(form); err != nil || back != got {
				t.Fatalf("ParseCNPJStrict(%q) = %v, %v; want %v", form, back, err, got)
			}
		}
	}
}

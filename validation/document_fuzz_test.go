package validation_test

import "testing"

// FuzzParseCPF: never panics, agrees with the regexp reference, and what parses
// re-parses from its canonical and masked forms to the same value.
func FuzzParseCPF(f *testing.F) {
	for _, s := range []string{"", "280.012.389-38", "28001238938", "111.111.111-11", "191",
		"280.01238938", " 000.000.001-91\n", "280.012.389-3a"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkCPF(t, s) })
}

// FuzzParseCNPJ: as FuzzParseCPF, for both the lenient and the strict parser.
func FuzzParseCNPJ(f *testing.F) {
	for _, c := range officialValidCNPJ {
		f.Add(c.in)
	}
	for _, s := range []string{"", "$0123456789ABC", "0000000000019L", "12.ABc.345/01DE-35",
		"00000000000000", "12ABC34501DE45", "12.ſBC.345/01DE-35"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkCNPJ(t, s) })
}

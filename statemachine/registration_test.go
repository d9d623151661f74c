package statemachine

import (
	"errors"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/validation"
	"pgregory.net/rapid"
)

func cpf(t tb, s string) validation.CPF {
	t.Helper()
	c, err := validation.ParseCPF(s)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func cnpj(t tb, s string) validation.CNPJ {
	t.Helper()
	c, err := validation.ParseCNPJ(s)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestRegister(t *testing.T) {
	// The CPF of docs/api.md §2's example, masked and bare; CNPJs from validation's docs.
	masked, bare := cpf(t, "280.012.389-38"), cpf(t, "28001238938")
	other := validation.GenerateCPF(rand.New(rand.NewPCG(1, 2)))
	mei := cnpj(t, "11.222.333/0001-81")
	alnum, alnumLower := cnpj(t, "12.ABC.345/01DE-35"), cnpj(t, "12abc34501de35")
	existing := []Registration{
		{CPF: other, CNPJ: alnum, ExternalID: "partner-7"},
		{CPF: masked, CNPJ: mei, ExternalID: "partner-1"},
		{CPF: validation.GenerateCPF(rand.New(rand.NewPCG(3, 4)))}, // no CNPJ, no external_id
	}
	tests := []struct {
		name  string
		in    Registration
		want  int
		code  apierr.Code
		param string
	}{
		{"new customer", Registration{CPF: validation.GenerateCPF(rand.New(rand.NewPCG(5, 6)))}, -1, "", ""},
		{"same CPF, CNPJ and external_id, other formatting", Registration{CPF: bare, CNPJ: mei, ExternalID: "partner-1"}, 1, "", ""},
		// Regression: a retry without the stored CNPJ was answered with the stored customer.
		{"same CPF and external_id, CNPJ absent here", Registration{CPF: bare, ExternalID: "partner-1"}, -1, apierr.CustomerAlreadyExists, "cpf"},
		{"same CPF and external_id, another CNPJ", Registration{CPF: bare, CNPJ: alnum, ExternalID: "partner-1"}, -1, apierr.CustomerAlreadyExists, "cpf"},
		{"same CPF and CNPJ, other external_id", Registration{CPF: bare, CNPJ: mei, ExternalID: "partner-2"}, -1, apierr.CustomerAlreadyExists, "cpf"},
		{"same CPF, external_id absent here", Registration{CPF: bare}, -1, apierr.CustomerAlreadyExists, "cpf"},
		{"external_id absent on both", Registration{CPF: existing[2].CPF}, 2, "", ""},
		{"external_id absent there", Registration{CPF: existing[2].CPF, ExternalID: "x"}, -1, apierr.CustomerAlreadyExists, "cpf"},
		{"same CPF, CNPJ (lowercase input) and external_id", Registration{CPF: other, CNPJ: alnumLower, ExternalID: "partner-7"}, 0, "", ""},
		// Regression: {cpf B, cnpj X} against {cpf A, cnpj X} returned customer A.
		{"new CPF, registered CNPJ, same external_id", Registration{CPF: validation.GenerateCPF(rand.New(rand.NewPCG(7, 8))), CNPJ: alnum, ExternalID: "partner-7"}, -1, apierr.CustomerAlreadyExists, "cnpj"},
		{"same CNPJ, other external_id", Registration{CPF: validation.GenerateCPF(rand.New(rand.NewPCG(7, 8))), CNPJ: mei, ExternalID: "partner-9"}, -1, apierr.CustomerAlreadyExists, "cnpj"},
		// CPF matches customer 1 (with another CNPJ), CNPJ matches customer 0: a
		// conflict, reported on the CPF.
		{"matches two customers", Registration{CPF: masked, CNPJ: alnum, ExternalID: "partner-1"}, -1, apierr.CustomerAlreadyExists, "cpf"},
		{"no CPF", Registration{CNPJ: mei}, -1, apierr.MissingRequiredField, "cpf"},
	}
	for _, tt := range tests {
		got, err := Register(tt.in, existing)
		if tt.code == "" {
			if err != nil || got != tt.want {
				t.Errorf("%s: Register = %d, %v; want %d", tt.name, got, err, tt.want)
			}
			continue
		}
		var ve *apierr.Error
		if got != -1 || !errors.As(err, &ve) || ve.Code != tt.code || ve.Param != tt.param {
			t.Errorf("%s: Register = %d, %v; want %s/%s", tt.name, got, err, tt.code, tt.param)
			continue
		}
		// The conflict never repeats a stored customer's values.
		for _, e := range existing {
			for _, v := range []string{e.ExternalID, e.CPF.String(), e.CPF.Format(), e.CNPJ.String(), e.CNPJ.Format()} {
				if v != "" && strings.Contains(ve.Detail, v) {
					t.Errorf("%s: detail %q repeats the stored %q", tt.name, ve.Detail, v)
				}
			}
		}
	}
	if got, err := Register(Registration{CPF: masked}, nil); got != -1 || err != nil {
		t.Errorf("Register with no existing customers = %d, %v", got, err)
	}
}

// TestRegisterProperties: the decision depends on canonical values only (any
// spelling gives the same answer), re-registering an existing customer unchanged
// always returns it, and the outcome matches a slow decision written from the rule's
// sentence: a retry only when CPF, CNPJ and external_id are all one customer's; any
// other overlap of CPF or CNPJ a conflict; no overlap, a new customer.
func TestRegisterProperties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		seed := rapid.Uint64().Draw(t, "seed")
		r := rand.New(rand.NewPCG(seed, 1))
		cpfs := []validation.CPF{validation.GenerateCPF(r), validation.GenerateCPF(r), validation.GenerateCPF(r)}
		cnpjs := []validation.CNPJ{{}, validation.GenerateCNPJ(r), validation.GenerateAlphanumericCNPJ(r)}
		ids := []string{"", "a", "b"}
		draw := func(label string) Registration {
			return Registration{CPF: rapid.SampledFrom(cpfs).Draw(t, label+"cpf"),
				CNPJ:       rapid.SampledFrom(cnpjs).Draw(t, label+"cnpj"),
				ExternalID: rapid.SampledFrom(ids).Draw(t, label+"id")}
		}
		var existing []Registration
		for i := rapid.IntRange(0, 4).Draw(t, "n"); i > 0; i-- {
			existing = append(existing, draw("e"))
		}
		in := draw("in")
		if rapid.Bool().Draw(t, "retry") && len(existing) > 0 {
			in = existing[rapid.IntRange(0, len(existing)-1).Draw(t, "which")]
		}
		got, err := Register(in, existing)
		want, conflict := -1, false
		for i, e := range existing {
			overlaps := e.CPF.String() == in.CPF.String() ||
				in.CNPJ.String() != "" && e.CNPJ.String() == in.CNPJ.String()
			exact := e.CPF.String() == in.CPF.String() && e.CNPJ.String() == in.CNPJ.String() &&
				e.ExternalID == in.ExternalID
			switch {
			case exact && want < 0:
				want = i
			case overlaps && !exact:
				conflict = true
			}
		}
		if conflict {
			if !errors.Is(err, apierr.CustomerAlreadyExists) || got != -1 {
				t.Fatalf("Register = %d, %v; want a conflict", got, err)
			}
			return
		}
		if err != nil || got != want {
			t.Fatalf("Register = %d, %v; want %d", got, err, want)
		}
		// The masked spelling parses to the same value and decides the same.
		again := in
		again.CPF = cpf(t, in.CPF.Format())
		if g2, _ := Register(again, existing); g2 != got {
			t.Fatalf("masked CPF decides %d, bare %d", g2, got)
		}
	})
}

func TestCheckUpdate(t *testing.T) {
	stored := Registration{CPF: cpf(t, "280.012.389-38"), CNPJ: cnpj(t, "11.222.333/0001-81"), ExternalID: "p1"}
	tests := []struct {
		name    string
		updated Registration
		param   string
	}{
		{"unchanged", stored, ""},
		{"same CPF re-sent in another format", Registration{CPF: cpf(t, "28001238938"), CNPJ: stored.CNPJ, ExternalID: "p1"}, ""},
		{"CNPJ changed", Registration{CPF: stored.CPF, CNPJ: cnpj(t, "12.ABC.345/01DE-35"), ExternalID: "p1"}, ""},
		{"CNPJ removed", Registration{CPF: stored.CPF, ExternalID: "p1"}, ""},
		{"CPF changed", Registration{CPF: validation.GenerateCPF(nil), CNPJ: stored.CNPJ, ExternalID: "p1"}, "cpf"},
		{"CPF cleared", Registration{CNPJ: stored.CNPJ, ExternalID: "p1"}, "cpf"},
		{"external_id changed", Registration{CPF: stored.CPF, CNPJ: stored.CNPJ, ExternalID: "p2"}, "external_id"},
		{"external_id cleared", Registration{CPF: stored.CPF, CNPJ: stored.CNPJ}, "external_id"},
	}
	for _, tt := range tests {
		err := CheckUpdate(stored, tt.updated)
		if tt.param == "" {
			if err != nil {
				t.Errorf("%s: %v", tt.name, err)
			}
			continue
		}
		var ve *apierr.Error
		if !errors.As(err, &ve) || ve.Code != apierr.ImmutableField || ve.Param != tt.param {
			t.Errorf("%s: %v, want immutable_field/%s", tt.name, err, tt.param)
		}
	}
	// Setting an external_id that was absent is a change too.
	if err := CheckUpdate(Registration{CPF: stored.CPF}, Registration{CPF: stored.CPF, ExternalID: "new"}); !errors.Is(err, apierr.ImmutableField) {
		t.Errorf("setting external_id: %v", err)
	}
}

package statemachine

import (
	"errors"
	"math/rand/v2"
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
	// The CPF of api-contract.md's example, masked and bare; CNPJs from validation's docs.
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
		{"same CPF, same external_id, other formatting", Registration{CPF: bare, ExternalID: "partner-1"}, 1, "", ""},
		{"same CPF, other external_id", Registration{CPF: bare, ExternalID: "partner-2"}, -1, apierr.CustomerAlreadyExists, "cpf"},
		{"same CPF, external_id absent here", Registration{CPF: bare}, -1, apierr.CustomerAlreadyExists, "cpf"},
		{"external_id absent on both", Registration{CPF: existing[2].CPF}, 2, "", ""},
		{"external_id absent there", Registration{CPF: existing[2].CPF, ExternalID: "x"}, -1, apierr.CustomerAlreadyExists, "cpf"},
		{"same CNPJ (lowercase input), same external_id", Registration{CPF: validation.GenerateCPF(rand.New(rand.NewPCG(7, 8))), CNPJ: alnumLower, ExternalID: "partner-7"}, 0, "", ""},
		{"same CNPJ, other external_id", Registration{CPF: validation.GenerateCPF(rand.New(rand.NewPCG(7, 8))), CNPJ: mei, ExternalID: "partner-9"}, -1, apierr.CustomerAlreadyExists, "cnpj"},
		// CPF matches customer 1 with the same external_id, CNPJ matches customer 0 with
		// another: a conflict.
		{"matches two customers", Registration{CPF: masked, CNPJ: alnum, ExternalID: "partner-1"}, -1, apierr.CustomerAlreadyExists, "cnpj"},
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
		}
	}
	if got, err := Register(Registration{CPF: masked}, nil); got != -1 || err != nil {
		t.Errorf("Register with no existing customers = %d, %v", got, err)
	}
}

// TestRegisterProperties: the decision depends on the canonical CPF only (any spelling
// gives the same answer), re-registering an existing customer unchanged always returns
// it, and the outcome matches a slow decision written from the spec's sentence.
func TestRegisterProperties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		seed := rapid.Uint64().Draw(t, "seed")
		r := rand.New(rand.NewPCG(seed, 1))
		pool := []validation.CPF{validation.GenerateCPF(r), validation.GenerateCPF(r), validation.GenerateCPF(r)}
		ids := []string{"", "a", "b"}
		var existing []Registration
		for i := rapid.IntRange(0, 4).Draw(t, "n"); i > 0; i-- {
			existing = append(existing, Registration{CPF: rapid.SampledFrom(pool).Draw(t, "cpf"),
				ExternalID: rapid.SampledFrom(ids).Draw(t, "id")})
		}
		in := Registration{CPF: rapid.SampledFrom(pool).Draw(t, "in"), ExternalID: rapid.SampledFrom(ids).Draw(t, "inid")}
		got, err := Register(in, existing)
		// Slow decision: conflict if any same-CPF customer has another external_id; else
		// the first same-CPF customer; else create.
		want, conflict := -1, false
		for i, e := range existing {
			if e.CPF.String() == in.CPF.String() {
				if e.ExternalID != in.ExternalID {
					conflict = true
				} else if want < 0 {
					want = i
				}
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

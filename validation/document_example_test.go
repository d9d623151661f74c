package validation_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/validation"
)

func ExampleParseCPF() {
	c, err := validation.ParseCPF(" 280.012.389-38 ")
	fmt.Println(c, c.Format(), err)
	for _, s := range []string{"280.012.389-39", "111.111.111-11", "191"} {
		_, err = validation.ParseCPF(s)
		fmt.Println(err)
	}
	fmt.Println(errors.Is(err, apierr.InvalidCPF), errors.Is(err, apierr.ErrLength))
	// Output:
	// 28001238938 280.012.389-38 <nil>
	// invalid_cpf: cpf 280.012.389-39 has check digits 39; expected 38
	// invalid_cpf: cpf 111.111.111-11 repeats one digit; such numbers pass the check digits but are never issued
	// invalid_cpf: cpf "191" has 3 digits; expected 11 digits, bare or masked as 000.000.000-00 (short input is never zero-padded)
	// true true
}

func ExampleCPF_Format() {
	c, _ := validation.ParseCPF("00000000191")
	fmt.Println(c.String(), c.Format())
	// Output: 00000000191 000.000.001-91
}

func ExampleCPF_FiscalRegion() {
	c, _ := validation.ParseCPF("280.012.389-38")
	r := c.FiscalRegion()
	fmt.Println(r, r.States())
	// Output: 9 [PR SC]
}

func ExampleCPF_MarshalText() {
	var req struct {
		CPF validation.CPF `json:"cpf"`
	}
	err := json.Unmarshal([]byte(`{"cpf": "280.012.389-38"}`), &req)
	out, _ := json.Marshal(req)
	fmt.Println(string(out), err)
	// Output: {"cpf":"28001238938"} <nil>
}

func ExampleCPFCheckDigits() {
	dv, err := validation.CPFCheckDigits("280012389")
	fmt.Println(dv, err)
	// Output: 38 <nil>
}

func ExampleGenerateCPF() {
	r := rand.New(rand.NewPCG(1, 2)) // the same seed gives the same CPFs
	c := validation.GenerateCPF(r)
	_, err := validation.ParseCPF(c.Format())
	fmt.Println(len(c.String()), err)
	// Output: 11 <nil>
}

func ExampleParseCNPJ() {
	c, err := validation.ParseCNPJ("12.abc.345/01de-35") // lowercase is folded
	fmt.Println(c, c.Format(), c.IsAlphanumeric(), err)
	_, err = validation.ParseCNPJ("0000000000019L")
	fmt.Println(err)
	// Output:
	// 12ABC34501DE35 12.ABC.345/01DE-35 true <nil>
	// invalid_cnpj: cnpj "0000000000019L" has 'L' as check digit 2; check digits are always digits
}

func ExampleParseCNPJStrict() {
	_, err := validation.ParseCNPJStrict("12.ABc.345/01DE-35")
	fmt.Println(err)
	fmt.Println(errors.Is(err, validation.ErrLowercase))
	// Output:
	// invalid_cnpj: cnpj "12.ABc.345/01DE-35" has lowercase 'c' at position 6; strict parsing expects uppercase letters
	// true
}

func ExampleCNPJ_Format() {
	c, _ := validation.ParseCNPJ("90021382000122")
	fmt.Println(c.Format(), c.Root())
	// Output: 90.021.382/0001-22 90021382
}

func ExampleCNPJCheckDigits() {
	dv, _ := validation.CNPJCheckDigits("12ABC34501DE")
	fmt.Println(dv)
	// Output: 35
}

func ExampleGenerateCNPJ() {
	r := rand.New(rand.NewPCG(1, 2))
	c := validation.GenerateCNPJ(r)
	_, err := validation.ParseCNPJStrict(c.String())
	fmt.Println(c.IsAlphanumeric(), err)
	// Output: false <nil>
}

func ExampleGenerateAlphanumericCNPJ() {
	r := rand.New(rand.NewPCG(1, 2))
	c := validation.GenerateAlphanumericCNPJ(r)
	_, err := validation.ParseCNPJStrict(c.Format())
	fmt.Println(c.IsAlphanumeric(), err)
	// Output: true <nil>
}

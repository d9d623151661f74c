package statemachine_test

import (
	"fmt"

	"github.com/dinie/lending/statemachine"
	"github.com/dinie/lending/validation"
)

func ExampleRegister() {
	stored, _ := validation.ParseCPF("280.012.389-38")
	again, _ := validation.ParseCPF("28001238938") // the same CPF, unformatted
	existing := []statemachine.Registration{{CPF: stored, ExternalID: "partner-1"}}

	i, err := statemachine.Register(statemachine.Registration{CPF: again, ExternalID: "partner-1"}, existing)
	fmt.Println(i, err) // return existing[0]
	i, err = statemachine.Register(statemachine.Registration{CPF: again, ExternalID: "partner-2"}, existing)
	fmt.Println(i, err)
	i, err = statemachine.Register(statemachine.Registration{CPF: validation.GenerateCPF(nil)}, existing)
	fmt.Println(i, err) // create
	// Output:
	// 0 <nil>
	// -1 customer_already_exists: cpf belongs to a customer registered with a different external_id; a retry sends the same cpf, cnpj and external_id
	// -1 <nil>
}

func ExampleCheckUpdate() {
	c, _ := validation.ParseCPF("280.012.389-38")
	stored := statemachine.Registration{CPF: c, ExternalID: "partner-1"}
	updated := stored
	updated.CNPJ, _ = validation.ParseCNPJ("11.222.333/0001-81")
	fmt.Println(statemachine.CheckUpdate(stored, updated))
	updated.ExternalID = "partner-2"
	fmt.Println(statemachine.CheckUpdate(stored, updated))
	// Output:
	// <nil>
	// immutable_field: external_id cannot change after registration
}

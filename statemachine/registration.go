package statemachine

import (
	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/validation"
)

// Registration holds the fields of a customer that registration idempotency and the
// immutability rule look at: the CPF (required), the CNPJ (zero when absent) and the
// partner's external_id ("" when absent). CPF and CNPJ are canonical values, so
// formatting never matters ("280.012.389-38" and "28001238938" are the same CPF);
// external_id is compared exactly.
type Registration struct {
	CPF        validation.CPF
	CNPJ       validation.CNPJ
	ExternalID string
}

// Register decides a customer registration against the existing customers that share
// its CPF or CNPJ (lifecycles.md, "Registration idempotency"). It returns the index in
// existing of the customer to return (HTTP 200), or -1 when a new customer is to be
// created (201):
//
//   - a customer matches when its CPF equals incoming's, or when both have a CNPJ and
//     they are equal;
//   - when any matching customer has a different external_id, the registration is a
//     conflict: customer_already_exists (409), param cpf or cnpj (the field that
//     matched). An absent external_id on both sides counts as the same; absent on one
//     side only is different;
//   - otherwise the first matching customer is returned; with no match, -1.
//
// existing may hold every customer or only those found by CPF and CNPJ; customers that
// match neither are ignored. Errors: a zero incoming CPF is missing_required_field
// (param cpf).
func Register(incoming Registration, existing []Registration) (int, error) {
	if incoming.CPF.IsZero() {
		return -1, apierr.Errorf(apierr.MissingRequiredField, "cpf",
			"a registration needs a CPF")
	}
	match := -1
	for i, e := range existing {
		param := ""
		switch {
		case e.CPF == incoming.CPF:
			param = "cpf"
		case !incoming.CNPJ.IsZero() && e.CNPJ == incoming.CNPJ:
			param = "cnpj"
		default:
			continue
		}
		if e.ExternalID != incoming.ExternalID {
			return -1, apierr.Errorf(apierr.CustomerAlreadyExists, param,
				"a customer with this %s exists with external_id %s, not %s", param,
				quoteID(e.ExternalID), quoteID(incoming.ExternalID))
		}
		if match < 0 {
			match = i
		}
	}
	return match, nil
}

func quoteID(id string) string {
	if id == "" {
		return "(absent)"
	}
	return quote(id)
}

// CheckUpdate checks a customer update (lifecycles.md: "Updates may change email,
// phone, name, cnpj, trading_name; never cpf or external_id"): stored is the customer
// before the update, updated after the server applied it. A different CPF is
// immutable_field for param cpf, a different external_id (including setting one that was
// absent, or clearing one) for param external_id. Sending a field with its current
// value is not a change and passes; a changed CNPJ passes.
func CheckUpdate(stored, updated Registration) error {
	if updated.CPF != stored.CPF {
		return apierr.Errorf(apierr.ImmutableField, "cpf",
			"cpf cannot change after registration")
	}
	if updated.ExternalID != stored.ExternalID {
		return apierr.Errorf(apierr.ImmutableField, "external_id",
			"external_id cannot change after registration (it is %s)", quoteID(stored.ExternalID))
	}
	return nil
}

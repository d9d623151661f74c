package statemachine

import (
	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/iof"
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
// its CPF or CNPJ. It returns the index in existing of the customer to answer with
// (HTTP 200: the registration is a retry), or -1 when a new customer is to be created
// (201):
//
//   - a registration is a retry of an existing customer's only when its CPF, its CNPJ
//     and its external_id are all that customer's (an absent CNPJ on both sides counts
//     as equal, and so does an absent external_id);
//   - any other overlap is a conflict, customer_already_exists (409): the CPF belongs
//     to an existing customer (with another CNPJ or another external_id), or the CNPJ
//     does (a new CPF with a registered CNPJ, the CPF of one customer and the CNPJ of
//     another). The param names the field that collides — cpf when the CPF is taken,
//     else cnpj — and the Detail says which field differs without repeating any value
//     of the stored customer;
//   - no overlap: -1.
//
// CPF and CNPJ compare in canonical form, so formatting never matters. existing may
// hold every customer or only those found by CPF and CNPJ; customers that match
// neither are ignored. Errors: a zero incoming CPF is missing_required_field (param
// cpf).
func Register(incoming Registration, existing []Registration) (int, error) {
	if incoming.CPF.IsZero() {
		return -1, apierr.Errorf(apierr.MissingRequiredField, "cpf",
			"a registration needs a CPF")
	}
	retry, clash := -1, -1
	for i, e := range existing {
		cpf := e.CPF == incoming.CPF
		cnpj := !incoming.CNPJ.IsZero() && e.CNPJ == incoming.CNPJ
		switch {
		case !cpf && !cnpj:
		case cpf && e.CNPJ == incoming.CNPJ && e.ExternalID == incoming.ExternalID:
			if retry < 0 {
				retry = i
			}
		case clash < 0 || cpf && existing[clash].CPF != incoming.CPF:
			clash = i // the taken CPF is the collision to report, if there is one
		}
	}
	if clash >= 0 {
		return -1, conflict(incoming, existing[clash], existing[clash].CPF == incoming.CPF)
	}
	return retry, nil
}

// conflict explains a registration that overlaps existing customer e but is not its
// retry, naming fields, never values.
func conflict(incoming, e Registration, cpfTaken bool) error {
	if !cpfTaken {
		return apierr.Errorf(apierr.CustomerAlreadyExists, "cnpj",
			"cnpj belongs to another customer, registered with a different cpf")
	}
	var differs string
	switch {
	case e.CNPJ != incoming.CNPJ && e.ExternalID != incoming.ExternalID:
		differs = "a different cnpj and external_id"
	case e.CNPJ != incoming.CNPJ:
		differs = "a different cnpj"
	default:
		differs = "a different external_id"
	}
	return apierr.Errorf(apierr.CustomerAlreadyExists, "cpf",
		"cpf belongs to a customer registered with %s; a retry sends the same cpf, cnpj and external_id", differs)
}

// CheckUpdate checks a customer update (docs/lifecycles.md §4: an update
// may change email, phone, name, cnpj and trading_name, never cpf or external_id): stored is the customer
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
			"external_id cannot change after registration")
	}
	return nil
}

// BorrowerClass is the IOF class the library presumes for a registered customer when
// the partner states none: a customer registered with a CNPJ borrows as an MEI (the
// API's business borrowers are MEIs, who hold both documents), one with only a CPF as
// an individual. An offer's BorrowerClass overrides it: a partner that lends to other
// companies sets iof.Company or iof.Simples on the offer.
func (r Registration) BorrowerClass() iof.Class {
	if r.CNPJ.IsZero() {
		return iof.Individual
	}
	return iof.MEI
}

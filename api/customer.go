package api

import (
	"unicode/utf8"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/statemachine"
	"github.com/dinie/lending/validation"
)

// Customer is the API's customer resource (cust_) on the wire. Optional fields that
// are absent marshal as null (the shape never changes with the data); cpf and cnpj are
// written in their canonical unmasked form, phone in E.164.
type Customer struct {
	ID          string                      `json:"id"`
	Status      statemachine.CustomerStatus `json:"status"`
	CPF         validation.CPF              `json:"cpf"`
	CNPJ        *validation.CNPJ            `json:"cnpj"`
	Name        *string                     `json:"name"`
	Email       *string                     `json:"email"`
	Phone       *validation.Phone           `json:"phone"`
	TradingName *string                     `json:"trading_name"`
	ExternalID  *string                     `json:"external_id"`
	KYC         []KYCItem                   `json:"kyc"`
	CreatedAt   Instant                     `json:"created_at"`
}

// KYCItem is one entry of a customer's kyc list: a requirement's kind, type and
// status (statemachine.KYCRequirement), the server's description of it, the message
// of a rejection or requested correction, and when a document was last uploaded.
type KYCItem struct {
	Kind        statemachine.KYCKind   `json:"kind"`
	Type        string                 `json:"type"`
	Status      statemachine.KYCStatus `json:"status"`
	Description *string                `json:"description"`
	Message     *string                `json:"message"`
	UploadedAt  Instant                `json:"uploaded_at"`
}

// MarshalJSON writes the customer, with an empty kyc array rather than null.
func (c Customer) MarshalJSON() ([]byte, error) {
	type plain Customer
	if c.KYC == nil {
		c.KYC = []KYCItem{}
	}
	return jsonMarshal(plain(c))
}

// Registration returns the fields registration idempotency and the immutability rule
// read (statemachine.Register, statemachine.CheckUpdate).
func (c Customer) Registration() statemachine.Registration {
	r := statemachine.Registration{CPF: c.CPF}
	if c.CNPJ != nil {
		r.CNPJ = *c.CNPJ
	}
	if c.ExternalID != nil {
		r.ExternalID = *c.ExternalID
	}
	return r
}

// Requirements returns the customer's kyc list as the lifecycle reads it.
func (c Customer) Requirements() []statemachine.KYCRequirement {
	out := make([]statemachine.KYCRequirement, len(c.KYC))
	for i, k := range c.KYC {
		out[i] = statemachine.KYCRequirement{Kind: k.Kind, Type: k.Type, Status: k.Status}
	}
	return out
}

// Bounds of the free-text fields of a customer, in bytes.
const (
	MaxNameLen       = 200
	MaxExternalIDLen = 128
)

// CustomerFields are a registration's or an update's fields as the client sent them
// (POST /customers, PATCH /customers/{id}): a nil field was absent. DecodeCustomer
// fills them from a request body; Parse checks them.
type CustomerFields struct {
	CPF         *string `json:"cpf"`
	CNPJ        *string `json:"cnpj"`
	Name        *string `json:"name"`
	Email       *string `json:"email"`
	Phone       *string `json:"phone"`
	TradingName *string `json:"trading_name"`
	ExternalID  *string `json:"external_id"`
}

// CustomerInput is a checked registration or update: canonical documents and contact
// fields; a nil pointer is a field that was not sent.
type CustomerInput struct {
	CPF         *validation.CPF
	CNPJ        *validation.CNPJ
	Name        *string
	Email       *string
	Phone       *validation.Phone
	TradingName *string
	ExternalID  *string
}

// Parse checks every field that was sent and gathers every failure in one
// apierr.Errors (each with the field's name as param), so a client learns of all its
// mistakes at once: cpf (validation.ParseCPF), cnpj (ParseCNPJ), email (ParseEmail),
// phone (ParsePhone, E.164), name and trading_name (1 to MaxNameLen bytes of valid
// UTF-8, no control characters), external_id (1 to MaxExternalIDLen bytes of
// printable ASCII). A registration also needs its cpf: with create set, an absent cpf
// is missing_required_field.
func (f CustomerFields) Parse(create bool) (CustomerInput, error) {
	var in CustomerInput
	var errs apierr.Errors
	if f.CPF == nil {
		if create {
			errs = errs.Append(apierr.Wrap(apierr.ErrEmpty, apierr.MissingRequiredField, "cpf",
				"cpf is required"))
		}
	} else if c, err := validation.ParseCPF(*f.CPF); err != nil {
		errs = errs.Append(err)
	} else {
		in.CPF = &c
	}
	if f.CNPJ != nil {
		if c, err := validation.ParseCNPJ(*f.CNPJ); err != nil {
			errs = errs.Append(err)
		} else {
			in.CNPJ = &c
		}
	}
	if f.Email != nil {
		if e, err := validation.ParseEmail(*f.Email); err != nil {
			errs = errs.Append(err)
		} else {
			in.Email = &e
		}
	}
	if f.Phone != nil {
		if p, err := validation.ParsePhone(*f.Phone); err != nil {
			errs = errs.Append(err)
		} else {
			in.Phone = &p
		}
	}
	for _, t := range []struct {
		param string
		src   *string
		dst   **string
	}{{"name", f.Name, &in.Name}, {"trading_name", f.TradingName, &in.TradingName}} {
		if t.src == nil {
			continue
		}
		if err := checkText(t.param, *t.src, MaxNameLen); err != nil {
			errs = errs.Append(err)
			continue
		}
		v := *t.src
		*t.dst = &v
	}
	if f.ExternalID != nil {
		if err := checkExternalID(*f.ExternalID); err != nil {
			errs = errs.Append(err)
		} else {
			v := *f.ExternalID
			in.ExternalID = &v
		}
	}
	return in, errs.Err()
}

// CheckName checks a human name field (a credential's, a customer's): 1 to
// MaxNameLen bytes of valid UTF-8 without control characters, reported for param.
func CheckName(param, s string) error { return checkText(param, s, MaxNameLen) }

// checkText checks a human free-text field: non-empty valid UTF-8 of at most max
// bytes without control characters.
func checkText(param, s string, max int) error {
	switch {
	case s == "":
		return apierr.Wrap(apierr.ErrEmpty, apierr.InvalidFormat, param, "%s is empty", param)
	case len(s) > max:
		return apierr.Wrap(apierr.ErrLength, apierr.InvalidFormat, param,
			"%s is %d bytes long; expected at most %d", param, len(s), max)
	case !utf8.ValidString(s):
		return apierr.Wrap(apierr.ErrCharacter, apierr.InvalidFormat, param, "%s is not valid UTF-8", param)
	}
	for _, r := range s {
		if r < ' ' || r == 0x7f || r >= 0x80 && r < 0xa0 {
			return apierr.Wrap(apierr.ErrCharacter, apierr.InvalidFormat, param,
				"%s has a control character %s; expected text", param, apierr.QuoteRune(r))
		}
	}
	return nil
}

// checkExternalID checks the partner's own identifier of a customer: 1 to
// MaxExternalIDLen bytes of printable ASCII.
func checkExternalID(s string) error {
	const param = "external_id"
	switch {
	case s == "":
		return apierr.Wrap(apierr.ErrEmpty, apierr.InvalidFormat, param, "external_id is empty")
	case len(s) > MaxExternalIDLen:
		return apierr.Wrap(apierr.ErrLength, apierr.InvalidFormat, param,
			"external_id is %d bytes long; expected at most %d", len(s), MaxExternalIDLen)
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < ' ' || c > '~' {
			return apierr.Wrap(apierr.ErrCharacter, apierr.InvalidFormat, param,
				"external_id has a byte 0x%02x at %d; expected printable ASCII", c, i+1)
		}
	}
	return nil
}

// Registration returns the fields of a checked registration that idempotency reads.
func (in CustomerInput) Registration() statemachine.Registration {
	var r statemachine.Registration
	if in.CPF != nil {
		r.CPF = *in.CPF
	}
	if in.CNPJ != nil {
		r.CNPJ = *in.CNPJ
	}
	if in.ExternalID != nil {
		r.ExternalID = *in.ExternalID
	}
	return r
}

// NewCustomer builds the wire customer of a new registration: id (NewID), the checked
// input, its lifecycle state (statemachine.NewCustomer) and the instant of creation.
func NewCustomer(id string, in CustomerInput, state statemachine.Customer, createdAt Instant) Customer {
	c := Customer{ID: id, Status: state.Status, CNPJ: in.CNPJ, Name: in.Name, Email: in.Email,
		Phone: in.Phone, TradingName: in.TradingName, ExternalID: in.ExternalID, CreatedAt: createdAt}
	if in.CPF != nil {
		c.CPF = *in.CPF
	}
	c.KYC = make([]KYCItem, len(state.KYC))
	for i, r := range state.KYC {
		c.KYC[i] = KYCItem{Kind: r.Kind, Type: r.Type, Status: r.Status}
	}
	return c
}

// Update applies a checked update to c, after statemachine.CheckUpdate (cpf and
// external_id never change; sending their current value is not a change): the other
// sent fields replace the stored ones. It returns the updated customer; c is not
// modified.
func (c Customer) Update(in CustomerInput) (Customer, error) {
	next := c.Registration()
	if in.CPF != nil {
		next.CPF = *in.CPF
	}
	if in.ExternalID != nil {
		next.ExternalID = *in.ExternalID
	}
	if err := statemachine.CheckUpdate(c.Registration(), next); err != nil {
		return c, err
	}
	if in.CNPJ != nil {
		c.CNPJ = in.CNPJ
	}
	if in.Name != nil {
		c.Name = in.Name
	}
	if in.Email != nil {
		c.Email = in.Email
	}
	if in.Phone != nil {
		c.Phone = in.Phone
	}
	if in.TradingName != nil {
		c.TradingName = in.TradingName
	}
	c.KYC = append([]KYCItem(nil), c.KYC...)
	return c, nil
}

// WithState returns c as its lifecycle state next shows it (the customer a
// statemachine.Customer method returned after a document upload, a biometrics
// session or a review): next's status, and next's requirements in next's order, each
// keeping the description, message and uploaded_at c has for its type. c is not
// modified; the kyc list is new.
func (c Customer) WithState(next statemachine.Customer) Customer {
	kyc := make([]KYCItem, len(next.KYC))
	for i, r := range next.KYC {
		kyc[i] = KYCItem{Kind: r.Kind, Type: r.Type, Status: r.Status}
		for _, old := range c.KYC {
			if old.Type == r.Type {
				kyc[i].Description, kyc[i].Message, kyc[i].UploadedAt = old.Description, old.Message, old.UploadedAt
				break
			}
		}
	}
	c.Status, c.KYC = next.Status, kyc
	return c
}

// WithUpload returns c with the kyc item of type typ showing a document uploaded at
// at (its uploaded_at); a type c has no item of changes nothing. c is not modified;
// the kyc list is new.
func (c Customer) WithUpload(typ string, at Instant) Customer {
	c.KYC = append([]KYCItem(nil), c.KYC...)
	for i := range c.KYC {
		if c.KYC[i].Type == typ {
			c.KYC[i].UploadedAt = at
		}
	}
	return c
}

// WithMessage returns c with the kyc item of type typ carrying message (nil clears
// it): the reason of a rejection or of a requested correction. A type c has no item
// of changes nothing. c is not modified; the kyc list is new.
func (c Customer) WithMessage(typ string, message *string) Customer {
	c.KYC = append([]KYCItem(nil), c.KYC...)
	for i := range c.KYC {
		if c.KYC[i].Type == typ {
			c.KYC[i].Message = message
		}
	}
	return c
}

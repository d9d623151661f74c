package statemachine

import (
	"mime"
	"strconv"
	"strings"

	"github.com/dinie/lending/apierr"
)

// KYCRequirement is one item of a customer's kyc list (docs/api.md §5.5, kyc):
// its kind, its type (such as "ccmei", "selfie", "cnh") and its status. Types are unique
// within a customer.
type KYCRequirement struct {
	Kind   KYCKind
	Type   string
	Status KYCStatus
}

// MarshalJSON writes {"kind":"document","type":"ccmei","status":"pending"}: the wire
// names of the API's kyc items. An invalid kind or status is an error.
func (r KYCRequirement) MarshalJSON() ([]byte, error) {
	kind, err := r.Kind.MarshalText()
	if err != nil {
		return nil, err
	}
	status, err := r.Status.MarshalText()
	if err != nil {
		return nil, err
	}
	b := append([]byte(`{"kind":"`), kind...)
	b = append(b, `","type":`...)
	b = strconv.AppendQuote(b, r.Type)
	b = append(b, `,"status":"`...)
	b = append(b, status...)
	return append(b, `"}`...), nil
}

// Customer is the part of a customer (cust_) its lifecycle needs: its status and its KYC
// requirements. Customer is a value: its methods return new ones, with a new KYC slice,
// and never modify the receiver's.
type Customer struct {
	Status CustomerStatus
	KYC    []KYCRequirement
}

// NewCustomer returns a new customer with the given requirements, all pending, and the
// events registration emits (customer.created). The status is pending_kyc.
//
// Errors (param kyc): an empty list (a lender must identify and qualify its customers,
// BCB Circular 3.978/2020, so the library never lets a customer become active with
// nothing checked); a requirement with an invalid kind, an empty or repeated type, or a
// status other than pending (a new customer has submitted nothing).
func NewCustomer(kyc []KYCRequirement) (Customer, []Event, error) {
	if err := checkRequirements(kyc); err != nil {
		return Customer{}, nil, err
	}
	for _, r := range kyc {
		if r.Status != KYCPending {
			return Customer{}, nil, apierr.Errorf(apierr.InvalidFormat, "kyc",
				"requirement %s is %s; a new customer's requirements are pending", apierr.Quote(r.Type), r.Status)
		}
	}
	status, events := customerLifecycle.Create()
	return Customer{Status: status, KYC: append([]KYCRequirement(nil), kyc...)}, events, nil
}

// CustomerStatusOf derives a customer's status from its requirements (docs/lifecycles.md
// §2): active once every requirement is approved, and active is final
// (when current is active the result is active whatever the requirements); under_review
// while every requirement is submitted or approved and at least one is submitted;
// otherwise pending_kyc, so a rejection during review goes back to pending_kyc. An empty
// list is pending_kyc (see NewCustomer). Requirements are not validated here.
func CustomerStatusOf(current CustomerStatus, kyc []KYCRequirement) CustomerStatus {
	if current == CustomerActive {
		return CustomerActive
	}
	if len(kyc) == 0 {
		return CustomerPendingKYC
	}
	submitted := false
	for _, r := range kyc {
		switch r.Status {
		case KYCApproved:
		case KYCSubmitted:
			submitted = true
		default:
			return CustomerPendingKYC
		}
	}
	if submitted {
		return CustomerUnderReview
	}
	return CustomerActive
}

func checkRequirements(kyc []KYCRequirement) error {
	if len(kyc) == 0 {
		return apierr.Errorf(apierr.MissingRequiredField, "kyc",
			"a customer has at least one KYC requirement")
	}
	for i, r := range kyc {
		switch {
		case !r.Kind.Valid():
			return apierr.Wrap(ErrUnknownStatus, apierr.InvalidFormat, "kyc",
				"requirement %d has kind %s, not document or data", i, r.Kind)
		case r.Type == "":
			return apierr.Errorf(apierr.MissingRequiredField, "kyc",
				"requirement %d has no type", i)
		case !KYCLifecycle(r.Kind).has(r.Status):
			return apierr.Wrap(ErrUnknownStatus, apierr.InvalidFormat, "kyc",
				"requirement %s has status %s, not a status of a %s requirement", apierr.Quote(r.Type),
				r.Status, r.Kind)
		}
		for _, s := range kyc[:i] {
			if s.Type == r.Type {
				return apierr.Errorf(apierr.InvalidFormat, "kyc",
					"requirement type %s appears twice", apierr.Quote(r.Type))
			}
		}
	}
	return nil
}

// check validates c: its requirements, and a status that follows from them.
func (c Customer) check() error {
	if !c.Status.Valid() {
		return apierr.Wrap(ErrUnknownStatus, apierr.InvalidFormat, "status",
			"%s is not a customer status", c.Status)
	}
	if err := checkRequirements(c.KYC); err != nil {
		return err
	}
	if want := CustomerStatusOf(c.Status, c.KYC); want != c.Status {
		return apierr.Errorf(apierr.InvalidFormat, "status",
			"customer status %s does not follow from its requirements, which give %s", c.Status, want)
	}
	return nil
}

// UpdateRequirement moves the requirement of type typ to status to, along its kind's
// lifecycle, and returns the new customer with its status derived again
// (CustomerStatusOf) and the events to emit: customer.kyc_updated, then
// customer.under_review or customer.active when the customer enters that status. An
// active customer stays active.
//
// Errors: an invalid customer (statuses, requirements, or a status that does not follow
// from them); a typ the customer lacks (invalid_format, param type); a move the kind's
// lifecycle lacks (invalid_transition with a *TransitionError: approved is terminal, a
// data requirement is never rejected and a document is never pending_correction).
func (c Customer) UpdateRequirement(typ string, to KYCStatus) (Customer, []Event, error) {
	if err := c.check(); err != nil {
		return c, nil, err
	}
	i := c.find(typ)
	if i < 0 {
		return c, nil, apierr.Errorf(apierr.InvalidFormat, "type",
			"the customer has no KYC requirement of type %s; its types are %s", apierr.Quote(typ), c.types(0))
	}
	return c.update(i, to)
}

// types lists the customer's requirement types of kind k (every kind for 0), quoted
// and comma-separated, or "none", for error details.
func (c Customer) types(k KYCKind) string {
	var b strings.Builder
	for _, r := range c.KYC {
		if k == 0 || r.Kind == k {
			if b.Len() > 0 {
				b.WriteString(", ")
			}
			b.WriteString(apierr.Quote(r.Type))
		}
	}
	if b.Len() == 0 {
		return "none"
	}
	return b.String()
}

func (c Customer) find(typ string) int {
	for i, r := range c.KYC {
		if r.Type == typ {
			return i
		}
	}
	return -1
}

func (c Customer) update(i int, to KYCStatus) (Customer, []Event, error) {
	r := c.KYC[i]
	events, err := KYCLifecycle(r.Kind).Transition(r.Status, to)
	if err != nil {
		return c, nil, err
	}
	n := Customer{Status: c.Status, KYC: append([]KYCRequirement(nil), c.KYC...)}
	n.KYC[i].Status = to
	if s := CustomerStatusOf(c.Status, n.KYC); s != c.Status {
		ev, err := customerLifecycle.move(c.Status, s, true)
		if err != nil {
			return c, nil, err
		}
		n.Status = s
		events = append(events, ev...)
	}
	return n, events, nil
}

// Document content types the API accepts (docs/api.md §5.5: PDF, JPEG or PNG
// only), by their IANA media types (RFC 8118, RFC 2046 and RFC 2083's registration).
var documentTypes = []string{"application/pdf", "image/jpeg", "image/png"}

// CheckContentType checks a document upload's content type: application/pdf, image/jpeg
// or image/png, compared as media types (case-insensitive, parameters ignored:
// "image/PNG; name=x.png" is PNG). Unregistered aliases such as "image/jpg" or
// "image/pjpeg" are refused, as is anything else: invalid_content_type (400), param
// file.
func CheckContentType(contentType string) error {
	mt, _, err := mime.ParseMediaType(contentType)
	if err == nil {
		for _, t := range documentTypes {
			if mt == t {
				return nil
			}
		}
	}
	return apierr.Errorf(apierr.InvalidContentType, "file",
		"content type %s is not accepted; want application/pdf, image/jpeg or image/png", apierr.Quote(contentType))
}

// CheckDocument checks a document upload against the customer (docs/lifecycles.md §4:
// accepted only for a type that is a document requirement of the customer and a
// content type of PDF, JPEG or PNG): first the content type, as CheckContentType (a malformed request, 400), then
// the type, which must be a document requirement of the customer, else
// invalid_document_type (param type). It does not look at the requirement's status;
// SubmitDocument does.
func (c Customer) CheckDocument(typ, contentType string) error {
	if err := CheckContentType(contentType); err != nil {
		return err
	}
	i := c.find(typ)
	if i < 0 || c.KYC[i].Kind != KYCDocument {
		return apierr.Errorf(apierr.InvalidDocumentType, "type",
			"document type %s is not among the customer's document requirements (%s)", apierr.Quote(typ),
			c.types(KYCDocument))
	}
	return nil
}

// SubmitDocument checks an upload as CheckDocument does and moves the requirement to
// submitted, as UpdateRequirement does: from pending, or from rejected (a resubmission).
// Uploading for a requirement that is submitted or approved is invalid_transition.
func (c Customer) SubmitDocument(typ, contentType string) (Customer, []Event, error) {
	if err := c.check(); err != nil {
		return c, nil, err
	}
	if err := c.CheckDocument(typ, contentType); err != nil {
		return c, nil, err
	}
	return c.update(c.find(typ), KYCSubmitted)
}

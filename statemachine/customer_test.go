package statemachine

import (
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/dinie/lending/apierr"
	"pgregory.net/rapid"
)

func reqs() []KYCRequirement {
	return []KYCRequirement{
		{Kind: KYCDocument, Type: "ccmei", Status: KYCPending},
		{Kind: KYCDocument, Type: "selfie", Status: KYCPending},
		{Kind: KYCData, Type: "address", Status: KYCPending},
	}
}

func TestNewCustomer(t *testing.T) {
	c, ev, err := NewCustomer(reqs())
	if err != nil || c.Status != CustomerPendingKYC || !slicesEqual(ev, EventCustomerCreated) || len(c.KYC) != 3 {
		t.Fatalf("NewCustomer = %+v, %v, %v", c, ev, err)
	}
	bad := []struct {
		name  string
		kyc   []KYCRequirement
		code  apierr.Code
		param string
	}{
		{"empty", nil, apierr.MissingRequiredField, "kyc"},
		{"no type", []KYCRequirement{{Kind: KYCDocument, Status: KYCPending}}, apierr.MissingRequiredField, "kyc"},
		{"no kind", []KYCRequirement{{Type: "cnh", Status: KYCPending}}, apierr.InvalidFormat, "kyc"},
		{"no status", []KYCRequirement{{Kind: KYCDocument, Type: "cnh"}}, apierr.InvalidFormat, "kyc"},
		{"submitted", []KYCRequirement{{Kind: KYCDocument, Type: "cnh", Status: KYCSubmitted}}, apierr.InvalidFormat, "kyc"},
		{"data rejected", []KYCRequirement{{Kind: KYCData, Type: "x", Status: KYCRejected}}, apierr.InvalidFormat, "kyc"},
		{"repeated type", []KYCRequirement{{KYCDocument, "cnh", KYCPending}, {KYCData, "cnh", KYCPending}}, apierr.InvalidFormat, "kyc"},
	}
	for _, tt := range bad {
		_, ev, err := NewCustomer(tt.kyc)
		var ve *apierr.Error
		if !errors.As(err, &ve) || ve.Code != tt.code || ve.Param != tt.param || ev != nil {
			t.Errorf("%s: NewCustomer error = %v, want %s/%s", tt.name, err, tt.code, tt.param)
		}
	}
	in := reqs()
	c, _, _ = NewCustomer(in)
	in[0].Type = "changed"
	if c.KYC[0].Type != "ccmei" {
		t.Error("NewCustomer keeps the caller's slice")
	}
}

// TestCustomerStatusOf follows docs/lifecycles.md §2's derivation rule case by case.
func TestCustomerStatusOf(t *testing.T) {
	r := func(ss ...KYCStatus) []KYCRequirement {
		var out []KYCRequirement
		for _, s := range ss {
			out = append(out, KYCRequirement{Kind: KYCDocument, Type: "t", Status: s})
		}
		return out
	}
	tests := []struct {
		current CustomerStatus
		kyc     []KYCRequirement
		want    CustomerStatus
	}{
		{CustomerPendingKYC, r(KYCPending, KYCApproved), CustomerPendingKYC},
		{CustomerPendingKYC, r(KYCSubmitted, KYCApproved), CustomerUnderReview},
		{CustomerPendingKYC, r(KYCSubmitted, KYCSubmitted), CustomerUnderReview},
		{CustomerUnderReview, r(KYCApproved, KYCApproved), CustomerActive},
		{CustomerUnderReview, r(KYCRejected, KYCSubmitted), CustomerPendingKYC}, // rejection during review
		{CustomerUnderReview, r(KYCPendingCorrection, KYCApproved), CustomerPendingKYC},
		{CustomerPendingKYC, nil, CustomerPendingKYC},                // no requirement never makes a customer active
		{CustomerActive, r(KYCPending, KYCRejected), CustomerActive}, // active is final
		{CustomerActive, nil, CustomerActive},
		{CustomerPendingKYC, r(0), CustomerPendingKYC},
	}
	for _, tt := range tests {
		if got := CustomerStatusOf(tt.current, tt.kyc); got != tt.want {
			t.Errorf("CustomerStatusOf(%s, %v) = %s, want %s", tt.current, tt.kyc, got, tt.want)
		}
	}
}

func TestCustomerKYCStory(t *testing.T) {
	c, _, _ := NewCustomer(reqs())
	step := func(c Customer, f func(Customer) (Customer, []Event, error), status CustomerStatus, want ...Event) Customer {
		t.Helper()
		n, ev, err := f(c)
		if err != nil || n.Status != status || !slicesEqual(ev, want...) {
			t.Fatalf("got %s, %v, %v; want %s, %v", n.Status, ev, err, status, want)
		}
		return n
	}
	upd := func(typ string, to KYCStatus) func(Customer) (Customer, []Event, error) {
		return func(c Customer) (Customer, []Event, error) { return c.UpdateRequirement(typ, to) }
	}
	doc := func(typ, ct string) func(Customer) (Customer, []Event, error) {
		return func(c Customer) (Customer, []Event, error) { return c.SubmitDocument(typ, ct) }
	}
	c = step(c, doc("ccmei", "application/pdf"), CustomerPendingKYC, EventCustomerKYCUpdated)
	c = step(c, doc("selfie", "image/jpeg"), CustomerPendingKYC, EventCustomerKYCUpdated)
	before := c
	c = step(c, upd("address", KYCSubmitted), CustomerUnderReview, EventCustomerKYCUpdated, EventCustomerUnderReview)
	if before.Status != CustomerPendingKYC || before.KYC[2].Status != KYCPending {
		t.Fatal("UpdateRequirement modified its receiver")
	}
	c = step(c, upd("ccmei", KYCApproved), CustomerUnderReview, EventCustomerKYCUpdated)
	c = step(c, upd("selfie", KYCRejected), CustomerPendingKYC, EventCustomerKYCUpdated)
	c = step(c, upd("address", KYCPendingCorrection), CustomerPendingKYC, EventCustomerKYCUpdated)
	c = step(c, doc("selfie", "image/png"), CustomerPendingKYC, EventCustomerKYCUpdated)
	c = step(c, upd("address", KYCSubmitted), CustomerUnderReview, EventCustomerKYCUpdated, EventCustomerUnderReview)
	c = step(c, upd("selfie", KYCApproved), CustomerUnderReview, EventCustomerKYCUpdated)
	c = step(c, upd("address", KYCApproved), CustomerActive, EventCustomerKYCUpdated, EventCustomerActive)

	// Approved is terminal; the customer stays as it is.
	_, _, err := c.UpdateRequirement("ccmei", KYCRejected)
	if !errors.Is(err, ErrTerminal) {
		t.Errorf("approved → rejected: %v, want ErrTerminal", err)
	}
}

func TestCustomerUpdateErrors(t *testing.T) {
	c, _, _ := NewCustomer(reqs())
	tests := []struct {
		name  string
		c     Customer
		typ   string
		to    KYCStatus
		code  apierr.Code
		param string
	}{
		{"unknown type", c, "cnh", KYCSubmitted, apierr.InvalidFormat, "type"},
		{"pending → approved", c, "ccmei", KYCApproved, apierr.InvalidTransition, "status"},
		{"document → pending_correction", c, "ccmei", KYCPendingCorrection, apierr.InvalidTransition, "status"},
		{"data → rejected", c, "address", KYCRejected, apierr.InvalidTransition, "status"},
		{"pending → pending", c, "address", KYCPending, apierr.InvalidTransition, "status"},
		{"bad status", c, "address", 0, apierr.InvalidFormat, "status"},
		{"inconsistent customer", Customer{Status: CustomerUnderReview, KYC: reqs()}, "ccmei", KYCSubmitted, apierr.InvalidFormat, "status"},
		{"zero customer", Customer{}, "ccmei", KYCSubmitted, apierr.InvalidFormat, "status"},
	}
	for _, tt := range tests {
		n, ev, err := tt.c.UpdateRequirement(tt.typ, tt.to)
		var ve *apierr.Error
		if !errors.As(err, &ve) || ve.Code != tt.code || ve.Param != tt.param || ev != nil {
			t.Errorf("%s: error = %v, want %s/%s", tt.name, err, tt.code, tt.param)
		}
		if n.Status != tt.c.Status {
			t.Errorf("%s: status changed on error", tt.name)
		}
	}
}

func TestCheckContentType(t *testing.T) {
	ok := []string{"application/pdf", "image/jpeg", "image/png", "IMAGE/PNG", "Application/PDF",
		"image/jpeg; name=\"selfie.jpg\"", "application/pdf;charset=binary", " image/png "}
	for _, ct := range ok {
		if err := CheckContentType(ct); err != nil {
			t.Errorf("CheckContentType(%q) = %v", ct, err)
		}
	}
	bad := []string{"", "image/jpg", "image/pjpeg", "image/gif", "image/webp", "image/heic", "text/plain",
		"application/octet-stream", "application/x-pdf", "pdf", "image/", "/png", "image/png/x",
		"image/png; name", "multipart/form-data", "image/*", "*/*", "application/pdf\x00"}
	for _, ct := range bad {
		err := CheckContentType(ct)
		var ve *apierr.Error
		if !errors.As(err, &ve) || ve.Code != apierr.InvalidContentType || ve.Param != "file" {
			t.Errorf("CheckContentType(%q) = %v, want invalid_content_type/file", ct, err)
		}
	}
}

func TestCheckDocument(t *testing.T) {
	c, _, _ := NewCustomer(reqs())
	tests := []struct {
		typ, ct string
		code    apierr.Code
		param   string
	}{
		{"ccmei", "application/pdf", "", ""},
		{"selfie", "image/png", "", ""},
		{"cnh", "application/pdf", apierr.InvalidDocumentType, "type"},
		{"address", "application/pdf", apierr.InvalidDocumentType, "type"}, // a data requirement
		{"CCMEI", "application/pdf", apierr.InvalidDocumentType, "type"},
		{"", "application/pdf", apierr.InvalidDocumentType, "type"},
		{"ccmei", "image/gif", apierr.InvalidContentType, "file"},
		{"cnh", "image/gif", apierr.InvalidContentType, "file"}, // content type first
	}
	for _, tt := range tests {
		err := c.CheckDocument(tt.typ, tt.ct)
		if tt.code == "" {
			if err != nil {
				t.Errorf("CheckDocument(%q, %q) = %v", tt.typ, tt.ct, err)
			}
			continue
		}
		var ve *apierr.Error
		if !errors.As(err, &ve) || ve.Code != tt.code || ve.Param != tt.param {
			t.Errorf("CheckDocument(%q, %q) = %v, want %s/%s", tt.typ, tt.ct, err, tt.code, tt.param)
		}
		if _, _, err2 := c.SubmitDocument(tt.typ, tt.ct); err2 == nil || err2.Error() != err.Error() {
			t.Errorf("SubmitDocument(%q, %q) = %v, want %v", tt.typ, tt.ct, err2, err)
		}
	}
	// A document already submitted cannot be uploaded again until it is rejected.
	c2, _, _ := c.SubmitDocument("ccmei", "application/pdf")
	if _, _, err := c2.SubmitDocument("ccmei", "application/pdf"); !errors.Is(err, apierr.InvalidTransition) {
		t.Errorf("second upload: %v, want invalid_transition", err)
	}
}

// TestCustomerWalk applies random requirement changes and checks, at every step, the
// customer's status against an independent derivation written here from docs/lifecycles.md §2,
// the events (customer.kyc_updated on every change, then the customer event of the
// status entered), that active never leaves, and that every event is in the catalogue.
func TestCustomerWalk(t *testing.T) {
	// Allowed requirement moves, per kind, from the spec's text.
	docMoves := map[[2]KYCStatus]bool{{KYCPending, KYCSubmitted}: true, {KYCSubmitted, KYCApproved}: true,
		{KYCSubmitted, KYCRejected}: true, {KYCRejected, KYCSubmitted}: true}
	dataMoves := map[[2]KYCStatus]bool{{KYCPending, KYCSubmitted}: true, {KYCSubmitted, KYCApproved}: true,
		{KYCSubmitted, KYCPendingCorrection}: true, {KYCPendingCorrection, KYCSubmitted}: true}
	derive := func(wasActive bool, kyc []KYCRequirement) CustomerStatus {
		approved, submittedOrApproved, anySubmitted := 0, 0, false
		for _, r := range kyc {
			if r.Status == KYCApproved {
				approved++
			}
			if r.Status == KYCApproved || r.Status == KYCSubmitted {
				submittedOrApproved++
			}
			anySubmitted = anySubmitted || r.Status == KYCSubmitted
		}
		switch {
		case wasActive || approved == len(kyc):
			return CustomerActive
		case submittedOrApproved == len(kyc) && anySubmitted:
			return CustomerUnderReview
		}
		return CustomerPendingKYC
	}
	active := 0
	defer func() {
		if active == 0 {
			t.Error("no walk reached an active customer")
		}
	}()
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.IntRange(1, 4).Draw(t, "n")
		var kyc []KYCRequirement
		for i := 0; i < n; i++ {
			kind := rapid.SampledFrom([]KYCKind{KYCDocument, KYCData}).Draw(t, "kind")
			kyc = append(kyc, KYCRequirement{Kind: kind, Type: string(rune('a' + i)), Status: KYCPending})
		}
		c, _, err := NewCustomer(kyc)
		if err != nil {
			t.Fatal(err)
		}
		for step := 0; step < 30; step++ {
			i := rapid.IntRange(0, n-1).Draw(t, "i")
			to := KYCStatus(rapid.IntRange(0, 6).Draw(t, "to"))
			r := c.KYC[i]
			moves := docMoves
			if r.Kind == KYCData {
				moves = dataMoves
			}
			n2, ev, err := c.UpdateRequirement(r.Type, to)
			if moves[[2]KYCStatus{r.Status, to}] != (err == nil) {
				t.Fatalf("%s %s → %s: error %v", r.Kind, r.Status, to, err)
			}
			if err != nil {
				if n2.Status != c.Status || n2.KYC[i].Status != r.Status {
					t.Fatal("state changed on error")
				}
				continue
			}
			want := derive(c.Status == CustomerActive, n2.KYC)
			if n2.Status != want {
				t.Fatalf("status %s, derived %s from %v", n2.Status, want, n2.KYC)
			}
			wantEv := []Event{EventCustomerKYCUpdated}
			if want != c.Status {
				wantEv = append(wantEv, map[CustomerStatus]Event{CustomerUnderReview: EventCustomerUnderReview,
					CustomerActive: EventCustomerActive, CustomerPendingKYC: 0}[want])
				wantEv = slices.DeleteFunc(wantEv, func(e Event) bool { return e == 0 })
			}
			if !slicesEqual(ev, wantEv...) {
				t.Fatalf("events %v, want %v", ev, wantEv)
			}
			if c.Status == CustomerActive && n2.Status != CustomerActive {
				t.Fatal("active customer demoted")
			}
			if n2.Status == CustomerActive && c.Status != CustomerActive {
				active++
			}
			c = n2
		}
	})
}

// TestUnknownTypeDetails: an unknown requirement type is reported with the types the
// customer has, so the caller sees what was expected.
func TestUnknownTypeDetails(t *testing.T) {
	c, _, err := NewCustomer([]KYCRequirement{{Kind: KYCDocument, Type: "ccmei", Status: KYCPending},
		{Kind: KYCData, Type: "address", Status: KYCPending}, {Kind: KYCDocument, Type: "selfie", Status: KYCPending}})
	if err != nil {
		t.Fatal(err)
	}
	_, _, err = c.UpdateRequirement("cnh", KYCSubmitted)
	if want := `invalid_format: the customer has no KYC requirement of type "cnh"; its types are "ccmei", "address", "selfie"`; err == nil || err.Error() != want {
		t.Errorf("UpdateRequirement(cnh) = %v, want %s", err, want)
	}
	err = c.CheckDocument("address", "image/png")
	if want := `invalid_document_type: document type "address" is not among the customer's document requirements ("ccmei", "selfie")`; err == nil || err.Error() != want {
		t.Errorf("CheckDocument(address) = %v, want %s", err, want)
	}
	data, _, _ := NewCustomer([]KYCRequirement{{Kind: KYCData, Type: "address", Status: KYCPending}})
	if err := data.CheckDocument("ccmei", "image/png"); err == nil || !strings.HasSuffix(err.Error(), "(none)") {
		t.Errorf("CheckDocument on a customer without document requirements = %v, want it to say none", err)
	}
}

// TestKYCRequirementJSON: a requirement marshals with the API's wire names
// (regression: it marshalled as {"Kind":…}), through encoding/json too.
func TestKYCRequirementJSON(t *testing.T) {
	r := KYCRequirement{Kind: KYCDocument, Type: "ccmei", Status: KYCSubmitted}
	got, err := json.Marshal([]KYCRequirement{r})
	if want := `[{"kind":"document","type":"ccmei","status":"submitted"}]`; err != nil || string(got) != want {
		t.Errorf("json.Marshal = %s, %v; want %s", got, err, want)
	}
	if _, err := json.Marshal(KYCRequirement{Type: "x", Status: KYCPending}); err == nil {
		t.Error("a requirement without a kind marshals")
	}
}

package sandbox

import (
	"bytes"
	"mime"
	"mime/multipart"
	"net/http"
	"time"

	"github.com/dinie/lending/api"
	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/statemachine"
	"github.com/dinie/lending/validation"
)

// uploadPath is the one route whose body is multipart (a document), bounded at
// maxUploadBytes; every other body is JSON within api.MaxBodyBytes.
const uploadPath = "/customers/{id}/documents"

func (s *Server) customerRoutes() {
	s.route(http.MethodPost, "/customers", true, (*call).createCustomer)
	s.route(http.MethodGet, "/customers", true, (*call).listCustomers)
	s.route(http.MethodGet, "/customers/{id}", true, (*call).getCustomer)
	s.route(http.MethodPatch, "/customers/{id}", true, (*call).updateCustomer)
	s.route(http.MethodPost, uploadPath, true, (*call).uploadDocument)
	s.route(http.MethodPost, "/customers/{id}/biometrics", true, (*call).biometricsSession)
}

// requirements is the sandbox's KYC policy, the lender's choice the contract leaves
// open: every customer sends an identity document and a selfie and does a biometrics
// session; one with a CNPJ (an MEI) also sends its CCMEI.
func requirements(hasCNPJ bool) []statemachine.KYCRequirement {
	kyc := []statemachine.KYCRequirement{
		{Kind: statemachine.KYCDocument, Type: "identity_card_front", Status: statemachine.KYCPending},
		{Kind: statemachine.KYCDocument, Type: "selfie", Status: statemachine.KYCPending},
		{Kind: statemachine.KYCData, Type: "biometrics", Status: statemachine.KYCPending},
	}
	if hasCNPJ {
		kyc = append(kyc, statemachine.KYCRequirement{Kind: statemachine.KYCDocument, Type: "ccmei", Status: statemachine.KYCPending})
	}
	return kyc
}

func (c *call) createCustomer() (int, any, error) {
	var f api.CustomerFields
	if err := api.DecodeBytes(c.body, &f); err != nil {
		return 0, nil, err
	}
	in, err := f.Parse(true)
	if err != nil {
		return 0, nil, err
	}
	mine := c.s.partnerCustomers(c.partner)
	regs := make([]statemachine.Registration, len(mine))
	for i, rec := range mine {
		regs[i] = rec.wire.Registration()
	}
	i, err := statemachine.Register(in.Registration(), regs)
	if err != nil {
		return 0, nil, err
	}
	if i >= 0 {
		return http.StatusOK, mine[i].wire, nil // a retry of that registration
	}
	if err := full(len(c.s.st.customers)); err != nil {
		return 0, nil, err
	}
	state, events, err := statemachine.NewCustomer(requirements(in.CNPJ != nil))
	if err != nil {
		return 0, nil, err
	}
	id, err := c.s.newID(validation.Customer)
	if err != nil {
		return 0, nil, err
	}
	rec := &customerRec{partner: c.partner, state: state,
		wire: api.NewCustomer(id, in, state, api.InstantOf(c.s.now()))}
	c.s.st.customers[id] = rec
	c.s.st.custOrder = append(c.s.st.custOrder, id)
	c.s.emitAll(c.partner, events, rec.wire)
	return http.StatusCreated, rec.wire, nil
}

// partnerCustomers lists a partner's customers in creation order.
func (s *Server) partnerCustomers(partner string) []*customerRec {
	var out []*customerRec
	for _, id := range s.st.custOrder {
		if rec := s.st.customers[id]; rec.partner == partner {
			out = append(out, rec)
		}
	}
	return out
}

// customer finds one of the caller's customers by the path's id.
func (c *call) customer() (*customerRec, error) {
	id := c.r.PathValue("id")
	if err := validation.CheckID(id, validation.Customer); err != nil {
		return nil, apierr.Relabel(err, "id")
	}
	rec, ok := c.s.st.customers[id]
	if !ok || rec.partner != c.partner {
		return nil, notFound("customer", id)
	}
	return rec, nil
}

func (c *call) getCustomer() (int, any, error) {
	rec, err := c.customer()
	if err != nil {
		return 0, nil, err
	}
	return http.StatusOK, rec.wire, nil
}

// listCustomers is GET /customers, newest first, filtered by status, cpf, cnpj or
// external_id (each exact; cpf and cnpj in any spelling).
func (c *call) listCustomers() (int, any, error) {
	q := c.r.URL.Query()
	var status statemachine.CustomerStatus
	var cpf validation.CPF
	var cnpj validation.CNPJ
	var err error
	if v := q.Get("status"); v != "" {
		if status, err = statemachine.ParseCustomerStatus(v); err != nil {
			return 0, nil, apierr.Relabel(err, "status")
		}
	}
	if v := q.Get("cpf"); v != "" {
		if cpf, err = validation.ParseCPF(v); err != nil {
			return 0, nil, err
		}
	}
	if v := q.Get("cnpj"); v != "" {
		if cnpj, err = validation.ParseCNPJ(v); err != nil {
			return 0, nil, err
		}
	}
	ext := q.Get("external_id")
	mine := c.s.partnerCustomers(c.partner)
	var list []api.Customer
	for i := len(mine) - 1; i >= 0; i-- {
		w := mine[i].wire
		reg := w.Registration()
		switch {
		case status != 0 && w.Status != status,
			!cpf.IsZero() && reg.CPF != cpf,
			!cnpj.IsZero() && reg.CNPJ != cnpj,
			ext != "" && reg.ExternalID != ext:
			continue
		}
		list = append(list, w)
	}
	page, err := pageOf(c.r, list, func(x api.Customer) string { return x.ID }, validation.Customer)
	return http.StatusOK, page, err
}

func (c *call) updateCustomer() (int, any, error) {
	rec, err := c.customer()
	if err != nil {
		return 0, nil, err
	}
	var f api.CustomerFields
	if err := api.DecodeBytes(c.body, &f); err != nil {
		return 0, nil, err
	}
	in, err := f.Parse(false)
	if err != nil {
		return 0, nil, err
	}
	next, err := rec.wire.Update(in)
	if err != nil {
		return 0, nil, err
	}
	rec.wire = next
	return http.StatusOK, rec.wire, nil
}

// uploadDocument is POST /customers/{id}/documents: multipart/form-data with a "type"
// field and a "file" part whose Content-Type is the document's.
func (c *call) uploadDocument() (int, any, error) {
	rec, err := c.customer()
	if err != nil {
		return 0, nil, err
	}
	mt, params, err := mime.ParseMediaType(c.r.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/form-data" || params["boundary"] == "" {
		return 0, nil, apierr.Errorf(apierr.InvalidContentType, "Content-Type",
			"a document upload is multipart/form-data with a type field and a file part")
	}
	form, err := multipart.NewReader(bytes.NewReader(c.body), params["boundary"]).ReadForm(maxUploadBytes)
	if err != nil {
		return 0, nil, apierr.Wrap(err, apierr.MalformedBody, "", "the multipart body does not parse")
	}
	defer form.RemoveAll()
	files := form.File["file"]
	if len(files) != 1 {
		return 0, nil, apierr.Errorf(apierr.MissingFile, "file", "the upload has %d file parts; expected one, named file", len(files))
	}
	types := form.Value["type"]
	if len(types) != 1 || types[0] == "" {
		return 0, nil, apierr.Errorf(apierr.MissingRequiredField, "type", "the upload needs one type field, such as selfie")
	}
	next, events, err := rec.state.SubmitDocument(types[0], files[0].Header.Get("Content-Type"))
	if err != nil {
		return 0, nil, err
	}
	c.s.setCustomer(rec, next, events, types[0], c.s.now())
	return http.StatusOK, rec.wire, nil
}

// setCustomer stores a customer's new lifecycle state, marks the item changed (its
// upload instant when it was uploaded), and emits the events in order; a customer that
// becomes active gets the sandbox's default credit offer. Callers hold s.mu.
func (s *Server) setCustomer(rec *customerRec, next statemachine.Customer, events []statemachine.Event, uploaded string, at time.Time) {
	rec.state = next
	rec.wire = rec.wire.WithState(next)
	if uploaded != "" {
		rec.wire = rec.wire.WithUpload(uploaded, api.InstantOf(at))
	}
	s.emitAll(rec.partner, events, rec.wire)
	for _, e := range events {
		if e == statemachine.EventCustomerActive {
			s.defaultOffer(rec)
		}
	}
}

// biometrics is the session a customer's biometrics requirement is done in.
type biometrics struct {
	ID        string      `json:"id"`
	URL       string      `json:"url"`
	ExpiresAt api.Instant `json:"expires_at"`
}

// biometricsSession is POST /customers/{id}/biometrics: one session at a time, for a
// requirement that is still to be done.
func (c *call) biometricsSession() (int, any, error) {
	rec, err := c.customer()
	if err != nil {
		return 0, nil, err
	}
	if rec.biometrics != "" {
		return 0, nil, apierr.Errorf(apierr.SessionAlreadyActive, "customer_id", "the customer has an active biometrics session")
	}
	// A session submits the biometrics requirement: the lifecycle allows it from
	// pending or pending_correction only, and says why not otherwise.
	next, events, err := rec.state.UpdateRequirement("biometrics", statemachine.KYCSubmitted)
	if err != nil {
		return 0, nil, err
	}
	id, err := c.s.newID(validation.Simulation) // any 32 hex digits; the session has no resource prefix
	if err != nil {
		return 0, nil, err
	}
	rec.biometrics = "bio_" + id[len("sim_"):]
	c.s.setCustomer(rec, next, events, "", c.s.now())
	return http.StatusOK, biometrics{ID: rec.biometrics, URL: "https://sandbox.invalid/biometrics/" + rec.biometrics,
		ExpiresAt: api.InstantOf(c.s.now().Add(30 * time.Minute))}, nil
}

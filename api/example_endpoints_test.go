package api_test

import (
	"bytes"
	"crypto/subtle"
	"encoding/base64"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"strings"
	"time"

	"github.com/dinie/lending/api"
	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/calendar"
	"github.com/dinie/lending/servicing"
	"github.com/dinie/lending/simulation"
	"github.com/dinie/lending/statemachine"
	"github.com/dinie/lending/validation"
	"github.com/dinie/lending/webhook"
)

// One example per endpoint of docs/api.md, each a handler written as a server writes
// it — decode with the library, call the library, encode with the library — and
// served in process with net/http/httptest. Ids come from seq (the n-th id is its
// prefix and "0n" sixteen times), instants from exampleNow. Every figure printed is
// checked by hand in the comment above it, or is a published one
// (testdata/published/figures.txt).

// POST /auth/token: HTTP Basic client_id:client_secret (RFC 6749 §2.3.1) → the
// secret's environment (validation.CheckClientSecret) → the credential's state
// (CanIssue) → IssueAccessToken → NewToken. The claims are printed decoded: iat is
// 2026-03-10T12:00:00Z in Unix seconds (20,522 days × 86,400 + 12 × 3,600 =
// 1,773,144,000) and exp one hour later. A live secret in the sandbox is 403.
func Example_authToken() {
	key := bytes.Repeat([]byte{7}, api.MinTokenKeyLen)
	clientID, secret := id("dinie_ci_", 1), "dinie_cs_test_0123456789abcdef"
	cred := statemachine.Credential{Status: statemachine.CredentialActive}
	h := func(w http.ResponseWriter, r *http.Request) {
		user, pass, ok := r.BasicAuth()
		if !ok {
			api.WriteProblem(w, r, apierr.Errorf(apierr.MissingToken, "authorization", "POST /auth/token needs HTTP Basic authentication"))
			return
		}
		if err := validation.CheckClientSecret(pass, validation.Sandbox); err != nil {
			api.WriteProblem(w, r, err)
			return
		}
		if user != clientID || subtle.ConstantTimeCompare([]byte(pass), []byte(secret)) != 1 {
			api.WriteProblem(w, r, apierr.Errorf(apierr.InvalidToken, "authorization", "client_id and client_secret do not match a credential"))
			return
		}
		if err := cred.CanIssue(exampleNow); err != nil {
			api.WriteProblem(w, r, err)
			return
		}
		tok, err := api.IssueAccessToken(key, user, exampleNow)
		if err != nil {
			api.WriteProblem(w, r, err)
			return
		}
		api.WriteJSON(w, r, http.StatusOK, api.NewToken(tok))
	}
	basic := func(user, pass string) string {
		return "Basic " + base64.StdEncoding.EncodeToString([]byte(user+":"+pass))
	}

	rec := record(h, request(http.MethodPost, "/v3/auth/token", "", "Authorization", basic(clientID, secret)))
	tok := pickString(rec.Body.Bytes(), "access_token")
	claims, _ := base64.RawURLEncoding.DecodeString(strings.Split(strings.TrimPrefix(tok, "dinie_at_"), ".")[1])
	fmt.Println(rec.Code, strings.HasPrefix(tok, "dinie_at_"), pickString(rec.Body.Bytes(), "token_type"),
		pickRaw(rec.Body.Bytes(), "expires_in"))
	fmt.Println(string(claims))
	run(h, http.MethodPost, "/v3/auth/token", "", "Authorization", basic(clientID, "dinie_cs_live_0123456789abcdef"))
	// Output:
	// 200 true Bearer 3600
	// {"sub":"dinie_ci_01010101010101010101010101010101","iat":1773144000,"exp":1773147600}
	// 403 {"type":"about:blank","title":"Forbidden","status":403,"detail":"client_secret is a live credential; this is the sandbox environment","instance":"/v3/auth/token","code":"forbidden","param":"client_secret"}
}

// POST /auth/credentials: Decode a CredentialRequest → CheckName → a new id and
// secret → CredentialOf(…).WithSecret: the client secret is shown in this response
// only. An expires_at sent as a date rather than an instant is invalid_format.
func Example_createCredential() {
	src := &seq{}
	h := func(w http.ResponseWriter, r *http.Request) {
		var req api.CredentialRequest
		if err := api.Decode(r.Body, &req); err != nil {
			api.WriteProblem(w, r, err)
			return
		}
		if err := api.CheckName("name", req.Name); err != nil {
			api.WriteProblem(w, r, err)
			return
		}
		clientID, err := api.NewID(validation.Credential, src)
		if err != nil {
			api.WriteProblem(w, r, err)
			return
		}
		state := statemachine.Credential{Status: statemachine.CredentialActive, ExpiresAt: req.ExpiresAt.Time}
		cred := api.CredentialOf(clientID, req.Name, state, api.InstantOf(exampleNow))
		api.WriteJSON(w, r, http.StatusCreated, cred.WithSecret(validation.ClientSecretTestPrefix+"0123456789abcdef"))
	}
	run(h, http.MethodPost, "/v3/auth/credentials", `{"name":"ci","expires_at":"2026-04-01T23:59:59Z"}`)
	run(h, http.MethodPost, "/v3/auth/credentials", `{"name":"ci","expires_at":"2026-04-01"}`)
	// Output:
	// 201 {"client_id":"dinie_ci_01010101010101010101010101010101","name":"ci","status":"active","expires_at":"2026-04-01T23:59:59Z","created_at":"2026-03-10T12:00:00Z","client_secret":"dinie_cs_test_0123456789abcdef"}
	// 422 {"type":"about:blank","title":"Unprocessable Entity","status":422,"detail":"expires_at \"2026-04-01\" is not RFC 3339; expected a value like \"2026-04-01T23:59:59Z\"","instance":"/v3/auth/credentials","code":"invalid_format","param":"expires_at"}
}

// GET /auth/credentials: the stored credentials, newest first, paged with the
// query's limit (validation.ParseLimit) and starting_after (Page); no secret is ever
// listed. Three credentials, limit 2: the two newest and has_more.
func Example_listCredentials() {
	var stored []api.Credential
	for n := byte(3); n >= 1; n-- {
		stored = append(stored, api.CredentialOf(id("dinie_ci_", n), fmt.Sprint("key ", n),
			statemachine.Credential{Status: statemachine.CredentialActive}, api.InstantOf(exampleNow.Add(time.Duration(n)*time.Hour))))
	}
	h := func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		limit, err := validation.ParseLimit(q.Get("limit"))
		if err != nil {
			api.WriteProblem(w, r, err)
			return
		}
		page, err := api.Page(stored, func(c api.Credential) string { return c.ClientID }, validation.Credential, limit, q.Get("starting_after"))
		if err != nil {
			api.WriteProblem(w, r, err)
			return
		}
		api.WriteJSON(w, r, http.StatusOK, page)
	}
	run(h, http.MethodGet, "/v3/auth/credentials?limit=2", "")
	run(h, http.MethodGet, "/v3/auth/credentials?starting_after="+id("dinie_ci_", 2), "")
	run(h, http.MethodGet, "/v3/auth/credentials?limit=101", "")
	// Output:
	// 200 {"data":[{"client_id":"dinie_ci_03030303030303030303030303030303","name":"key 3","status":"active","expires_at":null,"created_at":"2026-03-10T15:00:00Z"},{"client_id":"dinie_ci_02020202020202020202020202020202","name":"key 2","status":"active","expires_at":null,"created_at":"2026-03-10T14:00:00Z"}],"has_more":true}
	// 200 {"data":[{"client_id":"dinie_ci_01010101010101010101010101010101","name":"key 1","status":"active","expires_at":null,"created_at":"2026-03-10T13:00:00Z"}],"has_more":false}
	// 422 {"type":"about:blank","title":"Unprocessable Entity","status":422,"detail":"limit \"101\" is out of range; expected an integer from 1 to 100","instance":"/v3/auth/credentials","code":"value_out_of_range","param":"limit"}
}

// DELETE /auth/credentials/{client_id}: Revoke (immediate and irreversible) →
// CredentialOf. Revoking it again is invalid_transition (409).
func Example_revokeCredential() {
	clientID := id("dinie_ci_", 1)
	state := statemachine.Credential{Status: statemachine.CredentialActive}
	h := func(w http.ResponseWriter, r *http.Request) {
		if r.PathValue("client_id") != clientID {
			api.WriteProblem(w, r, apierr.Errorf(apierr.NotFound, "client_id", "client_id %s does not exist", apierr.Quote(r.PathValue("client_id"))))
			return
		}
		next, err := state.Revoke(exampleNow)
		if err != nil {
			api.WriteProblem(w, r, err)
			return
		}
		state = next
		api.WriteJSON(w, r, http.StatusOK, api.CredentialOf(clientID, "ci", state, api.InstantOf(exampleNow)))
	}
	mux := http.NewServeMux()
	mux.HandleFunc("DELETE /v3/auth/credentials/{client_id}", h)
	run(mux.ServeHTTP, http.MethodDelete, "/v3/auth/credentials/"+clientID, "")
	run(mux.ServeHTTP, http.MethodDelete, "/v3/auth/credentials/"+clientID, "")
	// Output:
	// 200 {"client_id":"dinie_ci_01010101010101010101010101010101","name":"ci","status":"revoked","expires_at":null,"created_at":"2026-03-10T12:00:00Z"}
	// 409 {"type":"about:blank","title":"Conflict","status":409,"detail":"credential cannot go from revoked to revoked: revoked is terminal","instance":"/v3/auth/credentials/dinie_ci_01010101010101010101010101010101","code":"invalid_transition","param":"status"}
}

// POST /customers: Decode the CustomerFields → Parse (every field checked, every
// failure at once) → statemachine.Register (a retry of the same registration returns
// the stored customer, 200) → NewCustomer with its lifecycle state → 201. The CPF is
// Receita Federal's worked example 280.012.389-38, written bare; the second body has
// the wrong check digits (…-39: 38 is right) and an e-mail without a domain.
func Example_createCustomer() {
	src := &seq{}
	var stored []api.Customer
	h := func(w http.ResponseWriter, r *http.Request) {
		var f api.CustomerFields
		if err := api.Decode(r.Body, &f); err != nil {
			api.WriteProblem(w, r, err)
			return
		}
		in, err := f.Parse(true)
		if err != nil {
			api.WriteProblem(w, r, err)
			return
		}
		regs := make([]statemachine.Registration, len(stored))
		for i, c := range stored {
			regs[i] = c.Registration()
		}
		i, err := statemachine.Register(in.Registration(), regs)
		if err != nil {
			api.WriteProblem(w, r, err)
			return
		}
		if i >= 0 {
			api.WriteJSON(w, r, http.StatusOK, stored[i])
			return
		}
		state, _, err := statemachine.NewCustomer(exampleKYC())
		if err != nil {
			api.WriteProblem(w, r, err)
			return
		}
		custID, err := api.NewID(validation.Customer, src)
		if err != nil {
			api.WriteProblem(w, r, err)
			return
		}
		c := api.NewCustomer(custID, in, state, api.InstantOf(exampleNow))
		stored = append(stored, c)
		api.WriteJSON(w, r, http.StatusCreated, c)
	}
	body := `{"cpf":"280.012.389-38","name":"Ana Souza","phone":"(11) 91234-5678","external_id":"p-1"}`
	run(h, http.MethodPost, "/v3/customers", body)
	runFields(h, http.MethodPost, "/v3/customers", body, "id")
	run(h, http.MethodPost, "/v3/customers", `{"cpf":"280.012.389-39","email":"ana@"}`)
	// Output:
	// 201 {"id":"cust_01010101010101010101010101010101","status":"pending_kyc","cpf":"28001238938","cnpj":null,"name":"Ana Souza","email":null,"phone":"+5511912345678","trading_name":null,"external_id":"p-1","kyc":[{"kind":"document","type":"identity_card_front","status":"pending","description":null,"message":null,"uploaded_at":null},{"kind":"document","type":"selfie","status":"pending","description":null,"message":null,"uploaded_at":null},{"kind":"data","type":"biometrics","status":"pending","description":null,"message":null,"uploaded_at":null}],"created_at":"2026-03-10T12:00:00Z"}
	// 200
	//   id: "cust_01010101010101010101010101010101"
	// 422 {"type":"about:blank","title":"Unprocessable Entity","status":422,"detail":"2 fields are invalid: cpf, email","instance":"/v3/customers","code":"invalid_cpf","param":"cpf","errors":[{"code":"invalid_cpf","param":"cpf","detail":"cpf 280.012.389-39 has check digits 39; expected 38"},{"code":"invalid_format","param":"email","detail":"email \"ana@\" has no domain after '@'; expected local@domain.tld with no spaces, at most 254 characters"}]}
}

// GET /customers: the stored customers, newest first, filtered by cpf in any
// spelling (validation.ParseCPF), paged (Page). Of two customers, the one whose CPF
// is 000.000.001-91 (a valid CPF: the digits 1 and 91 of Receita Federal's rule).
func Example_listCustomers() {
	ana, _ := exampleCustomer()
	cpf, _ := validation.ParseCPF("00000000191")
	bia := ana
	bia.ID, bia.CPF, bia.Name = id("cust_", 2), cpf, nil
	stored := []api.Customer{bia, ana} // newest first
	h := func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		var want validation.CPF
		if v := q.Get("cpf"); v != "" {
			var err error
			if want, err = validation.ParseCPF(v); err != nil {
				api.WriteProblem(w, r, err)
				return
			}
		}
		var list []api.Customer
		for _, c := range stored {
			if want.IsZero() || c.CPF == want {
				list = append(list, c)
			}
		}
		limit, err := validation.ParseLimit(q.Get("limit"))
		if err != nil {
			api.WriteProblem(w, r, err)
			return
		}
		page, err := api.Page(list, func(c api.Customer) string { return c.ID }, validation.Customer, limit, q.Get("starting_after"))
		if err != nil {
			api.WriteProblem(w, r, err)
			return
		}
		api.WriteJSON(w, r, http.StatusOK, page)
	}
	rec := record(h, request(http.MethodGet, "/v3/customers?cpf=000.000.001-91", ""))
	fmt.Println(rec.Code, strings.Count(rec.Body.String(), `"id":"cust_`), strings.Contains(rec.Body.String(), id("cust_", 2)),
		strings.HasSuffix(strings.TrimSpace(rec.Body.String()), `"has_more":false}`))
	run(h, http.MethodGet, "/v3/customers?starting_after="+id("co_", 2), "")
	// Output:
	// 200 1 true true
	// 422 {"type":"about:blank","title":"Unprocessable Entity","status":422,"detail":"starting_after \"co_02020202020202020202020202020202\" is a credit_offer ID; expected a customer ID, cust_ followed by 32 lowercase hex digits","instance":"/v3/customers","code":"invalid_format","param":"starting_after"}
}

// GET /customers/{id}: the path's id checked (validation.CheckID) → the stored
// customer, or not_found (404). An id of another resource is invalid_format naming
// both.
func Example_getCustomer() {
	ana, _ := exampleCustomer()
	h := func(w http.ResponseWriter, r *http.Request) {
		custID := r.PathValue("id")
		if err := validation.CheckID(custID, validation.Customer); err != nil {
			api.WriteProblem(w, r, apierr.Relabel(err, "id"))
			return
		}
		if custID != ana.ID {
			api.WriteProblem(w, r, apierr.Errorf(apierr.NotFound, "id", "customer %s does not exist", apierr.Quote(custID)))
			return
		}
		api.WriteJSON(w, r, http.StatusOK, ana)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /v3/customers/{id}", h)
	runFields(mux.ServeHTTP, http.MethodGet, "/v3/customers/"+ana.ID, "", "id", "status", "cpf", "name")
	run(mux.ServeHTTP, http.MethodGet, "/v3/customers/"+id("cust_", 9), "")
	run(mux.ServeHTTP, http.MethodGet, "/v3/customers/"+id("ln_", 9), "")
	// Output:
	// 200
	//   id: "cust_01010101010101010101010101010101"
	//   status: "pending_kyc"
	//   cpf: "28001238938"
	//   name: "Ana Souza"
	// 404 {"type":"about:blank","title":"Not Found","status":404,"detail":"customer \"cust_09090909090909090909090909090909\" does not exist","instance":"/v3/customers/cust_09090909090909090909090909090909","code":"not_found","param":"id"}
	// 422 {"type":"about:blank","title":"Unprocessable Entity","status":422,"detail":"id \"ln_09090909090909090909090909090909\" is a loan ID; expected a customer ID, cust_ followed by 32 lowercase hex digits","instance":"/v3/customers/ln_09090909090909090909090909090909","code":"invalid_format","param":"id"}
}

// PATCH /customers/{id}: Decode → Parse(false) (every field optional) →
// Customer.Update, which refuses to change cpf or external_id (immutable_field;
// sending the current value is not a change). An unknown field is invalid_format.
func Example_updateCustomer() {
	ana, _ := exampleCustomer()
	h := func(w http.ResponseWriter, r *http.Request) {
		var f api.CustomerFields
		if err := api.Decode(r.Body, &f); err != nil {
			api.WriteProblem(w, r, err)
			return
		}
		in, err := f.Parse(false)
		if err != nil {
			api.WriteProblem(w, r, err)
			return
		}
		next, err := ana.Update(in)
		if err != nil {
			api.WriteProblem(w, r, err)
			return
		}
		ana = next
		api.WriteJSON(w, r, http.StatusOK, ana)
	}
	runFields(h, http.MethodPatch, "/v3/customers/"+ana.ID, `{"email":"ana@example.com","cpf":"28001238938"}`, "email", "cpf")
	run(h, http.MethodPatch, "/v3/customers/"+ana.ID, `{"cpf":"000.000.001-91"}`)
	run(h, http.MethodPatch, "/v3/customers/"+ana.ID, `{"nickname":"Ana"}`)
	// Output:
	// 200
	//   email: "ana@example.com"
	//   cpf: "28001238938"
	// 422 {"type":"about:blank","title":"Unprocessable Entity","status":422,"detail":"cpf cannot change after registration","instance":"/v3/customers/cust_01010101010101010101010101010101","code":"immutable_field","param":"cpf"}
	// 422 {"type":"about:blank","title":"Unprocessable Entity","status":422,"detail":"key \"nickname\" is not a field; expected cpf, cnpj, name, email, phone, trading_name, external_id","instance":"/v3/customers/cust_01010101010101010101010101010101","code":"invalid_format","param":"nickname"}
}

// POST /customers/{id}/documents: multipart/form-data with a type field and a file
// part → statemachine's SubmitDocument (PDF, JPEG or PNG; a type among the
// customer's document requirements) → Customer.WithState and WithUpload. A GIF is
// invalid_content_type (400).
func Example_uploadDocument() {
	ana, state := exampleCustomer()
	h := func(w http.ResponseWriter, r *http.Request) {
		if err := r.ParseMultipartForm(1 << 20); err != nil {
			api.WriteProblem(w, r, apierr.Errorf(apierr.InvalidContentType, "Content-Type", "a document upload is multipart/form-data"))
			return
		}
		files := r.MultipartForm.File["file"]
		if len(files) != 1 {
			api.WriteProblem(w, r, apierr.Errorf(apierr.MissingFile, "file", "the upload has %d file parts; expected one", len(files)))
			return
		}
		typ := r.FormValue("type")
		next, _, err := state.SubmitDocument(typ, files[0].Header.Get("Content-Type"))
		if err != nil {
			api.WriteProblem(w, r, err)
			return
		}
		state, ana = next, ana.WithState(next).WithUpload(typ, api.InstantOf(exampleNow))
		api.WriteJSON(w, r, http.StatusOK, ana)
	}
	upload := func(typ, contentType string) {
		var body bytes.Buffer
		mw := multipart.NewWriter(&body)
		_ = mw.WriteField("type", typ)
		part, _ := mw.CreatePart(textproto.MIMEHeader{"Content-Disposition": {`form-data; name="file"; filename="doc"`},
			"Content-Type": {contentType}})
		_, _ = part.Write([]byte("%PDF-1.7"))
		_ = mw.Close()
		rec := record(h, request(http.MethodPost, "/v3/customers/"+ana.ID+"/documents", body.String(), "Content-Type", mw.FormDataContentType()))
		showFields(rec, "kyc")
	}
	upload("selfie", "image/jpeg")
	upload("selfie", "image/gif")
	// Output:
	// 200
	//   kyc: [{"kind":"document","type":"identity_card_front","status":"pending","description":null,"message":null,"uploaded_at":null},{"kind":"document","type":"selfie","status":"submitted","description":null,"message":null,"uploaded_at":"2026-03-10T12:00:00Z"},{"kind":"data","type":"biometrics","status":"pending","description":null,"message":null,"uploaded_at":null}]
	// 400 {"type":"about:blank","title":"Bad Request","status":400,"detail":"content type \"image/gif\" is not accepted; want application/pdf, image/jpeg or image/png","instance":"/v3/customers/cust_01010101010101010101010101010101/documents","code":"invalid_content_type","param":"file"}
}

// POST /customers/{id}/biometrics: one session for a biometrics requirement still to
// be done → UpdateRequirement(biometrics, submitted) → Customer.WithState. A second
// session is session_already_active (409).
func Example_biometricsSession() {
	ana, state := exampleCustomer()
	active := false
	h := func(w http.ResponseWriter, r *http.Request) {
		if active {
			api.WriteProblem(w, r, apierr.Errorf(apierr.SessionAlreadyActive, "customer_id", "the customer has an active biometrics session"))
			return
		}
		next, _, err := state.UpdateRequirement("biometrics", statemachine.KYCSubmitted)
		if err != nil {
			api.WriteProblem(w, r, err)
			return
		}
		state, ana, active = next, ana.WithState(next), true
		api.WriteJSON(w, r, http.StatusOK, ana)
	}
	runFields(h, http.MethodPost, "/v3/customers/"+ana.ID+"/biometrics", "", "status", "kyc")
	run(h, http.MethodPost, "/v3/customers/"+ana.ID+"/biometrics", "")
	// Output:
	// 200
	//   status: "pending_kyc"
	//   kyc: [{"kind":"document","type":"identity_card_front","status":"pending","description":null,"message":null,"uploaded_at":null},{"kind":"document","type":"selfie","status":"pending","description":null,"message":null,"uploaded_at":null},{"kind":"data","type":"biometrics","status":"submitted","description":null,"message":null,"uploaded_at":null}]
	// 409 {"type":"about:blank","title":"Conflict","status":409,"detail":"the customer has an active biometrics session","instance":"/v3/customers/cust_01010101010101010101010101010101/biometrics","code":"session_already_active","param":"customer_id"}
}

// GET /customers/{id}/credit-offers and GET /credit-offers: each stored offer settled
// on the clock (Offer.At: past valid_until it is expired) → CreditOfferOf → Page.
// The offer's figures are exampleOffer's own; valid_until is 30 days after
// 2026-03-10T12:00:00Z.
func Example_listCreditOffers() {
	stored := []statemachine.Offer{exampleOffer()}
	h := func(w http.ResponseWriter, r *http.Request) {
		var list []api.CreditOffer
		for _, o := range stored {
			if cust := r.PathValue("id"); cust != "" && o.CustomerID != cust {
				continue
			}
			o, _, err := o.At(exampleNow)
			if err != nil {
				api.WriteProblem(w, r, err)
				return
			}
			wire, err := api.CreditOfferOf(o)
			if err != nil {
				api.WriteProblem(w, r, err)
				return
			}
			list = append(list, wire)
		}
		limit, err := validation.ParseLimit(r.URL.Query().Get("limit"))
		if err != nil {
			api.WriteProblem(w, r, err)
			return
		}
		page, err := api.Page(list, func(o api.CreditOffer) string { return o.ID }, validation.CreditOffer, limit, r.URL.Query().Get("starting_after"))
		if err != nil {
			api.WriteProblem(w, r, err)
			return
		}
		api.WriteJSON(w, r, http.StatusOK, page)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /v3/credit-offers", h)
	mux.HandleFunc("GET /v3/customers/{id}/credit-offers", h)
	run(mux.ServeHTTP, http.MethodGet, "/v3/customers/"+id("cust_", 1)+"/credit-offers", "")
	run(mux.ServeHTTP, http.MethodGet, "/v3/customers/"+id("cust_", 9)+"/credit-offers", "")
	// Output:
	// 200 {"data":[{"id":"co_02020202020202020202020202020202","customer_id":"cust_01010101010101010101010101010101","status":"available","approved_amount":"5000.00","min_amount":"500.00","interest_rate":1.99,"installments":4,"due_date_rule":null,"valid_until":"2026-04-09T12:00:00Z","breakdown":{"fee_fixed":"0.00","fee_percent":0,"borrower_class":"pf"}}],"has_more":false}
	// 200 {"data":[],"has_more":false}
}

// GET /credit-offers/{id}: the offer settled on the clock (Offer.At) →
// CreditOfferOf. Read 31 days later, past valid_until, it is expired.
func Example_getCreditOffer() {
	offer := exampleOffer()
	now := exampleNow
	h := func(w http.ResponseWriter, r *http.Request) {
		next, _, err := offer.At(now)
		if err != nil {
			api.WriteProblem(w, r, err)
			return
		}
		offer = next
		wire, err := api.CreditOfferOf(offer)
		if err != nil {
			api.WriteProblem(w, r, err)
			return
		}
		api.WriteJSON(w, r, http.StatusOK, wire)
	}
	runFields(h, http.MethodGet, "/v3/credit-offers/"+offer.ID, "", "status", "valid_until")
	now = now.Add(31 * 24 * time.Hour)
	runFields(h, http.MethodGet, "/v3/credit-offers/"+offer.ID, "", "status")
	// Output:
	// 200
	//   status: "available"
	//   valid_until: "2026-04-09T12:00:00Z"
	// 200
	//   status: "expired"
}

// POST /credit-offers/{id}/simulations: Decode a SimulationRequest → Request (both
// fields required) → simulation.Simulate for a release today → WithID → WriteJSON.
// R$ 1,290.00 at 1.99 % a.m. in 4 installments, released 2026-03-10, charges
// deducted, an individual:
//
//   - installments_value 338.70: Banco Central's calculator (calc-pmt-4 in
//     testdata/published/figures.txt); the last installment, 338.71, takes the
//     residue, so interest_amount = 3 × 338.70 + 338.71 − 1,290.00 = 64.81;
//   - iof_amount 13.10 (Decreto 6.306/2007, art. 7): 0.38 % × 1,290.00 = 4.90, plus
//     0.0082 % a day on each principal for its days (313.03 × 31 + 319.26 × 62 +
//     325.61 × 92 + 332.10 × 122 = 99,970.37; × 0.000082 = 8.20);
//   - amount = 1,290.00 − 0.00 − 13.10 = 1,276.90, total_loan_amount = 1,276.90 +
//     64.81 + 0.00 + 13.10 = 1,354.81;
//   - first_due_date one month after the release.
//
// A body without installment_count is missing_required_field; money sent as a
// JSON number is invalid_format, and so are two keys that differ only in case (the
// body must say one thing).
func Example_createSimulation() {
	offer := exampleOffer()
	h := func(w http.ResponseWriter, r *http.Request) {
		var req api.SimulationRequest
		if err := api.Decode(r.Body, &req); err != nil {
			api.WriteProblem(w, r, err)
			return
		}
		sr, err := req.Request()
		if err != nil {
			api.WriteProblem(w, r, err)
			return
		}
		release, err := calendar.DateOf(exampleNow)
		if err != nil {
			api.WriteProblem(w, r, err)
			return
		}
		sim, err := simulation.Simulate(offer, sr, simulation.Options{Now: exampleNow, Release: release})
		if err != nil {
			api.WriteProblem(w, r, err)
			return
		}
		if sim, err = sim.WithID(id("sim_", 3)); err != nil {
			api.WriteProblem(w, r, err)
			return
		}
		api.WriteJSON(w, r, http.StatusCreated, sim)
	}
	runFields(h, http.MethodPost, "/v3/credit-offers/"+offer.ID+"/simulations",
		`{"requested_amount":"1290.00","installment_count":4}`,
		"id", "requested_amount", "amount", "interest_amount", "fees_amount", "iof_amount", "total_loan_amount",
		"interest_percentage", "number_of_installments", "installments_value", "first_due_date")
	run(h, http.MethodPost, "/v3/credit-offers/"+offer.ID+"/simulations", `{"requested_amount":"1290.00"}`)
	run(h, http.MethodPost, "/v3/credit-offers/"+offer.ID+"/simulations", `{"requested_amount":1290,"installment_count":4}`)
	run(h, http.MethodPost, "/v3/credit-offers/"+offer.ID+"/simulations", `{"requested_amount":"1290.00","Installment_Count":4,"installment_count":4}`)
	// Output:
	// 201
	//   id: "sim_03030303030303030303030303030303"
	//   requested_amount: "1290.00"
	//   amount: "1276.90"
	//   interest_amount: "64.81"
	//   fees_amount: "0.00"
	//   iof_amount: "13.10"
	//   total_loan_amount: "1354.81"
	//   interest_percentage: 1.99
	//   number_of_installments: 4
	//   installments_value: "338.70"
	//   first_due_date: "2026-04-10"
	// 422 {"type":"about:blank","title":"Unprocessable Entity","status":422,"detail":"installment_count is required","instance":"/v3/credit-offers/co_02020202020202020202020202020202/simulations","code":"missing_required_field","param":"installment_count"}
	// 422 {"type":"about:blank","title":"Unprocessable Entity","status":422,"detail":"requested_amount must be a JSON string with two decimal places, like \"1234.56\"; a JSON number is refused","instance":"/v3/credit-offers/co_02020202020202020202020202020202/simulations","code":"invalid_format","param":"requested_amount"}
	// 422 {"type":"about:blank","title":"Unprocessable Entity","status":422,"detail":"key \"installment_count\" differs from key \"Installment_Count\" only in case; keys are case-sensitive and each is given once","instance":"/v3/credit-offers/co_02020202020202020202020202020202/simulations","code":"invalid_format","param":"installment_count"}
}

// POST /loans: Decode a LoanRequest → Terms (every field required) →
// statemachine.RequestLoan against the offer's simulations (the terms must echo the
// chosen one) → LoanOf. A new loan is processing: no CCB number, no signing link,
// nothing released (net_amount null). The terms are exampleSimulation's (see
// Example_createSimulation). Echoing another installments_value is
// simulation_mismatch.
func Example_createLoan() {
	offer, sims := exampleOffer(), []*simulation.Simulation{exampleSimulation()}
	src := &seq{n: 3}
	h := func(w http.ResponseWriter, r *http.Request) {
		var req api.LoanRequest
		if err := api.Decode(r.Body, &req); err != nil {
			api.WriteProblem(w, r, err)
			return
		}
		offerID, terms, err := req.Terms()
		if err != nil {
			api.WriteProblem(w, r, err)
			return
		}
		if offerID != offer.ID {
			api.WriteProblem(w, r, apierr.Errorf(apierr.NotFound, "credit_offer_id", "credit_offer %s does not exist", apierr.Quote(offerID)))
			return
		}
		org, err := statemachine.RequestLoan(statemachine.CustomerActive, offer, sims, terms, exampleNow)
		if err != nil {
			api.WriteProblem(w, r, err)
			return
		}
		loanID, err := api.NewID(validation.Loan, src)
		if err != nil {
			api.WriteProblem(w, r, err)
			return
		}
		offer = org.Offer
		loan, err := api.LoanOf(api.LoanRecord{ID: loanID, CustomerID: offer.CustomerID, CreditOfferID: offer.ID,
			Status: org.Loan, Simulation: org.Simulation, CreatedAt: api.InstantOf(exampleNow)})
		if err != nil {
			api.WriteProblem(w, r, err)
			return
		}
		api.WriteJSON(w, r, http.StatusCreated, loan)
	}
	body := func(value string) string {
		return `{"credit_offer_id":"` + offer.ID + `","simulation_id":"` + id("sim_", 3) +
			`","installments":4,"installments_value":"` + value + `","first_due_date":"2026-04-10"}`
	}
	run(h, http.MethodPost, "/v3/loans", body("338.71"))
	runFields(h, http.MethodPost, "/v3/loans", body("338.70"), "id", "status", "simulation_id", "requested_amount",
		"net_amount", "iof", "service_fee", "total_amount", "installments_value", "number_of_installments",
		"ccb_number", "signing_url", "disbursement_method")
	// Output:
	// 422 {"type":"about:blank","title":"Unprocessable Entity","status":422,"detail":"installments_value 338.71 differs from the simulation's 338.70","instance":"/v3/loans","code":"simulation_mismatch","param":"installments_value"}
	// 201
	//   id: "ln_04040404040404040404040404040404"
	//   status: "processing"
	//   simulation_id: "sim_03030303030303030303030303030303"
	//   requested_amount: "1290.00"
	//   net_amount: null
	//   iof: "13.10"
	//   service_fee: "0.00"
	//   total_amount: "1354.81"
	//   installments_value: "338.70"
	//   number_of_installments: 4
	//   ccb_number: null
	//   signing_url: null
	//   disbursement_method: "pix"
}

// GET /loans/{id}: the stored record → LoanOf, whose fields follow
// the status: awaiting signatures, the loan shows its CCB number and signing link
// and still no net_amount; active, the link is gone and net_amount is the simulation's
// amount, 1,276.90 (Example_createSimulation).
func Example_getLoan() {
	rec := api.LoanRecord{ID: id("ln_", 4), CustomerID: id("cust_", 1), CreditOfferID: id("co_", 2),
		Status: statemachine.LoanAwaitingSignatures, Simulation: exampleSimulation(), CCBNumber: api.CCBNumber(1),
		SigningURL: "https://sign.example/" + id("ln_", 4), CreatedAt: api.InstantOf(exampleNow)}
	h := func(w http.ResponseWriter, r *http.Request) {
		if r.PathValue("id") != rec.ID {
			api.WriteProblem(w, r, apierr.Errorf(apierr.NotFound, "id", "loan %s does not exist", apierr.Quote(r.PathValue("id"))))
			return
		}
		loan, err := api.LoanOf(rec)
		if err != nil {
			api.WriteProblem(w, r, err)
			return
		}
		api.WriteJSON(w, r, http.StatusOK, loan)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /v3/loans/{id}", h)
	runFields(mux.ServeHTTP, http.MethodGet, "/v3/loans/"+rec.ID, "", "status", "ccb_number", "signing_url", "net_amount")
	rec.Status = statemachine.LoanActive
	runFields(mux.ServeHTTP, http.MethodGet, "/v3/loans/"+rec.ID, "", "status", "ccb_number", "signing_url", "net_amount")
	// Output:
	// 200
	//   status: "awaiting_signatures"
	//   ccb_number: "CCB-0000000001"
	//   signing_url: "https://sign.example/ln_04040404040404040404040404040404"
	//   net_amount: null
	// 200
	//   status: "active"
	//   ccb_number: "CCB-0000000001"
	//   signing_url: null
	//   net_amount: "1276.90"
}

// GET /loans: every stored loan record → LoanOf, newest first → Page. Two loans of
// exampleSimulation's terms, one processing and one active; limit 1 shows the newest
// and has_more, and its cursor the other.
func Example_listLoans() {
	sim := exampleSimulation()
	stored := []api.LoanRecord{
		{ID: id("ln_", 5), CustomerID: id("cust_", 1), CreditOfferID: id("co_", 2), Status: statemachine.LoanProcessing,
			Simulation: sim, CreatedAt: api.InstantOf(exampleNow.Add(time.Hour))},
		{ID: id("ln_", 4), CustomerID: id("cust_", 1), CreditOfferID: id("co_", 2), Status: statemachine.LoanActive,
			Simulation: sim, CCBNumber: api.CCBNumber(1), CreatedAt: api.InstantOf(exampleNow)},
	}
	h := func(w http.ResponseWriter, r *http.Request) {
		list := make([]api.Loan, 0, len(stored))
		for _, rec := range stored {
			loan, err := api.LoanOf(rec)
			if err != nil {
				api.WriteProblem(w, r, err)
				return
			}
			list = append(list, loan)
		}
		q := r.URL.Query()
		limit, err := validation.ParseLimit(q.Get("limit"))
		if err != nil {
			api.WriteProblem(w, r, err)
			return
		}
		page, err := api.Page(list, func(l api.Loan) string { return l.ID }, validation.Loan, limit, q.Get("starting_after"))
		if err != nil {
			api.WriteProblem(w, r, err)
			return
		}
		api.WriteJSON(w, r, http.StatusOK, page)
	}
	for _, target := range []string{"/v3/loans?limit=1", "/v3/loans?limit=1&starting_after=" + id("ln_", 5)} {
		rec := record(h, request(http.MethodGet, target, ""))
		fmt.Println(rec.Code, "has_more", pickRaw(rec.Body.Bytes(), "has_more"))
		for _, l := range pickList(rec.Body.Bytes(), "data") {
			fmt.Println(" ", pickString(l, "id"), pickString(l, "status"), pickRaw(l, "net_amount"), pickRaw(l, "ccb_number"))
		}
	}
	run(h, http.MethodGet, "/v3/loans?starting_after="+id("ln_", 9), "")
	// Output:
	// 200 has_more true
	//   ln_05050505050505050505050505050505 processing null null
	// 200 has_more false
	//   ln_04040404040404040404040404040404 active "1276.90" "CCB-0000000001"
	// 422 {"type":"about:blank","title":"Unprocessable Entity","status":422,"detail":"starting_after \"ln_09090909090909090909090909090909\" is not an item of this listing","instance":"/v3/loans","code":"invalid_format","param":"starting_after"}
}

// GET /loans/{id}/transactions: the loan booked from its simulation (servicing.Book,
// the library's late-charge terms: 2 % fine, 1 % a month of mora) with its payments
// → TransactionsOf as of the server's date, with the tx_ ids minted at booking →
// Page. Installment 1 was paid on its due date, 2026-04-10; on 2026-05-21
// installment 2 (nominal 2026-05-10, a Sunday, due 2026-05-11) is 10 days overdue,
// and its delay counts 11 days from the nominal date: fine 2 % × 338.70 = 6.77 and
// mora 1 % × 338.70 × 11/30 = 1.24 (late-fine-3000 and late-mora-3000 in
// testdata/published/figures.txt apply the same rules), beside amount_due, never in
// it.
func Example_listTransactions() {
	sim := exampleSimulation()
	loan, err := servicing.Book(sim, servicing.DefaultTerms())
	if err != nil {
		fmt.Println(err)
		return
	}
	first := sim.CentsRow(1)
	loan, _, err = loan.Pay(statemachine.LoanActive, 1, api.Money(first.Payment).Decimal(), first.DueDate)
	if err != nil {
		fmt.Println(err)
		return
	}
	ids := []string{id("tx_", 5), id("tx_", 6), id("tx_", 7), id("tx_", 8)}
	today, _ := calendar.ParseDate("2026-05-21")
	h := func(w http.ResponseWriter, r *http.Request) {
		txs, err := api.TransactionsOf(loan, ids, today)
		if err != nil {
			api.WriteProblem(w, r, err)
			return
		}
		limit, err := validation.ParseLimit(r.URL.Query().Get("limit"))
		if err != nil {
			api.WriteProblem(w, r, err)
			return
		}
		page, err := api.Page(txs, func(t api.Transaction) string { return t.ID }, validation.Transaction, limit, r.URL.Query().Get("starting_after"))
		if err != nil {
			api.WriteProblem(w, r, err)
			return
		}
		api.WriteJSON(w, r, http.StatusOK, page)
	}
	rec := record(h, request(http.MethodGet, "/v3/loans/"+id("ln_", 4)+"/transactions?limit=2", ""))
	fmt.Println(rec.Code, "has_more", pickRaw(rec.Body.Bytes(), "has_more"))
	for _, tx := range pickList(rec.Body.Bytes(), "data") {
		fmt.Println(pickString(tx, "id"), pickString(tx, "status"), pickString(tx, "due_date"), pickString(tx, "amount_due"),
			pickString(tx, "amount_paid"), pickString(tx, "amount_remaining"), pickRaw(tx, "days_overdue"), pickRaw(tx, "paid_at"))
		late := []byte(pickRaw([]byte(pickRaw(tx, "breakdown")), "late"))
		fmt.Println("  late: days", pickRaw(late, "days"), "fine", pickString(late, "fine"), "mora", pickString(late, "mora"))
	}
	// Output:
	// 200 has_more true
	// tx_05050505050505050505050505050505 paid 2026-04-10 338.70 338.70 0.00 0 "2026-04-10"
	//   late: days 0 fine 0.00 mora 0.00
	// tx_06060606060606060606060606060606 overdue 2026-05-11 338.70 0.00 338.70 10 null
	//   late: days 11 fine 6.77 mora 1.24
}

// POST /webhook-endpoints: Decode the WebhookEndpointFields → the url
// (validation.ParseWebhookURL, https only) and the patterns (webhook.ParsePatterns)
// → a secret (webhook.GenerateSecret: 32 bytes, here all 0x02, whose padded base64 is
// "AgIC" ten times and "AgI=") → webhook.NewEndpoint → WebhookEndpointOf(…).WithSecret: the
// secret is shown in this response and at rotation only. An http URL and an unknown
// event come back together (webhook.ParsePatterns names the field events and the
// element in its detail).
func Example_createWebhookEndpoint() {
	src := &seq{}
	h := func(w http.ResponseWriter, r *http.Request) {
		var f api.WebhookEndpointFields
		if err := api.Decode(r.Body, &f); err != nil {
			api.WriteProblem(w, r, err)
			return
		}
		if f.URL == nil {
			api.WriteProblem(w, r, apierr.Wrap(apierr.ErrEmpty, apierr.MissingRequiredField, "url", "url is required"))
			return
		}
		var patterns []string
		if f.Events != nil {
			patterns = *f.Events
		}
		epID, err := api.NewID(validation.WebhookEndpoint, src)
		if err != nil {
			api.WriteProblem(w, r, err)
			return
		}
		secret, err := webhook.GenerateSecret(src)
		if err != nil {
			api.WriteProblem(w, r, err)
			return
		}
		ep, err := webhook.NewEndpoint(epID, *f.URL, patterns, secret)
		if err != nil {
			api.WriteProblem(w, r, err)
			return
		}
		api.WriteJSON(w, r, http.StatusCreated, api.WebhookEndpointOf(ep, patterns, f.Description, api.InstantOf(exampleNow)).WithSecret(secret))
	}
	run(h, http.MethodPost, "/v3/webhook-endpoints", `{"url":"https://partner.example/hooks","events":["loan.*"],"description":"loans"}`)
	run(h, http.MethodPost, "/v3/webhook-endpoints", `{"url":"http://partner.example/hooks","events":["loan.paid"]}`)
	// Output:
	// 201 {"id":"we_01010101010101010101010101010101","url":"https://partner.example/hooks","events":["loan.*"],"description":"loans","status":"active","secret":"whsec_AgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgI=","created_at":"2026-03-10T12:00:00Z"}
	// 422 {"type":"about:blank","title":"Unprocessable Entity","status":422,"detail":"2 fields are invalid: url, events[0]","instance":"/v3/webhook-endpoints","code":"invalid_format","param":"url","errors":[{"code":"invalid_format","param":"url","detail":"url \"http://partner.example/hooks\" is not https; expected an absolute https:// URL with a host, at most 2048 characters"},{"code":"invalid_format","param":"events[0]","detail":"events[0]: invalid event pattern \"loan.paid\"; want \"*\", \"customer.*\", \"credit_offer.*\", \"loan.*\" or an event name such as \"loan.created\""}]}
}

// GET /webhook-endpoints and GET /webhook-endpoints/{id}: the stored endpoint →
// WebhookEndpointOf, without its secret; an endpoint for every event shows
// "events": [].
func Example_listWebhookEndpoints() {
	secret, _ := webhook.ParseSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
	ep, _ := webhook.NewEndpoint(id("we_", 1), "https://partner.example/hooks", nil, secret)
	stored := []api.WebhookEndpoint{api.WebhookEndpointOf(ep, nil, nil, api.InstantOf(exampleNow))}
	h := func(w http.ResponseWriter, r *http.Request) {
		limit, err := validation.ParseLimit(r.URL.Query().Get("limit"))
		if err != nil {
			api.WriteProblem(w, r, err)
			return
		}
		page, err := api.Page(stored, func(e api.WebhookEndpoint) string { return e.ID }, validation.WebhookEndpoint, limit, r.URL.Query().Get("starting_after"))
		if err != nil {
			api.WriteProblem(w, r, err)
			return
		}
		api.WriteJSON(w, r, http.StatusOK, page)
	}
	get := func(w http.ResponseWriter, r *http.Request) {
		for _, e := range stored {
			if e.ID == r.PathValue("id") {
				api.WriteJSON(w, r, http.StatusOK, e)
				return
			}
		}
		api.WriteProblem(w, r, apierr.Errorf(apierr.NotFound, "id", "webhook_endpoint %s does not exist", apierr.Quote(r.PathValue("id"))))
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /v3/webhook-endpoints", h)
	mux.HandleFunc("GET /v3/webhook-endpoints/{id}", get)
	run(mux.ServeHTTP, http.MethodGet, "/v3/webhook-endpoints", "")
	run(mux.ServeHTTP, http.MethodGet, "/v3/webhook-endpoints/"+id("we_", 1), "")
	run(mux.ServeHTTP, http.MethodGet, "/v3/webhook-endpoints?limit=ten", "")
	// Output:
	// 200 {"data":[{"id":"we_01010101010101010101010101010101","url":"https://partner.example/hooks","events":[],"description":null,"status":"active","created_at":"2026-03-10T12:00:00Z"}],"has_more":false}
	// 200 {"id":"we_01010101010101010101010101010101","url":"https://partner.example/hooks","events":[],"description":null,"status":"active","created_at":"2026-03-10T12:00:00Z"}
	// 422 {"type":"about:blank","title":"Unprocessable Entity","status":422,"detail":"limit \"ten\" has 't' at position 1; expected an integer from 1 to 100","instance":"/v3/webhook-endpoints","code":"invalid_format","param":"limit"}
}

// PATCH /webhook-endpoints/{id}: Decode → the status through the endpoint's
// lifecycle (statemachine.WebhookLifecycle: active ⇄ disabled) → WebhookEndpointOf.
// A status outside the lifecycle's is invalid_format.
func Example_updateWebhookEndpoint() {
	secret, _ := webhook.ParseSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
	ep, _ := webhook.NewEndpoint(id("we_", 1), "https://partner.example/hooks", []string{"loan.*"}, secret)
	h := func(w http.ResponseWriter, r *http.Request) {
		var f api.WebhookEndpointFields
		if err := api.Decode(r.Body, &f); err != nil {
			api.WriteProblem(w, r, err)
			return
		}
		if f.Status != nil && *f.Status != ep.Status {
			if _, err := statemachine.WebhookLifecycle().Transition(ep.Status, *f.Status); err != nil {
				api.WriteProblem(w, r, err)
				return
			}
			ep.Status = *f.Status
		}
		api.WriteJSON(w, r, http.StatusOK, api.WebhookEndpointOf(ep, []string{"loan.*"}, nil, api.InstantOf(exampleNow)))
	}
	runFields(h, http.MethodPatch, "/v3/webhook-endpoints/"+ep.ID, `{"status":"disabled"}`, "status", "events")
	run(h, http.MethodPatch, "/v3/webhook-endpoints/"+ep.ID, `{"status":"paused"}`)
	// Output:
	// 200
	//   status: "disabled"
	//   events: ["loan.*"]
	// 422 {"type":"about:blank","title":"Unprocessable Entity","status":422,"detail":"unknown webhook endpoint status \"paused\"; want one of active, disabled, deleted","instance":"/v3/webhook-endpoints/we_01010101010101010101010101010101","code":"invalid_format","param":"status"}
}

// DELETE /webhook-endpoints/{id}: the endpoint is removed → Deleted {id, deleted:
// true}; a second delete is not_found.
func Example_deleteWebhookEndpoint() {
	stored := map[string]bool{id("we_", 1): true}
	h := func(w http.ResponseWriter, r *http.Request) {
		epID := r.PathValue("id")
		if err := validation.CheckID(epID, validation.WebhookEndpoint); err != nil {
			api.WriteProblem(w, r, apierr.Relabel(err, "id"))
			return
		}
		if !stored[epID] {
			api.WriteProblem(w, r, apierr.Errorf(apierr.NotFound, "id", "webhook_endpoint %s does not exist", apierr.Quote(epID)))
			return
		}
		delete(stored, epID)
		api.WriteJSON(w, r, http.StatusOK, api.Deleted{ID: epID, Deleted: true})
	}
	mux := http.NewServeMux()
	mux.HandleFunc("DELETE /v3/webhook-endpoints/{id}", h)
	run(mux.ServeHTTP, http.MethodDelete, "/v3/webhook-endpoints/"+id("we_", 1), "")
	run(mux.ServeHTTP, http.MethodDelete, "/v3/webhook-endpoints/"+id("we_", 1), "")
	// Output:
	// 200 {"id":"we_01010101010101010101010101010101","deleted":true}
	// 404 {"type":"about:blank","title":"Not Found","status":404,"detail":"webhook_endpoint \"we_01010101010101010101010101010101\" does not exist","instance":"/v3/webhook-endpoints/we_01010101010101010101010101010101","code":"not_found","param":"id"}
}

// POST /webhook-endpoints/{id}/rotate-secret: Decode a RotateSecretRequest (absent:
// webhook.DefaultExpireCurrentIn, 3,600 s) → a new secret (32 bytes all 0x01: "AQEB"
// ten times and "AQE=" in padded base64) → webhook.RotateSecret (the old secret keeps signing
// until then) → WithSecret: the new current secret is shown. More than 86,400 s is
// value_out_of_range.
func Example_rotateWebhookSecret() {
	old, _ := webhook.ParseSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
	ep, _ := webhook.NewEndpoint(id("we_", 9), "https://partner.example/hooks", nil, old)
	src := &seq{}
	h := func(w http.ResponseWriter, r *http.Request) {
		var req api.RotateSecretRequest
		if err := api.Decode(r.Body, &req); err != nil {
			api.WriteProblem(w, r, err)
			return
		}
		in := webhook.DefaultExpireCurrentIn
		if req.ExpireCurrentIn != nil {
			in = *req.ExpireCurrentIn
		}
		secret, err := webhook.GenerateSecret(src)
		if err != nil {
			api.WriteProblem(w, r, err)
			return
		}
		secrets, err := webhook.RotateSecret(ep.Secrets, secret, exampleNow, in)
		if err != nil {
			api.WriteProblem(w, r, err)
			return
		}
		ep.Secrets = secrets
		api.WriteJSON(w, r, http.StatusOK, api.WebhookEndpointOf(ep, nil, nil, api.InstantOf(exampleNow)).WithSecret(secret))
	}
	runFields(h, http.MethodPost, "/v3/webhook-endpoints/"+ep.ID+"/rotate-secret", `{"expire_current_in":600}`, "id", "secret")
	signing, _ := ep.SigningSecrets(exampleNow.Add(599 * time.Second))
	fmt.Println("secrets signing 599 s later:", len(signing))
	run(h, http.MethodPost, "/v3/webhook-endpoints/"+ep.ID+"/rotate-secret", `{"expire_current_in":86401}`)
	// Output:
	// 200
	//   id: "we_09090909090909090909090909090909"
	//   secret: "whsec_AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE="
	// secrets signing 599 s later: 2
	// 422 {"type":"about:blank","title":"Unprocessable Entity","status":422,"detail":"expire_current_in 86401 is outside 0 to 86400 seconds","instance":"/v3/webhook-endpoints/we_09090909090909090909090909090909/rotate-secret","code":"value_out_of_range","param":"expire_current_in"}
}

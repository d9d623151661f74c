package sandbox_test

import (
	"bytes"
	"io"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"strings"
	"testing"

	"github.com/dinie/lending/api"
	"github.com/dinie/lending/sandbox"
)

// world is a sandbox with one customer of each state the error paths need: an active
// one with its default offer, a simulation and a loan; a pending one.
type world struct {
	*harness
	active, pending, offer, sim, loan, endpoint string
	simBody                                     map[string]any
}

func newWorld(t *testing.T) *world {
	w := &world{harness: newHarness(t, sandbox.Config{})}
	var c struct{ ID string }
	w.must(201, "POST", "/customers", map[string]string{"cpf": "280.012.389-38", "cnpj": "11.222.333/0001-81"}, &c)
	w.active = c.ID
	w.must(200, "POST", "/sandbox/customers/"+c.ID+"/kyc", map[string]string{"all": "approved"}, nil)
	w.must(201, "POST", "/customers", map[string]string{"cpf": "000.000.001-91"}, &c)
	w.pending = c.ID
	var offers struct{ Data []struct{ ID string } }
	w.must(200, "GET", "/customers/"+w.active+"/credit-offers", nil, &offers)
	w.offer = offers.Data[0].ID
	var full map[string]any
	w.must(201, "POST", "/credit-offers/"+w.offer+"/simulations", map[string]any{"requested_amount": "5000.00", "installment_count": 6}, &full)
	w.sim = full["id"].(string)
	w.simBody = map[string]any{"credit_offer_id": w.offer, "simulation_id": w.sim,
		"installments": full["number_of_installments"], "installments_value": full["installments_value"],
		"first_due_date": full["first_due_date"]}
	var l struct{ ID string }
	w.must(201, "POST", "/loans", w.simBody, &l)
	w.loan = l.ID
	var ep struct{ ID string }
	w.must(201, "POST", "/webhook-endpoints", map[string]any{"url": "https://partner.example/hooks"}, &ep)
	w.endpoint = ep.ID
	return w
}

func upload(t *testing.T, typ, contentType string, data []byte) (string, []byte) {
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	if typ != "" {
		_ = mw.WriteField("type", typ)
	}
	if contentType != "" {
		h := textproto.MIMEHeader{}
		h.Set("Content-Disposition", `form-data; name="file"; filename="doc"`)
		h.Set("Content-Type", contentType)
		p, _ := mw.CreatePart(h)
		_, _ = p.Write(data)
	}
	_ = mw.Close()
	return mw.FormDataContentType(), buf.Bytes()
}

// TestErrorPaths: every error path of every endpoint answers its contract code,
// param and HTTP status as a problem document.
func TestErrorPaths(t *testing.T) {
	w := newWorld(t)
	other := "cust_ffffffffffffffffffffffffffffffff"
	ctPDF, pdf := upload(t, "selfie", "application/pdf", []byte("%PDF-1.7"))
	ctGIF, gif := upload(t, "selfie", "image/gif", []byte("GIF89a"))
	ctUnknown, unknownType := upload(t, "passport", "application/pdf", []byte("%PDF"))
	ctNoFile, noFile := upload(t, "selfie", "", nil)
	ctNoType, noType := upload(t, "", "application/pdf", []byte("%PDF"))
	// A second offer, still available, for the simulation's own errors.
	var fresh struct{ ID string }
	w.must(200, "POST", "/sandbox/customers/"+w.active+"/credit-offers", `{}`, &fresh)
	w.must(200, "POST", "/customers/"+w.pending+"/biometrics", nil, nil)
	cases := []struct {
		name, method, path string
		body               any
		headers            []string
		status             int
		code, param        string
	}{
		{"unknown route", "GET", "/nothing", nil, nil, 404, "not_found", "route"},
		{"wrong method", "DELETE", "/customers", nil, nil, 405, "method_not_allowed", "method"},
		{"no token", "GET", "/customers", nil, []string{"Authorization", ""}, 401, "missing_token", "authorization"},
		{"not a bearer", "GET", "/customers", nil, []string{"Authorization", "Basic abc"}, 401, "invalid_token", "authorization"},
		{"forged token", "GET", "/customers", nil, []string{"Authorization", "Bearer dinie_at_a.b.c"}, 401, "invalid_token", "authorization"},
		{"malformed JSON", "POST", "/customers", "{", nil, 400, "malformed_body", ""},
		{"not an object", "POST", "/customers", "[]", nil, 400, "malformed_body", ""},
		{"unknown field", "POST", "/customers", `{"cpf":"28001238938","nickname":"x"}`, nil, 422, "invalid_format", "nickname"},
		{"wrong type", "POST", "/customers", `{"cpf":28001238938}`, nil, 422, "invalid_format", "cpf"},
		{"cpf missing", "POST", "/customers", `{"name":"Ana"}`, nil, 422, "missing_required_field", "cpf"},
		{"bad cpf", "POST", "/customers", `{"cpf":"280.012.389-39"}`, nil, 422, "invalid_cpf", "cpf"},
		{"bad cnpj", "POST", "/customers", `{"cpf":"52998224725","cnpj":"11.222.333/0001-82"}`, nil, 422, "invalid_cnpj", "cnpj"},
		{"bad email", "POST", "/customers", `{"cpf":"52998224725","email":"ana@"}`, nil, 422, "invalid_format", "email"},
		{"registered cpf, other cnpj", "POST", "/customers", `{"cpf":"280.012.389-38"}`, nil, 409, "customer_already_exists", "cpf"},
		{"registered cnpj", "POST", "/customers", `{"cpf":"52998224725","cnpj":"11.222.333/0001-81"}`, nil, 409, "customer_already_exists", "cnpj"},
		{"malformed id", "GET", "/customers/cust_x", nil, nil, 422, "invalid_format", "id"},
		{"unknown customer", "GET", "/customers/" + other, nil, nil, 404, "not_found", "customer"},
		{"cpf immutable", "PATCH", "/customers/" + w.active, `{"cpf":"52998224725"}`, nil, 422, "immutable_field", "cpf"},
		{"external_id immutable", "PATCH", "/customers/" + w.active, `{"external_id":"x"}`, nil, 422, "immutable_field", "external_id"},
		{"upload not multipart", "POST", "/customers/" + w.pending + "/documents", `{}`, nil, 400, "invalid_content_type", "Content-Type"},
		{"upload gif", "POST", "/customers/" + w.pending + "/documents", gif, []string{"Content-Type", ctGIF}, 400, "invalid_content_type", "file"},
		{"upload unknown type", "POST", "/customers/" + w.pending + "/documents", unknownType, []string{"Content-Type", ctUnknown}, 422, "invalid_document_type", "type"},
		{"upload without file", "POST", "/customers/" + w.pending + "/documents", noFile, []string{"Content-Type", ctNoFile}, 400, "missing_file", "file"},
		{"upload without type", "POST", "/customers/" + w.pending + "/documents", noType, []string{"Content-Type", ctNoType}, 422, "missing_required_field", "type"},
		{"upload approved item", "POST", "/customers/" + w.active + "/documents", pdf, []string{"Content-Type", ctPDF}, 409, "invalid_transition", "status"},
		{"bad limit", "GET", "/customers?limit=0", nil, nil, 422, "value_out_of_range", "limit"},
		{"bad cursor", "GET", "/customers?starting_after=ln_00000000000000000000000000000000", nil, nil, 422, "invalid_format", "starting_after"},
		{"bad status filter", "GET", "/customers?status=happy", nil, nil, 422, "invalid_format", "status"},
		{"unknown offer", "GET", "/credit-offers/co_00000000000000000000000000000000", nil, nil, 404, "not_found", "credit_offer"},
		{"simulation amount as number", "POST", "/credit-offers/" + fresh.ID + "/simulations", `{"requested_amount":5000,"installment_count":6}`, nil, 422, "invalid_format", "requested_amount"},
		{"simulation fields missing", "POST", "/credit-offers/" + fresh.ID + "/simulations", `{}`, nil, 422, "missing_required_field", "requested_amount"},
		{"simulation above approved", "POST", "/credit-offers/" + fresh.ID + "/simulations", `{"requested_amount":"60000.00","installment_count":6}`, nil, 422, "amount_out_of_range", "requested_amount"},
		{"simulation count", "POST", "/credit-offers/" + fresh.ID + "/simulations", `{"requested_amount":"5000.00","installment_count":48}`, nil, 422, "installments_out_of_range", "installment_count"},
		{"simulation on an accepted offer", "POST", "/credit-offers/" + w.offer + "/simulations", `{"requested_amount":"5000.00","installment_count":6}`, nil, 409, "offer_already_accepted", "credit_offer_id"},
		{"loan fields missing", "POST", "/loans", `{}`, nil, 422, "missing_required_field", "credit_offer_id"},
		{"second loan on the offer", "POST", "/loans", w.simBody, nil, 409, "offer_already_accepted", "credit_offer_id"},
		{"unknown loan", "GET", "/loans/ln_00000000000000000000000000000000", nil, nil, 404, "not_found", "loan"},
		{"endpoint http not loopback", "POST", "/webhook-endpoints", `{"url":"http://partner.example/hooks"}`, nil, 422, "invalid_format", "url"},
		{"endpoint url missing", "POST", "/webhook-endpoints", `{}`, nil, 422, "missing_required_field", "url"},
		{"endpoint bad pattern", "POST", "/webhook-endpoints", `{"url":"https://p.example","events":["loan.*","nope"]}`, nil, 422, "invalid_format", "events[1]"},
		{"rotation window", "POST", "/webhook-endpoints/" + w.endpoint + "/rotate-secret", `{"expire_current_in":86401}`, nil, 422, "value_out_of_range", "expire_current_in"},
		{"endpoint deleted by PATCH", "PATCH", "/webhook-endpoints/" + w.endpoint, `{"status":"deleted"}`, nil, 422, "invalid_format", "status"},
		{"endpoint bad status", "PATCH", "/webhook-endpoints/" + w.endpoint, `{"status":"paused"}`, nil, 422, "invalid_format", "status"},
		{"advance a processing loan to finished", "POST", "/sandbox/loans/" + w.loan + "/advance", `{"to":"finished"}`, nil, 409, "invalid_transition", "status"},
		{"kyc control shape", "POST", "/sandbox/customers/" + w.pending + "/kyc", `{}`, nil, 422, "missing_required_field", "type"},
		{"kyc unknown item", "POST", "/sandbox/customers/" + w.pending + "/kyc", `{"type":"passport","status":"approved"}`, nil, 422, "invalid_format", "type"},
		{"payment fields missing", "POST", "/sandbox/loans/" + w.loan + "/payments", `{}`, nil, 422, "missing_required_field", "installment_number"},
		{"payment amount as number", "POST", "/sandbox/loans/" + w.loan + "/payments", `{"installment_number":1,"amount":10}`, nil, 422, "invalid_format", "amount"},
		{"payment dated tomorrow", "POST", "/sandbox/loans/" + w.loan + "/payments", `{"installment_number":1,"amount":"10.00","paid_at":"2026-03-11"}`, nil, 422, "value_out_of_range", "paid_at"},
		{"payment on a processing loan", "POST", "/sandbox/loans/" + w.loan + "/payments", `{"installment_number":1,"amount":"10.00"}`, nil, 409, "invalid_transition", "status"},
		{"payoff of a processing loan", "POST", "/sandbox/loans/" + w.loan + "/payoff", nil, nil, 409, "invalid_transition", "status"},
		{"payoff quote bad date", "GET", "/sandbox/loans/" + w.loan + "/payoff?date=2026-02-30", nil, nil, 422, "invalid_format", "date"},
		{"payoff of an unknown loan", "GET", "/sandbox/loans/ln_00000000000000000000000000000000/payoff", nil, nil, 404, "not_found", "loan"},
		{"offer born expired", "POST", "/sandbox/customers/" + w.active + "/credit-offers", `{"valid_until":"2026-03-10T11:00:00Z"}`, nil, 422, "value_out_of_range", "valid_until"},
		{"offer min above approved", "POST", "/sandbox/customers/" + w.active + "/credit-offers", `{"approved_amount":"100.00","min_amount":"200.00"}`, nil, 422, "amount_out_of_range", "min_amount"},
		{"biometrics already approved", "POST", "/customers/" + w.active + "/biometrics", nil, nil, 409, "invalid_transition", "status"},
		{"second biometrics session", "POST", "/customers/" + w.pending + "/biometrics", nil, nil, 409, "session_already_active", "customer_id"},
		{"clock backwards", "POST", "/sandbox/clock", `{"now":"2020-01-01T00:00:00Z"}`, nil, 422, "value_out_of_range", "now"},
		{"idempotency key too long", "POST", "/customers", `{"cpf":"52998224725"}`, []string{"Idempotency-Key", strings.Repeat("k", 256)}, 422, "invalid_format", "Idempotency-Key"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := w.do(c.method, c.path, c.body, c.headers...)
			if r.status != c.status {
				t.Fatalf("%s %s: %d %s; want %d", c.method, c.path, r.status, r.body, c.status)
			}
			code, param := r.problem(t)
			if code != c.code || param != c.param {
				t.Errorf("%s %s: %s (%s); want %s (%s): %s", c.method, c.path, code, param, c.code, c.param, r.body)
			}
		})
	}
}

// TestIdempotencyKey: the same key and body replays the first answer byte for byte
// (a second customer is not created); the same key with another body is a 409.
func TestIdempotencyKey(t *testing.T) {
	h := newHarness(t, sandbox.Config{})
	first := h.do("POST", "/customers", `{"cpf":"52998224725"}`, "Idempotency-Key", "k1")
	again := h.do("POST", "/customers", `{"cpf":"52998224725"}`, "Idempotency-Key", "k1")
	if first.status != 201 || again.status != 201 || !bytes.Equal(first.body, again.body) {
		t.Fatalf("replay: %d %s / %d %s", first.status, first.body, again.status, again.body)
	}
	r := h.do("POST", "/customers", `{"cpf":"28001238938"}`, "Idempotency-Key", "k1")
	if code, param := r.problem(t); r.status != 409 || code != "idempotency_conflict" || param != "Idempotency-Key" {
		t.Fatalf("another body: %d %s", r.status, r.body)
	}
	var list struct{ Data []any }
	h.must(200, "GET", "/customers", nil, &list)
	if len(list.Data) != 1 {
		t.Errorf("%d customers after a replay, want 1", len(list.Data))
	}
}

// TestPartnersIsolated: another partner's ids are not_found, and its lists are its own.
func TestPartnersIsolated(t *testing.T) {
	h := newHarness(t, sandbox.Config{})
	var c struct{ ID string }
	h.must(201, "POST", "/customers", `{"cpf":"52998224725"}`, &c)
	cred, err := h.sb.NewPartner("other")
	if err != nil {
		t.Fatal(err)
	}
	h.token = h.login(cred)
	if r := h.do("GET", "/customers/"+c.ID, nil); r.status != 404 {
		t.Errorf("another partner's customer: %d %s", r.status, r.body)
	}
	var list struct{ Data []any }
	h.must(200, "GET", "/customers", nil, &list)
	if len(list.Data) != 0 {
		t.Errorf("another partner lists %d customers", len(list.Data))
	}
	// The same CPF is no conflict for another partner.
	h.must(201, "POST", "/customers", `{"cpf":"52998224725"}`, nil)
}

// TestHostile: huge bodies, garbage, wrong content types and revoked credentials are
// refused without a crash; the server keeps serving.
func TestHostile(t *testing.T) {
	h := newHarness(t, sandbox.Config{})
	huge := bytes.Repeat([]byte("x"), api.MaxBodyBytes+10)
	for _, body := range [][]byte{huge, []byte("\x00\xff{"), []byte(`{"cpf":"` + strings.Repeat("9", 1<<16) + `"}`),
		[]byte(strings.Repeat("[", 10000))} {
		r := h.do("POST", "/customers", body)
		if r.status < 400 || r.status >= 500 {
			t.Errorf("body %.20q…: %d %s", body, r.status, r.body)
		}
	}
	// Keys given twice, or differing only in case, are refused naming the key: the
	// last duplicate never silently wins.
	for _, c := range []struct{ body, param string }{
		{`{"cpf":"52998224725","cpf":"28001238938"}`, "cpf"},
		{`{"cpf":"52998224725","CPF":"28001238938"}`, "CPF"},
		{`{"cpf":"52998224725","name":"A","Name":"B"}`, "Name"},
	} {
		r := h.do("POST", "/customers", c.body)
		if code, param := r.problem(t); r.status != 422 || code != "invalid_format" || param != c.param {
			t.Errorf("%s: %d %s", c.body, r.status, r.body)
		}
	}
	// Wrong content types: a JSON body must say so, and a multipart header does not
	// buy a JSON route the upload's 10 MiB bound.
	for _, c := range []struct{ ct, body string }{
		{"text/plain", `{"cpf":"52998224725"}`},
		{"application/xml", `{"cpf":"52998224725"}`},
		{"application/x-www-form-urlencoded", `{"cpf":"52998224725"}`},
		{"", `{"cpf":"52998224725"}`},
		{"multipart/form-data; boundary=x", `{"cpf":"` + strings.Repeat("9", api.MaxBodyBytes) + `"}`},
	} {
		r := h.do("POST", "/customers", []byte(c.body), "Content-Type", c.ct)
		code, param := r.problem(t)
		if r.status != 400 || code != "invalid_content_type" && code != "malformed_body" || code == "invalid_content_type" && param != "Content-Type" {
			t.Errorf("Content-Type %q: %d %.200s", c.ct, r.status, r.body)
		}
	}
	if r := h.do("POST", "/customers", []byte(`{"cpf":"52998224725"}`), "Content-Type", "Application/JSON; charset=utf-8"); r.status != 201 {
		t.Errorf("application/json with a charset: %d %s", r.status, r.body)
	}
	// A credential revoked: its token stays valid until it expires, but no new token.
	var cred api.Credential
	h.must(201, "POST", "/auth/credentials", `{"name":"ci"}`, &cred)
	h.must(200, "DELETE", "/auth/credentials/"+cred.ClientID, nil, nil)
	req, _ := http.NewRequest("POST", h.srv.URL+api.BasePath+"/auth/token", nil)
	req.SetBasicAuth(cred.ClientID, cred.ClientSecret)
	resp, err := h.srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 403 {
		t.Errorf("token of a revoked credential: %d %s", resp.StatusCode, b)
	}
	// A live secret in the sandbox is forbidden.
	req, _ = http.NewRequest("POST", h.srv.URL+api.BasePath+"/auth/token", nil)
	req.SetBasicAuth(cred.ClientID, "dinie_cs_live_abc")
	resp, _ = h.srv.Client().Do(req)
	resp.Body.Close()
	if resp.StatusCode != 403 {
		t.Errorf("a live secret: %d", resp.StatusCode)
	}
	h.must(200, "GET", "/customers", nil, nil) // still serving
}

// TestPaymentErrors: the payment and payoff controls on an active loan refuse what
// servicing refuses, with its code and param.
func TestPaymentErrors(t *testing.T) {
	w := newWorld(t)
	w.must(200, "POST", "/sandbox/loans/"+w.loan+"/advance", map[string]string{"to": "active"}, nil)
	base := "/sandbox/loans/" + w.loan
	for _, c := range []struct {
		name, method, path, body string
		status                   int
		code, param              string
	}{
		{"installment 0", "POST", base + "/payments", `{"installment_number":0,"amount":"10.00"}`, 422, "value_out_of_range", "installment_number"},
		{"installment 7 of 6", "POST", base + "/payments", `{"installment_number":7,"amount":"10.00"}`, 422, "value_out_of_range", "installment_number"},
		{"zero amount", "POST", base + "/payments", `{"installment_number":1,"amount":"0.00"}`, 422, "amount_out_of_range", "amount"},
		{"more than owed", "POST", base + "/payments", `{"installment_number":1,"amount":"49999.99"}`, 422, "amount_out_of_range", "amount"},
		{"before the release", "POST", base + "/payments", `{"installment_number":1,"amount":"10.00","paid_at":"2026-03-01"}`, 422, "invalid_due_date", "paid_at"},
		{"payoff before the release", "POST", base + "/payoff", `{"paid_at":"2026-03-01"}`, 422, "invalid_due_date", "paid_at"},
		{"payoff quote before the release", "GET", base + "/payoff?date=2026-03-01", "", 422, "invalid_due_date", "date"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var body any
			if c.body != "" {
				body = c.body
			}
			r := w.do(c.method, c.path, body)
			if r.status != c.status {
				t.Fatalf("%s %s: %d %s; want %d", c.method, c.path, r.status, r.body, c.status)
			}
			if code, param := r.problem(t); code != c.code || param != c.param {
				t.Errorf("%s: %s (%s); want %s (%s): %s", c.name, code, param, c.code, c.param, r.body)
			}
		})
	}
}

package sandbox_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"time"

	"github.com/dinie/lending/api"
	"github.com/dinie/lending/sandbox"
)

// A sandbox in-process: a fixed clock, a seeded source, served by httptest. The
// credential New returns logs in; the token registers a customer.
func Example() {
	start := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	sb, cred, err := sandbox.New(sandbox.Config{Now: func() time.Time { return start }, Rand: sandbox.Seeded(7)})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer func() { _ = sb.Close(context.Background()) }()
	srv := httptest.NewServer(sb)
	defer srv.Close()

	req, _ := http.NewRequest(http.MethodPost, srv.URL+api.BasePath+"/auth/token", nil)
	req.SetBasicAuth(cred.ClientID, cred.ClientSecret)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		fmt.Println(err)
		return
	}
	var tok api.Token
	_ = json.NewDecoder(resp.Body).Decode(&tok)
	resp.Body.Close()
	fmt.Println(resp.StatusCode, tok.TokenType, tok.ExpiresIn)

	body := `{"cpf":"280.012.389-38","cnpj":"11.222.333/0001-81","name":"Ana","external_id":"p-1"}`
	req, _ = http.NewRequest(http.MethodPost, srv.URL+api.BasePath+"/customers", strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+tok.AccessToken)
	req.Header.Set("Content-Type", "application/json")
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		fmt.Println(err)
		return
	}
	var c struct{ Status, CPF, CNPJ string }
	_ = json.NewDecoder(resp.Body).Decode(&c)
	resp.Body.Close()
	fmt.Println(resp.StatusCode, c.Status, c.CPF, c.CNPJ)
	fmt.Println(sb.Now().Equal(start))
	// Output:
	// 200 Bearer 3600
	// 201 pending_kyc 28001238938 11222333000181
	// true
}

// A second partner's credential sees none of the first partner's resources.
func ExampleServer_NewPartner() {
	sb, _, _ := sandbox.New(sandbox.Config{Rand: sandbox.Seeded(7)})
	defer func() { _ = sb.Close(context.Background()) }()
	cred, err := sb.NewPartner("acme")
	fmt.Println(err, strings.HasPrefix(cred.ClientID, "dinie_ci_"), strings.HasPrefix(cred.ClientSecret, "dinie_cs_test_"))
	// Output: <nil> true true
}

package api_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/dinie/lending/api"
	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/validation"
)

func TestCodeStatus(t *testing.T) {
	// The contract's table of codes by HTTP status, and the library's codes as
	// apierr documents each one; a code outside the catalogue is a server defect.
	want := map[int][]apierr.Code{
		400: {apierr.InvalidContentType, apierr.MalformedBody, apierr.MissingFile,
			apierr.TimestampOutOfRange, apierr.InvalidSignature},
		401: {apierr.MissingToken, apierr.InvalidToken, apierr.TokenExpired},
		403: {apierr.Forbidden},
		404: {apierr.NotFound},
		405: {apierr.MethodNotAllowed},
		409: {apierr.CustomerAlreadyExists, apierr.OfferAlreadyAccepted, apierr.SessionAlreadyActive,
			apierr.InvalidTransition, apierr.IdempotencyConflict},
		422: {apierr.MissingRequiredField, apierr.InvalidCPF, apierr.InvalidCNPJ,
			apierr.InvalidFormat, apierr.KYCIncomplete, apierr.OfferExpired,
			apierr.SimulationMismatch, apierr.AmountOutOfRange, apierr.InstallmentsOutOfRange,
			apierr.RateOutOfRange, apierr.InvalidDueDate, apierr.DateOutOfRange,
			apierr.ImmutableField, apierr.InvalidDocumentType, apierr.SimulationExpired,
			apierr.ValueOutOfRange, apierr.InstallmentOverdue},
		429: {apierr.RateLimitExceeded},
		500: {apierr.Internal, apierr.Code("not_a_code")},
	}
	listed := 0
	for _, codes := range want {
		listed += len(codes)
	}
	if n := len(apierr.Codes()) + 1; listed != n { // + the unknown code
		t.Errorf("the table lists %d codes; apierr.Codes has %d (+1 unknown)", listed, n-1)
	}
	for status, codes := range want {
		for _, c := range codes {
			if got := api.Status(c); got != status {
				t.Errorf("Status(%s) = %d, want %d", c, got, status)
			}
		}
	}
}

func TestNewProblem(t *testing.T) {
	_, cpfErr := validation.ParseCPF("280.012.389-39")
	p := api.NewProblem(fmt.Errorf("register customer: %w", cpfErr))
	out, _ := json.Marshal(p)
	want := `{"type":"about:blank","title":"Unprocessable Entity","status":422,` +
		`"detail":"cpf 280.012.389-39 has check digits 39; expected 38","code":"invalid_cpf","param":"cpf"}`
	if string(out) != want {
		t.Errorf("problem = %s\nwant      %s", out, want)
	}

	// Anything that is not a rule failure is a 500 that does not leak its text.
	for _, err := range []error{errors.New("pq: password authentication failed"), nil, io.EOF,
		&apierr.Error{Detail: "no code"}, (*apierr.Error)(nil)} {
		p := api.NewProblem(err)
		if p.Status != 500 || p.Code != apierr.Internal || p.Detail != "internal error" ||
			p.Title != "Internal Server Error" || p.Param != "" {
			t.Errorf("NewProblem(%v) = %+v", err, p)
		}
	}

	_, secretErr := validation.ClientSecretEnvironment("nope")
	if p := api.NewProblem(secretErr); p.Status != http.StatusUnauthorized || p.Title != "Unauthorized" {
		t.Errorf("NewProblem(bad secret) = %+v", p)
	}
	err := validation.CheckClientSecret("dinie_cs_live_x", validation.Sandbox)
	if p := api.NewProblem(err); p.Status != http.StatusForbidden || p.Code != apierr.Forbidden {
		t.Errorf("NewProblem(wrong environment) = %+v", p)
	}
}

func TestErrors(t *testing.T) {
	var errs apierr.Errors
	if errs.Err() != nil {
		t.Fatal("empty Errors.Err() is not nil")
	}
	_, cpfErr := validation.ParseCPF("123")
	_, emailErr := validation.ParseEmail("ana@")
	errs = errs.Append(nil)
	errs = errs.Append(cpfErr)
	errs = errs.Append(fmt.Errorf("email: %w", emailErr))
	if len(errs) != 2 {
		t.Fatalf("len = %d, want 2", len(errs))
	}
	err := errs.Err()
	if !errors.Is(err, apierr.InvalidCPF) || !errors.Is(err, apierr.InvalidFormat) ||
		!errors.Is(err, apierr.ErrLength) || !errors.Is(err, validation.ErrHost) {
		t.Errorf("errors.Is does not see the entries of %v", err)
	}
	var e *apierr.Error
	if !errors.As(err, &e) || e.Param != "cpf" {
		t.Errorf("errors.As = %v", e)
	}
	if err.Error() != cpfErr.Error()+"; "+emailErr.Error() {
		t.Errorf("Error() = %q", err.Error())
	}
	// Appending an Errors flattens it.
	more := apierr.Errors{}.Append(err)
	if len(more) != 2 {
		t.Errorf("flattened len = %d, want 2", len(more))
	}

	p := api.NewProblem(fmt.Errorf("wrapped: %w", err))
	if p.Status != 422 || p.Code != apierr.InvalidCPF || p.Param != "cpf" ||
		p.Detail != "2 fields are invalid: cpf, email" || len(p.Errors) != 2 {
		t.Errorf("NewProblem(Errors) = %+v", p)
	}
	out, _ := json.Marshal(p)
	if !strings.Contains(string(out), `"errors":[{"code":"invalid_cpf","param":"cpf","detail":"cpf \"123\" has 3 digits;`) {
		t.Errorf("problem JSON = %s", out)
	}
	// The problem's list is its own: changing it does not change errs.
	p.Errors[0] = nil
	if errs[0] == nil {
		t.Error("NewProblem shares the Errors slice")
	}

	// A failure that is not a rule failure turns the whole collection internal.
	withBug := errs.Append(errors.New("boom"))
	if p := api.NewProblem(withBug.Err()); p.Status != 500 || p.Errors != nil || strings.Contains(p.Detail, "boom") {
		t.Errorf("NewProblem(with internal) = %+v", p)
	}
	if !errors.Is(withBug.Err(), apierr.Internal) {
		t.Error("foreign error not marked internal")
	}
}

// TestEveryCodeHasStatus: every code the library can return (apierr.Codes) has its
// own status in the table — a client error (4xx) for every rule failure, 500 for
// internal_error alone — so no code falls through to the default; and the problem
// document of each carries that status and its reason phrase.
func TestEveryCodeHasStatus(t *testing.T) {
	for _, c := range apierr.Codes() {
		got := api.Status(c)
		switch {
		case c == apierr.Internal:
			if got != http.StatusInternalServerError {
				t.Errorf("Status(%s) = %d, want 500", c, got)
			}
		case got < 400 || got > 499:
			t.Errorf("Status(%s) = %d: a code of the library falls through the table (want a 4xx)", c, got)
		}
		p := api.NewProblem(apierr.Errorf(c, "param", "param is wrong"))
		if p.Status != got || p.Title != http.StatusText(got) || p.Title == "" {
			t.Errorf("NewProblem(%s) = %d %q, want %d %q", c, p.Status, p.Title, got, http.StatusText(got))
		}
	}
	if got := api.Status(apierr.Code("not_a_code")); got != http.StatusInternalServerError {
		t.Errorf("Status(unknown code) = %d, want 500", got)
	}
}

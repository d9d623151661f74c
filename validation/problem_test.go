package validation_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/dinie/lending/validation"
)

func TestCodeStatus(t *testing.T) {
	// api-contract.md, "Errors": codes by HTTP status; the library's codes as
	// documented in error.go.
	want := map[int][]validation.Code{
		400: {validation.CodeInvalidContentType, validation.CodeMalformedBody, validation.CodeMissingFile},
		401: {validation.CodeMissingToken, validation.CodeInvalidToken, validation.CodeTokenExpired},
		403: {validation.CodeForbidden},
		409: {validation.CodeCustomerAlreadyExists, validation.CodeOfferAlreadyAccepted, validation.CodeSessionAlreadyActive,
			validation.CodeInvalidTransition},
		422: {validation.CodeMissingRequiredField, validation.CodeInvalidCPF, validation.CodeInvalidCNPJ,
			validation.CodeInvalidFormat, validation.CodeKYCIncomplete, validation.CodeOfferExpired,
			validation.CodeSimulationMismatch, validation.CodeAmountOutOfRange, validation.CodeInstallmentsOutOfRange,
			validation.CodeRateOutOfRange, validation.CodeInvalidDueDate, validation.CodeDateOutOfRange,
			validation.CodeImmutableField, validation.CodeInvalidDocumentType, validation.Code("not_a_code")},
		429: {validation.CodeRateLimitExceeded},
		500: {validation.CodeInternal},
	}
	for status, codes := range want {
		for _, c := range codes {
			if got := c.Status(); got != status {
				t.Errorf("%s.Status() = %d, want %d", c, got, status)
			}
		}
	}
}

func TestNewProblem(t *testing.T) {
	_, cpfErr := validation.ParseCPF("280.012.389-39")
	p := validation.NewProblem(fmt.Errorf("register customer: %w", cpfErr))
	out, _ := json.Marshal(p)
	want := `{"type":"about:blank","title":"Unprocessable Entity","status":422,` +
		`"detail":"cpf 280.012.389-39 has check digits 39; expected 38","code":"invalid_cpf","param":"cpf"}`
	if string(out) != want {
		t.Errorf("problem = %s\nwant      %s", out, want)
	}

	// Anything that is not a rule failure is a 500 that does not leak its text.
	for _, err := range []error{errors.New("pq: password authentication failed"), nil, io.EOF,
		&validation.Error{Detail: "no code"}, (*validation.Error)(nil)} {
		p := validation.NewProblem(err)
		if p.Status != 500 || p.Code != validation.CodeInternal || p.Detail != "internal error" ||
			p.Title != "Internal Server Error" || p.Param != "" {
			t.Errorf("NewProblem(%v) = %+v", err, p)
		}
	}

	_, secretErr := validation.ClientSecretEnvironment("nope")
	if p := validation.NewProblem(secretErr); p.Status != http.StatusUnauthorized || p.Title != "Unauthorized" {
		t.Errorf("NewProblem(bad secret) = %+v", p)
	}
	err := validation.CheckClientSecret("dinie_cs_live_x", validation.Sandbox)
	if p := validation.NewProblem(err); p.Status != http.StatusForbidden || p.Code != validation.CodeForbidden {
		t.Errorf("NewProblem(wrong environment) = %+v", p)
	}
}

func TestErrors(t *testing.T) {
	var errs validation.Errors
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
	if !errors.Is(err, validation.CodeInvalidCPF) || !errors.Is(err, validation.CodeInvalidFormat) ||
		!errors.Is(err, validation.ErrLength) || !errors.Is(err, validation.ErrHost) {
		t.Errorf("errors.Is does not see the entries of %v", err)
	}
	var e *validation.Error
	if !errors.As(err, &e) || e.Param != "cpf" {
		t.Errorf("errors.As = %v", e)
	}
	if err.Error() != cpfErr.Error()+"; "+emailErr.Error() {
		t.Errorf("Error() = %q", err.Error())
	}
	// Appending an Errors flattens it.
	more := validation.Errors{}.Append(err)
	if len(more) != 2 {
		t.Errorf("flattened len = %d, want 2", len(more))
	}

	p := validation.NewProblem(fmt.Errorf("wrapped: %w", err))
	if p.Status != 422 || p.Code != validation.CodeInvalidCPF || p.Param != "cpf" ||
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
	if p := validation.NewProblem(withBug.Err()); p.Status != 500 || p.Errors != nil || strings.Contains(p.Detail, "boom") {
		t.Errorf("NewProblem(with internal) = %+v", p)
	}
	if !errors.Is(withBug.Err(), validation.CodeInternal) {
		t.Error("foreign error not marked internal")
	}
}

// TestRelabel: an *Error comes back as a relabelled copy (the original is not
// modified); anything else, wrapped and joined *Errors included, unchanged.
func TestRelabel(t *testing.T) {
	orig := validation.Errorf(validation.CodeInvalidFormat, "amount", "amount is empty")
	got := validation.Relabel(orig, "requested_amount")
	var e *validation.Error
	if !errors.As(got, &e) || e == orig || e.Param != "requested_amount" || e.Code != orig.Code ||
		e.Detail != orig.Detail || orig.Param != "amount" {
		t.Errorf("Relabel(*Error) = %#v (original %#v)", got, orig)
	}
	wrapped := fmt.Errorf("reading: %w", orig)
	joined := validation.Errors{}.Append(orig).Append(validation.Errorf(validation.CodeInvalidCPF, "cpf", "x")).Err()
	plain := errors.New("boom")
	for _, err := range []error{nil, wrapped, plain} {
		if got := validation.Relabel(err, "requested_amount"); got != err {
			t.Errorf("Relabel(%v) = %v, want it unchanged", err, got)
		}
	}
	// Errors is a slice, so it is compared entry by entry.
	list, ok := validation.Relabel(joined, "requested_amount").(validation.Errors)
	want := joined.(validation.Errors)
	if !ok || len(list) != len(want) || list[0] != want[0] || list[1] != want[1] || list[0].Param != "amount" {
		t.Errorf("Relabel(%v) = %v, want it unchanged", joined, list)
	}
}

package statemachine_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/iof"
	"github.com/dinie/lending/schedule"
	"github.com/dinie/lending/statemachine"
	"github.com/dinie/lending/validation"
)

// TestLoanOrigination: the path starts at the lifecycle's initial status, ends at
// active, and each step is an edge of the loan's lifecycle (the table is the second
// reading) emitting the event of the status it enters; it visits no status twice.
func TestLoanOrigination(t *testing.T) {
	path := statemachine.LoanOrigination()
	lc := statemachine.LoanLifecycle()
	if path[0] != lc.Initial() || path[len(path)-1] != statemachine.LoanActive {
		t.Fatalf("path %v runs from %s to %s; want %s to active", path, path[0], path[len(path)-1], lc.Initial())
	}
	seen := map[statemachine.LoanStatus]bool{}
	for i := 1; i < len(path); i++ {
		ev, err := lc.Transition(path[i-1], path[i])
		if err != nil || len(ev) != 1 || ev[0] != lc.Enter(path[i]) {
			t.Errorf("step %s → %s: events %v, %v", path[i-1], path[i], ev, err)
		}
		if seen[path[i]] {
			t.Errorf("%s visited twice", path[i])
		}
		seen[path[i]] = true
	}
	path[0] = statemachine.LoanError // the caller's copy
	if statemachine.LoanOrigination()[0] != statemachine.LoanProcessing {
		t.Error("LoanOrigination returned its own array")
	}
}

// TestBorrowerClass: by the rule's statement, a CNPJ makes an MEI, a CPF alone an
// individual.
func TestBorrowerClass(t *testing.T) {
	cpf, _ := validation.ParseCPF("280.012.389-38")
	cnpj, _ := validation.ParseCNPJ("11.222.333/0001-81")
	for _, c := range []struct {
		r    statemachine.Registration
		want iof.Class
	}{
		{statemachine.Registration{CPF: cpf}, iof.Individual},
		{statemachine.Registration{CPF: cpf, CNPJ: cnpj}, iof.MEI},
		{statemachine.Registration{CPF: cpf, CNPJ: cnpj, ExternalID: "x"}, iof.MEI},
	} {
		if got := c.r.BorrowerClass(); got != c.want {
			t.Errorf("%+v: %s; want %s", c.r, got, c.want)
		}
	}
}

// TestOfferCheckNew: an offer made valid until now, or before, is born expired.
func TestOfferCheckNew(t *testing.T) {
	now := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	o := exampleNewOffer(now.Add(time.Second))
	if err := o.CheckNew(now); err != nil {
		t.Fatalf("valid a second more: %v", err)
	}
	for _, until := range []time.Time{now, now.Add(-time.Hour)} {
		o.ValidUntil = until
		var e *apierr.Error
		err := o.CheckNew(now)
		if !errors.As(err, &e) || e.Code != apierr.ValueOutOfRange || e.Param != "valid_until" || !errors.Is(err, apierr.ErrRange) {
			t.Errorf("valid until %s: %v", until, err)
		}
	}
	o = exampleNewOffer(now.Add(time.Hour))
	o.MinInstallments = 0
	if err := o.CheckNew(now); err == nil {
		t.Error("CheckNew does not run Check")
	}
}

func exampleNewOffer(until time.Time) statemachine.Offer {
	o := statemachine.Offer{Status: statemachine.OfferAvailable, ApprovedAmount: decimal.RequireFromString("5000.00"),
		MinAmount: decimal.RequireFromString("100.00"), MinInstallments: 3, MaxInstallments: 12, ValidUntil: until,
		BorrowerClass: iof.MEI}
	o.InterestRate, _ = schedule.ParsePercentPerMonth("2.99")
	return o
}

func ExampleLoanOrigination() {
	fmt.Println(statemachine.LoanOrigination())
	// Output: [processing contract_generated awaiting_signatures signed disbursing active]
}

func ExampleRegistration_BorrowerClass() {
	cpf, _ := validation.ParseCPF("280.012.389-38")
	cnpj, _ := validation.ParseCNPJ("11.222.333/0001-81")
	fmt.Println(statemachine.Registration{CPF: cpf}.BorrowerClass(), statemachine.Registration{CPF: cpf, CNPJ: cnpj}.BorrowerClass())
	// Output: pf mei
}

func ExampleOffer_CheckNew() {
	now := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	fmt.Println(exampleNewOffer(now).CheckNew(now))
	// Output: value_out_of_range: valid_until 2026-03-10T12:00:00Z is not after now, 2026-03-10T12:00:00Z; an offer is made valid for some time
}

// TestNewCredential: never-expiring and future credentials are active; one expiring
// at now or before is refused.
func TestNewCredential(t *testing.T) {
	now := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	for _, until := range []time.Time{{}, now.Add(time.Nanosecond)} {
		c, err := statemachine.NewCredential(now, until)
		if err != nil || c.Status != statemachine.CredentialActive || !c.ExpiresAt.Equal(until) || c.CanIssue(now) != nil {
			t.Errorf("until %v: %+v, %v", until, c, err)
		}
	}
	for _, until := range []time.Time{now, now.Add(-time.Hour)} {
		var e *apierr.Error
		if _, err := statemachine.NewCredential(now, until); !errors.As(err, &e) || e.Code != apierr.ValueOutOfRange || e.Param != "expires_at" {
			t.Errorf("until %v: %v", until, err)
		}
	}
}

func ExampleNewCredential() {
	now := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	c, err := statemachine.NewCredential(now, time.Time{})
	fmt.Println(c.Status, err)
	_, err = statemachine.NewCredential(now, now.Add(-time.Minute))
	fmt.Println(err)
	// Output:
	// active <nil>
	// value_out_of_range: expires_at 2026-03-10T11:59:00Z is not after now, 2026-03-10T12:00:00Z; expected a future instant, or null for a credential that never expires
}

// TestStatusQuoteUTF8: a long unknown status is quoted by apierr.Quote, which never
// cuts a character in half (the old copy cut "é" at byte 64).
func TestStatusQuoteUTF8(t *testing.T) {
	in := strings.Repeat("a", 63) + "é" + "zzz"
	_, err := statemachine.ParseLoanStatus(in)
	if err == nil || !utf8.ValidString(err.Error()) || strings.Contains(err.Error(), `\xc3`) {
		t.Errorf("ParseLoanStatus(%d bytes) = %q", len(in), err)
	}
	_, err = statemachine.ParseEvent(in)
	if err == nil || strings.Contains(err.Error(), `\xc3`) {
		t.Errorf("ParseEvent = %q", err)
	}
}

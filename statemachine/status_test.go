package statemachine

import (
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/dinie/lending/apierr"
)

// statusType gathers one status type's functions behind strings, so one table covers all
// eight types. The wire strings below are copied from docs/api.md §5 and
// docs/lifecycles.md, not from status.go.
type statusType struct {
	name  string
	wire  []string // every wire string, in declaration order
	parse func(string) (string, error)
	// value n (as uint8) → String, MarshalText, Valid
	str     func(uint8) string
	marshal func(uint8) ([]byte, error)
	valid   func(uint8) bool
	// unmarshal into a value that starts as value start; returns the value after.
	unmarshal func(start uint8, b []byte) (uint8, error)
}

func mkType[S interface {
	~uint8
	String() string
	Valid() bool
	MarshalText() ([]byte, error)
}, P interface {
	*S
	UnmarshalText([]byte) error
}](name string, wire []string, parse func(string) (S, error)) statusType {
	return statusType{
		name: name, wire: wire,
		parse: func(s string) (string, error) {
			v, err := parse(s)
			if err != nil {
				if v != 0 {
					return "", errors.New("nonzero value with an error")
				}
				return "", err
			}
			return v.String(), nil
		},
		str:     func(n uint8) string { return S(n).String() },
		marshal: func(n uint8) ([]byte, error) { return S(n).MarshalText() },
		valid:   func(n uint8) bool { return S(n).Valid() },
		unmarshal: func(start uint8, b []byte) (uint8, error) {
			v := S(start)
			err := P(&v).UnmarshalText(b)
			return uint8(v), err
		},
	}
}

var statusTypes = []statusType{
	mkType[CustomerStatus]("CustomerStatus", []string{"pending_kyc", "under_review", "active"}, ParseCustomerStatus),
	mkType[KYCStatus]("KYCStatus", []string{"pending", "submitted", "approved", "rejected", "pending_correction"}, ParseKYCStatus),
	mkType[KYCKind]("KYCKind", []string{"document", "data"}, ParseKYCKind),
	mkType[OfferStatus]("OfferStatus", []string{"available", "accepted", "expired"}, ParseOfferStatus),
	mkType[LoanStatus]("LoanStatus", []string{"processing", "contract_generated", "awaiting_signatures",
		"signed", "disbursing", "active", "finished", "cancelled", "error"}, ParseLoanStatus),
	mkType[InstallmentStatus]("InstallmentStatus", []string{"pending", "partially_paid", "overdue", "paid"}, ParseInstallmentStatus),
	mkType[WebhookStatus]("WebhookStatus", []string{"active", "disabled", "deleted"}, ParseWebhookStatus),
	mkType[CredentialStatus]("CredentialStatus", []string{"active", "revoked"}, ParseCredentialStatus),
}

func TestStatusWireStrings(t *testing.T) {
	for _, st := range statusTypes {
		for i, w := range st.wire {
			n := uint8(i + 1)
			if got := st.str(n); got != w {
				t.Errorf("%s(%d).String() = %q, want %q", st.name, n, got, w)
			}
			if b, err := st.marshal(n); err != nil || string(b) != w {
				t.Errorf("%s(%d).MarshalText() = %q, %v; want %q", st.name, n, b, err, w)
			}
			if got, err := st.parse(w); err != nil || got != w {
				t.Errorf("Parse%s(%q) = %q, %v", st.name, w, got, err)
			}
			if got, err := st.unmarshal(0, []byte(w)); err != nil || got != n {
				t.Errorf("%s.UnmarshalText(%q) = %d, %v; want %d", st.name, w, got, err, n)
			}
			if !st.valid(n) {
				t.Errorf("%s(%d).Valid() = false", st.name, n)
			}
		}
		for _, n := range []uint8{0, uint8(len(st.wire) + 1), 255} {
			want := st.name + "(" + itoa(int(n)) + ")"
			if got := st.str(n); got != want {
				t.Errorf("%s(%d).String() = %q, want %q", st.name, n, got, want)
			}
			if b, err := st.marshal(n); err == nil || b != nil || !errors.Is(err, ErrUnknownStatus) {
				t.Errorf("%s(%d).MarshalText() = %q, %v; want an ErrUnknownStatus error", st.name, n, b, err)
			}
			if st.valid(n) {
				t.Errorf("%s(%d).Valid() = true", st.name, n)
			}
		}
	}
}

func TestStatusParseErrors(t *testing.T) {
	bad := []string{"", " ", "ACTIVE", "Active", " active", "active ", "active\n", "pending-kyc",
		"pendingkyc", "loan.created", "\xff", "0", "1", "null", `"active"`, "actives",
		strings.Repeat("x", 10000)}
	for _, st := range statusTypes {
		for _, s := range bad {
			if slices.Contains(st.wire, s) {
				continue
			}
			_, err := st.parse(s)
			var ve *apierr.Error
			param := "status"
			if st.name == "KYCKind" {
				param = "kind"
			}
			if !errors.As(err, &ve) || ve.Code != apierr.InvalidFormat || ve.Param != param ||
				!errors.Is(err, ErrUnknownStatus) {
				t.Errorf("Parse%s(%q) error = %v, want invalid_format/%s/ErrUnknownStatus", st.name, s, err, param)
				continue
			}
			if len(ve.Detail) > 400 {
				t.Errorf("Parse%s: detail of %d bytes for a %d-byte input", st.name, len(ve.Detail), len(s))
			}
			// UnmarshalText leaves the value unchanged on error.
			if got, err := st.unmarshal(1, []byte(s)); err == nil || got != 1 {
				t.Errorf("%s.UnmarshalText(%q) = %d, %v; want 1 unchanged and an error", st.name, s, got, err)
			}
		}
	}
	_, err := ParseLoanStatus("Active")
	want := `invalid_format: unknown loan status "Active"; want one of processing, contract_generated, ` +
		`awaiting_signatures, signed, disbursing, active, finished, cancelled, error`
	if err == nil || err.Error() != want {
		t.Errorf("ParseLoanStatus(\"Active\") = %v\nwant %s", err, want)
	}
}

func TestStatusJSON(t *testing.T) {
	type doc struct {
		Status LoanStatus  `json:"status"`
		Kind   KYCKind     `json:"kind"`
		Offer  OfferStatus `json:"offer"`
	}
	b, err := json.Marshal(doc{LoanAwaitingSignatures, KYCData, OfferExpired})
	if err != nil || string(b) != `{"status":"awaiting_signatures","kind":"data","offer":"expired"}` {
		t.Fatalf("json.Marshal = %s, %v", b, err)
	}
	var d doc
	if err := json.Unmarshal(b, &d); err != nil || d != (doc{LoanAwaitingSignatures, KYCData, OfferExpired}) {
		t.Errorf("json.Unmarshal = %+v, %v", d, err)
	}
	if err := json.Unmarshal([]byte(`{"status":"paid"}`), &d); !errors.Is(err, ErrUnknownStatus) {
		t.Errorf("json.Unmarshal of an unknown status: %v", err)
	}
	if _, err := json.Marshal(doc{}); !errors.Is(err, ErrUnknownStatus) {
		t.Errorf("json.Marshal of zero statuses: %v, want ErrUnknownStatus", err)
	}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	s := ""
	for ; n > 0; n /= 10 {
		s = string(rune('0'+n%10)) + s
	}
	return s
}

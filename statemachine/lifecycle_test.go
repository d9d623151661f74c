package statemachine

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/validation"
)

var update = flag.Bool("update", false, "rewrite the golden diagrams under testdata/statemachine")

// specMachine is a lifecycle written down from the text of docs/lifecycles.md and
// docs/api.md, independently of tables.go: the test compares the package's table
// with it over the whole from × to matrix.
type specMachine struct {
	resource string
	// all is every wire string of the status type, including strings that are not
	// states of this lifecycle (rejected for a data requirement).
	all      []string
	states   []string
	initial  string
	created  []string
	edges    map[string]bool   // "from>to" → guarded
	enter    map[string]string // state → event entering it emits ("" none)
	terminal []string
}

var specs = map[string]specMachine{
	// "Customer states: pending_kyc → under_review → active"; "a rejection during review
	// goes back to pending_kyc"; "active is final". The status follows from the
	// requirements, so every edge is guarded. "customer.under_review on entering
	// under_review; customer.active on entering active"; "customer.created on registration".
	"customer": {
		resource: "customer",
		all:      []string{"pending_kyc", "under_review", "active"},
		states:   []string{"pending_kyc", "under_review", "active"},
		initial:  "pending_kyc",
		created:  []string{"customer.created"},
		edges: map[string]bool{
			"pending_kyc>under_review": true,
			"under_review>active":      true,
			"under_review>pending_kyc": true,
		},
		enter:    map[string]string{"under_review": "customer.under_review", "active": "customer.active"},
		terminal: []string{"active"},
	},
	// "rejected (with a message; resubmit a document)"; "From rejected or
	// pending_correction the item goes back to submitted"; "customer.kyc_updated on every
	// requirement state change".
	"kyc_document": {
		resource: "kyc_requirement",
		all:      []string{"pending", "submitted", "approved", "rejected", "pending_correction"},
		states:   []string{"pending", "submitted", "approved", "rejected"},
		initial:  "pending",
		edges: map[string]bool{
			"pending>submitted":  false,
			"submitted>approved": false,
			"submitted>rejected": false,
			"rejected>submitted": false,
		},
		enter: map[string]string{"pending": "customer.kyc_updated", "submitted": "customer.kyc_updated",
			"approved": "customer.kyc_updated", "rejected": "customer.kyc_updated"},
		terminal: []string{"approved"},
	},
	// "pending_correction (a data item; fixed through a customer update)".
	"kyc_data": {
		resource: "kyc_requirement",
		all:      []string{"pending", "submitted", "approved", "rejected", "pending_correction"},
		states:   []string{"pending", "submitted", "approved", "pending_correction"},
		initial:  "pending",
		edges: map[string]bool{
			"pending>submitted":            false,
			"submitted>approved":           false,
			"submitted>pending_correction": false,
			"pending_correction>submitted": false,
		},
		enter: map[string]string{"pending": "customer.kyc_updated", "submitted": "customer.kyc_updated",
			"approved": "customer.kyc_updated", "pending_correction": "customer.kyc_updated"},
		terminal: []string{"approved"},
	},
	// "available → accepted (a loan was created from it) or expired"; "accepted →
	// available when its loan is cancelled and the offer is still within valid_until;
	// → expired when cancelled after it". Each edge depends on an instant or a loan.
	"credit_offer": {
		resource: "credit_offer",
		all:      []string{"available", "accepted", "expired"},
		states:   []string{"available", "accepted", "expired"},
		initial:  "available",
		created:  []string{"credit_offer.available"},
		edges: map[string]bool{
			"available>accepted": true,
			"available>expired":  true,
			"accepted>available": true,
			"accepted>expired":   true,
		},
		enter:    map[string]string{"available": "credit_offer.available", "expired": "credit_offer.expired"},
		terminal: []string{"expired"},
	},
	// The chain processing → … → finished; "Cancellation only before disbursement
	// starts"; "A processing error from any state before active"; "active → finished only
	// when every installment is paid"; "finished, cancelled, error are terminal";
	// "loan.created on creation; loan.<state> on entering each other state".
	"loan": {
		resource: "loan",
		all: []string{"processing", "contract_generated", "awaiting_signatures", "signed",
			"disbursing", "active", "finished", "cancelled", "error"},
		states: []string{"processing", "contract_generated", "awaiting_signatures", "signed",
			"disbursing", "active", "finished", "cancelled", "error"},
		initial: "processing",
		created: []string{"loan.created"},
		edges: map[string]bool{
			"processing>contract_generated":          false,
			"contract_generated>awaiting_signatures": false,
			"awaiting_signatures>signed":             false,
			"signed>disbursing":                      false,
			"disbursing>active":                      false,
			"active>finished":                        true,
			"processing>cancelled":                   false,
			"contract_generated>cancelled":           false,
			"awaiting_signatures>cancelled":          false,
			"signed>cancelled":                       false,
			"processing>error":                       false,
			"contract_generated>error":               false,
			"awaiting_signatures>error":              false,
			"signed>error":                           false,
			"disbursing>error":                       false,
		},
		enter: map[string]string{"contract_generated": "loan.contract_generated",
			"awaiting_signatures": "loan.awaiting_signatures", "signed": "loan.signed",
			"disbursing": "loan.disbursing", "active": "loan.active", "finished": "loan.finished",
			"cancelled": "loan.cancelled", "error": "loan.error"},
		terminal: []string{"finished", "cancelled", "error"},
	},
	// Derived from "State, as of a date" with payments only adding and dates only
	// advancing; TestInstallmentEdgesFromDefinition re-derives this list by brute force.
	"transaction": {
		resource: "transaction",
		all:      []string{"pending", "partially_paid", "overdue", "paid"},
		states:   []string{"pending", "partially_paid", "overdue", "paid"},
		initial:  "pending",
		edges: map[string]bool{
			"pending>partially_paid": true,
			"pending>overdue":        true,
			"pending>paid":           true,
			"partially_paid>overdue": true,
			"partially_paid>paid":    true,
			"overdue>paid":           true,
		},
		enter:    map[string]string{},
		terminal: []string{"paid"},
	},
	// "active ⇄ disabled; deletion ends it from either."
	"webhook_endpoint": {
		resource: "webhook_endpoint",
		all:      []string{"active", "disabled", "deleted"},
		states:   []string{"active", "disabled", "deleted"},
		initial:  "active",
		edges: map[string]bool{
			"active>disabled":  false,
			"disabled>active":  false,
			"active>deleted":   false,
			"disabled>deleted": false,
		},
		enter:    map[string]string{},
		terminal: []string{"deleted"},
	},
	// "active → revoked (immediate, irreversible)".
	"credential": {
		resource: "credential",
		all:      []string{"active", "revoked"},
		states:   []string{"active", "revoked"},
		initial:  "active",
		edges:    map[string]bool{"active>revoked": false},
		enter:    map[string]string{},
		terminal: []string{"revoked"},
	},
}

func TestLifecycleMatrix(t *testing.T) {
	checkMatrix(t, CustomerLifecycle(), ParseCustomerStatus, specs["customer"])
	checkMatrix(t, KYCDocumentLifecycle(), ParseKYCStatus, specs["kyc_document"])
	checkMatrix(t, KYCDataLifecycle(), ParseKYCStatus, specs["kyc_data"])
	checkMatrix(t, OfferLifecycle(), ParseOfferStatus, specs["credit_offer"])
	checkMatrix(t, LoanLifecycle(), ParseLoanStatus, specs["loan"])
	checkMatrix(t, InstallmentLifecycle(), ParseInstallmentStatus, specs["transaction"])
	checkMatrix(t, WebhookLifecycle(), ParseWebhookStatus, specs["webhook_endpoint"])
	checkMatrix(t, CredentialLifecycle(), ParseCredentialStatus, specs["credential"])
}

func checkMatrix[S State](t *testing.T, l *Lifecycle[S], parse func(string) (S, error), spec specMachine) {
	t.Run(spec.resource, func(t *testing.T) {
		if l.Resource().String() != spec.resource {
			t.Errorf("Resource() = %q, want %q", l.Resource(), spec.resource)
		}
		if got := names(l.States()); !slices.Equal(got, spec.states) {
			t.Errorf("States() = %v, want %v", got, spec.states)
		}
		init, created := l.Create()
		if init.String() != spec.initial || l.Initial() != init {
			t.Errorf("Create() state = %s, Initial() = %s, want %s", init, l.Initial(), spec.initial)
		}
		if got := names(created); !slices.Equal(got, spec.created) {
			t.Errorf("Create() events = %v, want %v", got, spec.created)
		}
		var terminal []string
		for _, s := range l.States() {
			if l.Terminal(s) {
				terminal = append(terminal, s.String())
			}
		}
		if !slices.Equal(terminal, spec.terminal) {
			t.Errorf("terminal states = %v, want %v", terminal, spec.terminal)
		}
		if got, want := len(l.Edges()), len(spec.edges); got != want {
			t.Errorf("len(Edges()) = %d, want %d", got, want)
		}
		for _, fromName := range spec.all {
			for _, toName := range spec.all {
				from, err := parse(fromName)
				if err != nil {
					t.Fatalf("parse(%q): %v", fromName, err)
				}
				to, err := parse(toName)
				if err != nil {
					t.Fatalf("parse(%q): %v", toName, err)
				}
				checkCell(t, l, spec, from, to)
			}
		}
		// Values that are not states of the type at all.
		for _, bad := range []S{0, S(len(spec.all) + 1), 255} {
			for _, s := range l.States() {
				for _, pair := range [][2]S{{bad, s}, {s, bad}} {
					_, err := l.Transition(pair[0], pair[1])
					if !errors.Is(err, apierr.InvalidFormat) || !errors.Is(err, ErrUnknownStatus) {
						t.Errorf("Transition(%v, %v) error = %v, want invalid_format/ErrUnknownStatus",
							pair[0], pair[1], err)
					}
				}
			}
			if l.Terminal(bad) || l.Allowed(bad, l.Initial()) || l.Enter(bad) != 0 {
				t.Errorf("%v: Terminal, Allowed or Enter reports a non-state as a state", bad)
			}
		}
	})
}

func checkCell[S State](t *testing.T, l *Lifecycle[S], spec specMachine, from, to S) {
	t.Helper()
	key := from.String() + ">" + to.String()
	guarded, allowed := spec.edges[key]
	if got := l.Allowed(from, to); got != allowed {
		t.Errorf("Allowed(%s) = %v, want %v", key, got, allowed)
	}
	events, err := l.Transition(from, to)
	if allowed && !guarded {
		want := []string{}
		if e := spec.enter[to.String()]; e != "" {
			want = []string{e}
		}
		if err != nil || !slices.Equal(names(events), want) {
			t.Errorf("Transition(%s) = %v, %v; want %v, nil", key, events, err, want)
		}
		if got := l.Enter(to).String(); spec.enter[to.String()] != "" && got != spec.enter[to.String()] {
			t.Errorf("Enter(%s) = %s, want %s", to, got, spec.enter[to.String()])
		}
		return
	}
	if events != nil {
		t.Errorf("Transition(%s) returned events %v with an error", key, events)
	}
	var ve *apierr.Error
	var te *TransitionError
	if !errors.As(err, &ve) || ve.Code != apierr.InvalidTransition || ve.Param != "status" ||
		!errors.As(err, &te) {
		t.Fatalf("Transition(%s) error = %#v, want *apierr.Error invalid_transition with a *TransitionError", key, err)
	}
	if te.Resource.String() != spec.resource || te.From != from.String() || te.To != to.String() {
		t.Errorf("Transition(%s) TransitionError = %+v", key, te)
	}
	isTerminal := slices.Contains(spec.terminal, from.String())
	if errors.Is(err, ErrTerminal) != isTerminal {
		t.Errorf("Transition(%s): errors.Is(ErrTerminal) = %v, want %v (%v)", key, !isTerminal, isTerminal, err)
	}
	if errors.Is(err, ErrGuarded) != guarded {
		t.Errorf("Transition(%s): errors.Is(ErrGuarded) = %v, want %v (%v)", key, !guarded, guarded, err)
	}
	if !strings.Contains(ve.Detail, from.String()) || !strings.Contains(ve.Detail, to.String()) ||
		!strings.Contains(ve.Detail, string(spec.resource)) {
		t.Errorf("Transition(%s) detail %q does not name resource, from and to", key, ve.Detail)
	}
}

func names[T interface{ String() string }](xs []T) []string {
	out := []string{}
	for _, x := range xs {
		out = append(out, x.String())
	}
	return out
}

// TestInstallmentEdgesFromDefinition derives the installment's edges by brute force from
// docs/lifecycles.md §8's definition of its status, with a slow status function written here:
// walk every pair of situations (amount paid none/part/all, date on-or-before/after the
// due date) where the second follows the first (payments only add, dates only advance),
// and collect the distinct status changes.
func TestInstallmentEdgesFromDefinition(t *testing.T) {
	type situation struct{ paid, late int } // paid: 0 none, 1 part, 2 all; late: 0 or 1
	status := func(s situation) string {
		switch {
		case s.paid == 2:
			return "paid"
		case s.late == 1:
			return "overdue"
		case s.paid == 1:
			return "partially_paid"
		}
		return "pending"
	}
	derived := map[string]bool{}
	for _, a := range []situation{{0, 0}, {1, 0}, {2, 0}, {0, 1}, {1, 1}, {2, 1}} {
		for _, b := range []situation{{0, 0}, {1, 0}, {2, 0}, {0, 1}, {1, 1}, {2, 1}} {
			if b.paid >= a.paid && b.late >= a.late && status(a) != status(b) {
				derived[status(a)+">"+status(b)] = true
			}
		}
	}
	var table []string
	for _, e := range InstallmentLifecycle().Edges() {
		table = append(table, e.From.String()+">"+e.To.String())
	}
	var want []string
	for k := range derived {
		want = append(want, k)
	}
	slices.Sort(table)
	slices.Sort(want)
	if !slices.Equal(table, want) {
		t.Errorf("installment edges = %v, derived from the definition = %v", table, want)
	}
}

// TestGuardedEdgesNameTheirFunction checks that every guarded edge says which function
// takes it, and that the error says so too.
func TestGuardedEdgesNameTheirFunction(t *testing.T) {
	for _, e := range LoanLifecycle().Edges() {
		if e.Guard == "" {
			continue
		}
		if e.Via == "" {
			t.Errorf("%s -> %s: guarded edge without Via", e.From, e.To)
		}
		_, err := LoanLifecycle().Transition(e.From, e.To)
		if err == nil || !strings.Contains(err.Error(), e.Via) {
			t.Errorf("%s -> %s: error %v does not name %s", e.From, e.To, err, e.Via)
		}
	}
}

func TestTransitionErrorMessages(t *testing.T) {
	tests := []struct {
		err  func() error
		want string
	}{
		{func() error { _, err := LoanLifecycle().Transition(LoanFinished, LoanActive); return err },
			"invalid_transition: loan cannot go from finished to active: finished is terminal"},
		{func() error { _, err := LoanLifecycle().Transition(LoanProcessing, LoanActive); return err },
			"invalid_transition: loan cannot go from processing to active; from processing it can go to contract_generated, cancelled or error"},
		{func() error { _, err := LoanLifecycle().Transition(LoanActive, LoanFinished); return err },
			"invalid_transition: loan goes from active to finished only when every installment is paid, which ReceivePayment checks"},
		{func() error { _, err := KYCDataLifecycle().Transition(KYCSubmitted, KYCRejected); return err },
			"invalid_transition: kyc_requirement cannot go from submitted to rejected: kyc_requirement has no state rejected"},
		{func() error { _, err := WebhookLifecycle().Transition(WebhookActive, WebhookActive); return err },
			"invalid_transition: webhook_endpoint cannot go from active to active; from active it can go to disabled or deleted"},
		{func() error { _, err := LoanLifecycle().Transition(0, LoanActive); return err },
			"invalid_format: LoanStatus(0) is not a loan status"},
	}
	for _, tt := range tests {
		if got := tt.err(); got == nil || got.Error() != tt.want {
			t.Errorf("error = %v\nwant    %s", got, tt.want)
		}
	}
	te := &TransitionError{Resource: validation.Loan, From: "finished", To: "active", Terminal: true}
	if te.Error() != "loan: finished -> active" || !errors.Is(te, ErrTerminal) {
		t.Errorf("TransitionError = %q, Is(ErrTerminal) = %v", te.Error(), errors.Is(te, ErrTerminal))
	}
	te = &TransitionError{Resource: validation.Loan, From: "finished", Action: "payment"}
	if te.Error() != "loan: payment in finished" || errors.Unwrap(te) != nil {
		t.Errorf("TransitionError = %q, Unwrap = %v", te.Error(), errors.Unwrap(te))
	}
}

// TestReturnedSlicesAreFresh checks that callers cannot corrupt a table through a
// returned slice.
func TestReturnedSlicesAreFresh(t *testing.T) {
	l := LoanLifecycle()
	l.States()[0] = LoanError
	l.Edges()[0].To = LoanFinished
	_, ev := l.Create()
	ev[0] = EventLoanError
	evs, _ := l.Transition(LoanProcessing, LoanContractGenerated)
	evs[0] = EventLoanError
	if l.States()[0] != LoanProcessing || l.Edges()[0].To != LoanContractGenerated {
		t.Error("States or Edges shares its backing array with the table")
	}
	if _, ev := l.Create(); ev[0] != EventLoanCreated {
		t.Error("Create shares its events with the table")
	}
	if evs, _ := l.Transition(LoanProcessing, LoanContractGenerated); evs[0] != EventLoanContractGenerated {
		t.Error("Transition shares its events with the table")
	}
	e := Events()
	e[0] = EventLoanError
	if Events()[0] != EventCustomerCreated {
		t.Error("Events shares its backing array")
	}
}

// TestDiagrams compares each lifecycle's Mermaid diagram with its golden file under
// testdata/statemachine; go test -run TestDiagrams -update rewrites them. The goldens are
// the tables drawn, so a reviewer re-derives them from docs/lifecycles.md: one "[*] -->" line
// for the initial state with the creation events, one line per edge in table order with
// the event entering its target and any guard in brackets, one "--> [*]" line per
// terminal state. The test also checks that doc.go shows every diagram verbatim.
func TestDiagrams(t *testing.T) {
	doc, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range []struct {
		name    string
		mermaid string
	}{
		{"customer", CustomerLifecycle().Mermaid()},
		{"kyc_document", KYCDocumentLifecycle().Mermaid()},
		{"kyc_data", KYCDataLifecycle().Mermaid()},
		{"credit_offer", OfferLifecycle().Mermaid()},
		{"loan", LoanLifecycle().Mermaid()},
		{"transaction", InstallmentLifecycle().Mermaid()},
		{"webhook_endpoint", WebhookLifecycle().Mermaid()},
		{"credential", CredentialLifecycle().Mermaid()},
	} {
		path := filepath.Join("..", "testdata", "statemachine", d.name+".mmd")
		if *update {
			if err := os.WriteFile(path, []byte(d.mermaid), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test -run TestDiagrams -update to create it)", err)
		}
		if d.mermaid != string(want) {
			t.Errorf("%s diagram differs from %s:\n%s\nwant:\n%s", d.name, path, d.mermaid, want)
		}
		var quoted strings.Builder
		for _, line := range strings.SplitAfter(strings.TrimSuffix(d.mermaid, "\n"), "\n") {
			quoted.WriteString("//\t" + line)
		}
		if !strings.Contains(string(doc), quoted.String()+"\n") {
			t.Errorf("doc.go does not show the %s diagram:\n%s", d.name, quoted.String())
		}
		// Independent check against the spec table: every spec edge is a line.
		for edge := range specs[d.name].edges {
			from, to, _ := strings.Cut(edge, ">")
			if !strings.Contains(d.mermaid, "    "+from+" --> "+to) {
				t.Errorf("%s diagram lacks the edge %s", d.name, edge)
			}
		}
	}
}

// TestNilLifecycle: KYCLifecycle of an invalid kind returns nil, and every method of
// a nil *Lifecycle answers without panicking.
func TestNilLifecycle(t *testing.T) {
	l := KYCLifecycle(KYCKind(9))
	if l != nil {
		t.Fatalf("KYCLifecycle(9) = %v, want nil", l)
	}
	if l.Resource() != 0 || l.States() != nil || l.Initial() != 0 || l.Edges() != nil ||
		l.Next(KYCPending) != nil || l.Allowed(KYCPending, KYCSubmitted) || l.Terminal(KYCApproved) ||
		l.Enter(KYCSubmitted) != 0 || l.Mermaid() != "stateDiagram-v2\n" {
		t.Error("a nil *Lifecycle reports states, edges or events")
	}
	if s, ev := l.Create(); s != 0 || ev != nil {
		t.Errorf("Create() = %v, %v; want nothing", s, ev)
	}
	ev, err := l.Transition(KYCPending, KYCSubmitted)
	var ve *apierr.Error
	if ev != nil || !errors.As(err, &ve) || ve.Code != apierr.InvalidFormat || ve.Param != "kind" ||
		!errors.Is(err, ErrUnknownStatus) {
		t.Errorf("Transition on nil = %v, %v; want invalid_format for kind wrapping ErrUnknownStatus", ev, err)
	}
}

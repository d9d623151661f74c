package statemachine

import (
	"strings"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/validation"
)

// State is the constraint satisfied by the status types of this package
// (CustomerStatus, KYCStatus, OfferStatus, LoanStatus, InstallmentStatus, WebhookStatus,
// CredentialStatus).
type State interface {
	~uint8
	String() string
	Valid() bool
}

// Edge is one allowed transition of a lifecycle: From → To, the event entering To
// emits (zero for none), and, for a guarded edge, the condition under which it happens.
type Edge[S State] struct {
	From, To S
	// Event is what entering To emits; zero when it emits nothing.
	Event Event
	// Guard, when not empty, is the condition of the edge, in words. Lifecycle.Transition
	// refuses guarded edges (ErrGuarded); the package's dedicated functions take them
	// after checking the condition (Via names the function).
	Guard string
	// Via names the function that takes a guarded edge.
	Via string
}

// Lifecycle is one resource's state machine as data: its states, its initial state and
// the events creation emits, its transitions and the event entering each state emits.
// Checks, events, the Mermaid diagram and the documentation all derive from this one
// table (docs/lifecycles.md §1).
//
// A *Lifecycle is obtained from CustomerLifecycle, KYCDocumentLifecycle,
// KYCDataLifecycle, OfferLifecycle, LoanLifecycle, InstallmentLifecycle,
// WebhookLifecycle or CredentialLifecycle. It is immutable and safe for concurrent use;
// every slice its methods return is new. A nil *Lifecycle (KYCLifecycle of an invalid
// kind) has no states: its methods report nothing allowed and Transition fails with
// invalid_format; none panics.
type Lifecycle[S State] struct {
	resource validation.Resource
	states   []S
	initial  S
	created  []Event
	enter    []Event // by state
	edges    []Edge[S]
	next     []uint32 // by state: bit t set when from → t is an edge
	guarded  []uint32 // by state: bit t set when from → t is a guarded edge
	members  uint32   // bit s set when s is a state of this lifecycle
}

type edgeRow[S State] struct {
	from, to   S
	guard, via string
}

// newLifecycle builds a table; states lists every state in order with the event
// entering it emits.
func newLifecycle[S State](r validation.Resource, initial S, created []Event, states []S, enter []Event,
	edges []edgeRow[S]) *Lifecycle[S] {
	n := 1
	for _, s := range states {
		n = max(n, int(s)+1)
	}
	l := &Lifecycle[S]{
		resource: r, states: states, initial: initial, created: created,
		enter: make([]Event, n), next: make([]uint32, n), guarded: make([]uint32, n),
	}
	for i, s := range states {
		l.enter[s] = enter[i]
		l.members |= 1 << s
	}
	for _, e := range edges {
		l.edges = append(l.edges, Edge[S]{From: e.from, To: e.to, Event: l.enter[e.to],
			Guard: e.guard, Via: e.via})
		l.next[e.from] |= 1 << e.to
		if e.guard != "" {
			l.guarded[e.from] |= 1 << e.to
		}
	}
	return l
}

// Resource returns the resource the lifecycle belongs to.
func (l *Lifecycle[S]) Resource() validation.Resource { return l.orEmpty().resource }

// States returns every state, in lifecycle order.
func (l *Lifecycle[S]) States() []S { return append([]S(nil), l.orEmpty().states...) }

// Initial returns the state a new resource starts in.
func (l *Lifecycle[S]) Initial() S { return l.orEmpty().initial }

// Create returns the initial state and the events creating the resource emits
// (customer.created, credit_offer.available, loan.created; none for the others).
func (l *Lifecycle[S]) Create() (S, []Event) {
	l = l.orEmpty()
	return l.initial, append([]Event(nil), l.created...)
}

// Edges returns every allowed transition, in table order.
func (l *Lifecycle[S]) Edges() []Edge[S] { return append([]Edge[S](nil), l.orEmpty().edges...) }

// Enter returns the event entering s emits, or zero when it emits none (or s is not a
// state).
func (l *Lifecycle[S]) Enter(s S) Event {
	if !l.has(s) {
		return 0
	}
	return l.enter[s]
}

// Terminal reports whether s is a state with no way out (it absorbs: every
// transition out of it is an error).
func (l *Lifecycle[S]) Terminal(s S) bool { return l.has(s) && l.next[s] == 0 }

// Allowed reports whether the table has the edge from → to, guarded or not.
func (l *Lifecycle[S]) Allowed(from, to S) bool {
	return l.has(from) && l.has(to) && l.next[from]&(1<<to) != 0
}

// Next returns the states reachable from s in one transition, in lifecycle order.
func (l *Lifecycle[S]) Next(s S) []S {
	var out []S
	for _, t := range l.orEmpty().states {
		if l.Allowed(s, t) {
			out = append(out, t)
		}
	}
	return out
}

// Transition checks the move from → to against the table and returns the events it
// emits (the event entering to, if any). It is a pure function: the caller stores the
// new state.
//
// Errors: a value that is not a state is invalid_format (ErrUnknownStatus); a move the
// table lacks is invalid_transition with a *TransitionError, matching ErrTerminal when
// from is terminal; a guarded edge is invalid_transition matching ErrGuarded, because
// only the function named in Edge.Via can check its condition. A move to the same state
// is not an edge and is an error.
func (l *Lifecycle[S]) Transition(from, to S) ([]Event, error) {
	if l == nil {
		return nil, apierr.Wrap(ErrUnknownStatus, apierr.InvalidFormat, "kind",
			"no lifecycle: KYCLifecycle was given a kind that is neither document nor data")
	}
	return l.move(from, to, false)
}

// orEmpty returns l, or for a nil l (what KYCLifecycle returns for an invalid kind)
// a lifecycle with no states, so that the methods answer instead of panicking.
func (l *Lifecycle[S]) orEmpty() *Lifecycle[S] {
	if l == nil {
		return &Lifecycle[S]{}
	}
	return l
}

func (l *Lifecycle[S]) has(s S) bool {
	return l != nil && s.Valid() && s < 32 && l.members&(1<<s) != 0
}

// move is Transition; package functions that have checked a guard pass guardOK.
func (l *Lifecycle[S]) move(from, to S, guardOK bool) ([]Event, error) {
	if err := l.check(from, to, guardOK); err != nil {
		return nil, err
	}
	if e := l.enter[to]; e != 0 {
		return []Event{e}, nil
	}
	return nil, nil
}

func (l *Lifecycle[S]) check(from, to S, guardOK bool) error {
	for _, s := range [...]S{from, to} {
		if !s.Valid() {
			return apierr.Wrap(ErrUnknownStatus, apierr.InvalidFormat, "status",
				"%s is not a %s status", s, l.resource)
		}
	}
	te := func() *TransitionError {
		return &TransitionError{Resource: l.resource, From: from.String(), To: to.String()}
	}
	// A status of the right type that this lifecycle lacks, such as rejected for a data
	// requirement, is an invalid transition too; the terminal check comes before the
	// check of to, so that leaving a terminal state always matches ErrTerminal.
	switch {
	case !l.has(from):
		return transitionError(te(), "%s cannot go from %s to %s: %s has no state %s",
			l.resource, from, to, l.resource, from)
	case l.Terminal(from):
		e := te()
		e.Terminal = true
		return transitionError(e, "%s cannot go from %s to %s: %s is terminal",
			l.resource, from, to, from)
	case !l.has(to):
		return transitionError(te(), "%s cannot go from %s to %s: %s has no state %s",
			l.resource, from, to, l.resource, to)
	case !l.Allowed(from, to):
		return transitionError(te(), "%s cannot go from %s to %s; from %s it can go to %s",
			l.resource, from, to, from, orList(l.Next(from)))
	case !guardOK && l.guarded[from]&(1<<to) != 0:
		edge := l.edge(from, to)
		e := te()
		e.Guard = edge.Guard
		return transitionError(e, "%s goes from %s to %s only when %s, which %s checks",
			l.resource, from, to, edge.Guard, edge.Via)
	}
	return nil
}

func (l *Lifecycle[S]) edge(from, to S) Edge[S] {
	for _, e := range l.edges {
		if e.From == from && e.To == to {
			return e
		}
	}
	return Edge[S]{}
}

// orList renders "a", "a or b", "a, b or c".
func orList[S State](ss []S) string {
	var b strings.Builder
	for i, s := range ss {
		switch {
		case i == 0:
		case i == len(ss)-1:
			b.WriteString(" or ")
		default:
			b.WriteString(", ")
		}
		b.WriteString(s.String())
	}
	return b.String()
}

// Mermaid renders the lifecycle as a Mermaid stateDiagram-v2, derived from the table
// alone: "[*] --> initial" labelled with the creation events, one line per edge
// labelled with the event entering its target and, for a guarded edge, its guard in
// brackets, then "terminal --> [*]" for each terminal state. Lines are indented by four
// spaces and end in "\n".
func (l *Lifecycle[S]) Mermaid() string {
	if l == nil {
		return "stateDiagram-v2\n"
	}
	var b strings.Builder
	b.WriteString("stateDiagram-v2\n")
	b.WriteString("    [*] --> " + l.initial.String())
	for i, e := range l.created {
		if i == 0 {
			b.WriteString(" : ")
		} else {
			b.WriteString(", ")
		}
		b.WriteString(e.String())
	}
	b.WriteByte('\n')
	for _, e := range l.edges {
		b.WriteString("    " + e.From.String() + " --> " + e.To.String())
		label := ""
		if e.Event != 0 {
			label = e.Event.String()
		}
		if e.Guard != "" {
			if label != "" {
				label += " "
			}
			label += "[" + e.Guard + "]"
		}
		if label != "" {
			b.WriteString(" : " + label)
		}
		b.WriteByte('\n')
	}
	for _, s := range l.states {
		if l.Terminal(s) {
			b.WriteString("    " + s.String() + " --> [*]\n")
		}
	}
	return b.String()
}

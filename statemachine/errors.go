package statemachine

import (
	"errors"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/validation"
)

// Reason sentinels. Every error the package returns is a *apierr.Error whose Code
// says what the API answers; these finer causes sit in its chain, for errors.Is.
var (
	// ErrUnknownStatus: a status (or KYC kind) string or value outside its type's list.
	ErrUnknownStatus = errors.New("statemachine: unknown status")
	// ErrUnknownEvent: an event name or value outside the catalogue of 16.
	ErrUnknownEvent = errors.New("statemachine: unknown event")
	// ErrTerminal: a transition out of a terminal state (which absorbs).
	ErrTerminal = errors.New("statemachine: terminal state")
	// ErrGuarded: a transition the table allows only through a dedicated function that
	// checks its condition (a loan finishes only through its final payment).
	ErrGuarded = errors.New("statemachine: guarded transition")
)

// TransitionError is the cause inside every invalid_transition error: the resource and
// the two states involved, as wire strings. Read it with errors.As; the enclosing
// *apierr.Error carries Code invalid_transition (HTTP 409), Param "status" and a
// Detail that lists the states reachable from From.
//
//	var te *statemachine.TransitionError
//	if errors.As(err, &te) { log.Print(te.Resource, te.From, te.To) }
//
// To is empty when the refused action is not a move to a state (Action says what it
// was, such as "payment"). A TransitionError is not modified after it is returned.
type TransitionError struct {
	Resource validation.Resource
	From     string
	To       string
	// Action names a refused action that is not a state change ("payment"); empty for
	// a plain transition.
	Action string
	// Terminal is true when From is a terminal state; the error then matches
	// ErrTerminal.
	Terminal bool
	// Guard is the condition of a guarded edge (the error then matches ErrGuarded).
	Guard string
}

// Error returns "loan: finished -> active" (or "loan: payment in finished").
func (e *TransitionError) Error() string {
	if e == nil {
		return "<nil>"
	}
	if e.Action != "" {
		return e.Resource.String() + ": " + e.Action + " in " + e.From
	}
	return e.Resource.String() + ": " + e.From + " -> " + e.To
}

// Unwrap returns ErrTerminal or ErrGuarded when the error is one of those, else nil.
func (e *TransitionError) Unwrap() error {
	switch {
	case e == nil:
		return nil
	case e.Terminal:
		return ErrTerminal
	case e.Guard != "":
		return ErrGuarded
	}
	return nil
}

func transitionError(te *TransitionError, format string, args ...any) *apierr.Error {
	return apierr.Wrap(te, apierr.InvalidTransition, "status", format, args...)
}

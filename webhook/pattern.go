package webhook

import (
	"math/bits"
	"strconv"
	"strings"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/statemachine"
)

// Patterns is the compiled form of an endpoint's event patterns: the set of events it
// receives. It is a small value (a bit set over the catalogue of
// statemachine.Events()), comparable with ==. The zero value is the empty set, which
// matches nothing; AllEvents matches everything (what "*" and an empty pattern list
// mean).
type Patterns uint32

// AllEvents is the set of the whole catalogue of 16 events.
const AllEvents Patterns = 1<<16 - 1

// MaxPatterns is the longest pattern list ParsePatterns reads: there are 20 distinct
// patterns ("*", three "<resource>.*" and 16 event names), so a longer list only
// repeats itself.
const MaxPatterns = 100

// resourcePatterns are the `<resource>.*` patterns and their sets, from the catalogue.
var resourcePatterns = func() map[string]Patterns {
	m := map[string]Patterns{}
	for _, e := range statemachine.Events() {
		m[e.Resource().String()+".*"] |= bit(e)
	}
	return m
}()

func bit(e statemachine.Event) Patterns {
	if !e.Valid() {
		return 0
	}
	return 1 << (e - 1)
}

// PatternsOf returns the set of the given events; values that are not events are
// ignored.
func PatternsOf(events ...statemachine.Event) Patterns {
	var p Patterns
	for _, e := range events {
		p |= bit(e)
	}
	return p
}

// Match reports whether an endpoint subscribed to p receives e.
func (p Patterns) Match(e statemachine.Event) bool { return p&bit(e) != 0 }

// Len returns the number of events in p.
func (p Patterns) Len() int { return bits.OnesCount32(uint32(p & AllEvents)) }

// Events expands p into its events in catalogue order, in a new slice.
func (p Patterns) Events() []statemachine.Event {
	out := make([]statemachine.Event, 0, p.Len())
	for _, e := range statemachine.Events() {
		if p.Match(e) {
			out = append(out, e)
		}
	}
	return out
}

// String lists the events of p in catalogue order, comma-separated ("*" for
// AllEvents, "" for the empty set).
func (p Patterns) String() string {
	p &= AllEvents
	if p == AllEvents {
		return "*"
	}
	var b strings.Builder
	for _, e := range p.Events() {
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString(e.String())
	}
	return b.String()
}

// ParsePattern compiles one event pattern: "*", "customer.*", "credit_offer.*",
// "loan.*", or an exact event name from the catalogue. Matching is exact and
// case-sensitive; anything else (other wildcards, "loan", " loan.*", "LOAN.*", "") is
// an invalid_format error for param events wrapping ErrInvalidPattern that names the
// pattern (ParsePatterns names the item: events[1]).
func ParsePattern(p string) (Patterns, error) {
	return parsePattern(p, -1)
}

func parsePattern(p string, index int) (Patterns, error) {
	if p == "*" {
		return AllEvents, nil
	}
	if set, ok := resourcePatterns[p]; ok {
		return set, nil
	}
	if e, err := statemachine.ParseEvent(p); err == nil {
		return bit(e), nil
	}
	param := "events" // the path of the item in a list, as every decoder names a field
	if index >= 0 {
		param = "events[" + strconv.Itoa(index) + "]"
	}
	return 0, apierr.Wrap(ErrInvalidPattern, apierr.InvalidFormat, param,
		"%s: invalid event pattern %s; want \"*\", \"customer.*\", \"credit_offer.*\", "+
			"\"loan.*\" or an event name such as \"loan.created\"", param, apierr.Quote(p))
}

// ParsePatterns compiles an endpoint's pattern list (the events field of a webhook
// endpoint) into the set of events it receives. An empty (or nil) list means every
// event; repeated or overlapping patterns are allowed and simply unite. The first
// invalid pattern is reported as ParsePattern does, with its index; a list of more
// than MaxPatterns is invalid_format with apierr.ErrLength. The cost is linear in the
// list's total length.
func ParsePatterns(patterns []string) (Patterns, error) {
	if len(patterns) == 0 {
		return AllEvents, nil
	}
	if len(patterns) > MaxPatterns {
		return 0, apierr.Wrap(apierr.ErrLength, apierr.InvalidFormat, "events",
			"events has %d patterns; want at most %d", len(patterns), MaxPatterns)
	}
	var set Patterns
	for i, p := range patterns {
		ps, err := parsePattern(p, i)
		if err != nil {
			return 0, err
		}
		set |= ps
	}
	return set, nil
}

// MatchPatterns reports whether an endpoint with the given pattern list receives e:
// ParsePatterns followed by Match. Servers that deliver many events should compile the
// list once with ParsePatterns instead.
func MatchPatterns(patterns []string, e statemachine.Event) (bool, error) {
	set, err := ParsePatterns(patterns)
	if err != nil {
		return false, err
	}
	return set.Match(e), nil
}

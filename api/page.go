package api

import (
	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/validation"
)

// Page is one page of a cursor-paginated listing: the items after the cursor
// (starting_after, the ID of the last item the client saw) up to limit, and whether
// more follow.
//
// items is the whole collection in the listing's order (the caller sorts it; the API
// lists newest first), idOf gives an item's ID. The cursor is checked as
// validation.ParseStartingAfter checks it (an ID of resource r); one that is not an
// item of the collection is invalid_format with param starting_after — a stale
// cursor is the client's to fix, never silently an empty page. limit is taken as
// validation.ParseLimit returns it (1 to 100); anything else is value_out_of_range.
//
// Page does not copy the items; the returned slice aliases items. It costs one pass
// to find the cursor.
func Page[T any](items []T, idOf func(T) string, r validation.Resource, limit int, startingAfter string) (List[T], error) {
	if limit < 1 || limit > validation.MaxLimit {
		return List[T]{}, apierr.Wrap(apierr.ErrRange, apierr.ValueOutOfRange, "limit",
			"limit %d is out of range; expected an integer from 1 to %d", limit, validation.MaxLimit)
	}
	start := 0
	if startingAfter != "" {
		if _, err := validation.ParseStartingAfter(startingAfter, r); err != nil {
			return List[T]{}, err
		}
		start = -1
		for i, it := range items {
			if idOf(it) == startingAfter {
				start = i + 1
				break
			}
		}
		if start < 0 {
			return List[T]{}, apierr.Errorf(apierr.InvalidFormat, "starting_after",
				"starting_after %s is not an item of this listing", apierr.Quote(startingAfter))
		}
	}
	end := min(start+limit, len(items))
	return List[T]{Data: items[start:end], HasMore: end < len(items)}, nil
}

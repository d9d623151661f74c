package api

import (
	"strconv"
	"time"

	"github.com/shopspring/decimal"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/internal/strictjson"
	"github.com/dinie/lending/money"
	"github.com/dinie/lending/validation"
)

// APIVersion is the version of the API contract the wire layer speaks.
const APIVersion = "2026-03-01"

// BasePath is the path every endpoint of the API is under.
const BasePath = "/v3"

// Money is an amount on the wire, in cents: it marshals to the API's money string
// ("25000.00") and unmarshals only from one — a JSON number, a sign, an exponent or
// other than two decimal places is invalid_format. The zero value is 0.00.
type Money int64

// MoneyOf converts an exact decimal amount to Money; sub-cent digits or an amount
// outside the int64 range of cents are an error (money.ToCents).
func MoneyOf(d decimal.Decimal) (Money, error) {
	c, err := money.ToCents(d)
	return Money(c), err
}

// Decimal returns m as a decimal with two places.
func (m Money) Decimal() decimal.Decimal { return money.FromCents(int64(m)) }

// String returns the wire text, "1234.56".
func (m Money) String() string { return money.FormatCents(int64(m)) }

// MarshalJSON writes the money string.
func (m Money) MarshalJSON() ([]byte, error) {
	b := make([]byte, 0, 24)
	b = append(b, '"')
	b = money.AppendCents(b, int64(m))
	return append(b, '"'), nil
}

// UnmarshalJSON reads a money string (money.ParseCents), read with the shared
// strict reader (strictjson.Scalar); anything else is invalid_format with param
// "amount", which the decoders relabel with the field's path. On error m is
// unchanged.
func (m *Money) UnmarshalJSON(b []byte) error {
	v, err := strictjson.Scalar(b, "amount", strictjson.Limits{MaxString: money.MaxLen})
	if err != nil {
		return err
	}
	if v.Kind != strictjson.String {
		return apierr.Wrap(apierr.ErrSyntax, apierr.InvalidFormat, "amount",
			"amount must be a JSON string with two decimal places, like \"1234.56\"; a JSON number is refused")
	}
	c, err := money.ParseCents(v.Text)
	if err != nil {
		return err
	}
	*m = Money(c)
	return nil
}

// Instant is an instant on the wire: ISO 8601 in UTC, "2026-04-01T23:59:59Z" (with a
// fraction of a second only when it has one). The zero Instant marshals as null and
// null unmarshals to it, so optional instants (expires_at, paid_at) read naturally.
type Instant struct{ time.Time }

// InstantOf returns t as an Instant.
func InstantOf(t time.Time) Instant { return Instant{t} }

// MarshalJSON writes the instant in UTC, or null for the zero time. An instant whose
// UTC year is outside 1…9999 has no ISO 8601 form and is invalid_format.
func (t Instant) MarshalJSON() ([]byte, error) {
	if t.IsZero() {
		return []byte("null"), nil
	}
	u := t.UTC()
	if y, ok := wireYear(u); !ok {
		return nil, apierr.Wrap(apierr.ErrRange, apierr.InvalidFormat, "instant",
			"instant in year %d has no ISO 8601 form; expected years 1 to 9999", y)
	}
	b := make([]byte, 0, 32)
	b = append(b, '"')
	b = u.AppendFormat(b, time.RFC3339Nano)
	return append(b, '"'), nil
}

// UnmarshalJSON reads an instant as ParseInstant does, or null. Anything else is
// invalid_format with param "instant". On error t is unchanged.
func (t *Instant) UnmarshalJSON(b []byte) error {
	s, err := strictjson.Scalar(b, "instant", strictjson.Limits{MaxString: 64})
	if err != nil {
		return err
	}
	if s.Kind == strictjson.Null {
		*t = Instant{}
		return nil
	}
	if s.Kind != strictjson.String {
		return apierr.Wrap(apierr.ErrSyntax, apierr.InvalidFormat, "instant",
			"instant must be a JSON string in RFC 3339, like \"2026-04-01T23:59:59Z\"")
	}
	v, err := ParseInstant(s.Text)
	if err != nil {
		return err
	}
	*t = Instant{v}
	return nil
}

// ParseInstant reads an RFC 3339 instant (§5.6, date-time): "2026-04-01T23:59:59Z",
// with an optional fraction of 1 to 9 digits after a '.', and "Z" or an offset ±hh:mm
// with hh at most 23. The instant, in UTC, must fall in years 1 to 9999, the ones
// MarshalJSON can write back, and must not be 0001-01-01T00:00:00Z, the zero time,
// which MarshalJSON writes as null (an expires_at sent as that instant would
// otherwise come back as "never").
//
// It is stricter than time.Parse with time.RFC3339, which also takes a one-digit hour
// ("T9:00:00Z"), a comma before the fraction and offsets of 24 hours or more; RFC 3339
// takes none of them, and a value the wire cannot write back must not be read.
// Failures are invalid_format with param "instant" (ErrSyntax for the shape,
// ErrRange for a value out of range).
func ParseInstant(s string) (time.Time, error) {
	if !rfc3339Shape(s) {
		return time.Time{}, apierr.Wrap(apierr.ErrSyntax, apierr.InvalidFormat, "instant",
			"instant %s is not RFC 3339; expected a value like \"2026-04-01T23:59:59Z\"", apierr.Quote(s))
	}
	v, err := time.Parse(time.RFC3339, s)
	if err != nil {
		// The shape is right, so a field is out of range (month 13, hour 24, …).
		return time.Time{}, apierr.Wrap(apierr.ErrRange, apierr.InvalidFormat, "instant",
			"instant %s is not a real instant; expected a value like \"2026-04-01T23:59:59Z\"", apierr.Quote(s))
	}
	if y, ok := wireYear(v); !ok {
		return time.Time{}, apierr.Wrap(apierr.ErrRange, apierr.InvalidFormat, "instant",
			"instant %s is in year %d in UTC; expected years 1 to 9999", apierr.Quote(s), y)
	}
	if v.IsZero() {
		return time.Time{}, apierr.Wrap(apierr.ErrRange, apierr.InvalidFormat, "instant",
			"instant %s is the zero time, which the wire writes as null; expected a later instant", apierr.Quote(s))
	}
	return v, nil
}

// wireYear returns t's year in UTC and whether the wire can write it: ISO 8601's
// four-digit years 1 to 9999. MarshalJSON and ParseInstant share it, so that what
// is read can be written.
func wireYear(t time.Time) (int, bool) {
	y := t.UTC().Year()
	return y, 1 <= y && y <= 9999
}

// rfc3339Shape reports whether s is laid out as an RFC 3339 date-time with an
// uppercase T and Z: digits where digits go, separators where they go, the offset's
// hour at most 23 and its minute at most 59. Ranges of the other fields are
// time.Parse's to check.
func rfc3339Shape(s string) bool {
	const head = "dddd-dd-ddTdd:dd:dd"
	if len(s) < len(head)+1 {
		return false
	}
	for i := 0; i < len(head); i++ {
		if head[i] == 'd' {
			if s[i] < '0' || s[i] > '9' {
				return false
			}
		} else if s[i] != head[i] {
			return false
		}
	}
	rest := s[len(head):]
	if rest[0] == '.' {
		n := 1
		for n < len(rest) && rest[n] >= '0' && rest[n] <= '9' {
			n++
		}
		if n == 1 || n > 10 {
			return false
		}
		rest = rest[n:]
	}
	if rest == "Z" {
		return true
	}
	if len(rest) != 6 || (rest[0] != '+' && rest[0] != '-') || rest[3] != ':' {
		return false
	}
	for _, i := range [4]int{1, 2, 4, 5} {
		if rest[i] < '0' || rest[i] > '9' {
			return false
		}
	}
	return (rest[1]-'0')*10+(rest[2]-'0') <= 23 && (rest[4]-'0')*10+(rest[5]-'0') <= 59
}

// List is the envelope of every listing: {"data": [...], "has_more": bool}.
type List[T any] struct {
	Data    []T  `json:"data"`
	HasMore bool `json:"has_more"`
}

// MarshalJSON writes an empty data array, never null, for an empty page. A list of
// transactions, the longest list a server answers often, is appended directly from
// each transaction's own AppendJSON (what encoding/json would write, without its
// second pass over every item); each must have its tx_ id, else the list is
// invalid_format (param data[k].id).
func (l List[T]) MarshalJSON() ([]byte, error) {
	type plain List[T]
	if l.Data == nil {
		l.Data = []T{}
	}
	if txs, ok := any(l.Data).([]Transaction); ok {
		return appendTransactions(txs, l.HasMore)
	}
	return jsonMarshal(plain(l))
}

// appendTransactions writes a list of transactions; each must carry its tx_ id
// (TransactionsOf sets them), else the list is invalid_format with param data[k].id.
func appendTransactions(txs []Transaction, more bool) ([]byte, error) {
	n := 32
	for i := range txs {
		if err := validation.CheckID(txs[i].ID, validation.Transaction); err != nil {
			return nil, apierr.Relabel(err, "data["+strconv.Itoa(i)+"].id")
		}
		n += 640 + 256*len(txs[i].Payments)
	}
	b := append(make([]byte, 0, n), `{"data":[`...)
	for i := range txs {
		if i > 0 {
			b = append(b, ',')
		}
		b = txs[i].AppendJSON(b)
	}
	b = append(b, `],"has_more":`...)
	b = strconv.AppendBool(b, more)
	return append(b, '}'), nil
}

func appendTrimmed(b []byte, v int64, places int) []byte { return money.AppendTrimmed(b, v, places) }

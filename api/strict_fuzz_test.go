package api_test

import (
	"math"
	"math/big"
	"regexp"
	"testing"
	"time"

	"github.com/dinie/lending/api"
	"github.com/dinie/lending/internal/strictjson/jsonref"
)

var moneyRE = regexp.MustCompile(`^[0-9]+\.[0-9]{2}$`)

// FuzzMoneyUnmarshalStrict: differential of Money's decoder against the
// reference (jsonref reads one JSON string, the wire regexp and big.Int read
// the amount): the same texts accepted, to the same cents; a JSON number is
// refused.
func FuzzMoneyUnmarshalStrict(f *testing.F) {
	for _, s := range []string{`"25000.00"`, `25000.00`, `"100000000000000000.00"`, `"92233720368547758.07"`, `"92233720368547758.08"`,
		`"1.5"`, ` "0.00" `, `"\u0031.00"`, `null`, `"-1.00"`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		m := api.Money(-7)
		err := m.UnmarshalJSON(data)
		kind, text := jsonref.Scalar(data, 1024)
		ok := kind == "string" && moneyRE.MatchString(text)
		var want *big.Int
		if ok {
			want, _ = new(big.Int).SetString(text[:len(text)-3]+text[len(text)-2:], 10)
			ok = want.Cmp(big.NewInt(math.MaxInt64)) <= 0
		}
		if ok != (err == nil) || ok && int64(m) != want.Int64() || !ok && m != -7 {
			t.Fatalf("UnmarshalJSON(%q) = %d, %v; reference accepts %v (%v)", data, m, err, ok, want)
		}
	})
}

// instantRE is RFC 3339 §5.6's date-time as the wire takes it, transcribed from
// the grammar: full-date "T" partial-time time-offset, time-secfrac of 1 to 9
// digits (the wire has nanoseconds), time-numoffset hours 00 to 23.
var instantRE = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,9})?(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])$`)

// refInstant is the slow reference of api.ParseInstant: the grammar's regexp, then
// time.Parse for the fields' ranges, then the years the wire can write (1 to 9999
// in UTC) and not the zero time, which the wire writes as null.
func refInstant(s string) (time.Time, bool) {
	if !instantRE.MatchString(s) {
		return time.Time{}, false
	}
	t, err := time.Parse(time.RFC3339, s)
	if y := t.UTC().Year(); err != nil || y < 1 || y > 9999 || t.IsZero() {
		return time.Time{}, false
	}
	return t, true
}

// FuzzInstantUnmarshalStrict: differential of Instant's decoder against the
// reference (jsonref reads one JSON string, refInstant reads the instant); null
// is the zero Instant.
func FuzzInstantUnmarshalStrict(f *testing.F) {
	for _, s := range []string{`"2026-04-01T23:59:59Z"`, `"2026-04-01T23:59:59.5-03:00"`, `null`, `"10000-01-01T00:00:00Z"`, `1`, ` "2026-04-01T23:59:59Z" `,
		`"0000-01-01T0:00:00Z"`, `"0001-01-01T00:00:00Z"`, `"2026-04-01T10:00:00+24:00"`, `"2026-04-01T10:00:00,5Z"`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var in api.Instant
		err := in.UnmarshalJSON(data)
		kind, text := jsonref.Scalar(data, 64)
		if kind == "null" {
			if err != nil || !in.IsZero() {
				t.Fatalf("UnmarshalJSON(%q) = %v, %v", data, in, err)
			}
			return
		}
		want, ok := refInstant(text)
		ok = ok && kind == "string"
		if ok != (err == nil) || ok && !in.Equal(want) {
			t.Fatalf("UnmarshalJSON(%q) = %v, %v; reference %v, %v", data, in, err, want, ok)
		}
	})
}

// FuzzDecodeStrict: differential of DecodeBytes against the reference reader
// on every request body the API receives (simulation, loan, customer, credential,
// webhook endpoint, secret rotation): a body the reference refuses is refused, an accepted
// one has only the request's keys, exactly as written.
func FuzzDecodeStrict(f *testing.F) {
	for _, s := range []string{`{"requested_amount":"5000.00","installment_count":6}`,
		`{"requested_amount":"5000.00","requested_amount":"1.00","installment_count":6}`,
		`{"Requested_Amount":"5000.00","installment_count":6}`, `{"requested_amount":5000,"installment_count":6}`,
		`{"credit_offer_id":"co_1","simulation_id":"sim_1","installments":6,"installments_value":"1.00","first_due_date":"0001-01-01"}`,
		`{"cpf":"52998224725","cpf":"28001238938"}`, `{"cpf":"52998224725","CNPJ":"11222333000181"}`, `{"name":"ci","expires_at":"2027-01-01T00:00:00Z"}`,
		`{"url":"https://p.example","events":["loan.*"],"Events":[]}`, `{"expire_current_in":3600,"expire_current_in":0}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		_, class, paths := jsonref.Parse(data)
		var sr api.SimulationRequest
		if err := api.DecodeBytes(data, &sr); err == nil {
			if class != jsonref.OK || jsonref.Subset(paths, []string{"requested_amount", "installment_count"}) != "" {
				t.Fatalf("DecodeBytes(%q) accepted a simulation request; reference %s, keys %q", data, class, paths)
			}
		}
		for _, c := range []struct {
			name string
			v    any
			keys []string
		}{
			{"loan request", &api.LoanRequest{}, []string{"credit_offer_id", "simulation_id", "installments", "installments_value", "first_due_date"}},
			{"customer", &api.CustomerFields{}, []string{"cpf", "cnpj", "name", "email", "phone", "trading_name", "external_id"}},
			{"credential request", &api.CredentialRequest{}, []string{"name", "expires_at"}},
			{"webhook endpoint", &api.WebhookEndpointFields{}, []string{"url", "events", "description", "status"}},
			{"secret rotation", &api.RotateSecretRequest{}, []string{"expire_current_in"}},
		} {
			if err := api.DecodeBytes(data, c.v); err == nil {
				if class != jsonref.OK || jsonref.Subset(paths, c.keys) != "" {
					t.Fatalf("DecodeBytes(%q) accepted a %s; reference %s, keys %q", data, c.name, class, paths)
				}
			}
		}
	})
}

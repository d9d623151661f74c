package api_test

import (
	"strings"
	"testing"

	"github.com/dinie/lending/api"
	"github.com/dinie/lending/apierr"
)

// TestDecodeStrict: DecodeBytes's rules through the shared strict reader, each
// row with the problem a server answers — its code, param and the params of
// errors[] — as docs/api.md §6 states them.
func TestDecodeStrict(t *testing.T) {
	const ok = `"credit_offer_id":"co_1","simulation_id":"sim_1","installments":6,"installments_value":"900.00","first_due_date":"2026-05-10"`
	for _, c := range []struct {
		name, body string
		code       apierr.Code
		params     []string // errors[]' params; nil: accepted
	}{
		{"accepted", `{` + ok + `}`, "", nil},
		{"a key given twice", `{` + ok + `,"installments":12}`, apierr.InvalidFormat, []string{"installments"}},
		{"keys differing only in case", `{` + ok + `,"Installments":12}`, apierr.InvalidFormat, []string{"Installments"}},
		{"a key in another case only", `{"INSTALLMENTS":6}`, apierr.InvalidFormat, []string{"INSTALLMENTS"}},
		{"an unknown key", `{` + ok + `,"x":1}`, apierr.InvalidFormat, []string{"x"}},
		{"money as a JSON number", `{"installments_value":900.00}`, apierr.InvalidFormat, []string{"installments_value"}},
		{"the zero date given", `{"first_due_date":"0001-01-01"}`, apierr.DateOutOfRange, []string{"first_due_date"}},
		{"a string over its bound", `{"credit_offer_id":"` + strings.Repeat("c", 5000) + `"}`, apierr.InvalidFormat, []string{"credit_offer_id"}},
		{"an integer of 10,000 digits", `{"installments":1` + strings.Repeat("0", 10000) + `}`, apierr.ValueOutOfRange, []string{"installments"}},
		{"a count with a fraction", `{"installments":6.0}`, apierr.InvalidFormat, []string{"installments"}},
		{"several gathered", `{"installments":"6","installments_value":1,"first_due_date":"2026-02-30","y":null}`, apierr.InvalidFormat,
			[]string{"installments", "installments_value", "first_due_date", "y"}},
		{"malformed", `{"installments":6,}`, apierr.MalformedBody, []string{""}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var r api.LoanRequest
			err := api.DecodeBytes([]byte(c.body), &r)
			if c.params == nil {
				if err != nil {
					t.Fatalf("DecodeBytes = %v", err)
				}
				return
			}
			p := api.NewProblem(err)
			var got []string
			for _, e := range p.Errors {
				got = append(got, e.Param)
			}
			if len(p.Errors) == 0 {
				got = []string{p.Param}
			}
			if p.Code != c.code || strings.Join(got, ",") != strings.Join(c.params, ",") {
				t.Fatalf("problem %s %q, errors %q (%v); want %s, %q", p.Code, p.Param, got, err, c.code, c.params)
			}
			if len(p.Detail) > 400 {
				t.Errorf("detail of %d bytes echoes the input", len(p.Detail))
			}
		})
	}
}

package errorpaths_test

import (
	"strings"
	"time"

	"github.com/dinie/lending/api"
	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/statemachine"
	"github.com/dinie/lending/validation"
)

// api's docs of Decode, the request types and the tokens give these. Decode
// gathers every field's error in an apierr.Errors; errors.As then finds the
// first, whose param is the field's JSON path.
func init() {
	tables["api"] = func() []row {
		key := []byte(strings.Repeat("k", 32))
		at := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
		token, _ := api.IssueAccessToken(key, "dinie_ci_"+strings.Repeat("d", 32), at)
		str := func(s string) *string { return &s }
		n := func(i int) *int { return &i }
		var m api.Money
		var inst api.Instant
		decode := func(body string, v any) func() error { return func() error { return api.DecodeBytes([]byte(body), v) } }
		return []row{
			{"DecodeBytes(empty)", decode("", &api.SimulationRequest{}), apierr.MalformedBody, "", nil},
			{"DecodeBytes(not JSON)", decode("{", &api.SimulationRequest{}), apierr.MalformedBody, "", nil},
			{"DecodeBytes(trailing data)", decode(`{}{}`, &api.SimulationRequest{}), apierr.MalformedBody, "", nil},
			{"DecodeBytes(money as a number)", decode(`{"requested_amount":100.00,"installment_count":12}`, &api.SimulationRequest{}), apierr.InvalidFormat, "requested_amount", nil},
			{"DecodeBytes(count as a string)", decode(`{"requested_amount":"100.00","installment_count":"12"}`, &api.SimulationRequest{}), apierr.InvalidFormat, "installment_count", nil},
			{"DecodeBytes(unknown field)", decode(`{"requested_amount":"100.00","installment_count":12,"x":1}`, &api.SimulationRequest{}), apierr.InvalidFormat, "x", nil},
			{"DecodeBytes(date 2026-02-30)", decode(`{"first_due_date":"2026-02-30"}`, &api.LoanRequest{}), apierr.InvalidFormat, "first_due_date", nil},
			{"DecodeBytes(over MaxBodyBytes)", decode(`{"x":"`+strings.Repeat("a", api.MaxBodyBytes)+`"}`, &api.SimulationRequest{}), apierr.MalformedBody, "", nil},
			{"SimulationRequest{}.Request", func() error { return err2(api.SimulationRequest{}.Request()) }, apierr.MissingRequiredField, "requested_amount", nil},
			{"LoanRequest{}.Terms", func() error { return err3(api.LoanRequest{}.Terms()) }, apierr.MissingRequiredField, "credit_offer_id", nil},
			{"LoanRequest(simulation_id of a loan).Terms", func() error {
				return err3(api.LoanRequest{CreditOfferID: str("co_" + strings.Repeat("e", 32)), SimulationID: str("ln_" + strings.Repeat("e", 32)),
					Installments: n(12)}.Terms())
			}, apierr.InvalidFormat, "simulation_id", nil},
			{"CustomerFields{}.Parse(create)", func() error { return err2(api.CustomerFields{}.Parse(true)) }, apierr.MissingRequiredField, "cpf", nil},
			{"CustomerFields{CPF: bad}.Parse", func() error {
				return err2(api.CustomerFields{CPF: str("28001238939"), Name: str("Ana"), Email: str("a@example.com"), Phone: str("11912345678")}.Parse(true))
			}, apierr.InvalidCPF, "cpf", nil},
			{"CheckName(\"\")", func() error { return api.CheckName("name", "") }, apierr.InvalidFormat, "name", nil},
			{"CheckName(control character)", func() error { return api.CheckName("trading_name", "Ana\x00") }, apierr.InvalidFormat, "trading_name", nil},
			{"MoneyOf(1e2147483647)", func() error { return err2(api.MoneyOf(decHuge)) }, apierr.AmountOutOfRange, "amount", nil},
			{"MoneyOf(1.005)", func() error { return err2(api.MoneyOf(mustDecimal("1.005"))) }, apierr.InvalidFormat, "amount", nil},
			{"Money.UnmarshalJSON(number)", func() error { return m.UnmarshalJSON([]byte("1.00")) }, apierr.InvalidFormat, "amount", nil},
			{"ParseInstant(one-digit hour)", func() error { return err2(api.ParseInstant("2026-03-10T9:00:00Z")) }, apierr.InvalidFormat, "instant", apierr.ErrSyntax},
			{"ParseInstant(year 0 in UTC)", func() error { return err2(api.ParseInstant("0001-01-01T00:30:00+01:00")) }, apierr.InvalidFormat, "instant", apierr.ErrRange},
			{"Instant.UnmarshalJSON(year 0)", func() error { return inst.UnmarshalJSON([]byte(`"0000-01-01T00:00:00Z"`)) }, apierr.InvalidFormat, "instant", apierr.ErrRange},
			{"Instant.UnmarshalJSON(date only)", func() error { return inst.UnmarshalJSON([]byte(`"2026-03-10"`)) }, apierr.InvalidFormat, "instant", nil},
			{"ParseAccessToken(wrong key)", func() error { return err3(api.ParseAccessToken([]byte(strings.Repeat("x", 32)), token)) }, apierr.InvalidToken, "authorization", nil},
			{"ParseAccessToken(\"\")", func() error { return err3(api.ParseAccessToken(key, "")) }, apierr.MissingToken, "authorization", nil},
			{"ParseAccessToken(1 MiB)", func() error { return err3(api.ParseAccessToken(key, "dinie_at_"+strings.Repeat("a", 1<<20))) }, apierr.InvalidToken, "authorization", nil},
			{"IssueAccessToken(short key)", func() error { return err2(api.IssueAccessToken([]byte("k"), "dinie_ci_x", at)) }, apierr.Internal, "", nil},
			{"NewID(zero resource)", func() error {
				return err2(api.NewID(validation.Resource(0), strings.NewReader(strings.Repeat("r", 64))))
			}, apierr.InvalidFormat, "resource", nil},
			{"Page(limit 0)", func() error {
				return err2(api.Page([]string{"a"}, func(s string) string { return s }, validation.Customer, 0, ""))
			}, apierr.ValueOutOfRange, "limit", nil},
			{"Page(cursor of another resource)", func() error {
				return err2(api.Page([]string{"a"}, func(s string) string { return s }, validation.Customer, 10, "ln_"+strings.Repeat("f", 32)))
			}, apierr.InvalidFormat, "starting_after", nil},
			{"CreditOfferOf(zero offer)", func() error { return err2(api.CreditOfferOf(statemachine.Offer{})) }, "", "status", nil},
			{"LoanOf(no simulation)", func() error { return err2(api.LoanOf(api.LoanRecord{})) }, apierr.InvalidFormat, "simulation", nil},
		}
	}
}

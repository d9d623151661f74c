package schedule

import (
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/calendar"
	"github.com/dinie/lending/internal/strictjson"
	"github.com/dinie/lending/money"
)

// MarshalJSON writes the row as (the one row of ExampleSchedule_MarshalJSON:
// 1,000.20 at 2.5 % for one period, 1,000.20 × 1.025 = 1,025.205 → 1,025.21)
//
//	{"number":1,"nominal_date":"2026-04-10","due_date":"2026-04-10","interest_time":30,
//	 "payment":"1025.21","interest":"25.01","principal":"1000.20","balance":"0.00"}
//
// with money rounded half-up to cents (a Row from a Schedule is always whole
// cents, so nothing is rounded), dates as YYYY-MM-DD and interest_time the
// integer T_k in the day count's units (Plan.InterestTime).
//
// Errors: a money field outside the library's bounds on decimals
// (apierr.CheckBounds: more than apierr.MaxDigits digits or an exponent beyond
// ±apierr.MaxExponent, as in Row{Payment: decimal.New(1, math.MaxInt32)}) is
// amount_out_of_range with the field's key as param; nothing is expanded.
func (r Row) MarshalJSON() ([]byte, error) {
	for _, f := range [...]struct {
		d     decimal.Decimal
		param string
	}{{r.Payment, "payment"}, {r.Interest, "interest"}, {r.Principal, "principal"}, {r.Balance, "balance"}} {
		if err := apierr.CheckBounds(f.d, apierr.AmountOutOfRange, f.param); err != nil {
			return nil, err
		}
	}
	b := make([]byte, 0, 224)
	b = append(b, `{"number":`...)
	b = strconv.AppendInt(b, int64(r.Number), 10)
	b = appendDate(b, `,"nominal_date":`, r.NominalDate)
	b = appendDate(b, `,"due_date":`, r.DueDate)
	b = append(b, `,"interest_time":`...)
	b = strconv.AppendInt(b, int64(r.InterestTime), 10)
	b = appendMoney(b, `,"payment":`, money.Format(r.Payment))
	b = appendMoney(b, `,"interest":`, money.Format(r.Interest))
	b = appendMoney(b, `,"principal":`, money.Format(r.Principal))
	b = appendMoney(b, `,"balance":`, money.Format(r.Balance))
	return append(b, '}'), nil
}

// MarshalJSON writes the row as Row.MarshalJSON does, from cents.
func (c CentsRow) MarshalJSON() ([]byte, error) {
	return c.AppendJSON(make([]byte, 0, 224)), nil
}

// AppendJSON appends what MarshalJSON writes to b and returns the extended
// buffer, for writers that put rows inside a larger JSON document (the schedule's
// and the simulation's). It never fails and allocates only if b lacks capacity
// (224 bytes always suffice).
func (c CentsRow) AppendJSON(b []byte) []byte {
	b = append(b, `{"number":`...)
	b = strconv.AppendInt(b, int64(c.Number), 10)
	b = appendDate(b, `,"nominal_date":`, c.NominalDate)
	b = appendDate(b, `,"due_date":`, c.DueDate)
	b = append(b, `,"interest_time":`...)
	b = strconv.AppendInt(b, int64(c.InterestTime), 10)
	b = appendCents(b, `,"payment":`, c.Payment)
	b = appendCents(b, `,"interest":`, c.Interest)
	b = appendCents(b, `,"principal":`, c.Principal)
	b = appendCents(b, `,"balance":`, c.Balance)
	return append(b, '}')
}

func appendDate(b []byte, key string, d calendar.Date) []byte {
	b = append(b, key...)
	b = append(b, '"')
	b, _ = d.AppendText(b) // never fails
	return append(b, '"')
}

func appendCents(b []byte, key string, c int64) []byte {
	b = append(b, key...)
	b = append(b, '"')
	b = money.AppendCents(b, c)
	return append(b, '"')
}

func appendMoney(b []byte, key, s string) []byte {
	b = append(b, key...)
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

// rowJSON is the wire shape of a Row, for decoding.
type rowJSON struct {
	Number      int           `json:"number" strict:"required"`
	NominalDate calendar.Date `json:"nominal_date" strict:"required"`
	DueDate     calendar.Date `json:"due_date" strict:"required"`
	Time        int           `json:"interest_time" strict:"required"`
	Payment     string        `json:"payment" strict:"required"`
	Interest    string        `json:"interest" strict:"required"`
	Principal   string        `json:"principal" strict:"required"`
	Balance     string        `json:"balance" strict:"required"`
}

// UnmarshalJSON reads what MarshalJSON writes, with the shared strict reader
// (strictjson: every key exactly once, exact case, no unknown key, every key
// required). Money must be in the wire format (a leading '-' is accepted, for a
// negative amortization); an error is an *apierr.Error (or apierr.Errors) with
// the field's name as Param. On error r is unchanged.
func (r *Row) UnmarshalJSON(data []byte) error {
	var w rowJSON
	if err := strictjson.Unmarshal(data, &w); err != nil {
		return err
	}
	var v Row
	v.Number, v.NominalDate, v.DueDate, v.InterestTime = w.Number, w.NominalDate, w.DueDate, w.Time
	for _, f := range [...]struct {
		name string
		s    string
		dst  *decimal.Decimal
	}{
		{"payment", w.Payment, &v.Payment},
		{"interest", w.Interest, &v.Interest},
		{"principal", w.Principal, &v.Principal},
		{"balance", w.Balance, &v.Balance},
	} {
		s, neg := f.s, false
		if len(s) > 0 && s[0] == '-' {
			s, neg = s[1:], true
		}
		d, err := money.Parse(s)
		if err != nil {
			return apierr.Relabel(err, f.name)
		}
		if neg {
			d = d.Neg()
		}
		*f.dst = d
	}
	*r = v
	return nil
}

// MarshalJSON writes the schedule as one object with the keys principal,
// interest_rate, annual_interest_rate, rate_per, day_count, roll, release_date,
// installment_count, grace, amortization, installment, total_payments,
// total_interest, total_principal and rows (each row as Row marshals it);
// ExampleSchedule_MarshalJSON shows a whole one.
//
// interest_rate is a JSON number of percent per month, as the API carries it,
// and annual_interest_rate one of percent per year; rate_per ("month" or
// "year") says which of the two the contract states, exactly, the other being
// its equivalent rounded to 10 places (Plan.Rate, Plan.AnnualRate).
// installment is the regular installment: Price's PMT, or SAC's first
// amortizing installment.
//
// The zero Schedule, which no constructor returns, is an error.
func (s *Schedule) MarshalJSON() ([]byte, error) {
	if s == nil {
		return nil, apierr.NilReceiver("*schedule.Schedule")
	}
	if s.plan == nil {
		return nil, apierr.Wrap(apierr.ErrEmpty, apierr.MissingRequiredField, "schedule",
			"MarshalJSON of the zero Schedule; build one with New or Plan.Schedule")
	}
	b := make([]byte, 0, 420+212*len(s.rows))
	b = appendCents(b, `{"principal":`, s.principal)
	b = append(b, `,"interest_rate":`...)
	b = s.plan.rate.appendText(b)
	b = append(b, `,"annual_interest_rate":`...)
	b, _ = s.plan.AnnualRate().AppendText(b)
	if s.plan.perYear {
		b = append(b, `,"rate_per":"year"`...)
	} else {
		b = append(b, `,"rate_per":"month"`...)
	}
	b = append(b, `,"day_count":"`...)
	b = append(b, s.plan.dayCount.String()...)
	b = append(b, `","roll":"`...)
	b = append(b, s.plan.roll.String()...)
	b = append(b, '"')
	b = appendDate(b, `,"release_date":`, s.plan.release)
	b = append(b, `,"installment_count":`...)
	b = strconv.AppendInt(b, int64(len(s.rows)), 10)
	b = append(b, `,"grace":`...)
	b = strconv.AppendInt(b, int64(s.plan.grace), 10)
	b = append(b, `,"amortization":"`...)
	b = append(b, s.plan.amort.String()...)
	b = append(b, '"')
	b = appendCents(b, `,"installment":`, s.pmt)
	b = appendCents(b, `,"total_payments":`, s.TotalPaymentsCents())
	b = appendCents(b, `,"total_interest":`, s.totalInterest)
	b = appendCents(b, `,"total_principal":`, s.principal)
	b = append(b, `,"rows":[`...)
	for k := range s.rows {
		if k > 0 {
			b = append(b, ',')
		}
		b = s.CentsRow(k + 1).AppendJSON(b)
	}
	return append(b, "]}"...), nil
}

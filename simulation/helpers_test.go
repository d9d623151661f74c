package simulation_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/calendar"
	"github.com/dinie/lending/iof"
	"github.com/dinie/lending/money"
	"github.com/dinie/lending/schedule"
	"github.com/dinie/lending/simulation"
	"github.com/dinie/lending/statemachine"
)

// caseInput is a simulation's input in the golden corpus: the keys of
// `lending simulate --batch` (money as strings, counts and rates as JSON
// numbers), with the same defaults.
type caseInput struct {
	Amount             string      `json:"amount"`
	Installments       int         `json:"installments"`
	Rate               json.Number `json:"rate"`
	Release            string      `json:"release"`
	Now                string      `json:"now"`
	FirstDue           string      `json:"first_due,omitempty"`
	Borrower           string      `json:"borrower,omitempty"`
	Charges            string      `json:"charges,omitempty"`
	FeeFixed           string      `json:"fee_fixed,omitempty"`
	FeePercent         json.Number `json:"fee_percent,omitempty"`
	DayCount           string      `json:"day_count,omitempty"`
	Roll               string      `json:"roll,omitempty"`
	MinAmount          string      `json:"min_amount,omitempty"`
	MaxAmount          string      `json:"max_amount,omitempty"`
	FirstPeriodMaxDays int         `json:"first_period_max_days,omitempty"`
}

// testNow is the instant of the simulations the tests build themselves; the offer is
// valid until it. Corpus cases give their own instant ("now").
var testNow = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

func (c caseInput) withDefaults() caseInput {
	def := func(s *string, v string) {
		if *s == "" {
			*s = v
		}
	}
	def(&c.Borrower, "mei")
	def(&c.Charges, "deducted")
	def(&c.DayCount, "monthly")
	def(&c.Roll, "following")
	def(&c.MinAmount, "1.00")
	def(&c.MaxAmount, "1000000000.00")
	def(&c.FeeFixed, "0.00")
	if c.FeePercent == "" {
		c.FeePercent = "0"
	}
	return c
}

// library turns a case input into the library's offer, request and options,
// as the CLI does: an available offer valid until now, any count from 1 to 420.
func (c caseInput) library() (statemachine.Offer, simulation.Request, simulation.Options, error) {
	c = c.withDefaults()
	var o statemachine.Offer
	var opts simulation.Options
	var err error
	if o.InterestRate, err = schedule.ParsePercentPerMonth(c.Rate.String()); err != nil {
		return o, simulation.Request{}, opts, err
	}
	req, err := simulation.ParseRequest(c.Amount, c.Installments)
	if err != nil {
		return o, req, opts, err
	}
	// Without a "now", the simulation is made on its release day, 09:00 in São Paulo.
	now := testNow
	if d, derr := calendar.ParseDate(c.Release); derr == nil {
		y, m, dd := d.Date()
		now = time.Date(y, m, dd, 12, 0, 0, 0, time.UTC)
	}
	if c.Now != "" {
		if now, err = time.Parse(time.RFC3339, c.Now); err != nil {
			return o, req, opts, err
		}
	}
	o.Status = statemachine.OfferAvailable
	o.ValidUntil = now
	o.MinInstallments, o.MaxInstallments = 1, 420
	if o.ApprovedAmount, err = money.Parse(c.MaxAmount); err != nil {
		return o, req, opts, err
	}
	if o.MinAmount, err = money.Parse(c.MinAmount); err != nil {
		return o, req, opts, err
	}
	if o.FeeFixed, err = money.Parse(c.FeeFixed); err != nil {
		return o, req, opts, err
	}
	if o.FeePercent, err = decimal.NewFromString(c.FeePercent.String()); err != nil {
		return o, req, opts, err
	}
	if o.BorrowerClass, err = iof.ParseClass(c.Borrower); err != nil {
		return o, req, opts, err
	}
	opts.Now = now
	if opts.Release, err = calendar.ParseDate(c.Release); err != nil {
		return o, req, opts, err
	}
	if c.FirstDue != "" {
		if opts.FirstDue, err = calendar.ParseDate(c.FirstDue); err != nil {
			return o, req, opts, err
		}
	}
	if opts.Roll, err = calendar.ParseRoll(c.Roll); err != nil {
		return o, req, opts, err
	}
	if opts.DayCount, err = schedule.ParseDayCount(c.DayCount); err != nil {
		return o, req, opts, err
	}
	if opts.Charges, err = simulation.ParseCharges(c.Charges); err != nil {
		return o, req, opts, err
	}
	opts.FirstPeriodMaxDays = c.FirstPeriodMaxDays
	return o, req, opts, nil
}

// reference turns a case input into the reference's input, reading the text
// with its own parsers (big.Rat, time.Parse).
func (c caseInput) reference() refInput {
	c = c.withDefaults()
	date := func(s string) time.Time {
		if s == "" {
			return time.Time{}
		}
		t, err := time.Parse("2006-01-02", s)
		if err != nil {
			panic(err)
		}
		return t
	}
	return refInput{
		requested: refCents(c.Amount), n: c.Installments, ratePct: mustRat(c.Rate.String()),
		release: date(c.Release), firstDue: date(c.FirstDue), roll: c.Roll, dayCount: c.DayCount,
		class: c.Borrower, charges: c.Charges, feeFixed: refCents(c.FeeFixed), feePct: mustRat(c.FeePercent.String()),
		firstPeriodMax: c.FirstPeriodMaxDays, minAmount: refCents(c.MinAmount), maxAmount: refCents(c.MaxAmount),
	}
}

// refCents reads "1234.56" as cents with big.Rat.
func refCents(s string) int64 {
	r := new(big.Rat).Mul(mustRat(s), big.NewRat(100, 1))
	if !r.IsInt() {
		panic("not cents: " + s)
	}
	return r.Num().Int64()
}

// diffRef compares a simulation (or its error) with the reference and returns
// the differences, field by field.
func diffRef(s *simulation.Simulation, err error, ref refResult) []string {
	var d []string
	if ref.errCode != "" || err != nil {
		var e *apierr.Error
		switch {
		case ref.floorRefused && errors.As(err, &e) && e.Code == apierr.AmountOutOfRange:
			return nil // the other reading of "too small for cent precision" (refResult.floorRefused)
		case ref.errCode == "":
			return []string{fmt.Sprintf("error %v; the reference simulates", err)}
		case err == nil:
			return []string{fmt.Sprintf("no error; the reference fails with %s (%s)", ref.errCode, ref.errParam)}
		case !errors.As(err, &e):
			return []string{fmt.Sprintf("error %v is not a *apierr.Error", err)}
		case string(e.Code) != ref.errCode || e.Param != ref.errParam:
			return []string{fmt.Sprintf("error %s (%s) %q; the reference: %s (%s)", e.Code, e.Param, e.Detail, ref.errCode, ref.errParam)}
		}
		return nil
	}
	cmp := func(name string, got, want any) {
		if got != want {
			d = append(d, fmt.Sprintf("%s = %v, reference %v", name, got, want))
		}
	}
	c := s.Cents()
	moneyText := money.FormatCents
	cmp("requested_amount", moneyText(c.Requested), moneyText(ref.requested))
	cmp("amount", moneyText(c.Amount), moneyText(ref.amount))
	cmp("interest_amount", moneyText(c.Interest), moneyText(ref.interest))
	cmp("fees_amount", moneyText(c.Fees), moneyText(ref.fees))
	cmp("iof_amount", moneyText(c.IOF), moneyText(ref.iof))
	cmp("total_loan_amount", moneyText(c.Total), moneyText(ref.total))
	cmp("installments_value", moneyText(c.Installment), moneyText(ref.installment))
	cmp("principal", moneyText(c.Principal), moneyText(ref.principal))
	cmp("iof daily", moneyText(s.IOF().DailyCents), moneyText(ref.iofDaily))
	cmp("iof additional", moneyText(s.IOF().AdditionalCents), moneyText(ref.iofAdditional))
	cmp("applied class", s.IOF().Applied.String(), ref.applied)
	pct := func(r iof.Rate) string { return new(big.Rat).SetFrac64(int64(r), 100_000_000).RatString() }
	cmp("daily rate", pct(s.IOF().Rates.Daily), ref.dailyRate.RatString())
	cmp("additional rate", pct(s.IOF().Rates.Additional), ref.additionalRate.RatString())
	cmp("first_due_date", s.FirstDueDate().String(), ref.firstDue.Format("2006-01-02"))
	cmp("number_of_installments", s.NumberOfInstallments(), len(ref.rows))
	cmp("annual interest (hundredths)", s.AnnualInterestPercentage().Shift(2).IntPart(), ref.annualHundredths)
	in := func(name string, got float64, want []int64) {
		h := decimal.NewFromFloat(got).Shift(2)
		for _, w := range want {
			if h.Equal(decimal.New(w, 0)) {
				return
			}
		}
		d = append(d, fmt.Sprintf("%s = %v, reference %v hundredths", name, got, want))
	}
	in("cet_percentage", s.CETPercentage(), ref.cet)
	in("cet monthly", s.CETMonthlyPercentage(), ref.cetMonthly)
	for k := 1; k <= min(s.NumberOfInstallments(), len(ref.rows)); k++ {
		g, w := s.CentsRow(k), ref.rows[k-1]
		if g.NominalDate.String() != w.nominal.Format("2006-01-02") || g.DueDate.String() != w.due.Format("2006-01-02") ||
			g.Payment != w.payment || g.Interest != w.interest || g.Principal != w.principal || g.Balance != w.balance {
			d = append(d, fmt.Sprintf("row %d = %v %v %s %s %s %s, reference %s %s %s %s %s %s", k,
				g.NominalDate, g.DueDate, moneyText(g.Payment), moneyText(g.Interest), moneyText(g.Principal), moneyText(g.Balance),
				w.nominal.Format("2006-01-02"), w.due.Format("2006-01-02"),
				moneyText(w.payment), moneyText(w.interest), moneyText(w.principal), moneyText(w.balance)))
			if len(d) > 12 {
				break
			}
		}
	}
	return d
}

// ---------------------------------------------------------------- pretty JSON

// pretty indents JSON by two spaces per level, except that every element of an
// array of objects stays on one line (a schedule row per line). Key order is
// kept.
func pretty(raw []byte) ([]byte, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var b bytes.Buffer
	if err := prettyValue(dec, &b, 0, false); err != nil {
		return nil, err
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}

func prettyValue(dec *json.Decoder, b *bytes.Buffer, depth int, compact bool) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	nl := func(d int) {
		if !compact {
			b.WriteString("\n" + strings.Repeat("  ", d))
		}
	}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			b.WriteByte('{')
			first := true
			for dec.More() {
				if !first {
					b.WriteByte(',')
				}
				first = false
				nl(depth + 1)
				k, err := dec.Token()
				if err != nil {
					return err
				}
				writeString(b, k)
				b.WriteByte(':')
				if !compact {
					b.WriteByte(' ')
				}
				if err := prettyValue(dec, b, depth+1, compact); err != nil {
					return err
				}
			}
			if _, err := dec.Token(); err != nil {
				return err
			}
			if !first {
				nl(depth)
			}
			b.WriteByte('}')
		case '[':
			b.WriteByte('[')
			first := true
			for dec.More() {
				if !first {
					b.WriteByte(',')
				}
				first = false
				nl(depth + 1)
				// Elements of arrays are written on one line each.
				if err := prettyValue(dec, b, depth+1, true); err != nil {
					return err
				}
			}
			if _, err := dec.Token(); err != nil {
				return err
			}
			if !first {
				nl(depth)
			}
			b.WriteByte(']')
		}
	case json.Number:
		b.WriteString(t.String())
	case string:
		writeString(b, t)
	default:
		vb, err := json.Marshal(t)
		if err != nil {
			return err
		}
		b.Write(vb)
	}
	return nil
}

// writeString writes v as JSON without escaping <, > and &.
func writeString(b *bytes.Buffer, v any) {
	var s bytes.Buffer
	enc := json.NewEncoder(&s)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
	b.Write(bytes.TrimSuffix(s.Bytes(), []byte("\n")))
}

// lookup returns the value at a dotted path ("breakdown.iof.daily_amount",
// "breakdown.schedule.0.payment") of a JSON document, compacted.
func lookup(doc []byte, path string) (string, bool) {
	var v any
	dec := json.NewDecoder(bytes.NewReader(doc))
	dec.UseNumber()
	if dec.Decode(&v) != nil {
		return "", false
	}
	for _, p := range strings.Split(path, ".") {
		switch x := v.(type) {
		case map[string]any:
			var ok bool
			if v, ok = x[p]; !ok {
				return "", false
			}
		case []any:
			var i int
			if _, err := fmt.Sscan(p, &i); err != nil || i < 0 || i >= len(x) {
				return "", false
			}
			v = x[i]
		default:
			return "", false
		}
	}
	out, _ := json.Marshal(v)
	return string(out), true
}

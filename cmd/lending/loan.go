package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/shopspring/decimal"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/calendar"
	"github.com/dinie/lending/internal/strictjson"
	"github.com/dinie/lending/money"
	"github.com/dinie/lending/servicing"
	"github.com/dinie/lending/statemachine"
)

// loanUsageText is the help of `lending loan`.
const loanUsageText = `usage:
  lending loan --batch < lines.jsonl

Books a loan from a simulation and answers what it owes: its transactions (one
per installment) as of a date, with the late charges beside each; on request
the payoff on that date and a partial prepayment's new schedule.

Flags:
  --batch   read one JSON object per line from stdin, print one JSON line per
            input (required: the command has no other form)

Batch input line:
  {"loan":{"amount":"10000.00","installments":12,"rate":3,"release":"2026-03-10"},
   "payments":[{"installment":1,"amount":"1004.62","paid_at":"2026-04-10"}],
   "as_of":"2026-06-15","payoff":true,
   "prepay":{"date":"2026-06-15","amount":"3000.00","mode":"reduce_term"},
   "late":{"fine_percent":2,"mora_percent":1,"interest":"compound","count_from":"original"}}
Only "loan" is required; its keys are simulate --batch's (amount, installments,
rate, now, release, first_due, borrower, charges, fee_fixed, fee_percent,
day_count, roll, min_amount, max_amount, first_period_max_days,
installment_value, annual_rate, grace, amortization), except that
"now" defaults to noon in São Paulo of "release" when release is given (a loan
booked on its release day). "payments" (at most 1,000) are applied in
order, each to its installment (1-based) on its date (YYYY-MM-DD); "as_of" defaults to the São
Paulo date of now; "payoff" (true or false, default false) asks for the payoff
on as_of; "prepay" asks for a partial prepayment quote ("date" and "amount"
required, "mode" reduce_term by default, or reduce_installment); "late" sets
the late-charge terms: fine_percent (default 2; 0 to 2 for pf and mei, to 10
otherwise), mora_percent (default 1; 0 to 1 a month), interest (compound or
linear, default compound), count_from (original or rolled, default original).
null is an absent key.

Batch output line:
  {"transactions":[{"installment_number":1,"due_date":"…","nominal_date":"…",
    "status":"paid","amount_due":"…","amount_paid":"…","amount_remaining":"…",
    "principal":"…","interest":"…","fees":"0.00","days_overdue":0,"paid_at":"…",
    "late":{"days":0,"fine":"…","mora":"…","interest":"…","iof":"…","total":"…","owed":"…"},
    "payments":[{"amount":"…","paid_at":"…","allocation":{…}}]},…],
   "payoff":{"date":"…","amount":"…","prepayment_fee":"…","installments":[
    {"installment_number":7,"amount_remaining":"…","present_value":"…","discount":"…","late":"…"},…]},
   "prepay":{"date":"…","amount":"…","mode":"reduce_term","balance":"…","fee":"…",
    "schedule":[{"number":…,"nominal_date":…,"due_date":…,"payment":…,"interest":…,"principal":…,"balance":…},…]}}
("payoff" and "prepay" only when asked), or
  {"error":{"code":"…","param":"…","detail":"…"}}
The param names the input key at fault: loan.amount, payments[2].paid_at,
as_of, prepay.amount, late.fine_percent.

Error codes: malformed_body (not one JSON object, a line over 1 MiB);
missing_required_field (loan, or a payment's or prepay's key, missing);
invalid_format (a key of the wrong JSON type or format, an unknown key, a key
given twice or differing from another only in case);
simulate's codes under loan.*; amount_out_of_range (a payment above what the
installment owes on its date, zero or negative, a prepayment reaching the
payoff); value_out_of_range (an installment number outside the loan, more
than 1,000 payments);
invalid_due_date (a payment or date before the release); date_out_of_range (a
payment before an earlier one of its installment, a date a century past the
last due date); invalid_transition (a payment after the loan finished);
installment_overdue (a prepayment while an installment is overdue);
rate_out_of_range (a late-charge percent above its legal cap).

A bad line never stops the batch; blank lines are skipped.

Exit status: 0 success; 1 when any line had an error; 2 on a usage error.
`

// payoffUsageText is the help of `lending payoff`.
const payoffUsageText = `usage:
  lending payoff --amount 10000.00 --installments 12 --rate 3 --release 2026-12-15 --paid 6 --on 2027-06-15 [flags]

Prints the payoff of a loan on a date: the loan simulated as simulate does,
its first --paid installments paid on their due dates, then each open
installment with its present value on --on and the total.

Flags:
  --amount (or --installment-value), --installments, --rate (or --annual-rate)
                   as simulate's; required
  --on             the settlement date YYYY-MM-DD; required
  --paid           installments paid on their due dates, 0 to the count (default 0)
  --now            the instant of the simulation, RFC 3339; default noon in São
                   Paulo of --release when it is given, else the clock
  --release        release date YYYY-MM-DD; default the São Paulo date of now
  --first-due, --borrower, --charges, --fee-fixed, --fee-percent, --day-count,
  --roll, --min-amount, --max-amount, --first-period-max-days, --grace,
  --amortization   as simulate's
  --json           print the payoff as JSON: date, amount, prepayment_fee and
                   installments (installment_number, amount_remaining,
                   present_value, discount, late)

Exit status: 0 success; 1 when the loan or the date is refused ("code:
detail" on stderr); 2 on a usage error.
`

// maxLinePayments bounds the payments of one input line: each payment copies the
// loan's history (servicing.Loan.Pay), so a line costs O(payments²).
const maxLinePayments = 1000

// loanKeys and the keys of the nested objects of a loan line, in the help's order.
var (
	loanKeys        = []string{"loan", "payments", "as_of", "payoff", "prepay", "late"}
	loanPaymentKeys = []string{"installment", "amount", "paid_at"}
	loanPrepayKeys  = []string{"date", "amount", "mode"}
	loanLateKeys    = []string{"fine_percent", "mora_percent", "interest", "count_from"}
)

// runLoan runs `lending loan`.
func runLoan(args []string, s streams) int {
	fs := flag.NewFlagSet("loan", flag.ContinueOnError)
	batch := fs.Bool("batch", false, "read JSON lines from stdin")
	onceEach(fs)
	if code, done := parseFlags(fs, args, s, loanUsageText); done {
		return code
	}
	if fs.NArg() > 0 {
		return commandUsage(s, "loan", loanUsageText, fmt.Sprintf("unexpected argument %q", fs.Arg(0)))
	}
	if !*batch {
		return commandUsage(s, "loan", loanUsageText, "missing flag --batch")
	}
	return jsonBatch("loan", s, func(line []byte) ([]byte, bool) { return loanAnswer(line, time.Now) })
}

// keyError is an error about one input key.
func keyError(code apierr.Code, key, format string, args ...any) *apierr.Error {
	return apierr.Errorf(code, key, format, args...)
}

// objectKeys reads v as a JSON object with the given keys, reporting params
// under prefix ("late." …); null members are absent.
func objectKeys(v strictjson.Value, prefix string, keys []string) (map[string]strictjson.Value, *apierr.Error) {
	name := strings.TrimSuffix(prefix, ".")
	if v.Kind != strictjson.Object {
		return nil, keyError(apierr.InvalidFormat, name, "%s must be a JSON object", name)
	}
	return lineKeys(v, name, keys)
}

// loanLine is one decoded input of lending loan.
type loanLine struct {
	loan     simInput
	payments []loanPayment
	asOf     calendar.Date
	hasAsOf  bool
	payoff   bool
	prepay   *loanPrepay
	terms    servicing.Terms
}

type loanPayment struct {
	installment int
	amount      decimal.Decimal
	paidAt      calendar.Date
}

type loanPrepay struct {
	date   calendar.Date
	amount decimal.Decimal
	mode   servicing.Mode
}

// decodeLoanLine reads one batch line.
func decodeLoanLine(line []byte) (loanLine, *apierr.Error) {
	var out loanLine
	root, verr := parseLine(line, strictjson.Limits{})
	if verr != nil {
		return out, verr
	}
	top, verr := lineKeys(root, "", loanKeys)
	if verr != nil {
		return out, verr
	}
	lr, ok := top["loan"]
	if !ok {
		return out, keyError(apierr.MissingRequiredField, "loan", "loan is required: the simulate --batch keys of the loan")
	}
	if lr.Kind != strictjson.Object {
		return out, keyError(apierr.InvalidFormat, "loan", "loan must be a JSON object")
	}
	in, verr := simulateObject(lr, "")
	if verr != nil {
		return out, prefixed(verr, "loan.")
	}
	out.loan = in
	if v, ok := top["payments"]; ok {
		if v.Kind != strictjson.Array {
			return out, keyError(apierr.InvalidFormat, "payments", "payments must be a JSON array of objects")
		}
		if len(v.Elems) > maxLinePayments {
			return out, keyError(apierr.ValueOutOfRange, "payments", "%d payments; a line takes at most %d", len(v.Elems), maxLinePayments)
		}
		for i, item := range v.Elems {
			p, verr := decodePayment(item, fmt.Sprintf("payments[%d].", i))
			if verr != nil {
				return out, verr
			}
			out.payments = append(out.payments, p)
		}
	}
	if v, ok := top["as_of"]; ok {
		d, verr := dateKey(v, "as_of")
		if verr != nil {
			return out, verr
		}
		out.asOf, out.hasAsOf = d, true
	}
	if v, ok := top["payoff"]; ok {
		if v.Kind != strictjson.Bool {
			return out, keyError(apierr.InvalidFormat, "payoff", "payoff must be true or false")
		}
		out.payoff = v.Text == "true"
	}
	if v, ok := top["prepay"]; ok {
		p, verr := decodePrepay(v)
		if verr != nil {
			return out, verr
		}
		out.prepay = p
	}
	out.terms = servicing.DefaultTerms()
	if v, ok := top["late"]; ok {
		if verr := decodeLate(v, &out.terms); verr != nil {
			return out, verr
		}
	}
	return out, nil
}

func decodePayment(raw strictjson.Value, prefix string) (loanPayment, *apierr.Error) {
	var p loanPayment
	m, verr := objectKeys(raw, prefix, loanPaymentKeys)
	if verr != nil {
		return p, verr
	}
	for _, k := range loanPaymentKeys {
		if _, ok := m[k]; !ok {
			return p, keyError(apierr.MissingRequiredField, prefix+k, "%s%s is required", prefix, k)
		}
	}
	k, err := strictjson.Int(m["installment"], prefix+"installment", 32)
	if err != nil {
		return p, strictjson.First(err)
	}
	p.installment = int(k)
	s, verr := stringField(m["amount"], true, prefix+"amount")
	if verr != nil {
		return p, verr
	}
	if p.amount, err = money.Parse(s); err != nil {
		return p, relabel(err, prefix+"amount")
	}
	if p.paidAt, verr = dateKey(m["paid_at"], prefix+"paid_at"); verr != nil {
		return p, verr
	}
	return p, nil
}

func decodePrepay(raw strictjson.Value) (*loanPrepay, *apierr.Error) {
	m, verr := objectKeys(raw, "prepay.", loanPrepayKeys)
	if verr != nil {
		return nil, verr
	}
	p := &loanPrepay{}
	for _, k := range []string{"date", "amount"} {
		if _, ok := m[k]; !ok {
			return nil, keyError(apierr.MissingRequiredField, "prepay."+k, "prepay.%s is required", k)
		}
	}
	if p.date, verr = dateKey(m["date"], "prepay.date"); verr != nil {
		return nil, verr
	}
	s, verr := stringField(m["amount"], true, "prepay.amount")
	if verr != nil {
		return nil, verr
	}
	var err error
	if p.amount, err = money.Parse(s); err != nil {
		return nil, relabel(err, "prepay.amount")
	}
	if v, ok := m["mode"]; ok {
		s, verr := stringField(v, true, "prepay.mode")
		if verr != nil {
			return nil, verr
		}
		if p.mode, err = servicing.ParseMode(s); err != nil {
			return nil, relabel(err, "prepay.mode")
		}
	}
	return p, nil
}

func decodeLate(raw strictjson.Value, t *servicing.Terms) *apierr.Error {
	m, verr := objectKeys(raw, "late.", loanLateKeys)
	if verr != nil {
		return verr
	}
	for _, k := range []string{"fine_percent", "mora_percent"} {
		v, ok := m[k]
		if !ok {
			continue
		}
		s, err := strictjson.Num(v, "late."+k)
		if err != nil {
			return strictjson.First(err)
		}
		d, err := strictjson.Decimal(s, "late."+k)
		if err != nil {
			return strictjson.First(err)
		}
		if k == "fine_percent" {
			t.FinePercent = d
		} else {
			t.MoraPercent = d
		}
	}
	if v, ok := m["interest"]; ok {
		s, verr := stringField(v, true, "late.interest")
		if verr != nil {
			return verr
		}
		var err error
		if t.DelayInterest, err = servicing.ParseDelayInterest(s); err != nil {
			return relabel(err, "late.interest")
		}
	}
	if v, ok := m["count_from"]; ok {
		s, verr := stringField(v, true, "late.count_from")
		if verr != nil {
			return verr
		}
		var err error
		if t.CountFrom, err = servicing.ParseCountFrom(s); err != nil {
			return relabel(err, "late.count_from")
		}
	}
	return nil
}

// dateKey reads a YYYY-MM-DD JSON string.
func dateKey(raw strictjson.Value, key string) (calendar.Date, *apierr.Error) {
	s, verr := stringField(raw, true, key)
	if verr != nil {
		return calendar.Date{}, verr
	}
	d, err := termsDate(s, key)
	if err != nil {
		return d, relabel(err, key)
	}
	return d, nil
}

// relabel is apierr.Relabel for the library's errors, as a *apierr.Error.
func relabel(err error, param string) *apierr.Error {
	return asAPI(apierr.Relabel(err, param))
}

// asAPI is the library's error as a *apierr.Error (which every library error is).
func asAPI(err error) *apierr.Error {
	var e *apierr.Error
	if !errors.As(err, &e) {
		return apierr.Wrap(err, apierr.Internal, "", "%v", err)
	}
	return e
}

// prefixed puts prefix before an error's param (loan.amount).
func prefixed(e *apierr.Error, prefix string) *apierr.Error {
	if e.Param == "" {
		return e
	}
	return e.WithParam(prefix + e.Param)
}

// defaultNow gives a loan whose release is given a "now" at noon of that day in
// São Paulo (UTC−3), when the input has none.
func (in simInput) defaultNow() {
	if _, ok := in.get("now"); ok {
		return
	}
	if r, ok := in.get("release"); ok {
		if d, err := calendar.ParseDate(r); err == nil {
			in.values["now"] = d.String() + "T15:00:00Z"
		}
	}
}

// loanAnswer returns the output line (newline included) for one input line, and
// whether it was answered.
func loanAnswer(line []byte, clock func() time.Time) ([]byte, bool) {
	in, verr := decodeLoanLine(line)
	if verr != nil {
		return errorLine(verr), false
	}
	out, err := in.answer(clock)
	if err != nil {
		return errorLine(err), false
	}
	return append(out, '\n'), true
}

// book simulates and books the loan of an input, with its payments applied.
func (in loanLine) book(clock func() time.Time) (*servicing.Loan, calendar.Date, *apierr.Error) {
	in.loan.defaultNow()
	sim, err := in.loan.simulate(clock)
	if err != nil {
		e := asAPI(err)
		if k, ok := batchParam[e.Param]; ok {
			e = e.WithParam(k)
		}
		return nil, calendar.Date{}, prefixed(e, "loan.")
	}
	l, err := servicing.Book(sim, in.terms)
	if err != nil {
		e := asAPI(err)
		if contains(loanLateKeys, e.Param) || e.Param == "interest" || e.Param == "count_from" {
			return nil, calendar.Date{}, prefixed(e, "late.")
		}
		return nil, calendar.Date{}, prefixed(e, "loan.")
	}
	status := statemachine.LoanActive
	for i, p := range in.payments {
		var r servicing.Receipt
		l, r, err = l.Pay(status, p.installment, p.amount, p.paidAt)
		if err != nil {
			e := asAPI(err)
			key := map[string]string{"installment_number": "installment", "amount": "amount", "paid_at": "paid_at"}[e.Param]
			if key == "" {
				return nil, calendar.Date{}, e.WithParam(fmt.Sprintf("payments[%d]", i))
			}
			return nil, calendar.Date{}, e.WithParam(fmt.Sprintf("payments[%d].%s", i, key))
		}
		status = r.Status
	}
	asOf, err := calendar.DateOf(sim.CreatedAt())
	if err != nil {
		return nil, calendar.Date{}, relabel(err, "loan.now")
	}
	return l, asOf, nil
}

func (in loanLine) answer(clock func() time.Time) ([]byte, *apierr.Error) {
	l, asOf, verr := in.book(clock)
	if verr != nil {
		return nil, verr
	}
	if in.hasAsOf {
		asOf = in.asOf
	}
	txs, err := l.Transactions(asOf)
	if err != nil {
		return nil, relabel(err, "as_of")
	}
	b := append(make([]byte, 0, 1024+600*len(txs)), `{"transactions":[`...)
	for i, tx := range txs {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendCLITransaction(b, tx)
	}
	b = append(b, ']')
	if in.payoff {
		p, err := l.Payoff(asOf)
		if err != nil {
			return nil, relabel(err, "as_of")
		}
		b = p.AppendJSON(append(b, `,"payoff":`...))
	}
	if in.prepay != nil {
		p, err := l.Prepay(in.prepay.date, in.prepay.amount, in.prepay.mode)
		if err != nil {
			e := asAPI(err)
			return nil, prefixed(e, "prepay.")
		}
		b = p.AppendJSON(append(b, `,"prepay":`...))
	}
	return append(b, '}'), nil
}

// appendCLITransaction writes a transaction as the loan command prints it: the
// installment_number first, the API's fields, then the late charges and payments
// beside them (the library's own JSON keeps its extras under "breakdown").
func appendCLITransaction(b []byte, tx servicing.Transaction) []byte {
	m := func(key string, c int64) {
		b = append(b, `,"`+key+`":"`...)
		b = money.AppendCents(b, c)
		b = append(b, '"')
	}
	d := func(key string, x calendar.Date) {
		b = append(b, `,"`+key+`":"`...)
		b, _ = x.AppendText(b)
		b = append(b, '"')
	}
	b = append(b, `{"installment_number":`...)
	b = strconv.AppendInt(b, int64(tx.Number), 10)
	d("due_date", tx.DueDate)
	d("nominal_date", tx.NominalDate)
	b = append(b, `,"status":"`...)
	b = append(b, tx.Status.String()...)
	b = append(b, '"')
	m("amount_due", tx.AmountDue)
	m("amount_paid", tx.AmountPaid)
	m("amount_remaining", tx.AmountRemaining)
	m("principal", tx.Principal)
	m("interest", tx.Interest)
	m("fees", tx.Fees)
	b = append(b, `,"days_overdue":`...)
	b = strconv.AppendInt(b, int64(tx.DaysOverdue), 10)
	if tx.PaidAt.IsZero() {
		b = append(b, `,"paid_at":null`...)
	} else {
		d("paid_at", tx.PaidAt)
	}
	b = tx.Late.AppendJSON(append(b, `,"late":`...))
	b = append(b, `,"payments":[`...)
	for i, p := range tx.Payments {
		if i > 0 {
			b = append(b, ',')
		}
		b = p.AppendJSON(b)
	}
	return append(b, "]}"...)
}

// runPayoff runs `lending payoff`.
func runPayoff(args []string, s streams) int {
	fs := flag.NewFlagSet("payoff", flag.ContinueOnError)
	var f simulateFlags
	registerPayoffFlags(fs, &f)
	paid := fs.Int("paid", 0, "installments paid on their due dates")
	on := fs.String("on", "", "the settlement date YYYY-MM-DD")
	onceEach(fs)
	if code, done := parseFlags(fs, args, s, payoffUsageText); done {
		return code
	}
	usage := func(problem string) int { return commandUsage(s, "payoff", payoffUsageText, problem) }
	if fs.NArg() > 0 {
		return usage(fmt.Sprintf("unexpected argument %q", fs.Arg(0)))
	}
	set := flagsSet(fs)
	switch {
	case f.batch:
		return usage("payoff has no --batch: lending loan --batch answers payoffs from JSON lines")
	case set["amount"] && set["installment-value"]:
		return usage("--amount and --installment-value are exclusive")
	case !set["amount"] && !set["installment-value"]:
		return usage("missing flag --amount (or --installment-value)")
	}
	if name := missingFlag(set, "installments", "on"); name != "" {
		return usage("missing flag --" + name)
	}
	if err := rateFlags(set); err != nil {
		return usage(strings.TrimPrefix(err.Error(), errMissingFlag.Error()+": "))
	}
	in := f.input(fs)
	in.defaultNow()
	p, err := payoffOf(in, *paid, *on)
	if err != nil {
		fmt.Fprintln(s.err, err) // "code: detail"
		return exitInvalid
	}
	return printResult(s, "payoff", f.asJSON, p.MarshalJSON, func(w io.Writer) { writePayoff(w, p) })
}

// registerPayoffFlags declares simulate's flags (its --batch is refused by payoff).
func registerPayoffFlags(fs *flag.FlagSet, f *simulateFlags) { f.register(fs) }

// payoffOf books the loan of in, pays its first paid installments on their due dates
// and quotes the payoff on the date on.
func payoffOf(in simInput, paid int, on string) (servicing.Payoff, error) {
	s, err := termsDate(on, "on")
	if err != nil {
		return servicing.Payoff{}, err
	}
	sim, err := in.simulate(time.Now)
	if err != nil {
		return servicing.Payoff{}, err
	}
	if paid < 0 || paid > sim.NumberOfInstallments() {
		return servicing.Payoff{}, apierr.Errorf(apierr.ValueOutOfRange, "paid",
			"paid %d is outside 0 to %d, the installment count", paid, sim.NumberOfInstallments())
	}
	l, err := servicing.Book(sim, servicing.DefaultTerms())
	if err != nil {
		return servicing.Payoff{}, err
	}
	for k := 1; k <= paid; k++ {
		row := sim.CentsRow(k)
		if l, _, err = l.Pay(statemachine.LoanActive, k, money.FromCents(row.Payment), row.DueDate); err != nil {
			return servicing.Payoff{}, err
		}
	}
	p, err := l.Payoff(s)
	if err != nil {
		return servicing.Payoff{}, relabel(err, "on")
	}
	return p, nil
}

// writePayoff writes the payoff's summary and its items.
func writePayoff(w io.Writer, p servicing.Payoff) {
	mon := money.FormatCents
	writeAligned(w, 0, func(tw io.Writer) {
		fmt.Fprintf(tw, "payoff on %s\t%s\n", p.Date, mon(p.Amount))
		fmt.Fprintf(tw, "prepayment fee\t%s\n", mon(p.PrepaymentFee))
	})
	io.WriteString(w, "\n")
	writeAligned(w, tabwriter.AlignRight, func(tw io.Writer) {
		fmt.Fprintln(tw, "#\tremaining\tpresent value\tdiscount\tlate\t")
		for _, it := range p.Installments {
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t\n", it.Number, mon(it.Remaining), mon(it.PresentValue),
				mon(it.Discount), mon(it.Late))
		}
	})
}

package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/dinie/lending/api"
	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/calendar"
	"github.com/dinie/lending/internal/strictjson"
	"github.com/dinie/lending/iof"
	"github.com/dinie/lending/money"
	"github.com/dinie/lending/schedule"
	"github.com/dinie/lending/simulation"
	"github.com/dinie/lending/statemachine"
)

// simulateUsageText is the help of `lending simulate`.
const simulateUsageText = `usage:
  lending simulate --amount 10000.00 --installments 12 --rate 3 [flags]
  lending simulate --installment-value 500.00 --installments 12 --rate 3 [flags]
  lending simulate --batch < lines.jsonl

Simulates a loan as the API does (POST /credit-offers/{id}/simulations): the net
amount, fees, IOF, interest, total, CET, installment and first due date, with
the principal, the annual rate, the monthly CET, the IOF split and the schedule.

Flags:
  --amount         requested amount, money in the wire format (10000.00);
                   required unless --installment-value is given
  --installment-value  simulate by installment instead: the largest requested
                   amount whose installment is at most this money, within
                   --min-amount and --max-amount
  --installments   installment count, 1 to 420; required
  --rate           interest rate in percent per month (3 = 3 % a.m.); required
                   unless --annual-rate is given
  --annual-rate    the contract's rate in percent per year, instead of --rate
                   (interest_percentage shows its monthly equivalent)
  --now            the instant of the simulation, RFC 3339 (2026-03-10T12:00:00Z);
                   default the clock, read once per simulation
  --release        release date YYYY-MM-DD, not before the São Paulo date of
                   now; default that date
  --first-due      first nominal due date YYYY-MM-DD; default release + 1 month
  --borrower       pf, pj, simples or mei (default mei): the IOF class
  --charges        deducted (default: fees and IOF come off the amount released)
                   or financed (the customer receives the amount; the principal
                   covers fees and IOF)
  --fee-fixed      a fixed fee, money (default 0.00)
  --fee-percent    a fee in percent of the requested amount (default 0)
  --day-count      monthly (default), periodic, daily, actual365 (calendar days
                   / 365) or business252 (ANBIMA business days / 252)
  --roll           following (default), modified-following, preceding,
                   modified-preceding or unadjusted
  --grace          interest-only installments at the start (default 0)
  --amortization   price (default) or sac
  --min-amount     the offer's min_amount (default 1.00, the library's minimum)
  --max-amount     the offer's approved_amount (default 1000000000.00, the
                   library's maximum)
  --first-period-max-days  the longest first period in days, 1 to 366 (default 180)
  --json           print the simulation as JSON: the API's response body, with
                   the library's extras under "breakdown"
  --batch          read one JSON object per line from stdin, print one JSON line
                   per input (no other flag is allowed)

A flag is given once (a repeated flag is a usage error).

The offer simulated is available, valid at now, and allows any count from 1 to
420 installments. A release before the São Paulo date of now is refused: give
--now (or "now") to simulate a past day.

Batch input line (money as strings, counts and rates as JSON numbers, read
exactly, never through a float):
  {"amount":"10000.00","installments":12,"rate":3,"now":"2026-03-10T12:00:00Z",
   "release":"2026-03-10",
   "first_due":"2026-04-10","borrower":"mei","charges":"deducted",
   "fee_fixed":"50.00","fee_percent":1.5,"day_count":"monthly","roll":"following",
   "min_amount":"1.00","max_amount":"50000.00","first_period_max_days":180,
   "grace":0,"amortization":"price"}
installments, amount (or installment_value, money: simulate by installment) and
rate (or annual_rate, a JSON number of percent per year) are required; the rest
take the flags' defaults (now: the clock, read for each line; release: the São
Paulo date of now). A null is the same as an absent key.

Batch output line: the --json object on one line, or
  {"error":{"code":"amount_out_of_range","param":"amount","detail":"..."}}
The param names the input key at fault (requested_amount is "amount",
installment_count "installments", interest_rate "rate", annual_interest_rate
"annual_rate", installments_value "installment_value", release_date
"release", first_due_date "first_due", borrower_class "borrower",
approved_amount "max_amount"); a param with no input key keeps the library's
name (cet_percentage, fees_amount).

Error codes: malformed_body (not one JSON object, or a line over 1 MiB);
missing_required_field (amount, installments or rate missing); invalid_format (a
key of the wrong JSON type or format, an unknown key, a key given twice or
differing from another only in case, a value over its length bound, a count
that is not an integer, rate with annual_rate or amount with installment_value);
amount_out_of_range (an amount outside its bounds, fees and IOF taking the whole
amount, terms too small for cent precision, an installment_value below the
installment of min_amount); installments_out_of_range; rate_out_of_range (a rate
or fee percent outside 0 to 100, an annual rate outside 0 to 409500, a CET
beyond 10^12 %); value_out_of_range (a grace outside 0 to installments − 1);
invalid_due_date (first due date not after the release, or beyond the bound);
date_out_of_range (a release before the date of now or before the IOF table's
start, 2012-05-23; a date given as 0001-01-01 or 0000-01-01; a now outside the
years 1 to 9999).

A bad line never stops the batch; blank lines are skipped.

Exit status: 0 success; 1 when the simulation fails ("code: detail" on stderr),
or in batch when any line had an error; 2 on a usage error.
`

// simulateKeys are the batch input keys, in the help's order.
var simulateKeys = []string{"amount", "installments", "rate", "now", "release", "first_due", "borrower", "charges",
	"fee_fixed", "fee_percent", "day_count", "roll", "min_amount", "max_amount", "first_period_max_days",
	"installment_value", "annual_rate", "grace", "amortization"}

// batchParam maps the library's params to the batch input keys.
var batchParam = map[string]string{
	"requested_amount": "amount", "principal": "amount", "installment_count": "installments",
	"interest_rate": "rate", "release_date": "release", "first_due_date": "first_due",
	"borrower_class": "borrower", "approved_amount": "max_amount",
	"annual_interest_rate": "annual_rate", "installments_value": "installment_value",
}

// instantOf reads the "now" of an input: RFC 3339 when given, else the clock.
func (in simInput) instant(clock func() time.Time) (time.Time, error) {
	s, ok := in.get("now")
	if !ok {
		return clock(), nil
	}
	t, err := api.ParseInstant(s)
	if err != nil {
		return time.Time{}, apierr.Relabel(err, "now")
	}
	return t, nil
}

// simInput is one simulation's input as text, from flags or a batch line; set
// holds the keys given.
type simInput struct {
	values map[string]string
}

func (in simInput) get(key string) (string, bool) {
	v, ok := in.values[key]
	return v, ok
}

// simulate builds the offer, request and options of in and runs the simulation at
// its now (the clock when not given), which also gives the default release.
func (in simInput) simulate(clock func() time.Time) (*simulation.Simulation, error) {
	now, err := in.instant(clock)
	if err != nil {
		return nil, err
	}
	today := func() (calendar.Date, error) { return calendar.DateOf(now) }
	if err := in.exclusive("amount", "installment_value"); err != nil {
		return nil, err
	}
	if err := in.exclusive("rate", "annual_rate"); err != nil {
		return nil, err
	}
	if _, ok := in.get("installments"); !ok {
		return nil, apierr.Wrap(apierr.ErrEmpty, apierr.MissingRequiredField, "installments", "installments is required")
	}
	count, _ := in.get("installments")
	n, err := strconv.Atoi(count)
	if err != nil {
		if errors.Is(err, strconv.ErrRange) {
			return nil, apierr.Wrap(apierr.ErrRange, apierr.InstallmentsOutOfRange, "installments",
				"installments %s is outside 1 to %d", apierr.Quote(count), schedule.MaxInstallments)
		}
		return nil, apierr.Errorf(apierr.InvalidFormat, "installments",
			"installments %s is not an integer", apierr.Quote(count))
	}
	var req simulation.Request
	amount, byAmount := in.get("amount")
	installment, _ := in.get("installment_value")
	var x decimal.Decimal
	if byAmount {
		if req, err = simulation.ParseRequest(amount, n); err != nil {
			return nil, err
		}
	} else if x, err = money.Parse(installment); err != nil {
		return nil, apierr.Relabel(err, "installment_value")
	}
	o := statemachine.Offer{
		Status: statemachine.OfferAvailable, ValidUntil: now,
		MinInstallments: 1, MaxInstallments: schedule.MaxInstallments,
	}
	opts := simulation.Options{Now: now}
	if rateText, ok := in.get("rate"); ok {
		if o.InterestRate, err = schedule.ParsePercentPerMonth(rateText); err != nil {
			return nil, err
		}
	} else {
		annual, _ := in.get("annual_rate")
		if opts.AnnualRate, err = schedule.ParsePercentPerYear(annual); err != nil {
			return nil, err
		}
		// The offer's interest_rate is the API's monthly figure: the equivalent.
		o.InterestRate = opts.AnnualRate.Monthly()
	}
	money := func(key, def string, dst *decimal.Decimal) error {
		s, ok := in.get(key)
		if !ok {
			s = def
		}
		d, err := money.Parse(s)
		if err != nil {
			return apierr.Relabel(err, key)
		}
		*dst = d
		return nil
	}
	if err := money("max_amount", "1000000000.00", &o.ApprovedAmount); err != nil {
		return nil, err
	}
	if err := money("min_amount", "1.00", &o.MinAmount); err != nil {
		return nil, err
	}
	if err := money("fee_fixed", "0.00", &o.FeeFixed); err != nil {
		return nil, err
	}
	if s, ok := in.get("fee_percent"); ok {
		// The shared number reader bounds the text and the exponent before any
		// decimal arithmetic: 1e-18446744073709551617 never reaches decimal.
		if o.FeePercent, err = strictjson.Decimal(s, "fee_percent"); err != nil {
			if errors.Is(err, apierr.ErrRange) {
				return nil, apierr.Wrap(apierr.ErrRange, apierr.RateOutOfRange, "fee_percent",
					"fee_percent %s is outside 0 to 100", apierr.Quote(s))
			}
			return nil, err
		}
	}
	class := "mei"
	if s, ok := in.get("borrower"); ok {
		class = s
	}
	if o.BorrowerClass, err = iof.ParseClass(class); err != nil {
		return nil, err
	}
	release, given := in.get("release")
	if opts.Release, err = releaseDate(release, given, today); err != nil {
		return nil, err
	}
	if s, ok := in.get("first_due"); ok {
		if opts.FirstDue, err = termsDate(s, "first_due_date"); err != nil {
			return nil, err
		}
	}
	if s, ok := in.get("charges"); ok {
		if opts.Charges, err = simulation.ParseCharges(s); err != nil {
			return nil, err
		}
	}
	if s, ok := in.get("day_count"); ok {
		if opts.DayCount, err = schedule.ParseDayCount(s); err != nil {
			return nil, err
		}
	}
	if s, ok := in.get("roll"); ok {
		if opts.Roll, err = parseRoll(s); err != nil {
			return nil, err
		}
	}
	if s, ok := in.get("first_period_max_days"); ok {
		d, err := strconv.Atoi(s)
		if err != nil || d < 1 || d > schedule.MaxFirstPeriodMaxDays {
			return nil, apierr.Errorf(apierr.InvalidDueDate, "first_period_max_days",
				"first_period_max_days %s is not a whole number of days from 1 to %d", apierr.Quote(s), schedule.MaxFirstPeriodMaxDays)
		}
		opts.FirstPeriodMaxDays = d
	}
	if s, ok := in.get("grace"); ok {
		g, err := strconv.Atoi(s)
		if err != nil {
			return nil, apierr.Errorf(apierr.InvalidFormat, "grace", "grace %s is not an integer", apierr.Quote(s))
		}
		opts.Grace = g
	}
	if s, ok := in.get("amortization"); ok {
		if opts.Amortization, err = schedule.ParseAmortization(s); err != nil {
			return nil, err
		}
	}
	if !byAmount {
		return simulation.SimulateInstallment(o, x, n, opts)
	}
	return simulation.Simulate(o, req, opts)
}

// exclusive checks that exactly one of the keys a and b is given: neither is
// missing_required_field on a, both invalid_format on b.
func (in simInput) exclusive(a, b string) error {
	_, hasA := in.get(a)
	_, hasB := in.get(b)
	switch {
	case hasA && hasB:
		return apierr.Wrap(apierr.ErrDuplicate, apierr.InvalidFormat, b, "%s and %s are exclusive; give one", a, b)
	case !hasA && !hasB:
		return apierr.Wrap(apierr.ErrEmpty, apierr.MissingRequiredField, a, "%s (or %s) is required", a, b)
	}
	return nil
}

// simulateFlags are the flags of `lending simulate` beyond the terms flags.
type simulateFlags struct {
	terms                                                    termsFlags
	now, borrower, charges, feeFixed, feePercent, minA, maxA string
	installmentValue                                         string
	firstPeriod                                              int
	asJSON, batch                                            bool
}

func (f *simulateFlags) register(fs *flag.FlagSet) {
	f.terms.register(fs)
	fs.StringVar(&f.now, "now", "", "the instant of the simulation, RFC 3339 (default the clock)")
	fs.StringVar(&f.borrower, "borrower", "mei", "pf, pj, simples or mei")
	fs.StringVar(&f.charges, "charges", "deducted", "deducted or financed")
	fs.StringVar(&f.feeFixed, "fee-fixed", "0.00", "a fixed fee, money")
	fs.StringVar(&f.feePercent, "fee-percent", "0", "a fee in percent of the requested amount")
	fs.StringVar(&f.minA, "min-amount", "1.00", "the offer's min_amount")
	fs.StringVar(&f.maxA, "max-amount", "1000000000.00", "the offer's approved_amount")
	fs.IntVar(&f.firstPeriod, "first-period-max-days", 180, "the longest first period in days")
	fs.StringVar(&f.installmentValue, "installment-value", "", "simulate by installment: the largest amount whose installment is at most this")
	fs.BoolVar(&f.asJSON, "json", false, "print the simulation as JSON")
	fs.BoolVar(&f.batch, "batch", false, "read JSON lines from stdin")
}

// input turns the flags given into a simInput (the flags' names in the batch
// keys).
func (f *simulateFlags) input(fs *flag.FlagSet) simInput {
	in := simInput{values: map[string]string{}}
	names := map[string]string{
		"amount": "amount", "installments": "installments", "rate": "rate", "now": "now", "release": "release",
		"first-due": "first_due", "borrower": "borrower", "charges": "charges", "fee-fixed": "fee_fixed",
		"fee-percent": "fee_percent", "day-count": "day_count", "roll": "roll", "min-amount": "min_amount",
		"max-amount": "max_amount", "first-period-max-days": "first_period_max_days",
		"installment-value": "installment_value", "annual-rate": "annual_rate", "grace": "grace",
		"amortization": "amortization",
	}
	fs.Visit(func(fl *flag.Flag) {
		if k, ok := names[fl.Name]; ok {
			in.values[k] = fl.Value.String()
		}
	})
	return in
}

// runSimulate runs `lending simulate`.
func runSimulate(args []string, s streams) int {
	fs := flag.NewFlagSet("simulate", flag.ContinueOnError)
	var f simulateFlags
	f.register(fs)
	onceEach(fs)
	if code, done := parseFlags(fs, args, s, simulateUsageText); done {
		return code
	}
	if fs.NArg() > 0 {
		return simulateUsage(s, fmt.Sprintf("unexpected argument %q", fs.Arg(0)))
	}
	set := flagsSet(fs)
	if f.batch {
		if len(set) > 1 {
			return simulateUsage(s, "--batch reads every input from stdin; no other flag is allowed")
		}
		return jsonBatch("simulate", s, func(line []byte) ([]byte, bool) {
			return simulateAnswer(line, time.Now)
		})
	}
	if set["amount"] && set["installment-value"] {
		return simulateUsage(s, "--amount and --installment-value are exclusive")
	}
	if !set["amount"] && !set["installment-value"] {
		return simulateUsage(s, "missing flag --amount (or --installment-value)")
	}
	if name := missingFlag(set, "installments"); name != "" {
		return simulateUsage(s, "missing flag --"+name)
	}
	if err := rateFlags(set); err != nil {
		return simulateUsage(s, strings.TrimPrefix(err.Error(), errMissingFlag.Error()+": "))
	}
	sim, err := f.input(fs).simulate(time.Now)
	if err != nil {
		fmt.Fprintln(s.err, err) // "code: detail"
		return exitInvalid
	}
	return printResult(s, "simulate", f.asJSON, sim.MarshalJSON, func(w io.Writer) { writeSimulation(w, sim) })
}

func simulateUsage(s streams, problem string) int {
	return commandUsage(s, "simulate", simulateUsageText, problem)
}

// writeSimulation writes the summary and the schedule table.
func writeSimulation(w io.Writer, sim *simulation.Simulation) {
	money := money.FormatCents
	c := sim.Cents()
	f := sim.IOF()
	pct := func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
	writeAligned(w, 0, func(tw io.Writer) {
		fmt.Fprintf(tw, "requested amount\t%s\n", money(c.Requested))
		fmt.Fprintf(tw, "amount (net)\t%s\n", money(c.Amount))
		fmt.Fprintf(tw, "fees\t%s\n", money(c.Fees))
		fmt.Fprintf(tw, "IOF\t%s\t(daily %s + additional %s; %s rates %s a day + %s)\n", money(c.IOF),
			money(f.DailyCents), money(f.AdditionalCents), f.Applied, f.Rates.Daily, f.Rates.Additional)
		fmt.Fprintf(tw, "interest\t%s\n", money(c.Interest))
		fmt.Fprintf(tw, "total\t%s\n", money(c.Total))
		fmt.Fprintf(tw, "installments\t%d × %s\t(first due %s)\n", sim.NumberOfInstallments(), money(c.Installment), sim.FirstDueDate())
		if sim.RatePerYear() {
			fmt.Fprintf(tw, "interest rate\t%s %% a.a.\t(%s %% a.m.)\n", sim.AnnualInterestRate(), sim.InterestPercentage())
		} else {
			fmt.Fprintf(tw, "interest rate\t%s %% a.m.\t(%s %% a.a.)\n", sim.InterestPercentage(), sim.AnnualInterestPercentage())
		}
		fmt.Fprintf(tw, "CET\t%s %% a.a.\t(%s %% a.m.)\n", pct(sim.CETPercentage()), pct(sim.CETMonthlyPercentage()))
		fmt.Fprintf(tw, "principal\t%s\t(charges %s)\n", money(c.Principal), sim.Charges())
		fmt.Fprintf(tw, "release\t%s\n", sim.Release())
		fmt.Fprintf(tw, "day count\t%s\n", sim.DayCount())
		if sim.Grace() > 0 {
			fmt.Fprintf(tw, "grace\t%d interest-only\n", sim.Grace())
		}
		if sim.Amortization() != schedule.Price {
			fmt.Fprintf(tw, "amortization\t%s\n", sim.Amortization())
		}
		fmt.Fprintf(tw, "roll\t%s\n", sim.Roll())
	})
	io.WriteString(w, "\n")
	// total_loan_amount is the sum of the payments (simulation's invariant).
	writeRows(w, sim.NumberOfInstallments(), sim.CentsRow, c.Total, c.Interest, c.Principal)
}

// simulateAnswer returns the output line (newline included) for one non-blank
// input line, and whether it simulated.
func simulateAnswer(line []byte, clock func() time.Time) ([]byte, bool) {
	in, verr := decodeSimulateLine(line)
	if verr != nil {
		return errorLine(verr), false
	}
	sim, err := in.simulate(clock)
	if err != nil {
		var e *apierr.Error
		if !errors.As(err, &e) { // the library returns only *apierr.Error
			e = apierr.Wrap(err, apierr.Internal, "", "%v", err)
		}
		if k, ok := batchParam[e.Param]; ok {
			e = e.WithParam(k)
		}
		return errorLine(e), false
	}
	out, _ := sim.MarshalJSON() // never fails
	return append(out, '\n'), true
}

// decodeSimulateLine reads one batch line: one JSON object whose keys are
// simulateKeys, money and dates as strings, counts and rates as numbers.
func decodeSimulateLine(line []byte) (simInput, *apierr.Error) {
	root, verr := parseLine(line, strictjson.Limits{})
	if verr != nil {
		return simInput{}, verr
	}
	return simulateObject(root, "")
}

// simulateObject reads the simulate keys of v, the object at path (a loan
// line's "loan"), with the shared strict reader: the keys exactly as written,
// each once, numbers bounded.
func simulateObject(v strictjson.Value, path string) (simInput, *apierr.Error) {
	in := simInput{values: map[string]string{}}
	raw, verr := lineKeys(v, path, simulateKeys)
	if verr != nil {
		return in, verr
	}
	for _, k := range simulateKeys {
		v, ok := raw[k]
		if !ok {
			continue
		}
		switch k {
		case "installments", "first_period_max_days", "grace":
			n, err := strictjson.Int(v, k, 64)
			if err != nil {
				return in, countError(strictjson.First(err), k)
			}
			in.values[k] = strconv.FormatInt(n, 10)
		case "rate", "fee_percent", "annual_rate":
			s, err := strictjson.Num(v, k)
			if err != nil {
				return in, strictjson.First(err)
			}
			in.values[k] = s
		default:
			s, verr := stringField(v, true, k)
			if verr != nil {
				return in, verr
			}
			in.values[k] = s
		}
	}
	return in, nil
}

// countError gives a count's range error its domain's code (domainRange).
func countError(e *apierr.Error, _ string) *apierr.Error {
	if errors.Is(e, apierr.ErrRange) {
		return domainRange(e)
	}
	return e
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

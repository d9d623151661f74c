package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/calendar"
	"github.com/dinie/lending/internal/strictjson"
	"github.com/dinie/lending/money"
	"github.com/dinie/lending/schedule"
)

// solveUsageText is the help of `lending solve`.
const solveUsageText = `usage:
  lending solve [three of --amount, --installment, --rate (or --annual-rate),
                 --installments] [flags]
  lending solve --batch < lines.jsonl

Given three of the four terms of a loan — the principal, the installment, the
rate and the count — prints the fourth, as the Banco Central's calculator and
spreadsheets' PV, RATE and NPER do, on the schedule's own dates and day count:

  --amount missing        the largest principal, to the cent, whose installment
                          is at most --installment, and the present value of
                          the installments (the calculator's financed value)
  --installment missing   the schedule's installment
  --rate missing          the monthly rate: the exact root and its 6-decimal
                          display, with the annual equivalent
  --installments missing  the smallest whole count whose installment is at
                          most --installment, and the fractional NPER

Flags:
  --amount        the principal, money in the wire format (25000.00)
  --installment   the installment, money
  --rate          interest rate in percent per month (2.5 = 2.5 % a.m.)
  --annual-rate   the contract's rate in percent per year, instead of --rate
  --installments  installment count, 1 to 420 (when solved for, the largest
                  count considered is 420)
  --release       release date YYYY-MM-DD; default today in America/Sao_Paulo
  --first-due     first nominal due date YYYY-MM-DD; default release + 1 month
  --day-count     monthly (default), periodic, daily, actual365 or business252
  --roll          following (default), modified-following, preceding,
                  modified-preceding or unadjusted
  --json          print the answer as JSON
  --batch         read one JSON object per line from stdin, print one JSON line
                  per input (no other flag is allowed)

A flag is given once (a repeated flag is a usage error).

Batch input line (money as strings, counts and rates as JSON numbers, read
exactly; three of amount, installment, rate or annual_rate, installments):
  {"amount":"25000.00","installment":"679.30","installments":42,
   "release":"2026-01-15","first_due":"2026-02-15","day_count":"periodic",
   "roll":"following"}
Batch output line: the --json object on one line, or
  {"error":{"code":"rate_out_of_range","param":"installment","detail":"..."}}

Exit status: 0 success; 1 when the terms have no answer ("code: detail" on
stderr), or in batch when any line had an error; 2 on a usage error.
`

// solveKeys are the batch input keys, in the help's order.
var solveKeys = []string{"amount", "installment", "rate", "annual_rate", "installments", "release", "first_due", "day_count", "roll"}

// solveParam maps the library's params to solve's input keys.
var solveParam = map[string]string{
	"principal": "amount", "installment": "installment", "interest_rate": "rate",
	"annual_interest_rate": "annual_rate", "installment_count": "installments",
	"release_date": "release", "first_due_date": "first_due",
}

// solveInput is one solve's input as text, from flags or a batch line.
type solveInput struct{ values map[string]string }

func (in solveInput) get(key string) (string, bool) {
	v, ok := in.values[key]
	return v, ok
}

// solveAnswer is what a solve prints, as JSON. Solved names the term solved
// for; the other fields are the four terms, and the extras of each solve.
type solveAnswer struct {
	Solved       string      `json:"solved"`
	Amount       string      `json:"amount"`
	Installment  string      `json:"installment"`
	Installments int         `json:"installments"`
	Rate         json.Number `json:"rate"`                    // % a.m.
	AnnualRate   json.Number `json:"annual_rate"`             // % a.a.
	PresentValue *string     `json:"present_value,omitempty"` // solved amount, Price
	Root         *float64    `json:"root,omitempty"`          // solved rate: the exact root, a fraction per month
	NPER         *float64    `json:"nper,omitempty"`          // solved count
}

// MarshalJSON writes the answer on one line (json.Number writes the rates as
// JSON numbers).
func (a solveAnswer) MarshalJSON() ([]byte, error) {
	type plain solveAnswer
	return json.Marshal(plain(a))
}

// solve reads in and solves for the term it lacks.
func (in solveInput) solve(today func() (calendar.Date, error)) (solveAnswer, error) {
	var missing []string
	for _, k := range []string{"amount", "installment", "rate", "installments"} {
		_, ok := in.get(k)
		if k == "rate" {
			_, annual := in.get("annual_rate")
			if ok && annual {
				return solveAnswer{}, apierr.Wrap(apierr.ErrDuplicate, apierr.InvalidFormat, "annual_rate",
					"rate and annual_rate are exclusive; give the rate once")
			}
			ok = ok || annual
		}
		if !ok {
			missing = append(missing, k)
		}
	}
	switch len(missing) {
	case 0:
		return solveAnswer{}, apierr.Errorf(apierr.InvalidFormat, "",
			"all four terms are given; leave out the one to solve for (amount, installment, rate or installments)")
	case 1:
	default:
		return solveAnswer{}, apierr.Wrap(apierr.ErrEmpty, apierr.MissingRequiredField, missing[0],
			"%s is required: give three of amount, installment, rate (or annual_rate) and installments", strings.Join(missing, " and "))
	}
	t, x, err := in.terms(today)
	if err != nil {
		return solveAnswer{}, err
	}
	switch missing[0] {
	case "amount":
		sol, err := schedule.SolveAmount(t, x)
		if err != nil {
			return solveAnswer{}, err
		}
		a := answerOf("amount", sol.Schedule)
		if sol.Schedule.Plan().Amortization() == schedule.Price {
			pv := money.FormatCents(sol.PresentValueCents)
			a.PresentValue = &pv
		}
		return a, nil
	case "installment":
		sch, err := schedule.New(t)
		if err != nil {
			return solveAnswer{}, err
		}
		return answerOf("installment", sch), nil
	case "rate":
		sol, err := schedule.SolveRate(t, x)
		if err != nil {
			return solveAnswer{}, err
		}
		root := sol.Root
		annual := math.Expm1(12*math.Log1p(root)) * 100
		return solveAnswer{
			Solved: "rate", Amount: money.Format(t.Principal), Installment: money.Format(x),
			Installments: t.Installments, Rate: json.Number(sol.Display.String()),
			AnnualRate: json.Number(strconv.FormatFloat(annual, 'f', 6, 64)), Root: &root,
		}, nil
	default:
		sol, err := schedule.SolveCount(t, x)
		if err != nil {
			return solveAnswer{}, err
		}
		a := answerOf("installments", sol.Schedule)
		nper := sol.NPER
		a.NPER = &nper
		return a, nil
	}
}

// answerOf fills an answer from a schedule's terms.
func answerOf(solved string, sch *schedule.Schedule) solveAnswer {
	plan := sch.Plan()
	return solveAnswer{
		Solved: solved, Amount: money.FormatCents(sch.TotalPrincipalCents()),
		Installment: money.FormatCents(sch.InstallmentCents()), Installments: sch.Len(),
		Rate: json.Number(plan.Rate().String()), AnnualRate: json.Number(plan.AnnualRate().String()),
	}
}

// terms parses the input into schedule terms and the installment (zero when
// not given).
func (in solveInput) terms(today func() (calendar.Date, error)) (schedule.Terms, decimal.Decimal, error) {
	var t schedule.Terms
	var x decimal.Decimal
	var err error
	if s, ok := in.get("amount"); ok {
		if t.Principal, err = money.Parse(s); err != nil {
			return t, x, apierr.Relabel(err, "principal")
		}
	}
	if s, ok := in.get("installment"); ok {
		if x, err = money.Parse(s); err != nil {
			return t, x, apierr.Relabel(err, "installment")
		}
	}
	if s, ok := in.get("installments"); ok {
		n, err := strconv.Atoi(s)
		if err != nil {
			if errors.Is(err, strconv.ErrRange) {
				return t, x, apierr.Wrap(apierr.ErrRange, apierr.InstallmentsOutOfRange, "installment_count",
					"installments %s is outside 1 to %d", apierr.Quote(s), schedule.MaxInstallments)
			}
			return t, x, apierr.Errorf(apierr.InvalidFormat, "installment_count",
				"installments %s is not an integer", apierr.Quote(s))
		}
		t.Installments = n
	} else {
		t.Installments = schedule.MaxInstallments
	}
	if s, ok := in.get("rate"); ok {
		if t.Rate, err = schedule.ParsePercentPerMonth(s); err != nil {
			return t, x, err
		}
	}
	if s, ok := in.get("annual_rate"); ok {
		if t.AnnualRate, err = schedule.ParsePercentPerYear(s); err != nil {
			return t, x, err
		}
	}
	release, given := in.get("release")
	if t.Release, err = releaseDate(release, given, today); err != nil {
		return t, x, err
	}
	if s, ok := in.get("first_due"); ok {
		if t.FirstDue, err = termsDate(s, "first_due_date"); err != nil {
			return t, x, err
		}
	}
	if s, ok := in.get("day_count"); ok {
		if t.DayCount, err = schedule.ParseDayCount(s); err != nil {
			return t, x, err
		}
	}
	if s, ok := in.get("roll"); ok {
		if t.Roll, err = parseRoll(s); err != nil {
			return t, x, err
		}
	}
	return t, x, nil
}

// runSolve runs `lending solve`.
// solveFlagKeys maps solve's value flags to their input keys.
var solveFlagKeys = map[string]string{
	"amount": "amount", "installment": "installment", "rate": "rate", "annual-rate": "annual_rate",
	"installments": "installments", "release": "release", "first-due": "first_due",
	"day-count": "day_count", "roll": "roll",
}

// solveFlags declares solve's flags on a new flag set.
func solveFlags() (fs *flag.FlagSet, asJSON, batch *bool) {
	fs = flag.NewFlagSet("solve", flag.ContinueOnError)
	for f := range solveFlagKeys {
		fs.String(f, "", "see the help")
	}
	asJSON = fs.Bool("json", false, "print the answer as JSON")
	batch = fs.Bool("batch", false, "read JSON lines from stdin")
	onceEach(fs)
	return fs, asJSON, batch
}

func runSolve(args []string, s streams) int {
	fs, asJSON, batch := solveFlags()
	names := solveFlagKeys
	if code, done := parseFlags(fs, args, s, solveUsageText); done {
		return code
	}
	if fs.NArg() > 0 {
		return solveUsage(s, fmt.Sprintf("unexpected argument %q", fs.Arg(0)))
	}
	set := flagsSet(fs)
	if *batch {
		if len(set) > 1 {
			return solveUsage(s, "--batch reads every input from stdin; no other flag is allowed")
		}
		return jsonBatch("solve", s, solveLine)
	}
	in := solveInput{values: map[string]string{}}
	fs.Visit(func(f *flag.Flag) {
		if k, ok := names[f.Name]; ok {
			in.values[k] = f.Value.String()
		}
	})
	given := 0
	for _, f := range []string{"amount", "installment", "installments"} {
		if set[f] {
			given++
		}
	}
	if set["rate"] && set["annual-rate"] {
		return solveUsage(s, "--rate and --annual-rate are exclusive")
	}
	if set["rate"] || set["annual-rate"] {
		given++
	}
	if given != 3 {
		return solveUsage(s, fmt.Sprintf("%d of the four terms given; give three of --amount, --installment, --rate (or --annual-rate) and --installments", given))
	}
	a, err := in.solve(todayInSaoPaulo)
	if err != nil {
		fmt.Fprintln(s.err, err) // "code: detail"
		return exitInvalid
	}
	return printResult(s, "solve", *asJSON, a.MarshalJSON, func(w io.Writer) { writeSolve(w, a) })
}

func solveUsage(s streams, problem string) int {
	return commandUsage(s, "solve", solveUsageText, problem)
}

// writeSolve writes the answer as aligned lines, the solved term first.
func writeSolve(w io.Writer, a solveAnswer) {
	writeAligned(w, 0, func(tw io.Writer) {
		switch a.Solved {
		case "amount":
			fmt.Fprintf(tw, "amount\t%s\t(the largest whose installment is at most %s)\n", a.Amount, a.Installment)
			if a.PresentValue != nil {
				fmt.Fprintf(tw, "present value\t%s\n", *a.PresentValue)
			}
		case "installment":
			fmt.Fprintf(tw, "installment\t%s\n", a.Installment)
		case "rate":
			fmt.Fprintf(tw, "rate\t%s %% a.m.\t(root %s; %s %% a.a.)\n", a.Rate, strconv.FormatFloat(*a.Root, 'g', -1, 64), a.AnnualRate)
		case "installments":
			fmt.Fprintf(tw, "installments\t%d\t(NPER %s)\n", a.Installments, strconv.FormatFloat(*a.NPER, 'f', 6, 64))
		}
		if a.Solved != "amount" {
			fmt.Fprintf(tw, "amount\t%s\n", a.Amount)
		}
		if a.Solved != "installment" {
			fmt.Fprintf(tw, "installment\t%s\n", a.Installment)
		}
		if a.Solved != "installments" {
			fmt.Fprintf(tw, "installments\t%d\n", a.Installments)
		}
		if a.Solved != "rate" {
			fmt.Fprintf(tw, "rate\t%s %% a.m.\t(%s %% a.a.)\n", a.Rate, a.AnnualRate)
		}
	})
}

// solveLine answers one batch line.
func solveLine(line []byte) ([]byte, bool) {
	in, verr := decodeSolveLine(line)
	if verr != nil {
		return errorLine(verr), false
	}
	a, err := in.solve(todayInSaoPaulo)
	if err != nil {
		var e *apierr.Error
		if !errors.As(err, &e) { // the library returns only *apierr.Error
			e = apierr.Wrap(err, apierr.Internal, "", "%v", err)
		}
		if k, ok := solveParam[e.Param]; ok {
			e = e.WithParam(k)
		}
		return errorLine(e), false
	}
	out, _ := a.MarshalJSON() // strings and numbers only: cannot fail
	return append(out, '\n'), true
}

// decodeSolveLine reads one batch line: one JSON object whose keys are
// solveKeys, money and dates as strings, the count and rates as numbers.
func decodeSolveLine(line []byte) (solveInput, *apierr.Error) {
	in := solveInput{values: map[string]string{}}
	root, verr := parseLine(line, strictjson.Limits{})
	if verr != nil {
		return in, verr
	}
	raw, verr := lineKeys(root, "", solveKeys)
	if verr != nil {
		return in, verr
	}
	for _, k := range solveKeys {
		v, ok := raw[k]
		if !ok {
			continue
		}
		switch k {
		case "installments":
			n, err := strictjson.Int(v, k, 64)
			if err != nil {
				return in, countError(strictjson.First(err), k)
			}
			in.values[k] = strconv.FormatInt(n, 10)
		case "rate", "annual_rate":
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

package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/calendar"
	"github.com/dinie/lending/money"
	"github.com/dinie/lending/schedule"
)

// scheduleUsageText is the help of `lending schedule`.
const scheduleUsageText = `usage:
  lending schedule --amount 25000.00 --installments 42 --rate 0.629890 [flags]

Prints the amortization table of a loan (Price, or SAC): the regular
installment and, per installment, its nominal and due dates, payment,
interest, principal and balance, with totals.

Flags:
  --amount        principal, money in the wire format (25000.00); required
  --installments  installment count, 1 to 420; required
  --rate          interest rate in percent per month (2.5 = 2.5 % a.m.);
                  required unless --annual-rate is given
  --annual-rate   the contract's rate in percent per year (30 = 30 % a.a.),
                  instead of --rate
  --release       release date YYYY-MM-DD; default today in America/Sao_Paulo
  --first-due     first nominal due date YYYY-MM-DD; default release + 1 month
  --day-count     monthly (default), periodic, daily, actual365 (calendar days
                  / 365) or business252 (ANBIMA business days / 252)
  --roll          following (default), modified-following, preceding,
                  modified-preceding or unadjusted
  --grace         interest-only installments at the start, 0 (default) to
                  installments − 1
  --amortization  price (default) or sac
  --json          print the schedule as JSON

A flag is given once (a repeated flag is a usage error).

Exit status: 0 success; 1 when the terms are invalid ("code: detail" on stderr);
2 on a usage error.
`

// termsFlags are the flags of a loan's terms, shared by the commands that build a
// schedule (schedule, and simulate on top of it).
type termsFlags struct {
	amount, rate, annualRate, release, firstDue, dayCount, roll, amortization string
	installments, grace                                                       int
}

// register declares the flags on fs.
func (f *termsFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.amount, "amount", "", "principal, money in the wire format (25000.00)")
	fs.IntVar(&f.installments, "installments", 0, "installment count, 1 to 420")
	fs.StringVar(&f.rate, "rate", "", "interest rate in percent per month")
	fs.StringVar(&f.annualRate, "annual-rate", "", "the contract's rate in percent per year, instead of --rate")
	fs.StringVar(&f.release, "release", "", "release date YYYY-MM-DD (default today in America/Sao_Paulo)")
	fs.StringVar(&f.firstDue, "first-due", "", "first nominal due date YYYY-MM-DD (default release + 1 month)")
	fs.StringVar(&f.dayCount, "day-count", "monthly", "monthly, periodic, daily, actual365 or business252")
	fs.StringVar(&f.roll, "roll", "following", "following, modified-following, preceding, modified-preceding or unadjusted")
	fs.IntVar(&f.grace, "grace", 0, "interest-only installments at the start")
	fs.StringVar(&f.amortization, "amortization", "price", "price or sac")
}

// errMissingFlag marks a required flag left out: a usage error, not a rule
// failure.
var errMissingFlag = errors.New("missing flag")

// terms returns the parsed terms. A required flag that was not given is an error
// wrapping errMissingFlag, and so is --rate given with --annual-rate; a value
// that does not parse is a *apierr.Error with the flag's field as Param. today
// supplies the default release date.
func (f *termsFlags) terms(fs *flag.FlagSet, today func() (calendar.Date, error)) (schedule.Terms, error) {
	set := flagsSet(fs)
	if name := missingFlag(set, "amount", "installments"); name != "" {
		return schedule.Terms{}, fmt.Errorf("%w --%s", errMissingFlag, name)
	}
	if err := rateFlags(set); err != nil {
		return schedule.Terms{}, err
	}
	var t schedule.Terms
	var err error
	if t.Principal, err = money.Parse(f.amount); err != nil {
		return t, apierr.Relabel(err, "principal")
	}
	t.Installments = f.installments
	if err := f.rest(&t, set, today); err != nil {
		return t, err
	}
	return t, nil
}

// rateFlags checks that exactly one of --rate and --annual-rate was given.
func rateFlags(set map[string]bool) error {
	switch {
	case set["rate"] && set["annual-rate"]:
		return fmt.Errorf("%w: --rate and --annual-rate are exclusive; give the contract's rate once", errMissingFlag)
	case !set["rate"] && !set["annual-rate"]:
		return fmt.Errorf("%w --rate (or --annual-rate)", errMissingFlag)
	}
	return nil
}

// rest parses the terms' flags other than the amount and the count: the rate
// (per month or per year), the dates, the day count, the roll, the grace and
// the amortization.
func (f *termsFlags) rest(t *schedule.Terms, set map[string]bool, today func() (calendar.Date, error)) error {
	var err error
	if set["annual-rate"] {
		if t.AnnualRate, err = schedule.ParsePercentPerYear(f.annualRate); err != nil {
			return err
		}
	} else if set["rate"] {
		if t.Rate, err = schedule.ParsePercentPerMonth(f.rate); err != nil {
			return err
		}
	}
	if t.Release, err = releaseDate(f.release, set["release"], today); err != nil {
		return err
	}
	if set["first-due"] {
		if t.FirstDue, err = termsDate(f.firstDue, "first_due_date"); err != nil {
			return err
		}
	}
	if t.DayCount, err = schedule.ParseDayCount(f.dayCount); err != nil {
		return err
	}
	if t.Roll, err = parseRoll(f.roll); err != nil {
		return err
	}
	t.Grace = f.grace
	if t.Amortization, err = schedule.ParseAmortization(f.amortization); err != nil {
		return err
	}
	return nil
}

// flagsSet returns the names of the flags given on the command line.
func flagsSet(fs *flag.FlagSet) map[string]bool {
	set := map[string]bool{}
	fs.Visit(func(fl *flag.Flag) { set[fl.Name] = true })
	return set
}

// missingFlag returns the first of names that is not in set, or "".
func missingFlag(set map[string]bool, names ...string) string {
	for _, name := range names {
		if !set[name] {
			return name
		}
	}
	return ""
}

// releaseDate is the release date of the terms: s parsed when given, else
// today's date.
func releaseDate(s string, given bool, today func() (calendar.Date, error)) (calendar.Date, error) {
	if given {
		return termsDate(s, "release_date")
	}
	d, err := today()
	if err != nil {
		return d, apierr.Wrap(err, apierr.DateOutOfRange, "release_date", "today's date: %v", err)
	}
	return d, nil
}

// parseRoll parses a roll convention, as a *apierr.Error with Param "roll"
// on failure.
func parseRoll(s string) (calendar.Roll, error) {
	r, err := calendar.ParseRoll(s)
	if err != nil {
		return r, apierr.Wrap(err, apierr.InvalidFormat, "roll",
			"roll %s is not a roll convention; expected following, modified-following, preceding, modified-preceding or unadjusted", apierr.Quote(s))
	}
	return r, nil
}

// termsDate parses a YYYY-MM-DD flag or key into a date (givenDate: the zero
// date 0001-01-01 given is date_out_of_range, never "not given"), as a
// *apierr.Error on failure.
func termsDate(s, param string) (calendar.Date, error) {
	d, verr := givenDate(s, param)
	if verr != nil {
		return d, verr
	}
	return d, nil
}

// todayInSaoPaulo is the default release date: the civil date now in
// America/Sao_Paulo. The command reads the clock; the library never does.
func todayInSaoPaulo() (calendar.Date, error) { return calendar.DateOf(time.Now()) }

// runSchedule runs `lending schedule`.
func runSchedule(args []string, s streams) int {
	fs := flag.NewFlagSet("schedule", flag.ContinueOnError)
	var tf termsFlags
	tf.register(fs)
	asJSON := fs.Bool("json", false, "print the schedule as JSON")
	onceEach(fs)
	if code, done := parseFlags(fs, args, s, scheduleUsageText); done {
		return code
	}
	if fs.NArg() > 0 {
		return scheduleUsage(s, fmt.Sprintf("unexpected argument %q", fs.Arg(0)))
	}
	terms, err := tf.terms(fs, todayInSaoPaulo)
	if err == nil {
		var sch *schedule.Schedule
		if sch, err = schedule.New(terms); err == nil {
			return printResult(s, "schedule", *asJSON, sch.MarshalJSON, func(w io.Writer) { writeScheduleTable(w, sch) })
		}
	}
	if errors.Is(err, errMissingFlag) {
		return scheduleUsage(s, err.Error())
	}
	fmt.Fprintln(s.err, err) // "code: detail"
	return exitInvalid
}

func scheduleUsage(s streams, problem string) int {
	return commandUsage(s, "schedule", scheduleUsageText, problem)
}

// writeScheduleTable writes a header of the terms, then the rows and totals.
func writeScheduleTable(w io.Writer, sch *schedule.Schedule) {
	plan := sch.Plan()
	money := money.FormatCents
	fmt.Fprintf(w, "principal     %s\n", money(sch.TotalPrincipalCents()))
	if plan.RatePerYear() {
		fmt.Fprintf(w, "rate          %s %% a.a.  (%s %% a.m.)\n", plan.AnnualRate(), plan.Rate())
	} else {
		fmt.Fprintf(w, "rate          %s %% a.m.\n", plan.Rate())
	}
	fmt.Fprintf(w, "installments  %d × %s\n", sch.Len(), money(sch.InstallmentCents()))
	if plan.Grace() > 0 {
		fmt.Fprintf(w, "grace         %d interest-only\n", plan.Grace())
	}
	if plan.Amortization() != schedule.Price {
		fmt.Fprintf(w, "amortization  %s\n", plan.Amortization())
	}
	fmt.Fprintf(w, "release       %s\n", plan.Release())
	fmt.Fprintf(w, "day count     %s\n", plan.DayCount())
	fmt.Fprintf(w, "roll          %s\n\n", plan.Roll())
	writeRows(w, sch.Len(), sch.CentsRow, sch.TotalPaymentsCents(), sch.TotalInterestCents(), sch.TotalPrincipalCents())
}

// writeRows writes the table of a schedule, the schedule command's and the
// simulate command's: a header, rows 1 to n and a line of totals, aligned right.
func writeRows(w io.Writer, n int, row func(k int) schedule.CentsRow, payments, interest, principal int64) {
	money := money.FormatCents
	// Every cell ends in a tab, so that all columns align right; the empty cells
	// of the totals line leave trailing blanks, which writeAligned removes.
	writeAligned(w, tabwriter.AlignRight, func(tw io.Writer) {
		fmt.Fprintln(tw, strings.Join([]string{"#", "nominal date", "due date", "payment", "interest", "principal", "balance", ""}, "\t"))
		for k := 1; k <= n; k++ {
			r := row(k)
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t\n", r.Number, r.NominalDate, r.DueDate,
				money(r.Payment), money(r.Interest), money(r.Principal), money(r.Balance))
		}
		fmt.Fprintf(tw, "total\t\t\t%s\t%s\t%s\t\t\n", money(payments), money(interest), money(principal))
	})
}

// writeAligned writes what fill prints, aligned in columns by text/tabwriter
// (two spaces between columns; flags as text/tabwriter takes them), without
// trailing blanks on any line.
func writeAligned(w io.Writer, flags uint, fill func(tw io.Writer)) {
	var buf bytes.Buffer
	tw := tabwriter.NewWriter(&buf, 0, 0, 2, ' ', flags)
	fill(tw)
	tw.Flush()
	for _, line := range strings.SplitAfter(buf.String(), "\n") {
		io.WriteString(w, strings.TrimRight(line, " \n"))
		if strings.HasSuffix(line, "\n") {
			io.WriteString(w, "\n")
		}
	}
}

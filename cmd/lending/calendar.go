package main

import (
	"bufio"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/calendar"
)

// calendarUsageText is the help of `lending calendar`.
const calendarUsageText = `usage:
  lending calendar business-day [DATE...]  print DATE<TAB>true|false for each DATE;
                                           with no DATE, read one date per line from stdin
  lending calendar holidays YEAR           print DATE<TAB>NAME for each national holiday of YEAR
                                           (those on weekends included)
  lending calendar add DATE N              print the date N business days after DATE
                                           (before it when N is negative; N = 0 prints DATE)
  lending calendar adjust DATE ROLL        print DATE rolled onto a business day; ROLL is
                                           following, modified-following, preceding,
                                           modified-preceding or unadjusted

Dates are YYYY-MM-DD. The calendar is ANBIMA's national one (weekends, national
holidays, Carnival Monday and Tuesday).

business-day follows the batch convention of lending validate. One line is
printed per argument, or per stdin line when there are none, in input order:

  INPUT<TAB>true|false
  INPUT<TAB>error<TAB>REASON

INPUT is the input exactly as given: for stdin, the line without its "\n" or
"\r\n". Spaces around a date are ignored when it is read; a blank line is an input
like any other (an error). REASON never holds a tab, so a line can be split from
the right even when INPUT holds one. Stdin lines over 1 MiB are judged unread
(INPUT shows their first 64 bytes and "..."). A bad input never stops the batch.
Exit status: 0 if every input is a date, 1 if any is not, or if reading stdin or
writing failed (message on stderr).

For holidays, add and adjust, a malformed argument is a usage error (exit 2); a
result outside 0001-01-01..9999-12-31 is reported on stderr with exit 1.
`

// runCalendar runs `lending calendar SUBCOMMAND ...`. Logic lives in package
// calendar; this parses arguments and prints.
func runCalendar(args []string, s streams) int {
	if len(args) == 0 {
		return calendarUsage(s, "missing subcommand")
	}
	sub, rest := args[0], args[1:]
	switch sub {
	case "help", "-h", "--help":
		fmt.Fprint(s.out, calendarUsageText)
		return exitOK
	case "business-day":
		return calendarBusinessDay(rest, s)
	case "holidays":
		return calendarHolidays(rest, s)
	case "add":
		return calendarAdd(rest, s)
	case "adjust":
		return calendarAdjust(rest, s)
	}
	return calendarUsage(s, fmt.Sprintf("unknown subcommand %q", sub))
}

func calendarUsage(s streams, problem string) int {
	return commandUsage(s, "calendar", calendarUsageText, problem)
}

// calendarBusinessDay answers each argument, or each stdin line when there are
// none (judgeBatch).
func calendarBusinessDay(args []string, s streams) int {
	c := calendar.Brazil()
	return judgeBatch("calendar", args, s, func(input string, tooLong bool) (string, bool) {
		if tooLong {
			return fmt.Sprintf("...\terror\tline longer than %d bytes", maxInputLine), false
		}
		d, err := calendar.ParseDate(strings.TrimSpace(input))
		switch {
		case err != nil:
			return "\terror\t" + reason(err), false
		case c.IsBusinessDay(d):
			return "\ttrue", true
		}
		return "\tfalse", true
	})
}

// reason is the error column of business-day: the error's Detail without the
// param and quoted input it starts with (the line already shows the input), so
// `date "2026-02-30": invalid date: day 30 …` reads "invalid date: day 30 …".
func reason(err error) string {
	var e *apierr.Error
	if !errors.As(err, &e) {
		return err.Error()
	}
	rest, ok := strings.CutPrefix(e.Detail, e.Param+" ")
	if !ok {
		return e.Detail
	}
	q, qerr := strconv.QuotedPrefix(rest)
	if qerr != nil {
		return e.Detail
	}
	rest = rest[len(q):]
	if strings.HasPrefix(rest, "… (") { // apierr.Quote cut a long input
		if i := strings.IndexByte(rest, ')'); i >= 0 {
			rest = rest[i+1:]
		}
	}
	return strings.TrimPrefix(rest, ": ")
}

func calendarHolidays(args []string, s streams) int {
	if len(args) != 1 {
		return calendarUsage(s, "holidays takes one YEAR")
	}
	year, err := strconv.Atoi(args[0])
	if err != nil || year < calendar.MinYear || year > calendar.MaxYear {
		return calendarUsage(s, fmt.Sprintf("YEAR %q is not a year from 1 to 9999", args[0]))
	}
	hs, err := calendar.Brazil().Holidays(year)
	if err != nil { // unreachable after the check above
		fmt.Fprintf(s.err, "lending calendar: %v\n", err)
		return exitInvalid
	}
	w := bufio.NewWriter(s.out)
	for _, h := range hs {
		fmt.Fprintf(w, "%s\t%s\n", h.Date, h.Name)
	}
	return flush(w, s, "calendar")
}

func calendarAdd(args []string, s streams) int {
	if len(args) != 2 {
		return calendarUsage(s, "add takes DATE and N")
	}
	d, err := calendar.ParseDate(args[0])
	if err != nil {
		return calendarUsage(s, fmt.Sprintf("DATE: %s", reasonWithInput(err)))
	}
	n, err := strconv.Atoi(args[1])
	if err != nil {
		return calendarUsage(s, fmt.Sprintf("N %q is not a whole number", args[1]))
	}
	res, err := calendar.Brazil().AddBusinessDays(d, n)
	return printDate(s, res, err)
}

func calendarAdjust(args []string, s streams) int {
	if len(args) != 2 {
		return calendarUsage(s, "adjust takes DATE and ROLL")
	}
	d, err := calendar.ParseDate(args[0])
	if err != nil {
		return calendarUsage(s, fmt.Sprintf("DATE: %s", reasonWithInput(err)))
	}
	r, err := calendar.ParseRoll(args[1])
	if err != nil {
		return calendarUsage(s, fmt.Sprintf("ROLL: %s", reasonWithInput(err)))
	}
	res, err := calendar.Brazil().Adjust(d, r)
	return printDate(s, res, err)
}

// reasonWithInput is the Detail of a calendar error: the input quoted and why it
// was refused.
func reasonWithInput(err error) string {
	var e *apierr.Error
	if errors.As(err, &e) {
		return e.Detail
	}
	return err.Error()
}

func printDate(s streams, d calendar.Date, err error) int {
	if err != nil {
		fmt.Fprintf(s.err, "lending calendar: %v\n", err)
		return exitInvalid
	}
	w := bufio.NewWriter(s.out)
	fmt.Fprintln(w, d)
	return flush(w, s, "calendar")
}

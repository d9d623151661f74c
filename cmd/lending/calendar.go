package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

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

business-day judges its inputs: a date that does not parse prints
INPUT<TAB>error<TAB>REASON in its place, the others are still answered, and the
exit status is 1 if any input was bad (0 otherwise). Blank input lines are
skipped; surrounding spaces are ignored. An input holding a tab, a control
character or invalid UTF-8 is echoed Go-quoted.

For holidays, add and adjust, a malformed argument is a usage error (exit 2); a
result outside 0001-01-01..9999-12-31 is reported on stderr with exit 1.
`

// maxLine bounds one stdin line of business-day; a longer line is reported as
// bad (its first bytes echoed) and skipped, so no input can exhaust memory.
const maxLine = 4096

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
	fmt.Fprintf(s.err, "lending calendar: %s\n\n%s", problem, calendarUsageText)
	return exitUsage
}

// calendarBusinessDay answers each argument, or each stdin line when there are
// none.
func calendarBusinessDay(args []string, s streams) int {
	c := calendar.Brazil()
	w := bufio.NewWriter(s.out)
	bad := false
	judge := func(input string) {
		d, err := calendar.ParseDate(input)
		if err != nil {
			bad = true
			fmt.Fprintf(w, "%s\terror\t%s\n", echo(input), reason(err))
			return
		}
		w.WriteString(input)
		if c.IsBusinessDay(d) {
			w.WriteString("\ttrue\n")
		} else {
			w.WriteString("\tfalse\n")
		}
	}
	if len(args) > 0 {
		for _, a := range args {
			judge(strings.TrimSpace(a))
		}
	} else {
		r := bufio.NewReaderSize(s.in, maxLine)
		for {
			line, tooLong, err := readLine(r)
			if tooLong {
				bad = true
				fmt.Fprintf(w, "%s...\terror\tline longer than %d bytes\n", echo(line), maxLine)
			} else if line = strings.TrimSpace(line); line != "" {
				judge(line)
			}
			if err == io.EOF {
				break
			}
			if err != nil {
				w.Flush()
				fmt.Fprintf(s.err, "lending calendar: reading stdin: %v\n", err)
				return exitInvalid
			}
		}
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintf(s.err, "lending calendar: writing output: %v\n", err)
		return exitInvalid
	}
	if bad {
		return exitInvalid
	}
	return exitOK
}

// readLine returns the next line without its newline. A line longer than the
// reader's buffer comes back as its first 64 bytes with tooLong set, the rest
// discarded. err is io.EOF after the last line.
func readLine(r *bufio.Reader) (line string, tooLong bool, err error) {
	b, err := r.ReadSlice('\n')
	if errors.Is(err, bufio.ErrBufferFull) {
		head := string(b[:64])
		for errors.Is(err, bufio.ErrBufferFull) {
			_, err = r.ReadSlice('\n')
		}
		return head, true, err
	}
	return strings.TrimSuffix(string(b), "\n"), false, err
}

// echo returns an input for the output's first column: as it is, or
// Go-quoted when it could break the tab-separated lines.
func echo(s string) string {
	if !utf8.ValidString(s) || strings.ContainsFunc(s, unicode.IsControl) {
		return strconv.Quote(s)
	}
	return s
}

// reason is the error column of business-day: the sentinel's words and the
// reason, without the operation and input the line already shows.
func reason(err error) string {
	var e *calendar.Error
	if errors.As(err, &e) {
		return strings.TrimPrefix(e.Err.Error(), "calendar: ") + ": " + e.Reason
	}
	return err.Error()
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
	return flush(w, s)
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

func reasonWithInput(err error) string {
	var e *calendar.Error
	if errors.As(err, &e) {
		return strconv.Quote(e.Input) + ": " + reason(err)
	}
	return err.Error()
}

func printDate(s streams, d calendar.Date, err error) int {
	if err != nil {
		fmt.Fprintf(s.err, "lending: %v\n", err)
		return exitInvalid
	}
	w := bufio.NewWriter(s.out)
	fmt.Fprintln(w, d)
	return flush(w, s)
}

func flush(w *bufio.Writer, s streams) int {
	if err := w.Flush(); err != nil {
		fmt.Fprintf(s.err, "lending calendar: writing output: %v\n", err)
		return exitInvalid
	}
	return exitOK
}

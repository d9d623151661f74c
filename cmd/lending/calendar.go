package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

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

// maxInputLine bounds one stdin line of the batch commands (calendar
// business-day, validate): far longer than any valid input, short enough that no
// input can exhaust memory. A longer line is judged unread.
const maxInputLine = 1 << 20

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

// judgeBatch is the batch convention of calendar business-day and validate: it
// judges each argument, or each stdin line when there are none (eachLine), and
// prints one line per input, the input as given followed by what judge answers
// for it. It returns exitInvalid when judge found any input bad or reading or
// writing failed (the reason on stderr, after "lending NAME: "), exitOK otherwise.
func judgeBatch(name string, args []string, s streams, judge func(input string, tooLong bool) (answer string, ok bool)) int {
	w := bufio.NewWriter(s.out)
	bad := false
	each := func(input string, tooLong bool) {
		answer, ok := judge(input, tooLong)
		bad = bad || !ok
		w.WriteString(input)
		w.WriteString(answer)
		w.WriteByte('\n')
	}
	if len(args) > 0 {
		for _, a := range args {
			each(a, false)
		}
	} else if err := eachLine(s.in, each); err != nil {
		w.Flush()
		fmt.Fprintf(s.err, "lending %s: reading stdin: %v\n", name, err)
		return exitInvalid
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintf(s.err, "lending %s: writing output: %v\n", name, err)
		return exitInvalid
	}
	if bad {
		return exitInvalid
	}
	return exitOK
}

// eachLine calls fn with each line of in, without its "\n" or "\r\n" (a "\r" is
// removed only as part of that terminator), including a last line without a
// newline; an empty input has no lines. A line of maxInputLine bytes or more comes
// as its first 64 bytes with tooLong set, the rest unread. It returns the first
// read error other than io.EOF. This is the batch convention of calendar
// business-day and validate: every line, blank ones too, is an input.
func eachLine(in io.Reader, fn func(line string, tooLong bool)) error {
	r := bufio.NewReaderSize(in, maxInputLine)
	for {
		line, tooLong, err := readLine(r)
		if err != nil && err != io.EOF {
			return err
		}
		if err == nil || line != "" || tooLong {
			fn(line, tooLong)
		}
		if err != nil {
			return nil
		}
	}
}

// readLine returns the next line without its "\n" or "\r\n". A line that does
// not fit the reader's buffer with its newline comes back as its first 64 bytes
// with tooLong set, the rest consumed unread. err is nil when the line ended with
// "\n", io.EOF for a last line without it (then line may be empty: no input
// left), or the read error.
func readLine(r *bufio.Reader) (line string, tooLong bool, err error) {
	b, err := r.ReadSlice('\n')
	if errors.Is(err, bufio.ErrBufferFull) {
		head := string(b[:64])
		for errors.Is(err, bufio.ErrBufferFull) {
			_, err = r.ReadSlice('\n')
		}
		return head, true, err
	}
	if err == nil {
		b = b[:len(b)-1]
		if n := len(b); n > 0 && b[n-1] == '\r' {
			b = b[:n-1]
		}
	}
	return string(b), false, err
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
		fmt.Fprintf(s.err, "lending calendar: %v\n", err)
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

package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/internal/strictjson"
	"github.com/dinie/lending/schedule"
)

// The batch conventions, shared by every command that reads inputs from stdin.
//
// Judging commands (calendar business-day, validate) print one line per input,
// the input as given followed by a verdict; every stdin line is an input, blank
// ones too. JSON-line commands (cet --batch, simulate --batch) print one JSON
// line per input, the answer or {"error":{…}}; blank lines are skipped. Both
// read lines up to maxInputLine, never stop on a bad input, exit 1 when any
// input was bad and exit 1 with "lending NAME: reading stdin: …" or
// "… writing output: …" on stderr when the streams fail.

// maxInputLine bounds one stdin line of a batch: far longer than any valid input
// (10,000 CET flows, the cet package's limit, take about 500 KB), short enough
// that no input can exhaust memory. A longer line is answered without being read:
// judged bad by the judging commands, malformed_body for the JSON-line ones.
const maxInputLine = 1 << 20

// lineMode says which stdin lines are inputs.
type lineMode int

const (
	everyLine lineMode = iota // judging commands: blank lines are inputs too
	skipBlank                 // JSON-line commands: white-space-only lines are skipped
)

// runBatch feeds each input to answer, which writes its output to w and reports
// whether the input was good. The inputs are args when there are any, else the
// lines of stdin (eachLine, in mode). It returns exitInvalid when any input was
// bad or reading or writing failed (the reason on stderr, after "lending NAME: "),
// exitOK otherwise.
func runBatch(name string, args []string, s streams, mode lineMode, answer func(w *bufio.Writer, input string, tooLong bool) bool) int {
	w := bufio.NewWriter(s.out)
	bad := false
	each := func(input string, tooLong bool) {
		bad = !answer(w, input, tooLong) || bad
	}
	if len(args) > 0 {
		for _, a := range args {
			each(a, false)
		}
	} else if err := eachLine(s.in, mode, each); err != nil {
		w.Flush()
		fmt.Fprintf(s.err, "lending %s: reading stdin: %v\n", name, err)
		return exitInvalid
	}
	if code := flush(w, s, name); code != exitOK {
		return code
	}
	if bad {
		return exitInvalid
	}
	return exitOK
}

// judgeBatch is the batch of the judging commands: for each input it prints the
// input as given followed by what judge answers for it (a tab-separated verdict)
// and a newline.
func judgeBatch(name string, args []string, s streams, judge func(input string, tooLong bool) (answer string, ok bool)) int {
	return runBatch(name, args, s, everyLine, func(w *bufio.Writer, input string, tooLong bool) bool {
		answer, ok := judge(input, tooLong)
		w.WriteString(input)
		w.WriteString(answer)
		w.WriteByte('\n')
		return ok
	})
}

// jsonBatch is the batch of the JSON-line commands: for each non-blank stdin line
// it prints what answer returns (one JSON line, newline included); a line over
// maxInputLine gets a malformed_body error line unread.
func jsonBatch(name string, s streams, answer func(line []byte) (out []byte, ok bool)) int {
	return runBatch(name, nil, s, skipBlank, func(w *bufio.Writer, input string, tooLong bool) bool {
		if tooLong {
			w.Write(errorLine(apierr.Errorf(apierr.MalformedBody, "",
				"line over %d bytes (1 MiB)", maxInputLine)))
			return false
		}
		out, ok := answer([]byte(input))
		w.Write(out)
		return ok
	})
}

// errorLine is the output line of a JSON-line command for an input it refuses:
// {"error":{"code":…,"param":…,"detail":…}} and a newline.
func errorLine(e *apierr.Error) []byte {
	out, _ := json.Marshal(struct { // strings only: cannot fail
		Error *apierr.Error `json:"error"`
	}{e})
	return append(out, '\n')
}

// eachLine calls fn with each line of in, without its "\n" or "\r\n" (a "\r" is
// removed only as part of that terminator), including a last line without a
// newline; an empty input has no lines. In skipBlank mode a line of white space
// only is passed over. A line over maxInputLine bytes (its terminator not
// counted; a line of exactly 1 MiB is read) comes as its first 64 bytes with
// tooLong set, the rest unread. It returns the first read error other
// than io.EOF; a piece of line read before that error is not passed to fn, since
// it is not known to be a whole input.
func eachLine(in io.Reader, mode lineMode, fn func(line string, tooLong bool)) error {
	r := bufio.NewReaderSize(in, maxInputLine+len("\r\n"))
	for {
		line, tooLong, err := readLine(r)
		if err != nil && err != io.EOF {
			return err
		}
		switch {
		case tooLong:
			fn(line, true)
		case mode == skipBlank && strings.TrimSpace(line) == "":
		case err == nil || line != "":
			fn(line, false)
		}
		if err != nil {
			return nil
		}
	}
}

// readLine returns the next line without its "\n" or "\r\n". A line over
// maxInputLine bytes, or one that does not fit the reader's buffer
// (maxInputLine plus a "\r\n") with its newline, comes back as its first 64 bytes
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
	if len(b) > maxInputLine {
		return string(b[:64]), true, err
	}
	return string(b), false, err
}

// parseLine reads a line that must hold exactly one JSON object, with the
// library's shared strict reader (internal/strictjson): malformed JSON is
// malformed_body; a key given twice, keys differing only in case and values over
// their length bound are invalid_format naming the key. lim raises the bounds
// for the commands whose lines carry documents (a webhook body). A line has one
// error output: the first.
func parseLine(line []byte, lim strictjson.Limits) (strictjson.Value, *apierr.Error) {
	v, err := strictjson.ParseObject(line, lim)
	if err != nil {
		return v, domainRange(strictjson.First(err))
	}
	return v, nil
}

// domainRange gives the reader's generic range error (an integer too long for
// any field) the code of the key's domain: an installment count of 10,000
// digits is installments_out_of_range, as one of 421 is; a rate's
// rate_out_of_range.
func domainRange(e *apierr.Error) *apierr.Error {
	if e.Code != apierr.ValueOutOfRange {
		return e
	}
	key := e.Param[strings.LastIndexByte(e.Param, '.')+1:]
	var code apierr.Code
	var expected string
	switch key {
	case "installments":
		code, expected = apierr.InstallmentsOutOfRange, fmt.Sprintf("1 to %d", schedule.MaxInstallments)
	case "rate", "fee_percent":
		code, expected = apierr.RateOutOfRange, "0 to 100"
	case "annual_rate":
		code, expected = apierr.RateOutOfRange, "0 to 409500"
	case "first_period_max_days":
		code, expected = apierr.InvalidDueDate, fmt.Sprintf("a whole number of days from 1 to %d", schedule.MaxFirstPeriodMaxDays)
	default:
		return e
	}
	return apierr.Wrap(apierr.ErrRange, code, e.Param, "%s; expected %s", e.Detail, expected)
}

// lineKeys checks that v, the object at path, has only the given keys and
// returns its non-null members: null is the same as an absent key.
func lineKeys(v strictjson.Value, path string, keys []string) (map[string]strictjson.Value, *apierr.Error) {
	m, err := strictjson.Members(v, path, keys)
	if err != nil {
		return nil, strictjson.First(err)
	}
	return m, nil
}

// stringField reads a required JSON string: absent is missing_required_field,
// another JSON type invalid_format.
func stringField(v strictjson.Value, ok bool, param string) (string, *apierr.Error) {
	if !ok || v.IsNull() {
		return "", apierr.Errorf(apierr.MissingRequiredField, param, "%s is required", param)
	}
	s, err := strictjson.Str(v, param)
	if err != nil {
		return "", strictjson.First(err)
	}
	return s, nil
}

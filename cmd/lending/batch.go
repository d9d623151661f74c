package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/dinie/lending/apierr"
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
				"line longer than %d bytes", maxInputLine)))
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
// only is passed over. A line of maxInputLine bytes or more comes as its first 64
// bytes with tooLong set, the rest unread. It returns the first read error other
// than io.EOF; a piece of line read before that error is not passed to fn, since
// it is not known to be a whole input.
func eachLine(in io.Reader, mode lineMode, fn func(line string, tooLong bool)) error {
	r := bufio.NewReaderSize(in, maxInputLine)
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

// decodeObject decodes a line that must hold exactly one JSON object.
func decodeObject(line []byte, v any) *apierr.Error {
	trimmed := bytes.TrimSpace(line)
	if len(trimmed) == 0 || trimmed[0] != '{' {
		return apierr.Errorf(apierr.MalformedBody, "", "expected a JSON object per line")
	}
	dec := json.NewDecoder(bytes.NewReader(trimmed))
	if err := dec.Decode(v); err != nil {
		return apierr.Errorf(apierr.MalformedBody, "", "not valid JSON: %v", err)
	}
	if dec.More() {
		return apierr.Errorf(apierr.MalformedBody, "", "not valid JSON: data after the object")
	}
	return nil
}

func isNull(raw json.RawMessage) bool { return len(raw) == 0 || string(raw) == "null" }

// stringField reads a required JSON string.
func stringField(raw json.RawMessage, param string) (string, *apierr.Error) {
	if isNull(raw) {
		return "", apierr.Errorf(apierr.MissingRequiredField, param, "%s is required", param)
	}
	var s string
	if raw[0] != '"' || json.Unmarshal(raw, &s) != nil {
		return "", apierr.Errorf(apierr.InvalidFormat, param, "%s must be a JSON string", param)
	}
	return s, nil
}

// quoteInput quotes an input for a message, cut to 64 bytes so a megabyte of
// garbage does not become a megabyte of output.
func quoteInput(s string) string {
	if len(s) > 64 {
		return strconv.Quote(s[:64]) + "..."
	}
	return strconv.Quote(s)
}

package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/dinie/lending/apierr"
)

const (
	exitOK      = 0
	exitInvalid = 1
	exitUsage   = 2
)

// streams are a command's standard input and outputs, passed in so tests run
// commands in-process.
type streams struct {
	in  io.Reader
	out io.Writer
	err io.Writer
}

// command is one subcommand: its name, a one-line summary for the usage text and the
// function that runs it with the arguments after its name.
type command struct {
	name    string
	summary string
	run     func(args []string, s streams) int
}

// commands is the dispatch table, one line per subcommand.
func commands() []command {
	return []command{
		{"simulate", "simulate a loan (the API's simulation)", runSimulate},
		{"calendar", "business days, holidays, date rolling", runCalendar},
		{"cet", "solve the CET of dated cash flows (--batch)", runCET},
		{"validate", "check CPF, CNPJ, phone, e-mail, CEP, money", runValidate},
		{"schedule", "the amortization table of a loan (Price or SAC)", runSchedule},
		{"solve", "the missing term: amount, installment, rate or count", runSolve},
		{"loan", "a booked loan's transactions, payoff and prepayment (--batch)", runLoan},
		{"payoff", "the payoff of a loan on a date", runPayoff},
		{"webhook", "sign and verify webhook deliveries", runWebhook},
		{"serve", "serve the whole API locally (the sandbox)", runServe},
	}
}

func main() {
	os.Exit(run(os.Args[1:], streams{in: os.Stdin, out: os.Stdout, err: os.Stderr}))
}

func run(args []string, s streams) int {
	if len(args) == 0 {
		return usage(s, "missing command")
	}
	if args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		printUsage(s.out)
		return exitOK
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(args[1:], s)
		}
	}
	return usage(s, fmt.Sprintf("unknown command %q", args[0]))
}

// usage reports a usage error on stderr, with the list of commands, and returns
// exitUsage.
func usage(s streams, problem string) int {
	fmt.Fprintf(s.err, "lending: %s\n\n", problem)
	printUsage(s.err)
	return exitUsage
}

func printUsage(w io.Writer) {
	fmt.Fprintln(w, "usage: lending <command> [arguments]")
	fmt.Fprintln(w, "\ncommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
}

// commandUsage reports a usage error of `lending NAME` on stderr, followed by the
// command's help text, and returns exitUsage.
func commandUsage(s streams, name, help, problem string) int {
	fmt.Fprintf(s.err, "lending %s: %s\n\n%s", name, problem, help)
	return exitUsage
}

// parseFlags parses a command's flags. -h or --help prints the help text on
// stdout, a bad flag is a usage error; either way done is true and code is the
// exit status. Output of the flag package itself is discarded.
func parseFlags(fs *flag.FlagSet, args []string, s streams, help string) (code int, done bool) {
	fs.SetOutput(io.Discard)
	err := fs.Parse(args)
	switch {
	case err == nil:
		return exitOK, false
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprint(s.out, help)
		return exitOK, true
	}
	return commandUsage(s, fs.Name(), help, flagProblem(err)), true
}

// flagProblem is the flag package's error with the value it quotes cut to a
// short prefix (apierr.Quote): the package quotes a refused value whole, and a
// value can be a megabyte.
func flagProblem(err error) string {
	msg := err.Error()
	const pre = "invalid value "
	if !strings.HasPrefix(msg, pre) {
		return msg
	}
	q, err2 := strconv.QuotedPrefix(msg[len(pre):])
	if err2 != nil {
		return msg
	}
	v, err2 := strconv.Unquote(q)
	if err2 != nil {
		return msg
	}
	return pre + apierr.Quote(v) + msg[len(pre)+len(q):]
}

// printResult writes one result to s.out: its JSON indented, with a final
// newline, when asJSON, else what text writes. marshal never fails for a value
// the library built.
func printResult(s streams, name string, asJSON bool, marshal func() ([]byte, error), text func(io.Writer)) int {
	var out bytes.Buffer
	if asJSON {
		b, _ := marshal()
		json.Indent(&out, b, "", "  ")
		out.WriteByte('\n')
	} else {
		text(&out)
	}
	if _, err := s.out.Write(out.Bytes()); err != nil {
		fmt.Fprintf(s.err, "lending %s: writing output: %v\n", name, err)
		return exitInvalid
	}
	return exitOK
}

// flush flushes a command's buffered output; a failure is reported on stderr and
// is exit 1.
func flush(w *bufio.Writer, s streams, name string) int {
	if err := w.Flush(); err != nil {
		fmt.Fprintf(s.err, "lending %s: writing output: %v\n", name, err)
		return exitInvalid
	}
	return exitOK
}

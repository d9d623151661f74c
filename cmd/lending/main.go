// Command lending is the command-line face of the library: it answers the same
// questions a server asks (is this a business day, is this CPF valid, simulate this
// loan) from flags or, in batch, from one input per line on stdin.
//
// Exit status: 0 success; 1 when an input was invalid or a rule refused it (in a
// batch: any line), or when stdin could not be read or stdout written; 2 on a usage
// error (message on stderr). Each command's help says what it judges.
package main

import (
	"fmt"
	"io"
	"os"
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
		{"schedule", "the Price table of a loan", runSchedule},
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

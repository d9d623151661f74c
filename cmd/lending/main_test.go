package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"
)

// runCLI runs `lending ARGS...` in-process with stdin and returns the exit
// status, stdout and stderr.
func runCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, streams{in: strings.NewReader(stdin), out: &out, err: &errOut})
	return code, out.String(), errOut.String()
}

// failingReader is a stdin that cannot be read.
type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errors.New("disk on fire") }

// failingWriter is a stdout that cannot be written.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("pipe closed") }

// TestDocManual: doc.go, the CLI's manual, has a section for every command with
// its summary line, names every flag of the flag-driven commands (as their help
// texts do) and every batch input key of simulate, so neither drifts from the code.
func TestDocManual(t *testing.T) {
	raw, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(raw)
	for _, c := range commands() {
		if !strings.Contains(doc, "// # "+c.name+"\n") || !strings.Contains(doc, fmt.Sprintf("//\t%-10s %s\n", c.name, c.summary)) {
			t.Errorf("doc.go lacks the section or the summary line of %s", c.name)
		}
	}
	var sim simulateFlags
	simFS := flag.NewFlagSet("simulate", flag.ContinueOnError)
	sim.register(simFS)
	var terms termsFlags
	schedFS := flag.NewFlagSet("schedule", flag.ContinueOnError)
	terms.register(schedFS)
	schedFS.Bool("json", false, "")
	for _, c := range []struct {
		fs   *flag.FlagSet
		help string
	}{{simFS, simulateUsageText}, {schedFS, scheduleUsageText}} {
		c.fs.VisitAll(func(f *flag.Flag) {
			if !strings.Contains(doc, "--"+f.Name) || !strings.Contains(c.help, "--"+f.Name) {
				t.Errorf("%s --%s is missing from doc.go or from its help", c.fs.Name(), f.Name)
			}
		})
	}
	for _, k := range simulateKeys {
		if !strings.Contains(doc, k) {
			t.Errorf("simulate's batch key %s is missing from doc.go", k)
		}
	}
}

package simulation_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/simulation"
)

var update = flag.Bool("update", false, "rewrite the expected outputs of the golden cases whose source is the reference")

// corpusDir holds the golden corpus: one JSON file per case (see its README).
const corpusDir = "../testdata/simulation"

// goldenCase is one file of the corpus.
type goldenCase struct {
	Description string `json:"description"`
	// Checked says where the expected values were checked: "reference: …" (the
	// slow implementation in reference_test.go), "published: …" (a figure from an
	// outside source, named) or "hand: …" (the arithmetic is in Note).
	Checked string `json:"checked"`
	Note    string `json:"note,omitempty"`
	// Input is the simulation's input, in the keys of `lending simulate --batch`.
	Input json.RawMessage `json:"input"`
	// Asserts are published or hand-computed figures: a dotted path into the
	// output and its value. -update never changes them.
	Asserts map[string]json.RawMessage `json:"asserts,omitempty"`
	// Expected is the whole output: the simulation's JSON, or {"error": {code, param}}.
	Expected json.RawMessage `json:"expected,omitempty"`
}

func loadCorpus(t *testing.T) map[string]goldenCase {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(corpusDir, "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus in %s: %v", corpusDir, err)
	}
	cases := map[string]goldenCase{}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var c goldenCase
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&c); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		cases[f] = c
	}
	return cases
}

// output runs the library on a case: the simulation, its JSON or the error
// object, and the error.
func output(in caseInput) (*simulation.Simulation, []byte, error) {
	o, req, opts, err := in.library()
	var s *simulation.Simulation
	if err == nil {
		s, err = simulation.Simulate(o, req, opts)
	}
	if err != nil {
		var e *apierr.Error
		if !errors.As(err, &e) {
			return nil, nil, err
		}
		out, _ := json.Marshal(map[string]any{"error": map[string]string{"code": string(e.Code), "param": e.Param}})
		return nil, out, err
	}
	out, _ := s.MarshalJSON()
	return s, out, nil
}

// TestGolden runs every case of the corpus and checks its output three ways:
// against the file, against the reference implementation (every case, every
// field), and against the case's published or hand-computed figures. With
// -update, the expected output of a case checked by the reference is rewritten
// (after it agrees with the reference); a published or hand case is only given
// an expected output when it has none, and its figures are never touched.
func TestGolden(t *testing.T) {
	for file, c := range loadCorpus(t) {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".json"), func(t *testing.T) {
			kind, _, _ := strings.Cut(c.Checked, ":")
			if !slices.Contains([]string{"reference", "published", "hand"}, kind) {
				t.Fatalf("checked %q: want reference:, published: or hand:", c.Checked)
			}
			if kind != "reference" && len(c.Asserts) == 0 {
				t.Errorf("a %s case must assert its figures", kind)
			}
			var in caseInput
			dec := json.NewDecoder(bytes.NewReader(c.Input))
			dec.DisallowUnknownFields()
			if err := dec.Decode(&in); err != nil {
				t.Fatalf("input: %v", err)
			}
			s, got, err := output(in)
			if got == nil {
				t.Fatalf("error %v is not a *apierr.Error", err)
			}
			for _, d := range diffRef(s, err, refSimulate(in.reference())) {
				t.Error("reference: " + d)
			}
			for path, want := range c.Asserts {
				var w bytes.Buffer
				json.Compact(&w, want)
				if v, ok := lookup(got, path); !ok || v != w.String() {
					t.Errorf("%s = %s, want %s (%s)", path, v, w.String(), c.Checked)
				}
			}
			var want bytes.Buffer
			if len(c.Expected) > 0 {
				if err := json.Compact(&want, c.Expected); err != nil {
					t.Fatal(err)
				}
			}
			if bytes.Equal(want.Bytes(), got) {
				return
			}
			if *update && !t.Failed() && (kind == "reference" || len(c.Expected) == 0) {
				c.Expected = got
				writeCase(t, file, c)
				return
			}
			t.Errorf("output differs from the file (go test -run TestGolden -update rewrites reference cases)\n got: %s\nwant: %s", got, want.Bytes())
		})
	}
}

func writeCase(t *testing.T, file string, c goldenCase) {
	t.Helper()
	var raw bytes.Buffer
	enc := json.NewEncoder(&raw)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(c); err != nil {
		t.Fatal(err)
	}
	out, err := pretty(raw.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, out, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestCorpusFormat: every file is written in the corpus's canonical layout, so
// that -update rewrites only the expected outputs.
func TestCorpusFormat(t *testing.T) {
	for file := range loadCorpus(t) {
		raw, _ := os.ReadFile(file)
		out, err := pretty(raw)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(raw, out) {
			t.Errorf("%s is not in the canonical layout (two-space indent, one schedule row per line)", file)
		}
	}
}

// TestCorpusCoverage: the corpus keeps covering what it must (the brief of the
// corpus, testdata/simulation/README.md): every borrower class, roll, day count
// and charges mode; releases on both sides of every boundary of the IOF table;
// 1 and 420 installments; zero interest; fixed and percentage fees; and cases
// checked against published figures and by hand.
func TestCorpusCoverage(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range loadCorpus(t) {
		var in caseInput
		if err := json.Unmarshal(c.Input, &in); err != nil {
			t.Fatal(err)
		}
		in = in.withDefaults()
		for _, k := range []string{"borrower " + in.Borrower, "roll " + in.Roll, "day count " + in.DayCount,
			"charges " + in.Charges, "release " + in.Release, "installments " + fmt.Sprint(in.Installments),
			"rate " + in.Rate.String()} {
			seen[k] = true
		}
		if in.FeeFixed != "0.00" {
			seen["fee fixed"] = true
		}
		if in.FeePercent != "0" {
			seen["fee percent"] = true
		}
		kind, _, _ := strings.Cut(c.Checked, ":")
		seen["checked "+kind] = true
	}
	want := []string{"borrower pf", "borrower pj", "borrower simples", "borrower mei",
		"roll following", "roll modified-following", "roll preceding", "roll modified-preceding", "roll unadjusted",
		"day count monthly", "day count periodic", "day count daily", "charges deducted", "charges financed",
		"installments 1", "installments 420", "rate 0", "fee fixed", "fee percent",
		"checked reference", "checked published", "checked hand"}
	for _, row := range refIOFTable {
		want = append(want, "release "+row.from.Format("2006-01-02"), "release "+row.from.AddDate(0, 0, -1).Format("2006-01-02"))
	}
	for _, w := range want {
		if !seen[w] {
			t.Errorf("the corpus has no case with %s", w)
		}
	}
}

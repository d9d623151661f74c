package docscheck

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// root is the module's root, two levels above this package.
const root = "../.."

var (
	// A citation of a repository document: a Markdown file of docs/, then optionally one section
	// or a run of them ("§2", "§1–§3", "§5, §7", "§2–§4"), possibly after "'s".
	citeRe = regexp.MustCompile(`docs/([A-Za-z0-9_-]+\.md)((?:'s)?(?:\s*(?:,|–|-|and)?\s*§\d+(?:\.\d+)*)*)`)
	// A section number inside a citation's run.
	sectionRe = regexp.MustCompile(`§(\d+(?:\.\d+)*)`)
	// A numbered heading: "## 8. IOF", "### 8.3 Rates by release date".
	headingRe = regexp.MustCompile(`(?m)^#{1,6} (\d+(?:\.\d+)*)\.? `)
	// A figure or source of the published corpus cited by id after the file's name.
	figureRe = regexp.MustCompile(`figures\.txt(?:'s)?\s*[,(]\s*(?:source\s+)?([a-z][a-z0-9]*(?:-[a-z0-9]+)+)`)
	// Names of files that are not in the repository: the specification the module
	// was written from. Any of the docs/ names without "docs/" in front is also one.
	foreignRe = regexp.MustCompile(`\.\./shared|shared/spec|api-contract\.md|worked-examples\.md`)
	bareDocRe = regexp.MustCompile(`(^|[^A-Za-z0-9_/.-])([a-z-]+\.md)\b`)
	// Comment continuation: a citation wrapped over two comment lines reads as one.
	continuationRe = regexp.MustCompile(`\n[ \t]*//[ \t]?`)
	// A Markdown link to a local file, optionally with an anchor.
	mdLinkRe = regexp.MustCompile(`\]\(([^)\s#]*)(#[^)\s]*)?\)`)
)

// corpus is what a citation can resolve to.
type corpus struct {
	docs    map[string]map[string]bool // file name → section numbers
	anchors map[string]map[string]bool // repository path → heading anchors
	figures map[string]bool            // figure ids and source tags of figures.txt
}

func loadCorpus(t *testing.T) corpus {
	t.Helper()
	c := corpus{docs: map[string]map[string]bool{}, anchors: map[string]map[string]bool{}, figures: map[string]bool{}}
	names, err := filepath.Glob(filepath.Join(root, "docs", "*.md"))
	if err != nil || len(names) == 0 {
		t.Fatalf("no docs/*.md under %s (err %v)", root, err)
	}
	for _, name := range names {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		secs := map[string]bool{}
		for _, m := range headingRe.FindAllStringSubmatch(string(b), -1) {
			secs[m[1]] = true
		}
		c.docs[filepath.Base(name)] = secs
		c.anchors["docs/"+filepath.Base(name)] = anchorsOf(string(b))
	}
	if b, err := os.ReadFile(filepath.Join(root, "README.md")); err == nil {
		c.anchors["README.md"] = anchorsOf(string(b))
	}
	b, err := os.ReadFile(filepath.Join(root, "testdata", "published", "figures.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Fields(line)
		switch {
		case len(f) == 0 || strings.HasPrefix(f[0], "#"):
		case f[0] == "source" && len(f) > 1:
			c.figures[strings.TrimSuffix(f[1], ":")] = true
		default:
			c.figures[f[0]] = true
		}
	}
	return c
}

// anchorsOf returns the anchors GitHub gives the headings of a Markdown text: lower
// case, letters, digits, '-' and '_' kept, spaces to '-', everything else dropped.
func anchorsOf(text string) map[string]bool {
	a := map[string]bool{}
	inFence := false
	for _, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(line, "```") {
			inFence = !inFence
		}
		if inFence || !strings.HasPrefix(line, "#") {
			continue
		}
		h := strings.TrimSpace(strings.TrimLeft(line, "#"))
		var sb strings.Builder
		for _, r := range strings.ToLower(h) {
			switch {
			case r == ' ':
				sb.WriteRune('-')
			case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r):
				sb.WriteRune(r)
			}
		}
		a[sb.String()] = true
	}
	return a
}

// checkCitations returns one message per citation in text that does not resolve.
func (c corpus) checkCitations(text string) []string {
	text = continuationRe.ReplaceAllString(text, " ")
	var bad []string
	for _, m := range citeRe.FindAllStringSubmatch(text, -1) {
		secs, ok := c.docs[m[1]]
		if !ok {
			bad = append(bad, fmt.Sprintf("docs/%s: no such file", m[1]))
			continue
		}
		for _, s := range sectionRe.FindAllStringSubmatch(m[2], -1) {
			if !secs[s[1]] {
				bad = append(bad, fmt.Sprintf("docs/%s §%s: no such section heading", m[1], s[1]))
			}
		}
	}
	for _, m := range figureRe.FindAllStringSubmatch(text, -1) {
		if !c.figures[m[1]] {
			bad = append(bad, fmt.Sprintf("testdata/published/figures.txt %s: no such figure or source", m[1]))
		}
	}
	for _, m := range foreignRe.FindAllString(text, -1) {
		bad = append(bad, fmt.Sprintf("%s: cites a file outside the repository", m))
	}
	for _, m := range bareDocRe.FindAllStringSubmatch(text, -1) {
		if _, ok := c.docs[m[2]]; ok {
			bad = append(bad, fmt.Sprintf("%s: cite it as docs/%s", m[2], m[2]))
		}
	}
	return bad
}

// TestChecker holds the checker itself to cases written by hand, so the scan below
// cannot pass by matching nothing. The cases are in testdata/checker_cases.txt (the
// bad citations they quote would otherwise sit in a Go file the scan reads).
func TestChecker(t *testing.T) {
	c := corpus{
		docs:    map[string]map[string]bool{"lending-math.md": {"5": true, "8": true, "8.3": true}},
		figures: map[string]bool{"iof-bullet-180": true, "bcb-cet": true},
	}
	for _, tt := range checkerCases(t) {
		if got := c.checkCitations(tt.text); len(got) != tt.bad {
			t.Errorf("checkCitations(%q) = %q, want %d problem(s)", tt.text, got, tt.bad)
		}
	}
}

// TestCitations scans every Go file, every JSON and text file under testdata and
// every Markdown file of the module for citations that do not resolve.
func TestCitations(t *testing.T) {
	c := loadCorpus(t)
	var bad []string
	scanned := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			// This package's own sources quote bad citations on purpose.
			if n := d.Name(); path != root && (strings.HasPrefix(n, ".") || n == "vendor" ||
				filepath.ToSlash(path) == root+"/internal/docscheck") {
				return filepath.SkipDir
			}
			return nil
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		inTestdata := strings.HasPrefix(rel, "testdata/") || strings.Contains(rel, "/testdata/")
		switch ext := filepath.Ext(path); {
		case ext == ".go":
		case inTestdata && (ext == ".json" || ext == ".txt"):
		default:
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		scanned++
		for _, msg := range c.checkCitations(string(b)) {
			bad = append(bad, rel+": "+msg)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if scanned < 100 {
		t.Fatalf("scanned %d files under %s; the walk is not reading the module", scanned, root)
	}
	sort.Strings(bad)
	for _, b := range bad {
		t.Error(b)
	}
}

// TestMarkdownLinks checks every relative link of docs/*.md and README.md: the file
// exists and, when the link has an anchor into a Markdown file, a heading gives it.
func TestMarkdownLinks(t *testing.T) {
	c := loadCorpus(t)
	files, _ := filepath.Glob(filepath.Join(root, "docs", "*.md"))
	files = append(files, filepath.Join(root, "README.md"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(root, f)
		rel = filepath.ToSlash(rel)
		for _, m := range mdLinkRe.FindAllStringSubmatch(string(b), -1) {
			target, anchor := m[1], strings.TrimPrefix(m[2], "#")
			if strings.Contains(target, "://") || strings.HasPrefix(target, "mailto:") {
				continue
			}
			dest := rel
			if target != "" {
				dest = filepath.ToSlash(filepath.Clean(filepath.Join(filepath.Dir(rel), target)))
				if _, err := os.Stat(filepath.Join(root, dest)); err != nil {
					t.Errorf("%s: link %s: no such file", rel, m[0])
					continue
				}
			}
			if anchor == "" || !strings.HasSuffix(dest, ".md") {
				continue
			}
			if a, ok := c.anchors[dest]; !ok || !a[anchor] {
				t.Errorf("%s: link %s: no heading %s#%s", rel, m[0], dest, anchor)
			}
		}
	}
}

type checkerCase struct {
	text string
	bad  int
}

// checkerCases reads testdata/checker_cases.txt: one case a line, the number of
// problems the checker must find, a tab, and the text, with \n and \t escaped.
func checkerCases(t *testing.T) []checkerCase {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "checker_cases.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var cases []checkerCase
	for i, line := range strings.Split(strings.TrimRight(string(b), "\n"), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		n, text, ok := strings.Cut(line, "\t")
		bad, err := strconv.Atoi(n)
		if !ok || err != nil {
			t.Fatalf("checker_cases.txt:%d: %q is not COUNT<TAB>TEXT", i+1, line)
		}
		cases = append(cases, checkerCase{strings.NewReplacer(`\n`, "\n", `\t`, "\t").Replace(text), bad})
	}
	if len(cases) < 10 {
		t.Fatalf("checker_cases.txt has %d cases", len(cases))
	}
	return cases
}

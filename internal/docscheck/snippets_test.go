package docscheck

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var spaceRe = regexp.MustCompile(`\s+`)

// splitComment returns a Go line's code and its trailing // comment, both with
// white space collapsed. The snippets hold no "//" inside string literals.
func splitComment(line string) (code, comment string) {
	if i := strings.Index(line, "//"); i >= 0 {
		code, comment = line[:i], line[i:]
	} else {
		code = line
	}
	return strings.TrimSpace(spaceRe.ReplaceAllString(code, " ")),
		strings.TrimSpace(spaceRe.ReplaceAllString(comment, " "))
}

// TestReadmeSnippets holds every Go code block of README.md to readme_test.go,
// where each one is an Example that compiles and prints the figures the README
// shows: each line's code must be part of a line of readme_test.go, and each
// comment (where the README states its figures) must appear there as written.
func TestReadmeSnippets(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	mirror, err := os.ReadFile("readme_test.go")
	if err != nil {
		t.Fatal(err)
	}
	var codes []string
	for _, line := range strings.Split(string(mirror), "\n") {
		if code, _ := splitComment(line); code != "" {
			codes = append(codes, code)
		}
	}
	mirrorText := spaceRe.ReplaceAllString(string(mirror), " ")

	blocks, lines := 0, 0
	in := false
	for n, line := range strings.Split(string(readme), "\n") {
		switch {
		case strings.HasPrefix(line, "```go"):
			in, blocks = true, blocks+1
			continue
		case strings.HasPrefix(line, "```"):
			in = false
			continue
		case !in:
			continue
		}
		code, comment := splitComment(line)
		if code != "" && code != "}" && code != "})" {
			lines++
			found := false
			for _, c := range codes {
				if strings.Contains(c, code) {
					found = true
					break
				}
			}
			if !found {
				t.Errorf("README.md:%d: %q is not in internal/docscheck/readme_test.go", n+1, code)
			}
		}
		if comment != "" && !strings.Contains(mirrorText, comment) {
			t.Errorf("README.md:%d: comment %q is not in internal/docscheck/readme_test.go", n+1, comment)
		}
	}
	if blocks < 9 || lines < 30 {
		t.Fatalf("read %d Go blocks and %d code lines from README.md; expected the README's snippets", blocks, lines)
	}
}

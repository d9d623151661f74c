package docscheck

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/dinie/lending/"

// layers is the README's layering, lowest first: a package may import only
// packages of a lower layer (never one of its own layer, never a higher one).
var layers = [][]string{
	{"apierr"},
	{"internal/strictjson"},
	{"money", "validation", "calendar", "cet"},
	{"schedule"},
	{"iof"},
	{"statemachine"},
	{"simulation"},
	{"servicing", "webhook"},
	{"api"},
	{"sandbox"},
	{"cmd/lending"},
}

// TestLayering reads the imports of every non-test Go file of the module and
// holds them to layers; apierr must not import net/http. A package the table
// does not place (the other internal/* packages, bench) may import anything but is imported by
// nothing outside tests.
func TestLayering(t *testing.T) {
	rank := map[string]int{}
	for i, l := range layers {
		for _, p := range l {
			rank[p] = i
		}
	}
	seen := map[string]bool{}
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if n := d.Name(); path != root && (strings.HasPrefix(n, ".") || n == "testdata") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		rel, _ := filepath.Rel(root, filepath.Dir(path))
		pkg := filepath.ToSlash(rel)
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		seen[pkg] = true
		for _, imp := range f.Imports {
			ip, _ := strconv.Unquote(imp.Path.Value)
			if pkg == "apierr" && ip == "net/http" {
				t.Errorf("%s imports net/http: the error model knows nothing of HTTP", path)
			}
			dep, ok := strings.CutPrefix(ip, module)
			if !ok {
				continue
			}
			from, placed := rank[pkg]
			to, depPlaced := rank[dep]
			switch {
			case !depPlaced:
				t.Errorf("%s imports %s, which only tests may import", path, dep)
			case placed && to >= from:
				t.Errorf("%s (layer %d) imports %s (layer %d): lower layers never import higher ones, nor their own", path, from, dep, to)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for p := range rank {
		if !seen[p] {
			t.Errorf("layer package %s has no Go files under %s", p, root)
		}
	}
}

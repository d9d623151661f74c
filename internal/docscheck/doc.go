// Package docscheck holds no code: its test keeps the module's citations honest.
// Every comment that cites a document cites one in the repository — docs/NAME.md,
// optionally with a section as docs/NAME.md §N or §N.M (a numbered heading of that
// file), or a figure of testdata/published/figures.txt by its id — and the test fails
// when the file, the section heading or the figure does not exist, when a comment
// names a file of the specification the module was written from (api-contract.md,
// worked-examples.md, ../shared/…), or when a Markdown link in docs/ or the README
// points at a file or an anchor that is not there. Run it with
// go test ./internal/docscheck.
package docscheck

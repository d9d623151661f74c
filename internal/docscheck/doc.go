// Package docscheck holds no code: its tests keep the module's documentation
// honest. Every comment that cites a document cites one in the repository —
// docs/NAME.md, optionally with a section as docs/NAME.md §N or §N.M (a numbered
// heading of that file), or a figure of testdata/published/figures.txt by its id —
// and the tests fail when the file, the section heading or the figure does not
// exist, when a comment names a file of the specification the module was written
// from (api-contract.md, worked-examples.md, ../shared/…), or when a Markdown link
// in docs/ or the README points at a file or an anchor that is not there. They also
// run the README's code snippets as Examples (each figure the README shows is
// printed and checked) and hold the packages' imports to the README's layering.
// Run them with go test ./internal/docscheck.
package docscheck

// Package docscheck holds no code: its tests keep the module's documentation
// honest. Every comment that cites a document cites one in the repository — a
// Markdown file of docs/ by its path, optionally with a section as §N or §N.M after
// it (a numbered heading of that file), or a figure of testdata/published/figures.txt
// by its id — and the tests fail when the file, the section heading or the figure
// does not exist, when a comment names a file of the specification the module was
// written from or a path outside the module, or when a Markdown link
// in docs/ or the README points at a file or an anchor that is not there. They also
// run the README's code snippets as Examples (each figure the README shows is
// printed and checked) and hold the packages' imports to the README's layering.
// Run them with go test ./internal/docscheck.
package docscheck

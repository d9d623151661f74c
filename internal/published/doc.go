// Package published holds no code: its test runs the plain-text corpus of published
// figures in testdata/published against the library. Each line of the corpus is one
// figure with its source (a central bank calculator, a regulator's worked example, a
// registry's test vectors); the harness maps each operation name to the library call
// that must reproduce it. See testdata/published/figures.txt for the format.
package published

package validation_test

import (
	"testing"

	"github.com/dinie/lending/validation"
)

var (
	sinkCPF  validation.CPF
	sinkCNPJ validation.CNPJ
)

// BenchmarkValidateCPF validates a canonical (bare) CPF: the ≤ 30 ns, 0-alloc target.
func BenchmarkValidateCPF(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sinkCPF, sinkErr = validation.ParseCPF("28001238938")
	}
}

// BenchmarkValidateCNPJ validates a canonical (bare, uppercase) alphanumeric CNPJ:
// the ≤ 30 ns, 0-alloc target.
func BenchmarkValidateCNPJ(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sinkCNPJ, sinkErr = validation.ParseCNPJ("12ABC34501DE35")
	}
}

func BenchmarkParseCPFMasked(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sinkCPF, sinkErr = validation.ParseCPF("280.012.389-38")
	}
}

func BenchmarkParseCNPJMasked(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sinkCNPJ, sinkErr = validation.ParseCNPJ("12.abc.345/01de-35")
	}
}

func BenchmarkParseCNPJStrict(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sinkCNPJ, sinkErr = validation.ParseCNPJStrict("90021382000122")
	}
}

// BenchmarkParseCPFInvalid measures the error path, which builds a Detail.
func BenchmarkParseCPFInvalid(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sinkCPF, sinkErr = validation.ParseCPF("28001238939")
	}
}

package validation_test

import (
	"testing"

	"github.com/dinie/lending/validation"
)

var (
	sinkErr    error
	sinkString string
	sinkCPF    validation.CPF
	sinkCNPJ   validation.CNPJ
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

var sinkPhone validation.Phone

func BenchmarkParsePhone(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sinkPhone, sinkErr = validation.ParsePhone("+55 (11) 91234-5678")
	}
}

func BenchmarkParseEmail(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sinkString, sinkErr = validation.ParseEmail("ana.silva@example.com.br")
	}
}

func BenchmarkParseCEP(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_, sinkErr = validation.ParseCEP("01310-100")
	}
}

func BenchmarkCheckID(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sinkErr = validation.CheckID("co_550e8400e29b41d4a716446655440000", validation.CreditOffer)
	}
}

// TestNoAllocs pins the allocation-free success paths the docs promise.
func TestNoAllocs(t *testing.T) {
	for name, f := range map[string]func(){
		"ParseCPF":        func() { sinkCPF, sinkErr = validation.ParseCPF("280.012.389-38") },
		"ParseCNPJ":       func() { sinkCNPJ, sinkErr = validation.ParseCNPJ("12.abc.345/01de-35") },
		"ParseCNPJStrict": func() { sinkCNPJ, sinkErr = validation.ParseCNPJStrict("12ABC34501DE35") },
		"ParsePhone":      func() { sinkPhone, sinkErr = validation.ParsePhone("0 21 (11) 91234-5678") },
		"ParseCEP":        func() { _, sinkErr = validation.ParseCEP(" 01310-100 ") },
		"ParseEmail":      func() { sinkString, sinkErr = validation.ParseEmail("ana@example.com") },
		"ParseLimit":      func() { _, sinkErr = validation.ParseLimit("50") },
	} {
		if n := testing.AllocsPerRun(100, f); n != 0 {
			t.Errorf("%s allocates %v times on success, want 0", name, n)
		}
	}
}

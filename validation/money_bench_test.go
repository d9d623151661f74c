package validation_test

import (
	"testing"

	"github.com/shopspring/decimal"

	"github.com/dinie/lending/validation"
)

var (
	sinkInt64   int64
	sinkString  string
	sinkBytes   []byte
	sinkDecimal decimal.Decimal
	sinkErr     error
)

func BenchmarkParseCents(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sinkInt64, sinkErr = validation.ParseCents("25000.00")
	}
}

func BenchmarkParseMoney(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sinkDecimal, sinkErr = validation.ParseMoney("25000.00")
	}
}

func BenchmarkAppendCents(b *testing.B) {
	b.ReportAllocs()
	buf := make([]byte, 0, 32)
	for b.Loop() {
		buf = validation.AppendCents(buf[:0], 2425000)
	}
	sinkBytes = buf
}

func BenchmarkFormatCents(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sinkString = validation.FormatCents(2425000)
	}
}

func BenchmarkFormatMoney(b *testing.B) {
	d := decimal.RequireFromString("24250.125")
	b.ReportAllocs()
	for b.Loop() {
		sinkString = validation.FormatMoney(d)
	}
}

func BenchmarkDecimalToCents(b *testing.B) {
	d := decimal.RequireFromString("24250.12")
	b.ReportAllocs()
	for b.Loop() {
		sinkInt64, sinkErr = validation.DecimalToCents(d)
	}
}

func BenchmarkCentsToDecimal(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sinkDecimal = validation.CentsToDecimal(2425000)
	}
}

package money_test

import (
	"testing"

	"github.com/dinie/lending/money"
	"github.com/shopspring/decimal"
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
		sinkInt64, sinkErr = money.ParseCents("25000.00")
	}
}

func BenchmarkParseMoney(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sinkDecimal, sinkErr = money.Parse("25000.00")
	}
}

func BenchmarkAppendCents(b *testing.B) {
	b.ReportAllocs()
	buf := make([]byte, 0, 32)
	for b.Loop() {
		buf = money.AppendCents(buf[:0], 2425000)
	}
	sinkBytes = buf
}

func BenchmarkFormatCents(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sinkString = money.FormatCents(2425000)
	}
}

func BenchmarkFormatMoney(b *testing.B) {
	d := decimal.RequireFromString("24250.125")
	b.ReportAllocs()
	for b.Loop() {
		sinkString = money.Format(d)
	}
}

func BenchmarkDecimalToCents(b *testing.B) {
	d := decimal.RequireFromString("24250.12")
	b.ReportAllocs()
	for b.Loop() {
		sinkInt64, sinkErr = money.ToCents(d)
	}
}

func BenchmarkCentsToDecimal(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sinkDecimal = money.FromCents(2425000)
	}
}

package statemachine

import (
	"testing"
	"time"
)

var (
	sinkEvents []Event
	sinkErr    error
	sinkStatus InstallmentStatus
)

func BenchmarkTransition(b *testing.B) {
	l := LoanLifecycle()
	b.ReportAllocs()
	for b.Loop() {
		sinkEvents, sinkErr = l.Transition(LoanSigned, LoanDisbursing)
	}
}

func BenchmarkTransitionRefused(b *testing.B) {
	l := LoanLifecycle()
	b.ReportAllocs()
	for b.Loop() {
		sinkEvents, sinkErr = l.Transition(LoanFinished, LoanActive)
	}
}

func BenchmarkParseLoanStatus(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_, sinkErr = ParseLoanStatus("cancelled")
	}
}

func BenchmarkParseEvent(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_, sinkErr = ParseEvent("loan.error")
	}
}

func BenchmarkInstallmentStatus(b *testing.B) {
	in := inst(b, "2026-04-15", "100.00", "2.50", "1.00", "50.00")
	d := date(b, "2026-05-02")
	b.ReportAllocs()
	for b.Loop() {
		sinkStatus = in.Status(d)
	}
}

func BenchmarkInstallmentPay(b *testing.B) {
	in := inst(b, "2026-04-15", "100.00", "2.50", "1.00", "0.00")
	amount := dec("50.00")
	b.ReportAllocs()
	for b.Loop() {
		_, _, sinkErr = in.Pay(amount)
	}
}

// BenchmarkLoanPay pays installment 12 of a 12-installment loan (copying the schedule).
func BenchmarkLoanPay(b *testing.B) {
	parts := make([][3]int64, 12)
	for i := range parts {
		parts[i] = [3]int64{200000, 5000, 1000}
	}
	l := loanOf(b, parts)
	amount := dec("2060.00")
	at := time.Date(2026, 4, 15, 12, 0, 0, 0, time.UTC)
	b.ReportAllocs()
	for b.Loop() {
		_, _, sinkErr = l.Pay(12, amount, at)
	}
}

func BenchmarkCustomerUpdateRequirement(b *testing.B) {
	c, _, _ := NewCustomer(reqs())
	b.ReportAllocs()
	for b.Loop() {
		_, sinkEvents, sinkErr = c.UpdateRequirement("address", KYCSubmitted)
	}
}

package statemachine

import (
	"testing"
)

var (
	sinkEvents []Event
	sinkErr    error
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

// BenchmarkReceivePayment is the lifecycle step of a payment that settles the loan.
func BenchmarkReceivePayment(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_, sinkEvents, sinkErr = ReceivePayment(LoanActive, true)
	}
}

func BenchmarkCustomerUpdateRequirement(b *testing.B) {
	c, _, _ := NewCustomer(reqs())
	b.ReportAllocs()
	for b.Loop() {
		_, sinkEvents, sinkErr = c.UpdateRequirement("address", KYCSubmitted)
	}
}

package servicing_test

import (
	"testing"

	"github.com/dinie/lending/calendar"
	"github.com/dinie/lending/servicing"
	"github.com/dinie/lending/statemachine"
)

var (
	sinkTxs    []servicing.Transaction
	sinkPayoff servicing.Payoff
	sinkLoan   *servicing.Loan
	sinkErr    error
)

// benchLoan is the examples' 12-installment loan (10,000.00 at 3 % a.m., an MEI)
// with its first six installments paid on their due dates.
func benchLoan(b *testing.B) (*servicing.Loan, calendar.Date) {
	sim := exampleSimulation()
	l := book(b, sim, servicing.DefaultTerms())
	for k := 1; k <= 6; k++ {
		row := sim.CentsRow(k)
		l, _ = pay(b, l, k, row.Payment, row.DueDate)
	}
	// 20 days after installment 7's due date: one overdue installment with charges
	// running, five pending.
	return l, addDays(b, sim.CentsRow(7).DueDate, 20)
}

// BenchmarkTransactions: every transaction of a 12-installment loan as of a date.
func BenchmarkTransactions(b *testing.B) {
	l, asOf := benchLoan(b)
	b.ReportAllocs()
	for b.Loop() {
		sinkTxs, sinkErr = l.Transactions(asOf)
	}
}

// BenchmarkPayoff: the payoff quote of the same loan on the same date.
func BenchmarkPayoff(b *testing.B) {
	l, s := benchLoan(b)
	b.ReportAllocs()
	for b.Loop() {
		sinkPayoff, sinkErr = l.Payoff(s)
	}
}

// BenchmarkSettle: paying that payoff (one payment per open installment).
func BenchmarkSettle(b *testing.B) {
	l, s := benchLoan(b)
	b.ReportAllocs()
	for b.Loop() {
		sinkLoan, _, sinkErr = l.Settle(statemachine.LoanActive, s)
	}
}

// BenchmarkPay: a payment on installment 12 (copying the installments and payments).
func BenchmarkPay(b *testing.B) {
	l, on := benchLoan(b)
	amount := cents(50000)
	b.ReportAllocs()
	for b.Loop() {
		sinkLoan, _, sinkErr = l.Pay(statemachine.LoanActive, 12, amount, on)
	}
}

// BenchmarkBook: booking the simulation.
func BenchmarkBook(b *testing.B) {
	sim := exampleSimulation()
	terms := servicing.DefaultTerms()
	b.ReportAllocs()
	for b.Loop() {
		sinkLoan, sinkErr = servicing.Book(sim, terms)
	}
}

// BenchmarkAppendTransactions: the same into a reused buffer.
func BenchmarkAppendTransactions(b *testing.B) {
	l, asOf := benchLoan(b)
	buf := make([]servicing.Transaction, 0, 12)
	b.ReportAllocs()
	for b.Loop() {
		sinkTxs, sinkErr = l.AppendTransactions(buf[:0], asOf)
	}
}

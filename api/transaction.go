package api

import (
	"strconv"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/calendar"
	"github.com/dinie/lending/servicing"
	"github.com/dinie/lending/validation"
)

// Transaction is the API's transaction resource (tx_, one per installment, type
// "installment") on the wire. Its one home is servicing.Transaction, which computes it
// and writes it (servicing.Transaction.MarshalJSON): the contract's fields id, type,
// due_date, status, amount_due, amount_paid, amount_remaining, principal, interest,
// fees, days_overdue and paid_at (the date of the payment that settled it, null while
// something remains), then "breakdown" with the library's extras — installment_number,
// nominal_date, the late charges itemized under late {days, fine, mora, interest, iof,
// total, owed}, and the payments with their allocation — namespaced as a
// simulation's extras are, so that no extra can collide with a field of the contract.
// Late charges are beside the contract's amounts, never inside them.
type Transaction = servicing.Transaction

// TransactionsOf returns the transactions of loan l as of date asOf, installment 1
// first, each with its id: ids[k] is installment k+1's, a tx_ id the server minted
// (NewID) when it booked the loan and keeps with it, so the same installment has the
// same id on every reading. The slice is new; l is not modified.
//
// Errors: a nil loan is missing_required_field (param loan); a number of ids other
// than l's installments, or an id that is not a transaction's (validation.CheckID),
// is invalid_format (param "ids", or "ids[k]"); then l.Transactions's errors for asOf
// (param as_of).
func TransactionsOf(l *servicing.Loan, ids []string, asOf calendar.Date) ([]Transaction, error) {
	if l == nil {
		return nil, apierr.Wrap(apierr.ErrEmpty, apierr.MissingRequiredField, "loan",
			"loan is required to list its transactions")
	}
	if n := l.Len(); len(ids) != n {
		return nil, apierr.Wrap(apierr.ErrLength, apierr.InvalidFormat, "ids",
			"ids has %d transaction ids; the loan has %d installments, one id each", len(ids), n)
	}
	for k, id := range ids {
		if err := validation.CheckID(id, validation.Transaction); err != nil {
			return nil, apierr.Relabel(err, "ids["+strconv.Itoa(k)+"]")
		}
	}
	txs, err := l.Transactions(asOf)
	if err != nil {
		return nil, err
	}
	for k := range txs {
		txs[k].ID = ids[k]
	}
	return txs, nil
}

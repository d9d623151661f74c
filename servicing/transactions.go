package servicing

import (
	"slices"
	"strconv"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/calendar"
	"github.com/dinie/lending/money"
	"github.com/dinie/lending/statemachine"
)

// Transaction is one installment as the API's transaction (tx_, type "installment")
// shows it on a date, with its late charges beside it. Money is in cents.
//
//   - AmountDue = Principal + Interest + Fees, the installment's own amounts; Fees is
//     always 0 (fees are charged at origination, deducted or financed).
//     AmountRemaining = AmountDue − AmountPaid. Late charges are never inside them.
//   - Status: paid when nothing remains; overdue when the date is after the due date;
//     partially_paid when something was paid; else pending.
//   - DaysOverdue: calendar days after the due date while something remains, else 0.
//   - PaidAt: the date of the payment that left nothing to pay; the zero Date while
//     something remains.
//
// ID is the server's tx_ identifier: the library leaves it empty, the server sets it
// before marshalling. Payments is the installment's payments up to the date asked, a
// read-only view of the loan's history (AppendTransactions).
type Transaction struct {
	ID          string
	Number      int
	NominalDate calendar.Date
	DueDate     calendar.Date
	Status      statemachine.InstallmentStatus

	AmountDue, AmountPaid, AmountRemaining int64
	Principal, Interest, Fees              int64

	DaysOverdue int
	PaidAt      calendar.Date
	Late        LateCharges
	Payments    []Payment
}

// LateCharges is an installment's delay as of a date: Days, the days of delay L
// (counted from the original or the rolled due date, per Terms.CountFrom; those of
// the payment that settled it once paid; 0 if it was never late), the charges the
// delay has cost up to that date, paid or not, their Total, and Owed, the part of
// Total still unpaid. Money is in cents.
type LateCharges struct {
	Days                      int
	Fine, Mora, Interest, IOF int64
	Total, Owed               int64
}

// Transactions returns every installment as of date asOf, installment 1 first:
// payments dated after asOf are not counted, and the late charges of what is unpaid
// run up to asOf. It is AppendTransactions(nil, asOf): one allocation, the result.
func (l *Loan) Transactions(asOf calendar.Date) ([]Transaction, error) {
	return l.AppendTransactions(nil, asOf)
}

// AppendTransactions appends the transactions as of asOf to dst and returns the
// extended slice (dst unchanged on error); with room in dst it does not allocate, so a
// server can reuse one buffer. Each Transaction's Payments is a slice of the loan's
// own payment history, which nothing ever modifies: read it, and copy it before
// changing it. It runs in O(n + p) for n installments and p payments up to asOf
// (a look-back before an installment's last payment replays its payments, at most
// MaxPaymentsPerInstallment).
//
// Errors: a nil *Loan is apierr.NilReceiver; a zero asOf missing_required_field, one
// past the horizon date_out_of_range (param as_of); late charges beyond the bound
// amount_out_of_range (ErrBeyondBound, as_of).
func (l *Loan) AppendTransactions(dst []Transaction, asOf calendar.Date) ([]Transaction, error) {
	if l == nil {
		return dst, apierr.NilReceiver("*servicing.Loan")
	}
	if err := l.checkDate(asOf, paramAsOf, false); err != nil {
		return dst, err
	}
	n0 := len(dst)
	dst = slices.Grow(dst, len(l.inst))[:n0+len(l.inst)]
	out := dst[n0:]
	var buf state
	for k := range l.inst {
		in := &l.inst[k]
		st, p1 := l.stateAt(in, asOf, &buf)
		tx := &out[k]
		*tx = Transaction{}
		if err := l.transaction(tx, in, st, asOf); err != nil {
			return dst[:n0], err
		}
		if p1 > 0 {
			tx.Payments = in.pays[:p1:p1]
		}
	}
	return dst, nil
}

// transaction fills tx, installment in in state st as of asOf.
func (l *Loan) transaction(tx *Transaction, in *installment, st *state, asOf calendar.Date) error {
	rem := st.remaining(in)
	// Field by field into the zeroed slot: no pointer is written, so no write barrier.
	tx.Number, tx.NominalDate, tx.DueDate = in.number, in.nominal, in.due
	tx.AmountDue, tx.AmountPaid, tx.AmountRemaining = in.due0(), st.paidInterest+st.paidPrincipal, rem
	tx.Principal, tx.Interest, tx.PaidAt = in.principal, in.interest, st.settled
	late := st.assessed
	switch {
	case rem == 0:
		tx.Status = statemachine.InstallmentPaid
		if st.settled.After(in.due) {
			tx.Late.Days = calendar.DaysBetween(in.start, st.settled)
		}
	case asOf.After(in.due):
		tx.Status = statemachine.InstallmentOverdue
		tx.DaysOverdue = calendar.DaysBetween(in.due, asOf)
		tx.Late.Days = calendar.DaysBetween(in.start, asOf)
		seg, err := l.segment(in, st, asOf, paramAsOf)
		if err != nil {
			return err
		}
		late = late.plus(seg)
	case tx.AmountPaid > 0:
		tx.Status = statemachine.InstallmentPartiallyPaid
	default:
		tx.Status = statemachine.InstallmentPending
	}
	tx.Late.Fine, tx.Late.Mora, tx.Late.Interest, tx.Late.IOF = late.fine, late.mora, late.interest, late.iof
	tx.Late.Total = late.total()
	tx.Late.Owed = tx.Late.Total - st.paid.total()
	return nil
}

// MarshalJSON writes the transaction as the API's resource, the library's extras
// under "breakdown" (as a simulation's): id (empty unless the server set it), type
// "installment", due_date, status, amount_due, amount_paid, amount_remaining,
// principal, interest, fees, days_overdue, paid_at (null while unpaid), and
// breakdown with installment_number, nominal_date, late {days, fine, mora,
// interest, iof, total, owed} and payments [{installment_number, amount, paid_at,
// allocation {iof, fine, mora, delay_interest, interest, principal, discount,
// prepayment_fee}}]. Money is a
// string with two decimals, dates YYYY-MM-DD. It allocates its buffer only.
func (t Transaction) MarshalJSON() ([]byte, error) {
	return t.AppendJSON(make([]byte, 0, 640+256*len(t.Payments))), nil
}

// AppendJSON appends what MarshalJSON writes to b.
func (t Transaction) AppendJSON(b []byte) []byte {
	b = append(b, `{"id":`...)
	b = strconv.AppendQuote(b, t.ID)
	b = append(b, `,"type":"installment"`...)
	b = appendDate(b, `,"due_date":`, t.DueDate)
	b = append(b, `,"status":"`...)
	b = append(b, t.Status.String()...)
	b = append(b, '"')
	b = appendMoney(b, `,"amount_due":`, t.AmountDue)
	b = appendMoney(b, `,"amount_paid":`, t.AmountPaid)
	b = appendMoney(b, `,"amount_remaining":`, t.AmountRemaining)
	b = appendMoney(b, `,"principal":`, t.Principal)
	b = appendMoney(b, `,"interest":`, t.Interest)
	b = appendMoney(b, `,"fees":`, t.Fees)
	b = append(b, `,"days_overdue":`...)
	b = strconv.AppendInt(b, int64(t.DaysOverdue), 10)
	if t.PaidAt.IsZero() {
		b = append(b, `,"paid_at":null`...)
	} else {
		b = appendDate(b, `,"paid_at":`, t.PaidAt)
	}
	b = append(b, `,"breakdown":{"installment_number":`...)
	b = strconv.AppendInt(b, int64(t.Number), 10)
	b = appendDate(b, `,"nominal_date":`, t.NominalDate)
	b = append(b, `,"late":`...)
	b = t.Late.AppendJSON(b)
	b = append(b, `,"payments":[`...)
	for i, p := range t.Payments {
		if i > 0 {
			b = append(b, ',')
		}
		b = p.AppendJSON(b)
	}
	return append(b, "]}}"...)
}

// AppendJSON appends {"days","fine","mora","interest","iof","total","owed"} to b.
func (c LateCharges) AppendJSON(b []byte) []byte {
	b = append(b, `{"days":`...)
	b = strconv.AppendInt(b, int64(c.Days), 10)
	b = appendMoney(b, `,"fine":`, c.Fine)
	b = appendMoney(b, `,"mora":`, c.Mora)
	b = appendMoney(b, `,"interest":`, c.Interest)
	b = appendMoney(b, `,"iof":`, c.IOF)
	b = appendMoney(b, `,"total":`, c.Total)
	b = appendMoney(b, `,"owed":`, c.Owed)
	return append(b, '}')
}

// MarshalJSON writes the payment as {"installment_number","amount","paid_at",
// "allocation":{"iof","fine","mora","delay_interest","interest","principal",
// "discount","prepayment_fee"}}.
func (p Payment) MarshalJSON() ([]byte, error) { return p.AppendJSON(make([]byte, 0, 256)), nil }

// AppendJSON appends what MarshalJSON writes to b.
func (p Payment) AppendJSON(b []byte) []byte {
	b = append(b, `{"installment_number":`...)
	b = strconv.AppendInt(b, int64(p.Installment), 10)
	b = appendMoney(b, `,"amount":`, p.Amount)
	b = appendDate(b, `,"paid_at":`, p.Date)
	a := p.Allocation
	b = appendMoney(b, `,"allocation":{"iof":`, a.IOF)
	b = appendMoney(b, `,"fine":`, a.Fine)
	b = appendMoney(b, `,"mora":`, a.Mora)
	b = appendMoney(b, `,"delay_interest":`, a.DelayInterest)
	b = appendMoney(b, `,"interest":`, a.Interest)
	b = appendMoney(b, `,"principal":`, a.Principal)
	b = appendMoney(b, `,"discount":`, a.Discount)
	b = appendMoney(b, `,"prepayment_fee":`, a.PrepaymentFee)
	return append(b, "}}"...)
}

func appendMoney(b []byte, key string, cents int64) []byte {
	b = append(b, key...)
	b = append(b, '"')
	b = money.AppendCents(b, cents)
	return append(b, '"')
}

func appendDate(b []byte, key string, d calendar.Date) []byte {
	b = append(b, key...)
	b = append(b, '"')
	b, _ = d.AppendText(b) // never fails
	return append(b, '"')
}

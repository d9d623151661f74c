package statemachine

import (
	"errors"
	"testing"
	"time"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/calendar"
	"github.com/dinie/lending/money"
	"github.com/shopspring/decimal"
	"pgregory.net/rapid"
)

// tb is what the helpers need of *testing.T and *rapid.T.
type tb interface {
	Helper()
	Fatal(args ...any)
}

func date(t tb, s string) calendar.Date {
	t.Helper()
	d, err := calendar.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func inst(t tb, due, principal, interest, fees, paid string) Installment {
	t.Helper()
	in, err := NewInstallment(date(t, due), InstallmentAmounts{Principal: dec(principal),
		Interest: dec(interest), Fees: dec(fees), Paid: dec(paid)})
	if err != nil {
		t.Fatal(err)
	}
	return in
}

func TestInstallmentStatus(t *testing.T) {
	// Due 2026-04-15, amount_due 100.00 + 20.00 + 10.00 = 130.00.
	tests := []struct {
		paid, asOf string
		want       string
		days       int
	}{
		{"0.00", "2026-04-14", "pending", 0},
		{"0.00", "2026-04-15", "pending", 0}, // on the due date: on time
		{"0.00", "2026-04-16", "overdue", 1},
		{"0.00", "2026-05-15", "overdue", 30}, // 15 days of April after the 15th + 15 of May
		{"0.01", "2026-04-15", "partially_paid", 0},
		{"129.99", "2026-04-15", "partially_paid", 0},
		{"129.99", "2026-04-17", "overdue", 2},
		{"130.00", "2026-04-10", "paid", 0},
		{"130.00", "2026-12-31", "paid", 0}, // paid: never overdue, 0 days
	}
	for _, tt := range tests {
		in := inst(t, "2026-04-15", "100.00", "20.00", "10.00", tt.paid)
		asOf := date(t, tt.asOf)
		if got := in.Status(asOf).String(); got != tt.want {
			t.Errorf("paid %s, Status(%s) = %s, want %s", tt.paid, tt.asOf, got, tt.want)
		}
		if got := in.DaysOverdue(asOf); got != tt.days {
			t.Errorf("paid %s, DaysOverdue(%s) = %d, want %d", tt.paid, tt.asOf, got, tt.days)
		}
	}
	// Across a month end and a leap day: 2028-01-30 → 2028-03-02 is 1 (Jan 31) + 29
	// (February 2028) + 2 = 32 calendar days.
	in := inst(t, "2028-01-30", "1.00", "0.00", "0.00", "0.00")
	if got := in.DaysOverdue(date(t, "2028-03-02")); got != 32 {
		t.Errorf("DaysOverdue across February 2028 = %d, want 32", got)
	}
	var zero Installment
	if zero.Valid() || zero.Status(date(t, "2026-01-01")) != 0 || zero.DaysOverdue(date(t, "2026-01-01")) != 0 {
		t.Error("the zero Installment reports a status")
	}
}

func TestInstallmentAccessors(t *testing.T) {
	in := inst(t, "2026-04-15", "100.5", "20.00", "10", "15.00")
	for _, c := range []struct {
		name string
		got  decimal.Decimal
		want string
	}{
		{"Principal", in.Principal(), "100.50"}, {"Interest", in.Interest(), "20.00"},
		{"Fees", in.Fees(), "10.00"}, {"AmountDue", in.AmountDue(), "130.50"},
		{"AmountPaid", in.AmountPaid(), "15.00"}, {"AmountRemaining", in.AmountRemaining(), "115.50"},
		// 15.00 paid: 10.00 of fees, then 5.00 of interest.
		{"PaidAllocation.Fees", in.PaidAllocation().Fees, "10.00"},
		{"PaidAllocation.Interest", in.PaidAllocation().Interest, "5.00"},
		{"PaidAllocation.Principal", in.PaidAllocation().Principal, "0.00"},
	} {
		if money.Format(c.got) != c.want || c.got.Exponent() != -2 {
			t.Errorf("%s = %s (exponent %d), want %s", c.name, c.got, c.got.Exponent(), c.want)
		}
	}
	if in.DueDate() != date(t, "2026-04-15") {
		t.Errorf("DueDate = %s", in.DueDate())
	}
}

func TestNewInstallmentErrors(t *testing.T) {
	tests := []struct {
		p, i, f, paid string
		code          apierr.Code
		param         string
	}{
		{"-0.01", "0", "0", "0", apierr.AmountOutOfRange, "principal"},
		{"1", "-1", "0", "0", apierr.AmountOutOfRange, "interest"},
		{"1", "0", "-5", "0", apierr.AmountOutOfRange, "fees"},
		{"1", "0", "0", "-0.01", apierr.AmountOutOfRange, "amount_paid"},
		{"1.001", "0", "0", "0", apierr.InvalidFormat, "principal"},
		{"1", "0.005", "0", "0", apierr.InvalidFormat, "interest"},
		{"0", "0", "0", "0", apierr.AmountOutOfRange, "amount_due"},
		{"10", "1", "1", "12.01", apierr.AmountOutOfRange, "amount_paid"},
		{"1e40", "0", "0", "0", apierr.AmountOutOfRange, "principal"},
		{"23058430092136939.52", "0", "0", "0", apierr.AmountOutOfRange, "principal"}, // MaxInt64/4 + 1 cent
	}
	for _, tt := range tests {
		_, err := NewInstallment(date(t, "2026-01-01"), InstallmentAmounts{Principal: dec(tt.p),
			Interest: dec(tt.i), Fees: dec(tt.f), Paid: dec(tt.paid)})
		var ve *apierr.Error
		if !errors.As(err, &ve) || ve.Code != tt.code || ve.Param != tt.param {
			t.Errorf("NewInstallment(%s, %s, %s, paid %s) error = %v, want %s/%s", tt.p, tt.i, tt.f, tt.paid,
				err, tt.code, tt.param)
		}
	}
	// The largest allowed component, MaxInt64/4 cents, is accepted and sums without overflow.
	in, err := NewInstallment(date(t, "2026-01-01"), InstallmentAmounts{Principal: dec("23058430092136939.51"),
		Interest: dec("23058430092136939.51"), Fees: dec("23058430092136939.51")})
	if err != nil || in.AmountDue().String() != "69175290276410818.53" {
		t.Errorf("largest installment: %v, %v", in.AmountDue(), err)
	}
}

func TestInstallmentPay(t *testing.T) {
	// amount_due = 100.00 principal + 20.00 interest + 10.00 fees; allocations by hand,
	// fees first, then interest, then principal.
	tests := []struct {
		paid, pay        string
		fees, int, princ string
		after, remaining string
	}{
		{"0.00", "5.00", "5.00", "0.00", "0.00", "5.00", "125.00"},
		{"0.00", "15.00", "10.00", "5.00", "0.00", "15.00", "115.00"},
		{"0.00", "130.00", "10.00", "20.00", "100.00", "130.00", "0.00"},
		{"15.00", "20.00", "0.00", "15.00", "5.00", "35.00", "95.00"},
		{"10.00", "0.01", "0.00", "0.01", "0.00", "10.01", "119.99"},
		{"129.99", "0.01", "0.00", "0.00", "0.01", "130.00", "0.00"},
		{"0.00", "30", "10.00", "20.00", "0.00", "30.00", "100.00"}, // 30 = 30.00
	}
	for _, tt := range tests {
		in := inst(t, "2026-04-15", "100.00", "20.00", "10.00", tt.paid)
		n, a, err := in.Pay(dec(tt.pay))
		if err != nil {
			t.Errorf("paid %s, Pay(%s): %v", tt.paid, tt.pay, err)
			continue
		}
		got := [...]string{money.Format(a.Fees), money.Format(a.Interest),
			money.Format(a.Principal), money.Format(n.AmountPaid()),
			money.Format(n.AmountRemaining())}
		want := [...]string{tt.fees, tt.int, tt.princ, tt.after, tt.remaining}
		if got != want {
			t.Errorf("paid %s, Pay(%s) = %v, want %v", tt.paid, tt.pay, got, want)
		}
		if money.Format(in.AmountPaid()) != tt.paid {
			t.Errorf("Pay modified its receiver")
		}
	}
}

func TestInstallmentPayErrors(t *testing.T) {
	tests := []struct {
		paid, pay string
		code      apierr.Code
		reason    error
	}{
		{"0.00", "0", apierr.AmountOutOfRange, apierr.ErrRange},
		{"0.00", "0.00", apierr.AmountOutOfRange, apierr.ErrRange},
		{"0.00", "-0.01", apierr.AmountOutOfRange, apierr.ErrRange},
		{"0.00", "-100", apierr.AmountOutOfRange, apierr.ErrRange},
		{"0.00", "130.01", apierr.AmountOutOfRange, apierr.ErrRange},
		{"100.00", "30.01", apierr.AmountOutOfRange, apierr.ErrRange},
		{"130.00", "0.01", apierr.AmountOutOfRange, apierr.ErrRange},
		{"0.00", "10.005", apierr.InvalidFormat, apierr.ErrPrecision},
		{"0.00", "0.001", apierr.InvalidFormat, apierr.ErrPrecision},
		{"0.00", "1e30", apierr.AmountOutOfRange, apierr.ErrRange},
	}
	for _, tt := range tests {
		in := inst(t, "2026-04-15", "100.00", "20.00", "10.00", tt.paid)
		n, a, err := in.Pay(dec(tt.pay))
		var ve *apierr.Error
		if !errors.As(err, &ve) || ve.Code != tt.code || ve.Param != "amount" || !errors.Is(err, tt.reason) {
			t.Errorf("paid %s, Pay(%s) error = %v, want %s/amount/%v", tt.paid, tt.pay, err, tt.code, tt.reason)
		}
		if n != in || a != (Allocation{}) {
			t.Errorf("paid %s, Pay(%s) applied something on error", tt.paid, tt.pay)
		}
	}
	if _, _, err := (Installment{}).Pay(dec("1")); !errors.Is(err, apierr.InvalidFormat) {
		t.Errorf("zero Installment Pay error = %v", err)
	}
}

// loanOf builds an active loan from (principal, interest, fees) cents triples.
func loanOf(t tb, parts [][3]int64) Loan {
	t.Helper()
	l := Loan{Status: LoanActive}
	due := date(t, "2026-01-15")
	for k, p := range parts {
		d, _ := due.AddMonths(k)
		in, err := NewInstallment(d, InstallmentAmounts{Principal: money.FromCents(p[0]),
			Interest: money.FromCents(p[1]), Fees: money.FromCents(p[2])})
		if err != nil {
			t.Fatal(err)
		}
		l.Installments = append(l.Installments, in)
	}
	return l
}

func TestLoanPay(t *testing.T) {
	at := time.Date(2026, 2, 10, 12, 0, 0, 0, time.UTC)
	// Installment 1: 100.00 + 5.00 + 1.00 = 106.00; installment 2: 100.00 + 3.00 + 1.00 = 104.00.
	l := loanOf(t, [][3]int64{{10000, 500, 100}, {10000, 300, 100}})
	l1, r, err := l.Pay(2, dec("50.00"), at)
	if err != nil || l1.Status != LoanActive || !slicesEqual(r.Events, EventLoanPaymentReceived) {
		t.Fatalf("partial payment: %v, %v, %v", l1.Status, r.Events, err)
	}
	if r.Payment.InstallmentNumber != 2 || !r.Payment.PaidAt.Equal(at) ||
		money.Format(r.Payment.Amount) != "50.00" || r.Payment.Amount.Exponent() != -2 {
		t.Errorf("payment payload = %+v", r.Payment)
	}
	// 50.00 on installment 2: 1.00 fees, 3.00 interest, 46.00 principal.
	if a := r.Allocation; money.Format(a.Fees) != "1.00" || money.Format(a.Interest) != "3.00" ||
		money.Format(a.Principal) != "46.00" {
		t.Errorf("allocation = %+v", a)
	}
	if l.Installments[1].AmountPaid().Sign() != 0 {
		t.Error("Pay modified the receiver's installments")
	}
	l2, r, err := l1.Pay(1, dec("106.00"), at)
	if err != nil || l2.Status != LoanActive || !slicesEqual(r.Events, EventLoanPaymentReceived) {
		t.Fatalf("installment 1 in full: %v, %v, %v", l2.Status, r.Events, err)
	}
	if _, _, err := l2.Pay(1, dec("0.01"), at); !errors.Is(err, apierr.AmountOutOfRange) {
		t.Errorf("payment on a paid installment: %v", err)
	}
	if _, _, err := l2.Pay(2, dec("54.01"), at); !errors.Is(err, apierr.AmountOutOfRange) {
		t.Errorf("over-payment: %v", err)
	}
	l3, r, err := l2.Pay(2, dec("54.00"), at)
	if err != nil || l3.Status != LoanFinished ||
		!slicesEqual(r.Events, EventLoanPaymentReceived, EventLoanFinished) || !l3.Paid() {
		t.Fatalf("final payment: %v, %v, %v", l3.Status, r.Events, err)
	}
	_, _, err = l3.Pay(2, dec("0.01"), at)
	var te *TransitionError
	if !errors.As(err, &te) || te.Action != "payment" || te.From != "finished" || !errors.Is(err, ErrTerminal) ||
		!errors.Is(err, apierr.InvalidTransition) {
		t.Errorf("payment on a finished loan: %v", err)
	}
}

func TestLoanPayErrors(t *testing.T) {
	at := time.Date(2026, 2, 10, 12, 0, 0, 0, time.UTC)
	good := loanOf(t, [][3]int64{{10000, 500, 100}})
	tests := []struct {
		name   string
		loan   Loan
		number int
		amount string
		at     time.Time
		code   apierr.Code
		param  string
	}{
		{"processing", Loan{Status: LoanProcessing, Installments: good.Installments}, 1, "1.00", at, apierr.InvalidTransition, "status"},
		{"cancelled", Loan{Status: LoanCancelled, Installments: good.Installments}, 1, "1.00", at, apierr.InvalidTransition, "status"},
		{"zero status", Loan{Installments: good.Installments}, 1, "1.00", at, apierr.InvalidFormat, "status"},
		{"no installments", Loan{Status: LoanActive}, 1, "1.00", at, apierr.InvalidFormat, "installments"},
		{"zero installment", Loan{Status: LoanActive, Installments: []Installment{{}}}, 1, "1.00", at, apierr.InvalidFormat, "installments"},
		{"number 0", good, 0, "1.00", at, apierr.InvalidFormat, "installment_number"},
		{"number 2", good, 2, "1.00", at, apierr.InvalidFormat, "installment_number"},
		{"number -1", good, -1, "1.00", at, apierr.InvalidFormat, "installment_number"},
		{"zero paid_at", good, 1, "1.00", time.Time{}, apierr.MissingRequiredField, "paid_at"},
		{"zero amount", good, 1, "0", at, apierr.AmountOutOfRange, "amount"},
		{"sub-cent", good, 1, "1.001", at, apierr.InvalidFormat, "amount"},
		{"active but all paid", Loan{Status: LoanActive, Installments: []Installment{inst(t, "2026-01-15", "1.00", "0", "0", "1.00")}},
			1, "1.00", at, apierr.InvalidFormat, "status"},
	}
	for _, tt := range tests {
		n, r, err := tt.loan.Pay(tt.number, dec(tt.amount), tt.at)
		var ve *apierr.Error
		if !errors.As(err, &ve) || ve.Code != tt.code || ve.Param != tt.param {
			t.Errorf("%s: error = %v, want %s/%s", tt.name, err, tt.code, tt.param)
		}
		if n.Status != tt.loan.Status || len(n.Installments) != len(tt.loan.Installments) || r.Events != nil {
			t.Errorf("%s: something was applied on error", tt.name)
		}
	}
	_, _, err := Loan{Status: LoanSigned, Installments: good.Installments}.Pay(1, dec("1"), at)
	if errors.Is(err, ErrTerminal) {
		t.Errorf("payment on a signed loan matches ErrTerminal: %v", err)
	}
	if (Loan{}).Paid() || (Loan{Installments: []Installment{{}}}).Paid() {
		t.Error("Paid() of an empty or invalid loan is true")
	}
}

func slicesEqual(got []Event, want ...Event) bool {
	if len(got) != len(want) {
		return false
	}
	for i := range got {
		if got[i] != want[i] {
			return false
		}
	}
	return true
}

// TestLoanPaymentWalk drives random payment sequences, valid and invalid, through
// Loan.Pay and compares every step with a slow model written here in decimal arithmetic:
// the remaining fees, interest and principal of each installment, paid down in that
// order. The loan must end finished exactly when every installment is paid, emit
// loan.payment_received on every accepted payment and loan.finished only with the last,
// apply nothing on error, and never report a state outside its lifecycle.
func TestLoanPaymentWalk(t *testing.T) {
	at := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	finished, refused := 0, 0 // the walk must exercise both outcomes to prove anything
	defer func() {
		if finished == 0 || refused == 0 {
			t.Errorf("the walk finished %d loans and refused %d payments; want both > 0", finished, refused)
		}
	}()
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.IntRange(1, 6).Draw(t, "installments")
		var parts [][3]int64
		type rem struct{ fees, interest, principal decimal.Decimal }
		var model []rem
		for k := 0; k < n; k++ {
			p := [3]int64{rapid.Int64Range(0, 50000).Draw(t, "principal"), rapid.Int64Range(0, 5000).Draw(t, "interest"),
				rapid.Int64Range(0, 500).Draw(t, "fees")}
			if p[0]+p[1]+p[2] == 0 {
				p[0] = 1
			}
			parts = append(parts, p)
			model = append(model, rem{money.FromCents(p[2]), money.FromCents(p[1]),
				money.FromCents(p[0])})
		}
		l := loanOf(t, parts)
		for step := 0; step < 40 && l.Status == LoanActive; step++ {
			k := rapid.IntRange(0, n+1).Draw(t, "number")
			var amount decimal.Decimal
			switch rapid.IntRange(0, 4).Draw(t, "kind") {
			case 0: // everything that remains on the installment, when it exists
				if k >= 1 && k <= n {
					m := model[k-1]
					amount = m.fees.Add(m.interest).Add(m.principal)
				}
			case 1: // sub-cent
				amount = decimal.New(rapid.Int64Range(1, 100000).Draw(t, "mills"), -3)
			default:
				amount = decimal.New(rapid.Int64Range(-100, 60000).Draw(t, "cents"), -2)
			}
			before := l
			nl, r, err := l.Pay(k, amount, at)
			// The model's verdict.
			valid := k >= 1 && k <= n && amount.Sign() > 0 && amount.Equal(amount.Round(2))
			if valid {
				m := model[k-1]
				valid = !amount.GreaterThan(m.fees.Add(m.interest).Add(m.principal))
			}
			if valid != (err == nil) {
				t.Fatalf("Pay(%d, %s): error %v, model says valid = %v", k, amount, err, valid)
			}
			if err != nil {
				refused++
				if nl.Status != before.Status || &nl.Installments[0] != &before.Installments[0] || r.Events != nil {
					t.Fatalf("Pay(%d, %s) applied something on error", k, amount)
				}
				continue
			}
			// Model: fees, then interest, then principal.
			m, left := model[k-1], amount
			take := func(d *decimal.Decimal) decimal.Decimal {
				x := decimal.Min(*d, left)
				*d, left = d.Sub(x), left.Sub(x)
				return x
			}
			wf, wi, wp := take(&m.fees), take(&m.interest), take(&m.principal)
			model[k-1] = m
			if !r.Allocation.Fees.Equal(wf) || !r.Allocation.Interest.Equal(wi) || !r.Allocation.Principal.Equal(wp) {
				t.Fatalf("allocation %+v, model %s/%s/%s", r.Allocation, wf, wi, wp)
			}
			all := true
			for j, mm := range model {
				remaining := mm.fees.Add(mm.interest).Add(mm.principal)
				if !nl.Installments[j].AmountRemaining().Equal(remaining) {
					t.Fatalf("installment %d remaining %s, model %s", j+1, nl.Installments[j].AmountRemaining(), remaining)
				}
				all = all && remaining.IsZero()
			}
			wantEvents := []Event{EventLoanPaymentReceived}
			wantStatus := LoanActive
			if all {
				wantEvents, wantStatus = append(wantEvents, EventLoanFinished), LoanFinished
			}
			if nl.Status != wantStatus || !slicesEqual(r.Events, wantEvents...) {
				t.Fatalf("after Pay(%d, %s): status %v events %v, want %v %v", k, amount, nl.Status, r.Events,
					wantStatus, wantEvents)
			}
			for _, e := range r.Events {
				if !e.Valid() {
					t.Fatalf("event %v outside the catalogue", e)
				}
			}
			l = nl
		}
		if l.Status == LoanFinished {
			finished++
			if _, _, err := l.Pay(1, dec("0.01"), at); !errors.Is(err, ErrTerminal) {
				t.Fatalf("finished loan accepted a payment: %v", err)
			}
		}
	})
}

package servicing_test

import (
	"testing"

	"github.com/dinie/lending/iof"
	"github.com/dinie/lending/schedule"
	"github.com/dinie/lending/servicing"
	"github.com/dinie/lending/statemachine"
)

// TestPublishedLateFineAndMora is the published check of the late charges: a
// R$ 3,000.00 installment paid 10 days late owes 60.00 of fine (2 %, CDC art. 52 §1)
// and 10.00 of mora (1 % a month × 10/30, STJ Súmula 379), before remuneratory
// interest and IOF. The fine and the mora do not depend on the rate, so the check holds
// at 0 % (no remuneratory interest) and at 3 % a.m. (which adds its own).
func TestPublishedLateFineAndMora(t *testing.T) {
	for _, rate := range []string{"0", "3"} {
		c := single(t, iof.Individual, rate, 300_000, "2026-04-02", "2026-04-02")
		l, err := servicing.New(c, servicing.DefaultTerms())
		if err != nil {
			t.Fatal(err)
		}
		paid := day(t, "2026-04-12")
		txs, err := l.Transactions(paid)
		if err != nil {
			t.Fatal(err)
		}
		late := txs[0].Late
		if late.Days != 10 || late.Fine != 6000 || late.Mora != 1000 {
			t.Errorf("rate %s: %d days, fine %d, mora %d; want 10 days, 60.00 and 10.00", rate, late.Days, late.Fine, late.Mora)
		}
		// Paying what it owes settles it, the charges first.
		owed := txs[0].AmountRemaining + late.Owed
		l2, r := pay(t, l, 1, owed, paid)
		a := r.Payment.Allocation
		if a.Fine != 6000 || a.Mora != 1000 || a.Principal != 300_000 || !l2.Paid() || r.Status != statemachine.LoanFinished {
			t.Errorf("rate %s: allocation %+v, status %s; want the fine and mora paid, then the 3,000.00", rate, a, r.Status)
		}
	}
}

// TestPublishedPayoff24000 is the published check of the payoff: R$ 24,000.00 at
// 2.5 % a.m. over 24 (periodic), PMT 1,341.91; settled on the 15th due date with
// installments 1–15 paid, the payoff is the present value of the last 9. For nine equal
// installments it is 10,696.18 (published as 10,696.17: 1,341.91 × (1 − 1.025^−9) /
// 0.025 = 10,696.177…); with the last absorbing the residue (1,341.82) it is 10,696.11,
// the balance after the 15th row.
func TestPublishedPayoff24000(t *testing.T) {
	sim := simulate(t, simTerms{amount: "24000.00", n: 24, rate: "2.5", release: "2026-03-10", class: iof.Individual,
		dayCount: schedule.Periodic})
	if sim.InstallmentsCents() != 134191 || sim.CentsRow(24).Payment != 134182 {
		t.Fatalf("PMT %d, last %d; want 1,341.91 and 1,341.82", sim.InstallmentsCents(), sim.CentsRow(24).Payment)
	}
	l := book(t, sim, servicing.DefaultTerms())
	for k := 1; k <= 15; k++ {
		r := sim.CentsRow(k)
		l, _ = pay(t, l, k, r.Payment, r.DueDate)
	}
	due15 := sim.CentsRow(15).DueDate
	po, err := l.Payoff(due15)
	if err != nil {
		t.Fatal(err)
	}
	if po.Amount != 1_069_611 || po.Amount != sim.CentsRow(15).Balance || len(po.Installments) != 9 {
		t.Errorf("payoff %d over %d installments; want 10,696.11 (the balance after row 15) over 9", po.Amount, len(po.Installments))
	}
}

// TestPublishedPayoffNineEqual: the published figure itself, nine equal installments
// of 1,341.91 at 2.5 % a.m. (periodic) settled one period before the first:
// 1,341.91 × (1 − 1.025^−9) / 0.025 = 10,696.177… (by hand: 1.025^9 = 1.24886297,
// the annuity factor 7.97086324), rounded half-up 10,696.18, published as 10,696.17.
func TestPublishedPayoffNineEqual(t *testing.T) {
	rate, _ := schedule.ParsePercentPerMonth("2.5")
	release := day(t, "2026-03-10")
	// The rows of a Price table of 10,696.18, the last one's payment set to 1,341.91
	// (its interest absorbs the difference): nine equal payments, a consistent schedule.
	sch, err := schedule.New(schedule.Terms{Principal: cents(1_069_618), Rate: rate, Installments: 9,
		Release: release, DayCount: schedule.Periodic})
	if err != nil {
		t.Fatal(err)
	}
	rows := make([]schedule.CentsRow, 9)
	for k := range rows {
		rows[k] = sch.CentsRow(k + 1)
	}
	rows[8].Payment, rows[8].Interest = 134191, 134191-rows[8].Principal
	if sch.InstallmentCents() != 134191 {
		t.Fatalf("PMT %d", sch.InstallmentCents())
	}
	l, err := servicing.New(servicing.Contract{Release: release, Rate: rate, DayCount: schedule.Periodic,
		Class: iof.Individual, Principal: 1_069_618, Rows: rows}, servicing.DefaultTerms())
	if err != nil {
		t.Fatal(err)
	}
	po, err := l.Payoff(release)
	if err != nil || po.Amount != 1_069_618 {
		t.Errorf("payoff of nine × 1,341.91 one period ahead = %d, %v; want 10,696.18", po.Amount, err)
	}
}

// TestSTJCountOnALoan: the same rule through a loan (the 2007 dates predate the IOF
// table a loan needs): an installment whose nominal date is Saturday 2026-05-02, rolled
// to Monday 2026-05-04, paid on 2026-05-25 is 23 days late counting from the original
// date and 21 from the rolled one (Terms.CountFrom), and days_overdue, which counts
// from the due date, is 21 either way.
func TestSTJCountOnALoan(t *testing.T) {
	c := single(t, iof.Individual, "0", 300_000, "2026-05-02", "2026-05-04")
	for _, cf := range []struct {
		from servicing.CountFrom
		want int
	}{{servicing.Original, 23}, {servicing.Rolled, 21}} {
		terms := servicing.DefaultTerms()
		terms.CountFrom = cf.from
		l, err := servicing.New(c, terms)
		if err != nil {
			t.Fatal(err)
		}
		txs, err := l.Transactions(day(t, "2026-05-25"))
		if err != nil {
			t.Fatal(err)
		}
		// mora = 3,000.00 × 1 % × days / 30, by hand: 23.00 or 21.00.
		if txs[0].Late.Days != cf.want || txs[0].DaysOverdue != 21 || txs[0].Late.Mora != int64(cf.want)*100 {
			t.Errorf("%s: %d days late, %d overdue, mora %d; want %d, 21, %d.00", cf.from, txs[0].Late.Days,
				txs[0].DaysOverdue, txs[0].Late.Mora, cf.want, cf.want)
		}
	}
}

// TestBookNegativeAmortization is issue 12's reproducer: the simulation of
// `lending simulate --amount 10000.00 --installments 12 --rate 3 --release 2026-03-10
// --first-due 2026-09-01` has a first row whose interest (1,846.77) exceeds its payment
// (1,154.83). It books: installment 1 reads interest 1,154.83 and principal 0.00, the
// other 691.94 of interest is capitalized, and paying every installment on its due date
// finishes the loan.
func TestBookNegativeAmortization(t *testing.T) {
	sim := simulate(t, simTerms{amount: "10000.00", n: 12, rate: "3", release: "2026-03-10", firstDue: "2026-09-01"})
	r1 := sim.CentsRow(1)
	if r1.Interest != 184677 || r1.Payment != 115483 || r1.Principal != -69194 {
		t.Fatalf("row 1 = %+v; the reproducer's row 1 has interest 1,846.77, payment 1,154.83, principal −691.94", r1)
	}
	l := book(t, sim, servicing.DefaultTerms())
	txs, err := l.Transactions(sim.Release())
	if err != nil {
		t.Fatal(err)
	}
	if tx := txs[0]; tx.Interest != 115483 || tx.Principal != 0 || tx.AmountDue != 115483 || tx.Fees != 0 {
		t.Errorf("installment 1 = interest %d, principal %d, due %d; want 1,154.83, 0.00, 1,154.83", tx.Interest, tx.Principal, tx.AmountDue)
	}
	var status statemachine.LoanStatus = statemachine.LoanActive
	for k := 1; k <= 12; k++ {
		r := sim.CentsRow(k)
		var rc servicing.Receipt
		l, rc = pay(t, l, k, r.Payment, r.DueDate)
		status = rc.Status
	}
	if status != statemachine.LoanFinished || !l.Paid() {
		t.Errorf("after every installment on its due date the loan is %s", status)
	}
}

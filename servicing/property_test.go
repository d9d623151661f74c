package servicing_test

import (
	"errors"
	"math"
	"math/big"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/dinie/lending/calendar"
	"github.com/dinie/lending/iof"
	"github.com/dinie/lending/money"
	"github.com/dinie/lending/schedule"
	"github.com/dinie/lending/servicing"
	"github.com/dinie/lending/simulation"
	"github.com/dinie/lending/statemachine"
)

// adversarialRates make ties or exercise the exact paths: 2.5 % (U·0.025 is a half
// cent for every U ≡ 20 mod 40), round rates, 21 % (1.21 = 1.1²: half-month powers are
// rational) and 33.1 % (1.331 = 1.1³), and 0.
var adversarialRates = []string{"0", "1", "2.5", "3", "21", "33.1", "1.99", "0.5", "10", "4.75"}

// drawn is a loan drawn for a property: the simulation, the servicing terms, the
// booked loan and the reference's view of it.
type drawn struct {
	sim   *simulation.Simulation
	terms servicing.Terms
	loan  *servicing.Loan
	ref   *refLoan
}

func toTime(d calendar.Date) time.Time {
	return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC)
}

// genLoan draws a simulation the library accepts and books it with random terms.
func genLoan(t *rapid.T, maxN int) drawn {
	classes := []iof.Class{iof.Individual, iof.Company, iof.Simples, iof.MEI}
	class := rapid.SampledFrom(classes).Draw(t, "class")
	var rate string
	if rapid.Bool().Draw(t, "adversarial") {
		rate = rapid.SampledFrom(adversarialRates).Draw(t, "rate")
	} else {
		rate = new(big.Rat).SetFrac64(rapid.Int64Range(0, 120_000).Draw(t, "rate_units"), 10_000).FloatString(4)
	}
	amount := rapid.Int64Range(10_000, 5_000_000).Draw(t, "amount")
	if rapid.IntRange(0, 9).Draw(t, "near_limit") == 0 {
		amount = rapid.Int64Range(2_990_000, 3_010_000).Draw(t, "amount_near")
	}
	n := rapid.IntRange(1, maxN).Draw(t, "n")
	release := addDays(t, day(t, "2025-07-16"), rapid.IntRange(0, 900).Draw(t, "release"))
	st := simTerms{amount: money.FormatCents(amount), n: n, rate: rate, release: release.String(), class: class,
		dayCount: schedule.DayCount(rapid.IntRange(0, 4).Draw(t, "day_count")),
		roll:     calendar.Roll(rapid.SampledFrom([]int{0, 0, 0, 1, 2, 3, 4}).Draw(t, "roll"))}
	// Any schedule the library makes: a rate per year, interest-only grace, SAC.
	if rapid.IntRange(0, 3).Draw(t, "per_year") == 0 {
		st.annualRate = new(big.Rat).SetFrac64(rapid.Int64Range(0, 3_000_000).Draw(t, "annual_units"), 10_000).FloatString(4)
	}
	if n > 1 && rapid.IntRange(0, 3).Draw(t, "has_grace") == 0 {
		st.grace = rapid.IntRange(1, min(n-1, 6)).Draw(t, "grace")
	}
	if rapid.IntRange(0, 2).Draw(t, "sac") == 0 {
		st.amortization = schedule.SAC
	}
	switch rapid.IntRange(0, 3).Draw(t, "first_kind") {
	case 1:
		st.firstDue = addDays(t, release, rapid.IntRange(1, 60).Draw(t, "first_days")).String()
	case 2:
		st.firstDue = addDays(t, release, rapid.IntRange(61, 180).Draw(t, "first_long")).String()
	}
	sim, err := trySimulate(t, st)
	if err != nil {
		st.roll, st.firstDue = calendar.Following, ""
		if sim, err = trySimulate(t, st); err != nil {
			// Cent precision refuses some extreme terms (a huge rate over a long
			// grace); the draw goes on with ordinary ones rather than being
			// discarded, and those must be accepted.
			st.rate, st.annualRate, st.grace, st.amortization = "1.9900", "", 0, schedule.Price
			if sim, err = trySimulate(t, st); err != nil {
				t.Fatalf("ordinary terms %+v refused: %v", st, err)
			}
		}
	}
	terms := servicing.Terms{
		FinePercent:   decimal.New(rapid.Int64Range(0, 200).Draw(t, "fine"), -2),
		MoraPercent:   decimal.New(rapid.Int64Range(0, 100).Draw(t, "mora"), -2),
		DelayInterest: servicing.DelayInterest(rapid.IntRange(0, 1).Draw(t, "linear")),
		CountFrom:     servicing.CountFrom(rapid.IntRange(0, 1).Draw(t, "rolled")),
	}
	if class == iof.Company || class == iof.Simples {
		terms.FinePercent = decimal.New(rapid.Int64Range(0, 1000).Draw(t, "fine_company"), -2)
	}
	if class == iof.Company && rapid.Bool().Draw(t, "fee") {
		terms.PrepaymentFeePercent = decimal.New(rapid.Int64Range(0, 500).Draw(t, "fee_pct"), -2)
	}
	l := book(t, sim, terms)
	return drawn{sim: sim, terms: terms, loan: l, ref: refOf(t, sim, terms)}
}

func trySimulate(t *rapid.T, s simTerms) (*simulation.Simulation, error) {
	rel := day(t, s.release)
	now := time.Date(rel.Year(), rel.Month(), rel.Day(), 12, 0, 0, 0, time.UTC)
	rate, _ := schedule.ParsePercentPerMonth(s.rate)
	o := statemachine.Offer{Status: statemachine.OfferAvailable, ValidUntil: now,
		ApprovedAmount: decimal.New(schedule.MaxPrincipalCents, -2), MinAmount: decimal.New(1, 0), InterestRate: rate,
		MinInstallments: 1, MaxInstallments: schedule.MaxInstallments, BorrowerClass: s.class}
	req, err := simulation.ParseRequest(s.amount, s.n)
	if err != nil {
		return nil, err
	}
	opts := simulation.Options{Now: now, Release: rel, DayCount: s.dayCount, Roll: s.roll, Grace: s.grace,
		Amortization: s.amortization}
	if s.firstDue != "" {
		opts.FirstDue = day(t, s.firstDue)
	}
	if s.annualRate != "" {
		if opts.AnnualRate, err = schedule.ParsePercentPerYear(s.annualRate); err != nil {
			return nil, err
		}
	}
	return simulation.Simulate(o, req, opts)
}

// refOf is the reference's reading of a simulation and terms.
func refOf(t tb, sim *simulation.Simulation, terms servicing.Terms) *refLoan {
	r := &refLoan{release: toTime(sim.Release()), dayCount: sim.DayCount().String(), class: sim.IOF().Class.String(),
		principalCents: sim.Cents().Principal, linear: terms.DelayInterest == servicing.Linear,
		rolled: terms.CountFrom == servicing.Rolled}
	pct := func(d decimal.Decimal) *big.Rat {
		x, ok := new(big.Rat).SetString(d.String())
		if !ok {
			t.Fatalf("percent %s", d)
		}
		return x.Quo(x, big.NewRat(100, 1))
	}
	r.rate = pct(sim.InterestPercentage().Percent())
	if sim.RatePerYear() {
		r.rate, r.perYear = pct(sim.AnnualInterestRate().Percent()), true
	}
	r.fine, r.mora, r.fee = pct(terms.FinePercent), pct(terms.MoraPercent), pct(terms.PrepaymentFeePercent)
	for k := 1; k <= sim.NumberOfInstallments(); k++ {
		row := sim.CentsRow(k)
		r.rows = append(r.rows, refInst{nominal: toTime(row.NominalDate), due: toTime(row.DueDate),
			payment: row.Payment, interestJ: row.Interest, amortA: row.Principal})
	}
	return r
}

// genPayments pays some installments, on time or late, in full or in part, each
// amount chosen within what the loan says is owed on its date (the reference then
// judges the allocation on its own). It returns the loan and the payments made.
func genPayments(t *rapid.T, d drawn) (*servicing.Loan, []refPayment) {
	l := d.loan
	var pays []refPayment
	n := d.sim.NumberOfInstallments()
	for k := 1; k <= n; k++ {
		row := d.sim.CentsRow(k)
		count := rapid.IntRange(0, 3).Draw(t, "payments")
		on := addDays(t, row.DueDate, rapid.IntRange(-20, 30).Draw(t, "first_offset"))
		if on.Before(d.sim.Release()) {
			on = d.sim.Release()
		}
		for range count {
			txs, err := l.Transactions(on)
			if err != nil {
				t.Fatal(err)
			}
			owed := txs[k-1].AmountRemaining + txs[k-1].Late.Owed
			if owed == 0 {
				break
			}
			amount := owed
			if rapid.IntRange(0, 2).Draw(t, "partial") > 0 {
				amount = rapid.Int64Range(1, owed).Draw(t, "amount")
			}
			var err2 error
			l, _, err2 = l.Pay(statemachine.LoanActive, k, cents(amount), on)
			if err2 != nil {
				t.Fatalf("Pay(%d, %s, %s) of what the loan says is owed (%s): %v", k, money.FormatCents(amount), on,
					money.FormatCents(owed), err2)
			}
			pays = append(pays, refPayment{k: k, date: toTime(on), amount: amount})
			on = addDays(t, on, rapid.IntRange(0, 40).Draw(t, "next_offset"))
		}
	}
	return l, pays
}

// TestPropTransactionsMatchReference holds Transactions (status, amounts, days,
// every late charge, what is owed, paid_at) and every payment's allocation to the
// reference, as of a random date.
func TestPropTransactionsMatchReference(t *testing.T) {
	charged := 0
	rapid.Check(t, func(t *rapid.T) {
		d := genLoan(t, 12)
		l, pays := genPayments(t, d)
		last := d.sim.CentsRow(d.sim.NumberOfInstallments()).DueDate
		asOf := addDays(t, d.sim.Release(), rapid.IntRange(-5, calendar.DaysBetween(d.sim.Release(), last)+120).Draw(t, "as_of"))
		if rapid.Bool().Draw(t, "after_a_due_date") { // an installment running late
			k := rapid.IntRange(1, d.sim.NumberOfInstallments()).Draw(t, "late_k")
			asOf = addDays(t, d.sim.CentsRow(k).DueDate, rapid.IntRange(1, 90).Draw(t, "late_by"))
		}
		txs, err := l.Transactions(asOf)
		if err != nil {
			t.Fatal(err)
		}
		for k, tx := range txs {
			want, err := d.ref.transaction(k+1, pays, toTime(asOf))
			if err != nil {
				t.Fatalf("installment %d: the reference refuses a payment the loan accepted: %v", k+1, err)
			}
			got := refTx{status: tx.Status.String(), due: tx.AmountDue, paid: tx.AmountPaid, remaining: tx.AmountRemaining,
				daysOverdue: int64(tx.DaysOverdue), lateDays: int64(tx.Late.Days),
				late: refCharges{tx.Late.IOF, tx.Late.Fine, tx.Late.Mora, tx.Late.Interest},
				owed: tx.Late.Owed}
			if !tx.PaidAt.IsZero() {
				got.paidAt = toTime(tx.PaidAt)
			}
			if got != want || tx.Late.Total != want.late.sum() {
				t.Fatalf("installment %d as of %s:\n got %+v\nwant %+v", k+1, asOf, got, want)
			}
			if want.late.sum() > 0 {
				charged++
			}
			st, _ := d.ref.replay(k+1, pays, toTime(asOf))
			for j, p := range tx.Payments {
				a := p.Allocation
				if w := st.alloc[j]; [6]int64{a.IOF, a.Fine, a.Mora, a.DelayInterest, a.Interest, a.Principal} != w {
					t.Fatalf("installment %d payment %d: allocation %+v, reference %v", k+1, j+1, a, w)
				}
			}
		}
	})
	if charged < 50 {
		t.Errorf("only %d transactions had late charges; the property barely tests them", charged)
	}
}

// TestPropPayoffMatchesReference holds Payoff (the total, the fee and every item's
// present value) to the reference on a random settlement date.
func TestPropPayoffMatchesReference(t *testing.T) {
	discounted, overdue := 0, 0
	rapid.Check(t, func(t *rapid.T) {
		d := genLoan(t, 12)
		l, pays := genPayments(t, d)
		last := d.sim.CentsRow(d.sim.NumberOfInstallments()).DueDate
		s := addDays(t, d.sim.Release(), rapid.IntRange(0, calendar.DaysBetween(d.sim.Release(), last)+60).Draw(t, "s"))
		po, err := l.Payoff(s)
		if err != nil {
			t.Fatal(err)
		}
		amount, fee, pv, err := d.ref.payoff(pays, toTime(s))
		if err != nil {
			t.Fatal(err)
		}
		if po.Amount != amount || po.PrepaymentFee != fee || len(po.Installments) != len(pv) {
			t.Fatalf("payoff on %s = %d (fee %d, %d items); reference %d (fee %d, %d items)", s, po.Amount,
				po.PrepaymentFee, len(po.Installments), amount, fee, len(pv))
		}
		for _, it := range po.Installments {
			if it.PresentValue != pv[it.Number] || it.Discount != it.Remaining-it.PresentValue {
				t.Fatalf("installment %d: present value %d, reference %d", it.Number, it.PresentValue, pv[it.Number])
			}
			if it.Discount > 0 {
				discounted++
			}
			if it.Late > 0 {
				overdue++
			}
		}
	})
	if discounted < 50 || overdue < 10 {
		t.Errorf("%d discounted and %d overdue items: the property barely tests them", discounted, overdue)
	}
}

// TestPropPayOnDueDates: paying every installment its amount on its due date (the
// rolled date: the business day after a non-business nominal date) leaves nothing
// owed, charges nothing late, and the payment of the last one finishes the loan.
func TestPropPayOnDueDates(t *testing.T) {
	rolled := 0
	rapid.Check(t, func(t *rapid.T) {
		d := genLoan(t, 24)
		l := d.loan
		n := d.sim.NumberOfInstallments()
		var status statemachine.LoanStatus = statemachine.LoanActive
		order := rapid.Permutation(seq(n)).Draw(t, "order")
		for i, k := range order {
			row := d.sim.CentsRow(k)
			if i < n-1 && status != statemachine.LoanActive {
				t.Fatalf("the loan finished before its last installment")
			}
			var r servicing.Receipt
			var err error
			l, r, err = l.Pay(status, k, cents(row.Payment), row.DueDate)
			if err != nil {
				t.Fatalf("paying installment %d on its due date %s: %v", k, row.DueDate, err)
			}
			if r.Payment.Allocation.Charges() != 0 {
				t.Fatalf("installment %d paid on its due date was charged %+v", k, r.Payment.Allocation)
			}
			status = r.Status
			if row.NominalDate != row.DueDate {
				rolled++
			}
		}
		if status != statemachine.LoanFinished || !l.Paid() {
			t.Fatalf("after every installment the loan is %s", status)
		}
		txs, err := l.Transactions(addDays(t, d.sim.CentsRow(n).DueDate, 400))
		if err != nil {
			t.Fatal(err)
		}
		for _, tx := range txs {
			if tx.Status != statemachine.InstallmentPaid || tx.AmountRemaining != 0 || tx.Late.Total != 0 || tx.PaidAt != tx.DueDate {
				t.Fatalf("installment %d: %+v", tx.Number, tx)
			}
		}
	})
	if rolled < 30 {
		t.Errorf("only %d installments had a rolled due date", rolled)
	}
}

func seq(n int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = i + 1
	}
	return s
}

// TestPropPayoffOnDueDateIsBalance: just after paying installment k on its due date,
// the payoff on that date is the schedule's balance after row k. Exactly, the table's
// balance B_k = Σ_{j>k} (PMT_j − ε_j)·(1 + i)^−(t_j − t_k), ε_j the rounding of row j's
// interest (|ε_j| ≤ ½ cent), so the payoff, Σ PMT_j·(1 + i)^−(t_j − t_k) rounded once,
// is B_k + Σ ε_j·v_j within half a cent: within ½·(n − k) + ½ cents of B_k. Both are
// checked, the roundings ε_j computed by the reference from the rows.
func TestPropPayoffOnDueDateIsBalance(t *testing.T) {
	exactCases := 0
	rapid.Check(t, func(t *rapid.T) {
		d := genLoan(t, 36)
		n := d.sim.NumberOfInstallments()
		k := rapid.IntRange(1, n).Draw(t, "k")
		l := d.loan
		for j := 1; j <= k; j++ {
			row := d.sim.CentsRow(j)
			l, _ = pay(t, l, j, row.Payment, row.DueDate)
		}
		s := d.sim.CentsRow(k).DueDate
		po, err := l.Payoff(s)
		if err != nil {
			t.Fatal(err)
		}
		bk := d.sim.CentsRow(k).Balance
		m := int64(n - k)
		amount := po.Amount - po.PrepaymentFee // a company's fee is charged on top
		if diff := amount - bk; 2*abs(diff) > m+1 {
			t.Fatalf("payoff on %s = %d, balance after row %d = %d: %d cents apart, more than (n−k+1)/2", s, po.Amount, k, bk, diff)
		}
		// Σ ε_j·v_j in big.Rat / big.Float.
		r := d.ref
		eps := new(big.Float).SetPrec(refPrec)
		tk := r.t(k)
		prevB := bk
		for j := k + 1; j <= n; j++ {
			row := d.sim.CentsRow(j)
			dt := r.t(j) - r.t(j-1)
			mul, dd := r.scale()
			g := r.power(dt*mul, dd)
			var exact *big.Float
			if g.exact != nil {
				x := new(big.Rat).Mul(big.NewRat(prevB, 1), new(big.Rat).Sub(g.exact, big.NewRat(1, 1)))
				exact = new(big.Float).SetPrec(refPrec).SetRat(x)
			} else {
				exact = new(big.Float).SetPrec(refPrec).Mul(new(big.Float).SetPrec(refPrec).SetInt64(prevB), g.float)
				exact.Sub(exact, new(big.Float).SetPrec(refPrec).SetInt64(prevB))
			}
			e := new(big.Float).SetPrec(refPrec).Sub(new(big.Float).SetPrec(refPrec).SetInt64(row.Interest), exact)
			v := r.discount(r.t(j) - tk)
			vf := v.float
			if v.exact != nil {
				vf = new(big.Float).SetPrec(refPrec).SetRat(v.exact)
			}
			eps.Add(eps, e.Mul(e, vf))
			prevB = row.Balance
		}
		want := new(big.Float).SetPrec(refPrec).Add(new(big.Float).SetPrec(refPrec).SetInt64(bk), eps)
		gap := new(big.Float).Sub(new(big.Float).SetPrec(refPrec).SetInt64(amount), want)
		if g, _ := gap.Float64(); math.Abs(g) > 0.5+1e-9 {
			t.Fatalf("payoff %d vs B_k + Σ ε·v = %s: %g cents apart, more than half a cent", amount, want.Text('f', 6), g)
		}
		if m > 0 {
			exactCases++
		}
	})
	if exactCases < 50 {
		t.Errorf("only %d cases with installments left", exactCases)
	}
}

// TestPropPayoffNeverFalls: a later settlement date never lowers the payoff (without
// the prepayment fee, which is proportional to it) of the same loan by more than what
// was paid in between.
func TestPropPayoffNeverFalls(t *testing.T) {
	rose := 0
	rapid.Check(t, func(t *rapid.T) {
		d := genLoan(t, 12)
		l, pays := genPayments(t, d)
		last := d.sim.CentsRow(d.sim.NumberOfInstallments()).DueDate
		span := calendar.DaysBetween(d.sim.Release(), last) + 60
		s1 := addDays(t, d.sim.Release(), rapid.IntRange(0, span).Draw(t, "s1"))
		s2 := addDays(t, s1, rapid.IntRange(1, 90).Draw(t, "gap"))
		p1, err1 := l.Payoff(s1)
		p2, err2 := l.Payoff(s2)
		if err1 != nil || err2 != nil {
			t.Fatal(err1, err2)
		}
		var paid int64
		for _, p := range pays {
			if p.date.After(toTime(s1)) && !p.date.After(toTime(s2)) {
				paid += p.amount
			}
		}
		a1, a2 := p1.Amount-p1.PrepaymentFee, p2.Amount-p2.PrepaymentFee
		if a2+paid < a1 {
			t.Fatalf("payoff %d on %s, %d on %s with %d paid between: it fell by more than was paid", a1, s1, a2, s2, paid)
		}
		if a2 > a1 {
			rose++
		}
	})
	if rose < 50 {
		t.Errorf("the payoff rose in only %d draws", rose)
	}
}

// TestPropPrepayKeepsValue: after either prepayment mode, the present value at s of
// the new schedule (computed by the reference) is Balance − X: within a cent for
// ReduceTerm (the reduced face is rounded once, its balance once), within
// ½·(rows + 1) cents for ReduceInstallment (each row's interest rounded, as in a Price
// table). The rows are a schedule: payment = interest + principal, balances stepping
// down from the first to 0.00.
func TestPropPrepayKeepsValue(t *testing.T) {
	cancelled := 0
	quotes := 0
	rapid.Check(t, func(t *rapid.T) {
		d := genLoan(t, 24)
		n := d.sim.NumberOfInstallments()
		k := rapid.IntRange(0, n-1).Draw(t, "paid")
		l := d.loan
		for j := 1; j <= k; j++ {
			row := d.sim.CentsRow(j)
			l, _ = pay(t, l, j, row.Payment, row.DueDate)
		}
		from := d.sim.Release()
		if k > 0 {
			from = d.sim.CentsRow(k).DueDate
		}
		to := d.sim.CentsRow(k + 1).DueDate
		s := addDays(t, from, rapid.IntRange(0, calendar.DaysBetween(from, to)).Draw(t, "s"))
		po, err := l.Payoff(s)
		if err != nil {
			t.Fatal(err)
		}
		bs := po.Amount - po.PrepaymentFee
		if bs < 2 {
			return // nothing to prepay; quotes counts the draws that were checked
		}
		// Any cent below the balance, or a share of it: rapid draws small numbers often,
		// and a prepayment has to be large to cancel installments.
		x := rapid.Int64Range(1, bs-1).Draw(t, "x")
		if rapid.Bool().Draw(t, "share") {
			x = max(1, min(bs-1, bs*int64(rapid.IntRange(40, 99).Draw(t, "percent"))/100))
		}
		for _, mode := range []servicing.Mode{servicing.ReduceTerm, servicing.ReduceInstallment} {
			p, err := l.Prepay(s, cents(x), mode)
			if err != nil {
				if mode == servicing.ReduceInstallment && isCentPrecision(err) {
					continue
				}
				t.Fatalf("Prepay(%s, %d, %s): %v", s, x, mode, err)
			}
			if p.Balance != bs {
				t.Fatalf("%s: balance %d, payoff %d", mode, p.Balance, bs)
			}
			ts := d.ref.ts(toTime(s))
			var payments, times []int64
			prev := bs - x
			if mode == servicing.ReduceTerm && len(p.Schedule) > 0 {
				prev = p.Schedule[0].Balance + p.Schedule[0].Principal
			}
			for j, r := range p.Schedule {
				if r.Payment != r.Interest+r.Principal || r.Balance != prev-r.Principal || (j > 0 && r.Number <= p.Schedule[j-1].Number) {
					t.Fatalf("%s: row %d %+v after balance %d is not a schedule row", mode, j, r, prev)
				}
				prev = r.Balance
				payments = append(payments, r.Payment)
				times = append(times, max(d.ref.t(r.Number), ts))
			}
			if prev != 0 {
				t.Fatalf("%s: the new schedule ends at %d", mode, prev)
			}
			pv := d.ref.presentValue(payments, times, ts)
			tol := int64(1)
			if mode == servicing.ReduceInstallment {
				tol = (int64(len(p.Schedule))+1)/2 + 1
			}
			if diff := pv - (bs - x); abs(diff) > tol {
				t.Fatalf("%s: the new schedule is worth %d on %s, Balance − X = %d − %d = %d (%d apart, tolerance %d)",
					mode, pv, s, bs, x, bs-x, diff, tol)
			}
			if mode == servicing.ReduceTerm && len(p.Schedule) < n-k {
				cancelled++
			}
			quotes++
		}
	})
	if cancelled < 20 || quotes < 100 {
		t.Errorf("%d quotes, %d cancelling installments: too few", quotes, cancelled)
	}
}

func isCentPrecision(err error) bool { return errors.Is(err, servicing.ErrCentPrecision) }

// TestPropNoIOFPast365: the complementary IOF never taxes a day past the 365th from
// the release: an installment due 365 days or more after it owes none however late,
// and any other owes at most A × daily × (365 − D) (plus half a cent per assessment).
func TestPropNoIOFPast365(t *testing.T) {
	beyond, capped := 0, 0
	rapid.Check(t, func(t *rapid.T) {
		d := genLoan(t, 24)
		n := d.sim.NumberOfInstallments()
		k := rapid.IntRange(max(1, n-8), n).Draw(t, "k") // the later ones reach the cap
		row := d.sim.CentsRow(k)
		l := d.loan
		D := calendar.DaysBetween(d.sim.Release(), row.DueDate)
		late := rapid.IntRange(1, 500).Draw(t, "late")
		if D < 365 && rapid.IntRange(0, 3).Draw(t, "around_cap") > 0 { // a delay that crosses the 365th day
			late = max(1, 365-D+rapid.IntRange(-20, 80).Draw(t, "past_cap"))
		}
		on := addDays(t, row.DueDate, late)
		assessments := int64(1)
		if rapid.Bool().Draw(t, "partial") {
			mid := addDays(t, row.DueDate, rapid.IntRange(1, late).Draw(t, "mid"))
			l, _ = pay(t, l, k, 1, mid) // a cent: the charges are assessed, the rest keeps running
			assessments++
		}
		txs, err := l.Transactions(on)
		if err != nil {
			t.Fatal(err)
		}
		iofCharged := txs[k-1].Late.IOF
		if D >= 365 {
			if iofCharged != 0 {
				t.Fatalf("installment %d due %d days after the release owes %d of IOF", k, D, iofCharged)
			}
			beyond++
			return
		}
		daily := d.ref.dailyIOF()
		bound := new(big.Rat).Mul(big.NewRat(max(row.Principal, 0)*int64(365-D), 1), daily)
		bound.Add(bound, big.NewRat(assessments, 2))
		if new(big.Rat).SetInt64(iofCharged).Cmp(bound) > 0 {
			t.Fatalf("installment %d (D = %d, %d days late) owes %d of IOF, above the cap's %s", k, D, late, iofCharged, bound.FloatString(2))
		}
		if D+late > 365 {
			capped++
		}
	})
	if beyond < 10 || capped < 20 {
		t.Errorf("%d installments past the cap, %d reaching it during the delay: too few", beyond, capped)
	}
}

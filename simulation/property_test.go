package simulation_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"reflect"
	"strings"
	"testing"
	"time"

	"pgregory.net/rapid"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/iof"
	"github.com/dinie/lending/money"
	"github.com/dinie/lending/simulation"
)

// genRate draws a monthly rate as a JSON number: whole percents, rates with a
// few decimals, and adversarial ones (2.5 and 0.62989, whose whole-month
// factors are rational and make half-cent ties; 21, where 1.21 = 1.1² makes the
// half-month factor rational; 0).
func genRate(t *rapid.T) string {
	switch rapid.IntRange(0, 4).Draw(t, "rateKind") {
	case 0:
		return rapid.SampledFrom([]string{"0", "2.5", "0.62989", "21", "1", "3", "0.948879", "10"}).Draw(t, "rate")
	case 1:
		return fmt.Sprint(rapid.IntRange(0, 12).Draw(t, "ratePct"))
	default:
		places := rapid.IntRange(1, 6).Draw(t, "ratePlaces")
		scale := 1
		for range places {
			scale *= 10
		}
		u := rapid.IntRange(0, 12*scale).Draw(t, "rateUnits")
		return strings.TrimRight(strings.TrimRight(fmt.Sprintf("%d.%0*d", u/scale, places, u%scale), "0"), ".")
	}
}

func genMoney(t *rapid.T, label string, lo, hi int64) string {
	return money.FormatCents(rapid.Int64Range(lo, hi).Draw(t, label))
}

// genInput draws a simulation input within the library's domain: any class,
// charges mode, roll and day count, release dates across the whole IOF table,
// default and irregular first periods, fees, amounts around R$ 30,000.00.
func genInput(t *rapid.T, maxCount int) caseInput {
	in := caseInput{
		Installments: rapid.IntRange(1, maxCount).Draw(t, "n"),
		Rate:         json.Number(genRate(t)),
		Borrower:     rapid.SampledFrom([]string{"pf", "pj", "simples", "mei"}).Draw(t, "borrower"),
		Charges:      rapid.SampledFrom([]string{"deducted", "financed"}).Draw(t, "charges"),
		DayCount:     rapid.SampledFrom([]string{"monthly", "periodic", "daily"}).Draw(t, "dayCount"),
		Roll:         rapid.SampledFrom([]string{"following", "modified-following", "preceding", "modified-preceding", "unadjusted"}).Draw(t, "roll"),
	}
	if rapid.Bool().Draw(t, "nearThreshold") {
		in.Amount = genMoney(t, "amount", 2_900_000, 3_100_000)
	} else {
		in.Amount = genMoney(t, "amount", 100, 20_000_000)
	}
	release := time.Date(2012, 5, 23, 0, 0, 0, 0, time.UTC).AddDate(0, 0, rapid.IntRange(0, 19*365).Draw(t, "releaseDay"))
	in.Release = release.Format("2006-01-02")
	if rapid.Bool().Draw(t, "firstDueSet") {
		in.FirstDue = release.AddDate(0, 0, rapid.IntRange(1, 180).Draw(t, "firstPeriod")).Format("2006-01-02")
	}
	if rapid.Bool().Draw(t, "feeFixedSet") {
		in.FeeFixed = genMoney(t, "feeFixed", 0, 50_000)
	}
	if rapid.Bool().Draw(t, "feePercentSet") {
		in.FeePercent = json.Number(fmt.Sprintf("%d.%03d", rapid.IntRange(0, 5).Draw(t, "feePct"), rapid.IntRange(0, 999).Draw(t, "feePctFrac")))
	}
	return in
}

// TestSimulateMatchesReference is the big differential check: on random inputs
// the simulation equals the slow reference implementation (reference_test.go),
// field by field and row by row, or both fail with the same code and param.
func TestSimulateMatchesReference(t *testing.T) {
	maxCount := 60
	if testing.Short() {
		maxCount = 24
	}
	rapid.Check(t, func(t *rapid.T) {
		in := genInput(t, maxCount)
		o, req, opts, err := in.library()
		if err != nil {
			t.Fatalf("input %+v: %v", in, err)
		}
		s, err := simulation.Simulate(o, req, opts)
		if d := diffRef(s, err, refSimulate(in.reference())); len(d) > 0 {
			t.Fatalf("input %+v:\n%s", in, strings.Join(d, "\n"))
		}
	})
}

// TestSimulateInvariants: every simulation satisfies total = amount + interest +
// fees + IOF = Σ payments, principal = Σ amortizations, IOF = daily + additional,
// a positive net, and the API fields read from the schedule; its fees and its IOF,
// recomputed here without the simulation (the fees from the offer in exact
// rationals, the IOF by iof.ComputeCents from the rows the simulation returned),
// are the ones it reports. (The net, principal − fees − IOF, is how Simulate defines
// it, so it is not restated here: the reference, which computes the net on its own,
// holds it in TestSimulateMatchesReference.) Every failure is a *apierr.Error with a code of the API or the library.
func TestSimulateInvariants(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		in := genInput(t, 420)
		if rapid.Bool().Draw(t, "tiny") { // amounts where fees and IOF can take everything
			in.Amount = genMoney(t, "tinyAmount", 100, 5_000)
		}
		o, req, opts, err := in.library()
		if err != nil {
			t.Fatal(err)
		}
		s, err := simulation.Simulate(o, req, opts)
		if err != nil {
			var e *apierr.Error
			if !errors.As(err, &e) || e.Code == "" || e.Detail == "" {
				t.Fatalf("error %#v is not a complete *apierr.Error", err)
			}
			return
		}
		c := s.Cents()
		var payments, interest, amort int64
		for k := 1; k <= s.NumberOfInstallments(); k++ {
			r := s.CentsRow(k)
			payments += r.Payment
			interest += r.Interest
			amort += r.Principal
		}
		switch {
		case c.Amount <= 0:
			t.Fatalf("amount %d ≤ 0", c.Amount)
		case c.Total != c.Amount+c.Interest+c.Fees+c.IOF || c.Total != payments:
			t.Fatalf("total %d, amount+interest+fees+iof %d, Σ payments %d", c.Total, c.Amount+c.Interest+c.Fees+c.IOF, payments)
		case c.Principal != amort:
			t.Fatalf("principal %d, Σ amortizations %d", c.Principal, amort)
		case c.Fees != refFees(t, c.Requested, in):
			t.Fatalf("fees %d, recomputed %d", c.Fees, refFees(t, c.Requested, in))
		case c.Interest != interest:
			t.Fatalf("interest %d, Σ %d", c.Interest, interest)
		case c.IOF != s.IOF().DailyCents+s.IOF().AdditionalCents:
			t.Fatalf("iof %d is not daily + additional", c.IOF)
		case c.Installment != s.CentsRow(1).Payment:
			t.Fatalf("installments_value %d, first payment %d", c.Installment, s.CentsRow(1).Payment)
		case s.FirstDueDate() != s.CentsRow(1).DueDate:
			t.Fatalf("first_due_date %s, row 1 %s", s.FirstDueDate(), s.CentsRow(1).DueDate)
		case !iofOfRows(t, s):
			t.Fatalf("iof %+v is not the IOF of the schedule's own rows", s.IOF())
		case in.Charges == "deducted" && c.Principal != c.Requested:
			t.Fatalf("deducted principal %d ≠ requested %d", c.Principal, c.Requested)
		case in.Charges == "financed" && c.Amount < c.Requested:
			t.Fatalf("financed amount %d < requested %d", c.Amount, c.Requested)
		}
	})
}

// TestMonotonic: asking for more (same terms) never gives less interest or less
// IOF, deducted or financed.
//
// "More" means at least twice as much. Cent by cent the property is false, as
// it is of any Price table rounded to cents: rapid found 1.00 over 3 installments
// at 21 % a.m. (daily day count, released 2015-01-20) with interest 0.45, and
// 1.01 with interest 0.44 (the rounded installment and each row's rounded
// interest move the cents between rows). The exact interest is linear in the
// principal and the rounding moves the total by a few cents at most, so a
// doubled principal, whose interest is twice as large, cannot be undercut.
func TestMonotonic(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		in := genInput(t, 60)
		more := in
		p := refCents(in.Amount)
		more.Amount = money.FormatCents(p + p + rapid.Int64Range(0, 5_000_000).Draw(t, "more"))
		s1, err1 := simulateInput(t, in)
		s2, err2 := simulateInput(t, more)
		if err1 != nil || err2 != nil {
			return
		}
		c1, c2 := s1.Cents(), s2.Cents()
		if c2.Interest < c1.Interest || c2.IOF < c1.IOF {
			t.Fatalf("%s → interest %d, IOF %d; %s → interest %d, IOF %d",
				in.Amount, c1.Interest, c1.IOF, more.Amount, c2.Interest, c2.IOF)
		}
	})
}

func simulateInput(t *rapid.T, in caseInput) (*simulation.Simulation, error) {
	o, req, opts, err := in.library()
	if err != nil {
		t.Fatal(err)
	}
	return simulation.Simulate(o, req, opts)
}

// TestDeductedVsFinanced: for the same request, financing the charges gives a
// principal at least the deducted one (which is the requested amount), a net at
// least the requested amount and so above the deducted net (which lost the fees
// and the IOF), the same fees, and the same rate; the deducted net is exactly
// requested − fees − IOF. Interest, IOF and totals are not compared here: the
// financed principal is larger by the charges only, and over so small a
// difference a cent of rounding can go either way (TestMonotonic compares them
// over doubled principals).
func TestDeductedVsFinanced(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		in := genInput(t, 60)
		in.Charges = "deducted"
		fin := in
		fin.Charges = "financed"
		d, errD := simulateInput(t, in)
		f, errF := simulateInput(t, fin)
		if errD != nil || errF != nil {
			return
		}
		cd, cf := d.Cents(), f.Cents()
		switch {
		case cd.Principal != cd.Requested || cf.Principal < cd.Principal+cf.Fees:
			t.Fatalf("financed principal %d, deducted %d, requested %d, fees %d", cf.Principal, cd.Principal, cd.Requested, cf.Fees)
		case cf.Amount < cf.Requested || cf.Amount <= cd.Amount && cd.Fees+cd.IOF > 0:
			t.Fatalf("financed amount %d, requested %d, deducted amount %d", cf.Amount, cf.Requested, cd.Amount)
		case cf.Fees != cd.Fees:
			t.Fatalf("fees %d vs %d", cf.Fees, cd.Fees)
		case cd.Amount+cd.Fees+cd.IOF != cd.Requested:
			t.Fatalf("deducted amount %d + fees %d + iof %d ≠ requested %d", cd.Amount, cd.Fees, cd.IOF, cd.Requested)
		case f.InterestPercentage() != d.InterestPercentage():
			t.Fatalf("rates differ")
		}
	})
}

// TestJSONRoundTrip: Marshal → Unmarshal → Marshal is byte-identical and the
// simulations are equal.
func TestJSONRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s, err := simulateInput(t, genInput(t, 60))
		if err != nil {
			return
		}
		if rapid.Bool().Draw(t, "withID") {
			if s, err = s.WithID("sim_550e8400e29b41d4a716446655440000"); err != nil {
				t.Fatal(err)
			}
		}
		b1, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		var back simulation.Simulation
		if err := json.Unmarshal(b1, &back); err != nil {
			t.Fatalf("%v\n%s", err, b1)
		}
		b2, _ := json.Marshal(&back)
		if string(b1) != string(b2) {
			t.Fatalf("round trip differs:\n%s\n%s", b1, b2)
		}
		if !equalSimulations(s, &back) {
			t.Fatalf("values differ after the round trip:\n%s", b1)
		}
	})
}

// equalSimulations compares every accessor.
func equalSimulations(a, b *simulation.Simulation) bool {
	if a.ID() != b.ID() || a.CreditOfferID() != b.CreditOfferID() || a.Cents() != b.Cents() ||
		a.IOF() != b.IOF() || a.InterestPercentage() != b.InterestPercentage() ||
		a.CETPercentage() != b.CETPercentage() || a.CETMonthlyPercentage() != b.CETMonthlyPercentage() ||
		a.NumberOfInstallments() != b.NumberOfInstallments() || a.FirstDueDate() != b.FirstDueDate() ||
		a.Charges() != b.Charges() || a.Release() != b.Release() || a.DayCount() != b.DayCount() ||
		a.Roll() != b.Roll() || !a.AnnualInterestPercentage().Equal(b.AnnualInterestPercentage()) ||
		!a.Amount().Equal(b.Amount()) {
		return false
	}
	for k := 0; k <= a.NumberOfInstallments()+1; k++ {
		if a.CentsRow(k) != b.CentsRow(k) {
			return false
		}
	}
	return reflect.DeepEqual(a.Rows(), b.Rows())
}

// TestGridMatchesSimulate: every term of a grid is the simulation of its count,
// or its error.
func TestGridMatchesSimulate(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		in := genInput(t, 1)
		o, req, opts, err := in.library()
		if err != nil {
			t.Fatal(err)
		}
		o.MinInstallments = rapid.IntRange(1, 30).Draw(t, "min")
		o.MaxInstallments = o.MinInstallments + rapid.IntRange(0, 30).Draw(t, "span")
		terms, err := simulation.Grid(o, req.RequestedAmount, opts)
		if err != nil {
			if _, serr := simulation.Simulate(o, simulation.Request{RequestedAmount: req.RequestedAmount, InstallmentCount: o.MinInstallments}, opts); serr == nil || serr.Error() != err.Error() {
				t.Fatalf("grid error %v; simulate %v", err, serr)
			}
			return
		}
		if len(terms) != o.MaxInstallments-o.MinInstallments+1 {
			t.Fatalf("%d terms", len(terms))
		}
		for j, term := range terms {
			n := o.MinInstallments + j
			s, err := simulation.Simulate(o, simulation.Request{RequestedAmount: req.RequestedAmount, InstallmentCount: n}, opts)
			switch {
			case term.Installments != n:
				t.Fatalf("term %d is for %d installments", j, term.Installments)
			case (err == nil) != (term.Err == nil) || err != nil && err.Error() != term.Err.Error():
				t.Fatalf("n=%d: grid error %v, simulate %v", n, term.Err, err)
			case err == nil && (term.Simulation == nil || !equalSimulations(s, term.Simulation)):
				t.Fatalf("n=%d: grid and simulate differ", n)
			}
		}
	})
}

// refFees is fixed + half-up(requested × percent / 100) in exact rationals, from the
// case input.
func refFees(t *rapid.T, requested int64, in caseInput) int64 {
	in = in.withDefaults()
	fixed, err := money.ParseCents(in.FeeFixed)
	if err != nil {
		t.Fatal(err)
	}
	pct, ok := new(big.Rat).SetString(in.FeePercent.String())
	if !ok {
		t.Fatalf("fee percent %q", in.FeePercent)
	}
	// requested cents × pct / 100, rounded half-up: floor(x + 1/2) for x ≥ 0.
	x := new(big.Rat).Mul(new(big.Rat).SetInt64(requested), pct)
	x.Quo(x, big.NewRat(100, 1))
	x.Add(x, big.NewRat(1, 2))
	q := new(big.Int).Quo(x.Num(), x.Denom())
	return fixed + q.Int64()
}

// iofOfRows reports whether the simulation's IOF split is what iof.ComputeCents
// gives for the rows it returned: principal, due dates and amortizations.
func iofOfRows(t *rapid.T, s *simulation.Simulation) bool {
	flows := make([]iof.Flow, s.NumberOfInstallments())
	for k := range flows {
		r := s.CentsRow(k + 1)
		flows[k] = iof.Flow{Due: r.DueDate, Amortization: r.Principal} // a negative amortization counts as zero inside
	}
	res, err := iof.ComputeCents(s.IOF().Class, s.Release(), s.Cents().Principal, flows)
	if err != nil {
		t.Fatalf("iof.ComputeCents on the rows: %v", err)
	}
	return res.DailyCents() == s.IOF().DailyCents && res.AdditionalCents() == s.IOF().AdditionalCents
}

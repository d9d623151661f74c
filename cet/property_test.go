package cet

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"testing"
	"time"

	"github.com/dinie/lending/apierr"
	"github.com/shopspring/decimal"
	"pgregory.net/rapid"
)

func perYear(b Basis) float64 {
	if b == Periodic {
		return 12
	}
	return 365
}

// drawBasis draws Actual365 or Periodic.
func drawBasis(t *rapid.T) Basis {
	return rapid.SampledFrom([]Basis{Actual365, Periodic}).Draw(t, "basis")
}

// drawFlows draws 1 to 48 valid payments (times from minTime to the 100-year limit,
// amounts from 0 to R$ 10 billion), at least one of them positive and after the
// release date.
func drawFlows(t *rapid.T, basis Basis, minTime int) []Flow {
	maxTime := MaxYears * int(perYear(basis))
	n := rapid.IntRange(1, 48).Draw(t, "n")
	fl := make([]Flow, n)
	for i := range fl {
		fl[i] = Flow{
			Time:  rapid.IntRange(minTime, maxTime).Draw(t, fmt.Sprintf("time%d", i)),
			Cents: rapid.Int64Range(0, 1e12).Draw(t, fmt.Sprintf("cents%d", i)),
		}
	}
	k := rapid.IntRange(0, n-1).Draw(t, "positive")
	fl[k].Time = max(fl[k].Time, 1)
	fl[k].Cents = max(fl[k].Cents, 1)
	return fl
}

func sumCents(fl []Flow) (sum int64, atZero int64, tMin int) {
	tMin = math.MaxInt
	for _, f := range fl {
		sum += f.Cents
		if f.Time == 0 {
			atZero += f.Cents
		} else if f.Cents > 0 {
			tMin = min(tMin, f.Time)
		}
	}
	return sum, atZero, tMin
}

// TestPropRootIsAccurate: whatever valid flows and net, Solve either returns a rate
// whose residual, recomputed independently, meets |NPV| ≤ 1e-9·FC0, or a domain
// error that the inputs explain.
func TestPropRootIsAccurate(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		basis := drawBasis(t)
		fl := drawFlows(t, basis, 0)
		sum, atZero, _ := sumCents(fl)
		net := rapid.Int64Range(1, 2*sum+10).Draw(t, "net")
		r, err := Solve(net, fl, basis)
		switch {
		case atZero >= net: // drawFlows always has a positive payment after release
			if !errors.Is(err, ErrInfinite) {
				t.Fatalf("release-date payments %d ≥ net %d: err = %v, want ErrInfinite", atZero, net, err)
			}
			return
		case errors.Is(err, ErrOutOfRange):
			// Only a root beyond MaxAnnual may be refused: NPV at the bound must
			// still be positive (the root is to the right of it).
			if v := npvExp(math.Log1p(MaxAnnual), net, fl, perYear(basis)); !(v > 0) {
				t.Fatalf("ErrOutOfRange but NPV(MaxAnnual) = %g", v)
			}
			return
		case err != nil:
			t.Fatalf("Solve: %v", err)
		}
		if v := npvExp(r.Log(), net, fl, perYear(basis)); !(math.Abs(v) <= 1e-9*float64(net)) {
			t.Fatalf("|NPV(%g)| = %g > 1e-9·%d", r.Log(), math.Abs(v), net)
		}
		// The sign of the CET is the sign of Σ FC_j − FC0 (doc.go, "Domain").
		if s := sum - net; (s > 0) != (r.Log() > 0) || (s < 0) != (r.Log() < 0) {
			t.Fatalf("Σ payments − net = %d but Log = %g", s, r.Log())
		}
	})
}

// TestPropMatchesReference compares Solve with 200 bisections of the CET by
// math.Pow (refAnnual) on random flows at least 30 days (or 1 month) out, with net
// between half and twice the payments, which keeps the root inside the
// reference's interval. Both roots meet the accuracy bound, and between them the
// slope of NPV in x = ln(1+CET) is at least tMin·m, so the two x differ by at most
// (|NPV_solve| + |NPV_ref|)/(tMin·m) ≤ 2e-9/tMin (years): the tolerance.
func TestPropMatchesReference(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		basis := drawBasis(t)
		minTime := 30
		if basis == Periodic {
			minTime = 1
		}
		fl := drawFlows(t, basis, minTime)
		sum, _, tMin := sumCents(fl)
		net := rapid.Int64Range(max(1, sum/2), 2*sum).Draw(t, "net")
		r, err := Solve(net, fl, basis)
		if err != nil {
			t.Fatalf("Solve: %v", err)
		}
		ref, ok := refAnnual(net, fl, perYear(basis))
		if !ok {
			t.Fatalf("root outside the reference's interval")
		}
		if v := npvPow(ref, net, fl, perYear(basis)); !(math.Abs(v) <= 1e-9*float64(net)) {
			t.Fatalf("reference inaccurate: |NPV(%g)| = %g", ref, math.Abs(v))
		}
		tol := 2e-9 / (float64(tMin) / perYear(basis))
		if d := math.Abs(r.Log() - math.Log1p(ref)); d > tol {
			t.Fatalf("Solve: ln(1+CET) = %.17g, reference %.17g: |Δ| = %g > %g", r.Log(), math.Log1p(ref), d, tol)
		}
	})
}

// drawSchedule draws 1 to 420 payments the way loans make them: in order of
// time, the first minTime to 180 days (minTime to 6 months) after the release,
// then gaps of 28 to 31 days (1 month) — sometimes 0 to 120 days, a step back
// (not below minTime) or a zero payment, so that every path of the chained
// discounting (cached gap, new gap, gap beyond the cache, unsorted time,
// restarted chain) is taken.
func drawSchedule(t *rapid.T, basis Basis, minTime int) []Flow {
	n := rapid.IntRange(1, 420).Draw(t, "n")
	first, lo, hi := rapid.IntRange(minTime, 180).Draw(t, "first"), 28, 31
	if basis == Periodic {
		first, lo, hi = rapid.IntRange(minTime, 6).Draw(t, "first"), 1, 1
	}
	pmt := rapid.Int64Range(1, 1e10).Draw(t, "payment")
	fl := make([]Flow, n)
	tm := first
	for i := range fl {
		fl[i] = Flow{Time: tm, Cents: pmt}
		switch rapid.IntRange(0, 19).Draw(t, fmt.Sprintf("odd%d", i)) {
		case 0:
			tm += rapid.IntRange(0, 120).Draw(t, fmt.Sprintf("gap%d", i))
		case 1:
			tm = max(tm-rapid.IntRange(1, 60).Draw(t, fmt.Sprintf("back%d", i)), minTime)
		case 2:
			fl[i].Cents = 0
		default:
			tm += rapid.IntRange(lo, hi).Draw(t, fmt.Sprintf("gap%d", i))
		}
		tm = min(tm, MaxYears*int(perYear(basis)))
	}
	fl[0].Cents = pmt // at least one positive payment after the release
	return fl
}

// TestPropChainedSums holds sums, which chains the discount factors, to the
// same sums with one exp per payment, on drawSchedule's flows and any u that
// keeps every term and sum finite (|u·Time| ≤ 600). The bound: each chained factor is
// within 24 ulp of e^(−u·Time) computed from its rounded exponents (the comment
// at maxChain), each direct one within 1.5, the products by Time add 2, and
// each of the two sums adds n − 1 roundings of half an ulp of the sum; and the
// rounding of the exponents themselves (−u·Time, or −u·gap along a chain) moves
// a factor by up to |u·Time|·2^−53 on either side. In all, (28 + n +
// |u|·tMax)·2^−52 of the sum of the terms' magnitudes.
func TestPropChainedSums(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		basis := drawBasis(t)
		fl := drawSchedule(t, basis, 1)
		tMax := 0
		for _, f := range fl {
			tMax = max(tMax, f.Time)
		}
		bound := 600 / float64(tMax)
		u := rapid.Float64Range(-bound, bound).Draw(t, "u")
		s, g, q := sums(fl, u)
		var ws, wg, wq float64
		for _, f := range fl {
			if f.Time == 0 || f.Cents == 0 {
				continue
			}
			tt := float64(f.Time)
			v := float64(f.Cents) * math.Exp(-u*tt)
			ws += v
			wg += v * tt
			wq += v * tt * tt
		}
		tol := (28 + float64(len(fl)) + math.Abs(u)*float64(tMax)) * 0x1p-52
		for _, c := range []struct {
			name      string
			got, want float64
		}{{"S", s, ws}, {"-S'", g, wg}, {"S''", q, wq}} {
			if math.IsInf(c.want, 0) || math.IsNaN(c.got) {
				t.Fatalf("%s(%g) = %g, direct %g: not finite", c.name, u, c.got, c.want)
			}
			if d := math.Abs(c.got - c.want); d > tol*c.want {
				t.Fatalf("%s(%g) = %.17g, direct %.17g: relative difference %g > %g", c.name, u, c.got, c.want, d/c.want, tol)
			}
		}
	})
}

// TestPropScheduleMatchesReference is TestPropMatchesReference on loan-shaped
// flows (drawSchedule), where the chained discounting does most of the work;
// payments at least 30 days (1 month) out, as there, keep the root inside the
// reference's interval.
func TestPropScheduleMatchesReference(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		basis := drawBasis(t)
		minTime := 30
		if basis == Periodic {
			minTime = 1
		}
		fl := drawSchedule(t, basis, minTime)
		sum, _, tMin := sumCents(fl)
		net := rapid.Int64Range(max(1, sum/2), 2*sum).Draw(t, "net")
		r, err := Solve(net, fl, basis)
		if err != nil {
			t.Fatalf("Solve: %v", err)
		}
		if v := npvExp(r.Log(), net, fl, perYear(basis)); !(math.Abs(v) <= 1e-9*float64(net)) {
			t.Fatalf("|NPV(%g)| = %g > 1e-9·%d", r.Log(), math.Abs(v), net)
		}
		ref, ok := refAnnual(net, fl, perYear(basis))
		if !ok {
			t.Fatalf("root outside the reference's interval")
		}
		tol := 2e-9 / (float64(tMin) / perYear(basis))
		if d := math.Abs(r.Log() - math.Log1p(ref)); d > tol {
			t.Fatalf("Solve: ln(1+CET) = %.17g, reference %.17g: |Δ| = %g > %g", r.Log(), math.Log1p(ref), d, tol)
		}
	})
}

// TestPropFeesRaiseCET: deducting a fee from the net amount (the borrower receives
// less for the same payments) raises the CET; by at least the solver's error once
// the fee is 0.1 % of net, so then strictly (the true shift in x is at least
// fee/(tMax·net) ≥ 1e-5, the error at most 1e-9/tMin ≤ 3.7e-7).
func TestPropFeesRaiseCET(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		basis := drawBasis(t)
		fl := drawFlows(t, basis, 1)
		sum, _, tMin := sumCents(fl)
		net := rapid.Int64Range(max(2, sum/2), 2*sum+2).Draw(t, "net")
		before, err := Solve(net, fl, basis)
		if errors.Is(err, ErrOutOfRange) {
			return // no room above the bound to rise into
		}
		if err != nil {
			t.Fatalf("Solve: %v", err)
		}
		fee := rapid.Int64Range(1, net-1).Draw(t, "fee")
		after, err := Solve(net-fee, fl, basis)
		if errors.Is(err, ErrOutOfRange) {
			return // it rose past the bound
		}
		if err != nil {
			t.Fatalf("Solve with fee: %v", err)
		}
		slack := 2e-9 / (float64(tMin) / perYear(basis))
		if after.Log() < before.Log()-slack || (fee >= net/1000 && !(after.Log() > before.Log())) {
			t.Fatalf("fee %d on net %d: Log %g → %g, want a rise", fee, net, before.Log(), after.Log())
		}
	})
}

// TestPropPaymentsRaiseCET: a larger payment after the release date raises the CET
// (the same argument and thresholds as TestPropFeesRaiseCET).
func TestPropPaymentsRaiseCET(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		basis := drawBasis(t)
		fl := drawFlows(t, basis, 1)
		sum, _, tMin := sumCents(fl)
		net := rapid.Int64Range(max(1, sum/2), 2*sum).Draw(t, "net")
		before, err := Solve(net, fl, basis)
		if errors.Is(err, ErrOutOfRange) {
			return // no room above the bound to rise into
		}
		if err != nil {
			t.Fatalf("Solve: %v", err)
		}
		j := rapid.IntRange(0, len(fl)-1).Draw(t, "j")
		delta := rapid.Int64Range(1, 1e12).Draw(t, "delta")
		fl[j].Cents += delta
		// What the extra amount is worth at the old rate: the rise in x is at least
		// that over tMax·(m + it), so a present value of 0.1 % of net moves x by
		// ≥ 1e-5, far above the solver's error. Far out at a high rate it can be
		// worth nothing in float64, and then only the weak inequality holds.
		pv := float64(delta) * math.Exp(-before.Log()*float64(fl[j].Time)/perYear(basis))
		_, _, tMin2 := sumCents(fl)
		after, err := Solve(net, fl, basis)
		if errors.Is(err, ErrOutOfRange) {
			return
		}
		if err != nil {
			t.Fatalf("Solve with a larger payment: %v", err)
		}
		slack := 2e-9 / (float64(min(tMin, tMin2)) / perYear(basis))
		if after.Log() < before.Log()-slack || (pv >= float64(net)/1000 && !(after.Log() > before.Log())) {
			t.Fatalf("flows[%d] +%d: Log %g → %g, want a rise", j, delta, before.Log(), after.Log())
		}
	})
}

// TestPropPriceAnnuity: with no charges (net = principal) and periodic time, an
// exact Price annuity at monthly rate i has CET (1+i)^12 − 1. The installments
// here are rounded to cents, so the tolerance is derived from that rounding: each
// payment is off by at most half a cent, so NPV at the true rate i is at most
// 0.5·Σ v^k, and the slope of NPV in the monthly rate at i is s = Σ k·p_k·v^(k+1);
// hence |Δi| ≤ 2·(0.5·Σ v^k + 1e-9·P)/s (2: the slope may shrink a little between
// the two rates; 1e-9·P: the solver's own accuracy), and the annual rate moves by
// 12·(1+i)^11 per unit of i.
func TestPropPriceAnnuity(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.IntRange(1, 420).Draw(t, "n")
		i := rapid.Float64Range(0, 0.2).Draw(t, "i")
		p := rapid.Int64Range(10_000, 100_000_000_000).Draw(t, "principal")
		var pmt float64
		if i == 0 {
			pmt = float64(p) / float64(n)
		} else {
			pmt = float64(p) * i / -math.Expm1(-float64(n)*math.Log1p(i))
		}
		fl := make([]Flow, n)
		var sumV, slope float64
		for k := range fl {
			fl[k] = Flow{Time: k + 1, Cents: int64(math.Floor(pmt + 0.5))}
			v := math.Pow(1+i, -float64(k+1))
			sumV += v
			slope += float64(k+1) * float64(fl[k].Cents) * v / (1 + i)
		}
		r, err := Solve(p, fl, Periodic)
		if err != nil {
			t.Fatalf("Solve: %v", err)
		}
		want := math.Pow(1+i, 12) - 1
		tol := 12*math.Pow(1+i, 11)*2*(0.5*sumV+1e-9*float64(p))/slope + 1e-12*(1+want)
		if d := math.Abs(r.Annual() - want); d > tol {
			t.Fatalf("n %d i %g P %d: Annual %.15g, want (1+i)^12 − 1 = %.15g, |Δ| %g > %g", n, i, p, r.Annual(), want, d, tol)
		}
	})
}

// TestPropMonthly: Monthly is (1 + Annual)^(1/12) − 1, and Annual is
// (1 + Monthly)^12 − 1, to float precision.
func TestPropMonthly(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		x := rapid.Float64Range(-5, math.Log1p(MaxAnnual)).Draw(t, "log")
		r := Rate{log: x}
		if want := math.Pow(1+r.Annual(), 1.0/12) - 1; math.Abs(r.Monthly()-want) > 1e-14*(1+math.Abs(want)) {
			t.Fatalf("Monthly() = %.17g, want (1+Annual)^(1/12) − 1 = %.17g", r.Monthly(), want)
		}
		if want := math.Pow(1+r.Monthly(), 12) - 1; math.Abs(r.Annual()-want) > 1e-13*(1+math.Abs(want)) {
			t.Fatalf("Annual() = %.17g, want (1+Monthly)^12 − 1 = %.17g", r.Annual(), want)
		}
	})
}

// TestPropPercentExact: the fast NBR 5891 rounding equals exact rational rounding
// (refHundredths) on random rates, on the ties (odd multiples of 1/32) and on their
// float neighbours, where a float product would go wrong.
func TestPropPercentExact(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		var rate float64
		switch rapid.IntRange(0, 2).Draw(t, "kind") {
		case 0:
			rate = rapid.Float64Range(-1, MaxAnnual).Draw(t, "rate")
		case 1:
			rate = rapid.Float64Range(-1, 100).Draw(t, "rate")
		case 2: // a tie or one of its neighbours
			k := rapid.Int64Range(-16, 1<<20).Draw(t, "k")
			rate = float64(2*k+1) / 32
			switch rapid.IntRange(-1, 1).Draw(t, "side") {
			case -1:
				rate = math.Nextafter(rate, math.Inf(-1))
			case 1:
				rate = math.Nextafter(rate, math.Inf(1))
			}
		}
		if got, want := hundredths(rate), refHundredths(rate); got != want {
			t.Fatalf("hundredths(%.20g) = %d, exact rounding %d", rate, got, want)
		}
		if got, want := percent(rate), float64(refHundredths(rate))/100; got != want {
			t.Fatalf("percent(%.20g) = %v, want %v", rate, got, want)
		}
	})
}

// TestPropErrors injects one defect into valid inputs and checks that Solve reports
// it with its sentinel and param (the checks run in a fixed order, and the input is
// otherwise valid, so the defect is the first failure).
func TestPropErrors(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		basis := drawBasis(t)
		fl := drawFlows(t, basis, 1)
		net := rapid.Int64Range(1, 1e12).Draw(t, "net")
		maxTime := MaxYears * int(perYear(basis))
		i := rapid.IntRange(0, len(fl)-1).Draw(t, "i")
		var reason error
		param := "flows"
		switch rapid.IntRange(0, 8).Draw(t, "defect") {
		case 0:
			basis = Basis(rapid.IntRange(2, 255).Draw(t, "basis"))
			reason, param = ErrBasis, "basis"
		case 1:
			net = rapid.Int64Range(math.MinInt64, 0).Draw(t, "net")
			reason, param = ErrNet, "net"
		case 2:
			net = rapid.Int64Range(MaxCents+1, math.MaxInt64).Draw(t, "net")
			reason, param = ErrTooLarge, "net"
		case 3:
			fl[i].Time = rapid.IntRange(math.MinInt, -1).Draw(t, "time")
			reason, param = ErrBeforeRelease, fmt.Sprintf("flows[%d].time", i)
		case 4:
			fl[i].Time = rapid.IntRange(maxTime+1, math.MaxInt).Draw(t, "time")
			reason, param = ErrTimeRange, fmt.Sprintf("flows[%d].time", i)
		case 5:
			fl[i].Cents = rapid.Int64Range(math.MinInt64, -1).Draw(t, "cents")
			reason, param = ErrNegative, fmt.Sprintf("flows[%d].cents", i)
		case 6:
			fl[i].Cents = rapid.Int64Range(MaxCents+1, math.MaxInt64).Draw(t, "cents")
			reason, param = ErrTooLarge, fmt.Sprintf("flows[%d].cents", i)
		case 7:
			for k := range fl {
				fl[k].Cents = 0
			}
			reason = ErrZeroPayments
		case 8:
			fl[i] = Flow{Time: 0, Cents: net + rapid.Int64Range(0, 1e6).Draw(t, "excess")}
			reason = ErrInfinite
			if _, _, tMin := sumCents(fl); tMin == math.MaxInt {
				reason = ErrZeroPayments // fl[i] was the only positive payment after release
			}
		}
		_, err := Solve(net, fl, basis)
		if !errors.Is(err, reason) {
			t.Fatalf("err = %v, want %v", err, reason)
		}
		var e *apierr.Error
		if !errors.As(err, &e) || e.Param != param || e.Detail == "" {
			t.Fatalf("err = %#v, want Param %q and a Detail", err, param)
		}
	})
}

// TestPropSolveDates: SolveDates on civil dates and decimals equals Solve on the
// day counts and cents they stand for, whatever the decimals' exponent and the
// dates' clock and zone.
func TestPropSolveDates(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		fl := drawFlows(t, Actual365, 0)
		sum, _, _ := sumCents(fl)
		net := rapid.Int64Range(1, 2*sum).Draw(t, "net")
		zone := time.FixedZone("z", rapid.IntRange(-12, 14).Draw(t, "zone")*3600)
		y := rapid.IntRange(1900, 2100).Draw(t, "year")
		doy := rapid.IntRange(0, 364).Draw(t, "doy")
		release := time.Date(y, 1, 1+doy, 0, 0, 0, 0, zone)
		// A decimal of c cents, written with k extra trailing zeros.
		dec := func(c int64, name string) decimal.Decimal {
			k := rapid.IntRange(0, 3).Draw(t, name)
			return decimal.New(c*int64(math.Pow10(k)), int32(-2-k))
		}
		dfl := make([]DatedFlow, len(fl))
		for i, f := range fl {
			d := release.AddDate(0, 0, f.Time)
			clock := time.Duration(rapid.IntRange(0, 86399).Draw(t, "clock")) * time.Second
			dfl[i] = DatedFlow{Date: d.Add(clock), Amount: dec(f.Cents, fmt.Sprintf("zeros%d", i))}
		}
		got, gotErr := SolveDates(release, dec(net, "netzeros"), dfl)
		want, wantErr := Solve(net, fl, Actual365)
		if got != want || !errors.Is(gotErr, errors.Unwrap(wantErr)) {
			t.Fatalf("SolveDates = %v, %v; Solve = %v, %v", got, gotErr, want, wantErr)
		}
	})
}

// TestPropToCents: the decimal → cents conversion equals exact rational arithmetic.
func TestPropToCents(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		coef := rapid.Int64().Draw(t, "coef")
		exp := rapid.Int32Range(-40, 40).Draw(t, "exp")
		checkToCents(t, coef, exp)
	})
}

// checkToCents compares toCents(coef·10^exp) with refCents.
func checkToCents(t interface{ Fatalf(string, ...any) }, coef int64, exp int32) {
	got, err := toCents(decimal.New(coef, exp), 0)
	want := refCents(coef, exp)
	var wantErr error
	switch {
	case want.Sign() < 0:
		wantErr = ErrNegative
	case !want.IsInt():
		wantErr = ErrNotCents
	case want.Cmp(new(big.Rat).SetInt64(MaxCents)) > 0:
		wantErr = ErrTooLarge
	}
	if wantErr != nil {
		if !errors.Is(err, wantErr) {
			t.Fatalf("toCents(%de%d) = %d, %v; want %v", coef, exp, got, err, wantErr)
		}
		return
	}
	if err != nil || got != want.Num().Int64() {
		t.Fatalf("toCents(%de%d) = %d, %v; want %s", coef, exp, got, err, want.RatString())
	}
}

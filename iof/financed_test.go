package iof_test

import (
	"errors"
	"fmt"
	"math"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/calendar"
	"github.com/dinie/lending/iof"
	"github.com/dinie/lending/money"
	"github.com/dinie/lending/schedule"
)

// bulletPlan is the plan of a single payment due days after release, at 0 %
// interest and unadjusted, so the whole principal is amortized on that day.
func bulletPlan(t testing.TB, release string, days int) *schedule.Plan {
	t.Helper()
	d0 := date(t, release)
	due, _ := d0.AddDays(days)
	p, err := schedule.NewPlan(schedule.Terms{Installments: 1, Release: d0, FirstDue: due,
		FirstPeriodMaxDays: schedule.MaxFirstPeriodMaxDays, Roll: calendar.Unadjusted})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// fataler is what refNet needs of *testing.T and *rapid.T.
type fataler interface {
	Helper()
	Fatal(args ...any)
	Fatalf(format string, args ...any)
}

// refNet is the net P − fees − IOF(P) of plan's schedule of P, with the IOF from
// refIOF (the spec's table as text, big.Rat).
func refNet(t fataler, plan *schedule.Plan, n int, c iof.Class, p, fees int64) int64 {
	t.Helper()
	s, err := plan.ScheduleCents(p, n)
	if err != nil {
		t.Fatalf("ScheduleCents(%d): %v", p, err)
	}
	flows := make([]refFlow, s.Len())
	for k := range flows {
		row := s.CentsRow(k + 1)
		flows[k] = refFlow{due: row.DueDate.String(), cents: row.Principal}
	}
	_, daily, add, err := refIOF(c.String(), plan.Release().String(), p, flows)
	if err != nil {
		t.Fatal(err)
	}
	return p - fees - daily - add
}

// TestFinancedPublished checks the broker-published financed bullet loan
// (testdata/published/figures.txt, iof-financed-365): an individual who must
// receive R$ 100,000.00 at 0.0082 %/day + 0.38 % for 365 days borrows
// R$ 103,490.74 (100,000 / (1 − 0.03373)), whose IOF is R$ 3,490.74.
//
// By hand: 10,349,074 × 0.02993 = 309,747.7848 → 309,748; × 0.0038 = 39,326.4812
// → 39,326; IOF 349,074; net 10,000,000. One cent less: 309,747.7549 → 309,748
// and 39,326.4774 → 39,326, the same IOF, so the net would be 9,999,999.
func TestFinancedPublished(t *testing.T) {
	plan := bulletPlan(t, "2026-03-02", 365)
	f, err := iof.Financed(plan, 1, iof.Individual, dec("100000.00"), decimal.Zero)
	if err != nil {
		t.Fatal(err)
	}
	got := [3]string{money.Format(f.Principal()), money.Format(f.IOF.Total()), money.Format(f.Net())}
	if got != [3]string{"103490.74", "3490.74", "100000.00"} {
		t.Errorf("principal, IOF, net = %v, want 103490.74 3490.74 100000.00", got)
	}
}

// TestFinancedThreshold checks the R$ 30,000.00 rule in financed mode on a
// 100-day bullet loan (regime of 2025-07-16), computed by hand:
//
// Simples/MEI (P ≤ 30,000.00): IOF(P) = round(P × 0.00274) + round(P × 0.0038);
// at P = 3,000,000: 8,220 + 11,400 = 19,620, the largest net of the reduced
// region is 2,980,380 (at 2,999,999 the IOF is also 19,620: 8,219.99726 → 8,220,
// 11,399.9962 → 11,400).
//
//	requested 29,803.80 → P = 30,000.00, IOF 196.20, net 29,803.80 (reduced rates)
//
// One cent more and no reduced principal reaches it; above 30,000.00 the company
// rates apply to the whole operation: IOF(P) = round(P × 0.0082) + round(P × 0.0038).
//
//	requested 29,803.81 → P = 30,165.80: 24,735.956 → 24,736, 11,463.004 → 11,463,
//	                      IOF 361.99, net 29,803.81 (at 30,165.79: net 29,803.80)
//	requested 29,999.99 → P = 30,364.36: 24,898.7752 → 24,899, 11,538.4568 → 11,538,
//	                      IOF 364.37, net 29,999.99 (at 30,364.35: 29,999.98)
//	requested 30,000.00 → P = 30,364.37: 24,898.7834 → 24,899, 11,538.4606 → 11,538, net 30,000.00
//	requested 30,000.01 → P = 30,364.38: 24,898.7916 → 24,899, 11,538.4644 → 11,538, net 30,000.01
//
// With fees of R$ 100.00 the first case moves by exactly the fees: requested
// 29,703.80 → P = 30,000.00 (net of fees and IOF 29,703.80).
func TestFinancedThreshold(t *testing.T) {
	plan := bulletPlan(t, "2026-03-02", 100)
	tests := []struct {
		requested, fees, principal, iof int64
		applied                         iof.Class
	}{
		{2_980_380, 0, 3_000_000, 19_620, 0},
		{2_980_381, 0, 3_016_580, 36_199, iof.Company},
		{2_999_999, 0, 3_036_436, 36_437, iof.Company},
		{3_000_000, 0, 3_036_437, 36_437, iof.Company},
		{3_000_001, 0, 3_036_438, 36_437, iof.Company},
		{2_970_380, 10_000, 3_000_000, 19_620, 0},
	}
	for _, c := range []iof.Class{iof.Simples, iof.MEI} {
		for _, tt := range tests {
			f, err := iof.FinancedCents(plan, 1, c, tt.requested, tt.fees)
			if err != nil {
				t.Fatal(err)
			}
			want := tt.applied
			if want == 0 {
				want = c
			}
			if f.PrincipalCents() != tt.principal || f.IOF.TotalCents() != tt.iof || f.IOF.Applied != want || f.NetCents() != tt.requested {
				t.Errorf("%v requested %d fees %d: P %d, IOF %d (%v), net %d; want P %d, IOF %d (%v), net %d",
					c, tt.requested, tt.fees, f.PrincipalCents(), f.IOF.TotalCents(), f.IOF.Applied, f.NetCents(),
					tt.principal, tt.iof, want, tt.requested)
			}
		}
	}
	// Deducted mode at the same principals: the IOF of P is what ComputeSchedule
	// charges (29,999.99 and 30,000.00 reduced, 30,000.01 company: see TestThreshold).
	for _, tt := range []struct {
		p, iof int64
	}{{2_999_999, 19_620}, {3_000_000, 19_620}, {3_000_001, 36_000}} {
		s, err := plan.ScheduleCents(tt.p, 1)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range []iof.Class{iof.Simples, iof.MEI} {
			r, err := iof.ComputeSchedule(c, s)
			if err != nil || r.TotalCents() != tt.iof {
				t.Errorf("ComputeSchedule(%v, %d) = %d, %v; want %d", c, tt.p, r.TotalCents(), err, tt.iof)
			}
		}
	}
}

// TestFinancedZeroRate: in a zero-rate regime (Decreto 10.572/2020) the IOF is
// zero, so P = requested + fees exactly.
func TestFinancedZeroRate(t *testing.T) {
	plan := bulletPlan(t, "2020-12-20", 200)
	f, err := iof.FinancedCents(plan, 1, iof.Company, 5_000_000, 12_345)
	if err != nil || f.PrincipalCents() != 5_012_345 || f.NetCents() != 5_000_000 || f.IOF.TotalCents() != 0 {
		t.Errorf("got P %d, net %d, IOF %d, %v", f.PrincipalCents(), f.NetCents(), f.IOF.TotalCents(), err)
	}
}

func TestFinancedErrors(t *testing.T) {
	plan := bulletPlan(t, "2026-03-02", 100)
	old := bulletPlan(t, "2012-05-22", 100)
	tests := []struct {
		name            string
		plan            *schedule.Plan
		n               int
		class           iof.Class
		requested, fees int64
		code            apierr.Code
		param           string
		reason          error
	}{
		{"nil plan", nil, 1, iof.MEI, 100_000, 0, apierr.MissingRequiredField, "schedule", apierr.ErrEmpty},
		{"zero class", plan, 1, 0, 100_000, 0, apierr.MissingRequiredField, "borrower_class", apierr.ErrEmpty},
		{"release before the table", old, 1, iof.MEI, 100_000, 0, apierr.DateOutOfRange, "release_date", apierr.ErrRange},
		{"requested below R$ 1.00", plan, 1, iof.MEI, 99, 0, apierr.AmountOutOfRange, "requested_amount", apierr.ErrRange},
		{"requested negative", plan, 1, iof.MEI, -5, 0, apierr.AmountOutOfRange, "requested_amount", apierr.ErrRange},
		{"requested above the maximum", plan, 1, iof.MEI, iof.MaxPrincipalCents + 1, 0, apierr.AmountOutOfRange, "requested_amount", apierr.ErrRange},
		{"negative fees", plan, 1, iof.MEI, 100_000, -1, apierr.AmountOutOfRange, "fees_amount", apierr.ErrRange},
		{"requested plus fees above the maximum", plan, 1, iof.MEI, iof.MaxPrincipalCents, 1, apierr.AmountOutOfRange, "requested_amount", apierr.ErrRange},
		// The IOF pushes P above R$ 1 billion although requested + fees is below it:
		// 1e11 / (1 − 0.012) > 1e11.
		{"principal above the maximum", plan, 1, iof.Company, iof.MaxPrincipalCents - 100_000, 0, apierr.AmountOutOfRange, "requested_amount", apierr.ErrRange},
		{"count above the plan", plan, 2, iof.MEI, 100_000, 0, apierr.InstallmentsOutOfRange, "installment_count", apierr.ErrRange},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := iof.FinancedCents(tt.plan, tt.n, tt.class, tt.requested, tt.fees)
			checkErr(t, err, tt.code, tt.param, tt.reason)
		})
	}
	_, err := iof.Financed(plan, 1, iof.MEI, dec("100.001"), decimal.Zero)
	checkErr(t, err, apierr.InvalidFormat, "requested_amount", apierr.ErrPrecision)
	_, err = iof.Financed(plan, 1, iof.MEI, dec("100"), dec("0.001"))
	checkErr(t, err, apierr.InvalidFormat, "fees_amount", apierr.ErrPrecision)
	_, err = iof.ComputeSchedule(iof.MEI, nil)
	checkErr(t, err, apierr.MissingRequiredField, "schedule", apierr.ErrEmpty)
	_, err = iof.ComputeSchedule(iof.MEI, &schedule.Schedule{})
	checkErr(t, err, apierr.MissingRequiredField, "schedule", apierr.ErrEmpty)
}

// genPlan draws a plan: rates from 0 to 100 % a.m. (mostly realistic), 1 to 36
// installments (sometimes up to 420), first periods from 1 to 180 days, every
// day count and roll, release dates over the whole table.
func genPlan(t *rapid.T) (*schedule.Plan, int) {
	var rate schedule.MonthlyRate
	switch rapid.IntRange(0, 9).Draw(t, "rateKind") {
	case 0:
	case 1:
		rate, _ = schedule.PercentPerMonth(decimal.New(rapid.Int64Range(1000, 100_000).Draw(t, "highRate"), -3))
	default:
		rate, _ = schedule.PercentPerMonth(decimal.New(rapid.Int64Range(1, 10_000).Draw(t, "rate"), -3))
	}
	n := rapid.IntRange(1, 36).Draw(t, "n")
	if rapid.IntRange(0, 30).Draw(t, "long") == 0 {
		n = rapid.IntRange(37, schedule.MaxInstallments).Draw(t, "n")
	}
	release := genRelease(t)
	terms := schedule.Terms{
		Rate: rate, Installments: n, Release: release,
		DayCount: schedule.DayCount(rapid.IntRange(0, 2).Draw(t, "dayCount")),
		Roll:     calendar.Roll(rapid.IntRange(0, 4).Draw(t, "roll")),
	}
	if rapid.Bool().Draw(t, "firstDue") {
		terms.FirstDue, _ = release.AddDays(rapid.IntRange(1, 180).Draw(t, "firstDays"))
		// A backward roll can pull a short first period onto the release, which
		// the schedule refuses (its own tests hold that): roll those Following.
		if due, err := calendar.Brazil().Adjust(terms.FirstDue, terms.Roll); err == nil && !due.After(release) {
			terms.Roll = calendar.Following
		}
	}
	p, err := schedule.NewPlan(terms)
	if err != nil {
		t.Fatalf("NewPlan(%+v): %v", terms, err)
	}
	return p, n
}

// checkRefusal fails the test unless err, FinancedCents' refusal of requested
// and fees, is one the terms justify, each checked without the search: the
// schedule package refusing every principal the search's reference may start
// from (requested + fees and the n + 1 above it) as too small for cent
// precision, or ErrUnsettled where no principal within R$ 20.00 above
// requested + fees finances the request. (A row amortizing beyond
// MaxAmortizationCents, the other refusal, needs a balance the schedule
// package refuses first, as its last payment would exceed two installments.)
func checkRefusal(t *rapid.T, plan *schedule.Plan, n int, c iof.Class, requested, fees int64, err error) {
	floor := requested + fees
	var first *schedule.Schedule
	for q := floor; q <= floor+int64(n)+1 && first == nil; q++ {
		s, serr := plan.ScheduleCents(q, n)
		switch {
		case serr == nil:
			first = s
		case !errors.Is(serr, schedule.ErrInstallmentRoundsToZero) && !errors.Is(serr, schedule.ErrResidueExhaustsBalance) &&
			!errors.Is(serr, schedule.ErrResidueExceedsInstallment):
			t.Fatalf("ScheduleCents(%d, %d): %v", q, n, serr)
		}
	}
	switch {
	case errors.Is(err, schedule.ErrInstallmentRoundsToZero) || errors.Is(err, schedule.ErrResidueExhaustsBalance) ||
		errors.Is(err, schedule.ErrResidueExceedsInstallment):
		if first != nil {
			t.Fatalf("refused as too small (%v), but principal %d builds a schedule", err, first.TotalPrincipalCents())
		}
	case errors.Is(err, iof.ErrUnsettled):
		// Only for terms where rounding swamps the schedule (cent installments
		// compounding at extreme rates): then no principal near requested +
		// fees may finance the request either.
		for q := floor; q < floor+2000; q++ {
			s, err := plan.ScheduleCents(q, n)
			if err != nil {
				continue
			}
			r, _ := iof.ComputeSchedule(c, s)
			if q-fees-r.TotalCents() >= requested {
				t.Fatalf("ErrUnsettled, but principal %d nets %d ≥ %d", q, q-fees-r.TotalCents(), requested)
			}
		}
	default:
		t.Fatalf("FinancedCents(%d, %d, %v): %v", requested, fees, c, err)
	}
}

// TestPropertyFinancedMinimal: the principal found has a net of at least the
// requested amount, and every smaller principal down to requested + fees (or,
// for large amounts, a window of 3,000 cents below it: on ordinary terms the
// search starts a few cents below the answer, on long high-rate ones it jumps
// across a few hundred installment values within that window) falls short —
// the answer and the principal below it checked with refIOF, independently of
// the search. It also checks how far above the requested amount the net lands.
func TestPropertyFinancedMinimal(t *testing.T) {
	// Refusals are checked (checkRefusal), but a property that mostly checks
	// refusals proves little about the search: most runs must find a principal.
	var runs, solved int
	defer func() {
		if 2*solved < runs {
			t.Errorf("only %d of %d runs found a principal; the rest were refused", solved, runs)
		}
	}()
	rapid.Check(t, func(t *rapid.T) {
		plan, n := genPlan(t)
		c := rapid.SampledFrom(classes).Draw(t, "class")
		var requested int64
		switch rapid.IntRange(0, 3).Draw(t, "size") {
		case 0:
			requested = rapid.Int64Range(100, 20_000).Draw(t, "requested")
		case 1:
			// Around the R$ 30,000.00 threshold, where financing crosses it.
			requested = rapid.Int64Range(2_850_000, 3_050_000).Draw(t, "requested")
		default:
			requested = rapid.Int64Range(100, 1_000_000_000).Draw(t, "requested")
		}
		fees := rapid.SampledFrom([]int64{0, 0, 1, 30_000, rapid.Int64Range(0, 500_000).Draw(t, "fees")}).Draw(t, "fees")
		f, err := iof.SearchFinancedCents(plan, n, c, requested, fees)
		runs++
		if err != nil {
			checkRefusal(t, plan, n, c, requested, fees, err)
			return
		}
		solved++
		p := f.PrincipalCents()
		net := refNet(t, plan, n, c, p, fees)
		if net != f.NetCents() || net < requested {
			t.Fatalf("P %d: net %d (reference %d), requested %d", p, f.NetCents(), net, requested)
		}
		// One cent less principal falls short; and the net exceeds the requested
		// amount only by as much as the IOF fell from P − 1 to P (N(P−1) ≤ R − 1
		// and N(P) = N(P−1) + 1 − (IOF(P) − IOF(P−1))), so it is exactly the
		// requested amount unless a rounding makes the IOF drop.
		if q := p - 1; q >= requested+fees {
			if _, err := plan.ScheduleCents(q, n); err == nil {
				nq := refNet(t, plan, n, c, q, fees)
				if nq >= requested {
					t.Fatalf("P %d found, but %d already nets %d ≥ %d", p, q, nq, requested)
				}
				fall := (q - fees - nq) - (p - fees - net) // IOF(P−1) − IOF(P)
				if net-requested > max(0, fall) {
					t.Fatalf("net %d is %d above requested %d, but the IOF fell by %d", net, net-requested, requested, fall)
				}
			}
		}
		// The window below, with ComputeSchedule (held to refIOF by the other
		// properties) for speed. A principal whose schedule the schedule package
		// refuses (too small for cent precision) is no contract and is skipped.
		low := max(requested+fees, p-3000)
		for q := p - 2; q >= low; q-- {
			s, err := plan.ScheduleCents(q, n)
			if err != nil {
				continue
			}
			r, err := iof.ComputeSchedule(c, s)
			if err != nil {
				t.Fatal(err)
			}
			if nq := q - fees - r.TotalCents(); nq >= requested {
				t.Fatalf("P %d found, but %d already nets %d ≥ %d", p, q, nq, requested)
			}
		}
	})
}

// TestFinancedDecimalEqualsCents: the decimal entry is the cents entry.
func TestFinancedDecimalEqualsCents(t *testing.T) {
	plan := plan12(t)
	a, err1 := iof.Financed(plan, 12, iof.MEI, dec("25000"), dec("300.0"))
	b, err2 := iof.FinancedCents(plan, 12, iof.MEI, 2_500_000, 30_000)
	if err1 != nil || err2 != nil || a.PrincipalCents() != b.PrincipalCents() || a.IOF != b.IOF || a.NetCents() != b.NetCents() {
		t.Fatalf("Financed = %d/%v, FinancedCents = %d/%v", a.PrincipalCents(), err1, b.PrincipalCents(), err2)
	}
	if a.RequestedCents() != 2_500_000 || a.FeesCents() != 30_000 || !a.Net().Equal(money.FromCents(a.NetCents())) {
		t.Errorf("accessors: %d %d %s", a.RequestedCents(), a.FeesCents(), a.Net())
	}
	var zero iof.Financing
	if zero.PrincipalCents() != 0 || zero.NetCents() != 0 {
		t.Error("zero Financing has amounts")
	}
}

// TestFinancedLongHighRate: long terms at high rates released on the 28th to
// 31st, where months of negative amortization make the IOF jump by up to R$ 13
// from one cent of principal to the next (each cent of installment moves every
// later balance), settle to the smallest principal. Until the search jumped
// within an installment value (package doc, step 4) the first two gave up with
// ErrUnsettled after 4,096 schedules. Their principals (want) were confirmed by
// a throw-away brute-force scan of every cent from requested + fees up to them,
// each net computed with ComputeSchedule (about 39 million schedules each). For
// every case the answer's net is checked with the reference IOF, and the 3,000
// principals below it, several installment values' worth of jumps, are
// scanned again.
func TestFinancedLongHighRate(t *testing.T) {
	tests := []struct {
		rate, release string
		n             int
		dayCount      schedule.DayCount
		class         iof.Class
		requested     int64
		fees          int64
		want          int64 // 0: not pinned
		excess        int64 // the net above the requested amount, in cents, where pinned (the package doc's R$ 0.59 and 0.61); -1: not pinned
	}{
		{"3", "2015-01-29", 400, schedule.MonthlyProRata, iof.Individual, 1_000_000_000, 0, 1_038_944_476, 59},
		{"3", "2015-01-30", 420, schedule.MonthlyProRata, iof.Individual, 1_000_000_000, 0, 1_038_934_051, 61},
		{"3", "2015-01-31", 360, schedule.MonthlyProRata, iof.Company, 1_000_000_000, 0, 0, -1},
		{"2.7", "2025-08-29", 380, schedule.DailyProRata, iof.MEI, 5_000_000_000, 12_345_678, 0, -1},
		{"4", "2021-10-30", 240, schedule.DailyProRata, iof.Simples, 250_000_000, 1_000_000, 0, -1},
		{"3.5", "2024-02-29", 300, schedule.MonthlyProRata, iof.Individual, 80_000_000_000, 0, 0, -1},
	}
	for _, tt := range tests {
		rate, _ := schedule.ParsePercentPerMonth(tt.rate)
		plan, err := schedule.NewPlan(schedule.Terms{Rate: rate, Installments: tt.n, Release: date(t, tt.release), DayCount: tt.dayCount})
		if err != nil {
			t.Fatal(err)
		}
		name := fmt.Sprintf("%s %% × %d from %s", tt.rate, tt.n, tt.release)
		f, err := iof.SearchFinancedCents(plan, tt.n, tt.class, tt.requested, tt.fees)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		p := f.PrincipalCents()
		if tt.excess >= 0 && refNet(t, plan, tt.n, tt.class, p, tt.fees)-tt.requested != tt.excess {
			t.Errorf("%s: the net exceeds the request by %d cents; the package doc says %d", name,
				refNet(t, plan, tt.n, tt.class, p, tt.fees)-tt.requested, tt.excess)
		}
		if (tt.want != 0 && p != tt.want) || refNet(t, plan, tt.n, tt.class, p, tt.fees) != f.NetCents() || f.NetCents() < tt.requested {
			t.Errorf("%s: P %d, net %d; want P %d, net ≥ %d", name, p, f.NetCents(), tt.want, tt.requested)
		}
		for q := p - 3000; q < p; q++ {
			s, err := plan.ScheduleCents(q, tt.n)
			if err != nil {
				continue
			}
			r, err := iof.ComputeSchedule(tt.class, s)
			if err != nil {
				t.Fatal(err)
			}
			if nq := q - tt.fees - r.TotalCents(); nq >= tt.requested {
				t.Fatalf("%s: P %d found, but %d already nets %d", name, p, q, nq)
			}
		}
	}
}

// TestFinancedRefusesIllConditioned: past MaxGrowth FinancedCents refuses at
// once, whatever the amount; the growths are hand computations,
// 1.03^312 ≈ 1.012·10^4 and 1.03^311 ≈ 9.83·10^3 (monthly pro rata from an
// anchor day, so t_n = n months).
func TestFinancedRefusesIllConditioned(t *testing.T) {
	rate, _ := schedule.ParsePercentPerMonth("3")
	plan, err := schedule.NewPlan(schedule.Terms{Rate: rate, Installments: 420, Release: date(t, "2026-03-10")})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		n       int
		refused bool
	}{{400, true}, {420, true}, {312, true}, {311, false}, {200, false}} {
		g := plan.Growth(tt.n)
		if want := math.Pow(1.03, float64(tt.n)); math.Abs(g/want-1) > 1e-9 {
			t.Errorf("Growth(%d) = %g, want 1.03^%d = %g", tt.n, g, tt.n, want)
		}
		start := time.Now()
		_, err := iof.FinancedCents(plan, tt.n, iof.Individual, 90_000_000_000, 0)
		if tt.refused {
			checkErr(t, err, apierr.InstallmentsOutOfRange, "installment_count", iof.ErrIllConditioned)
			if d := time.Since(start); d > 10*time.Millisecond {
				t.Errorf("refusing n = %d took %v", tt.n, d)
			}
		} else if errors.Is(err, iof.ErrIllConditioned) {
			t.Errorf("n = %d (growth %.4g ≤ %g) refused: %v", tt.n, g, float64(iof.MaxGrowth), err)
		}
	}
}

package simulation

import (
	"errors"
	"math/bits"

	"github.com/shopspring/decimal"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/calendar"
	"github.com/dinie/lending/cet"
	"github.com/dinie/lending/iof"
	"github.com/dinie/lending/money"
	"github.com/dinie/lending/schedule"
	"github.com/dinie/lending/statemachine"
)

// ErrNoNetAmount is the reason (apierr.Error.Err) of the amount_out_of_range
// error a deducted-charges simulation returns when the fees and the IOF take the
// whole requested amount, leaving nothing (or less) to release.
const ErrNoNetAmount apierr.Reason = "fees and IOF leave no net amount"

// Simulate simulates the loan req asks of offer under opts (docs/lending-math.md §11):
// it checks the offer, the options and the request (the package doc, "Request
// checks", lists them in order with their codes and params), computes the fees,
// the Price table, the IOF and the CET, and returns every field of the API's
// simulation with the extras. Every error is a *apierr.Error.
//
// Simulate is safe for concurrent use. With charges deducted it allocates four
// times on success (the schedule's three and the Simulation); financed, about
// nine (a plan and a schedule per principal tried, usually two).
func Simulate(offer statemachine.Offer, req Request, opts Options) (*Simulation, error) {
	p, err := prepare(&offer, req.RequestedAmount, &opts)
	if err != nil {
		return nil, err
	}
	n := req.InstallmentCount
	if err := p.checkCount(n); err != nil {
		return nil, err
	}
	s := new(Simulation)
	if p.opts.Charges == Deducted {
		terms := opts.terms(n, offer.InterestRate)
		terms.Principal = req.RequestedAmount
		sch, err := schedule.New(terms)
		if err != nil {
			return nil, principalError(err)
		}
		if err := p.deducted(s, sch); err != nil {
			return nil, err
		}
		return s, nil
	}
	plan, err := schedule.NewPlan(opts.terms(n, offer.InterestRate))
	if err != nil {
		return nil, err
	}
	if err := p.financed(s, plan, n); err != nil {
		return nil, err
	}
	return s, nil
}

// Term is one entry of a Grid: an installment count and its simulation, or the
// reason that count cannot be simulated for the amount (for instance fees and
// IOF that take the whole amount over a long term, or an installment too small
// for cent precision).
type Term struct {
	Installments int
	Simulation   *Simulation // nil when Err is set
	Err          error       // a *apierr.Error
}

// Grid simulates requested over every installment count the offer allows, in
// increasing order: what a UI shows as "choose your term". It runs the checks
// of Simulate that do not depend on the count once (an error there is returned
// and no Term), then builds one schedule plan (the dates, interest times and
// discount factors for the longest count) and computes the fees and the CET's
// day counts once, so each count costs only its table, IOF and CET. A count
// that fails has its error in its Term.
//
// Grid is safe for concurrent use.
func Grid(offer statemachine.Offer, requested decimal.Decimal, opts Options) ([]Term, error) {
	p, err := prepare(&offer, requested, &opts)
	if err != nil {
		return nil, err
	}
	plan, err := schedule.NewPlan(opts.terms(p.offer.hi, offer.InterestRate))
	if err != nil {
		return nil, err
	}
	count := p.offer.hi - p.offer.lo + 1
	out := make([]Term, count)
	sims := make([]Simulation, count)
	p.days = make([]int32, p.offer.hi)
	for k := range p.days {
		p.days[k] = int32(calendar.DaysBetween(opts.Release, plan.DueDate(k+1)))
	}
	for j := range out {
		n := p.offer.lo + j
		out[j].Installments = n
		s := &sims[j]
		if p.opts.Charges == Deducted {
			sch, err := plan.ScheduleCents(p.requested, n)
			if err == nil {
				err = p.deducted(s, sch)
			} else {
				err = principalError(err)
			}
			if err != nil {
				out[j].Err = err
				continue
			}
		} else if err := p.financed(s, plan, n); err != nil {
			out[j].Err = err
			continue
		}
		out[j].Simulation = s
	}
	return out, nil
}

// prepared is what a simulation needs that does not depend on the count.
type prepared struct {
	offer     checkedOffer
	opts      *Options
	src       *statemachine.Offer
	requested int64
	fees      int64
	days      []int32 // Grid: days from release to due date k+1
}

// prepare runs the checks that do not depend on the count, in the documented
// order, and computes the fees.
func prepare(o *statemachine.Offer, requested decimal.Decimal, opts *Options) (prepared, error) {
	p, err := prepareOffer(o, opts)
	if err != nil {
		return p, err
	}
	if p.requested, err = money.ToCents(requested); err != nil {
		return p, apierr.Relabel(err, "requested_amount")
	}
	if p.requested < p.offer.Min {
		return p, apierr.Wrap(apierr.ErrRange, apierr.AmountOutOfRange, "requested_amount",
			"requested_amount %s is below min_amount %s",
			money.FormatCents(p.requested), money.FormatCents(p.offer.Min))
	}
	if p.requested > p.offer.Approved {
		return p, apierr.Wrap(apierr.ErrRange, apierr.AmountOutOfRange, "requested_amount",
			"requested_amount %s is above approved_amount %s",
			money.FormatCents(p.requested), money.FormatCents(p.offer.Approved))
	}
	p.fees = p.feesOf(p.requested)
	return p, nil
}

// feesOf returns fees_amount for a requested amount in cents (docs/lending-math.md §7).
func (p *prepared) feesOf(requested int64) int64 {
	return p.offer.FeeFixed + percentOf(requested, p.offer.FeeUnits)
}

// prepareOffer runs the checks of the offer, the options and the offer's
// state at now (steps 1 to 3 of the package doc's "Request checks").
func prepareOffer(o *statemachine.Offer, opts *Options) (prepared, error) {
	p := prepared{opts: opts, src: o}
	var err error
	if p.offer, err = checkOffer(o); err != nil {
		return p, err
	}
	if err = opts.check(); err != nil {
		return p, err
	}
	switch {
	case o.Status == statemachine.OfferAccepted:
		return p, apierr.Errorf(apierr.OfferAlreadyAccepted, "credit_offer_id",
			"the credit offer is accepted: it already has a loan")
	case o.Status == statemachine.OfferExpired:
		return p, apierr.Errorf(apierr.OfferExpired, "credit_offer_id",
			"the credit offer is expired")
	case opts.Now.After(o.ValidUntil):
		return p, apierr.Errorf(apierr.OfferExpired, "credit_offer_id",
			"the credit offer expired at %s, before now %s",
			o.ValidUntil.UTC().Format(instantLayout), opts.Now.UTC().Format(instantLayout))
	}
	if err = opts.checkRelease(); err != nil {
		return p, err
	}
	return p, nil
}

const instantLayout = "2006-01-02T15:04:05Z07:00"

// percentOf returns half-up(cents × units / 10^12): cents times a percentage in
// units of 10^-10 %, rounded half-up to cents (docs/lending-math.md §5, §7). The product,
// at most 10^11 × 10^12, needs 77 bits.
func percentOf(cents, units int64) int64 {
	if cents <= 0 || units <= 0 {
		return 0
	}
	hi, lo := bits.Mul64(uint64(cents), uint64(units))
	q, r := bits.Div64(hi, lo, feeDivisor) // hi < 2^13 < feeDivisor
	if r >= feeDivisor-r {                 // r ≥ divisor/2: half-up
		q++
	}
	return int64(q)
}

func (p *prepared) checkCount(n int) error {
	if n >= p.offer.lo && n <= p.offer.hi {
		return nil
	}
	if p.offer.fixed {
		return apierr.Wrap(apierr.ErrRange, apierr.InstallmentsOutOfRange, "installment_count",
			"installment_count %d is not allowed: the offer has a fixed %d installments", n, p.offer.lo)
	}
	return apierr.Wrap(apierr.ErrRange, apierr.InstallmentsOutOfRange, "installment_count",
		"installment_count %d is outside the offer's %d to %d installments", n, p.offer.lo, p.offer.hi)
}

// principalError relabels the schedule's errors on the principal: in a
// simulation the principal comes from requested_amount.
func principalError(err error) error {
	var e *apierr.Error
	if errors.As(err, &e) && e.Param == "principal" {
		return e.WithParam("requested_amount")
	}
	return err
}

// deducted fills s for the charges-deducted mode: P = requested.
func (p *prepared) deducted(s *Simulation, sch *schedule.Schedule) error {
	res, err := iof.ComputeSchedule(p.src.BorrowerClass, sch)
	if err != nil {
		return err
	}
	net := p.requested - p.fees - res.TotalCents()
	if net <= 0 {
		return apierr.Wrap(ErrNoNetAmount, apierr.AmountOutOfRange, "requested_amount",
			"requested_amount %s leaves no net amount: fees_amount %s and iof_amount %s take %s of it",
			money.FormatCents(p.requested), money.FormatCents(p.fees),
			money.FormatCents(res.TotalCents()), money.FormatCents(p.fees+res.TotalCents()))
	}
	return p.finish(s, sch, res, net)
}

// financed fills s for the charges-financed mode: iof.FinancedCents finds P.
func (p *prepared) financed(s *Simulation, plan *schedule.Plan, n int) error {
	f, err := iof.FinancedCents(plan, n, p.src.BorrowerClass, p.requested, p.fees)
	if err != nil {
		return principalError(err)
	}
	return p.finish(s, f.Schedule, f.IOF, f.NetCents())
}

// finish fills s from the schedule, its IOF and the net, and solves the CET.
func (p *prepared) finish(s *Simulation, sch *schedule.Schedule, res iof.Result, net int64) error {
	n := sch.Len()
	release := p.opts.Release
	plan := sch.Plan()
	var buf [64]cet.Flow
	var flows []cet.Flow
	if n <= len(buf) {
		flows = buf[:n]
	} else {
		flows = make([]cet.Flow, n)
	}
	// In a Price table without grace every payment but the last is the
	// installment (schedule doc, "The table"), so only the last row is read;
	// with grace or SAC every row is. The days come from the plan's due dates,
	// or from Grid's table of them.
	pmt := sch.InstallmentCents()
	regular := plan.Grace() == 0 && plan.Amortization() == schedule.Price
	for k := range flows {
		var days int
		if p.days != nil {
			days = int(p.days[k])
		} else {
			days = calendar.DaysBetween(release, plan.DueDate(k+1))
		}
		flows[k] = cet.Flow{Time: days, Cents: pmt}
		if !regular {
			flows[k].Cents = sch.CentsRow(k + 1).Payment
		}
	}
	flows[n-1].Cents = sch.CentsRow(n).Payment
	rate, err := cet.Solve(net, flows, cet.Actual365)
	if err != nil {
		var ce *apierr.Error
		errors.As(err, &ce) // cet reports only *apierr.Error
		return apierr.Wrap(err, apierr.RateOutOfRange, "cet_percentage",
			"the CET cannot be computed: %s", ce.Detail)
	}
	*s = Simulation{
		offerID:      p.src.ID,
		requested:    p.requested,
		amount:       net,
		fees:         p.fees,
		principal:    sch.TotalPrincipalCents(),
		interest:     sch.TotalInterestCents(),
		total:        sch.TotalPaymentsCents(),
		installment:  sch.InstallmentCents(),
		iof:          IOFDetail{res.DailyCents(), res.AdditionalCents(), res.Class, res.Applied, res.Rates},
		rate:         plan.Rate(),
		annual:       plan.AnnualRate(),
		perYear:      plan.RatePerYear(),
		grace:        plan.Grace(),
		amort:        plan.Amortization(),
		cetPercent:   rate.Percent(),
		cetMonthlyPc: rate.MonthlyPercent(),
		n:            n,
		createdAt:    p.opts.Now,
		firstDue:     plan.DueDate(1),
		release:      release,
		dayCount:     p.opts.DayCount,
		roll:         p.opts.Roll,
		charges:      p.opts.Charges,
		sched:        sch,
	}
	return nil
}

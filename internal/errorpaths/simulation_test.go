package errorpaths_test

import (
	"time"

	"github.com/shopspring/decimal"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/calendar"
	"github.com/dinie/lending/iof"
	"github.com/dinie/lending/schedule"
	"github.com/dinie/lending/simulation"
	"github.com/dinie/lending/statemachine"
)

// simOffer is an MEI's offer: R$ 1,000.00 to R$ 50,000.00 at 3 % a.m. over 6 to
// 24 months; simOptions release it on 2026-03-10.
func simOffer(f func(*statemachine.Offer)) statemachine.Offer {
	rate, _ := schedule.ParsePercentPerMonth("3")
	o := statemachine.Offer{Status: statemachine.OfferAvailable, ApprovedAmount: decimal.NewFromInt(50_000),
		MinAmount: decimal.NewFromInt(1_000), InterestRate: rate, MinInstallments: 6, MaxInstallments: 24,
		ValidUntil: time.Date(2026, 3, 31, 23, 59, 59, 0, time.UTC), BorrowerClass: iof.MEI}
	f(&o)
	return o
}

func simOptions(f func(*simulation.Options)) simulation.Options {
	release, _ := calendar.ParseDate("2026-03-10")
	o := simulation.Options{Now: time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC), Release: release}
	f(&o)
	return o
}

// simulation's doc, "Request checks", gives the order, codes and params.
func init() {
	tables["simulation"] = func() []row {
		req := simulation.Request{RequestedAmount: decimal.NewFromInt(10_000), InstallmentCount: 12}
		none := func(*statemachine.Offer) {}
		noOpt := func(*simulation.Options) {}
		sim := func(of func(*statemachine.Offer), r simulation.Request, op func(*simulation.Options)) func() error {
			return func() error { return err2(simulation.Simulate(simOffer(of), r, simOptions(op))) }
		}
		withAmount := func(d decimal.Decimal) simulation.Request {
			return simulation.Request{RequestedAmount: d, InstallmentCount: 12}
		}
		rate5, _ := schedule.ParsePercentPerMonth("5")
		worst := func(o *statemachine.Offer) {
			o.InterestRate, o.ApprovedAmount, o.MinAmount, o.MinInstallments, o.MaxInstallments = rate5, decimal.NewFromInt(1_000_000_000), decimal.NewFromInt(1), 1, 420
		}
		worstOpt := func(o *simulation.Options) {
			o.Release, _ = calendar.ParseDate("2026-01-30")
			o.Now = time.Date(2026, 1, 30, 12, 0, 0, 0, time.UTC)
			o.DayCount, o.Charges = schedule.DailyProRata, simulation.Financed
		}
		var s simulation.Simulation
		var ch simulation.Charges
		return []row{
			{"Simulate(offer fee percent 1e2147483647)", sim(func(o *statemachine.Offer) { o.FeePercent = decHuge }, req, noOpt), apierr.RateOutOfRange, "fee_percent", nil},
			{"Simulate(offer fee percent 1e-2147483648)", sim(func(o *statemachine.Offer) { o.FeePercent = decTiny }, req, noOpt), apierr.InvalidFormat, "fee_percent", nil},
			{"Simulate(offer approved 100,001 digits)", sim(func(o *statemachine.Offer) { o.ApprovedAmount = decLongCoef }, req, noOpt), apierr.AmountOutOfRange, "approved_amount", nil},
			{"Simulate(offer accepted)", sim(func(o *statemachine.Offer) { o.Status = statemachine.OfferAccepted }, req, noOpt), apierr.OfferAlreadyAccepted, "credit_offer_id", nil},
			{"Simulate(offer expired)", sim(func(o *statemachine.Offer) { o.ValidUntil = time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC) }, req, noOpt), apierr.OfferExpired, "credit_offer_id", nil},
			{"Simulate(zero now)", sim(none, req, func(o *simulation.Options) { o.Now = time.Time{} }), apierr.MissingRequiredField, "now", nil},
			{"Simulate(zero release)", sim(none, req, func(o *simulation.Options) { o.Release = calendar.Date{} }), apierr.MissingRequiredField, "release_date", nil},
			{"Simulate(release before now)", sim(none, req, func(o *simulation.Options) { o.Release, _ = calendar.ParseDate("2026-03-09") }), apierr.DateOutOfRange, "release_date", nil},
			{"Simulate(Charges(9))", sim(none, req, func(o *simulation.Options) { o.Charges = 9 }), apierr.InvalidFormat, "charges", nil},
			{"Simulate(requested 60000)", sim(none, withAmount(decimal.NewFromInt(60_000)), noOpt), apierr.AmountOutOfRange, "requested_amount", nil},
			{"Simulate(requested 999.99)", sim(none, withAmount(mustDecimal("999.99")), noOpt), apierr.AmountOutOfRange, "requested_amount", nil},
			{"Simulate(requested 1000.001)", sim(none, withAmount(mustDecimal("1000.001")), noOpt), apierr.InvalidFormat, "requested_amount", nil},
			{"Simulate(requested 1e2147483647)", sim(none, withAmount(decHuge), noOpt), apierr.AmountOutOfRange, "requested_amount", nil},
			{"Simulate(requested 1e-2147483648)", sim(none, withAmount(decTiny), noOpt), apierr.InvalidFormat, "requested_amount", nil},
			{"Simulate(requested 100,001 digits)", sim(none, withAmount(decLongCoef), noOpt), apierr.AmountOutOfRange, "requested_amount", nil},
			{"Simulate(25 installments)", sim(none, simulation.Request{RequestedAmount: decimal.NewFromInt(10_000), InstallmentCount: 25}, noOpt), apierr.InstallmentsOutOfRange, "installment_count", nil},
			{"Simulate(first due on release)", sim(none, req, func(o *simulation.Options) { o.FirstDue = o.Release }), apierr.InvalidDueDate, "first_due_date", nil},
			{"Simulate(Roll(9))", sim(none, req, func(o *simulation.Options) { o.Roll = 9 }), apierr.InvalidFormat, "roll", nil},
			{"Simulate(DayCount(9))", sim(none, req, func(o *simulation.Options) { o.DayCount = 9 }), apierr.InvalidFormat, "day_count", nil},
			{"Simulate(financed, 5 % × 420 daily from the 30th, R$ 900,000,000.00)", sim(worst,
				simulation.Request{RequestedAmount: decimal.NewFromInt(900_000_000), InstallmentCount: 420}, worstOpt), apierr.InstallmentsOutOfRange, "installment_count", iof.ErrIllConditioned},
			{"Simulate(financed, R$ 1,000,000,000.00 over 12)", sim(worst,
				simulation.Request{RequestedAmount: decimal.NewFromInt(1_000_000_000), InstallmentCount: 12}, worstOpt), apierr.AmountOutOfRange, "requested_amount", nil},
			{"Grid(requested 1e2147483647)", func() error { return err2(simulation.Grid(simOffer(none), decHuge, simOptions(noOpt))) }, apierr.AmountOutOfRange, "requested_amount", nil},
			{"Grid(zero now)", func() error {
				return err2(simulation.Grid(simOffer(none), decimal.NewFromInt(10_000), simOptions(func(o *simulation.Options) { o.Now = time.Time{} })))
			}, apierr.MissingRequiredField, "now", nil},
			{"SimulateInstallment(installment 0)", func() error {
				return err2(simulation.SimulateInstallment(simOffer(none), decimal.Zero, 12, simOptions(noOpt)))
			}, apierr.AmountOutOfRange, "installments_value", nil},
			{"SimulateInstallment(installment 1e2147483647)", func() error {
				return err2(simulation.SimulateInstallment(simOffer(none), decHuge, 12, simOptions(noOpt)))
			}, apierr.AmountOutOfRange, "installments_value", nil},
			{"SimulateInstallment(installment 1.001)", func() error {
				return err2(simulation.SimulateInstallment(simOffer(none), mustDecimal("1.001"), 12, simOptions(noOpt)))
			}, apierr.InvalidFormat, "installments_value", nil},
			{"SimulateInstallment(below min_amount's)", func() error {
				return err2(simulation.SimulateInstallment(simOffer(none), decimal.NewFromInt(10), 12, simOptions(noOpt)))
			}, apierr.AmountOutOfRange, "installments_value", simulation.ErrNoRequestFits},
			{"SimulateInstallment(count 30)", func() error {
				return err2(simulation.SimulateInstallment(simOffer(none), decimal.NewFromInt(1000), 30, simOptions(noOpt)))
			}, apierr.InstallmentsOutOfRange, "installment_count", nil},
			{"SimulateInstallment(financed, growth 10^9)", func() error {
				return err2(simulation.SimulateInstallment(simOffer(worst), decimal.NewFromInt(30_000_000), 420, simOptions(worstOpt)))
			}, apierr.InstallmentsOutOfRange, "installment_count", simulation.ErrIllConditioned},
			{"ParseRequest(100000000000000000.00)", func() error { return err2(simulation.ParseRequest("100000000000000000.00", 12)) }, apierr.AmountOutOfRange, "requested_amount", nil},
			{"ParseRequest(1,00)", func() error { return err2(simulation.ParseRequest("1,00", 12)) }, apierr.InvalidFormat, "requested_amount", nil},
			{"ParseCharges(both)", func() error { return err2(simulation.ParseCharges("both")) }, apierr.InvalidFormat, "charges", nil},
			{"Charges.UnmarshalText(FINANCED)", func() error { return ch.UnmarshalText([]byte("FINANCED")) }, apierr.InvalidFormat, "charges", nil},
			{"Simulation.UnmarshalJSON(nil)", func() error { return s.UnmarshalJSON(nil) }, "", "", nil},
			{"Simulation.UnmarshalJSON({})", func() error { return s.UnmarshalJSON([]byte("{}")) }, "", "id", nil},
			{"nil Simulation.MarshalJSON", func() error { return err2((*simulation.Simulation)(nil).MarshalJSON()) }, apierr.Internal, "", apierr.ErrNil},
			{"nil Simulation.WithID", func() error {
				return err2((*simulation.Simulation)(nil).WithID("sim_" + "0123456789abcdef0123456789abcdef"))
			}, apierr.Internal, "", apierr.ErrNil},
			{"Simulation.WithID(co_…)", func() error {
				v, _ := simulation.Simulate(simOffer(none), req, simOptions(noOpt))
				return err2(v.WithID("co_0123456789abcdef0123456789abcdef"))
			}, apierr.InvalidFormat, "id", apierr.ErrPrefix},
		}
	}
}

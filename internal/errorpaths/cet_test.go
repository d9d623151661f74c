package errorpaths_test

import (
	"time"

	"github.com/shopspring/decimal"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/cet"
)

// cet's errors were code-less before issue 12; its doc's "Errors" table gives
// the codes and params below.
func init() {
	tables["cet"] = func() []row {
		one := []cet.Flow{{Time: 30, Cents: 110}}
		release := time.Date(2026, 3, 10, 0, 0, 0, 0, time.UTC)
		month := release.AddDate(0, 1, 0)
		dated := func(a decimal.Decimal) []cet.DatedFlow { return []cet.DatedFlow{{Date: month, Amount: a}} }
		many := make([]cet.Flow, cet.MaxFlows+1)
		for i := range many {
			many[i] = cet.Flow{Time: 30, Cents: 1}
		}
		return []row{
			{"Solve(basis 9)", func() error { return err2(cet.Solve(100, one, cet.Basis(9))) }, apierr.InvalidFormat, "basis", cet.ErrBasis},
			{"Solve(net 0)", func() error { return err2(cet.Solve(0, one, cet.Actual365)) }, apierr.AmountOutOfRange, "net", cet.ErrNet},
			{"Solve(net -1)", func() error { return err2(cet.Solve(-1, one, cet.Actual365)) }, apierr.AmountOutOfRange, "net", cet.ErrNet},
			{"Solve(net > MaxCents)", func() error { return err2(cet.Solve(cet.MaxCents+1, one, cet.Actual365)) }, apierr.AmountOutOfRange, "net", cet.ErrTooLarge},
			{"Solve(no flows)", func() error { return err2(cet.Solve(100, nil, cet.Actual365)) }, apierr.MissingRequiredField, "flows", cet.ErrNoPayments},
			{"Solve(MaxFlows+1 flows)", func() error { return err2(cet.Solve(100, many, cet.Actual365)) }, apierr.InstallmentsOutOfRange, "flows", cet.ErrTooManyFlows},
			{"Solve(time -1)", func() error { return err2(cet.Solve(100, []cet.Flow{{Time: -1, Cents: 110}}, cet.Actual365)) }, apierr.InvalidDueDate, "flows[0].time", cet.ErrBeforeRelease},
			{"Solve(time 101 years)", func() error { return err2(cet.Solve(100, []cet.Flow{{Time: 101 * 366, Cents: 110}}, cet.Actual365)) }, apierr.DateOutOfRange, "flows[0].time", cet.ErrTimeRange},
			{"Solve(negative payment)", func() error {
				return err2(cet.Solve(100, []cet.Flow{{Time: 30, Cents: 200}, {Time: 60, Cents: -1}}, cet.Actual365))
			}, apierr.AmountOutOfRange, "flows[1].cents", cet.ErrNegative},
			{"Solve(payment > MaxCents)", func() error {
				return err2(cet.Solve(100, []cet.Flow{{Time: 30, Cents: cet.MaxCents + 1}}, cet.Actual365))
			}, apierr.AmountOutOfRange, "flows[0].cents", cet.ErrTooLarge},
			{"Solve(sum > MaxCents)", func() error {
				return err2(cet.Solve(100, []cet.Flow{{Time: 30, Cents: cet.MaxCents}, {Time: 60, Cents: cet.MaxCents}}, cet.Actual365))
			}, apierr.AmountOutOfRange, "flows", cet.ErrTooLarge},
			{"Solve(zero payments)", func() error { return err2(cet.Solve(100, []cet.Flow{{Time: 30, Cents: 0}}, cet.Actual365)) }, apierr.AmountOutOfRange, "flows", cet.ErrZeroPayments},
			{"Solve(paid on release)", func() error {
				return err2(cet.Solve(100, []cet.Flow{{Time: 0, Cents: 100}, {Time: 30, Cents: 5}}, cet.Actual365))
			}, apierr.AmountOutOfRange, "flows", cet.ErrInfinite},
			{"Solve(CET above 10^12 %)", func() error { return err2(cet.Solve(1, []cet.Flow{{Time: 1, Cents: cet.MaxCents}}, cet.Actual365)) }, apierr.RateOutOfRange, "flows", cet.ErrOutOfRange},
			{"SolveDates(net 1.005)", func() error { return err2(cet.SolveDates(release, mustDecimal("1.005"), dated(decimal.NewFromInt(2)))) }, apierr.InvalidFormat, "net", cet.ErrNotCents},
			{"SolveDates(net 0)", func() error { return err2(cet.SolveDates(release, decimal.Zero, dated(decimal.NewFromInt(2)))) }, apierr.AmountOutOfRange, "net", cet.ErrNet},
			{"SolveDates(net 1e2147483647)", func() error { return err2(cet.SolveDates(release, decHuge, dated(decimal.NewFromInt(2)))) }, apierr.AmountOutOfRange, "net", cet.ErrTooLarge},
			{"SolveDates(net 100,001 digits)", func() error { return err2(cet.SolveDates(release, decLongCoef, dated(decimal.NewFromInt(2)))) }, apierr.AmountOutOfRange, "net", cet.ErrTooLarge},
			{"SolveDates(amount 1e-2147483648)", func() error { return err2(cet.SolveDates(release, decimal.NewFromInt(1), dated(decTiny))) }, apierr.InvalidFormat, "flows[0].amount", cet.ErrNotCents},
			{"SolveDates(amount -7e2147483647)", func() error { return err2(cet.SolveDates(release, decimal.NewFromInt(1), dated(decNegHuge))) }, apierr.AmountOutOfRange, "flows[0].amount", cet.ErrNegative},
			{"SolveDates(date before release)", func() error {
				return err2(cet.SolveDates(release, decimal.NewFromInt(1), []cet.DatedFlow{{Date: release.AddDate(0, 0, -1), Amount: decimal.NewFromInt(2)}}))
			}, apierr.InvalidDueDate, "flows[0].date", cet.ErrBeforeRelease},
			{"SolveDates(no flows)", func() error { return err2(cet.SolveDates(release, decimal.NewFromInt(1), nil)) }, apierr.MissingRequiredField, "flows", cet.ErrNoPayments},
		}
	}
}

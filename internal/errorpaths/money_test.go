package errorpaths_test

import (
	"math"
	"strings"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/money"
)

// money's doc lists these errors (param "amount": a parser does not know the
// field it read).
func init() {
	tables["money"] = func() []row {
		return []row{
			{"ParseCents(\"\")", func() error { return err2(money.ParseCents("")) }, apierr.InvalidFormat, "amount", apierr.ErrEmpty},
			{"ParseCents(1,50)", func() error { return err2(money.ParseCents("1,50")) }, apierr.InvalidFormat, "amount", apierr.ErrCharacter},
			{"ParseCents(-1.00)", func() error { return err2(money.ParseCents("-1.00")) }, apierr.InvalidFormat, "amount", apierr.ErrCharacter},
			{"ParseCents(1.5)", func() error { return err2(money.ParseCents("1.5")) }, apierr.InvalidFormat, "amount", apierr.ErrPrecision},
			{"ParseCents(.50)", func() error { return err2(money.ParseCents(".50")) }, apierr.InvalidFormat, "amount", apierr.ErrSyntax},
			{"ParseCents(1e3)", func() error { return err2(money.ParseCents("1e3")) }, apierr.InvalidFormat, "amount", apierr.ErrCharacter},
			{"ParseCents(92233720368547758.08)", func() error { return err2(money.ParseCents("92233720368547758.08")) }, apierr.AmountOutOfRange, "amount", apierr.ErrRange},
			{"ParseCents(100000000000000000.00)", func() error { return err2(money.ParseCents("100000000000000000.00")) }, apierr.AmountOutOfRange, "amount", apierr.ErrRange},
			{"ParseCents(MaxLen+1 digits)", func() error { return err2(money.ParseCents(strings.Repeat("9", money.MaxLen) + ".00")) }, apierr.InvalidFormat, "amount", apierr.ErrLength},
			{"Parse(1.0.0)", func() error { return err2(money.Parse("1.0.0")) }, apierr.InvalidFormat, "amount", apierr.ErrSyntax},
			{"Parse(1.505)", func() error { return err2(money.Parse("1.505")) }, apierr.InvalidFormat, "amount", apierr.ErrPrecision},
			{"Parse(2 MiB)", func() error { return err2(money.Parse(strings.Repeat("1", 2<<20) + ".00")) }, apierr.InvalidFormat, "amount", apierr.ErrLength},
			{"ToCents(1.005)", func() error { return err2(money.ToCents(mustDecimal("1.005"))) }, apierr.InvalidFormat, "amount", apierr.ErrPrecision},
			{"ToCents(1e17)", func() error { return err2(money.ToCents(mustDecimal("1e17"))) }, apierr.AmountOutOfRange, "amount", apierr.ErrRange},
			{"ToCents(1e2147483647)", func() error { return err2(money.ToCents(decHuge)) }, apierr.AmountOutOfRange, "amount", apierr.ErrRange},
			{"ToCents(1e-2147483648)", func() error { return err2(money.ToCents(decTiny)) }, apierr.InvalidFormat, "amount", apierr.ErrPrecision},
			{"ToCents(100,001 digits)", func() error { return err2(money.ToCents(decLongCoef)) }, apierr.AmountOutOfRange, "amount", apierr.ErrRange},
			{"ToUnits(1e-11, 10)", func() error { return err2(money.ToUnits(mustDecimal("1e-11"), 10)) }, apierr.InvalidFormat, "amount", apierr.ErrPrecision},
			{"ToUnits(1e2147483647, 10)", func() error { return err2(money.ToUnits(decHuge, 10)) }, apierr.ValueOutOfRange, "amount", apierr.ErrRange},
			{"ToUnits(100,001 digits, 2)", func() error { return err2(money.ToUnits(decLongCoef, 2)) }, apierr.ValueOutOfRange, "amount", apierr.ErrRange},
			{"ToUnits(1, 19)", func() error { return err2(money.ToUnits(mustDecimal("1"), 19)) }, apierr.Internal, "amount", nil},
			{"CheckBounds(1e2147483647)", func() error { return apierr.CheckBounds(decHuge, apierr.AmountOutOfRange, "requested_amount") }, apierr.AmountOutOfRange, "requested_amount", apierr.ErrRange},
			{"CheckBounds(-7e2147483647)", func() error { return apierr.CheckBounds(decNegHuge, apierr.RateOutOfRange, "fee_percent") }, apierr.RateOutOfRange, "fee_percent", apierr.ErrRange},
			{"CheckBounds(1e-2147483648)", func() error { return apierr.CheckBounds(decTiny, apierr.ValueOutOfRange, "x") }, apierr.ValueOutOfRange, "x", apierr.ErrRange},
			{"CheckBounds(math.MaxInt32 exponent)", func() error { return apierr.CheckBounds(decHuge.Neg(), apierr.AmountOutOfRange, "amount") }, apierr.AmountOutOfRange, "amount", apierr.ErrRange},
		}
	}
	_ = math.MaxInt
}

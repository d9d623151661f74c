package money_test

import (
	"math"
	"math/big"
	"strings"
	"testing"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/money"
	"github.com/shopspring/decimal"
	"pgregory.net/rapid"
)

// Expected values in these tables are hand computations: the wire string read as
// a number of cents, or a decimal rounded half away from zero to two places by hand.

func TestParseCents(t *testing.T) {
	ok := []struct {
		in   string
		want int64
	}{
		{"0.00", 0},
		{"0.01", 1},
		{"1.00", 100},
		{"25000.00", 2500000},
		{"007.50", 750}, // the pattern allows leading zeros
		{"1000000000.00", 1e11},
		{"92233720368547758.07", math.MaxInt64}, // 2^63−1 cents
		{"00000000000000000000000092233720368547758.07", math.MaxInt64},
	}
	for _, c := range ok {
		got, err := money.ParseCents(c.in)
		if err != nil || got != c.want {
			t.Errorf("ParseCents(%q) = %d, %v; want %d", c.in, got, err, c.want)
		}
	}
	bad := []struct {
		in     string
		code   apierr.Code
		reason error
	}{
		{"", apierr.InvalidFormat, apierr.ErrEmpty},
		{"1", apierr.InvalidFormat, apierr.ErrPrecision},
		{"100", apierr.InvalidFormat, apierr.ErrPrecision},
		{"1.5", apierr.InvalidFormat, apierr.ErrPrecision},
		{"1.505", apierr.InvalidFormat, apierr.ErrPrecision},
		{"1.", apierr.InvalidFormat, apierr.ErrPrecision},
		{".50", apierr.InvalidFormat, apierr.ErrSyntax},
		{"1.0.0", apierr.InvalidFormat, apierr.ErrSyntax},
		{"1..00", apierr.InvalidFormat, apierr.ErrSyntax},
		{"-1.00", apierr.InvalidFormat, apierr.ErrCharacter},
		{"+1.00", apierr.InvalidFormat, apierr.ErrCharacter},
		{"1,00", apierr.InvalidFormat, apierr.ErrCharacter},
		{"1,000.00", apierr.InvalidFormat, apierr.ErrCharacter},
		{"1e2.00", apierr.InvalidFormat, apierr.ErrCharacter},
		{"1.0e", apierr.InvalidFormat, apierr.ErrCharacter},
		{" 1.00", apierr.InvalidFormat, apierr.ErrCharacter},
		{"1.00 ", apierr.InvalidFormat, apierr.ErrCharacter},
		{"１.00", apierr.InvalidFormat, apierr.ErrCharacter}, // fullwidth one
		{"R$1.00", apierr.InvalidFormat, apierr.ErrCharacter},
		{"NaN", apierr.InvalidFormat, apierr.ErrCharacter},
		{"Inf.00", apierr.InvalidFormat, apierr.ErrCharacter},
		{"1.0\x00", apierr.InvalidFormat, apierr.ErrCharacter},
		{strings.Repeat("0", money.MaxLen) + ".00", apierr.InvalidFormat, apierr.ErrLength},
		// One cent above 2^63−1 cents.
		{"92233720368547758.08", apierr.AmountOutOfRange, apierr.ErrRange},
		{"99999999999999999999.99", apierr.AmountOutOfRange, apierr.ErrRange},
		{strings.Repeat("9", 1000) + ".00", apierr.AmountOutOfRange, apierr.ErrRange},
	}
	for _, c := range bad {
		got, err := money.ParseCents(c.in)
		if got != 0 {
			t.Errorf("ParseCents(%q) = %d with error; want 0", c.in, got)
		}
		checkErr(t, "ParseCents("+quoteShort(c.in)+")", err, c.code, "amount", c.reason)
	}
}

func TestParseMoney(t *testing.T) {
	ok := []struct{ in, want string }{
		{"0.00", "0"},
		{"25000.00", "25000"},
		{"007.50", "7.5"},
		{"92233720368547758.07", "92233720368547758.07"},
		// Beyond int64 cents: ParseMoney has no range limit.
		{"92233720368547758.08", "92233720368547758.08"},
		{"12345678901234567890123456789.99", "12345678901234567890123456789.99"},
		{"0000000000000000000001.10", "1.1"},
	}
	for _, c := range ok {
		got, err := money.Parse(c.in)
		if err != nil || got.String() != c.want || got.Exponent() != -2 {
			t.Errorf("ParseMoney(%q) = %s (exp %d), %v; want %s with exponent -2",
				c.in, got, got.Exponent(), err, c.want)
		}
	}
	bad := []struct {
		in     string
		reason error
	}{
		{"", apierr.ErrEmpty},
		{"1.5", apierr.ErrPrecision},
		{"-1.00", apierr.ErrCharacter},
		{"1e5", apierr.ErrCharacter},
		{"123456789012345678901234567890", apierr.ErrPrecision},
		{"12345678901234567890123456789.9", apierr.ErrPrecision},
		{"12345678901234567890123456789.9x", apierr.ErrCharacter},
		{strings.Repeat("1", money.MaxLen) + ".00", apierr.ErrLength},
	}
	for _, c := range bad {
		_, err := money.Parse(c.in)
		checkErr(t, "ParseMoney("+quoteShort(c.in)+")", err, apierr.InvalidFormat, "amount", c.reason)
	}
}

func TestFormatCents(t *testing.T) {
	cases := []struct {
		in   int64
		want string
	}{
		{0, "0.00"},
		{5, "0.05"},
		{10, "0.10"},
		{100, "1.00"},
		{123456, "1234.56"},
		{-5, "-0.05"},
		{-100, "-1.00"},
		{math.MaxInt64, "92233720368547758.07"},
		{math.MinInt64, "-92233720368547758.08"},
	}
	for _, c := range cases {
		if got := money.FormatCents(c.in); got != c.want {
			t.Errorf("FormatCents(%d) = %q, want %q", c.in, got, c.want)
		}
		if got := string(money.AppendCents([]byte("x="), c.in)); got != "x="+c.want {
			t.Errorf("AppendCents(x=, %d) = %q, want %q", c.in, got, "x="+c.want)
		}
	}
	buf := make([]byte, 0, 32)
	if n := testing.AllocsPerRun(100, func() { buf = money.AppendCents(buf[:0], math.MinInt64) }); n != 0 {
		t.Errorf("AppendCents allocates %v times with enough capacity, want 0", n)
	}
}

func TestFormatMoney(t *testing.T) {
	cases := []struct {
		in   decimal.Decimal
		want string
	}{
		{decimal.Decimal{}, "0.00"},
		{decimal.RequireFromString("1.005"), "1.01"}, // exactly half a cent: away from zero
		{decimal.RequireFromString("1.004999"), "1.00"},
		{decimal.RequireFromString("-1.005"), "-1.01"},
		{decimal.RequireFromString("0.004"), "0.00"},
		{decimal.RequireFromString("-0.004"), "0.00"}, // never "-0.00"
		{decimal.RequireFromString("-0.005"), "-0.01"},
		{decimal.RequireFromString("2.5"), "2.50"},
		{decimal.RequireFromString("1e3"), "1000.00"},
		{decimal.RequireFromString("0.125"), "0.13"},
		{decimal.New(5, -3), "0.01"},
		{decimal.New(1, 16), "10000000000000000.00"},
		{decimal.New(1, 17), "100000000000000000.00"}, // beyond int64 cents: big path
		{decimal.RequireFromString("123456789012345678901234.565"), "123456789012345678901234.57"},
		{decimal.RequireFromString("-123456789012345678901234.565"), "-123456789012345678901234.57"},
		{decimal.RequireFromString("-0.0040000000000000000000"), "0.00"}, // 20-digit coefficient
		{decimal.RequireFromString("0.0050000000000000000000"), "0.01"},
		// Exponents far outside what a decoder accepts: answered without building 10^2e9.
		{decimal.New(1, -2000000000), "0.00"},
		{decimal.New(-7, -2000000000), "0.00"},
		{decimal.NewFromBigInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(30), nil), -2000000000), "0.00"},
	}
	for _, c := range cases {
		if got := money.Format(c.in); got != c.want {
			t.Errorf("FormatMoney(%s) = %q, want %q", describe(c.in), got, c.want)
		}
	}
}

func TestDecimalToCents(t *testing.T) {
	ok := []struct {
		in   decimal.Decimal
		want int64
	}{
		{decimal.Decimal{}, 0},
		{decimal.RequireFromString("1.50"), 150},
		{decimal.RequireFromString("1.500"), 150}, // trailing zeros are not precision
		{decimal.RequireFromString("1.5"), 150},
		{decimal.RequireFromString("-1.5"), -150},
		{decimal.New(1, 2), 10000},
		{decimal.New(1, 16), 1e18},
		{decimal.New(0, 2000000000), 0},
		{decimal.New(0, -2000000000), 0},
		{decimal.RequireFromString("92233720368547758.0700000"), math.MaxInt64},    // 24-digit coefficient
		{decimal.RequireFromString("-92233720368547758.08"), math.MinInt64},        // 19-digit coefficient
		{decimal.RequireFromString("1.000000000000000000000000000000000000"), 100}, // 37 digits
	}
	for _, c := range ok {
		got, err := money.ToCents(c.in)
		if err != nil || got != c.want {
			t.Errorf("DecimalToCents(%s) = %d, %v; want %d", describe(c.in), got, err, c.want)
		}
	}
	bad := []struct {
		in   decimal.Decimal
		code apierr.Code
	}{
		{decimal.RequireFromString("1.005"), apierr.InvalidFormat},
		{decimal.RequireFromString("0.001"), apierr.InvalidFormat},
		{decimal.RequireFromString("92233720368547758.0700001"), apierr.InvalidFormat},
		{decimal.New(1, -2000000000), apierr.InvalidFormat},
		{decimal.NewFromBigInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(30), nil), -2000000000), apierr.InvalidFormat},
		{decimal.New(1, 17), apierr.AmountOutOfRange},
		{decimal.New(1, 2000000000), apierr.AmountOutOfRange},
		{decimal.RequireFromString("92233720368547758.08"), apierr.AmountOutOfRange},
		{decimal.RequireFromString("-92233720368547758.09"), apierr.AmountOutOfRange},
		{decimal.RequireFromString("1234567890123456789012.3"), apierr.AmountOutOfRange},
		{decimal.RequireFromString("1234567890123456789012e5"), apierr.AmountOutOfRange},
	}
	for _, c := range bad {
		got, err := money.ToCents(c.in)
		if got != 0 {
			t.Errorf("DecimalToCents(%s) = %d with error, want 0", describe(c.in), got)
		}
		reason := apierr.ErrPrecision
		if c.code == apierr.AmountOutOfRange {
			reason = apierr.ErrRange
		}
		checkErr(t, "DecimalToCents("+describe(c.in)+")", err, c.code, "amount", reason)
	}
	d := decimal.RequireFromString("1234.56")
	if n := testing.AllocsPerRun(100, func() { _, _ = money.ToCents(d) }); n != 0 {
		t.Errorf("DecimalToCents allocates %v times, want 0", n)
	}
}

func TestCentsToDecimal(t *testing.T) {
	for _, c := range []struct {
		in   int64
		want string
	}{{750, "7.5"}, {0, "0"}, {-1, "-0.01"}, {math.MaxInt64, "92233720368547758.07"}} {
		got := money.FromCents(c.in)
		if got.String() != c.want || got.Exponent() != -2 {
			t.Errorf("CentsToDecimal(%d) = %s (exp %d), want %s, exp -2", c.in, got, got.Exponent(), c.want)
		}
	}
}

func TestParseCentsAllocs(t *testing.T) {
	if n := testing.AllocsPerRun(100, func() { _, _ = money.ParseCents("92233720368547758.07") }); n != 0 {
		t.Errorf("ParseCents allocates %v times on success, want 0", n)
	}
}

// genMoneyString draws well-formed amounts (short, long, near the int64 edge) and
// near-misses of them, plus junk over the characters that matter.
func genMoneyString() *rapid.Generator[string] {
	digits := rapid.RuneFrom([]rune("0123456789"))
	valid := rapid.Custom(func(t *rapid.T) string {
		return rapid.StringOfN(digits, 1, 30, -1).Draw(t, "int") + "." +
			rapid.StringOfN(digits, 2, 2, -1).Draw(t, "frac")
	})
	edge := rapid.Custom(func(t *rapid.T) string {
		c := new(big.Int).Add(big.NewInt(math.MaxInt64), big.NewInt(rapid.Int64Range(-300, 300).Draw(t, "delta")))
		return strings.Repeat("0", rapid.IntRange(0, 3).Draw(t, "zeros")) + refFormatBigCents(c)
	})
	mutated := rapid.Custom(func(t *rapid.T) string {
		s := rapid.OneOf(valid, edge).Draw(t, "base")
		i := rapid.IntRange(0, len(s)-1).Draw(t, "at")
		r := rapid.SampledFrom([]string{"", "0", "9", ".", "-", "+", ",", " ", "e", "00", "١"}).Draw(t, "with")
		if rapid.Bool().Draw(t, "insert") {
			return s[:i] + r + s[i:]
		}
		return s[:i] + r + s[i+1:]
	})
	junk := rapid.StringOfN(rapid.RuneFrom([]rune("0123456789.-+e, ")), 0, 12, -1)
	return rapid.OneOf(valid, edge, mutated, junk)
}

func TestParseCentsMatchesReference(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := genMoneyString().Draw(t, "s")
		checkParseCents(t, s)
		checkParseMoney(t, s)
	})
}

// checkParseCents compares ParseCents and ParseMoney on s with refParseCents.
func checkParseCents(t tb, s string) {
	got, err := money.ParseCents(s)
	ref, outcome := refParseCents(s)
	switch {
	case outcome == refFormat:
		checkErr(t, "ParseCents("+quoteShort(s)+")", err, apierr.InvalidFormat, "amount", nil)
	case !ref.IsInt64():
		checkErr(t, "ParseCents("+quoteShort(s)+")", err, apierr.AmountOutOfRange, "amount", apierr.ErrRange)
	case err != nil || got != ref.Int64():
		t.Fatalf("ParseCents(%q) = %d, %v; reference %s", s, got, err, ref)
	default:
		// The canonical form re-parses to the same value.
		if back, err := money.ParseCents(money.FormatCents(got)); err != nil || back != got {
			t.Fatalf("ParseCents(FormatCents(%d)) = %d, %v", got, back, err)
		}
	}
}

// checkParseMoney compares ParseMoney on s with refParseCents.
func checkParseMoney(t tb, s string) {
	ref, outcome := refParseCents(s)
	d, err := money.Parse(s)
	if outcome == refFormat {
		checkErr(t, "ParseMoney("+quoteShort(s)+")", err, apierr.InvalidFormat, "amount", nil)
		return
	}
	if err != nil || d.Exponent() != -2 || d.Coefficient().Cmp(ref) != 0 {
		t.Fatalf("ParseMoney(%q) = %s, %v; reference %s cents", s, d, err, ref)
	}
	// The canonical form re-parses to the same value.
	if back, err := money.Parse(money.Format(d)); err != nil || !back.Equal(d) {
		t.Fatalf("ParseMoney(FormatMoney(%s)) = %s, %v", d, back, err)
	}
}

func TestFormatCentsMatchesReference(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := rapid.OneOf(rapid.Int64(), rapid.Int64Range(-100000, 100000)).Draw(t, "cents")
		want := refFormatBigCents(big.NewInt(c))
		if got := money.FormatCents(c); got != want {
			t.Fatalf("FormatCents(%d) = %q, want %q", c, got, want)
		}
		if c >= 0 {
			if back, err := money.ParseCents(want); err != nil || back != c {
				t.Fatalf("ParseCents(FormatCents(%d)) = %d, %v", c, back, err)
			}
		}
		if back, err := money.ToCents(money.FromCents(c)); err != nil || back != c {
			t.Fatalf("DecimalToCents(CentsToDecimal(%d)) = %d, %v", c, back, err)
		}
	})
}

// genDecimal draws decimals of every shape: small and huge coefficients, exponents
// around the cent, and whole numbers of cents written with extra trailing zeros.
func genDecimal() *rapid.Generator[decimal.Decimal] {
	coef := rapid.OneOf(
		rapid.Custom(func(t *rapid.T) *big.Int { return big.NewInt(rapid.Int64().Draw(t, "c")) }),
		rapid.Custom(func(t *rapid.T) *big.Int { return big.NewInt(rapid.Int64Range(-100000, 100000).Draw(t, "c")) }),
		rapid.Custom(func(t *rapid.T) *big.Int {
			s := rapid.StringMatching(`-?[1-9][0-9]{0,40}`).Draw(t, "c")
			b, _ := new(big.Int).SetString(s, 10)
			return b
		}),
	)
	anyDecimal := rapid.Custom(func(t *rapid.T) decimal.Decimal {
		return decimal.NewFromBigInt(coef.Draw(t, "coef"), rapid.Int32Range(-30, 22).Draw(t, "exp"))
	})
	// A whole number of cents, or a half cent, scaled by extra zeros.
	nearCents := rapid.Custom(func(t *rapid.T) decimal.Decimal {
		c := new(big.Int).Mul(coef.Draw(t, "cents"), big.NewInt(10))
		if rapid.Bool().Draw(t, "half") {
			c.Add(c, big.NewInt(5))
		}
		k := rapid.Int32Range(0, 20).Draw(t, "zeros")
		c.Mul(c, new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(k)), nil))
		return decimal.NewFromBigInt(c, -3-k)
	})
	return rapid.OneOf(anyDecimal, nearCents)
}

func TestFormatMoneyMatchesReference(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		checkDecimal(t, genDecimal().Draw(t, "d"))
	})
}

// checkDecimal compares FormatMoney and DecimalToCents on d with the big.Rat references.
func checkDecimal(t tb, d decimal.Decimal) {
	if got, want := money.Format(d), refFormatMoney(d); got != want {
		t.Fatalf("FormatMoney(%s) = %q, want %q", describe(d), got, want)
	}
	got, err := money.ToCents(d)
	want, outcome := refDecimalToCents(d)
	switch outcome {
	case refOK:
		if err != nil || got != want {
			t.Fatalf("DecimalToCents(%s) = %d, %v; want %d", describe(d), got, err, want)
		}
	case refFormat:
		checkErr(t, "DecimalToCents("+describe(d)+")", err, apierr.InvalidFormat, "amount", apierr.ErrPrecision)
	case refRange:
		checkErr(t, "DecimalToCents("+describe(d)+")", err, apierr.AmountOutOfRange, "amount", apierr.ErrRange)
	}
}

func describe(d decimal.Decimal) string {
	return d.Coefficient().String() + "e" + big.NewInt(int64(d.Exponent())).String()
}

func quoteShort(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}

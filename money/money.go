package money

import (
	"math"
	"math/big"
	"strconv"
	"unicode/utf8"

	"github.com/dinie/lending/apierr"
	"github.com/shopspring/decimal"
)

// moneyParam is the Param of money errors. The parsers do not know which request field
// they read; callers relabel with Relabel(err, "requested_amount").
const moneyParam = "amount"

// MaxLen is the longest money string Parse and ParseCents read, in bytes.
// The wire format has no upper bound, but parsing a decimal coefficient costs time
// quadratic in its length, so an unbounded parser is a denial-of-service door; 1,024
// characters is far beyond any amount of money and far below any cost that matters.
const MaxLen = 1024

const moneyExpected = "expected digits, a point and exactly two decimal places, like 1234.56 (no sign, exponent, spaces or thousands separator)"

// pow10 holds 10^0 … 10^18, every power of ten an int64 holds.
var pow10 = [19]int64{
	1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9,
	1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
}

// ParseCents parses a money string in the API's wire format, ^[0-9]+\.[0-9]{2}$, into
// an exact count of cents. It allocates nothing on success.
//
// Leading zeros are accepted, as the pattern allows ("007.50" is 750 cents). Errors:
// a string not in the wire format is apierr.InvalidFormat (reason apierr.ErrEmpty, apierr.ErrLength,
// apierr.ErrCharacter, apierr.ErrSyntax or apierr.ErrPrecision); a well-formed amount above
// math.MaxInt64 cents (92233720368547758.07) is apierr.AmountOutOfRange with apierr.ErrRange.
// The Param is "amount".
func ParseCents(s string) (int64, error) {
	n := len(s)
	if n < 4 || n > MaxLen || s[n-3] != '.' {
		return 0, moneyFormatError(s)
	}
	f1, f2 := s[n-2]-'0', s[n-1]-'0'
	if f1 > 9 || f2 > 9 {
		return 0, moneyFormatError(s)
	}
	// v stays at most MaxInt64/100, so v*10+9 cannot wrap; over marks anything larger.
	var v uint64
	over := false
	for i := 0; i < n-3; i++ {
		d := s[i] - '0'
		if d > 9 {
			return 0, moneyFormatError(s)
		}
		if !over {
			v = v*10 + uint64(d)
			over = v > math.MaxInt64/100
		}
	}
	cents := v*100 + uint64(f1)*10 + uint64(f2)
	if over || cents > math.MaxInt64 {
		return 0, apierr.Wrap(apierr.ErrRange, apierr.AmountOutOfRange, moneyParam,
			"amount %s is above the largest supported amount %s",
			apierr.Quote(s), FormatCents(math.MaxInt64))
	}
	return int64(cents), nil
}

// Parse parses a money string in the API's wire format, ^[0-9]+\.[0-9]{2}$, into
// a decimal with exponent −2, without loss: any number of integer digits is kept
// exactly. The errors are ParseCents's, except that Parse has no range error:
// every well-formed string of up to MaxLen characters parses.
func Parse(s string) (decimal.Decimal, error) {
	// 16 integer digits plus ".dd" always fit in int64 cents: the fast path.
	if len(s) <= 19 {
		c, err := ParseCents(s)
		if err != nil {
			return decimal.Decimal{}, err
		}
		return decimal.New(c, -2), nil
	}
	if err := checkMoneyShape(s); err != nil {
		return decimal.Decimal{}, err
	}
	n := len(s)
	digits := make([]byte, 0, n-1)
	digits = append(digits, s[:n-3]...)
	digits = append(digits, s[n-2:]...)
	coef, ok := new(big.Int).SetString(string(digits), 10)
	if !ok { // unreachable: checkMoneyShape admitted only digits
		return decimal.Decimal{}, moneyFormatError(s)
	}
	return decimal.NewFromBigInt(coef, -2), nil
}

// checkMoneyShape reports whether s is in the wire format, without computing a value.
func checkMoneyShape(s string) error {
	n := len(s)
	if n < 4 || n > MaxLen || s[n-3] != '.' || !isDigit(s[n-2]) || !isDigit(s[n-1]) {
		return moneyFormatError(s)
	}
	for i := 0; i < n-3; i++ {
		if !isDigit(s[i]) {
			return moneyFormatError(s)
		}
	}
	return nil
}

// moneyFormatError explains why s is not in the wire format. It runs only on failure,
// so it favours a precise message over speed.
func moneyFormatError(s string) *apierr.Error {
	switch {
	case s == "":
		return apierr.Wrap(apierr.ErrEmpty, apierr.InvalidFormat, moneyParam, "amount is empty; %s", moneyExpected)
	case len(s) > MaxLen:
		return apierr.Wrap(apierr.ErrLength, apierr.InvalidFormat, moneyParam,
			"amount is %d characters long; expected at most %d", len(s), MaxLen)
	}
	points := 0
	for i, r := range s {
		if r == '.' {
			points++
			continue
		}
		if r < '0' || r > '9' {
			return apierr.Wrap(apierr.ErrCharacter, apierr.InvalidFormat, moneyParam,
				"amount %s has %s at position %d; %s",
				apierr.Quote(s), apierr.QuoteRune(r), utf8.RuneCountInString(s[:i])+1, moneyExpected)
		}
	}
	switch {
	case points == 0:
		return apierr.Wrap(apierr.ErrPrecision, apierr.InvalidFormat, moneyParam,
			"amount %s has no decimal point; %s", apierr.Quote(s), moneyExpected)
	case points > 1:
		return apierr.Wrap(apierr.ErrSyntax, apierr.InvalidFormat, moneyParam,
			"amount %s has %d points; %s", apierr.Quote(s), points, moneyExpected)
	case s[0] == '.':
		return apierr.Wrap(apierr.ErrSyntax, apierr.InvalidFormat, moneyParam,
			"amount %s has no digit before the point; %s", apierr.Quote(s), moneyExpected)
	}
	decimals := len(s) - 1 - indexByte(s, '.')
	return apierr.Wrap(apierr.ErrPrecision, apierr.InvalidFormat, moneyParam,
		"amount %s has %d decimal places; %s", apierr.Quote(s), decimals, moneyExpected)
}

// AppendCents appends cents in the wire format (two decimal places, no thousands
// separator) to dst and returns the extended buffer. A negative amount, which the
// wire never carries but internal arithmetic can produce, gets a leading '-'. It
// is AppendFixed(dst, cents, 2) and allocates only if dst lacks capacity (21
// bytes always suffice).
func AppendCents(dst []byte, cents int64) []byte {
	return AppendFixed(dst, cents, 2)
}

// FormatCents returns cents in the wire format, like AppendCents: 123456 → "1234.56",
// 5 → "0.05", −5 → "-0.05".
func FormatCents(cents int64) string {
	var buf [24]byte
	return string(AppendCents(buf[:0], cents))
}

// Format returns d in the wire format, rounded half-up to cents: a value exactly
// halfway between two cents goes to the one farther from zero (1.005 → "1.01"), the
// commercial rounding of docs/lending-math.md §5. For a negative d — never on the wire,
// but internal arithmetic can produce one — the rounding is symmetric (−1.005 →
// "-1.01") and the result has a leading '-'; a value that rounds to zero prints
// "0.00", never "-0.00".
//
// The result is exact for any d: the integer part is never truncated. Decimals whose
// coefficient has at most 18 digits take an integer fast path; the rest go through
// big.Int, whose cost grows with the number of digits.
func Format(d decimal.Decimal) string {
	if c, ok := roundCents(d); ok {
		return FormatCents(c)
	}
	exp := int64(d.Exponent())
	// |d| < 10^(digits+exp) ≤ 0.001 rounds to zero; rounding it through big.Int
	// would first build 10^-exp, unbounded for a decimal like New(1, -2e9).
	if int64(d.NumDigits())+exp <= -3 {
		return "0.00"
	}
	s := d.StringFixed(2)
	if s == "-0.00" { // unreachable with shopspring's Round, kept as a guard
		return "0.00"
	}
	return s
}

// roundCents rounds d half away from zero to an int64 count of cents, with integer
// arithmetic only. ok is false when the coefficient or the result does not fit.
func roundCents(d decimal.Decimal) (int64, bool) {
	if d.NumDigits() > 18 {
		return 0, false
	}
	coef, exp := d.CoefficientInt64(), d.Exponent()
	if coef == 0 {
		return 0, true
	}
	if exp >= -2 {
		return scaleCents(coef, exp)
	}
	k := -2 - int64(exp) // digits to drop, ≥ 1
	if k > 18 {
		// |coef| < 10^18 ≤ 10^(k−1): below half a cent.
		return 0, true
	}
	p := pow10[k]
	q, r := coef/p, coef%p
	if r < 0 {
		r = -r
	}
	if 2*r >= p { // 2r < 2·10^18 fits
		if coef < 0 {
			q--
		} else {
			q++
		}
	}
	return q, true
}

// scaleCents returns coef·10^(exp+2) for exp ≥ −2, or ok false on overflow.
func scaleCents(coef int64, exp int32) (int64, bool) {
	k := int64(exp) + 2
	if k > 18 {
		return 0, false
	}
	p := pow10[k]
	if coef > math.MaxInt64/p || coef < math.MinInt64/p {
		return 0, false
	}
	return coef * p, true
}

// ToCents returns d as an exact count of cents. It never rounds: a d that is not
// a whole number of cents (more than two significant decimal places, as in 1.005; 1.500
// is fine) is apierr.InvalidFormat with apierr.ErrPrecision, and one outside the int64 range of
// cents is apierr.AmountOutOfRange with apierr.ErrRange. The Param is "amount". It allocates
// nothing when d's coefficient has at most 18 digits.
func ToCents(d decimal.Decimal) (int64, error) {
	if d.NumDigits() <= 18 {
		coef, exp := d.CoefficientInt64(), d.Exponent()
		if coef == 0 {
			return 0, nil
		}
		if exp >= -2 {
			if c, ok := scaleCents(coef, exp); ok {
				return c, nil
			}
			return 0, centsRangeError(d)
		}
		k := -2 - int64(exp)
		if k > 18 || coef%pow10[k] != 0 {
			return 0, centsPrecisionError(d)
		}
		return coef / pow10[k], nil
	}
	return bigDecimalToCents(d)
}

// bigDecimalToCents is ToCents for coefficients of 19 digits or more.
func bigDecimalToCents(d decimal.Decimal) (int64, error) {
	coef, exp := d.Coefficient(), int64(d.Exponent())
	if exp >= -2 {
		// |coef| ≥ 10^18, so any scaling by 10 or more overflows int64.
		if exp > -2 || !coef.IsInt64() {
			return 0, centsRangeError(d)
		}
		return coef.Int64(), nil
	}
	k := -2 - exp
	// A nonzero coefficient with fewer than k+1 digits cannot be a multiple of 10^k;
	// the test also keeps 10^k no larger than the coefficient already in memory.
	if k >= int64(d.NumDigits()) {
		return 0, centsPrecisionError(d)
	}
	var r big.Int
	coef.QuoRem(coef, new(big.Int).Exp(big.NewInt(10), big.NewInt(k), nil), &r)
	if r.Sign() != 0 {
		return 0, centsPrecisionError(d)
	}
	if !coef.IsInt64() {
		return 0, centsRangeError(d)
	}
	return coef.Int64(), nil
}

func centsPrecisionError(d decimal.Decimal) *apierr.Error {
	return apierr.Wrap(apierr.ErrPrecision, apierr.InvalidFormat, moneyParam,
		"amount %s is not a whole number of cents; expected at most two significant decimal places",
		describeDecimal(d))
}

func centsRangeError(d decimal.Decimal) *apierr.Error {
	return apierr.Wrap(apierr.ErrRange, apierr.AmountOutOfRange, moneyParam,
		"amount %s is outside the supported range; expected at most %s in magnitude",
		describeDecimal(d), FormatCents(math.MaxInt64))
}

// describeDecimal prints d for an error Detail: plainly when short, else as
// coefficient and exponent, because d.String() of New(1, 2e9) has two billion digits.
func describeDecimal(d decimal.Decimal) string {
	exp := int64(d.Exponent())
	if exp < 0 {
		exp = -exp
	}
	if int64(d.NumDigits())+exp <= 40 {
		return d.String()
	}
	digits := d.Coefficient().String()
	if len(digits) > 40 {
		digits = digits[:40] + "…(" + strconv.Itoa(len(digits)) + " characters)"
	}
	return digits + "e" + strconv.FormatInt(int64(d.Exponent()), 10)
}

// FromCents returns cents as a decimal with exponent −2 (750 → 7.50), exactly.
func FromCents(cents int64) decimal.Decimal {
	return decimal.New(cents, -2)
}

func isDigit(c byte) bool { return c-'0' <= 9 }

func indexByte(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}

// ToUnits returns d·10^places exactly, as an int64: the number of units of 10^−places
// that d holds (2 places counts cents, 10 counts the 10^−10 % units of a fee
// percentage). It never rounds and its cost is bounded by d's number of digits, never
// by its exponent, so a decimal such as 1e2147483647 or 1e-2147483648 is refused at
// once instead of being expanded; callers compare the int64 it returns with their
// bounds rather than comparing decimals. places must be 0 to 18.
//
// Errors (param "amount", to be relabelled): d with significant digits beyond places
// decimals is invalid_format with ErrPrecision; |d·10^places| above math.MaxInt64 is
// value_out_of_range with ErrRange; places outside 0 to 18 is internal_error.
func ToUnits(d decimal.Decimal, places int) (int64, error) {
	if places < 0 || places > 18 {
		return 0, apierr.Errorf(apierr.Internal, moneyParam, "places %d is outside 0 to 18", places)
	}
	if d.Sign() == 0 {
		return 0, nil
	}
	exp := int64(d.Exponent()) + int64(places)
	if d.NumDigits() <= 18 {
		coef := d.CoefficientInt64()
		switch {
		case exp >= 0:
			if exp <= 18 {
				if p := pow10[exp]; coef <= math.MaxInt64/p && coef >= -math.MaxInt64/p {
					return coef * p, nil
				}
			}
			return 0, unitsRangeError(d, places)
		case -exp <= 18 && coef%pow10[-exp] == 0:
			return coef / pow10[-exp], nil
		}
		return 0, unitsPrecisionError(d, places)
	}
	digits := int64(d.NumDigits()) // ≥ 19
	switch {
	case exp == 0:
		if c := d.Coefficient(); c.IsInt64() && c.Int64() != math.MinInt64 {
			return c.Int64(), nil
		}
		return 0, unitsRangeError(d, places)
	case exp > 0: // |coefficient| ≥ 10^18, so any scaling by 10 or more overflows
		return 0, unitsRangeError(d, places)
	case -exp >= digits:
		// A nonzero coefficient of fewer than k+1 digits is no multiple of 10^k.
		return 0, unitsPrecisionError(d, places)
	}
	var r big.Int
	q, _ := new(big.Int).QuoRem(d.Coefficient(), new(big.Int).Exp(big.NewInt(10), big.NewInt(-exp), nil), &r)
	if r.Sign() != 0 {
		return 0, unitsPrecisionError(d, places)
	}
	if !q.IsInt64() || q.Int64() == math.MinInt64 {
		return 0, unitsRangeError(d, places)
	}
	return q.Int64(), nil
}

func unitsPrecisionError(d decimal.Decimal, places int) *apierr.Error {
	return apierr.Wrap(apierr.ErrPrecision, apierr.InvalidFormat, moneyParam,
		"amount %s has more than %d decimal places", describeDecimal(d), places)
}

func unitsRangeError(d decimal.Decimal, places int) *apierr.Error {
	return apierr.Wrap(apierr.ErrRange, apierr.ValueOutOfRange, moneyParam,
		"amount %s is too large; expected at most %s", describeDecimal(d), formatFixed(math.MaxInt64, places))
}

func formatFixed(v int64, places int) string {
	var buf [48]byte
	return string(AppendFixed(buf[:0], v, places))
}

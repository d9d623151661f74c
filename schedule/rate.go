package schedule

import (
	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/internal/strictjson"
	"github.com/dinie/lending/money"
	"github.com/shopspring/decimal"
)

// RatePlaces is the most decimal places of percent a MonthlyRate holds:
// 0.0000000001 % a.m. is its resolution. Every rate with at most this many places
// is held exactly, so (1+i) is an exact fraction with denominator 10^12 and the
// schedule can decide every rounding exactly.
const RatePlaces = 10

// rateScale is 10^RatePlaces: a MonthlyRate counts units of 10^-10 percent.
const rateScale = 10_000_000_000

// maxRateUnits is 100 % a.m. in units.
const maxRateUnits = 100 * rateScale

// fractionScale is 10^12: the fraction i is units / fractionScale.
const fractionScale = 100 * rateScale

const rateParam = "interest_rate"

// MonthlyRate is a monthly interest rate (taxa de juros ao mês), compounded
// monthly. The API speaks percent per month: 2.5 means 2.5 % a.m., the fraction
// i = 0.025. Make one with PercentPerMonth or ParsePercentPerMonth and read it
// with Percent or Fraction; there is no constructor from a bare number, so the
// unit is never guessed.
//
// A MonthlyRate holds 0 % to 100 % a.m. with at most RatePlaces (10) decimal
// places of percent, exactly. The zero value is 0 % a.m., a valid interest-free
// rate. MonthlyRate is a small comparable value (== compares rates; 2.50 and 2.5
// are the same rate).
type MonthlyRate struct {
	units int64 // percent × 10^10, 0 … 10^12
}

// PercentPerMonth returns the rate of p percent per month: PercentPerMonth(2.5)
// is 2.5 % a.m. (i = 0.025).
//
// Errors (*apierr.Error, Param "interest_rate"): a negative p or one above
// 100 is rate_out_of_range (reason apierr.ErrRange); a p with more than
// RatePlaces significant decimal places (0.00000000001) is invalid_format (reason
// apierr.ErrPrecision) — it is refused rather than rounded, because a rate
// that is silently changed changes every installment. Trailing zeros do not count:
// 2.500000000000 is 2.5.
func PercentPerMonth(p decimal.Decimal) (MonthlyRate, error) {
	if err := apierr.CheckBounds(p, apierr.RateOutOfRange, rateParam); err != nil {
		return MonthlyRate{}, err
	}
	coef := p.Coefficient()
	neg := coef.Sign() < 0
	if neg {
		coef.Neg(coef)
	}
	return rateFromDigits(coef.Text(10), int64(p.Exponent()), neg, func() string { return describeDecimal(p) })
}

// describeDecimal renders d for an error detail, bounded (apierr.DescribeDecimal).
func describeDecimal(d decimal.Decimal) string { return apierr.DescribeDecimal(d) }

// ParsePercentPerMonth parses a rate in percent per month written as a JSON
// number: "2.5", "0.629890", "1e-1". It accepts exactly the JSON number grammar
// (an optional '-', digits without leading zeros, an optional fraction and
// exponent), which is how the API carries interest_rate, and parses it exactly,
// never through a float64.
//
// Errors (*apierr.Error, Param "interest_rate"): text that is not a JSON
// number is invalid_format (reason apierr.ErrSyntax, or apierr.ErrLength
// beyond 64 bytes); otherwise those of PercentPerMonth.
func ParsePercentPerMonth(s string) (MonthlyRate, error) {
	digits, exp, neg, ok := scanNumber(s)
	if !ok {
		reason := apierr.ErrSyntax
		if len(s) > maxRateText {
			reason = apierr.ErrLength
		}
		return MonthlyRate{}, apierr.Wrap(reason, apierr.InvalidFormat, rateParam,
			"interest_rate %s is not a number; expected percent per month like 2.5", quote(s))
	}
	return rateFromDigits(digits, exp, neg, func() string { return s })
}

// maxRateText bounds ParsePercentPerMonth's input: 64 bytes hold any rate with
// room to spare (strictjson.MaxNumber, the bound of every JSON number).
const maxRateText = strictjson.MaxNumber

// scanNumber checks s against the JSON number grammar with the shared scanner,
// which saturates the exponent (strictjson.ScanNumber): a long exponent reads as
// huge or tiny, never wraps, and percentUnits refuses it.
func scanNumber(s string) (digits string, exp int64, neg, ok bool) {
	if len(s) > maxRateText {
		return "", 0, false, false
	}
	return strictjson.ScanNumber(s)
}

// rateFromDigits builds a rate from the value digits × 10^exp (percent), with
// the sign neg. text renders the input for error details, lazily.
func rateFromDigits(digits string, exp int64, neg bool, text func() string) (MonthlyRate, error) {
	u, err := percentUnits(digits, exp, neg, &monthlyKind, text)
	return MonthlyRate{units: u}, err
}

// rateKind is what tells a monthly rate from an annual one in parsing and in
// error details.
type rateKind struct {
	param  string // the field's wire name
	per    string // "a.m." or "a.a."
	max    int64  // the largest rate in units of 10^-10 %
	maxMag int64  // the digits of its integer part
	maxTxt string // the largest rate, as text
}

var (
	monthlyKind = rateKind{rateParam, "a.m.", maxRateUnits, 3, "100"}
	annualKind  = rateKind{annualRateParam, "a.a.", maxAnnualUnits, 6, "409500"}
)

// percentUnits returns the value digits × 10^exp percent, with the sign neg, in
// units of 10^-RatePlaces %, checked against kind's bound.
func percentUnits(digits string, exp int64, neg bool, kind *rateKind, text func() string) (int64, error) {
	// Normalise: drop leading zeros, move trailing zeros into the exponent.
	for len(digits) > 0 && digits[0] == '0' {
		digits = digits[1:]
	}
	for len(digits) > 0 && digits[len(digits)-1] == '0' {
		digits = digits[:len(digits)-1]
		exp++
	}
	if len(digits) == 0 {
		return 0, nil // zero, whatever its sign or exponent
	}
	if neg {
		return 0, kind.rangeError(text())
	}
	// The value lies in [10^(mag-1), 10^mag).
	mag := int64(len(digits)) + exp
	if mag > kind.maxMag {
		return 0, kind.rangeError(text())
	}
	if exp < -RatePlaces {
		return 0, apierr.Wrap(apierr.ErrPrecision, apierr.InvalidFormat, kind.param,
			"%s %s has more than %d decimal places of percent; the library holds rates exactly to 0.0000000001 %% %s",
			kind.param, quote(text()), RatePlaces, kind.per)
	}
	// Now exp ≥ -10 and mag ≤ 6, so digits × 10^(exp+10) < 10^16: it fits.
	var units int64
	for i := 0; i < len(digits); i++ {
		units = units*10 + int64(digits[i]-'0')
	}
	for e := exp + RatePlaces; e > 0; e-- {
		units *= 10
	}
	if units > kind.max {
		return 0, kind.rangeError(text())
	}
	return units, nil
}

func (k *rateKind) rangeError(text string) error {
	return apierr.Wrap(apierr.ErrRange, apierr.RateOutOfRange, k.param,
		"%s %s %% %s is outside 0 to %s %% %s", k.param, quote(text), k.per, k.maxTxt, k.per)
}

// quote renders user input for an error detail (apierr.Quote).
func quote(s string) string { return apierr.Quote(s) }

// Percent returns the rate in percent per month (2.5 for 2.5 % a.m.), exactly.
func (r MonthlyRate) Percent() decimal.Decimal { return decimal.New(r.units, -RatePlaces) }

// Fraction returns the rate as a fraction, i = percent / 100 (0.025 for
// 2.5 % a.m.), exactly.
func (r MonthlyRate) Fraction() decimal.Decimal { return decimal.New(r.units, -RatePlaces-2) }

// IsZero reports whether r is 0 % a.m.
func (r MonthlyRate) IsZero() bool { return r.units == 0 }

// String returns the percent per month in the shortest exact decimal form,
// without a unit: "2.5", "0.62989", "0", "100".
func (r MonthlyRate) String() string { return string(r.appendText(nil)) }

func (r MonthlyRate) appendText(b []byte) []byte {
	return money.AppendTrimmed(b, r.units, RatePlaces)
}

// MarshalText returns String's form; it never fails.
func (r MonthlyRate) MarshalText() ([]byte, error) { return r.appendText(nil), nil }

// AppendText appends String's form to b and returns the extended buffer
// (encoding.TextAppender), for writers building JSON or text in one buffer. It
// never fails and allocates only to grow b.
func (r MonthlyRate) AppendText(b []byte) ([]byte, error) { return r.appendText(b), nil }

// PercentUnits returns the rate as the integer it is held as: percent per month
// in units of 10^−RatePlaces, so 2.5 % a.m. is 25,000,000,000 and the value
// runs from 0 to 100·10^RatePlaces. It is Percent's coefficient at exponent
// −RatePlaces, for callers that compute with the rate in integers without
// building a decimal; it does not allocate.
func (r MonthlyRate) PercentUnits() int64 { return r.units }

// UnmarshalText parses text with ParsePercentPerMonth. On error r is unchanged.
func (r *MonthlyRate) UnmarshalText(text []byte) error {
	v, err := ParsePercentPerMonth(string(text))
	if err != nil {
		return err
	}
	*r = v
	return nil
}

// MarshalJSON returns the rate as a JSON number of percent per month (2.5), the
// API's form of interest_rate. It never fails.
func (r MonthlyRate) MarshalJSON() ([]byte, error) { return r.appendText(nil), nil }

// UnmarshalJSON parses a JSON number of percent per month (a JSON string holding
// one is accepted too), read with the shared strict reader (strictjson.Scalar:
// one JSON value, bounded). JSON null leaves r unchanged. On error r is
// unchanged.
func (r *MonthlyRate) UnmarshalJSON(data []byte) error {
	s, null, err := rateJSON(data, rateParam)
	if err != nil || null {
		return err
	}
	return r.UnmarshalText([]byte(s))
}

// rateJSON reads the JSON value of a rate: a number, or a string holding one.
func rateJSON(data []byte, param string) (text string, null bool, err error) {
	v, err := strictjson.Scalar(data, param, strictjson.Limits{MaxString: maxRateText})
	switch {
	case err != nil:
		return "", false, err
	case v.Kind == strictjson.Null:
		return "", true, nil
	case v.Kind != strictjson.Number && v.Kind != strictjson.String:
		return "", false, strictjson.WrongType(param, v.Kind, "a number")
	}
	return v.Text, false, nil
}

// ratio returns 1+i as the reduced fraction num/den (den divides 10^12).
func (r MonthlyRate) ratio() (num, den uint64) {
	n, d := uint64(fractionScale+r.units), uint64(fractionScale)
	g := gcd(n, d)
	return n / g, d / g
}

func gcd(a, b uint64) uint64 {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// Package money is the library's money: the API's wire format for amounts, the exact
// conversions between decimal.Decimal and int64 cents, and the fixed-point writers
// every package prints amounts and rates with.
//
// The wire format of money is a JSON string matching ^[0-9]+\.[0-9]{2}$: reais, a
// point, exactly two decimal places; no sign, exponent, spaces or thousands separator
// (docs/api.md §2). Leading zeros are accepted, as the pattern allows,
// and dropped from the canonical form ("007.50" → "7.50").
//
//	Parse(s)           wire string → decimal.Decimal with exponent −2, exact, any size
//	ParseCents(s)      wire string → int64 cents, exact, no allocation
//	Format(d)          any decimal → wire string, rounded half-up to cents
//	FormatCents(c)     int64 cents → wire string
//	AppendCents(b, c)  int64 cents → wire bytes appended to b, no allocation
//	ToCents(d)         decimal → int64 cents, exact or an error, never rounded
//	FromCents(c)       int64 cents → decimal with exponent −2
//
// Library packages compute money in int64 cents on their hot paths and speak
// decimal.Decimal at their exported APIs; these functions are the only conversions
// between the two and between either and text.
//
// AppendCents is one case of the library's fixed-point writer, for any integer
// held in units of 10^−places (cents, or the 10^−8 % and 10^−10 % units of the
// IOF and interest rates):
//
//	AppendFixed(b, v, p)    v·10^−p appended with exactly p decimals ("0.00820000")
//	AppendTrimmed(b, v, p)  the same without trailing fraction zeros ("0.0082", "1")
//
// Both are exact (nothing rounds), take any int64 and allocate nothing when b has
// room.
//
// Rounding: Format is the only function that rounds. It rounds half-up to cents
// (docs/lending-math.md §5, commercial rounding): a value exactly halfway between two cents
// goes to the one farther from zero, so 1.005 → 1.01 and 1.00499 → 1.00. Negative
// values, which the wire never carries but internal arithmetic can produce, round
// symmetrically (−1.005 → −1.01) and print with a leading '-'; AppendCents and
// FormatCents print negative cents the same way. Zero prints "0.00", never "-0.00".
//
// Bounds: int64 cents span ±92233720368547758.07 reais; ParseCents reports a larger
// amount as amount_out_of_range and ToCents reports one outside the range
// likewise. Parse has no numeric bound but reads at most MaxLen (1,024)
// characters, because the cost of parsing a coefficient grows with the square of its
// length. ToCents never rounds: a decimal that is not a whole number of cents
// (1.005) is invalid_format, while extra zeros are fine (1.500 is 150 cents).
//
// Money errors carry Param "amount", since a parser does not know which field it read;
// the caller relabels them with apierr.Relabel(err, "requested_amount") (or
// (*apierr.Error).WithParam on an *apierr.Error in hand).
//
//	input                       code                 reason
//	""                          invalid_format       apierr.ErrEmpty
//	longer than MaxLen     invalid_format       apierr.ErrLength
//	"-1.00", "1,00", " 1.00"    invalid_format       apierr.ErrCharacter
//	"1", "1.5", "1.505"         invalid_format       apierr.ErrPrecision
//	".50", "1.0.0"              invalid_format       apierr.ErrSyntax
//	"92233720368547758.08"      amount_out_of_range  apierr.ErrRange      (ParseCents only)
//	decimal 1.005               invalid_format       apierr.ErrPrecision  (ToCents)
//	decimal 1e17                amount_out_of_range  apierr.ErrRange      (ToCents)
//
// # Zero values and concurrency
//
// The package has no state; every function is pure and safe for concurrent use.
package money

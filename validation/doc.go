// Package validation holds the API's input rules and its error type: money in the
// wire format, CPF and CNPJ, phone, e-mail, CEP, resource IDs and credentials, and
// the *Error every package of the library returns for a rule failure.
//
// # Money
//
// The wire format of money is a JSON string matching ^[0-9]+\.[0-9]{2}$: reais, a
// point, exactly two decimal places; no sign, exponent, spaces or thousands separator
// (api-contract.md, "Wire formats"). Leading zeros are accepted, as the pattern allows,
// and dropped from the canonical form ("007.50" → "7.50").
//
//	ParseMoney(s)      wire string → decimal.Decimal with exponent −2, exact, any size
//	ParseCents(s)      wire string → int64 cents, exact, no allocation
//	FormatMoney(d)     any decimal → wire string, rounded half-up to cents
//	FormatCents(c)     int64 cents → wire string
//	AppendCents(b, c)  int64 cents → wire bytes appended to b, no allocation
//	DecimalToCents(d)  decimal → int64 cents, exact or an error, never rounded
//	CentsToDecimal(c)  int64 cents → decimal with exponent −2
//
// Library packages compute money in int64 cents on their hot paths and speak
// decimal.Decimal at their exported APIs; these functions are the only conversions
// between the two and between either and text.
//
// Rounding: FormatMoney is the only function that rounds. It rounds half-up to cents
// (lending-math.md §4, commercial rounding): a value exactly halfway between two cents
// goes to the one farther from zero, so 1.005 → 1.01 and 1.00499 → 1.00. Negative
// values, which the wire never carries but internal arithmetic can produce, round
// symmetrically (−1.005 → −1.01) and print with a leading '-'; AppendCents and
// FormatCents print negative cents the same way. Zero prints "0.00", never "-0.00".
//
// Bounds: int64 cents span ±92233720368547758.07 reais; ParseCents reports a larger
// amount as amount_out_of_range and DecimalToCents reports one outside the range
// likewise. ParseMoney has no numeric bound but reads at most MaxMoneyLen (1,024)
// characters, because the cost of parsing a coefficient grows with the square of its
// length. DecimalToCents never rounds: a decimal that is not a whole number of cents
// (1.005) is invalid_format, while extra zeros are fine (1.500 is 150 cents).
//
// Money errors carry Param "amount", since a parser does not know which field it read;
// the caller relabels them with (*Error).WithParam("requested_amount").
//
//	input                       code                 reason
//	""                          invalid_format       ErrEmpty
//	longer than MaxMoneyLen     invalid_format       ErrLength
//	"-1.00", "1,00", " 1.00"    invalid_format       ErrCharacter
//	"1", "1.5", "1.505"         invalid_format       ErrPrecision
//	".50", "1.0.0"              invalid_format       ErrSyntax
//	"92233720368547758.08"      amount_out_of_range  ErrRange      (ParseCents only)
//	decimal 1.005               invalid_format       ErrPrecision  (DecimalToCents)
//	decimal 1e17                amount_out_of_range  ErrRange      (DecimalToCents)
//
// # Errors
//
// A rule failure is an *Error: Code is the API's snake_case code (invalid_cpf), Param
// the offending field's wire name (cpf), Detail a sentence saying what was wrong and
// what was expected, and Err a Reason (ErrCheckDigit…) saying why. Codes and Reasons
// are constants that double as errors.Is sentinels:
//
//	var e *validation.Error
//	if errors.As(err, &e) { … e.Code, e.Param, e.Detail … }
//	if errors.Is(err, validation.CodeInvalidCPF) { … }
//	if errors.Is(err, validation.ErrCheckDigit) { … }
//
// Details quote user input with Go escapes and cut it after 48 bytes, so a message is
// always one line of bounded length.
//
// # Concurrency
//
// The package has no mutable state: every function is safe for concurrent use, and
// every value it returns is immutable or owned by the caller.
package validation

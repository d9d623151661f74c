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
// # CPF and CNPJ
//
// ParseCPF and ParseCNPJ return canonical values, CPF and CNPJ: small comparable
// structs (use ==, or map keys; formatting and letter case never matter) whose
// String is the unmasked canonical form and whose Format is the masked one. Their
// zero values mean "none": IsZero reports it, String and Format return "", the text
// (and so JSON) form is the empty string and the empty string unmarshals back to the
// zero value, so optional fields round-trip; a server that requires the field checks
// IsZero and reports missing_required_field. A non-zero value is always valid: no
// constructor makes an invalid one.
//
// CPF: 11 digits d1…d11. DV1 = d10 from d1…d9 with weights 10, 9, …, 2; DV2 = d11
// from d1…d10 with weights 11, 10, …, 2; each is 0 when the weighted sum mod 11 is 0
// or 1, else 11 minus it (Receita Federal; documents.md, worked example
// 280.012.389-38). The ten values of one repeated digit (000.000.000-00 …
// 999.999.999-99) pass that check and are rejected. The 9th digit is the fiscal region
// of first registration (CPF.FiscalRegion): 1 DF GO MS MT TO · 2 AC AM AP PA RO RR ·
// 3 CE MA PI · 4 AL PB PE RN · 5 BA SE · 6 MG · 7 ES RJ · 8 SP · 9 PR SC · 0 (region
// 10) RS.
//
// CNPJ: 14 characters, the 8-character root and 4-character establishment order in
// [0-9A-Z], then two check digits that are always digits. Alphanumeric CNPJs are
// issued since July 2026 (IN RFB 2.229/2024); numeric ones are unchanged. Every
// character is valued at its ASCII code minus 48: '0'…'9' → 0…9, 'A' → 17 … 'Z' → 42
// (valuing 'A' as 10 is a known bug: it makes 12ABC34501DE end in 45 instead of 35).
// Weights run 2, 3, …, 9, 2, 3, … from the right: DV1 over the 12 base characters
// (5,4,3,2,9,8,7,6,5,4,3,2), DV2 over them and DV1 (6,5,4,3,2,9,8,7,6,5,4,3,2); each
// digit is 0 when the sum mod 11 is below 2, else 11 minus it. Example: 12ABC34501DE →
// sums 459 and 424 → 12.ABC.345/01DE-35. 00000000000000 passes the check and is
// rejected; no other value is reserved (order 0000 is valid).
//
// What the check digits prove: a mod-11 check catches every single-digit typo but
// one kind — a change that moves a weighted sum's remainder between 0 and 1, which
// both give check digit 0. We measured about 0.18 % of single-digit substitutions of
// random CPFs and 0.03 % of random numeric CNPJs going undetected that way (for
// example 696.901.729-05 and 796.901.729-05 are both valid). For alphanumeric CNPJs a
// checksum pass proves less still: characters whose values are congruent mod 11
// (6/A/L/W, 0/F/Q, 1/G/R, …) swap without changing the check digits, so a misread
// letter often goes unnoticed. Check digits guard against typos, not against
// invention: a valid number may belong to nobody.
//
// Accepted input, for both: the bare form or the canonical mask (000.000.000-00,
// SS.SSS.SSS/SSSS-NN), with ASCII white space around it trimmed. Anything else — other
// separators, a partial mask, inner spaces — is rejected, and short input is never
// left-padded with zeros ("191" is not 000.000.001-91).
//
// Lowercase policy: ParseCNPJ, the default, and CNPJ.UnmarshalText fold ASCII
// lowercase letters to uppercase; ParseCNPJStrict rejects them (ErrLowercase), as the
// Receita Federal's sample validator does. Lenient is the default because a CNPJ's
// letters carry no case: people type them on phones and copy them from documents in
// either case, folding is unambiguous, and the value is always stored and emitted in
// uppercase. Only ASCII folds: 'ſ' (U+017F), which Unicode uppercases to 'S', is an
// invalid character.
//
//	input                        code          reason
//	"" or only spaces            invalid_cpf   ErrEmpty           (invalid_cnpj for CNPJ)
//	a character outside the set  invalid_cpf   ErrCharacter       ('A' in a CPF, '#', 'é', a letter as CNPJ check digit)
//	lowercase, ParseCNPJStrict   invalid_cnpj  ErrLowercase
//	not 11 (14) characters       invalid_cpf   ErrLength          (not counting the mask)
//	separators out of place      invalid_cpf   ErrMask            ("280.01238938")
//	one repeated digit           invalid_cpf   ErrRepeatedDigits  (CNPJ: all zeros)
//	check digits differ          invalid_cpf   ErrCheckDigit      (the Detail gives the expected ones)
//
// The Param is "cpf" or "cnpj". CPFCheckDigits and CNPJCheckDigits compute check
// digits for a bare base of 9 digits or 12 characters.
//
// RandomCPF, RandomCNPJ and RandomAlphanumericCNPJ draw valid values from a caller's
// *rand.Rand (math/rand/v2), so tests are reproducible and there is no global random
// state; a nil *rand.Rand stands for a fixed seed. Generated numbers may belong to real
// people and companies: use them for tests and sandboxes only.
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

// Package validation holds the rules for the documents and fields a registration
// carries and for the API's machine-made values: CPF and CNPJ (with generators of
// valid ones for tests and mocks), phone, e-mail, CEP, resource IDs, client
// credentials, the webhook URL and pagination. Each failure is an *apierr.Error
// with the API's code, the field as param and a reason (docs/documents.md).
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
// or 1, else 11 minus it (Receita Federal; docs/documents.md §1; worked example
// 280.012.389-38 in testdata/published/figures.txt). The ten values of one repeated digit (000.000.000-00 …
// 999.999.999-99) pass that check and are rejected. The 9th digit is the fiscal region
// of first registration (CPF.FiscalRegion): 1 DF GO MS MT TO · 2 AC AM AP PA RO RR ·
// 3 CE MA PI · 4 AL PB PE RN · 5 BA SE · 6 MG · 7 ES RJ · 8 SP · 9 PR SC · 0 (region
// 10) RS.
//
// CNPJ: 14 characters, the 8-character root and 4-character establishment order in
// [0-9A-Z], then two check digits that are always digits. Alphanumeric CNPJs are
// issued since July 2026 ([IN RFB 2.229/2024]); numeric ones are unchanged. Every
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
//	"" or only spaces            invalid_cpf   apierr.ErrEmpty           (invalid_cnpj for CNPJ)
//	a character outside the set  invalid_cpf   apierr.ErrCharacter       ('A' in a CPF, '#', 'é', a letter as CNPJ check digit)
//	lowercase, ParseCNPJStrict   invalid_cnpj  ErrLowercase
//	not 11 (14) characters       invalid_cpf   apierr.ErrLength          (not counting the mask)
//	separators out of place      invalid_cpf   ErrMask            ("280.01238938")
//	one repeated digit           invalid_cpf   ErrRepeatedDigits  (CNPJ: all zeros)
//	check digits differ          invalid_cpf   ErrCheckDigit      (the Detail gives the expected ones)
//
// The Param is "cpf" or "cnpj". CPFCheckDigits and CNPJCheckDigits compute check
// digits for a bare base of 9 digits or 12 characters.
//
// GenerateCPF, GenerateCNPJ and GenerateAlphanumericCNPJ draw valid values from a caller's
// *rand.Rand (math/rand/v2), so tests are reproducible and there is no global random
// state; a nil *rand.Rand stands for a fixed seed. Generated numbers may belong to real
// people and companies: use them for tests and sandboxes only.
//
// # Phone
//
// ParsePhone returns a Phone whose String is the E.164 form +55DDNNNNNNNNN (ITU-T
// [E.164]; the API's wire format). A number is a DDD — one of the 67 area codes of
// Anatel's numbering plan: 11–19, 21, 22, 24, 27, 28, 31–35, 37, 38, 41–49, 51,
// 53–55, 61–69, 71, 73–75, 77, 79, 81–89, 91–99 (ValidDDD) — and a subscriber
// number: mobile, 9 digits starting with 9 (the ninth digit, nationwide since 2016),
// or landline, 8 digits starting with 2 to 5.
//
// Accepted shapes, after trimming white space around the input; ' ', '(', ')' and
// '-' are ignored wherever they appear, '+' is allowed only first:
//
//	digits  shape                          example
//	10, 11  DDD + number                   (11) 91234-5678
//	11, 12  trunk 0 + DDD + number         (011) 91234-5678
//	13, 14  0 + carrier code + DDD + num.  0 21 11 91234-5678
//	12, 13  55 + DDD + number              55 11 91234-5678
//	14, 15  0055 + DDD + number            0055 11 91234-5678
//	any     + 55 + DDD + number            +55 (11) 91234-5678
//
// The carrier-selection form (0 + CSP + DDD + number, how long-distance calls are
// dialled in Brazil) is accepted because people copy numbers in the form they dial.
// The readings never collide: a DDD never starts with 0, the international prefix is
// 00 while a carrier code never starts with 0, and the lengths differ.
//
// Customer registration needs a personal line, so non-geographic numbers are rejected
// (ErrNonGeographic): the 0300, 0303, 0500, 0800 and 0900 services (Anatel's
// Regulamento de Numeração, [Res. Anatel 749/2022]), capital-wide numbers of the 300X-XXXX
// and 400X-XXXX series (4004-0001 style, with or without a DDD) and short codes (3 to 5
// digits starting with 1: 190, 10315). Since no DDD starts with 30, 50, 80 or 90,
// none of these rules rejects a geographic number.
//
//	input                        code            reason
//	"" or only spaces            invalid_format  apierr.ErrEmpty
//	a letter, '.', '+' inside    invalid_format  apierr.ErrCharacter
//	a length no shape has        invalid_format  apierr.ErrLength          (also: no DDD)
//	+1 …, 0044 …                 invalid_format  ErrCountryCode
//	(20) …, +55 0 11 …           invalid_format  ErrDDD
//	(11) 8123-4567, (11) 1234-…  invalid_format  ErrSubscriber      (8-digit mobile; bad first digit)
//	0800 …, 4004-0001, 190       invalid_format  ErrNonGeographic
//
// # E-mail, CEP
//
// ParseEmail applies docs/documents.md §4's simple rules, not [RFC 5322]: white space around
// is trimmed; then no space or control character and valid UTF-8 (apierr.ErrCharacter),
// exactly one '@' with a non-empty local part (apierr.ErrSyntax), a local part of at most
// 64 bytes and an address of at most 254 (apierr.ErrLength, [RFC 5321]'s limits), and a domain
// with a dot and no empty label (ErrHost). The canonical form lowercases the domain's
// ASCII letters; the local part is kept as given. Code invalid_format, Param "email".
//
// ParseCEP accepts 8 digits, bare or masked 00000-000, white space around trimmed;
// any 8 digits pass (existence is the Correios' database, not a format rule). Reasons
// apierr.ErrEmpty, apierr.ErrCharacter, apierr.ErrLength, ErrMask; code invalid_format, Param "cep".
//
// # IDs, credentials, webhook URLs, pagination
//
// An ID is its resource's prefix and 32 lowercase hex digits (docs/api.md §3):
// cust_ Customer, co_ CreditOffer, sim_ Simulation, ln_ Loan, tx_ Transaction,
// we_ WebhookEndpoint, dinie_ci_ Credential (KYCRequirement has no IDs). CheckID(id, r) also checks that the prefix
// is r's: a loan ID where a credit offer ID belongs is apierr.ErrPrefix, and the Detail names
// both resources. Errors are invalid_format with Param r.Param() ("credit_offer_id");
// ResourceOf identifies an ID's resource. Machine-made values (IDs, credentials, URLs,
// money) are never trimmed or case-folded: a stray space is an error, not a typo to fix.
//
// Credentials: a client secret starts with dinie_cs_live_ (Live) or dinie_cs_test_
// (Sandbox); ClientSecretEnvironment reads the environment, and CheckClientSecret
// reports a secret of the other environment as forbidden (403, ErrEnvironment), as the
// contract prescribes. A malformed client secret or access token (dinie_at_) is
// invalid_token (401), an empty access token missing_token. The rest of each credential
// must be non-empty printable ASCII; its inner format belongs to its issuer. Details
// never repeat a credential. Webhook signing secrets (whsec_) are package webhook's
// (webhook.ParseSecret), which reads their base64.
//
// ParseWebhookURL: an absolute https URL (ErrScheme) with a host (ErrHost), no user
// information (ErrUserInfo), no white space or control characters (apierr.ErrCharacter), at
// most 2,048 bytes (apierr.ErrLength), parseable by net/url (apierr.ErrSyntax); Param "url".
// Whether the host resolves, or resolves to a private address, needs the network and
// is left to the caller.
//
// Pagination: ParseLimit reads the limit query value, "" meaning the default 25,
// otherwise 1 to 100 in decimal digits (Param "limit"): anything but digits is
// invalid_format (apierr.ErrCharacter), a number outside 1 to 100 value_out_of_range (apierr.ErrRange).
// ParseStartingAfter checks the cursor is an ID of the listed resource (Param
// "starting_after"); "" means from the start.
//
// # Errors
//
// Every failure is an *apierr.Error: Code is the API's snake_case code (invalid_cpf),
// Param the offending field's wire name (cpf), Detail a sentence saying what was wrong
// and what was expected, and Err a reason — a generic one of package apierr
// (apierr.ErrLength …) or one of this package's (ErrCheckDigit …) — saying why:
//
//	var e *apierr.Error
//	if errors.As(err, &e) { … e.Code, e.Param, e.Detail … }
//	if errors.Is(err, apierr.InvalidCPF) { … }
//	if errors.Is(err, validation.ErrCheckDigit) { … }
//
// Details quote user input with apierr.Quote (Go escapes, at most 48 bytes, cut at a
// character boundary), so a message is always one line of bounded length. Positions
// in Details count characters from 1 in the input as given. Details never repeat a
// credential.
//
// # Zero values
//
// The zero CPF, CNPJ, Phone and CEP mean "none": IsZero is true, String and Format
// return "", text and JSON forms are empty, and empty text unmarshals to them. The zero
// Resource and Environment are no resource and no environment; functions given them
// report an error or return "".
//
// # Concurrency
//
// The package has no mutable state (its tables are constants): every function is safe
// for concurrent use, and every value it returns is immutable or owned by the caller.
// The generators take the caller's *rand.Rand, which, like any *rand.Rand, must not be
// shared between goroutines without locking.
//
// # Performance
//
// ParseCPF and ParseCNPJ validate a canonical value in about 13 and 15 ns without
// allocating (BenchmarkValidateCPF, BenchmarkValidateCNPJ, 2-core AMD EPYC): each is
// one unrolled pass with a single branch for the character classes, and CPF and CNPJ
// are held in machine words so they are returned in registers. ParsePhone, ParseCEP,
// ParseEmail (when already canonical), ParseLimit and CheckID allocate nothing on
// success either. Errors allocate: they build a
// Detail.
//
// [IN RFB 2.229/2024]: http://normas.receita.fazenda.gov.br/sijut2consulta/link.action?idAto=141102
// [Res. Anatel 749/2022]: https://informacoes.anatel.gov.br/legislacao/resolucoes/2022/1641-resolucao-749
// [E.164]: https://www.itu.int/rec/T-REC-E.164
// [RFC 5321]: https://www.rfc-editor.org/rfc/rfc5321
// [RFC 5322]: https://www.rfc-editor.org/rfc/rfc5322
package validation

package validation

import "github.com/dinie/lending/apierr"

// The reasons specific to documents and contact fields, kept in apierr.Error.Err so
// that callers branch with errors.Is; the generic ones (apierr.ErrEmpty,
// apierr.ErrLength, apierr.ErrCharacter, apierr.ErrSyntax, apierr.ErrRange,
// apierr.ErrPrefix) serve these fields too.
const (
	ErrMask           apierr.Reason = "misplaced separator"       // separators that are neither absent nor the canonical mask
	ErrLowercase      apierr.Reason = "lowercase letter"          // a lowercase CNPJ letter in strict mode
	ErrRepeatedDigits apierr.Reason = "repeated digits"           // a CPF of one repeated digit, the all-zero CNPJ
	ErrCheckDigit     apierr.Reason = "check digit mismatch"      // check digits that do not match the base
	ErrDDD            apierr.Reason = "unknown area code"         // a phone DDD outside Anatel's 67
	ErrCountryCode    apierr.Reason = "not a Brazilian number"    // a phone with a country code other than 55
	ErrSubscriber     apierr.Reason = "invalid subscriber number" // neither a mobile (9 + 8 digits) nor a landline (2–5 + 7 digits)
	ErrNonGeographic  apierr.Reason = "non-geographic number"     // 0800-style, 4004-style or a short code
	ErrHost           apierr.Reason = "invalid host"              // an e-mail domain or URL host that is missing or malformed
	ErrScheme         apierr.Reason = "not https"                 // a URL that is not absolute https
	ErrUserInfo       apierr.Reason = "user info in URL"          // a URL with user:password@
	ErrEnvironment    apierr.Reason = "wrong environment"         // a credential of the other environment (live vs sandbox)
)

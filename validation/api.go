package validation

import (
	"math/rand/v2"
	"net/url"
	"strings"

	"github.com/dinie/lending/apierr"
)

// Resource is a kind of API resource — the one resource type of the library: IDs are
// checked against it here, lifecycles and events name it (package statemachine). An
// ID is the resource's prefix followed by 32 lowercase hexadecimal digits, a UUID
// without hyphens. The zero value is no resource.
type Resource uint8

// The API's resources. All but KYCRequirement have IDs.
const (
	Customer        Resource = iota + 1 // cust_
	CreditOffer                         // co_
	Simulation                          // sim_
	Loan                                // ln_
	Transaction                         // tx_ (one per installment)
	WebhookEndpoint                     // we_
	Credential                          // dinie_ci_ (an API credential, identified by its client id)
	KYCRequirement                      // no ID: an item of a customer's kyc list, named by its type
)

// resources lists, per Resource, its prefix, name and ID field; index 0 is none.
func (r Resource) info() (prefix, name, param string) {
	switch r {
	case Customer:
		return "cust_", "customer", "customer_id"
	case CreditOffer:
		return "co_", "credit_offer", "credit_offer_id"
	case Simulation:
		return "sim_", "simulation", "simulation_id"
	case Loan:
		return "ln_", "loan", "loan_id"
	case Transaction:
		return "tx_", "transaction", "transaction_id"
	case WebhookEndpoint:
		return "we_", "webhook_endpoint", "webhook_endpoint_id"
	case Credential:
		return "dinie_ci_", "credential", "client_id"
	case KYCRequirement:
		return "", "kyc_requirement", "type"
	}
	return "", "", ""
}

// Prefix returns the ID prefix of r ("co_"), or "" if r has no IDs or is not a
// resource.
func (r Resource) Prefix() string { p, _, _ := r.info(); return p }

// String returns the resource's snake_case name ("credit_offer"), or "" if r is not
// a resource.
func (r Resource) String() string { _, n, _ := r.info(); return n }

// Param returns the wire name of a field holding an ID of r ("credit_offer_id"),
// the Param CheckID reports; "" if r is not a resource.
func (r Resource) Param() string { _, _, p := r.info(); return p }

// idHexLen is the length of an ID after its prefix.
const idHexLen = 32

// CheckID reports whether id is an ID of resource r: r's prefix and exactly 32
// lowercase hexadecimal digits. An ID of another resource (a loan ID where a credit
// offer ID is expected) fails with apierr.ErrPrefix and a Detail naming both. Errors are
// apierr.InvalidFormat with Param r.Param() ("credit_offer_id"), reasons apierr.ErrEmpty,
// apierr.ErrPrefix, apierr.ErrLength or apierr.ErrCharacter; relabel with WithParam ("id",
// "starting_after"). IDs are machine-made, so nothing is trimmed or case-folded.
// It allocates nothing when id is valid.
func CheckID(id string, r Resource) error {
	if e := checkID(id, r, r.Param()); e != nil {
		return e
	}
	return nil
}

// checkID is CheckID reporting param, as *apierr.Error.
func checkID(id string, r Resource, param string) *apierr.Error {
	prefix, name, _ := r.info()
	if prefix == "" {
		return apierr.Errorf(apierr.InvalidFormat, "id", "resource %d is not an API resource with IDs", r)
	}
	if id == "" {
		return apierr.Wrap(apierr.ErrEmpty, apierr.InvalidFormat, param, "%s is empty; expected %s followed by 32 lowercase hex digits", param, prefix)
	}
	if !strings.HasPrefix(id, prefix) {
		if other, ok := resourceByPrefix(id); ok {
			return apierr.Wrap(apierr.ErrPrefix, apierr.InvalidFormat, param, "%s %s is a %s ID; expected a %s ID, %s followed by 32 lowercase hex digits",
				param, apierr.Quote(id), other, name, prefix)
		}
		return apierr.Wrap(apierr.ErrPrefix, apierr.InvalidFormat, param, "%s %s does not start with %s; expected %s followed by 32 lowercase hex digits",
			param, apierr.Quote(id), prefix, prefix)
	}
	return checkHex(id[len(prefix):], id, param, prefix)
}

// checkHex checks the 32 lowercase hex digits after an ID's prefix.
func checkHex(hex, id, param, prefix string) *apierr.Error {
	if len(hex) != idHexLen {
		return apierr.Wrap(apierr.ErrLength, apierr.InvalidFormat, param, "%s %s has %d characters after %s; expected 32 lowercase hex digits",
			param, apierr.Quote(id), len(hex), prefix)
	}
	for i := 0; i < len(hex); i++ {
		if c := hex[i]; c-'0' > 9 && c-'a' > 5 {
			r := rune(c)
			if c >= 0x80 {
				r = firstRune(hex[i:])
			}
			return apierr.Wrap(apierr.ErrCharacter, apierr.InvalidFormat, param, "%s %s has %s at position %d; expected 32 lowercase hex digits after %s",
				param, apierr.Quote(id), apierr.QuoteRune(r), position(id, len(prefix)+i), prefix)
		}
	}
	return nil
}

// resourceByPrefix finds the resource whose prefix id starts with.
func resourceByPrefix(id string) (Resource, bool) {
	for r := Customer; r <= Credential; r++ {
		if strings.HasPrefix(id, r.Prefix()) {
			return r, true
		}
	}
	return 0, false
}

// ResourceOf returns the resource an ID belongs to, by its prefix, after checking it
// as CheckID does. An unknown prefix is apierr.InvalidFormat with apierr.ErrPrefix and Param "id".
func ResourceOf(id string) (Resource, error) {
	r, ok := resourceByPrefix(id)
	if !ok {
		if id == "" {
			return 0, apierr.Wrap(apierr.ErrEmpty, apierr.InvalidFormat, "id", "id is empty; expected a prefix such as co_ and 32 lowercase hex digits")
		}
		return 0, apierr.Wrap(apierr.ErrPrefix, apierr.InvalidFormat, "id", "id %s has no known prefix; expected one of cust_, co_, sim_, ln_, tx_, we_, dinie_ci_ and 32 lowercase hex digits",
			apierr.Quote(id))
	}
	if e := checkHex(id[len(r.Prefix()):], id, "id", r.Prefix()); e != nil {
		return 0, e
	}
	return r, nil
}

// GenerateID returns a new ID of resource r with 32 hex digits drawn from rnd (a nil
// rnd stands for a fixed seed, as in GenerateCPF), or "" if r is not a resource. Meant
// for mocks and tests: the API issues UUIDs, which this does not imitate beyond the
// format.
func GenerateID(r Resource, rnd *rand.Rand) string {
	prefix := r.Prefix()
	if prefix == "" {
		return ""
	}
	if rnd == nil {
		rnd = rand.New(rand.NewPCG(0, 0))
	}
	const hexDigits = "0123456789abcdef"
	b := make([]byte, len(prefix), len(prefix)+idHexLen)
	copy(b, prefix)
	for i := 0; i < idHexLen; i += 16 {
		u := rnd.Uint64()
		for range 16 {
			b = append(b, hexDigits[u&15])
			u >>= 4
		}
	}
	return string(b)
}

// Environment is the API environment a credential belongs to. The zero value is none.
type Environment uint8

// The two environments.
const (
	Live    Environment = iota + 1 // production: client secrets dinie_cs_live_…
	Sandbox                        // sandbox: client secrets dinie_cs_test_…
)

// String returns "live" or "sandbox", or "" for the zero value.
func (e Environment) String() string {
	switch e {
	case Live:
		return "live"
	case Sandbox:
		return "sandbox"
	}
	return ""
}

// Credential prefixes (docs/documents.md §8, docs/api.md §4).
const (
	ClientSecretLivePrefix = "dinie_cs_live_"
	ClientSecretTestPrefix = "dinie_cs_test_"
	AccessTokenPrefix      = "dinie_at_"
)

// ClientSecretEnvironment returns the environment a client secret belongs to, from
// its prefix: dinie_cs_live_ is Live, dinie_cs_test_ is Sandbox. The rest of the
// secret must be non-empty printable ASCII without spaces (its format is otherwise
// the issuer's). Failures are apierr.InvalidToken (401: the credential cannot be used)
// with Param "client_secret" and reason apierr.ErrEmpty, apierr.ErrPrefix or apierr.ErrCharacter. The
// Detail never repeats the secret.
func ClientSecretEnvironment(secret string) (Environment, error) {
	const param = "client_secret"
	var env Environment
	var rest string
	switch {
	case secret == "":
		return 0, apierr.Wrap(apierr.ErrEmpty, apierr.InvalidToken, param, "client_secret is empty; expected dinie_cs_live_… or dinie_cs_test_…")
	case strings.HasPrefix(secret, ClientSecretLivePrefix):
		env, rest = Live, secret[len(ClientSecretLivePrefix):]
	case strings.HasPrefix(secret, ClientSecretTestPrefix):
		env, rest = Sandbox, secret[len(ClientSecretTestPrefix):]
	default:
		return 0, apierr.Wrap(apierr.ErrPrefix, apierr.InvalidToken, param, "client_secret does not start with dinie_cs_live_ or dinie_cs_test_")
	}
	if err := checkSecretBody(rest, apierr.InvalidToken, param); err != nil {
		return 0, err
	}
	return env, nil
}

// CheckClientSecret reports whether secret is a well-formed client secret of
// environment env. One of the other environment (a live secret in the sandbox or
// the reverse) is apierr.Forbidden (403) with ErrEnvironment, as the contract
// prescribes; a malformed one fails as in ClientSecretEnvironment.
func CheckClientSecret(secret string, env Environment) error {
	got, err := ClientSecretEnvironment(secret)
	if err != nil {
		return err
	}
	if env != Live && env != Sandbox {
		return apierr.Errorf(apierr.InvalidFormat, "environment", "environment %d is neither live nor sandbox", env)
	}
	if got != env {
		return apierr.Wrap(ErrEnvironment, apierr.Forbidden, "client_secret",
			"client_secret is a %s credential; this is the %s environment", got, env)
	}
	return nil
}

// CheckAccessToken reports whether token has the shape of an access token:
// dinie_at_ and a non-empty rest of printable ASCII without spaces (the rest is a
// JWT, whose signature and expiry the issuer checks). An empty token is
// apierr.MissingToken; anything else malformed is apierr.InvalidToken. Param is
// "access_token"; the Detail never repeats the token.
func CheckAccessToken(token string) error {
	const param = "access_token"
	if token == "" {
		return apierr.Wrap(apierr.ErrEmpty, apierr.MissingToken, param, "access token is missing; expected dinie_at_…")
	}
	if !strings.HasPrefix(token, AccessTokenPrefix) {
		return apierr.Wrap(apierr.ErrPrefix, apierr.InvalidToken, param, "access token does not start with dinie_at_")
	}
	return checkSecretBody(token[len(AccessTokenPrefix):], apierr.InvalidToken, param)
}

// checkSecretBody checks what follows a credential's prefix, without echoing it.
func checkSecretBody(rest string, code apierr.Code, param string) error {
	if rest == "" {
		return apierr.Wrap(apierr.ErrLength, code, param, "%s has nothing after its prefix", param)
	}
	for i := 0; i < len(rest); i++ {
		if c := rest[i]; c <= ' ' || c >= 0x7f {
			return apierr.Wrap(apierr.ErrCharacter, code, param,
				"%s has a space, control or non-ASCII character; expected printable ASCII", param)
		}
	}
	return nil
}

// MaxWebhookURLLen is the longest webhook URL accepted, in bytes.
const MaxWebhookURLLen = 2048

// ParseWebhookURL checks a webhook endpoint URL and returns it parsed: an absolute
// https URL (ErrScheme) with a host (ErrHost), no user information (ErrUserInfo:
// credentials in a URL leak into logs) and at most 2,048 bytes (apierr.ErrLength), with no
// white space or control characters (apierr.ErrCharacter); anything net/url cannot parse is
// apierr.ErrSyntax. Failures are apierr.InvalidFormat with Param "url". The scheme may be in
// any case; nothing is trimmed. Whether the host resolves, or resolves to a private
// address (a server-side request forgery risk), needs the network and is the
// caller's to check. The returned *url.URL is new and belongs to the caller.
func ParseWebhookURL(s string) (*url.URL, error) {
	const param = "url"
	const expected = "expected an absolute https:// URL with a host, at most 2048 characters"
	if s == "" {
		return nil, apierr.Wrap(apierr.ErrEmpty, apierr.InvalidFormat, param, "url is empty; %s", expected)
	}
	if len(s) > MaxWebhookURLLen {
		return nil, apierr.Wrap(apierr.ErrLength, apierr.InvalidFormat, param, "url is %d characters long; %s", len(s), expected)
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c <= ' ' || c == 0x7f {
			return nil, apierr.Wrap(apierr.ErrCharacter, apierr.InvalidFormat, param, "url %s has %s at position %d; %s",
				apierr.Quote(s), apierr.QuoteRune(rune(c)), position(s, i), expected)
		}
	}
	u, err := url.Parse(s)
	if err != nil {
		return nil, apierr.Wrap(apierr.ErrSyntax, apierr.InvalidFormat, param, "url %s does not parse as a URL; %s", apierr.Quote(s), expected)
	}
	switch {
	case u.Scheme != "https":
		return nil, apierr.Wrap(ErrScheme, apierr.InvalidFormat, param, "url %s is not https; %s", apierr.Quote(s), expected)
	case u.User != nil:
		return nil, apierr.Wrap(ErrUserInfo, apierr.InvalidFormat, param, "url has user information before the host; %s", expected)
	case u.Opaque != "" || u.Hostname() == "":
		return nil, apierr.Wrap(ErrHost, apierr.InvalidFormat, param, "url %s has no host; %s", apierr.Quote(s), expected)
	}
	return u, nil
}

// Pagination bounds (docs/api.md §7).
const (
	DefaultLimit = 25
	MaxLimit     = 100
)

// ParseLimit parses the pagination limit from a query string value: "" means the
// default, 25; otherwise decimal digits only, from 1 to 100. Failures have Param
// "limit": anything but digits (a sign, spaces, "1e2") is apierr.InvalidFormat with
// apierr.ErrCharacter; a number outside 1–100 (however many digits) is
// apierr.ValueOutOfRange with apierr.ErrRange.
func ParseLimit(s string) (int, error) {
	if s == "" {
		return DefaultLimit, nil
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c-'0' > 9 {
			r := rune(c)
			if c >= 0x80 {
				r = firstRune(s[i:])
			}
			return 0, apierr.Wrap(apierr.ErrCharacter, apierr.InvalidFormat, "limit", "limit %s has %s at position %d; expected an integer from 1 to 100",
				apierr.Quote(s), apierr.QuoteRune(r), position(s, i))
		}
		if n <= MaxLimit {
			n = n*10 + int(c-'0')
		}
	}
	if n < 1 || n > MaxLimit {
		return 0, apierr.Wrap(apierr.ErrRange, apierr.ValueOutOfRange, "limit", "limit %s is out of range; expected an integer from 1 to 100", apierr.Quote(s))
	}
	return n, nil
}

// ParseStartingAfter checks the pagination cursor of a listing of resource r: ""
// means "from the start"; otherwise it must be an ID of r (CheckID), reported with
// Param "starting_after". It returns the cursor unchanged.
func ParseStartingAfter(s string, r Resource) (string, error) {
	if s == "" {
		return "", nil
	}
	if e := checkID(s, r, "starting_after"); e != nil {
		return "", e
	}
	return s, nil
}

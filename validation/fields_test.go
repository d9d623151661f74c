package validation_test

import (
	"encoding/json"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"pgregory.net/rapid"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/validation"
)

func TestParseEmail(t *testing.T) {
	local64 := strings.Repeat("a", 64)
	// 64 + 1 + 189 = 254 bytes: the longest address accepted.
	domain189 := strings.Repeat("b", 185) + ".com"
	ok := []struct{ in, want string }{
		{"ana@example.com", "ana@example.com"},
		{"  Ana.Silva+tag@Example.COM.br\n", "Ana.Silva+tag@example.com.br"}, // domain folded, local kept
		{"joão@exemplo.com.br", "joão@exemplo.com.br"},
		{"a@b.co", "a@b.co"},
		{"x@ÉXEMPLO.com", "x@Éxemplo.com"}, // only ASCII letters fold
		{local64 + "@example.com", local64 + "@example.com"},
		{local64 + "@" + domain189, local64 + "@" + domain189},
	}
	for _, c := range ok {
		got, err := validation.ParseEmail(c.in)
		if err != nil || got != c.want {
			t.Errorf("ParseEmail(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
	bad := []struct {
		in     string
		reason error
	}{
		{"", apierr.ErrEmpty},
		{" \n", apierr.ErrEmpty},
		{"ana", apierr.ErrSyntax},
		{"ana@@example.com", apierr.ErrSyntax},
		{"ana@exa@mple.com", apierr.ErrSyntax},
		{"@example.com", apierr.ErrSyntax},
		{"ana@", validation.ErrHost},
		{"ana@example", validation.ErrHost},
		{"ana@.example.com", validation.ErrHost},
		{"ana@example.com.", validation.ErrHost},
		{"ana@example..com", validation.ErrHost},
		{"ana@.", validation.ErrHost},
		{"ana silva@example.com", apierr.ErrCharacter},
		{"ana@exam\tple.com", apierr.ErrCharacter},
		{"ana@example.com\x00", apierr.ErrCharacter},
		{"\xffana@example.com", apierr.ErrCharacter},
		{local64 + "a@example.com", apierr.ErrLength},
		{local64 + "@b" + domain189, apierr.ErrLength}, // 255 bytes
	}
	for _, c := range bad {
		got, err := validation.ParseEmail(c.in)
		if got != "" {
			t.Errorf("ParseEmail(%q) = %q with an error", c.in, got)
		}
		checkErr(t, "ParseEmail("+quoteShort(c.in)+")", err, apierr.InvalidFormat, "email", c.reason)
	}
}

// checkEmail: never panics, agrees with the rules written as plain string
// operations, and the canonical form is a fixed point.
func checkEmail(t tb, s string) {
	got, err := validation.ParseEmail(s)
	trimmed := strings.Trim(s, " \t\n\v\f\r")
	local, domain, _ := strings.Cut(trimmed, "@")
	valid := trimmed != "" && len(trimmed) <= 254 && strings.Count(trimmed, "@") == 1 &&
		utf8.ValidString(trimmed) && !strings.ContainsFunc(trimmed, func(r rune) bool { return r <= ' ' || r == 0x7f }) &&
		local != "" && len(local) <= 64 && strings.Contains(domain, ".") &&
		!strings.HasPrefix(domain, ".") && !strings.HasSuffix(domain, ".") && !strings.Contains(domain, "..")
	if !valid {
		checkErr(t, "ParseEmail("+quoteShort(s)+")", err, apierr.InvalidFormat, "email", nil)
		return
	}
	if err != nil || !strings.EqualFold(got, trimmed) {
		t.Fatalf("ParseEmail(%q) = %q, %v; want valid", s, got, err)
	}
	if again, err := validation.ParseEmail(got); err != nil || again != got {
		t.Fatalf("ParseEmail(%q) = %q, %v; canonical form not a fixed point", got, again, err)
	}
}

func TestParseEmailMatchesRules(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := rapid.StringOfN(rapid.RuneFrom([]rune("ab@.AZ é\t-")), 0, 20, -1).Draw(t, "s")
		checkEmail(t, s)
	})
}

func FuzzParseEmail(f *testing.F) {
	for _, s := range []string{"ana@example.com", " A@B.CO ", "a@b", "@", "a@@b.c", "a@b..c"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkEmail(t, s) })
}

func TestParseCEP(t *testing.T) {
	for _, c := range []struct{ in, want, format string }{
		{"01310-100", "01310100", "01310-100"},
		{"01310100", "01310100", "01310-100"},
		{" 01310-100\n", "01310100", "01310-100"},
		{"00000000", "00000000", "00000-000"}, // any 8 digits: existence is the Correios' business
	} {
		got, err := validation.ParseCEP(c.in)
		if err != nil || got.String() != c.want || got.Format() != c.format {
			t.Errorf("ParseCEP(%q) = %q %q, %v; want %q", c.in, got, got.Format(), err, c.want)
		}
	}
	for _, c := range []struct {
		in     string
		reason error
	}{
		{"", apierr.ErrEmpty},
		{"0131010", apierr.ErrLength},
		{"013101000", apierr.ErrLength},
		{"01310-1000", apierr.ErrLength},
		{"0131-0100", validation.ErrMask},
		{"013101-00", validation.ErrMask},
		{"01.310-100", apierr.ErrCharacter},
		{"01310 100", apierr.ErrCharacter},
		{"01310—100", apierr.ErrCharacter},
		{"0131O100", apierr.ErrCharacter},
	} {
		got, err := validation.ParseCEP(c.in)
		if !got.IsZero() {
			t.Errorf("ParseCEP(%q) = %q with an error", c.in, got)
		}
		checkErr(t, "ParseCEP("+c.in+")", err, apierr.InvalidFormat, "cep", c.reason)
	}
	var z validation.CEP
	if !z.IsZero() || z.String() != "" || z.Format() != "" {
		t.Error("zero CEP is not empty")
	}
	type addr struct {
		CEP validation.CEP `json:"cep"`
	}
	var a addr
	if err := json.Unmarshal([]byte(`{"cep":"01310-100"}`), &a); err != nil {
		t.Fatal(err)
	}
	if out, _ := json.Marshal(a); string(out) != `{"cep":"01310100"}` {
		t.Errorf("Marshal = %s", out)
	}
}

func checkCEP(t tb, s string) {
	got, err := validation.ParseCEP(s)
	tr := strings.Trim(s, " \t\n\v\f\r")
	digits := strings.Replace(tr, "-", "", 1)
	valid := (len(tr) == 8 || len(tr) == 9 && tr[5] == '-') && len(digits) == 8 &&
		strings.Trim(digits, "0123456789") == ""
	if !valid {
		checkErr(t, "ParseCEP("+quoteShort(s)+")", err, apierr.InvalidFormat, "cep", nil)
		return
	}
	if err != nil || got.String() != digits {
		t.Fatalf("ParseCEP(%q) = %q, %v; want %q", s, got, err, digits)
	}
	if back, err := validation.ParseCEP(got.Format()); err != nil || back != got {
		t.Fatalf("ParseCEP(%q) = %v, %v", got.Format(), back, err)
	}
}

func FuzzParseCEP(f *testing.F) {
	for _, s := range []string{"01310-100", "01310100", "0131-0100", "", " 01310-100 "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkCEP(t, s) })
}

func TestParseCEPMatchesRules(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		checkCEP(t, rapid.StringOfN(rapid.RuneFrom([]rune("0123456789- .")), 0, 11, -1).Draw(t, "s"))
	})
}

func TestResources(t *testing.T) {
	// docs/api.md §3: ID prefixes.
	for _, c := range []struct {
		r                   validation.Resource
		prefix, name, param string
	}{
		{validation.Customer, "cust_", "customer", "customer_id"},
		{validation.CreditOffer, "co_", "credit_offer", "credit_offer_id"},
		{validation.Simulation, "sim_", "simulation", "simulation_id"},
		{validation.Loan, "ln_", "loan", "loan_id"},
		{validation.Transaction, "tx_", "transaction", "transaction_id"},
		{validation.WebhookEndpoint, "we_", "webhook_endpoint", "webhook_endpoint_id"},
		{validation.Credential, "dinie_ci_", "credential", "client_id"},
		{validation.KYCRequirement, "", "kyc_requirement", "type"},
		{0, "", "", ""},
		{99, "", "", ""},
	} {
		if c.r.Prefix() != c.prefix || c.r.String() != c.name || c.r.Param() != c.param {
			t.Errorf("Resource %d = %q %q %q", c.r, c.r.Prefix(), c.r.String(), c.r.Param())
		}
		if c.prefix == "" {
			checkErr(t, "CheckID(bad resource)", validation.CheckID("co_550e8400e29b41d4a716446655440000", c.r),
				apierr.InvalidFormat, "id", nil)
			if validation.GenerateID(c.r, nil) != "" {
				t.Errorf("RandomID(%d) is not empty", c.r)
			}
			continue
		}
		id := c.prefix + "550e8400e29b41d4a716446655440000"
		if err := validation.CheckID(id, c.r); err != nil {
			t.Errorf("CheckID(%q) = %v", id, err)
		}
		if r, err := validation.ResourceOf(id); err != nil || r != c.r {
			t.Errorf("ResourceOf(%q) = %v, %v", id, r, err)
		}
	}
}

func TestCheckID(t *testing.T) {
	const hex = "550e8400e29b41d4a716446655440000" // docs/api.md §2's example
	for _, c := range []struct {
		in     string
		reason error
	}{
		{"", apierr.ErrEmpty},
		{"ln_" + hex, apierr.ErrPrefix},
		{"xx_" + hex, apierr.ErrPrefix},
		{" co_" + hex, apierr.ErrPrefix},
		{"CO_" + hex, apierr.ErrPrefix},
		{"co_550E8400E29B41D4A716446655440000", apierr.ErrCharacter},
		{"co_550e8400e29b41d4a71644665544000g", apierr.ErrCharacter},
		{"co_550e8400e29b41d4a71644665544000é", apierr.ErrLength},
		{"co_550e8400-e29b-41d4-a716-446655440000", apierr.ErrLength},
		{"co_550e8400e29b41d4a71644665544000", apierr.ErrLength},
		{"co_" + hex + "0", apierr.ErrLength},
		{"co_", apierr.ErrLength},
	} {
		checkErr(t, "CheckID("+c.in+")", validation.CheckID(c.in, validation.CreditOffer),
			apierr.InvalidFormat, "credit_offer_id", c.reason)
	}
	err := validation.CheckID("ln_"+hex, validation.CreditOffer)
	if !strings.Contains(err.Error(), "loan ID") {
		t.Errorf("wrong-resource Detail does not name the resource: %v", err)
	}
	if n := testing.AllocsPerRun(100, func() { _ = validation.CheckID("co_"+hex, validation.CreditOffer) }); n != 0 {
		t.Errorf("CheckID allocates %v times on success", n)
	}
	for _, s := range []string{"", "co_", "xx_" + hex, "co_" + hex[1:]} {
		_, err := validation.ResourceOf(s)
		checkErr(t, "ResourceOf("+s+")", err, apierr.InvalidFormat, "id", nil)
	}
}

func TestRandomID(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		r := validation.Resource(rapid.IntRange(1, 7).Draw(t, "r"))
		rnd := rand.New(rand.NewPCG(rapid.Uint64().Draw(t, "seed"), 9))
		id := validation.GenerateID(r, rnd)
		if err := validation.CheckID(id, r); err != nil {
			t.Fatalf("RandomID(%v) = %q: %v", r, id, err)
		}
		if got, err := validation.ResourceOf(id); err != nil || got != r {
			t.Fatalf("ResourceOf(%q) = %v, %v", id, got, err)
		}
	})
}

func TestPagination(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int
	}{{"", 25}, {"1", 1}, {"25", 25}, {"100", 100}, {"025", 25}, {"0000000000000000000000001", 1}} {
		if got, err := validation.ParseLimit(c.in); err != nil || got != c.want {
			t.Errorf("ParseLimit(%q) = %d, %v; want %d", c.in, got, err, c.want)
		}
	}
	for _, c := range []struct {
		in     string
		reason error
	}{
		{"0", apierr.ErrRange}, {"101", apierr.ErrRange}, {"1000", apierr.ErrRange},
		{"99999999999999999999999999", apierr.ErrRange},
		{"-1", apierr.ErrCharacter}, {"+5", apierr.ErrCharacter}, {" 5", apierr.ErrCharacter},
		{"5 ", apierr.ErrCharacter}, {"1e2", apierr.ErrCharacter}, {"2.5", apierr.ErrCharacter},
		{"٣", apierr.ErrCharacter},
	} {
		got, err := validation.ParseLimit(c.in)
		if got != 0 {
			t.Errorf("ParseLimit(%q) = %d with an error", c.in, got)
		}
		code := apierr.InvalidFormat
		if c.reason == apierr.ErrRange {
			code = apierr.ValueOutOfRange
		}
		checkErr(t, "ParseLimit("+c.in+")", err, code, "limit", c.reason)
	}
	const id = "ln_550e8400e29b41d4a716446655440000"
	if got, err := validation.ParseStartingAfter("", validation.Loan); err != nil || got != "" {
		t.Errorf("ParseStartingAfter(\"\") = %q, %v", got, err)
	}
	if got, err := validation.ParseStartingAfter(id, validation.Loan); err != nil || got != id {
		t.Errorf("ParseStartingAfter(%q) = %q, %v", id, got, err)
	}
	_, err := validation.ParseStartingAfter(id, validation.Customer)
	checkErr(t, "ParseStartingAfter(loan id, customers)", err, apierr.InvalidFormat, "starting_after", apierr.ErrPrefix)
	if !strings.HasPrefix(err.Error(), "invalid_format: starting_after ") {
		t.Errorf("Detail does not name starting_after: %v", err)
	}
}

func TestCredentials(t *testing.T) {
	for _, c := range []struct {
		in   string
		want validation.Environment
	}{{"dinie_cs_live_abc123", validation.Live}, {"dinie_cs_test_abc123", validation.Sandbox}} {
		if env, err := validation.ClientSecretEnvironment(c.in); err != nil || env != c.want {
			t.Errorf("ClientSecretEnvironment(%q) = %v, %v", c.in, env, err)
		}
		if err := validation.CheckClientSecret(c.in, c.want); err != nil {
			t.Errorf("CheckClientSecret(%q, %v) = %v", c.in, c.want, err)
		}
	}
	if validation.Live.String() != "live" || validation.Sandbox.String() != "sandbox" || validation.Environment(0).String() != "" {
		t.Error("Environment.String")
	}
	for _, c := range []struct {
		in     string
		reason error
	}{
		{"", apierr.ErrEmpty}, {"dinie_cs_prod_secretvalue", apierr.ErrPrefix},
		{"dinie_at_secretvalue", apierr.ErrPrefix}, {"DINIE_CS_LIVE_secretvalue", apierr.ErrPrefix},
		{"dinie_cs_live_", apierr.ErrLength}, {"dinie_cs_live_secret value", apierr.ErrCharacter},
		{"dinie_cs_test_secretvalué", apierr.ErrCharacter},
	} {
		_, err := validation.ClientSecretEnvironment(c.in)
		checkErr(t, "ClientSecretEnvironment("+c.in+")", err, apierr.InvalidToken, "client_secret", c.reason)
		if c.in != "" && strings.Contains(err.Error(), "secret value") || strings.Contains(err.Error(), "secretvalue") {
			t.Errorf("the Detail repeats the secret: %v", err)
		}
	}
	// docs/api.md §4: a live secret in the sandbox (or the reverse) is forbidden.
	err := validation.CheckClientSecret("dinie_cs_live_abc123", validation.Sandbox)
	checkErr(t, "live secret in sandbox", err, apierr.Forbidden, "client_secret", validation.ErrEnvironment)
	err = validation.CheckClientSecret("dinie_cs_test_abc123", validation.Live)
	checkErr(t, "test secret in live", err, apierr.Forbidden, "client_secret", validation.ErrEnvironment)
	checkErr(t, "bad environment", validation.CheckClientSecret("dinie_cs_test_abc123", 0), apierr.InvalidFormat, "environment", nil)

	if err := validation.CheckAccessToken("dinie_at_eyJhbGciOiJIUzI1NiJ9.e30.sig"); err != nil {
		t.Errorf("CheckAccessToken = %v", err)
	}
	checkErr(t, "empty token", validation.CheckAccessToken(""), apierr.MissingToken, "access_token", apierr.ErrEmpty)
	checkErr(t, "Bearer token", validation.CheckAccessToken("Bearer dinie_at_x"), apierr.InvalidToken, "access_token", apierr.ErrPrefix)
	checkErr(t, "bare prefix", validation.CheckAccessToken("dinie_at_"), apierr.InvalidToken, "access_token", apierr.ErrLength)
	checkErr(t, "newline", validation.CheckAccessToken("dinie_at_x\n"), apierr.InvalidToken, "access_token", apierr.ErrCharacter)

}

func TestParseWebhookURL(t *testing.T) {
	long := "https://example.com/" + strings.Repeat("a", validation.MaxWebhookURLLen-len("https://example.com/"))
	for _, s := range []string{
		"https://example.com/webhooks",
		"HTTPS://Example.com:8443/hooks?x=1#frag",
		"https://192.0.2.1/hook",
		"https://[2001:db8::1]/hook",
		long, // exactly 2,048 bytes
	} {
		u, err := validation.ParseWebhookURL(s)
		if err != nil || u == nil || u.Scheme != "https" {
			t.Errorf("ParseWebhookURL(%q) = %v, %v", quoteShort(s), u, err)
		}
	}
	for _, c := range []struct {
		in     string
		reason error
	}{
		{"", apierr.ErrEmpty},
		{long + "a", apierr.ErrLength},
		{"http://example.com/hook", validation.ErrScheme},
		{"ftp://example.com/hook", validation.ErrScheme},
		{"example.com/hook", validation.ErrScheme},
		{"//example.com/hook", validation.ErrScheme},
		{"/hook", validation.ErrScheme},
		{"https://", validation.ErrHost},
		{"https:///hook", validation.ErrHost},
		{"https:example.com", validation.ErrHost},
		{"https://:443/hook", validation.ErrHost},
		{"https://user:pass@example.com/hook", validation.ErrUserInfo},
		{"https://user@example.com/hook", validation.ErrUserInfo},
		{"https://exa mple.com/", apierr.ErrCharacter},
		{" https://example.com/", apierr.ErrCharacter},
		{"https://example.com/\n", apierr.ErrCharacter},
		{"https://[::1/hook", apierr.ErrSyntax},
		{"https://example.com:port/", apierr.ErrSyntax},
		{"https://example.com/%zz", apierr.ErrSyntax},
	} {
		u, err := validation.ParseWebhookURL(c.in)
		if u != nil {
			t.Errorf("ParseWebhookURL(%q) = %v with an error", c.in, u)
		}
		checkErr(t, "ParseWebhookURL("+quoteShort(c.in)+")", err, apierr.InvalidFormat, "url", c.reason)
	}
	_, err := validation.ParseWebhookURL("https://user:hunter2@example.com/")
	if strings.Contains(err.Error(), "hunter2") {
		t.Errorf("Detail leaks the password: %v", err)
	}
}

func FuzzParseWebhookURL(f *testing.F) {
	for _, s := range []string{"https://example.com/webhooks", "http://x", "https://u@x", "https://[::1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		u, err := validation.ParseWebhookURL(s)
		if err != nil {
			checkErr(t, "ParseWebhookURL", err, apierr.InvalidFormat, "url", nil)
			return
		}
		if u.Scheme != "https" || u.User != nil || u.Hostname() == "" || len(s) > validation.MaxWebhookURLLen {
			t.Fatalf("ParseWebhookURL(%q) accepted %#v", s, u)
		}
		// What parses re-parses from its canonical form.
		if back, err := validation.ParseWebhookURL(u.String()); err != nil || back.String() != u.String() {
			t.Fatalf("ParseWebhookURL(%q) = %v, %v; from %q", u.String(), back, err, s)
		}
	})
}

func FuzzParseLimit(f *testing.F) {
	for _, s := range []string{"", "1", "100", "101", "-1", "025"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := validation.ParseLimit(s)
		digits := s != "" && strings.Trim(s, "0123456789") == ""
		value := -1
		if t := strings.TrimLeft(s, "0"); digits && len(t) <= 3 {
			value, _ = strconv.Atoi(t) // "" (all zeros) gives 0
		}
		inRange := value >= 1 && value <= 100
		switch {
		case s == "":
			if n != 25 || err != nil {
				t.Fatalf("ParseLimit(\"\") = %d, %v", n, err)
			}
		case inRange:
			if err != nil || n != value {
				t.Fatalf("ParseLimit(%q) = %d, %v", s, n, err)
			}
		case digits:
			checkErr(t, "ParseLimit("+quoteShort(s)+")", err, apierr.ValueOutOfRange, "limit", apierr.ErrRange)
		default:
			checkErr(t, "ParseLimit("+quoteShort(s)+")", err, apierr.InvalidFormat, "limit", apierr.ErrCharacter)
		}
	})
}

// FuzzCheckID: CheckID, ResourceOf and ParseStartingAfter never panic and agree
// with the rule written as plain string operations: a resource's prefix and 32
// lowercase hex digits.
func FuzzCheckID(f *testing.F) {
	f.Add("co_550e8400e29b41d4a716446655440000")
	f.Add("ln_550e8400e29b41d4a716446655440000")
	f.Add("dinie_ci_550e8400e29b41d4a716446655440000")
	f.Add("cust_550E8400E29B41D4A716446655440000")
	f.Add("")
	f.Fuzz(func(t *testing.T, s string) {
		resources := []validation.Resource{validation.Customer, validation.CreditOffer, validation.Simulation,
			validation.Loan, validation.Transaction, validation.WebhookEndpoint, validation.Credential}
		isID := func(r validation.Resource) bool {
			hex, ok := strings.CutPrefix(s, r.Prefix())
			return ok && len(hex) == 32 && strings.Trim(hex, "0123456789abcdef") == ""
		}
		var owner validation.Resource
		for _, r := range resources {
			valid := isID(r)
			if valid {
				owner = r
			}
			err := validation.CheckID(s, r)
			if valid != (err == nil) {
				t.Fatalf("CheckID(%q, %v) = %v, want valid %v", s, r, err, valid)
			}
			if err != nil {
				checkErr(t, "CheckID", err, apierr.InvalidFormat, r.Param(), nil)
			}
			got, err := validation.ParseStartingAfter(s, r)
			switch {
			case s == "":
				if err != nil || got != "" {
					t.Fatalf("ParseStartingAfter(\"\", %v) = %q, %v; want the start", r, got, err)
				}
			case valid:
				if err != nil || got != s {
					t.Fatalf("ParseStartingAfter(%q, %v) = %q, %v", s, r, got, err)
				}
			default:
				checkErr(t, "ParseStartingAfter", err, apierr.InvalidFormat, "starting_after", nil)
			}
		}
		r, err := validation.ResourceOf(s)
		if owner == 0 {
			checkErr(t, "ResourceOf("+quoteShort(s)+")", err, apierr.InvalidFormat, "id", nil)
		} else if err != nil || r != owner {
			t.Fatalf("ResourceOf(%q) = %v, %v; want %v", s, r, err, owner)
		}
	})
}

// FuzzCredentials: the credential checks never panic, never echo the input, and
// agree with their prefix rules written as plain string operations.
func FuzzCredentials(f *testing.F) {
	for _, s := range []string{"", "dinie_cs_live_x", "dinie_cs_test_x", "dinie_at_e.y.z", "dinie_cs_live_ x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		printable := func(rest string) bool {
			return rest != "" && !strings.ContainsFunc(rest, func(r rune) bool { return r <= ' ' || r >= 0x7f })
		}
		env, err := validation.ClientSecretEnvironment(s)
		live, test := strings.CutPrefix(s, "dinie_cs_live_")
		rest, sandbox := strings.CutPrefix(s, "dinie_cs_test_")
		if !sandbox {
			rest = live
		}
		switch {
		case (test || sandbox) && printable(rest):
			if err != nil || (env == validation.Live) != test {
				t.Fatalf("ClientSecretEnvironment(%q) = %v, %v", s, env, err)
			}
		default:
			checkErr(t, "ClientSecretEnvironment", err, apierr.InvalidToken, "client_secret", nil)
		}
		rest, ok := strings.CutPrefix(s, "dinie_at_")
		if err := validation.CheckAccessToken(s); (ok && printable(rest)) != (err == nil) {
			t.Fatalf("CheckAccessToken(%q) = %v", s, err)
		}
	})
}

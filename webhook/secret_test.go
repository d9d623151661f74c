package webhook_test

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/webhook"
	"pgregory.net/rapid"
)

func TestParseSecret(t *testing.T) {
	ok := []struct {
		in    string
		bytes int
	}{
		{"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", 24}, // the reference libraries' secret
		{"MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", 24},       // the prefix is optional
		{"whsec_" + base64Std(bytes.Repeat([]byte{7}, 25)), 25},
		{"whsec_" + base64Std(bytes.Repeat([]byte{7}, 26)), 26},
		{"whsec_" + base64Std(bytes.Repeat([]byte{0xff}, 32)), 32},
		{"whsec_" + base64Std(bytes.Repeat([]byte{0xfb}, 64)), 64},
	}
	for _, c := range ok {
		s, err := webhook.ParseSecret(c.in)
		want := c.in
		if !strings.HasPrefix(want, "whsec_") {
			want = "whsec_" + want
		}
		if err != nil || s.Encode() != want {
			t.Errorf("ParseSecret(%q) = %q, %v; want %q", c.in, s.Encode(), err, want)
		}
		raw, _ := base64.StdEncoding.DecodeString(strings.TrimPrefix(want, "whsec_"))
		if len(raw) != c.bytes {
			t.Errorf("%q: %d bytes, want %d", c.in, len(raw), c.bytes)
		}
	}
	bad := []struct {
		name, in string
		reason   error
	}{
		{"empty", "", apierr.ErrEmpty},
		{"bare prefix", "whsec_", apierr.ErrEmpty},
		{"not base64 (the bug of the old check)", "whsec_not!base64", apierr.ErrCharacter},
		{"URL-safe alphabet", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2La-_Sw", apierr.ErrCharacter},
		{"line break inside", "whsec_MfKQ9r8GKYqrTwjU\nPD8ILPZIo2LaLaSw", apierr.ErrCharacter},
		{"space after", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw ", apierr.ErrCharacter},
		{"space before", " whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", apierr.ErrCharacter},
		{"uppercase prefix", "WHSEC_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", apierr.ErrCharacter},
		{"prefix twice", "whsec_whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", apierr.ErrCharacter},
		{"asymmetric key prefix", "whsk_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", apierr.ErrCharacter},
		{"unpadded", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaS", apierr.ErrSyntax},
		{"padding missing", "whsec_" + strings.TrimRight(base64Std(make([]byte, 25)), "="), apierr.ErrSyntax},
		{"padding inside", "whsec_MfKQ9r8G=YqrTwjUPD8ILPZIo2LaLaSw", apierr.ErrSyntax},
		{"nonzero unused bits", "whsec_" + nonCanonical(25), apierr.ErrSyntax},
		{"23 bytes", "whsec_" + base64Std(make([]byte, 23)), apierr.ErrLength},
		{"65 bytes", "whsec_" + base64Std(make([]byte, 65)), apierr.ErrLength},
		{"66 bytes", "whsec_" + base64Std(make([]byte, 66)), apierr.ErrLength},
		{"a megabyte", "whsec_" + strings.Repeat("A", 1<<20), apierr.ErrLength},
		{"one character", "whsec_A", apierr.ErrSyntax},
		{"only padding", "whsec_====", apierr.ErrSyntax},
	}
	for _, c := range bad {
		s, err := webhook.ParseSecret(c.in)
		if s != (webhook.Secret{}) {
			t.Errorf("%s: ParseSecret returned a secret with an error", c.name)
		}
		checkErr(t, c.name, err, apierr.InvalidFormat, "secret", c.reason)
		if err != nil && (strings.Contains(err.Error(), "MfKQ") || strings.Contains(err.Error(), "LaSw") ||
			strings.Contains(err.Error(), "not!")) {
			t.Errorf("%s: the error repeats the secret: %v", c.name, err)
		}
	}
}

// nonCanonical is the base64 of n zero bytes with the last data character changed so
// that its unused low bits are not zero (decoders that are not strict accept it).
func nonCanonical(n int) string {
	s := []byte(base64Std(make([]byte, n)))
	i := bytes.IndexByte(s, '=') - 1
	s[i] = 'B'
	return string(s)
}

// refParseSecret is the slow reference of ParseSecret's acceptance: an optional
// prefix, then a match of padded base64's grammar, decoding strictly to 24–64 bytes.
var padded = regexp.MustCompile(`^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$`)

func refParseSecret(s string) ([]byte, bool) {
	rest := strings.TrimPrefix(s, "whsec_")
	if !padded.MatchString(rest) {
		return nil, false
	}
	key, err := base64.StdEncoding.Strict().DecodeString(rest)
	if err != nil || len(key) < 24 || len(key) > 64 {
		return nil, false
	}
	return key, true
}

// TestSecretRoundTrip: any key of 24 to 64 bytes, encoded by the standard library,
// parses (with or without the prefix) and encodes back to the same text.
func TestSecretRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		key := rapid.SliceOfN(rapid.Byte(), 24, 64).Draw(t, "key")
		text := "whsec_" + base64Std(key)
		for _, in := range []string{text, text[len("whsec_"):]} {
			s, err := webhook.ParseSecret(in)
			if err != nil || s.Encode() != text {
				t.Fatalf("ParseSecret(%q) = %q, %v", in, s.Encode(), err)
			}
		}
		if s1, s2 := mustSecretR(t, text), mustSecretR(t, text[6:]); s1 != s2 {
			t.Fatal("the same key parsed twice gives secrets that differ")
		}
	})
}

func mustSecretR(t *rapid.T, s string) webhook.Secret {
	sec, err := webhook.ParseSecret(s)
	if err != nil {
		t.Fatal(err)
	}
	return sec
}

// TestParseSecretMatchesReference: on strings near the grammar (base64 characters,
// padding, the prefix, strays), ParseSecret accepts exactly what the reference does.
func TestParseSecretMatchesReference(t *testing.T) {
	accepted := 0
	alphabet := []rune("AAAAAQgw+/=_-! \nwhsec")
	rapid.Check(t, func(t *rapid.T) {
		var s string
		if rapid.Bool().Draw(t, "from a key") {
			key := rapid.SliceOfN(rapid.Byte(), 20, 68).Draw(t, "key")
			s = base64Std(key)
			if rapid.Bool().Draw(t, "mutate") && len(s) > 0 {
				i := rapid.IntRange(0, len(s)-1).Draw(t, "at")
				s = s[:i] + string(rapid.SampledFrom(alphabet).Draw(t, "to")) + s[i+1:]
			}
		} else {
			s = rapid.StringOf(rapid.SampledFrom(alphabet)).Draw(t, "text")
		}
		if rapid.Bool().Draw(t, "prefix") {
			s = "whsec_" + s
		}
		checkParseSecret(t, s)
		if _, ok := refParseSecret(s); ok {
			accepted++
		}
	})
	if accepted < 20 {
		t.Fatalf("vacuous: only %d secrets accepted", accepted)
	}
}

func checkParseSecret(t tb, s string) {
	t.Helper()
	got, err := webhook.ParseSecret(s)
	key, ok := refParseSecret(s)
	switch {
	case ok && err != nil:
		t.Fatalf("ParseSecret(%q) = %v; the reference accepts it", s, err)
	case !ok && err == nil:
		t.Fatalf("ParseSecret(%q) accepted; the reference refuses it", s)
	case ok && got.Encode() != "whsec_"+base64Std(key):
		t.Fatalf("ParseSecret(%q) = %q", s, got.Encode())
	case !ok:
		checkErr(t, fmt.Sprintf("ParseSecret(%q)", s), err, apierr.InvalidFormat, "secret", nil)
	}
}

func TestGenerateSecret(t *testing.T) {
	// 32 bytes 0x00 … 0x1f, whose base64 the standard library writes independently.
	var seq [40]byte
	for i := range seq {
		seq[i] = byte(i)
	}
	s, err := webhook.GenerateSecret(bytes.NewReader(seq[:]))
	want := "whsec_" + base64Std(seq[:32])
	if err != nil || s.Encode() != want || want != "whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=" {
		t.Errorf("GenerateSecret = %q, %v; want %q", s.Encode(), err, want)
	}
	if back := mustSecret(t, s.Encode()); back != s {
		t.Error("a generated secret does not parse back to itself")
	}
	for _, c := range []struct {
		name   string
		r      func() *bytes.Reader
		reason error
	}{
		{"short read", func() *bytes.Reader { return bytes.NewReader(seq[:31]) }, nil},
	} {
		_, err := webhook.GenerateSecret(c.r())
		checkErr(t, c.name, err, apierr.Internal, "", c.reason)
	}
	_, err = webhook.GenerateSecret(nil)
	checkErr(t, "nil reader", err, apierr.Internal, "", apierr.ErrNil)
	failing := iotest.ErrReader(errors.New("entropy exhausted"))
	_, err = webhook.GenerateSecret(failing)
	checkErr(t, "failing reader", err, apierr.Internal, "", nil)
	if !strings.Contains(err.Error(), "entropy exhausted") {
		t.Errorf("the read error is lost: %v", err)
	}
}

// TestSecretRedacted: no fmt verb prints the key of a secret, in any encoding.
func TestSecretRedacted(t *testing.T) {
	s := mustSecret(t, vectors[0].secret)
	raw, _ := base64.StdEncoding.DecodeString(strings.TrimPrefix(vectors[0].secret, "whsec_"))
	type holder struct{ S webhook.Secret }
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%X"} {
		for _, v := range []any{s, holder{s}, &holder{s}, []webhook.Secret{s}, webhook.EndpointSecret{Secret: s}} {
			out := fmt.Sprintf(verb, v)
			if strings.Contains(out, "MfKQ9r8G") || strings.Contains(out, string(raw[:6])) ||
				strings.Contains(strings.ToLower(out), fmt.Sprintf("%x", raw[:6])) {
				t.Errorf("fmt.Sprintf(%q, %T) = %s reveals the key", verb, v, out)
			}
		}
	}
	if s.String() != "whsec_(redacted)" || (webhook.Secret{}).String() != "" || (webhook.Secret{}).Encode() != "" {
		t.Errorf("String = %q", s.String())
	}
}

var t0 = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

func values(ss []webhook.Secret) []string {
	var out []string
	for _, s := range ss {
		out = append(out, s.Encode())
	}
	return out
}

func entries(ss []webhook.EndpointSecret) []string {
	var out []string
	for _, s := range ss {
		out = append(out, s.Secret.Encode())
	}
	return out
}

func equalStrings(a []string, b ...string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestRotateSecret(t *testing.T) {
	a, b, c, d := secretOf(0, 24), secretOf(1, 32), secretOf(2, 48), secretOf(3, 64)
	A, B, C, D := a.Encode(), b.Encode(), c.Encode(), d.Encode()
	secrets := []webhook.EndpointSecret{{Secret: a}}
	s1, err := webhook.RotateSecret(secrets, b, t0, webhook.DefaultExpireCurrentIn)
	if err != nil || !equalStrings(entries(s1), B, A) || !s1[0].ExpiresAt.IsZero() ||
		!s1[1].ExpiresAt.Equal(t0.Add(time.Hour)) {
		t.Fatalf("RotateSecret = %v, %v", entries(s1), err)
	}
	if !secrets[0].ExpiresAt.IsZero() {
		t.Error("RotateSecret modified its input")
	}
	// Valid at: both until t0 + 3600 s (exclusive), then only the new one.
	for _, c := range []struct {
		at   time.Time
		want []string
	}{
		{t0, []string{B, A}},
		{t0.Add(time.Hour - time.Nanosecond), []string{B, A}},
		{t0.Add(time.Hour), []string{B}},
		{t0.Add(48 * time.Hour), []string{B}},
	} {
		got, err := webhook.ValidSecrets(s1, c.at)
		if err != nil || !equalStrings(values(got), c.want...) {
			t.Errorf("ValidSecrets(%s) = %v, %v; want %v", c.at, values(got), err, c.want)
		}
	}
	// expire_current_in 0 retires the old secret at once; 86400 keeps it a day.
	s0, _ := webhook.RotateSecret(secrets, b, t0, 0)
	if got, _ := webhook.ValidSecrets(s0, t0); !equalStrings(values(got), B) {
		t.Errorf("expire_current_in 0: valid at rotation = %v", values(got))
	}
	sMax, _ := webhook.RotateSecret(secrets, b, t0, webhook.MaxExpireCurrentIn)
	if got, _ := webhook.ValidSecrets(sMax, t0.Add(24*time.Hour-time.Second)); len(got) != 2 {
		t.Errorf("expire_current_in 86400: %v", values(got))
	}
	// A second rotation inside the window keeps the first rotated-out secret until its
	// own expiry, latest expiry first.
	s2, err := webhook.RotateSecret(s1, c, t0.Add(30*time.Minute), 7200)
	if err != nil || !equalStrings(entries(s2), C, B, A) ||
		!s2[1].ExpiresAt.Equal(t0.Add(150*time.Minute)) || !s2[2].ExpiresAt.Equal(t0.Add(time.Hour)) {
		t.Fatalf("second rotation = %v, %v", entries(s2), err)
	}
	// A third after the first window drops the expired secret.
	s3, err := webhook.RotateSecret(s2, d, t0.Add(2*time.Hour), 60)
	if err != nil || !equalStrings(entries(s3), D, B, C) {
		t.Fatalf("third rotation = %v, %v", entries(s3), err)
	}
	// ValidSecrets puts the current secret first whatever the stored order.
	got, err := webhook.ValidSecrets([]webhook.EndpointSecret{s3[2], s3[1], s3[0]}, t0.Add(2*time.Hour))
	if err != nil || !equalStrings(values(got), D, C, B) {
		t.Errorf("ValidSecrets(reversed) = %v, %v", values(got), err)
	}
}

func TestRotateSecretErrors(t *testing.T) {
	a, b, c := secretOf(0, 24), secretOf(1, 24), secretOf(2, 24)
	one := []webhook.EndpointSecret{{Secret: a}}
	full := []webhook.EndpointSecret{{Secret: a}}
	for i := 1; i < webhook.MaxSecrets; i++ {
		full = append(full, webhook.EndpointSecret{Secret: secretOf(byte(10+i), 24), ExpiresAt: t0.Add(time.Hour)})
	}
	tests := []struct {
		name    string
		secrets []webhook.EndpointSecret
		new     webhook.Secret
		now     time.Time
		in      int
		code    apierr.Code
		param   string
		reason  error
	}{
		{"negative window", one, b, t0, -1, apierr.ValueOutOfRange, "expire_current_in", apierr.ErrRange},
		{"window too long", one, b, t0, 86401, apierr.ValueOutOfRange, "expire_current_in", apierr.ErrRange},
		{"zero now", one, b, time.Time{}, 10, apierr.MissingRequiredField, "now", apierr.ErrEmpty},
		{"zero new", one, webhook.Secret{}, t0, 10, apierr.InvalidFormat, "secret", apierr.ErrEmpty},
		{"same as current", one, a, t0, 10, apierr.InvalidFormat, "secret", apierr.ErrDuplicate},
		{"no secrets", nil, b, t0, 10, apierr.InvalidFormat, "secret", nil},
		{"two current", []webhook.EndpointSecret{{Secret: a}, {Secret: b}}, c, t0, 10, apierr.InvalidFormat, "secret", nil},
		{"no current", []webhook.EndpointSecret{{Secret: a, ExpiresAt: t0}}, c, t0, 10, apierr.InvalidFormat, "secret", nil},
		{"zero secret", []webhook.EndpointSecret{{}}, c, t0, 10, apierr.InvalidFormat, "secret", apierr.ErrEmpty},
		{"repeated", []webhook.EndpointSecret{{Secret: a}, {Secret: a, ExpiresAt: t0}}, c, t0, 10, apierr.InvalidFormat, "secret", apierr.ErrDuplicate},
		{"too many stored", append(full, webhook.EndpointSecret{Secret: b, ExpiresAt: t0}), c, t0, 10, apierr.InvalidFormat, "secret", apierr.ErrLength},
		{"would leave eleven", full, c, t0, 10, apierr.InvalidFormat, "secret", apierr.ErrLength},
	}
	for _, tt := range tests {
		got, err := webhook.RotateSecret(tt.secrets, tt.new, tt.now, tt.in)
		if got != nil {
			t.Errorf("%s: RotateSecret = %v with an error", tt.name, entries(got))
		}
		checkErr(t, tt.name, err, tt.code, tt.param, tt.reason)
		for _, s := range append(tt.secrets, webhook.EndpointSecret{Secret: tt.new}) {
			if enc := s.Secret.Encode(); enc != "" && strings.Contains(err.Error(), enc[6:12]) {
				t.Errorf("%s: the error reveals a secret: %v", tt.name, err)
			}
		}
	}
	// Retiring the old secret at once leaves room: ten still fit.
	if _, err := webhook.RotateSecret(full, c, t0, 0); err != nil {
		t.Errorf("rotation with expire_current_in 0 on a full endpoint: %v", err)
	}
	_, err := webhook.ValidSecrets(one, time.Time{})
	checkErr(t, "ValidSecrets(zero time)", err, apierr.MissingRequiredField, "at", apierr.ErrEmpty)
	_, err = webhook.ValidSecrets(nil, t0)
	checkErr(t, "ValidSecrets(nil)", err, apierr.InvalidFormat, "secret", nil)
}

// TestSecretRotationWalk: over random rotations at increasing instants, the secrets
// valid at any instant are exactly those of a slow model (each secret remembers when
// it was rotated out and its window), and the current secret, first, is always the
// last one created.
func TestSecretRotationWalk(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		type model struct {
			value string
			until time.Time // zero: current
		}
		ms := []model{{value: secretOf(0, 32).Encode()}}
		secrets := []webhook.EndpointSecret{{Secret: secretOf(0, 32)}}
		now := t0
		for k := 1; k <= 8; k++ {
			now = now.Add(time.Duration(rapid.IntRange(0, 100000).Draw(t, "gap")) * time.Second)
			in := rapid.IntRange(0, webhook.MaxExpireCurrentIn).Draw(t, "in")
			v := secretOf(byte(k), 32)
			var err error
			secrets, err = webhook.RotateSecret(secrets, v, now, in)
			if err != nil {
				t.Fatal(err)
			}
			for i := range ms {
				if ms[i].until.IsZero() {
					ms[i].until = now.Add(time.Duration(in) * time.Second)
				}
			}
			ms = append(ms, model{value: v.Encode()})
			probe := now.Add(time.Duration(rapid.IntRange(0, 90000).Draw(t, "probe")) * time.Second)
			got, err := webhook.ValidSecrets(secrets, probe)
			if err != nil {
				t.Fatal(err)
			}
			want := map[string]bool{}
			for _, m := range ms {
				if m.until.IsZero() || probe.Before(m.until) {
					want[m.value] = true
				}
			}
			if len(got) != len(want) || got[0] != v {
				t.Fatalf("valid at %s: %v, model %v", probe, values(got), want)
			}
			for _, s := range got {
				if !want[s.Encode()] {
					t.Fatalf("valid at %s: %v, model %v", probe, values(got), want)
				}
			}
		}
	})
}

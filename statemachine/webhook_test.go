package statemachine

import (
	"errors"
	"testing"
	"time"

	"github.com/dinie/lending/apierr"
	"pgregory.net/rapid"
)

func values(ss []Secret) []string {
	var out []string
	for _, s := range ss {
		out = append(out, s.Value)
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
	t0 := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	secrets := []Secret{{Value: "whsec_a"}}
	s1, err := RotateSecret(secrets, "whsec_b", t0, DefaultExpireCurrentIn)
	if err != nil || !equalStrings(values(s1), "whsec_b", "whsec_a") || !s1[0].ExpiresAt.IsZero() ||
		!s1[1].ExpiresAt.Equal(t0.Add(time.Hour)) {
		t.Fatalf("RotateSecret = %+v, %v", s1, err)
	}
	if !secrets[0].ExpiresAt.IsZero() {
		t.Error("RotateSecret modified its input")
	}
	// Valid at: both until t0 + 3600 s (exclusive), then only the new one.
	for _, c := range []struct {
		at   time.Time
		want []string
	}{
		{t0, []string{"whsec_b", "whsec_a"}},
		{t0.Add(time.Hour - time.Nanosecond), []string{"whsec_b", "whsec_a"}},
		{t0.Add(time.Hour), []string{"whsec_b"}},
		{t0.Add(48 * time.Hour), []string{"whsec_b"}},
	} {
		got, err := ValidSecrets(s1, c.at)
		if err != nil || !equalStrings(values(got), c.want...) {
			t.Errorf("ValidSecrets(%s) = %v, %v; want %v", c.at, values(got), err, c.want)
		}
	}
	// expire_current_in 0 retires the old secret at once; 86400 keeps it a day.
	s0, _ := RotateSecret(secrets, "whsec_b", t0, 0)
	if got, _ := ValidSecrets(s0, t0); !equalStrings(values(got), "whsec_b") {
		t.Errorf("expire_current_in 0: valid at rotation = %v", values(got))
	}
	sMax, _ := RotateSecret(secrets, "whsec_b", t0, MaxExpireCurrentIn)
	if got, _ := ValidSecrets(sMax, t0.Add(24*time.Hour-time.Second)); len(got) != 2 {
		t.Errorf("expire_current_in 86400: %v", values(got))
	}
	// A second rotation inside the window keeps the first rotated-out secret until its own
	// expiry, latest expiry first.
	s2, err := RotateSecret(s1, "whsec_c", t0.Add(30*time.Minute), 7200)
	if err != nil || !equalStrings(values(s2), "whsec_c", "whsec_b", "whsec_a") ||
		!s2[1].ExpiresAt.Equal(t0.Add(150*time.Minute)) || !s2[2].ExpiresAt.Equal(t0.Add(time.Hour)) {
		t.Fatalf("second rotation = %+v, %v", s2, err)
	}
	// A third after the first window drops the expired secret.
	s3, err := RotateSecret(s2, "whsec_d", t0.Add(2*time.Hour), 60)
	if err != nil || !equalStrings(values(s3), "whsec_d", "whsec_b", "whsec_c") {
		t.Fatalf("third rotation = %v, %v", values(s3), err)
	}
}

func TestRotateSecretErrors(t *testing.T) {
	t0 := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	one := []Secret{{Value: "whsec_a"}}
	tests := []struct {
		name    string
		secrets []Secret
		new     string
		now     time.Time
		in      int
		code    apierr.Code
		param   string
	}{
		{"negative window", one, "whsec_b", t0, -1, apierr.ValueOutOfRange, "expire_current_in"},
		{"window too long", one, "whsec_b", t0, 86401, apierr.ValueOutOfRange, "expire_current_in"},
		{"zero now", one, "whsec_b", time.Time{}, 10, apierr.MissingRequiredField, "now"},
		{"empty new", one, "", t0, 10, apierr.InvalidFormat, "secret"},
		{"new without prefix", one, "secret_b", t0, 10, apierr.InvalidFormat, "secret"},
		{"new with a space", one, "whsec_b c", t0, 10, apierr.InvalidFormat, "secret"},
		{"old without prefix", []Secret{{Value: "a"}}, "whsec_b", t0, 10, apierr.InvalidFormat, "secret"},
		{"same as current", one, "whsec_a", t0, 10, apierr.InvalidFormat, "secret"},
		{"no secrets", nil, "whsec_b", t0, 10, apierr.InvalidFormat, "secret"},
		{"two current", []Secret{{Value: "whsec_a"}, {Value: "whsec_b"}}, "whsec_c", t0, 10, apierr.InvalidFormat, "secret"},
		{"no current", []Secret{{Value: "whsec_a", ExpiresAt: t0}}, "whsec_c", t0, 10, apierr.InvalidFormat, "secret"},
		{"empty secret", []Secret{{Value: ""}}, "whsec_c", t0, 10, apierr.InvalidFormat, "secret"},
		{"repeated", []Secret{{Value: "whsec_a"}, {Value: "whsec_a", ExpiresAt: t0}}, "whsec_c", t0, 10, apierr.InvalidFormat, "secret"},
	}
	for _, tt := range tests {
		got, err := RotateSecret(tt.secrets, tt.new, tt.now, tt.in)
		var ve *apierr.Error
		if !errors.As(err, &ve) || ve.Code != tt.code || ve.Param != tt.param || got != nil {
			t.Errorf("%s: RotateSecret = %v, %v; want %s/%s", tt.name, got, err, tt.code, tt.param)
			continue
		}
		for _, s := range append(tt.secrets, Secret{Value: tt.new}) {
			if len(s.Value) > 1 && contains(ve.Detail, s.Value) {
				t.Errorf("%s: the error reveals a secret: %q", tt.name, ve.Detail)
			}
		}
	}
	if _, err := ValidSecrets(one, time.Time{}); !errors.Is(err, apierr.MissingRequiredField) {
		t.Errorf("ValidSecrets(zero time) = %v", err)
	}
	if _, err := ValidSecrets(nil, t0); !errors.Is(err, apierr.InvalidFormat) {
		t.Errorf("ValidSecrets(nil) = %v", err)
	}
}

func contains(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return true
		}
	}
	return false
}

// TestSecretRotationWalk: over random rotations at increasing instants, the secrets valid
// at any instant are exactly those of a slow model (each secret remembers when it was
// rotated out and its window), and the current secret is always the last one created.
func TestSecretRotationWalk(t *testing.T) {
	t0 := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	rapid.Check(t, func(t *rapid.T) {
		type model struct {
			value string
			until time.Time // zero: current
		}
		ms := []model{{value: "whsec_0"}}
		secrets := []Secret{{Value: "whsec_0"}}
		now := t0
		for k := 1; k <= 8; k++ {
			now = now.Add(time.Duration(rapid.IntRange(0, 100000).Draw(t, "gap")) * time.Second)
			in := rapid.IntRange(0, MaxExpireCurrentIn).Draw(t, "in")
			v := "whsec_" + itoa(k)
			var err error
			secrets, err = RotateSecret(secrets, v, now, in)
			if err != nil {
				t.Fatal(err)
			}
			for i := range ms {
				if ms[i].until.IsZero() {
					ms[i].until = now.Add(time.Duration(in) * time.Second)
				}
			}
			ms = append(ms, model{value: v})
			probe := now.Add(time.Duration(rapid.IntRange(0, 90000).Draw(t, "probe")) * time.Second)
			got, err := ValidSecrets(secrets, probe)
			if err != nil {
				t.Fatal(err)
			}
			want := map[string]bool{}
			for _, m := range ms {
				if m.until.IsZero() || probe.Before(m.until) {
					want[m.value] = true
				}
			}
			if len(got) != len(want) || got[0].Value != v {
				t.Fatalf("valid at %s: %v, model %v", probe, values(got), want)
			}
			for _, s := range got {
				if !want[s.Value] {
					t.Fatalf("valid at %s: %v, model %v", probe, values(got), want)
				}
			}
		}
	})
}

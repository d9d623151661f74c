package api_test

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/dinie/lending/api"
	"github.com/dinie/lending/apierr"
)

func TestAccessToken(t *testing.T) {
	key := bytes.Repeat([]byte{7}, 32)
	const client = "dinie_ci_0123456789abcdef0123456789abcdef"
	at := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	tok, err := api.IssueAccessToken(key, client, at.Add(500*time.Millisecond))
	if err != nil || !strings.HasPrefix(tok, "dinie_at_") {
		t.Fatalf("IssueAccessToken = %q, %v", tok, err)
	}
	// Second implementation of the signature: HMAC-SHA256 over header.payload,
	// base64url without padding (RFC 7515 §3.1, RFC 7518 §3.2).
	jwt := strings.TrimPrefix(tok, "dinie_at_")
	parts := strings.Split(jwt, ".")
	m := hmac.New(sha256.New, key)
	m.Write([]byte(parts[0] + "." + parts[1]))
	if len(parts) != 3 || parts[2] != base64.RawURLEncoding.EncodeToString(m.Sum(nil)) {
		t.Fatalf("token %q is not an HS256 JWT under the key", tok)
	}
	claims, _ := base64.RawURLEncoding.DecodeString(parts[1])
	if string(claims) != `{"sub":"`+client+`","iat":1773144000,"exp":1773147600}` {
		t.Errorf("claims = %s", claims)
	}
	id, iat, err := api.ParseAccessToken(key, tok)
	if err != nil || id != client || !iat.Equal(at) {
		t.Errorf("ParseAccessToken = %q, %v, %v", id, iat, err)
	}
	other := bytes.Repeat([]byte{8}, 32)
	for _, bad := range []string{tok[:len(tok)-1] + "A", strings.Replace(tok, parts[1], parts[1]+"x", 1), "dinie_at_abc", "dinie_at_a.b.c"} {
		if _, _, err := api.ParseAccessToken(key, bad); !errors.Is(err, apierr.InvalidToken) {
			t.Errorf("ParseAccessToken(%.20q…) = %v, want invalid_token", bad, err)
		}
	}
	if _, _, err := api.ParseAccessToken(other, tok); !errors.Is(err, apierr.InvalidToken) {
		t.Errorf("another key: %v", err)
	}
	if _, _, err := api.ParseAccessToken(key, ""); !errors.Is(err, apierr.MissingToken) {
		t.Errorf("empty token: %v", err)
	}
	if _, err := api.IssueAccessToken(key[:31], client, at); !errors.Is(err, apierr.Internal) {
		t.Errorf("short key: %v", err)
	}
}

func FuzzParseAccessToken(f *testing.F) {
	key := bytes.Repeat([]byte{7}, 32)
	tok, _ := api.IssueAccessToken(key, "dinie_ci_0123456789abcdef0123456789abcdef", time.Unix(1773144000, 0))
	f.Add(tok)
	f.Add("dinie_at_eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9..")
	f.Fuzz(func(t *testing.T, s string) {
		id, _, err := api.ParseAccessToken(key, s)
		var e *apierr.Error
		if err != nil && (!errors.As(err, &e) || e.Code == "") {
			t.Fatalf("error %v is not an *apierr.Error", err)
		}
		if err == nil && s != tok {
			t.Fatalf("a token the key did not sign was accepted: %q (client %q)", s, id)
		}
	})
}

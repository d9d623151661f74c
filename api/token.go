package api

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"strings"
	"time"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/internal/strictjson"
	"github.com/dinie/lending/validation"
)

// Access tokens are "dinie_at_" followed by a JWT (RFC 7519) signed with HS256 under
// the server's key: header {"alg":"HS256","typ":"JWT"}, claims {"sub": client_id,
// "iat": issued at, "exp": iat + 3600}, all base64url without padding. The claims say
// who and when; whether the token is still accepted (expiry, a credential revoked
// after it was issued) is statemachine.Credential.TokenValid's to decide.

// MinTokenKeyLen is the shortest HMAC key IssueAccessToken and ParseAccessToken accept:
// 32 bytes, the output size of SHA-256 (RFC 2104 §3).
const MinTokenKeyLen = 32

// maxTokenLen bounds what ParseAccessToken reads: a client id and two timestamps take
// far less.
const maxTokenLen = 1024

const jwtHeader = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9" // base64url of {"alg":"HS256","typ":"JWT"}

type tokenClaims struct {
	Sub string `json:"sub"`
	Iat int64  `json:"iat"`
	Exp int64  `json:"exp"`
}

// IssueAccessToken returns an access token for clientID issued at issuedAt (whole
// seconds; the fraction is dropped). Errors: a key shorter than MinTokenKeyLen is
// internal_error; a clientID that is not a credential id is invalid_format.
func IssueAccessToken(key []byte, clientID string, issuedAt time.Time) (string, error) {
	if len(key) < MinTokenKeyLen {
		return "", apierr.Errorf(apierr.Internal, "", "the token key has %d bytes; expected at least %d", len(key), MinTokenKeyLen)
	}
	if err := validation.CheckID(clientID, validation.Credential); err != nil {
		return "", err
	}
	iat := issuedAt.Unix()
	claims, _ := json.Marshal(tokenClaims{Sub: clientID, Iat: iat, Exp: iat + int64(tokenLifetimeSeconds)})
	body := jwtHeader + "." + base64.RawURLEncoding.EncodeToString(claims)
	return validation.AccessTokenPrefix + body + "." + sign(key, body), nil
}

const tokenLifetimeSeconds = 3600

func sign(key []byte, body string) string {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(body))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

// ParseAccessToken checks an access token's shape and signature and returns its
// client id and issue instant. Errors, all invalid_token (401) with param
// "authorization" unless the token is empty (missing_token): a token that is not
// dinie_at_ and three base64url parts, another header, a signature that does not
// match (compared in constant time), or claims that do not parse. The Detail never
// repeats the token.
func ParseAccessToken(key []byte, token string) (clientID string, issuedAt time.Time, err error) {
	if err := validation.CheckAccessToken(token); err != nil {
		return "", time.Time{}, apierr.Relabel(err, "authorization")
	}
	bad := func(why string) (string, time.Time, error) {
		return "", time.Time{}, apierr.Errorf(apierr.InvalidToken, "authorization", "the access token %s", why)
	}
	if len(key) < MinTokenKeyLen {
		return "", time.Time{}, apierr.Errorf(apierr.Internal, "", "the token key has %d bytes; expected at least %d", len(key), MinTokenKeyLen)
	}
	if len(token) > maxTokenLen {
		return bad("is too long")
	}
	jwt := token[len(validation.AccessTokenPrefix):]
	header, rest, ok := strings.Cut(jwt, ".")
	payload, sig, ok2 := strings.Cut(rest, ".")
	if !ok || !ok2 || header != jwtHeader {
		return bad("is not a token this server issued")
	}
	want := sign(key, header+"."+payload)
	if !hmac.Equal([]byte(sig), []byte(want)) {
		return bad("has an invalid signature")
	}
	raw, derr := base64.RawURLEncoding.DecodeString(payload)
	var c tokenClaims
	if derr != nil || strictjson.Unmarshal(raw, &c) != nil || c.Exp != c.Iat+tokenLifetimeSeconds {
		return bad("has malformed claims")
	}
	return c.Sub, time.Unix(c.Iat, 0).UTC(), nil
}

package webhook_test

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/webhook"
)

// tb is what both *testing.T and *rapid.T offer.
type tb interface {
	Helper()
	Errorf(format string, args ...any)
	Fatalf(format string, args ...any)
}

// checkErr fails t unless err is an *apierr.Error with the given code and param that
// also matches reason through errors.Is (when reason is not nil), and whose Detail is
// a single non-empty line.
func checkErr(t tb, what string, err error, code apierr.Code, param string, reason error) {
	t.Helper()
	var e *apierr.Error
	if !errors.As(err, &e) {
		t.Errorf("%s: error = %v (%T), want *apierr.Error %s", what, err, err, code)
		return
	}
	if e.Code != code || e.Param != param {
		t.Errorf("%s: code, param = %s, %q; want %s, %q (%v)", what, e.Code, e.Param, code, param, err)
	}
	if !errors.Is(err, code) {
		t.Errorf("%s: errors.Is(err, %s) = false", what, code)
	}
	if reason != nil && !errors.Is(err, reason) {
		t.Errorf("%s: errors.Is(err, %v) = false; err = %v (cause %v)", what, reason, err, e.Err)
	}
	if e.Detail == "" || strings.ContainsAny(e.Detail, "\n\r\t") {
		t.Errorf("%s: Detail %q is empty or not a single line", what, e.Detail)
	}
}

func mustSecret(t testing.TB, s string) webhook.Secret {
	t.Helper()
	sec, err := webhook.ParseSecret(s)
	if err != nil {
		t.Fatalf("ParseSecret: %v", err)
	}
	return sec
}

// refSign is the slow, obvious signer the package is checked against: the signed
// content built with fmt-style concatenation, one HMAC per key, tokens joined by
// spaces. keys are raw key bytes.
func refSign(keys [][]byte, id string, ts int64, body []byte) string {
	content := id + "." + strconv.FormatInt(ts, 10) + "." + string(body)
	var toks []string
	for _, k := range keys {
		m := hmac.New(sha256.New, k)
		m.Write([]byte(content))
		toks = append(toks, "v1,"+base64.StdEncoding.EncodeToString(m.Sum(nil)))
	}
	return strings.Join(toks, " ")
}

// refVerify is the slow, obvious verifier: the rules of the package doc, written
// plainly, on already-checked arguments. It reports whether the delivery verifies.
func refVerify(keys [][]byte, id, tsText, sig string, body []byte, now time.Time, tol time.Duration) bool {
	if id == "" || tsText == "" || sig == "" || len(id) > webhook.MaxIDLen || len(sig) > webhook.MaxSignatureLen ||
		len(tsText) > webhook.MaxTimestampDigits || len(body) > webhook.MaxBodyLen {
		return false
	}
	for _, c := range []byte(id) {
		if c <= ' ' || c >= 0x7f || c == '.' {
			return false
		}
	}
	for _, c := range []byte(tsText) {
		if c < '0' || c > '9' {
			return false
		}
	}
	ts, err := strconv.ParseInt(tsText, 10, 64)
	if err != nil {
		return false // above MaxInt64: far from any clock
	}
	nowSec := now.Unix()
	tolSec := int64(tol / time.Second)
	if (nowSec > ts && nowSec-ts > tolSec) || (ts > nowSec && ts-nowSec > tolSec) {
		return false
	}
	expected := strings.Fields(refSign(keys, id, ts, body))
	for _, tok := range strings.FieldsFunc(sig, func(r rune) bool { return r == ' ' || r == '\t' }) {
		for _, want := range expected {
			if tok == want {
				return true
			}
		}
	}
	return false
}

func base64Std(b []byte) string { return base64.StdEncoding.EncodeToString(b) }

func headersOf(id, ts, sig string) http.Header {
	h := http.Header{}
	if id != "" {
		h.Set(webhook.HeaderID, id)
	}
	if ts != "" {
		h.Set(webhook.HeaderTimestamp, ts)
	}
	if sig != "" {
		h.Set(webhook.HeaderSignature, sig)
	}
	return h
}

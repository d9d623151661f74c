package main

import (
	"encoding/json"
	"errors"
	"flag"
	"os"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/webhook"
)

// The Standard Webhooks libraries' fixed vectors (their own tests; the signatures
// also recomputed with Python's hmac, hashlib and base64), and the second secret's
// token over the first message, computed the same way in Python.
const (
	whSecret1 = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
	whID1     = "msg_p5jXN8AQM9LWM0D4loKWxJek"
	whBody1   = `{"test": 2432232314}`
	whSig1    = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
	whSecret2 = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD"
	whID2     = "msg_27UH4WbU6Z5A5EzD8u03UvzRbpk"
	whBody2   = `{"email":"test@example.com","username":"test_user"}`
	whSig2    = "v1,tZ1I4/hDygAJgO5TYxiSd6Sd0kDW6hPenDe+bTa3Kkw="
	whSig1By2 = "v1,78nXHjpFP0tVJQW5D0SBwmVyyW87BV/rL6MgfM/Bw44="
)

// jsonLine encodes one batch input line.
func jsonLine(t *testing.T, v map[string]any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// webhookOutput is any output line of the webhook batches, decoded strictly.
type webhookOutput struct {
	Signature *string       `json:"signature"`
	OK        *bool         `json:"ok"`
	Error     *apierr.Error `json:"error"`
}

func decodeWebhookOutputs(t *testing.T, out string) []webhookOutput {
	t.Helper()
	var res []webhookOutput
	for _, l := range strings.SplitAfter(out, "\n") {
		if l == "" {
			continue
		}
		if !strings.HasSuffix(l, "\n") {
			t.Fatalf("output line %q does not end in a newline", l)
		}
		var o webhookOutput
		dec := json.NewDecoder(strings.NewReader(l))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&o); err != nil {
			t.Fatalf("output line %q: %v", l, err)
		}
		res = append(res, o)
	}
	return res
}

func TestWebhookSignBatch(t *testing.T) {
	lines := []string{
		jsonLine(t, map[string]any{"secrets": []string{whSecret1}, "id": whID1, "timestamp": 1614265330, "body": whBody1}),
		jsonLine(t, map[string]any{"secrets": []string{whSecret2[6:]}, "id": whID2, "timestamp": 1649367553, "body": whBody2}),
		// A rotation: one token per secret, in the order given.
		jsonLine(t, map[string]any{"secrets": []string{whSecret1, whSecret2}, "id": whID1, "timestamp": 1614265330, "body": whBody1}),
		"",
		`{"secrets":["whsec_not!base64"],"id":"m","timestamp":1,"body":""}`,
		`{"secrets":[],"id":"m","timestamp":1,"body":""}`,
		`{"secrets":"` + whSecret1 + `","id":"m","timestamp":1,"body":""}`,
		`{"secrets":["` + whSecret1 + `",7],"id":"m","timestamp":1,"body":""}`,
		`{"id":"m","timestamp":1,"body":""}`,
		`{"secrets":["` + whSecret1 + `"],"timestamp":1,"body":""}`,
		`{"secrets":["` + whSecret1 + `"],"id":"a.b","timestamp":1,"body":""}`,
		`{"secrets":["` + whSecret1 + `"],"id":"m","body":""}`,
		`{"secrets":["` + whSecret1 + `"],"id":"m","timestamp":"1","body":""}`,
		`{"secrets":["` + whSecret1 + `"],"id":"m","timestamp":1.5,"body":""}`,
		`{"secrets":["` + whSecret1 + `"],"id":"m","timestamp":-1,"body":""}`,
		`{"secrets":["` + whSecret1 + `"],"id":"m","timestamp":1}`,
		`{"secrets":["` + whSecret1 + `"],"id":"m","timestamp":1,"body":"","now":1}`,
		`{"secrets":["` + whSecret1 + `","` + whSecret1[6:] + `"],"id":"m","timestamp":1,"body":""}`,
		`[1]`,
		`{"secrets":null,"id":"m","timestamp":1,"body":""}`,
	}
	code, out, errOut := runCLI(t, strings.Join(lines, "\n")+"\n", "webhook", "sign", "--batch")
	if code != exitInvalid || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	got := decodeWebhookOutputs(t, out)
	want := []struct {
		sig   string
		code  apierr.Code
		param string
	}{
		{sig: whSig1}, {sig: whSig2}, {sig: whSig1 + " " + whSig1By2},
		{code: apierr.InvalidFormat, param: "secrets[0]"},
		{code: apierr.InvalidFormat, param: "secrets"},
		{code: apierr.InvalidFormat, param: "secrets"},
		{code: apierr.InvalidFormat, param: "secrets[1]"},
		{code: apierr.MissingRequiredField, param: "secrets"},
		{code: apierr.MissingRequiredField, param: "id"},
		{code: apierr.InvalidFormat, param: "id"},
		{code: apierr.MissingRequiredField, param: "timestamp"},
		{code: apierr.InvalidFormat, param: "timestamp"},
		{code: apierr.InvalidFormat, param: "timestamp"},
		{code: apierr.ValueOutOfRange, param: "timestamp"},
		{code: apierr.MissingRequiredField, param: "body"},
		{code: apierr.InvalidFormat, param: "now"},
		{code: apierr.InvalidFormat, param: "secrets"},
		{code: apierr.MalformedBody, param: ""},
		{code: apierr.MissingRequiredField, param: "secrets"},
	}
	if len(got) != len(want) {
		t.Fatalf("%d output lines for %d inputs:\n%s", len(got), len(want), out)
	}
	for i, w := range want {
		g := got[i]
		switch {
		case w.sig != "" && (g.Signature == nil || *g.Signature != w.sig || g.Error != nil):
			t.Errorf("line %d: %+v, want signature %q", i+1, g, w.sig)
		case w.sig == "" && (g.Error == nil || g.Error.Code != w.code || g.Error.Param != w.param || g.Error.Detail == ""):
			t.Errorf("line %d: %+v, want %s/%s", i+1, g.Error, w.code, w.param)
		}
	}
}

func TestWebhookVerifyBatch(t *testing.T) {
	base := func(edit func(map[string]any)) string {
		m := map[string]any{"secrets": []string{whSecret1}, "id": whID1, "timestamp": 1614265330,
			"signature": whSig1, "body": whBody1, "now": 1614265330}
		edit(m)
		return jsonLine(t, m)
	}
	lines := []string{
		base(func(map[string]any) {}),
		base(func(m map[string]any) { m["now"] = 1614265330 + 300 }), // the edge is inclusive
		base(func(m map[string]any) { m["now"] = 1614265330 - 300 }), // on both sides
		base(func(m map[string]any) { m["signature"] = "v1a,x  v2,y " + whSig1 + " v1,bad" }),
		base(func(m map[string]any) { m["secrets"] = []string{whSecret2, whSecret1} }),
		base(func(m map[string]any) { m["signature"] = whSig1By2; m["secrets"] = []string{whSecret2} }),
		base(func(m map[string]any) { m["tolerance"] = 1; m["now"] = 1614265331 }),
		base(func(m map[string]any) { m["timestamp"] = "1614265330" }),
		base(func(m map[string]any) { m["now"] = 1614265330 + 301 }),
		base(func(m map[string]any) { m["now"] = 1614265330 - 301 }),
		base(func(m map[string]any) { m["body"] = whBody1 + "\n" }),
		base(func(m map[string]any) { m["signature"] = whSig2 }),
		base(func(m map[string]any) { m["signature"] = "v1a,only" }),
		base(func(m map[string]any) { delete(m, "id") }),
		base(func(m map[string]any) { m["timestamp"] = nil }),
		base(func(m map[string]any) { m["signature"] = "" }),
		base(func(m map[string]any) { m["timestamp"] = json.RawMessage("1.6142653e9") }),
		base(func(m map[string]any) { m["timestamp"] = "abc" }),
		base(func(m map[string]any) { m["timestamp"] = true }),
		base(func(m map[string]any) { m["tolerance"] = 0 }),
		base(func(m map[string]any) { m["tolerance"] = -5 }),
		base(func(m map[string]any) { m["tolerance"] = 1.5 }),
		base(func(m map[string]any) { m["tolerance"] = 1e12 }),
		base(func(m map[string]any) { m["now"] = "1614265330" }),
		base(func(m map[string]any) { m["signature"] = 5 }),
		base(func(m map[string]any) { m["extra"] = 1 }),
	}
	code, out, errOut := runCLI(t, strings.Join(lines, "\n"), "webhook", "verify", "--batch")
	if code != exitInvalid || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	got := decodeWebhookOutputs(t, out)
	ok := apierr.Code("")
	want := []struct {
		code  apierr.Code
		param string
	}{
		{ok, ""}, {ok, ""}, {ok, ""}, {ok, ""}, {ok, ""}, {ok, ""}, {ok, ""}, {ok, ""},
		{apierr.TimestampOutOfRange, "timestamp"},
		{apierr.TimestampOutOfRange, "timestamp"},
		{apierr.InvalidSignature, "signature"},
		{apierr.InvalidSignature, "signature"},
		{apierr.InvalidSignature, "signature"},
		{apierr.MissingRequiredField, "id"},
		{apierr.MissingRequiredField, "timestamp"},
		{apierr.MissingRequiredField, "signature"},
		{apierr.InvalidFormat, "timestamp"},
		{apierr.InvalidFormat, "timestamp"},
		{apierr.InvalidFormat, "timestamp"},
		{apierr.ValueOutOfRange, "tolerance"},
		{apierr.ValueOutOfRange, "tolerance"},
		{apierr.InvalidFormat, "tolerance"},
		{apierr.ValueOutOfRange, "tolerance"},
		{apierr.InvalidFormat, "now"},
		{apierr.InvalidFormat, "signature"},
		{apierr.InvalidFormat, "extra"},
	}
	if len(got) != len(want) {
		t.Fatalf("%d output lines for %d inputs:\n%s", len(got), len(want), out)
	}
	for i, w := range want {
		g := got[i]
		switch {
		case w.code == ok && (g.OK == nil || !*g.OK || g.Error != nil):
			t.Errorf("line %d: %+v, want ok", i+1, g.Error)
		case w.code != ok && (g.Error == nil || g.Error.Code != w.code || g.Error.Param != w.param || g.Error.Detail == ""):
			t.Errorf("line %d: %+v, want %s/%s", i+1, g.Error, w.code, w.param)
		}
	}
}

// TestWebhookVerifyBatchClock: without now, each line is judged at the clock.
func TestWebhookVerifyBatchClock(t *testing.T) {
	line := []byte(`{"secrets":["` + whSecret1 + `"],"id":"` + whID1 + `","timestamp":1614265330,"signature":"` +
		whSig1 + `","body":` + mustJSON(t, whBody1) + `}`)
	for _, c := range []struct {
		clock int64
		ok    bool
	}{{1614265330 + 299, true}, {1614265330 + 301, false}} {
		out, ok := verifyAnswer(line, func() time.Time { return time.Unix(c.clock, 0) })
		if ok != c.ok {
			t.Errorf("clock %d: %s", c.clock, out)
		}
	}
}

func mustJSON(t *testing.T, s string) string {
	b, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestWebhookSignThenVerify: the lines sign --batch prints verify in verify --batch.
func TestWebhookSignThenVerify(t *testing.T) {
	bodies := []string{"", whBody1, "línea\ncon\tescapes \"y\" \\ \u2028", strings.Repeat("x", 10000)}
	var signLines []string
	for _, b := range bodies {
		signLines = append(signLines, jsonLine(t, map[string]any{"secrets": []string{whSecret2, whSecret1},
			"id": "evt_00112233445566778899aabbccddeeff", "timestamp": 1767225600, "body": b}))
	}
	code, out, _ := runCLI(t, strings.Join(signLines, "\n"), "webhook", "sign", "--batch")
	if code != exitOK {
		t.Fatalf("sign --batch: exit %d:\n%s", code, out)
	}
	var verifyLines []string
	for i, o := range decodeWebhookOutputs(t, out) {
		for _, secret := range []string{whSecret1, whSecret2} {
			verifyLines = append(verifyLines, jsonLine(t, map[string]any{"secrets": []string{secret},
				"id": "evt_00112233445566778899aabbccddeeff", "timestamp": 1767225600, "signature": *o.Signature,
				"body": bodies[i], "now": 1767225600}))
		}
	}
	code, out, _ = runCLI(t, strings.Join(verifyLines, "\n"), "webhook", "verify", "--batch")
	if code != exitOK || strings.Count(out, `{"ok":true}`) != len(verifyLines) {
		t.Errorf("verify --batch: exit %d:\n%s", code, out)
	}
}

func TestWebhookSingle(t *testing.T) {
	code, out, errOut := runCLI(t, whBody1, "webhook", "sign", "--secrets", whSecret1+","+whSecret2,
		"--id", whID1, "--timestamp", "1614265330")
	if code != exitOK || out != whSig1+" "+whSig1By2+"\n" || errOut != "" {
		t.Errorf("sign: exit %d, %q, %q", code, out, errOut)
	}
	// --secret is the one-secret form of --secrets.
	code, out, _ = runCLI(t, whBody1, "webhook", "sign", "--secret", whSecret1, "--id", whID1, "--timestamp", "1614265330")
	if code != exitOK || out != whSig1+"\n" {
		t.Errorf("sign --secret: exit %d, %q", code, out)
	}
	// The body is stdin byte for byte: a final newline is part of it.
	code, out, _ = runCLI(t, whBody1+"\n", "webhook", "sign", "--secrets", whSecret1, "--id", whID1, "--timestamp", "1614265330")
	if code != exitOK || out == whSig1+"\n" {
		t.Errorf("sign of the body with a newline: exit %d, %q", code, out)
	}
	// Without --timestamp, the clock: the signature verifies now.
	code, out, _ = runCLI(t, whBody2, "webhook", "sign", "--secrets", whSecret2, "--id", whID2)
	if code != exitOK || !strings.HasPrefix(out, "v1,") {
		t.Fatalf("sign at the clock: exit %d, %q", code, out)
	}
	verifyArgs := func(extra ...string) []string {
		return append([]string{"webhook", "verify", "--secrets", whSecret1, "--id", whID1, "--timestamp", "1614265330",
			"--signature", whSig1}, extra...)
	}
	for _, c := range []struct {
		extra  []string
		body   string
		code   int
		out    string
		stderr string
	}{
		{[]string{"--now", "1614265330"}, whBody1, exitOK, "ok\n", ""},
		{[]string{"--now", "1614265630", "--tolerance", "300"}, whBody1, exitOK, "ok\n", ""},
		{[]string{"--now", "1614265631"}, whBody1, exitInvalid, "",
			"timestamp_out_of_range: timestamp 1614265330 is 301 s before the receiver's clock; the tolerance is 300 s\n"},
		{[]string{"--now", "1614265330"}, whBody1 + " ", exitInvalid, "",
			"invalid_signature: signature has 1 v1 tokens and none matches the message under any of the receiver's 1 secrets\n"},
		{[]string{"--now", "1614265330", "--tolerance", "0"}, whBody1, exitInvalid, "",
			"value_out_of_range: tolerance 0s is not positive; want a positive duration (the default is 300 s)\n"},
		{[]string{"--now", "soon"}, whBody1, exitInvalid, "", "invalid_format: now \"soon\" is not an integer of Unix seconds\n"},
		// The clock is far from 2021: out of tolerance.
		{nil, whBody1, exitInvalid, "", ""},
	} {
		code, out, errOut := runCLI(t, c.body, verifyArgs(c.extra...)...)
		if code != c.code || out != c.out || (c.stderr != "" && errOut != c.stderr) || (c.stderr == "" && c.code == exitInvalid &&
			!strings.HasPrefix(errOut, "timestamp_out_of_range: ")) {
			t.Errorf("verify %v: exit %d, %q, %q", c.extra, code, out, errOut)
		}
	}
	code, _, errOut = runCLI(t, "", "webhook", "sign", "--secrets", "whsec_not!base64", "--id", "m")
	if code != exitInvalid || !strings.HasPrefix(errOut, "invalid_format: secrets[0] has a character outside base64") {
		t.Errorf("sign with a bad secret: exit %d, %q", code, errOut)
	}
	code, _, errOut = runCLI(t, strings.Repeat("x", webhook.MaxBodyLen+1), "webhook", "sign", "--secrets", whSecret1, "--id", "m")
	if code != exitInvalid || !strings.HasPrefix(errOut, "invalid_format: body is over 262144 bytes") {
		t.Errorf("sign of a body over MaxBodyLen (256 KiB): exit %d, %q", code, errOut)
	}
	var s streams
	s.in = iotest.ErrReader(errors.New("disk on fire"))
	var outB, errB strings.Builder
	s.out, s.err = &outB, &errB
	if code := run([]string{"webhook", "sign", "--secrets", whSecret1, "--id", "m"}, s); code != exitInvalid ||
		!strings.Contains(errB.String(), "disk on fire") {
		t.Errorf("sign with a failing stdin: exit %d, %q", code, errB.String())
	}
}

func TestWebhookSecret(t *testing.T) {
	code, out, errOut := runCLI(t, "", "webhook", "secret")
	s, err := webhook.ParseSecret(strings.TrimSuffix(out, "\n"))
	if code != exitOK || errOut != "" || err != nil || len(out) != len("whsec_")+44+1 {
		t.Fatalf("secret: exit %d, %q, %q, %v", code, out, errOut, err)
	}
	if _, out2, _ := runCLI(t, "", "webhook", "secret"); out2 == out {
		t.Error("two secrets are equal")
	}
	_ = s
	var outB, errB strings.Builder
	if code := webhookSecret(streams{out: &outB, err: &errB}, iotest.ErrReader(errors.New("no entropy"))); code != exitInvalid ||
		!strings.HasPrefix(errB.String(), "internal_error: ") {
		t.Errorf("secret with a failing source: exit %d, %q", code, errB.String())
	}
	if code := webhookSecret(streams{out: failingWriter{}, err: &errB}, strings.NewReader(strings.Repeat("a", 32))); code != exitInvalid {
		t.Errorf("secret with a failing stdout: exit %d", code)
	}
}

func TestWebhookUsage(t *testing.T) {
	for _, args := range [][]string{
		{"webhook"},
		{"webhook", "encrypt"},
		{"webhook", "secret", "extra"},
		{"webhook", "sign", "--id", "a", "--id", "b", "--secrets", whSecret1},
		{"webhook", "sign", "--batch", "--batch"},
		{"webhook", "sign", "--batch", "--id", "a"},
		{"webhook", "sign", "--secrets", whSecret1},
		{"webhook", "sign", "--id", "m"},
		{"webhook", "sign", "--now", "1"},
		{"webhook", "sign", "--secrets", whSecret1, "--id", "m", "body.json"},
		{"webhook", "verify", "--secrets", whSecret1, "--id", "m", "--timestamp", "1"},
		{"webhook", "verify", "--secrets", whSecret1, "--secrets", whSecret2, "--id", "m", "--timestamp", "1", "--signature", "x"},
		{"webhook", "verify", "--batch", "--now", "1"},
		{"webhook", "sign", "--secret", whSecret1, "--secrets", whSecret2, "--id", "m"},
		{"webhook", "sign", "--secret", whSecret1 + "," + whSecret2, "--id", "m"},
	} {
		code, out, errOut := runCLI(t, "", args...)
		if code != exitUsage || out != "" || !strings.HasPrefix(errOut, "lending webhook: ") || !strings.Contains(errOut, "usage:") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, out, errOut)
		}
	}
	for _, args := range [][]string{{"webhook", "help"}, {"webhook", "-h"}, {"webhook", "sign", "-h"}, {"webhook", "verify", "--help"}} {
		code, out, _ := runCLI(t, "", args...)
		if code != exitOK || out != webhookUsageText {
			t.Errorf("%v: exit %d", args, code)
		}
	}
}

// TestWebhookDoc: doc.go and the help text name every flag of sign and verify and
// every batch key.
func TestWebhookDoc(t *testing.T) {
	raw, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(raw)
	var f webhookFlags
	fs := flag.NewFlagSet("webhook", flag.ContinueOnError)
	f.register(fs, true)
	fs.VisitAll(func(fl *flag.Flag) {
		if !strings.Contains(doc, "--"+fl.Name) || !strings.Contains(webhookUsageText, "--"+fl.Name) {
			t.Errorf("webhook --%s is missing from doc.go or from the help", fl.Name)
		}
	})
	for _, k := range append(append([]string{}, webhookSignKeys...), webhookVerifyKeys...) {
		if !strings.Contains(doc, `"`+k+`"`) || !strings.Contains(webhookUsageText, `"`+k+`"`) {
			t.Errorf("webhook batch key %s is missing from doc.go or from the help", k)
		}
	}
	for _, sub := range []string{"webhook sign", "webhook verify", "webhook secret"} {
		if !strings.Contains(doc, "lending "+sub) {
			t.Errorf("doc.go does not show lending %s", sub)
		}
	}
}

// TestWebhookDocExample runs the webhook example of doc.go and checks the doc shows
// its command lines and outputs exactly.
func TestWebhookDocExample(t *testing.T) {
	raw, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(raw)
	sign := []string{"webhook", "sign", "--secrets", whSecret1, "--id", whID1, "--timestamp", "1614265330"}
	verify := []string{"webhook", "verify", "--secrets", whSecret1, "--id", whID1, "--timestamp", "1614265330",
		"--signature", whSig1, "--now", "1614265631"}
	for _, c := range []struct {
		args           []string
		stdout, stderr string
		code           int
	}{
		{sign, whSig1 + "\n", "", exitOK},
		{verify, "", "timestamp_out_of_range: timestamp 1614265330 is 301 s before the receiver's clock; the tolerance is 300 s\n", exitInvalid},
	} {
		line := "//\t$ printf '" + whBody1 + "' | lending " + strings.Join(c.args, " ") + "\n//\t" + c.stdout + c.stderr
		if !strings.Contains(doc, line) {
			t.Errorf("doc.go does not show\n%s", line)
		}
		code, out, errOut := runCLI(t, whBody1, c.args...)
		if code != c.code || out != c.stdout || errOut != c.stderr {
			t.Errorf("%v: exit %d, %q, %q", c.args, code, out, errOut)
		}
	}
}

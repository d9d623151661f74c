package main

import (
	"crypto/rand"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/internal/strictjson"
	"github.com/dinie/lending/webhook"
)

// webhookUsageText is the help of `lending webhook`.
const webhookUsageText = `usage:
  lending webhook sign --secrets S1[,S2...] --id ID [--timestamp UNIX] < body
  lending webhook sign --batch < lines.jsonl
  lending webhook verify --secrets S1[,S2...] --id ID --timestamp UNIX --signature SIG
                         [--now UNIX] [--tolerance SECONDS] < body
  lending webhook verify --batch < lines.jsonl
  lending webhook secret

Standard Webhooks v1 signatures, as the webhook package computes and checks them.
sign prints the webhook-signature header value of a message: one token
"v1,<base64>" per secret, in the order given, separated by spaces. verify prints
"ok" when a token matches (exit 0), else "code: detail" on stderr (exit 1).
secret prints a new signing secret (32 bytes from the system's secure random
source). The body is all of stdin, byte for byte (a final newline is part of
it), at most 1 MiB.

  --secrets     the secrets, whsec_ and padded base64 (the prefix optional),
                comma-separated (base64 has no commas); 1 to 10
  --secret      one secret, instead of --secrets
  --id          the message id (webhook-id)
  --timestamp   webhook-timestamp, Unix seconds; sign: default the clock
  --signature   the webhook-signature header value to verify
  --now         verify: the receiver's clock, Unix seconds; default the clock
  --tolerance   verify: seconds the timestamp may be off, each way; default 300
  --batch       JSON lines from stdin (no other flag is allowed)

sign --batch input and output lines:
  {"secrets":["whsec_...",...],"id":"msg_...","timestamp":1767225600,"body":"<raw payload>"}
  {"signature":"v1,<b64> v1,<b64>"}
verify --batch input and output lines:
  {"secrets":[...],"id":"msg_...","timestamp":1767225600,"signature":"v1,<b64>",
   "body":"<raw payload>","now":1767225600,"tolerance":300}
  {"ok":true}
Either may answer {"error":{"code":"...","param":"...","detail":"..."}}.
secrets, id, timestamp and body are required (body may be ""); verify's
signature is required, now defaults to the clock (read for each line) and
tolerance to 300; null is the same as an absent key, an unknown key, a key given
twice or one differing from another only in case is an error.
verify's timestamp is the header's text: a JSON number as written, or a string
(so "1.5e9" or "abc" can be tried); sign's is an integer. Params name the input
key (secrets[1], timestamp). Codes: malformed_body, missing_required_field,
invalid_format, timestamp_out_of_range, invalid_signature, value_out_of_range.

A bad line never stops the batch. Blank lines are skipped. The exit status is 1
if any line had an error, 0 otherwise; 2 on a usage error. A flag given twice is
a usage error.
`

// The batch input keys of each subcommand, in the help's order.
var (
	webhookSignKeys   = []string{"secrets", "id", "timestamp", "body"}
	webhookVerifyKeys = []string{"secrets", "id", "timestamp", "signature", "body", "now", "tolerance"}
)

// webhookParam maps the library's params to the input keys.
var webhookParam = map[string]string{
	webhook.HeaderID: "id", webhook.HeaderTimestamp: "timestamp", webhook.HeaderSignature: "signature",
}

// runWebhook runs `lending webhook`.
func runWebhook(args []string, s streams) int {
	if len(args) == 0 {
		return webhookUsage(s, "missing subcommand")
	}
	switch args[0] {
	case "help", "-h", "--help":
		fmt.Fprint(s.out, webhookUsageText)
		return exitOK
	case "sign":
		return webhookSign(args[1:], s, time.Now)
	case "verify":
		return webhookVerify(args[1:], s, time.Now)
	case "secret":
		if len(args) > 1 {
			return webhookUsage(s, fmt.Sprintf("unexpected argument %q", args[1]))
		}
		return webhookSecret(s, rand.Reader)
	}
	return webhookUsage(s, fmt.Sprintf("unknown subcommand %q", args[0]))
}

func webhookUsage(s streams, problem string) int {
	return commandUsage(s, "webhook", webhookUsageText, problem)
}

// webhookFlags are the flags of sign and verify.
type webhookFlags struct {
	secrets, id, timestamp, signature, now, tolerance string
	batch                                             bool
}

func (f *webhookFlags) register(fs *flag.FlagSet, verify bool) {
	fs.StringVar(&f.secrets, "secrets", "", "the secrets, comma-separated")
	fs.StringVar(&f.secrets, "secret", "", "one secret (--secrets for several)")
	fs.StringVar(&f.id, "id", "", "the message id")
	fs.StringVar(&f.timestamp, "timestamp", "", "webhook-timestamp, Unix seconds")
	if verify {
		fs.StringVar(&f.signature, "signature", "", "the webhook-signature value")
		fs.StringVar(&f.now, "now", "", "the receiver's clock, Unix seconds")
		fs.StringVar(&f.tolerance, "tolerance", "300", "seconds of tolerance")
	}
	fs.BoolVar(&f.batch, "batch", false, "read JSON lines from stdin")
	onceEach(fs)
}

// parse parses the flags of `lending webhook NAME`; done reports a usage error or
// help, with its exit status.
func (f *webhookFlags) parse(name string, args []string, s streams) (set map[string]bool, code int, done bool) {
	fs := flag.NewFlagSet("webhook", flag.ContinueOnError)
	f.register(fs, name == "verify")
	if code, done := parseFlags(fs, args, s, webhookUsageText); done {
		return nil, code, true
	}
	if fs.NArg() > 0 {
		return nil, webhookUsage(s, fmt.Sprintf("unexpected argument %q", fs.Arg(0))), true
	}
	set = flagsSet(fs)
	if f.batch && len(set) > 1 {
		return nil, webhookUsage(s, "--batch reads every input from stdin; no other flag is allowed"), true
	}
	if set["secret"] && set["secrets"] {
		return nil, webhookUsage(s, "--secret and --secrets are one input; give one of them"), true
	}
	if set["secret"] {
		if strings.Contains(f.secrets, ",") {
			return nil, webhookUsage(s, "--secret takes one secret; --secrets takes several, comma-separated"), true
		}
		set["secrets"] = true
	}
	required := []string{"secrets", "id"}
	if name == "verify" {
		required = append(required, "timestamp", "signature")
	}
	if missing := missingFlag(set, required...); !f.batch && missing != "" {
		return nil, webhookUsage(s, "missing flag --"+missing), true
	}
	return set, exitOK, false
}

// onceEach makes a flag given twice a usage error (the flag package would keep the
// last value).
func onceEach(fs *flag.FlagSet) {
	fs.VisitAll(func(f *flag.Flag) { f.Value = &onceValue{Value: f.Value} })
}

type onceValue struct {
	flag.Value
	seen bool
}

func (o *onceValue) Set(s string) error {
	if o.seen {
		return errors.New("the flag is given twice")
	}
	o.seen = true
	return o.Value.Set(s)
}

func (o *onceValue) IsBoolFlag() bool {
	b, ok := o.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// webhookSign runs `lending webhook sign`.
func webhookSign(args []string, s streams, clock func() time.Time) int {
	var f webhookFlags
	set, code, done := f.parse("sign", args, s)
	if done {
		return code
	}
	if f.batch {
		return jsonBatch("webhook", s, signAnswer)
	}
	in := webhookInput{id: f.id, at: clock()}
	var verr *apierr.Error
	in.secrets, verr = parseSecretList(strings.Split(f.secrets, ","))
	if verr == nil && set["timestamp"] {
		in.at, verr = unixField(f.timestamp, "timestamp")
	}
	if verr == nil {
		in.body, verr = readBody(s)
	}
	if verr != nil {
		return webhookFail(s, verr)
	}
	sig, err := webhook.Sign(in.id, in.at, in.body, in.secrets)
	if err != nil {
		return webhookFail(s, webhookError(err))
	}
	fmt.Fprintln(s.out, sig)
	return exitOK
}

// webhookVerify runs `lending webhook verify`.
func webhookVerify(args []string, s streams, clock func() time.Time) int {
	var f webhookFlags
	set, code, done := f.parse("verify", args, s)
	if done {
		return code
	}
	if f.batch {
		return jsonBatch("webhook", s, func(line []byte) ([]byte, bool) { return verifyAnswer(line, clock) })
	}
	in := webhookInput{id: f.id, timestamp: f.timestamp, signature: f.signature, now: clock()}
	var verr *apierr.Error
	in.secrets, verr = parseSecretList(strings.Split(f.secrets, ","))
	if verr == nil && set["now"] {
		in.now, verr = unixField(f.now, "now")
	}
	if verr == nil {
		in.tolerance, verr = toleranceField(f.tolerance)
	}
	if verr == nil {
		in.body, verr = readBody(s)
	}
	if verr != nil {
		return webhookFail(s, verr)
	}
	if err := in.verify(); err != nil {
		return webhookFail(s, err)
	}
	fmt.Fprintln(s.out, "ok")
	return exitOK
}

// webhookSecret runs `lending webhook secret`.
func webhookSecret(s streams, random io.Reader) int {
	sec, err := webhook.GenerateSecret(random)
	if err != nil {
		return webhookFail(s, webhookError(err))
	}
	if _, err := fmt.Fprintln(s.out, sec.Encode()); err != nil {
		fmt.Fprintf(s.err, "lending webhook: writing output: %v\n", err)
		return exitInvalid
	}
	return exitOK
}

// webhookFail prints a failure of a single message, "code: detail", on stderr.
func webhookFail(s streams, e *apierr.Error) int {
	fmt.Fprintln(s.err, e)
	return exitInvalid
}

// readBody reads the message body, all of stdin, at most webhook.MaxBodyLen bytes.
func readBody(s streams) ([]byte, *apierr.Error) {
	b, err := io.ReadAll(io.LimitReader(s.in, webhook.MaxBodyLen+1))
	switch {
	case err != nil:
		return nil, apierr.Wrap(err, apierr.MalformedBody, "body", "reading the body from stdin: %v", err)
	case len(b) > webhook.MaxBodyLen:
		return nil, apierr.Wrap(apierr.ErrLength, apierr.InvalidFormat, "body",
			"body is over %d bytes", webhook.MaxBodyLen)
	}
	return b, nil
}

// webhookInput is one message of sign or verify, parsed.
type webhookInput struct {
	secrets                  []webhook.Secret
	id, timestamp, signature string
	at, now                  time.Time
	tolerance                time.Duration
	body                     []byte
}

// verify checks the message as a receiver does.
func (in webhookInput) verify() *apierr.Error {
	h := http.Header{}
	for k, v := range map[string]string{webhook.HeaderID: in.id, webhook.HeaderTimestamp: in.timestamp,
		webhook.HeaderSignature: in.signature} {
		if v != "" {
			h.Set(k, v)
		}
	}
	if err := webhook.Verify(h, in.body, in.secrets, in.now, in.tolerance); err != nil {
		return webhookError(err)
	}
	return nil
}

// webhookError is a library error as the CLI reports it: the param renamed to the
// input key.
func webhookError(err error) *apierr.Error {
	var e *apierr.Error
	if !errors.As(err, &e) { // the library returns only *apierr.Error
		return apierr.Wrap(err, apierr.Internal, "", "%v", err)
	}
	if k, ok := webhookParam[e.Param]; ok {
		return e.WithParam(k)
	}
	return e
}

// parseSecretList parses the secrets, each relabelled secrets[i].
func parseSecretList(texts []string) ([]webhook.Secret, *apierr.Error) {
	out := make([]webhook.Secret, len(texts))
	for i, t := range texts {
		sec, err := webhook.ParseSecret(t)
		if err != nil {
			var e *apierr.Error
			errors.As(err, &e)
			return nil, e.WithParam("secrets[" + strconv.Itoa(i) + "]")
		}
		out[i] = sec
	}
	return out, nil
}

// isInteger reports whether s is a decimal integer of at most 18 digits with an
// optional '-' (a flag's text, or a JSON number's): whole seconds, which
// strconv.ParseInt then reads without overflow.
func isInteger(s string) bool {
	s = strings.TrimPrefix(s, "-")
	if s == "" || len(s) > 18 {
		return false
	}
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// unixField reads Unix seconds written as a decimal integer.
func unixField(s, param string) (time.Time, *apierr.Error) {
	if !isInteger(s) {
		return time.Time{}, apierr.Errorf(apierr.InvalidFormat, param,
			"%s %s is not an integer of Unix seconds", param, apierr.Quote(s))
	}
	n, _ := strconv.ParseInt(s, 10, 64) // isInteger allows 18 digits: cannot fail
	return time.Unix(n, 0), nil
}

// toleranceField reads the tolerance, whole seconds; the library judges its sign.
func toleranceField(s string) (time.Duration, *apierr.Error) {
	if !isInteger(s) {
		return 0, apierr.Errorf(apierr.InvalidFormat, "tolerance", "tolerance %s is not an integer of seconds", apierr.Quote(s))
	}
	n, _ := strconv.ParseInt(s, 10, 64)
	if max := int64(math.MaxInt64 / time.Second); n > max {
		return 0, apierr.Wrap(apierr.ErrRange, apierr.ValueOutOfRange, "tolerance",
			"tolerance %d is above %d seconds", n, max)
	}
	return time.Duration(n) * time.Second, nil
}

// webhookLimits raises the string bound of a webhook line: its body is a whole
// delivery body (webhook.MaxBodyLen), which the line's 1 MiB bounds.
var webhookLimits = strictjson.Limits{MaxString: maxInputLine}

// decodeWebhookLine reads one batch line: one JSON object whose keys are among keys;
// null is an absent key.
func decodeWebhookLine(line []byte, keys []string) (map[string]strictjson.Value, *apierr.Error) {
	root, verr := parseLine(line, webhookLimits)
	if verr != nil {
		return nil, verr
	}
	return lineKeys(root, "", keys)
}

// decodeWebhookCommon reads the keys both batches share: secrets, id and body.
func decodeWebhookCommon(raw map[string]strictjson.Value) (webhookInput, *apierr.Error) {
	var in webhookInput
	v, ok := raw["secrets"]
	if !ok {
		return in, apierr.Errorf(apierr.MissingRequiredField, "secrets", "secrets is required")
	}
	if v.Kind != strictjson.Array {
		return in, apierr.Errorf(apierr.InvalidFormat, "secrets", "secrets must be a JSON array of strings")
	}
	texts := make([]string, len(v.Elems))
	for i, item := range v.Elems {
		var verr *apierr.Error
		if texts[i], verr = stringField(item, true, "secrets["+strconv.Itoa(i)+"]"); verr != nil {
			return in, verr
		}
	}
	var verr *apierr.Error
	if in.secrets, verr = parseSecretList(texts); verr != nil {
		return in, verr
	}
	if v, ok := raw["id"]; ok {
		if in.id, verr = stringField(v, true, "id"); verr != nil {
			return in, verr
		}
	}
	v, ok = raw["body"]
	s, verr := stringField(v, ok, "body")
	in.body = []byte(s)
	return in, verr
}

// signAnswer returns the output line of sign --batch for one input line.
func signAnswer(line []byte) ([]byte, bool) {
	raw, verr := decodeWebhookLine(line, webhookSignKeys)
	if verr != nil {
		return errorLine(verr), false
	}
	in, verr := decodeWebhookCommon(raw)
	if verr == nil {
		ts, ok := raw["timestamp"]
		switch {
		case !ok:
			verr = apierr.Errorf(apierr.MissingRequiredField, "timestamp", "timestamp is required")
		case ts.Kind != strictjson.Number:
			verr = apierr.Errorf(apierr.InvalidFormat, "timestamp", "timestamp must be a JSON integer of Unix seconds")
		default:
			in.at, verr = unixField(ts.Text, "timestamp")
		}
	}
	if verr != nil {
		return errorLine(verr), false
	}
	sig, err := webhook.Sign(in.id, in.at, in.body, in.secrets)
	if err != nil {
		return errorLine(webhookError(err)), false
	}
	out, _ := json.Marshal(struct { // a string: cannot fail
		Signature string `json:"signature"`
	}{sig})
	return append(out, '\n'), true
}

// verifyAnswer returns the output line of verify --batch for one input line.
func verifyAnswer(line []byte, clock func() time.Time) ([]byte, bool) {
	raw, verr := decodeWebhookLine(line, webhookVerifyKeys)
	if verr != nil {
		return errorLine(verr), false
	}
	in, verr := decodeWebhookCommon(raw)
	if verr == nil {
		in, verr = decodeVerifyKeys(raw, in, clock)
	}
	if verr == nil {
		verr = in.verify()
	}
	if verr != nil {
		return errorLine(verr), false
	}
	return []byte(`{"ok":true}` + "\n"), true
}

// decodeVerifyKeys reads verify's own keys: timestamp as the header's text,
// signature, now and tolerance.
func decodeVerifyKeys(raw map[string]strictjson.Value, in webhookInput, clock func() time.Time) (webhookInput, *apierr.Error) {
	var verr *apierr.Error
	if v, ok := raw["timestamp"]; ok {
		switch v.Kind {
		case strictjson.String:
			in.timestamp = v.Text
		case strictjson.Number:
			in.timestamp = v.Text // the number as written
		default:
			verr = apierr.Errorf(apierr.InvalidFormat, "timestamp", "timestamp must be a JSON number or string")
		}
		if verr != nil {
			return in, verr
		}
	}
	if v, ok := raw["signature"]; ok {
		if in.signature, verr = stringField(v, true, "signature"); verr != nil {
			return in, verr
		}
	}
	in.now = clock()
	if v, ok := raw["now"]; ok {
		if v.Kind != strictjson.Number {
			return in, apierr.Errorf(apierr.InvalidFormat, "now", "now must be a JSON integer of Unix seconds")
		}
		if in.now, verr = unixField(v.Text, "now"); verr != nil {
			return in, verr
		}
	}
	in.tolerance = webhook.DefaultTolerance
	if v, ok := raw["tolerance"]; ok {
		if v.Kind != strictjson.Number {
			return in, apierr.Errorf(apierr.InvalidFormat, "tolerance", "tolerance must be a JSON integer of seconds")
		}
		if in.tolerance, verr = toleranceField(v.Text); verr != nil {
			return in, verr
		}
	}
	return in, nil
}

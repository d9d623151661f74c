package main

import (
	"testing"

	"github.com/dinie/lending/internal/strictjson/jsonref"
)

// lineDecoders are the batch-line decoders of the commands and the member
// paths each takes (array indices as "[]"), for FuzzLinesStrict.
func lineDecoders() []struct {
	name      string
	maxString int
	paths     []string
	decode    func([]byte) bool
} {
	under := func(prefix string, keys []string) []string {
		out := make([]string, len(keys))
		for i, k := range keys {
			out[i] = prefix + k
		}
		return out
	}
	cat := func(lists ...[]string) []string {
		var out []string
		for _, l := range lists {
			out = append(out, l...)
		}
		return out
	}
	return []struct {
		name      string
		maxString int
		paths     []string
		decode    func([]byte) bool
	}{
		{"simulate", jsonref.MaxString, simulateKeys, func(b []byte) bool { _, e := decodeSimulateLine(b); return e == nil }},
		{"cet", jsonref.MaxString, cat(cetKeys, under("flows[].", cetFlowKeys)), func(b []byte) bool { _, _, _, e := decodeCETLine(b); return e == nil }},
		{"solve", jsonref.MaxString, solveKeys, func(b []byte) bool { _, e := decodeSolveLine(b); return e == nil }},
		{"loan", jsonref.MaxString, cat(loanKeys, under("loan.", simulateKeys), under("payments[].", loanPaymentKeys),
			under("prepay.", loanPrepayKeys), under("late.", loanLateKeys)), func(b []byte) bool { _, e := decodeLoanLine(b); return e == nil }},
		{"webhook", maxInputLine, webhookVerifyKeys, func(b []byte) bool { _, e := decodeWebhookLine(b, webhookVerifyKeys); return e == nil }},
	}
}

// FuzzLinesStrict: differential of every batch-line decoder against the
// reference reader (jsonref, on encoding/json's tokenizer): a line the
// reference refuses (malformed, a key given twice or differing only in case, a
// value over its bound) is refused; a line a decoder accepts has only the keys
// of its command, exactly as written. The seeds are issue 19's reproducers.
func FuzzLinesStrict(f *testing.F) {
	for _, s := range []string{
		`{"amount":"10000.00","installments":12,"rate":3e18446744073709551616,"release":"2026-03-10"}`,
		`{"amount":"-1.00","amount":"10000.00","installments":12,"rate":3}`,
		`{"release":"2026-03-10","net":"940.00","flows":[{"date":"2026-04-10","amount":"1000.00"}],"NeT":"100.00"}`,
		`{"RELEASE":"2026-03-10","NET":"940.00","FLOWS":[{"DATE":"2026-04-10","AMOUNT":"1000.00"}]}`,
		`{"release":"2026-03-10","net":"940.00","flows":[{"date":"2026-04-10","amount":"1000.00","Amount":"1.00"}]}`,
		`{"loan":{"amount":"10000.00","installments":12,"rate":3,"Rate":4},"payoff":true}`,
		`{"loan":{"amount":"10000.00","installments":12,"rate":3},"late":{"fine_percent":2,"fine_percent":1e-18446744073709551617}}`,
		`{"secrets":["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"],"id":"msg_1","timestamp":1,"body":"{}","BODY":"x"}`,
		`{"amount":"10000.00","installments":12,"rate":3,"first_due":"0001-01-01"}`,
		`{"amount":"10000.00","installments":1` + "0000000000000000000000000000000000000000000000000000000000000000000" + `,"rate":3}`,
	} {
		f.Add([]byte(s))
	}
	decoders := lineDecoders()
	f.Fuzz(func(t *testing.T, line []byte) {
		for _, d := range decoders {
			_, class, paths := jsonref.ParseLimits(line, d.maxString)
			ok := d.decode(line)
			if class != jsonref.OK && ok {
				t.Fatalf("%s accepted %q; the reference says %s", d.name, line, class)
			}
			if ok {
				if p := jsonref.Subset(paths, d.paths); p != "" {
					t.Fatalf("%s accepted %q with key %q", d.name, line, p)
				}
			}
		}
	})
}

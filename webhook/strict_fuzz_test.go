package webhook_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/dinie/lending/internal/strictjson/jsonref"
	"github.com/dinie/lending/statemachine"
	"github.com/dinie/lending/webhook"
)

// FuzzEnvelopeDataStrict: differential of the envelope's data check against
// the reference reader: a snapshot the reference refuses (a key given twice or
// differing only in case, malformed) is refused, so a receiver never reads
// another snapshot than the one signed; an accepted one has an id, a string,
// under exactly "id".
func FuzzEnvelopeDataStrict(f *testing.F) {
	for _, s := range []string{string(loanData()), `{"id":"` + lnID + `","ID":"x"}`, `{"id":"` + lnID + `","id":"` + lnID + `"}`,
		`{"Id":"` + lnID + `"}`, `{"id":1}`, `[]`} {
		f.Add([]byte(s))
	}
	at := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, data []byte) {
		_, err := webhook.NewEnvelope(counting(), statemachine.EventLoanActive, at, json.RawMessage(data))
		if err != nil {
			return
		}
		canon, class, paths := jsonref.ParseLimits(data, webhook.MaxBodyLen)
		if class != jsonref.OK {
			t.Fatalf("NewEnvelope accepted data %q; the reference says %s", data, class)
		}
		var m map[string]any
		err = json.Unmarshal([]byte(canon), &m)
		if _, isString := m["id"].(string); err != nil || !isString || jsonref.Subset([]string{"id"}, paths) != "" {
			t.Fatalf("NewEnvelope accepted data %q without the loan's id", data)
		}
	})
}

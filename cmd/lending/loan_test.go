package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/dinie/lending/apierr"
)

// TestLoanBatchPublished: the published late-charge check through the batch, a
// 3,000.00 installment (1 installment at 0 %, so the payment is the amount) to an
// individual paid 10 days late: 60.00 of fine and 10.00 of mora (2 % and 1 % a month
// × 10/30), no remuneratory interest at 0 %, and 3,000.00 × 0.0082 % × 10 = 2.46 of
// complementary IOF (by hand).
func TestLoanBatchPublished(t *testing.T) {
	line := `{"loan":{"amount":"3000.00","installments":1,"rate":0,"release":"2026-03-02","borrower":"pf"},` +
		`"as_of":"2026-04-12"}`
	code, out, errOut := runCLI(t, line+"\n", "loan", "--batch")
	if code != exitOK || errOut != "" {
		t.Fatalf("exit %d, stderr %q, out %s", code, errOut, out)
	}
	var got struct {
		Transactions []struct {
			InstallmentNumber int    `json:"installment_number"`
			Status            string `json:"status"`
			DaysOverdue       int    `json:"days_overdue"`
			AmountDue         string `json:"amount_due"`
			Late              struct {
				Days                                   int
				Fine, Mora, Interest, IOF, Total, Owed string
			} `json:"late"`
		} `json:"transactions"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil || len(got.Transactions) != 1 {
		t.Fatalf("%v: %s", err, out)
	}
	tx := got.Transactions[0]
	if tx.InstallmentNumber != 1 || tx.Status != "overdue" || tx.DaysOverdue != 10 || tx.AmountDue != "3000.00" ||
		tx.Late.Days != 10 || tx.Late.Fine != "60.00" || tx.Late.Mora != "10.00" || tx.Late.Interest != "0.00" ||
		tx.Late.IOF != "2.46" || tx.Late.Total != "72.46" || tx.Late.Owed != "72.46" {
		t.Errorf("transaction %+v", tx)
	}
}

// TestLoanBatchPayoffAndPrepay: the payoff of the example (R$ 10,000.00 over 12
// at 3 % a.m., six installments paid, settled on the 6th due date) is the present
// value of the last six: 1,004.62 × (1 − 1.03^−5)/0.03 + 1,004.63 × 1.03^−6 =
// 4,600.865 + 841.362 = 5,442.227 → 5,442.23 (by hand), and reduce_installment
// re-amortizes what a prepayment leaves.
func TestLoanBatchPayoffAndPrepay(t *testing.T) {
	var pays []string
	dues := []string{"2027-01-15", "2027-02-15", "2027-03-15", "2027-04-15", "2027-05-17", "2027-06-15"}
	for k, d := range dues {
		pays = append(pays, `{"installment":`+string(rune('1'+k))+`,"amount":"1004.62","paid_at":"`+d+`"}`)
	}
	line := `{"loan":{"amount":"10000.00","installments":12,"rate":3,"release":"2026-12-15"},"payments":[` +
		strings.Join(pays, ",") + `],"as_of":"2027-06-15","payoff":true,` +
		`"prepay":{"date":"2027-06-15","amount":"2000.00","mode":"reduce_installment"}}`
	code, out, errOut := runCLI(t, line+"\n", "loan", "--batch")
	if code != exitOK || errOut != "" {
		t.Fatalf("exit %d, stderr %q, out %s", code, errOut, out)
	}
	var got struct {
		Transactions []struct {
			Status string `json:"status"`
		}
		Payoff struct {
			Amount       string
			Installments []struct {
				InstallmentNumber int    `json:"installment_number"`
				PresentValue      string `json:"present_value"`
				Discount          string
			}
		}
		Prepay struct {
			Mode     string
			Balance  string
			Schedule []struct{ Payment, Balance string }
		}
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if got.Transactions[5].Status != "paid" || got.Transactions[6].Status != "pending" {
		t.Errorf("statuses %+v", got.Transactions)
	}
	p := got.Payoff
	// 1,004.62 / 1.03 = 975.359… and / 1.03² = 946.951… (by hand).
	if p.Amount != "5442.23" || len(p.Installments) != 6 || p.Installments[0].PresentValue != "975.36" ||
		p.Installments[1].PresentValue != "946.95" || p.Installments[0].Discount != "29.26" {
		t.Errorf("payoff %+v", p)
	}
	// 3,442.23 over 6 at 3 %: 3,442.23 × 0.03 / (1 − 1.03^−6) = 635.43 (by hand).
	s := got.Prepay.Schedule
	if got.Prepay.Mode != "reduce_installment" || got.Prepay.Balance != "5442.23" || len(s) != 6 ||
		s[0].Payment != "635.43" || s[5].Balance != "0.00" {
		t.Errorf("prepay %+v", got.Prepay)
	}
}

// TestLoanBatchErrors: each bad line gets an error object naming the input key; the
// batch goes on and exits 1.
func TestLoanBatchErrors(t *testing.T) {
	loan := `"loan":{"amount":"10000.00","installments":12,"rate":3,"release":"2026-03-10"}`
	tests := []struct {
		line  string
		code  apierr.Code
		param string
	}{
		{`[]`, apierr.MalformedBody, ""},
		{`{"payments":[]}`, apierr.MissingRequiredField, "loan"},
		{`{"loan":[]}`, apierr.InvalidFormat, "loan"},
		{`{"loan":{"amount":"10000.00","rate":3}}`, apierr.MissingRequiredField, "loan.installments"},
		{`{"loan":{"amount":"10000.00","installments":12,"rate":3,"release":"2026-03-10","colour":1}}`, apierr.InvalidFormat, "loan.colour"},
		{`{"loan":{"amount":"10000.00","installments":12,"rate":3,"release":"2012-05-22"}}`, apierr.DateOutOfRange, "loan.release"},
		{`{` + loan + `,"extra":1}`, apierr.InvalidFormat, "extra"},
		{`{` + loan + `,"payments":{}}`, apierr.InvalidFormat, "payments"},
		{`{` + loan + `,"payments":[{"installment":1,"amount":"1.00"}]}`, apierr.MissingRequiredField, "payments[0].paid_at"},
		{`{` + loan + `,"payments":[{"installment":1.5,"amount":"1.00","paid_at":"2026-04-10"}]}`, apierr.InvalidFormat, "payments[0].installment"},
		{`{` + loan + `,"payments":[{"installment":13,"amount":"1.00","paid_at":"2026-04-10"}]}`, apierr.ValueOutOfRange, "payments[0].installment"},
		{`{` + loan + `,"payments":[{"installment":1,"amount":"1.005","paid_at":"2026-04-10"}]}`, apierr.InvalidFormat, "payments[0].amount"},
		{`{` + loan + `,"payments":[{"installment":1,"amount":"2000.00","paid_at":"2026-04-10"}]}`, apierr.AmountOutOfRange, "payments[0].amount"},
		{`{` + loan + `,"payments":[{"installment":1,"amount":"1.00","paid_at":"2026-03-01"}]}`, apierr.InvalidDueDate, "payments[0].paid_at"},
		{`{` + loan + `,"payments":[{"installment":1,"amount":"1.00","paid_at":"2026-05-01"},{"installment":1,"amount":"1.00","paid_at":"2026-04-01"}]}`, apierr.DateOutOfRange, "payments[1].paid_at"},
		{`{` + loan + `,"payments":[{"installment":1,"amount":"1.00","paid_at":"2026-02-30"}]}`, apierr.InvalidFormat, "payments[0].paid_at"},
		{`{` + loan + `,"payments":[{"installment":1,"amount":"1.00","paid_at":"2026-04-10","x":1}]}`, apierr.InvalidFormat, "payments[0].x"},
		{`{` + loan + `,"as_of":"0001-01-01"}`, apierr.DateOutOfRange, "as_of"}, // given, so not absent (issue 19)
		{`{` + loan + `,"as_of":"2200-01-01"}`, apierr.DateOutOfRange, "as_of"},
		{`{` + loan + `,"as_of":"2126-12-31"}`, apierr.AmountOutOfRange, "as_of"}, // a century of charges at 3 % a.m.
		{`{` + loan + `,"payoff":"yes"}`, apierr.InvalidFormat, "payoff"},
		{`{` + loan + `,"payoff":true,"as_of":"2026-03-09"}`, apierr.InvalidDueDate, "as_of"},
		{`{` + loan + `,"prepay":{"amount":"1.00"}}`, apierr.MissingRequiredField, "prepay.date"},
		{`{` + loan + `,"prepay":{"date":"2026-03-10","amount":"1.00","mode":"shorter"}}`, apierr.InvalidFormat, "prepay.mode"},
		{`{` + loan + `,"prepay":{"date":"2026-03-10","amount":"20000.00"}}`, apierr.AmountOutOfRange, "prepay.amount"},
		{`{` + loan + `,"prepay":{"date":"2026-05-10","amount":"100.00"}}`, apierr.InstallmentOverdue, "prepay.date"},
		{`{` + loan + `,"late":{"fine_percent":2.5}}`, apierr.RateOutOfRange, "late.fine_percent"},
		{`{` + loan + `,"late":{"mora_percent":"1"}}`, apierr.InvalidFormat, "late.mora_percent"},
		{`{` + loan + `,"late":{"interest":"simple"}}`, apierr.InvalidFormat, "late.interest"},
		{`{` + loan + `,"late":{"count_from":1}}`, apierr.InvalidFormat, "late.count_from"},
		{`{` + loan + `,"late":{"grace":1}}`, apierr.InvalidFormat, "late.grace"},
	}
	var in strings.Builder
	for _, tt := range tests {
		in.WriteString(tt.line + "\n")
	}
	code, out, _ := runCLI(t, in.String(), "loan", "--batch")
	if code != exitInvalid {
		t.Errorf("exit %d, want 1", code)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != len(tests) {
		t.Fatalf("%d lines out for %d in:\n%s", len(lines), len(tests), out)
	}
	for i, tt := range tests {
		var e struct{ Error *apierr.Error }
		if err := json.Unmarshal([]byte(lines[i]), &e); err != nil || e.Error == nil || e.Error.Code != tt.code || e.Error.Param != tt.param {
			t.Errorf("%s:\n got %s\nwant %s on %q", tt.line, lines[i], tt.code, tt.param)
		}
	}
}

// TestLoanUsage: --batch is the command's only form; a flag is given once.
func TestLoanUsage(t *testing.T) {
	for _, args := range [][]string{{"loan"}, {"loan", "--batch", "--batch"}, {"loan", "--batch", "x"}, {"loan", "--json"}} {
		if code, _, errOut := runCLI(t, "", args...); code != exitUsage || !strings.Contains(errOut, "lending loan") {
			t.Errorf("%v: exit %d, stderr %q", args, code, errOut)
		}
	}
	if code, out, _ := runCLI(t, "", "loan", "-h"); code != exitOK || out != loanUsageText {
		t.Errorf("loan -h: exit %d", code)
	}
}

// TestPayoffCommand: the plain form, as text (the figures of
// TestLoanBatchPayoffAndPrepay) and as JSON; its usage errors.
func TestPayoffCommand(t *testing.T) {
	args := []string{"payoff", "--amount", "10000.00", "--installments", "12", "--rate", "3", "--release", "2026-12-15",
		"--paid", "6", "--on", "2027-06-15"}
	code, out, errOut := runCLI(t, "", args...)
	want := `payoff on 2027-06-15  5442.23
prepayment fee        0.00

   #  remaining  present value  discount  late
   7    1004.62         975.36     29.26  0.00
   8    1004.62         946.95     57.67  0.00
   9    1004.62         919.37     85.25  0.00
  10    1004.62         892.59    112.03  0.00
  11    1004.62         866.59    138.03  0.00
  12    1004.63         841.36    163.27  0.00
`
	if code != exitOK || errOut != "" || out != want {
		t.Errorf("exit %d, stderr %q, out:\n%s\nwant:\n%s", code, errOut, out, want)
	}
	doc, _ := os.ReadFile("doc.go")
	for _, l := range strings.Split(strings.TrimSuffix(want, "\n"), "\n") {
		if !strings.Contains(string(doc), "//\t"+l+"\n") && l != "" {
			t.Errorf("doc.go's example lacks the line %q", l)
		}
	}
	code, out, _ = runCLI(t, "", append(args, "--json")...)
	var p struct{ Amount string }
	if code != exitOK || json.Unmarshal([]byte(out), &p) != nil || p.Amount != "5442.23" {
		t.Errorf("--json: exit %d, %s", code, out)
	}
	for _, bad := range [][]string{
		{"payoff", "--amount", "10000.00", "--installments", "12", "--rate", "3"},                                      // no --on
		{"payoff", "--amount", "1.00", "--amount", "2.00", "--installments", "1", "--rate", "0", "--on", "2026-01-01"}, // repeated
		{"payoff", "--batch"},
	} {
		if code, _, _ := runCLI(t, "", bad...); code != exitUsage {
			t.Errorf("%v: exit %d, want 2", bad, code)
		}
	}
	base := args[: len(args)-4 : len(args)-4]
	code, _, errOut = runCLI(t, "", append(base, "--paid", "13", "--on", "2027-06-15")...)
	if code != exitInvalid || !strings.HasPrefix(errOut, "value_out_of_range: paid 13") {
		t.Errorf("--paid 13: exit %d, %q", code, errOut)
	}
	code, _, errOut = runCLI(t, "", append(base, "--on", "2026-12-14")...)
	if code != exitInvalid || !strings.HasPrefix(errOut, "invalid_due_date: on 2026-12-14") {
		t.Errorf("--on before the release: exit %d, %q", code, errOut)
	}
}

// TestDocLoanAndPayoff: doc.go and the help texts name every flag of payoff and
// every batch key of loan.
func TestDocLoanAndPayoff(t *testing.T) {
	raw, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(raw)
	fs := flag.NewFlagSet("payoff", flag.ContinueOnError)
	var f simulateFlags
	registerPayoffFlags(fs, &f)
	fs.Int("paid", 0, "")
	fs.String("on", "", "")
	fs.VisitAll(func(fl *flag.Flag) {
		if fl.Name == "batch" { // refused: lending loan --batch is the batch form
			return
		}
		if !strings.Contains(doc, "--"+fl.Name) || !strings.Contains(payoffUsageText, "--"+fl.Name) {
			t.Errorf("payoff --%s is missing from doc.go or from its help", fl.Name)
		}
	})
	for _, keys := range [][]string{loanKeys, loanPaymentKeys, loanPrepayKeys, loanLateKeys, simulateKeys} {
		for _, k := range keys {
			if !strings.Contains(doc, `"`+k+`"`) && !strings.Contains(doc, " "+k) || !strings.Contains(loanUsageText, k) {
				t.Errorf("loan's batch key %s is missing from doc.go or from its help", k)
			}
		}
	}
}

// FuzzLoanLine: any line is answered with one JSON line, an answer object or an error
// object with a code and a detail; nothing panics.
func FuzzLoanLine(f *testing.F) {
	f.Add([]byte(`{"loan":{"amount":"3000.00","installments":1,"rate":0,"release":"2026-03-02","borrower":"pf"},"as_of":"2026-04-12"}`))
	f.Add([]byte(`{"loan":{"amount":"10000.00","installments":12,"rate":3,"release":"2026-03-10"},"payments":[{"installment":1,"amount":"1004.62","paid_at":"2026-04-20"},{"installment":2,"amount":"1.00","paid_at":"2026-06-01"}],"as_of":"2026-06-15","payoff":true,"prepay":{"date":"2026-04-10","amount":"3000.00","mode":"reduce_installment"},"late":{"fine_percent":1.5,"mora_percent":0.5,"interest":"linear","count_from":"rolled"}}`))
	f.Add([]byte(`{"loan":{"amount":"10000.00","installments":12,"rate":3,"release":"2026-03-10","first_due":"2026-09-01"},"as_of":"2027-09-01","payoff":true}`))
	f.Add([]byte(`{"loan":null,"payments":[null],"late":{}}`))
	f.Add([]byte("\xff{"))
	now := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, line []byte) {
		out, ok := loanAnswer(line, func() time.Time { return now })
		if bytes.Count(out, []byte("\n")) != 1 || out[len(out)-1] != '\n' || !json.Valid(out) {
			t.Fatalf("answer %q is not one JSON line", out)
		}
		var e struct {
			Error *apierr.Error `json:"error"`
		}
		if err := json.Unmarshal(out, &e); err != nil {
			t.Fatal(err)
		}
		if ok != (e.Error == nil) {
			t.Fatalf("ok = %v for %s", ok, out)
		}
		if !ok && (e.Error.Code == "" || e.Error.Detail == "" || e.Error.Code == apierr.Internal) {
			t.Fatalf("error %s for %q", out, line)
		}
	})
}

package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/calendar"
	"github.com/dinie/lending/cet"
	"github.com/dinie/lending/internal/strictjson"
	"github.com/dinie/lending/money"
	"github.com/shopspring/decimal"
)

// cetUsageText is the help of `lending cet`.
const cetUsageText = `usage:
  lending cet --batch    read one JSON object per line from stdin and print one
                         JSON line per object: its CET or its error

Input line:
  {"release":"YYYY-MM-DD","net":"940.00","flows":[{"date":"YYYY-MM-DD","amount":"205.73"},...]}
release is the day the credit is released, net the amount the borrower receives
(FC0), flows the payments on their (rolled) due dates. Money is the API's wire
format (digits, a point, exactly two decimals). Keys are read exactly: a key
given twice, two keys that differ only in case ("net" and "NeT") or any other
key is invalid_format naming it.

Output line:
  {"cet_annual":0.44075231889231026,"cet_percentage":44.08,"cet_monthly_percentage":3.09}
  {"error":{"code":"invalid_format","param":"flows[3].amount","detail":"..."}}
cet_annual is the CET as a fraction per year, printed in full (the shortest
decimal that reads back as the same float64); the percentages have 2 decimals
rounded half to even (ABNT NBR 5891). Time is calendar days over 365
(Res. CMN 4.881/2020); see the cet package for the method.

Error codes: malformed_body (not a JSON object, or a line over 1 MiB);
missing_required_field (release, net, flows or a flow's date or amount missing,
or no flows); invalid_format (money or date not in the wire format, a field
of the wrong JSON type, a key given twice, differing only in case or unknown);
invalid_due_date (a payment before release); date_out_of_range (a date outside
0001-01-02 to 9999-12-31, 0001-01-01 and 0000-01-01 included, or a payment more
than 100 years after release);
amount_out_of_range (net zero or too large, no positive payment after release,
payments on the release date reaching net); installments_out_of_range (more than
10,000 flows); rate_out_of_range (a CET above 10^12 % a.a.).

A bad line never stops the batch. Blank lines are skipped. The exit status is 1
if any line had an error, 0 otherwise.
`

// runCET runs `lending cet --batch`. Parsing uses the shared parsers
// (money.Parse, calendar.ParseDate) and the math is cet.SolveDates.
func runCET(args []string, s streams) int {
	batch := false
	for _, a := range args {
		switch a {
		case "--batch", "-batch":
			batch = true
		case "help", "-h", "--help":
			fmt.Fprint(s.out, cetUsageText)
			return exitOK
		default:
			return cetUsage(s, fmt.Sprintf("unknown argument %q", a))
		}
	}
	if !batch {
		return cetUsage(s, "missing --batch (the CET is read from stdin, one JSON object per line)")
	}

	return jsonBatch("cet", s, cetAnswer)
}

func cetUsage(s streams, problem string) int {
	return commandUsage(s, "cet", cetUsageText, problem)
}

// cetResult is a successful output line.
type cetResult struct {
	Annual            float64 `json:"cet_annual"`
	Percentage        float64 `json:"cet_percentage"`
	MonthlyPercentage float64 `json:"cet_monthly_percentage"`
}

// cetAnswer returns the output line (newline included) for one non-blank input
// line, and whether the input was valid.
func cetAnswer(line []byte) ([]byte, bool) {
	release, net, flows, verr := decodeCETLine(line)
	if verr != nil {
		return errorLine(verr), false
	}
	r, err := cet.SolveDates(release, net, flows)
	if err != nil {
		return errorLine(cetError(err)), false
	}
	out, _ := json.Marshal(cetResult{ // three finite float64s cannot fail
		Annual:            r.Annual(),
		Percentage:        r.Percent(),
		MonthlyPercentage: r.MonthlyPercent(),
	})
	return append(out, '\n'), true
}

// The keys of a cet line and of its flows.
var (
	cetKeys     = []string{"release", "net", "flows"}
	cetFlowKeys = []string{"date", "amount"}
)

// decodeCETLine parses one input line with the shared strict reader and the
// shared wire-format parsers: keys exactly as written (case counts), each once,
// no other key.
func decodeCETLine(line []byte) (release time.Time, net decimal.Decimal, flows []cet.DatedFlow, verr *apierr.Error) {
	root, verr := parseLine(line, strictjson.Limits{})
	if verr != nil {
		return release, net, nil, verr
	}
	in, verr := lineKeys(root, "", cetKeys)
	if verr != nil {
		return release, net, nil, verr
	}
	v, ok := in["release"]
	if release, verr = dateField(v, ok, "release"); verr != nil {
		return
	}
	v, ok = in["net"]
	if net, verr = moneyField(v, ok, "net"); verr != nil {
		return
	}
	fv, ok := in["flows"]
	if !ok {
		return release, net, nil, apierr.Errorf(apierr.MissingRequiredField, "flows", "flows is required")
	}
	if fv.Kind != strictjson.Array {
		return release, net, nil, apierr.Errorf(apierr.InvalidFormat, "flows", "flows must be an array of {date, amount} objects")
	}
	flows = make([]cet.DatedFlow, len(fv.Elems))
	for i, fr := range fv.Elems {
		p := "flows[" + strconv.Itoa(i) + "]"
		if fr.Kind != strictjson.Object {
			return release, net, nil, apierr.Errorf(apierr.InvalidFormat, p, "%s must be a {date, amount} object", p)
		}
		f, verr := lineKeys(fr, p, cetFlowKeys)
		if verr != nil {
			return release, net, nil, verr
		}
		v, ok := f["date"]
		if flows[i].Date, verr = dateField(v, ok, p+".date"); verr != nil {
			return release, net, nil, verr
		}
		v, ok = f["amount"]
		if flows[i].Amount, verr = moneyField(v, ok, p+".amount"); verr != nil {
			return release, net, nil, verr
		}
	}
	return release, net, flows, nil
}

// moneyField reads a required money string (money.Parse), reported for param.
func moneyField(v strictjson.Value, ok bool, param string) (decimal.Decimal, *apierr.Error) {
	s, verr := stringField(v, ok, param)
	if verr != nil {
		return decimal.Decimal{}, verr
	}
	d, err := money.Parse(s)
	if err != nil {
		return decimal.Decimal{}, strictjson.First(apierr.Relabel(err, param))
	}
	return d, nil
}

// dateField reads a required civil date (calendar.Date's decoder: the zero date
// 0001-01-01 given is date_out_of_range, never "absent") as a time.Time at
// midnight UTC, the form cet.SolveDates reads.
func dateField(v strictjson.Value, ok bool, param string) (time.Time, *apierr.Error) {
	s, verr := stringField(v, ok, param)
	if verr != nil {
		return time.Time{}, verr
	}
	d, verr := givenDate(s, param)
	if verr != nil {
		return time.Time{}, verr
	}
	y, m, dd := d.Date()
	return time.Date(y, m, dd, 0, 0, 0, 0, time.UTC), nil
}

// givenDate parses a date given in an input (a flag or a key) with
// calendar.Date's decoder, reported for param: the zero date 0001-01-01 is
// date_out_of_range like 0000-01-01, since absence is a key or flag left out.
func givenDate(s, param string) (calendar.Date, *apierr.Error) {
	var d calendar.Date
	if err := d.UnmarshalText([]byte(s)); err != nil {
		return d, strictjson.First(apierr.Relabel(err, param))
	}
	return d, nil
}

// cetError is a cet error as the API's error shape: cet reports only *apierr.Error,
// with the codes its doc lists.
func cetError(err error) *apierr.Error {
	var e *apierr.Error
	if !errors.As(err, &e) {
		return apierr.Wrap(err, apierr.Internal, "", "%v", err)
	}
	return e
}

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
format (digits, a point, exactly two decimals); other fields are ignored.

Output line:
  {"cet_annual":0.44075231889231026,"cet_percentage":44.08,"cet_monthly_percentage":3.09}
  {"error":{"code":"invalid_format","param":"flows[3].amount","detail":"..."}}
cet_annual is the CET as a fraction per year, printed in full (the shortest
decimal that reads back as the same float64); the percentages have 2 decimals
rounded half to even (ABNT NBR 5891). Time is calendar days over 365
(Res. CMN 4.881/2020); see the cet package for the method.

Error codes: malformed_body (not a JSON object, or a line over 1 MiB);
missing_required_field (release, net, flows or a flow's date or amount missing,
or no flows); invalid_format (money or date not in the wire format, or a field
of the wrong JSON type); invalid_due_date (a payment before release);
date_out_of_range (a payment more than 100 years after release);
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

// cetLine is the input object. Fields stay raw so that a missing field, a null
// and a value of the wrong JSON type each get their own error and param.
type cetLine struct {
	Release json.RawMessage `json:"release"`
	Net     json.RawMessage `json:"net"`
	Flows   json.RawMessage `json:"flows"`
}

type cetFlow struct {
	Date   json.RawMessage `json:"date"`
	Amount json.RawMessage `json:"amount"`
}

// decodeCETLine parses one input line with the shared wire-format parsers.
func decodeCETLine(line []byte) (release time.Time, net decimal.Decimal, flows []cet.DatedFlow, verr *apierr.Error) {
	var in cetLine
	if err := decodeObject(line, &in); err != nil {
		return release, net, nil, err
	}
	if release, verr = dateField(in.Release, "release"); verr != nil {
		return
	}
	if net, verr = moneyField(in.Net, "net"); verr != nil {
		return
	}
	if isNull(in.Flows) {
		return release, net, nil, apierr.Errorf(apierr.MissingRequiredField, "flows", "flows is required")
	}
	var raw []json.RawMessage
	if err := json.Unmarshal(in.Flows, &raw); err != nil {
		return release, net, nil, apierr.Errorf(apierr.InvalidFormat, "flows", "flows must be an array of {date, amount} objects")
	}
	flows = make([]cet.DatedFlow, len(raw))
	for i, fr := range raw {
		p := "flows[" + strconv.Itoa(i) + "]"
		var f cetFlow
		if isNull(fr) || fr[0] != '{' || json.Unmarshal(fr, &f) != nil {
			return release, net, nil, apierr.Errorf(apierr.InvalidFormat, p, "%s must be a {date, amount} object", p)
		}
		if flows[i].Date, verr = dateField(f.Date, p+".date"); verr != nil {
			return
		}
		if flows[i].Amount, verr = moneyField(f.Amount, p+".amount"); verr != nil {
			return
		}
	}
	return release, net, flows, nil
}

func moneyField(raw json.RawMessage, param string) (decimal.Decimal, *apierr.Error) {
	s, verr := stringField(raw, param)
	if verr != nil {
		return decimal.Decimal{}, verr
	}
	d, err := money.Parse(s)
	if err != nil {
		var e *apierr.Error
		if errors.As(err, &e) {
			return decimal.Decimal{}, e.WithParam(param)
		}
		return decimal.Decimal{}, apierr.Errorf(apierr.InvalidFormat, param, "%s: %v", param, err)
	}
	return d, nil
}

// dateField reads a civil date as a time.Time at midnight UTC, the form
// cet.SolveDates reads.
func dateField(raw json.RawMessage, param string) (time.Time, *apierr.Error) {
	s, verr := stringField(raw, param)
	if verr != nil {
		return time.Time{}, verr
	}
	d, err := calendar.ParseDate(s)
	if err != nil {
		var e *apierr.Error
		errors.As(err, &e) // calendar returns only *apierr.Error
		return time.Time{}, e.WithParam(param)
	}
	y, m, dd := d.Date()
	return time.Date(y, m, dd, 0, 0, 0, 0, time.UTC), nil
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

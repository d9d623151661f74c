package simulation_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/calendar"
	"github.com/dinie/lending/iof"
	"github.com/dinie/lending/schedule"
	"github.com/dinie/lending/simulation"
	"github.com/dinie/lending/statemachine"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func date(s string) calendar.Date {
	d, err := calendar.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func rate(s string) schedule.MonthlyRate {
	r, err := schedule.ParsePercentPerMonth(s)
	if err != nil {
		panic(err)
	}
	return r
}

var (
	now        = time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	validUntil = time.Date(2026, 3, 31, 23, 59, 59, 0, time.UTC)
)

// okOffer is a valid offer: R$ 1,000.00 to R$ 50,000.00 at 3 % a.m., 6 to 24
// installments, an MEI.
func okOffer() statemachine.Offer {
	return statemachine.Offer{
		ID: "co_550e8400e29b41d4a716446655440000", CustomerID: "cust_550e8400e29b41d4a716446655440000",
		Status: statemachine.OfferAvailable, ApprovedAmount: dec("50000.00"), MinAmount: dec("1000.00"),
		InterestRate: rate("3"), MinInstallments: 6, MaxInstallments: 24, ValidUntil: validUntil,
		BorrowerClass: iof.MEI,
	}
}

func okRequest() simulation.Request {
	return simulation.Request{RequestedAmount: dec("10000.00"), InstallmentCount: 12}
}

func okOptions() simulation.Options {
	return simulation.Options{Now: now, Release: date("2026-03-10")}
}

// TestChecks: every check of the package doc's "Request checks", with its code
// and param, and the order in which they are reported.
func TestChecks(t *testing.T) {
	type mod func(*statemachine.Offer, *simulation.Request, *simulation.Options)
	tests := []struct {
		name   string
		mod    mod
		code   apierr.Code
		param  string
		detail string // a substring of the detail, when it matters
		reason error  // errors.Is, when it matters
	}{
		// 1. The offer.
		{"offer id", func(o *statemachine.Offer, _ *simulation.Request, _ *simulation.Options) {
			o.ID = "ln_550e8400e29b41d4a716446655440000"
		},
			apierr.InvalidFormat, "credit_offer_id", "", nil},
		{"customer id", func(o *statemachine.Offer, _ *simulation.Request, _ *simulation.Options) { o.CustomerID = "cust_x" },
			apierr.InvalidFormat, "customer_id", "", nil},
		{"status unset", func(o *statemachine.Offer, _ *simulation.Request, _ *simulation.Options) { o.Status = 0 },
			apierr.InvalidFormat, "status", "", nil},
		{"valid_until unset", func(o *statemachine.Offer, _ *simulation.Request, _ *simulation.Options) { o.ValidUntil = time.Time{} },
			apierr.MissingRequiredField, "valid_until", "", nil},
		{"approved zero", func(o *statemachine.Offer, _ *simulation.Request, _ *simulation.Options) {
			o.ApprovedAmount = decimal.Zero
		},
			apierr.AmountOutOfRange, "approved_amount", "", apierr.ErrRange},
		{"approved fraction of a cent", func(o *statemachine.Offer, _ *simulation.Request, _ *simulation.Options) {
			o.ApprovedAmount = dec("50000.005")
		},
			apierr.InvalidFormat, "approved_amount", "", apierr.ErrPrecision},
		{"approved above the library", func(o *statemachine.Offer, _ *simulation.Request, _ *simulation.Options) {
			o.ApprovedAmount = dec("1000000000.01")
		},
			apierr.AmountOutOfRange, "approved_amount", "", nil},
		{"min zero", func(o *statemachine.Offer, _ *simulation.Request, _ *simulation.Options) { o.MinAmount = decimal.Zero },
			apierr.AmountOutOfRange, "min_amount", "", nil},
		{"min above approved", func(o *statemachine.Offer, _ *simulation.Request, _ *simulation.Options) {
			o.MinAmount = dec("50000.01")
		},
			apierr.AmountOutOfRange, "min_amount", "min_amount 50000.01 is above approved_amount 50000.00", nil},
		{"fixed and range", func(o *statemachine.Offer, _ *simulation.Request, _ *simulation.Options) { o.Installments = 12 },
			apierr.InvalidFormat, "installments", "", nil},
		{"no installment rule", func(o *statemachine.Offer, _ *simulation.Request, _ *simulation.Options) {
			o.MinInstallments, o.MaxInstallments = 0, 0
		}, apierr.MissingRequiredField, "installments", "", nil},
		{"fixed above 420", func(o *statemachine.Offer, _ *simulation.Request, _ *simulation.Options) {
			o.MinInstallments, o.MaxInstallments, o.Installments = 0, 0, 421
		}, apierr.InstallmentsOutOfRange, "installments", "", nil},
		{"range from 0", func(o *statemachine.Offer, _ *simulation.Request, _ *simulation.Options) { o.MinInstallments = 0 },
			apierr.InstallmentsOutOfRange, "min_installments", "", nil},
		{"range to 421", func(o *statemachine.Offer, _ *simulation.Request, _ *simulation.Options) { o.MaxInstallments = 421 },
			apierr.InstallmentsOutOfRange, "max_installments", "", nil},
		{"range reversed", func(o *statemachine.Offer, _ *simulation.Request, _ *simulation.Options) { o.MinInstallments = 25 },
			apierr.InstallmentsOutOfRange, "min_installments", "min_installments 25 is above max_installments 24", nil},
		{"negative fixed fee", func(o *statemachine.Offer, _ *simulation.Request, _ *simulation.Options) { o.FeeFixed = dec("-0.01") },
			apierr.AmountOutOfRange, "fee_fixed", "", nil},
		{"fixed fee fraction of a cent", func(o *statemachine.Offer, _ *simulation.Request, _ *simulation.Options) { o.FeeFixed = dec("0.001") },
			apierr.InvalidFormat, "fee_fixed", "", nil},
		{"fee percent above 100", func(o *statemachine.Offer, _ *simulation.Request, _ *simulation.Options) {
			o.FeePercent = dec("100.0000000001")
		},
			apierr.RateOutOfRange, "fee_percent", "", nil},
		{"negative fee percent", func(o *statemachine.Offer, _ *simulation.Request, _ *simulation.Options) { o.FeePercent = dec("-1") },
			apierr.RateOutOfRange, "fee_percent", "", nil},
		{"fee percent with 11 places", func(o *statemachine.Offer, _ *simulation.Request, _ *simulation.Options) {
			o.FeePercent = dec("1.00000000001")
		},
			apierr.InvalidFormat, "fee_percent", "", apierr.ErrPrecision},
		{"class unset", func(o *statemachine.Offer, _ *simulation.Request, _ *simulation.Options) { o.BorrowerClass = 0 },
			apierr.MissingRequiredField, "borrower_class", "", nil},
		{"class unknown", func(o *statemachine.Offer, _ *simulation.Request, _ *simulation.Options) { o.BorrowerClass = 9 },
			apierr.InvalidFormat, "borrower_class", "", iof.ErrUnknownClass},
		// 2. The options.
		{"now unset", func(_ *statemachine.Offer, _ *simulation.Request, opts *simulation.Options) { opts.Now = time.Time{} },
			apierr.MissingRequiredField, "now", "", nil},
		{"release unset", func(_ *statemachine.Offer, _ *simulation.Request, opts *simulation.Options) {
			opts.Release = calendar.Date{}
		},
			apierr.MissingRequiredField, "release_date", "", nil},
		{"charges unknown", func(_ *statemachine.Offer, _ *simulation.Request, opts *simulation.Options) { opts.Charges = 7 },
			apierr.InvalidFormat, "charges", "", nil},
		// 3. The offer's state.
		{"accepted", func(o *statemachine.Offer, _ *simulation.Request, _ *simulation.Options) {
			o.Status = statemachine.OfferAccepted
		},
			apierr.OfferAlreadyAccepted, "credit_offer_id", "", nil},
		{"expired", func(o *statemachine.Offer, _ *simulation.Request, _ *simulation.Options) {
			o.Status = statemachine.OfferExpired
		},
			apierr.OfferExpired, "credit_offer_id", "", nil},
		{"past valid_until", func(_ *statemachine.Offer, _ *simulation.Request, opts *simulation.Options) {
			opts.Now = validUntil.Add(time.Nanosecond)
		},
			apierr.OfferExpired, "credit_offer_id", "expired at 2026-03-31T23:59:59Z", nil},
		// 4. The amount.
		{"amount fraction of a cent", func(_ *statemachine.Offer, r *simulation.Request, _ *simulation.Options) {
			r.RequestedAmount = dec("10000.001")
		},
			apierr.InvalidFormat, "requested_amount", "", apierr.ErrPrecision},
		{"amount above approved", func(_ *statemachine.Offer, r *simulation.Request, _ *simulation.Options) {
			r.RequestedAmount = dec("60000")
		},
			apierr.AmountOutOfRange, "requested_amount", "requested_amount 60000.00 is above approved_amount 50000.00", nil},
		{"amount below min", func(_ *statemachine.Offer, r *simulation.Request, _ *simulation.Options) {
			r.RequestedAmount = dec("999.99")
		},
			apierr.AmountOutOfRange, "requested_amount", "requested_amount 999.99 is below min_amount 1000.00", nil},
		{"amount negative", func(_ *statemachine.Offer, r *simulation.Request, _ *simulation.Options) {
			r.RequestedAmount = dec("-10000")
		},
			apierr.AmountOutOfRange, "requested_amount", "", nil},
		{"amount astronomic", func(_ *statemachine.Offer, r *simulation.Request, _ *simulation.Options) {
			r.RequestedAmount = dec("1e40")
		},
			apierr.AmountOutOfRange, "requested_amount", "", nil},
		// 5. The count.
		{"count outside the range", func(_ *statemachine.Offer, r *simulation.Request, _ *simulation.Options) { r.InstallmentCount = 25 },
			apierr.InstallmentsOutOfRange, "installment_count", "installment_count 25 is outside the offer's 6 to 24 installments", nil},
		{"count zero", func(_ *statemachine.Offer, r *simulation.Request, _ *simulation.Options) { r.InstallmentCount = 0 },
			apierr.InstallmentsOutOfRange, "installment_count", "", nil},
		{"count not the fixed one", func(o *statemachine.Offer, r *simulation.Request, _ *simulation.Options) {
			o.MinInstallments, o.MaxInstallments, o.Installments = 0, 0, 10
		}, apierr.InstallmentsOutOfRange, "installment_count", "the offer has a fixed 10 installments", nil},
		// 6. The computation.
		{"first due on the release", func(_ *statemachine.Offer, _ *simulation.Request, opts *simulation.Options) {
			opts.FirstDue = opts.Release
		},
			apierr.InvalidDueDate, "first_due_date", "", nil},
		{"first due too far", func(_ *statemachine.Offer, _ *simulation.Request, opts *simulation.Options) {
			opts.FirstDue = date("2026-09-07")
		},
			apierr.InvalidDueDate, "first_due_date", "", nil},
		{"roll unknown", func(_ *statemachine.Offer, _ *simulation.Request, opts *simulation.Options) { opts.Roll = 9 },
			apierr.InvalidFormat, "roll", "", nil},
		{"day count unknown", func(_ *statemachine.Offer, _ *simulation.Request, opts *simulation.Options) { opts.DayCount = 9 },
			apierr.InvalidFormat, "day_count", "", nil},
		{"release before the IOF table", func(_ *statemachine.Offer, _ *simulation.Request, opts *simulation.Options) {
			opts.Release = date("2012-05-22")
		},
			apierr.DateOutOfRange, "release_date", "", nil},
		{"release before the IOF table, financed", func(_ *statemachine.Offer, _ *simulation.Request, opts *simulation.Options) {
			opts.Release, opts.Charges = date("2012-05-22"), simulation.Financed
		}, apierr.DateOutOfRange, "release_date", "", nil},
		{"fees take everything", func(o *statemachine.Offer, r *simulation.Request, _ *simulation.Options) {
			o.FeeFixed, o.MinAmount, r.RequestedAmount = dec("995.00"), dec("1.00"), dec("1000.00")
		}, apierr.AmountOutOfRange, "requested_amount", "fees_amount 995.00 and iof_amount", simulation.ErrNoNetAmount},
		{"fee percent 100", func(o *statemachine.Offer, _ *simulation.Request, _ *simulation.Options) { o.FeePercent = dec("100") },
			apierr.AmountOutOfRange, "requested_amount", "", simulation.ErrNoNetAmount},
		{"too small for cent precision", func(o *statemachine.Offer, r *simulation.Request, _ *simulation.Options) {
			o.MinAmount, o.InterestRate, r.RequestedAmount, r.InstallmentCount = dec("1.00"), rate("0"), dec("1.00"), 18
		}, apierr.AmountOutOfRange, "requested_amount", "", schedule.ErrResidueExhaustsBalance},
		// The order: the earliest check wins.
		{"offer before options", func(o *statemachine.Offer, _ *simulation.Request, opts *simulation.Options) {
			o.Status, opts.Now = 0, time.Time{}
		}, apierr.InvalidFormat, "status", "", nil},
		{"options before state", func(o *statemachine.Offer, _ *simulation.Request, opts *simulation.Options) {
			o.Status, opts.Release = statemachine.OfferAccepted, calendar.Date{}
		}, apierr.MissingRequiredField, "release_date", "", nil},
		{"accepted before expired", func(o *statemachine.Offer, _ *simulation.Request, opts *simulation.Options) {
			o.Status, opts.Now = statemachine.OfferAccepted, validUntil.Add(time.Hour)
		}, apierr.OfferAlreadyAccepted, "credit_offer_id", "", nil},
		{"state before amount", func(_ *statemachine.Offer, r *simulation.Request, opts *simulation.Options) {
			opts.Now, r.RequestedAmount = validUntil.Add(time.Hour), dec("60000")
		}, apierr.OfferExpired, "credit_offer_id", "", nil},
		{"amount before count", func(_ *statemachine.Offer, r *simulation.Request, _ *simulation.Options) {
			r.RequestedAmount, r.InstallmentCount = dec("60000"), 99
		}, apierr.AmountOutOfRange, "requested_amount", "", nil},
		{"count before dates", func(_ *statemachine.Offer, r *simulation.Request, opts *simulation.Options) {
			r.InstallmentCount, opts.FirstDue = 99, opts.Release
		}, apierr.InstallmentsOutOfRange, "installment_count", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o, r, opts := okOffer(), okRequest(), okOptions()
			tt.mod(&o, &r, &opts)
			s, err := simulation.Simulate(o, r, opts)
			var e *apierr.Error
			if !errors.As(err, &e) {
				t.Fatalf("Simulate = %v, %v; want a *apierr.Error", s, err)
			}
			if s != nil || e.Code != tt.code || e.Param != tt.param || !strings.Contains(e.Detail, tt.detail) {
				t.Errorf("Simulate = %s (%s) %q, want %s (%s) containing %q", e.Code, e.Param, e.Detail, tt.code, tt.param, tt.detail)
			}
			if !errors.Is(err, tt.code) {
				t.Errorf("errors.Is(err, %s) is false", tt.code)
			}
			if tt.reason != nil && !errors.Is(err, tt.reason) {
				t.Errorf("errors.Is(err, %v) is false for %#v", tt.reason, e)
			}
		})
	}
}

// TestValidAtValidUntil: at valid_until itself the offer is still valid
// (docs/lifecycles.md §5: expired exactly when now > valid_until).
func TestValidAtValidUntil(t *testing.T) {
	opts := okOptions()
	opts.Now = validUntil
	opts.Release, _ = calendar.DateOf(validUntil)
	if _, err := simulation.Simulate(okOffer(), okRequest(), opts); err != nil {
		t.Fatal(err)
	}
}

// TestAmountBoundsInclusive: min_amount and approved_amount are allowed.
func TestAmountBoundsInclusive(t *testing.T) {
	for _, a := range []string{"1000.00", "50000.00"} {
		r := okRequest()
		r.RequestedAmount = dec(a)
		if _, err := simulation.Simulate(okOffer(), r, okOptions()); err != nil {
			t.Errorf("%s: %v", a, err)
		}
	}
}

// TestFinancedAboveApproved: approved_amount bounds the requested amount only; a
// financed principal may exceed it (package doc, "Charges modes").
func TestFinancedAboveApproved(t *testing.T) {
	r := okRequest()
	r.RequestedAmount = dec("50000.00")
	opts := okOptions()
	opts.Charges = simulation.Financed
	s, err := simulation.Simulate(okOffer(), r, opts)
	if err != nil {
		t.Fatal(err)
	}
	if c := s.Cents(); c.Principal <= 5_000_000 || c.Amount < 5_000_000 {
		t.Errorf("principal %d, amount %d", c.Principal, c.Amount)
	}
}

func TestParseRequest(t *testing.T) {
	r, err := simulation.ParseRequest("25000.00", 12)
	if err != nil || !r.RequestedAmount.Equal(dec("25000")) || r.InstallmentCount != 12 {
		t.Fatalf("ParseRequest = %+v, %v", r, err)
	}
	for _, s := range []string{"", "25000", "25000.0", "25,000.00", "-1.00", "1e3", " 1.00", "1.000"} {
		_, err := simulation.ParseRequest(s, 12)
		var e *apierr.Error
		if !errors.As(err, &e) || e.Code != apierr.InvalidFormat || e.Param != "requested_amount" {
			t.Errorf("ParseRequest(%q) = %v; want invalid_format on requested_amount", s, err)
		}
	}
}

func TestCharges(t *testing.T) {
	for _, c := range []simulation.Charges{simulation.Deducted, simulation.Financed} {
		b, err := c.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		var back simulation.Charges
		if err := back.UnmarshalText(b); err != nil || back != c || c.String() != string(b) {
			t.Errorf("%v round trip: %v %v", c, back, err)
		}
	}
	if _, err := simulation.ParseCharges("Deducted"); !errors.Is(err, apierr.InvalidFormat) {
		t.Errorf("ParseCharges(Deducted) = %v", err)
	}
	if _, err := simulation.Charges(2).MarshalText(); err == nil || simulation.Charges(2).String() != "Charges(2)" {
		t.Errorf("Charges(2) marshals: %v", err)
	}
}

// TestFees: fees_amount = fixed + half-up(requested × percent / 100), by hand.
func TestFees(t *testing.T) {
	tests := []struct{ requested, fixed, percent, want string }{
		{"1000.20", "0", "2.5", "25.01"},    // 25.005 → 25.01 (a tie goes up)
		{"1000.20", "0", "2.4999", "25.00"}, // 25.0039998 → 25.00
		{"1000.00", "50.00", "1.5", "65.00"},
		{"1000.00", "0", "0.0000000001", "0.00"},
		{"10000000.00", "0", "12.3456789012", "1234567.89"}, // 1,234,567.89012 → 1,234,567.89
		{"12345.67", "0.01", "0", "0.01"},
		{"33.33", "0", "33.3333333333", "11.11"}, // 11.10999999998889 → 11.11
	}
	for _, tt := range tests {
		o := okOffer()
		o.MinAmount, o.ApprovedAmount = dec("1.00"), dec("1000000000.00")
		o.FeeFixed, o.FeePercent = dec(tt.fixed), dec(tt.percent)
		r := okRequest()
		r.RequestedAmount = dec(tt.requested)
		opts := okOptions()
		opts.Charges = simulation.Financed // fees must not leave the net empty
		s, err := simulation.Simulate(o, r, opts)
		if err != nil {
			t.Fatalf("%+v: %v", tt, err)
		}
		if got := s.FeesAmount().StringFixed(2); got != tt.want {
			t.Errorf("fees of %s at %s + %s %% = %s, want %s", tt.requested, tt.fixed, tt.percent, got, tt.want)
		}
	}
}

// TestRowJSONMatchesSchedule: the rows MarshalJSON writes are byte for byte what
// schedule.CentsRow.MarshalJSON writes, so schedule.Row reads them.
func TestRowJSONMatchesSchedule(t *testing.T) {
	o := okOffer()
	o.InterestRate = rate("10")
	opts := okOptions()
	opts.FirstDue = date("2026-09-01") // a long first period: a negative amortization
	s, err := simulation.Simulate(o, okRequest(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if s.CentsRow(1).Principal >= 0 {
		t.Fatalf("want a negative amortization in row 1, got %+v", s.CentsRow(1))
	}
	b, _ := s.MarshalJSON()
	var parts []string
	for k := 1; k <= s.NumberOfInstallments(); k++ {
		r, _ := s.CentsRow(k).MarshalJSON()
		parts = append(parts, string(r))
	}
	if want := `"schedule":[` + strings.Join(parts, ",") + `]}}`; !strings.HasSuffix(string(b), want) {
		t.Errorf("rows differ from schedule's:\n%s\nwant suffix\n%s", b, want)
	}
}

// TestUnmarshalChecks: UnmarshalJSON refuses what MarshalJSON would never write.
func TestUnmarshalChecks(t *testing.T) {
	s, err := simulation.Simulate(okOffer(), okRequest(), okOptions())
	if err != nil {
		t.Fatal(err)
	}
	good, _ := s.MarshalJSON()
	tests := []struct {
		name, from, to string
		code           apierr.Code
		param          string
	}{
		{"not JSON", `{"id"`, `{"id"x`, apierr.MalformedBody, ""},
		{"missing field", `"amount":"9904.49",`, ``, apierr.MissingRequiredField, "amount"},
		{"money format", `"amount":"9904.49"`, `"amount":"9904.5"`, apierr.InvalidFormat, "amount"},
		{"money type", `"amount":"9904.49"`, `"amount":9904.49`, apierr.InvalidFormat, "amount"},
		{"total off by a cent", `"total_loan_amount":"12055.45"`, `"total_loan_amount":"12055.46"`, apierr.InvalidFormat, "total_loan_amount"},
		{"iof split", `"daily_amount":"57.51"`, `"daily_amount":"57.52"`, apierr.InvalidFormat, "iof_amount"},
		{"annual rate", `"annual_interest_percentage":42.58`, `"annual_interest_percentage":42.57`, apierr.InvalidFormat, "breakdown.annual_interest_percentage"},
		{"row payment", `"payment":"1004.63"`, `"payment":"1004.64"`, apierr.InvalidFormat, "breakdown.schedule"},
		{"id", `"id":""`, `"id":"co_550e8400e29b41d4a716446655440000"`, apierr.InvalidFormat, "id"},
		{"count", `"number_of_installments":12`, `"number_of_installments":11`, apierr.InvalidFormat, "breakdown.schedule"},
		{"charges", `"charges":"deducted"`, `"charges":"paid"`, apierr.InvalidFormat, "breakdown.charges"},
		{"no breakdown", `,"breakdown":{`, `,"x":{`, apierr.InvalidFormat, "x"}, // the unknown key is reported first
		{"breakdown missing", `"breakdown"`, `"x"`, apierr.InvalidFormat, "x"},
		// Issue 19: duplicates, case-folded keys and unknown keys are refused.
		{"duplicate key", `"amount":"9904.49"`, `"amount":"1.00","amount":"9904.49"`, apierr.InvalidFormat, "amount"},
		{"key differing in case", `"amount":"9904.49"`, `"amount":"9904.49","AMOUNT":"1.00"`, apierr.InvalidFormat, "AMOUNT"},
		{"case-folded key only", `"amount":"9904.49"`, `"Amount":"9904.49"`, apierr.InvalidFormat, "Amount"},
		{"duplicate nested key", `"daily_amount":"57.51"`, `"daily_amount":"57.51","daily_amount":"57.51"`, apierr.InvalidFormat, "breakdown.iof.daily_amount"},
		{"unknown nested key", `"daily_amount":"57.51"`, `"daily_amount":"57.51","extra":1`, apierr.InvalidFormat, "breakdown.iof.extra"},
		{"zero first due", `"first_due_date":"2026-04-10"`, `"first_due_date":"0001-01-01"`, apierr.DateOutOfRange, "first_due_date"},
		{"first due", `"first_due_date":"2026-04-10"`, `"first_due_date":"2026-04-11"`, apierr.InvalidFormat, "first_due_date"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !bytes.Contains(good, []byte(tt.from)) {
				t.Fatalf("%q not in %s", tt.from, good)
			}
			bad := bytes.Replace(good, []byte(tt.from), []byte(tt.to), 1)
			var got simulation.Simulation
			err := got.UnmarshalJSON(bad)
			var e *apierr.Error
			if !errors.As(err, &e) || e.Code != tt.code || e.Param != tt.param {
				t.Errorf("Unmarshal = %v; want %s (%s)", err, tt.code, tt.param)
			}
		})
	}
}

// TestWithID: the server's id is checked and set on a copy.
func TestWithID(t *testing.T) {
	s, err := simulation.Simulate(okOffer(), okRequest(), okOptions())
	if err != nil {
		t.Fatal(err)
	}
	w, err := s.WithID("sim_550e8400e29b41d4a716446655440000")
	if err != nil || w.ID() != "sim_550e8400e29b41d4a716446655440000" || s.ID() != "" || w.Cents() != s.Cents() {
		t.Fatalf("WithID = %v, %v", w, err)
	}
	if _, err := s.WithID("co_550e8400e29b41d4a716446655440000"); !errors.Is(err, apierr.InvalidFormat) {
		t.Errorf("WithID(co_…) = %v", err)
	}
	if s.CreditOfferID() != okOffer().ID {
		t.Errorf("credit_offer_id %q", s.CreditOfferID())
	}
}

// TestGridChecks: Grid reports the count-independent checks once, and a
// count's own failure in its term.
func TestGridChecks(t *testing.T) {
	o := okOffer()
	o.Status = statemachine.OfferExpired
	if terms, err := simulation.Grid(o, dec("10000"), okOptions()); !errors.Is(err, apierr.OfferExpired) || terms != nil {
		t.Errorf("Grid on an expired offer = %v, %v", terms, err)
	}
	// R$ 1.00 at 0 %: installments of 0.01 pay it off before 101 installments;
	// counts up to 100 work, later ones are refused one by one.
	o = okOffer()
	o.MinAmount, o.InterestRate, o.MinInstallments, o.MaxInstallments = dec("1.00"), rate("0"), 99, 102
	opts := okOptions()
	opts.Release = date("2020-05-04") // the zero-IOF regime: the whole real is released
	opts.Now = time.Date(2020, 5, 4, 12, 0, 0, 0, time.UTC)
	o.ValidUntil = opts.Now
	terms, err := simulation.Grid(o, dec("1.00"), opts)
	if err != nil || len(terms) != 4 {
		t.Fatalf("Grid = %v, %v", terms, err)
	}
	for _, term := range terms {
		ok := term.Installments <= 100
		if (term.Err == nil) != ok || (term.Simulation != nil) != ok {
			t.Errorf("n=%d: %v, %v", term.Installments, term.Simulation, term.Err)
		}
	}
}

// TestCETDisplay: the percentages print as their 2 decimals (no float noise).
func TestCETDisplay(t *testing.T) {
	for _, a := range []string{"1000.00", "2345.67", "10000.00", "31415.92", "50000.00"} {
		r := okRequest()
		r.RequestedAmount = dec(a)
		s, err := simulation.Simulate(okOffer(), r, okOptions())
		if err != nil {
			t.Fatal(err)
		}
		b, _ := s.MarshalJSON()
		var v struct {
			CET json.Number `json:"cet_percentage"`
			B   struct {
				Monthly json.Number `json:"cet_monthly_percentage"`
			} `json:"breakdown"`
		}
		if err := json.Unmarshal(b, &v); err != nil {
			t.Fatal(err)
		}
		for _, n := range []json.Number{v.CET, v.B.Monthly} {
			if _, frac, _ := strings.Cut(n.String(), "."); len(frac) > 2 {
				t.Errorf("%s: percentage %s has float noise", a, n)
			}
		}
	}
}

// TestReleaseNotBeforeNow: a release is never before the São Paulo date of the
// simulation's instant (regression: a release years before Now was simulated). The
// check follows the offer's state and precedes the amount.
func TestReleaseNotBeforeNow(t *testing.T) {
	opts := okOptions()
	// 2026-03-11T02:30Z is 2026-03-10 23:30 in São Paulo: a release on the 10th holds.
	opts.Now = time.Date(2026, 3, 11, 2, 30, 0, 0, time.UTC)
	if _, err := simulation.Simulate(okOffer(), okRequest(), opts); err != nil {
		t.Errorf("release on the São Paulo date of now: %v", err)
	}
	// An hour later it is the 11th in São Paulo.
	opts.Now = opts.Now.Add(time.Hour)
	_, err := simulation.Simulate(okOffer(), okRequest(), opts)
	var e *apierr.Error
	if !errors.As(err, &e) || e.Code != apierr.DateOutOfRange || e.Param != "release_date" {
		t.Errorf("release the day before now: %v, want date_out_of_range for release_date", err)
	}
	opts.Release = date("2015-01-20") // years before
	req := okRequest()
	req.RequestedAmount = dec("1.00") // below min_amount: the release is reported first
	if _, err := simulation.Simulate(okOffer(), req, opts); !errors.Is(err, apierr.DateOutOfRange) {
		t.Errorf("release years before now: %v, want date_out_of_range", err)
	}
}

// TestCreatedAt: a simulation carries its instant, through JSON too.
func TestCreatedAt(t *testing.T) {
	opts := okOptions()
	s, err := simulation.Simulate(okOffer(), okRequest(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if !s.CreatedAt().Equal(opts.Now) {
		t.Errorf("CreatedAt = %v, want %v", s.CreatedAt(), opts.Now)
	}
	b, _ := s.MarshalJSON()
	var back simulation.Simulation
	if err := back.UnmarshalJSON(b); err != nil || !back.CreatedAt().Equal(opts.Now) {
		t.Errorf("read back: CreatedAt %v, %v", back.CreatedAt(), err)
	}
}

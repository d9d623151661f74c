package simulation

import (
	"encoding/json"
	"math"
	"strconv"
	"time"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/calendar"
	"github.com/dinie/lending/internal/strictjson"
	"github.com/dinie/lending/iof"
	"github.com/dinie/lending/money"
	"github.com/dinie/lending/schedule"
	"github.com/dinie/lending/validation"
)

// BreakdownKey is the one key of a simulation's JSON object that the API does not
// define: it holds everything the library adds to the API's fields (the package
// doc, "JSON"), so no extra field can collide with a present or future API field.
const BreakdownKey = "breakdown"

// MarshalJSON writes the API's simulation response body, field for field, followed
// by the breakdown (the package doc, "JSON", lists every key; ExampleSimulation_MarshalJSON
// shows a whole body):
//
// Money is a string with two decimals (a negative row principal, from negative
// amortization, has a leading '-'); interest_percentage is the monthly rate as an
// exact JSON number; the percentages are JSON numbers with at most 2 decimals,
// written in the shortest form that reads back as the same float64 (48.56,
// 3.3); dates are YYYY-MM-DD. It allocates the output buffer only.
func (s *Simulation) MarshalJSON() ([]byte, error) {
	if s == nil {
		return nil, apierr.NilReceiver("*simulation.Simulation")
	}
	return s.AppendJSON(make([]byte, 0, 820+200*s.n)), nil
}

// AppendJSON appends what MarshalJSON writes to b and returns the extended buffer.
func (s *Simulation) AppendJSON(b []byte) []byte {
	s = s.orZero()
	b = append(b, `{"id":`...)
	b = strconv.AppendQuote(b, s.id)
	b = append(b, `,"credit_offer_id":`...)
	b = strconv.AppendQuote(b, s.offerID)
	b = appendMoney(b, `,"requested_amount":`, s.requested)
	b = appendMoney(b, `,"amount":`, s.amount)
	b = appendMoney(b, `,"interest_amount":`, s.interest)
	b = appendMoney(b, `,"fees_amount":`, s.fees)
	b = appendMoney(b, `,"iof_amount":`, s.iof.TotalCents())
	b = appendMoney(b, `,"total_loan_amount":`, s.total)
	b = append(b, `,"interest_percentage":`...)
	b, _ = s.rate.AppendText(b) // never fails; the text is the JSON number
	b = append(b, `,"cet_percentage":`...)
	b = appendPercent(b, s.cetPercent)
	b = append(b, `,"number_of_installments":`...)
	b = strconv.AppendInt(b, int64(s.n), 10)
	b = appendMoney(b, `,"installments_value":`, s.installment)
	b = date(b, `,"first_due_date":`, s.firstDue)

	b = append(b, `,"`+BreakdownKey+`":{`...)
	b = appendMoney(b, `"principal":`, s.principal)
	b = append(b, `,"charges":"`...)
	b = append(b, s.charges.String()...)
	b = append(b, `","annual_interest_percentage":`...)
	b = appendHundredths(b, s.annualHundredths())
	b = append(b, `,"annual_interest_rate":`...)
	b, _ = s.annual.AppendText(b) // never fails; the text is the JSON number
	if s.perYear {
		b = append(b, `,"rate_per":"year"`...)
	} else {
		b = append(b, `,"rate_per":"month"`...)
	}
	b = append(b, `,"cet_monthly_percentage":`...)
	b = appendPercent(b, s.cetMonthlyPc)
	b = append(b, `,"created_at":"`...)
	b = s.createdAt.UTC().AppendFormat(b, time.RFC3339Nano)
	b = append(b, '"')
	b = date(b, `,"release_date":`, s.release)
	b = append(b, `,"day_count":"`...)
	b = append(b, s.dayCount.String()...)
	b = append(b, `","roll":"`...)
	b = append(b, s.roll.String()...)
	b = append(b, `","grace":`...)
	b = strconv.AppendInt(b, int64(s.grace), 10)
	b = append(b, `,"amortization":"`...)
	b = append(b, s.amort.String()...)
	b = append(b, `","iof":{`...)
	b = appendMoney(b, `"daily_amount":`, s.iof.DailyCents)
	b = appendMoney(b, `,"additional_amount":`, s.iof.AdditionalCents)
	b = append(b, `,"borrower_class":"`...)
	b = append(b, s.iof.Class.String()...)
	b = append(b, `","applied_class":"`...)
	b = append(b, s.iof.Applied.String()...)
	b = append(b, `","rates":{"daily":`...)
	b, _ = s.iof.Rates.Daily.AppendText(b) // never fails; the text is the JSON number
	b = append(b, `,"additional":`...)
	b, _ = s.iof.Rates.Additional.AppendText(b)
	b = append(b, `}},"schedule":[`...)
	for k := 1; k <= s.n; k++ {
		if k > 1 {
			b = append(b, ',')
		}
		b = s.CentsRow(k).AppendJSON(b)
	}
	return append(b, "]}}"...)
}

func appendMoney(b []byte, key string, cents int64) []byte {
	b = append(b, key...)
	b = append(b, '"')
	b = money.AppendCents(b, cents)
	return append(b, '"')
}

func date(b []byte, key string, d calendar.Date) []byte {
	b = append(b, key...)
	b = append(b, '"')
	b, _ = d.AppendText(b) // never fails
	return append(b, '"')
}

// appendPercent writes a 2-decimal percentage held as the nearest float64 in the
// shortest form that reads back as the same float64. Zero is written 0, never -0.
func appendPercent(b []byte, p float64) []byte {
	if p == 0 {
		p = 0
	}
	return strconv.AppendFloat(b, p, 'f', -1, 64)
}

// appendHundredths writes h/100 as a JSON number without trailing zeros.
func appendHundredths(b []byte, h int64) []byte { return money.AppendTrimmed(b, h, 2) }

// The wire shapes read by UnmarshalJSON. Pointers tell a missing field from a
// zero one.
type wireSimulation struct {
	ID                   *string               `json:"id"`
	CreditOfferID        *string               `json:"credit_offer_id"`
	RequestedAmount      *string               `json:"requested_amount"`
	Amount               *string               `json:"amount"`
	InterestAmount       *string               `json:"interest_amount"`
	FeesAmount           *string               `json:"fees_amount"`
	IOFAmount            *string               `json:"iof_amount"`
	TotalLoanAmount      *string               `json:"total_loan_amount"`
	InterestPercentage   *schedule.MonthlyRate `json:"interest_percentage"`
	CETPercentage        *float64              `json:"cet_percentage"`
	NumberOfInstallments *int                  `json:"number_of_installments"`
	InstallmentsValue    *string               `json:"installments_value"`
	FirstDueDate         *calendar.Date        `json:"first_due_date"`
	Breakdown            *wireBreakdown        `json:"breakdown"`
}

type wireBreakdown struct {
	Principal                *string                `json:"principal"`
	Charges                  *Charges               `json:"charges"`
	AnnualInterestPercentage *json.Number           `json:"annual_interest_percentage"`
	AnnualInterestRate       *schedule.AnnualRate   `json:"annual_interest_rate"`
	RatePer                  *string                `json:"rate_per"`
	Grace                    *int                   `json:"grace"`
	Amortization             *schedule.Amortization `json:"amortization"`
	CETMonthlyPercentage     *float64               `json:"cet_monthly_percentage"`
	CreatedAt                *time.Time             `json:"created_at"`
	ReleaseDate              *calendar.Date         `json:"release_date"`
	DayCount                 *schedule.DayCount     `json:"day_count"`
	Roll                     *calendar.Roll         `json:"roll"`
	IOF                      *wireIOF               `json:"iof"`
	Schedule                 []wireRow              `json:"schedule"`
}

// wireRow is a schedule row as schedule.Row marshals it, read without decimals.
type wireRow struct {
	Number      int           `json:"number"`
	NominalDate calendar.Date `json:"nominal_date"`
	DueDate     calendar.Date `json:"due_date"`
	Time        *int          `json:"interest_time"`
	Payment     *string       `json:"payment"`
	Interest    *string       `json:"interest"`
	Principal   *string       `json:"principal"`
	Balance     *string       `json:"balance"`
}

type wireIOF struct {
	DailyAmount      *string    `json:"daily_amount"`
	AdditionalAmount *string    `json:"additional_amount"`
	BorrowerClass    *iof.Class `json:"borrower_class"`
	AppliedClass     *iof.Class `json:"applied_class"`
	Rates            *iof.Rates `json:"rates"`
}

// UnmarshalJSON reads what MarshalJSON writes, so Marshal → Unmarshal → Marshal
// is byte-identical and the simulations are equal. It checks what it reads: every
// field present and in its wire format, and the simulation consistent (the
// invariants of Simulation, each row's payment = principal + interest, the
// balances running from the principal down to 0.00, the regular installment,
// the first due date and the annual rate matching the rows and the rate). It does
// not re-run the simulation: the schedule's calendar is not in the JSON.
//
// It reads with the shared strict reader (internal/strictjson): a key given
// twice, two keys that differ only in case and a key that is no field are
// invalid_format naming the key.
//
// Errors are *apierr.Error (apierr.Errors when several fields are malformed):
// malformed_body for text that is not one JSON object, missing_required_field
// for an absent field, invalid_format for a field of the wrong type or format, or
// an inconsistent simulation (the param names the field, breakdown fields as
// "breakdown.iof.daily_amount"). On error s is unchanged.
func (s *Simulation) UnmarshalJSON(data []byte) error {
	var w wireSimulation
	if err := decodeStrict(data, &w); err != nil {
		return err
	}
	v, err := w.simulation()
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// decodeStrict decodes one JSON object into v with the shared strict reader
// (internal/strictjson): a key given twice, keys differing only in case and
// unknown keys are invalid_format; field errors are gathered.
func decodeStrict(data []byte, v any) error {
	root, err := strictjson.ParseObject(data, strictjson.Limits{})
	if err != nil {
		return err
	}
	return strictjson.Decode(root, v)
}

func missing(param string) error {
	return apierr.Wrap(apierr.ErrEmpty, apierr.MissingRequiredField, param, "%s is required", param)
}

func inconsistent(param, format string, args ...any) error {
	return apierr.Errorf(apierr.InvalidFormat, param, format, args...)
}

// cents reads a required money field.
func cents(p *string, param string) (int64, error) {
	if p == nil {
		return 0, missing(param)
	}
	c, err := money.ParseCents(*p)
	if err != nil {
		return 0, apierr.Relabel(err, param)
	}
	if outOfRange(c) {
		return 0, inconsistent(param, "%s is beyond %s", param, money.FormatCents(maxWireCents))
	}
	return c, nil
}

// signedCents reads money in the wire format with an optional leading '-' (a
// row's principal under negative amortization, as schedule.Row writes it).
func signedCents(s string) (int64, error) {
	if len(s) > 1 && s[0] == '-' {
		c, err := money.ParseCents(s[1:])
		return -c, err
	}
	return money.ParseCents(s)
}

// maxWireCents bounds every amount UnmarshalJSON accepts, so that no sum it checks
// can overflow: iof.MaxAmortizationCents, far above any simulation's amounts.
const maxWireCents = iof.MaxAmortizationCents

func outOfRange(c int64) bool { return c > maxWireCents || c < -maxWireCents }

func (w *wireSimulation) simulation() (Simulation, error) {
	var s Simulation
	var err error
	if w.ID == nil {
		return s, missing("id")
	}
	if s.id = *w.ID; s.id != "" {
		if err := validation.CheckID(s.id, validation.Simulation); err != nil {
			return s, apierr.Relabel(err, "id")
		}
	}
	if w.CreditOfferID == nil {
		return s, missing("credit_offer_id")
	}
	if s.offerID = *w.CreditOfferID; s.offerID != "" {
		if err := validation.CheckID(s.offerID, validation.CreditOffer); err != nil {
			return s, err
		}
	}
	var iofAmount int64
	for _, f := range []struct {
		p     *string
		param string
		dst   *int64
	}{
		{w.RequestedAmount, "requested_amount", &s.requested},
		{w.Amount, "amount", &s.amount},
		{w.InterestAmount, "interest_amount", &s.interest},
		{w.FeesAmount, "fees_amount", &s.fees},
		{w.IOFAmount, "iof_amount", &iofAmount},
		{w.TotalLoanAmount, "total_loan_amount", &s.total},
	} {
		if *f.dst, err = cents(f.p, f.param); err != nil {
			return s, err
		}
	}
	if w.InterestPercentage == nil {
		return s, missing("interest_percentage")
	}
	s.rate = *w.InterestPercentage
	if s.cetPercent, err = percentField(w.CETPercentage, "cet_percentage"); err != nil {
		return s, err
	}
	if w.NumberOfInstallments == nil {
		return s, missing("number_of_installments")
	}
	if s.n = *w.NumberOfInstallments; s.n < 1 || s.n > schedule.MaxInstallments {
		return s, apierr.Wrap(apierr.ErrRange, apierr.InstallmentsOutOfRange, "number_of_installments",
			"number_of_installments %d is outside 1 to %d", s.n, schedule.MaxInstallments)
	}
	if s.installment, err = cents(w.InstallmentsValue, "installments_value"); err != nil {
		return s, err
	}
	if w.FirstDueDate == nil {
		return s, missing("first_due_date")
	}
	s.firstDue = *w.FirstDueDate
	b := w.Breakdown
	if b == nil {
		return s, missing(BreakdownKey)
	}
	if err := b.read(&s); err != nil {
		return s, err
	}
	if s.iof.TotalCents() != iofAmount {
		return s, inconsistent("iof_amount", "iof_amount %s is not daily_amount %s + additional_amount %s",
			money.FormatCents(iofAmount), money.FormatCents(s.iof.DailyCents),
			money.FormatCents(s.iof.AdditionalCents))
	}
	return s, s.consistent()
}

func percentField(p *float64, param string) (float64, error) {
	if p == nil {
		return 0, missing(param)
	}
	if math.IsNaN(*p) || math.IsInf(*p, 0) || *p < -100 {
		return 0, inconsistent(param, "%s %v is not a percentage", param, *p)
	}
	return *p, nil
}

func (b *wireBreakdown) read(s *Simulation) error {
	const pre = BreakdownKey + "."
	var err error
	if s.principal, err = cents(b.Principal, pre+"principal"); err != nil {
		return err
	}
	if b.Charges == nil {
		return missing(pre + "charges")
	}
	s.charges = *b.Charges
	if b.RatePer == nil {
		return missing(pre + "rate_per")
	}
	switch *b.RatePer {
	case "month":
	case "year":
		s.perYear = true
	default:
		return inconsistent(pre+"rate_per", "rate_per %q is neither month nor year", *b.RatePer)
	}
	if b.AnnualInterestRate == nil {
		return missing(pre + "annual_interest_rate")
	}
	s.annual = *b.AnnualInterestRate
	if s.perYear {
		if want := s.annual.Monthly(); s.rate != want {
			return inconsistent("interest_percentage",
				"interest_percentage %s is not the monthly equivalent of annual_interest_rate %s %% a.a. (%s)", s.rate, s.annual, want)
		}
	} else if want := s.rate.Annual(); s.annual != want {
		return inconsistent(pre+"annual_interest_rate",
			"annual_interest_rate %s is not (1 + %s %%)^12 − 1 = %s %%", s.annual, s.rate, want)
	}
	if b.AnnualInterestPercentage == nil {
		return missing(pre + "annual_interest_percentage")
	}
	if got, want := string(*b.AnnualInterestPercentage), string(appendHundredths(nil, s.annualHundredths())); got != want {
		return inconsistent(pre+"annual_interest_percentage",
			"annual_interest_percentage %s is not the annual rate to 2 decimals, %s %%", got, want)
	}
	if s.cetMonthlyPc, err = percentField(b.CETMonthlyPercentage, pre+"cet_monthly_percentage"); err != nil {
		return err
	}
	if b.CreatedAt == nil {
		return missing(pre + "created_at")
	}
	s.createdAt = *b.CreatedAt
	if b.ReleaseDate == nil {
		return missing(pre + "release_date")
	}
	s.release = *b.ReleaseDate
	if b.DayCount == nil {
		return missing(pre + "day_count")
	}
	s.dayCount = *b.DayCount
	if b.Roll == nil {
		return missing(pre + "roll")
	}
	s.roll = *b.Roll
	if b.Grace == nil {
		return missing(pre + "grace")
	}
	if s.grace = *b.Grace; s.grace < 0 || s.grace >= s.n {
		return apierr.Wrap(apierr.ErrRange, apierr.ValueOutOfRange, pre+"grace",
			"grace %d is outside 0 to %d (number_of_installments − 1)", s.grace, s.n-1)
	}
	if b.Amortization == nil {
		return missing(pre + "amortization")
	}
	s.amort = *b.Amortization
	f := b.IOF
	if f == nil {
		return missing(pre + "iof")
	}
	if s.iof.DailyCents, err = cents(f.DailyAmount, pre+"iof.daily_amount"); err != nil {
		return err
	}
	if s.iof.AdditionalCents, err = cents(f.AdditionalAmount, pre+"iof.additional_amount"); err != nil {
		return err
	}
	if f.BorrowerClass == nil {
		return missing(pre + "iof.borrower_class")
	}
	if f.AppliedClass == nil {
		return missing(pre + "iof.applied_class")
	}
	if f.Rates == nil {
		return missing(pre + "iof.rates")
	}
	s.iof.Class, s.iof.Applied, s.iof.Rates = *f.BorrowerClass, *f.AppliedClass, *f.Rates
	if s.iof.Applied != s.iof.Class && s.iof.Applied != iof.Company {
		return inconsistent(pre+"iof.applied_class", "applied_class %s is neither borrower_class %s nor pj",
			s.iof.Applied, s.iof.Class)
	}
	if b.Schedule == nil {
		return missing(pre + "schedule")
	}
	s.rows = make([]schedule.CentsRow, len(b.Schedule))
	for k, r := range b.Schedule {
		c := &s.rows[k]
		c.Number, c.NominalDate, c.DueDate = r.Number, r.NominalDate, r.DueDate
		if r.Time == nil {
			return inconsistent(pre+"schedule", "row %d lacks its interest_time", k+1)
		}
		c.InterestTime = *r.Time
		for _, m := range [...]struct {
			p   *string
			dst *int64
		}{{r.Payment, &c.Payment}, {r.Interest, &c.Interest}, {r.Principal, &c.Principal}, {r.Balance, &c.Balance}} {
			if m.p == nil {
				return inconsistent(pre+"schedule", "row %d lacks an amount", k+1)
			}
			v, err := signedCents(*m.p)
			if err != nil {
				return inconsistent(pre+"schedule", "row %d: %v", k+1, err)
			}
			*m.dst = v
		}
		if outOfRange(c.Payment) || outOfRange(c.Interest) || outOfRange(c.Principal) || outOfRange(c.Balance) {
			return inconsistent(pre+"schedule", "row %d: an amount beyond ±%s", k+1, money.FormatCents(maxWireCents))
		}
	}
	return nil
}

// consistent checks the invariants a Simulation promises, on one read from JSON.
func (s *Simulation) consistent() error {
	const sched = BreakdownKey + ".schedule"
	if len(s.rows) != s.n {
		return inconsistent(sched, "the schedule has %d rows; number_of_installments is %d", len(s.rows), s.n)
	}
	if s.amount <= 0 {
		return inconsistent("amount", "amount %s is not positive", money.FormatCents(s.amount))
	}
	if s.amount+s.fees+s.iof.TotalCents() != s.principal {
		return inconsistent("amount", "amount %s + fees_amount %s + iof_amount %s is not the principal %s",
			money.FormatCents(s.amount), money.FormatCents(s.fees),
			money.FormatCents(s.iof.TotalCents()), money.FormatCents(s.principal))
	}
	if s.principal+s.interest != s.total {
		return inconsistent("total_loan_amount",
			"total_loan_amount %s is not amount + interest_amount + fees_amount + iof_amount (%s)",
			money.FormatCents(s.total), money.FormatCents(s.principal+s.interest))
	}
	balance := s.principal
	var payments, interest int64
	g := s.grace
	// SAC amortizes ⌈P/(n − g)⌉ a row after the grace, the last row what is left.
	sacA := (s.principal + int64(s.n-g) - 1) / int64(s.n-g)
	prevTime := 0
	for k, r := range s.rows {
		switch {
		case r.Number != k+1:
			return inconsistent(sched, "row %d is numbered %d", k+1, r.Number)
		case r.Payment != r.Principal+r.Interest:
			return inconsistent(sched, "row %d: payment %s is not principal + interest", k+1, money.FormatCents(r.Payment))
		case r.Balance != balance-r.Principal:
			return inconsistent(sched, "row %d: balance %s is not %s − %s", k+1, money.FormatCents(r.Balance),
				money.FormatCents(balance), money.FormatCents(r.Principal))
		case k < g && r.Principal != 0:
			return inconsistent(sched, "row %d: an interest-only grace installment amortizes %s", k+1, money.FormatCents(r.Principal))
		case k >= g && k < s.n-1 && s.amort == schedule.Price && r.Payment != s.installment:
			return inconsistent(sched, "row %d: payment %s is not installments_value %s", k+1,
				money.FormatCents(r.Payment), money.FormatCents(s.installment))
		case k >= g && k < s.n-1 && s.amort == schedule.SAC && r.Principal != sacA:
			return inconsistent(sched, "row %d: amortization %s is not ⌈principal / %d⌉ = %s", k+1,
				money.FormatCents(r.Principal), s.n-g, money.FormatCents(sacA))
		case r.NominalDate.IsZero() || r.DueDate.IsZero() || !r.NominalDate.After(s.release) && k == 0:
			return inconsistent(sched, "row %d: dates missing or not after the release date", k+1)
		case r.InterestTime < prevTime:
			return inconsistent(sched, "row %d: interest_time %d is below the row before's, %d", k+1, r.InterestTime, prevTime)
		}
		prevTime = r.InterestTime
		balance = r.Balance
		payments += r.Payment // at most 420 × 10^16: no overflow
		interest += r.Interest
	}
	switch {
	case balance != 0:
		return inconsistent(sched, "the last balance is %s, not 0.00", money.FormatCents(balance))
	case payments != s.total:
		return inconsistent("total_loan_amount", "total_loan_amount %s is not the sum of the payments %s",
			money.FormatCents(s.total), money.FormatCents(payments))
	case interest != s.interest:
		return inconsistent("interest_amount", "interest_amount %s is not the sum of the rows' interest %s",
			money.FormatCents(s.interest), money.FormatCents(interest))
	case s.firstDue != s.rows[0].DueDate:
		return inconsistent("first_due_date", "first_due_date %s is not the first row's due date %s",
			s.firstDue, s.rows[0].DueDate)
	}
	// installments_value is the first amortizing payment for SAC, and the only
	// one's when a Price table has a single amortizing row.
	if (s.amort == schedule.SAC || g == s.n-1) && s.installment != s.rows[g].Payment {
		return inconsistent("installments_value", "installments_value %s is not the first amortizing payment %s",
			money.FormatCents(s.installment), money.FormatCents(s.rows[g].Payment))
	}
	return nil
}

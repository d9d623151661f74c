package sandbox

import (
	"net/http"
	"sync"
	"time"

	"github.com/shopspring/decimal"

	"github.com/dinie/lending/api"
	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/calendar"
	"github.com/dinie/lending/iof"
	"github.com/dinie/lending/schedule"
	"github.com/dinie/lending/servicing"
	"github.com/dinie/lending/statemachine"
	"github.com/dinie/lending/validation"
)

func (s *Server) controlRoutes() {
	s.route(http.MethodPost, "/sandbox/customers/{id}/kyc", true, (*call).setKYC)
	s.route(http.MethodPost, "/sandbox/customers/{id}/credit-offers", true, (*call).createOffer)
	s.route(http.MethodPost, "/sandbox/loans/{id}/advance", true, (*call).advanceLoan)
	s.route(http.MethodPost, "/sandbox/loans/{id}/payments", true, (*call).payInstallment)
	s.route(http.MethodGet, "/sandbox/loans/{id}/payoff", true, (*call).quotePayoff)
	s.route(http.MethodPost, "/sandbox/loans/{id}/payoff", true, (*call).settleLoan)
	s.route(http.MethodPost, "/sandbox/clock", true, (*call).moveClock)
	s.route(http.MethodGet, "/sandbox/deliveries", true, (*call).listDeliveries)
}

// kycControl is the body of POST /sandbox/customers/{id}/kyc: one item's new status
// ({"type":"selfie","status":"approved"}) or every item's ({"all":"approved"}), with
// an optional message (a rejection's reason).
type kycControl struct {
	Type    *string                 `json:"type"`
	Status  *statemachine.KYCStatus `json:"status"`
	All     *statemachine.KYCStatus `json:"all"`
	Message *string                 `json:"message"`
}

// setKYC applies the control with the lifecycle's rules; an item still pending is
// first submitted (what the customer would have done), so "approved" works on any
// item that can be approved. Every step emits its events.
func (c *call) setKYC() (int, any, error) {
	rec, err := c.customer()
	if err != nil {
		return 0, nil, err
	}
	var k kycControl
	if err := api.DecodeBytes(c.body, &k); err != nil {
		return 0, nil, err
	}
	type change struct {
		typ string
		to  statemachine.KYCStatus
	}
	var changes []change
	switch {
	case k.All != nil && k.Type == nil && k.Status == nil:
		for _, r := range rec.state.KYC {
			if r.Status != *k.All {
				changes = append(changes, change{r.Type, *k.All})
			}
		}
	case k.All == nil && k.Type != nil && k.Status != nil:
		changes = append(changes, change{*k.Type, *k.Status})
	default:
		return 0, nil, apierr.Errorf(apierr.MissingRequiredField, "type",
			`the control is {"type":…,"status":…} or {"all":…}`)
	}
	now := c.s.now()
	for _, ch := range changes {
		state := rec.state
		var events []statemachine.Event
		i := indexOf(state.KYC, ch.typ)
		if i >= 0 && state.KYC[i].Status == statemachine.KYCPending && ch.to != statemachine.KYCSubmitted {
			if state, events, err = state.UpdateRequirement(ch.typ, statemachine.KYCSubmitted); err != nil {
				return 0, nil, err
			}
		}
		next, more, err := state.UpdateRequirement(ch.typ, ch.to)
		if err != nil {
			return 0, nil, err
		}
		if ch.typ == "biometrics" && ch.to != statemachine.KYCSubmitted {
			rec.biometrics = ""
		}
		rec.wire = rec.wire.WithMessage(ch.typ, k.Message)
		c.s.setCustomer(rec, next, append(events, more...), "", now)
	}
	return http.StatusOK, rec.wire, nil
}

func indexOf(kyc []statemachine.KYCRequirement, typ string) int {
	for i, r := range kyc {
		if r.Type == typ {
			return i
		}
	}
	return -1
}

// offerControl is the body of POST /sandbox/customers/{id}/credit-offers: every field
// optional, defaulting to the sandbox's default offer (see defaultOffer).
type offerControl struct {
	ApprovedAmount  *api.Money            `json:"approved_amount"`
	MinAmount       *api.Money            `json:"min_amount"`
	InterestRate    *schedule.MonthlyRate `json:"interest_rate"`
	Installments    *int                  `json:"installments"`
	MinInstallments *int                  `json:"min_installments"`
	MaxInstallments *int                  `json:"max_installments"`
	ValidUntil      *api.Instant          `json:"valid_until"`
	DueDateRule     *string               `json:"due_date_rule"`
	FeeFixed        *api.Money            `json:"fee_fixed"`
	FeePercent      *decimal.Decimal      `json:"fee_percent"`
	BorrowerClass   *iof.Class            `json:"borrower_class"`
}

func (c *call) createOffer() (int, any, error) {
	rec, err := c.customer()
	if err != nil {
		return 0, nil, err
	}
	var oc offerControl
	if err := api.DecodeBytes(c.body, &oc); err != nil {
		return 0, nil, err
	}
	o := c.s.newOffer(rec)
	if oc.ApprovedAmount != nil {
		o.ApprovedAmount = oc.ApprovedAmount.Decimal()
	}
	if oc.MinAmount != nil {
		o.MinAmount = oc.MinAmount.Decimal()
	}
	if oc.InterestRate != nil {
		o.InterestRate = *oc.InterestRate
	}
	if oc.Installments != nil {
		o.Installments, o.MinInstallments, o.MaxInstallments = *oc.Installments, 0, 0
	}
	if oc.MinInstallments != nil {
		o.MinInstallments = *oc.MinInstallments
	}
	if oc.MaxInstallments != nil {
		o.MaxInstallments = *oc.MaxInstallments
	}
	if oc.ValidUntil != nil {
		o.ValidUntil = oc.ValidUntil.Time
	}
	if oc.DueDateRule != nil {
		o.DueDateRule = *oc.DueDateRule
	}
	if oc.FeeFixed != nil {
		o.FeeFixed = oc.FeeFixed.Decimal()
	}
	if oc.FeePercent != nil {
		o.FeePercent = *oc.FeePercent
	}
	if oc.BorrowerClass != nil {
		o.BorrowerClass = *oc.BorrowerClass
	}
	if err := o.CheckNew(c.s.now()); err != nil {
		return 0, nil, err
	}
	w, err := c.s.addOffer(rec.partner, o)
	if err != nil {
		return 0, nil, err
	}
	return http.StatusOK, w, nil
}

// mainPath is the loan's way from processing to active.
var mainPath = statemachine.LoanOrigination()

type advanceControl struct {
	To *statemachine.LoanStatus `json:"to"`
}

// advanceLoan is POST /sandbox/loans/{id}/advance: one step along the main path, or
// every step to "to" (a later state of the path, cancelled or error where the
// lifecycle allows), each emitting its event.
func (c *call) advanceLoan() (int, any, error) {
	rec, err := c.loan()
	if err != nil {
		return 0, nil, err
	}
	var ac advanceControl
	if len(c.body) > 0 {
		if err := api.DecodeBytes(c.body, &ac); err != nil {
			return 0, nil, err
		}
	}
	from := rec.rec.Status
	var steps []statemachine.LoanStatus
	at := pathIndex(from)
	switch {
	case ac.To == nil:
		if at < 0 || at == len(mainPath)-1 {
			return 0, nil, apierr.Errorf(apierr.InvalidTransition, "status", "a %s loan has no next step on its way to active", from)
		}
		steps = mainPath[at+1 : at+2]
	case pathIndex(*ac.To) > at && at >= 0:
		steps = mainPath[at+1 : pathIndex(*ac.To)+1]
	default:
		steps = []statemachine.LoanStatus{*ac.To}
	}
	for _, to := range steps {
		if err := c.s.moveLoan(rec, to); err != nil {
			return 0, nil, err
		}
	}
	w, err := api.LoanOf(rec.rec)
	return http.StatusOK, w, err
}

func pathIndex(s statemachine.LoanStatus) int {
	for i, p := range mainPath {
		if p == s {
			return i
		}
	}
	return -1
}

// moveLoan takes one lifecycle edge, with what the lender does on the way: the CCB is
// generated, a signing link issued, the offer given back on cancellation. Callers hold
// s.mu.
func (s *Server) moveLoan(rec *loanRec, to statemachine.LoanStatus) error {
	events, err := statemachine.LoanLifecycle().Transition(rec.rec.Status, to)
	if err != nil {
		return err
	}
	now := s.now()
	switch to {
	case statemachine.LoanContractGenerated:
		s.st.ccbSeq++
		rec.rec.CCBNumber = api.CCBNumber(s.st.ccbSeq)
	case statemachine.LoanAwaitingSignatures:
		rec.rec.SigningURL = "https://sandbox.invalid/sign/" + rec.rec.ID
	case statemachine.LoanActive:
		if err := s.book(rec); err != nil {
			return err
		}
	case statemachine.LoanCancelled:
		next, ev, err := rec.offer.offer.LoanCancelled(now)
		if err != nil {
			return err
		}
		rec.offer.offer = next
		w, _ := api.CreditOfferOf(next)
		defer s.emitAll(rec.partner, ev, w)
	}
	rec.rec.Status = to
	w, err := api.LoanOf(rec.rec)
	if err != nil {
		return err
	}
	s.emitAll(rec.partner, events, w)
	return nil
}

// book starts servicing a loan that becomes active: servicing.Book with the library's
// default late charges (2 % fine, 1 % a month mora, compound delay interest from the
// original due date), and a tx_ id per installment. Callers hold s.mu.
func (s *Server) book(rec *loanRec) error {
	l, err := servicing.Book(rec.rec.Simulation, servicing.DefaultTerms())
	if err != nil {
		return err
	}
	ids := make([]string, l.Len())
	for i := range ids {
		if ids[i], err = s.newID(validation.Transaction); err != nil {
			return err
		}
	}
	rec.serviced, rec.txIDs = l, ids
	return nil
}

type clockControl struct {
	Now *api.Instant `json:"now"`
}

// moveClock is POST /sandbox/clock: the clock moves forward to now (never back), and
// what time does follows: offers past valid_until expire.
func (c *call) moveClock() (int, any, error) {
	var cc clockControl
	if err := api.DecodeBytes(c.body, &cc); err != nil {
		return 0, nil, err
	}
	if cc.Now == nil || cc.Now.IsZero() {
		return 0, nil, apierr.Errorf(apierr.MissingRequiredField, "now", "now is required")
	}
	cur := c.s.now()
	if cc.Now.Before(cur) {
		return 0, nil, apierr.Errorf(apierr.ValueOutOfRange, "now",
			"now %s is before the sandbox clock %s; the clock only moves forward",
			cc.Now.UTC().Format(time.RFC3339), cur.UTC().Format(time.RFC3339))
	}
	c.s.shift.Add(int64(cc.Now.Sub(cur)))
	for _, id := range c.s.st.offerOrder {
		c.s.settle(c.s.st.offers[id])
	}
	return http.StatusOK, clockControl{Now: &api.Instant{Time: c.s.now()}}, nil
}

// paymentControl is the body of POST /sandbox/loans/{id}/payments: the installment,
// the amount and the date it was paid (today in São Paulo when absent).
type paymentControl struct {
	InstallmentNumber *int           `json:"installment_number"`
	Amount            *api.Money     `json:"amount"`
	PaidAt            *calendar.Date `json:"paid_at"`
}

// payInstallment records a payment by the servicing rules (servicing.Loan.Pay: late
// charges first, then interest, then principal) and emits loan.payment_received, then
// loan.finished for the payment that settles the loan. A payment dated after the
// sandbox's today has not happened yet: value_out_of_range.
func (c *call) payInstallment() (int, any, error) {
	rec, err := c.loan()
	if err != nil {
		return 0, nil, err
	}
	var pc paymentControl
	if err := api.DecodeBytes(c.body, &pc); err != nil {
		return 0, nil, err
	}
	var errs apierr.Errors
	if pc.InstallmentNumber == nil {
		errs = errs.Append(apierr.Wrap(apierr.ErrEmpty, apierr.MissingRequiredField, "installment_number", "installment_number is required"))
	}
	if pc.Amount == nil {
		errs = errs.Append(apierr.Wrap(apierr.ErrEmpty, apierr.MissingRequiredField, "amount", "amount is required"))
	}
	if err := errs.Err(); err != nil {
		return 0, nil, err
	}
	on, err := c.pastDate(pc.PaidAt, "paid_at")
	if err != nil {
		return 0, nil, err
	}
	serviced, err := c.serviced(rec)
	if err != nil {
		return 0, nil, err
	}
	next, receipt, err := serviced.Pay(rec.rec.Status, *pc.InstallmentNumber, pc.Amount.Decimal(), on)
	if err != nil {
		return 0, nil, err
	}
	w, err := c.record(rec, next, receipt.Status, receipt.Events, []servicing.Payment{receipt.Payment})
	if err != nil {
		return 0, nil, err
	}
	return http.StatusOK, paymentAnswer{Loan: w, Payment: receipt.Payment}, nil
}

// pastDate is a date a control was given (today in São Paulo when absent), refused
// when it is after today: what has not happened yet cannot be recorded.
func (c *call) pastDate(d *calendar.Date, param string) (calendar.Date, error) {
	today, err := calendar.DateOf(c.s.now())
	if err != nil {
		return calendar.Date{}, err
	}
	if d == nil {
		return today, nil
	}
	if d.After(today) {
		return calendar.Date{}, apierr.Errorf(apierr.ValueOutOfRange, param,
			"%s %s is after today, %s, on the sandbox's clock", param, *d, today)
	}
	return *d, nil
}

// serviced is the loan's servicing state; a loan not yet active has none, and the
// lifecycle says why it takes no payment.
func (c *call) serviced(rec *loanRec) (*servicing.Loan, error) {
	if rec.serviced != nil {
		return rec.serviced, nil
	}
	if _, _, err := statemachine.ReceivePayment(rec.rec.Status, false); err != nil {
		return nil, err
	}
	return nil, apierr.Errorf(apierr.Internal, "", "an active loan without its servicing")
}

// record stores what servicing returned (the loan after the payments and its status)
// and emits the events in order: loan.payment_received with each payment, in turn,
// then loan.finished. The payment's paid_at instant is now when it is dated today,
// else noon of its date in São Paulo.
func (c *call) record(rec *loanRec, next *servicing.Loan, status statemachine.LoanStatus,
	events []statemachine.Event, pays []servicing.Payment) (api.Loan, error) {
	rec.serviced, rec.rec.Status = next, status
	w, err := api.LoanOf(rec.rec)
	if err != nil {
		return api.Loan{}, err
	}
	now := c.s.now()
	today, err := calendar.DateOf(now)
	if err != nil {
		return api.Loan{}, err
	}
	for _, e := range events {
		if e != statemachine.EventLoanPaymentReceived || len(pays) == 0 {
			c.s.emit(rec.partner, e, w)
			continue
		}
		p := pays[0]
		pays = pays[1:]
		paidAt := now
		if p.Date != today {
			paidAt = p.Date.In(saoPaulo()).Add(12 * time.Hour)
		}
		c.s.emitWith(rec.partner, e, w, api.PaymentOf(p, paidAt))
	}
	return w, nil
}

// payoffControl is the body of POST /sandbox/loans/{id}/payoff, and its query for GET:
// the settlement date (today in São Paulo when absent).
type payoffControl struct {
	PaidAt *calendar.Date `json:"paid_at"`
}

// quotePayoff is GET /sandbox/loans/{id}/payoff[?date=YYYY-MM-DD]: the payoff on the
// date (servicing.Loan.Payoff), today when absent; a date after today is a quote
// too, for a payment scheduled ahead.
func (c *call) quotePayoff() (int, any, error) {
	rec, err := c.loan()
	if err != nil {
		return 0, nil, err
	}
	on, err := calendar.DateOf(c.s.now())
	if err != nil {
		return 0, nil, err
	}
	if q := c.r.URL.Query().Get("date"); q != "" {
		if on, err = calendar.ParseDate(q); err != nil {
			return 0, nil, apierr.Relabel(err, "date")
		}
	}
	serviced, err := c.serviced(rec)
	if err != nil {
		return 0, nil, err
	}
	po, err := serviced.Payoff(on)
	return http.StatusOK, po, err
}

// settleLoan is POST /sandbox/loans/{id}/payoff: the borrower pays the payoff on
// paid_at (servicing.Loan.Settle), a payment per open installment, each emitting
// loan.payment_received, then loan.finished. It answers the loan, the payoff and the
// payments.
func (c *call) settleLoan() (int, any, error) {
	rec, err := c.loan()
	if err != nil {
		return 0, nil, err
	}
	var pc payoffControl
	if len(c.body) > 0 {
		if err := api.DecodeBytes(c.body, &pc); err != nil {
			return 0, nil, err
		}
	}
	on, err := c.pastDate(pc.PaidAt, "paid_at")
	if err != nil {
		return 0, nil, err
	}
	serviced, err := c.serviced(rec)
	if err != nil {
		return 0, nil, err
	}
	next, st, err := serviced.Settle(rec.rec.Status, on)
	if err != nil {
		return 0, nil, err
	}
	w, err := c.record(rec, next, st.Status, st.Events, st.Payments)
	if err != nil {
		return 0, nil, err
	}
	return http.StatusOK, settleAnswer{Loan: w, Payoff: st.Payoff, Payments: st.Payments}, nil
}

// settleAnswer is what the payoff control answers.
type settleAnswer struct {
	Loan     api.Loan            `json:"loan"`
	Payoff   servicing.Payoff    `json:"payoff"`
	Payments []servicing.Payment `json:"payments"`
}

// paymentAnswer is what a payment control answers: the loan after it and the payment
// with its allocation.
type paymentAnswer struct {
	Loan    api.Loan          `json:"loan"`
	Payment servicing.Payment `json:"payment"`
}

// listDeliveries is GET /sandbox/deliveries: every delivery attempted for the
// partner, oldest first, with its attempts and the headers of the last one.
func (c *call) listDeliveries() (int, any, error) {
	return http.StatusOK, api.List[delivery]{Data: c.s.deliver.deliveries(c.partner)}, nil
}

// saoPaulo is America/Sao_Paulo (embedded by package calendar's time/tzdata).
var saoPaulo = sync.OnceValue(func() *time.Location {
	loc, err := time.LoadLocation("America/Sao_Paulo")
	if err != nil {
		return time.FixedZone("BRT", -3*3600)
	}
	return loc
})

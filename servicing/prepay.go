package servicing

import (
	"math"
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/calendar"
	"github.com/dinie/lending/money"
	"github.com/dinie/lending/schedule"
)

// Mode is how a partial prepayment (amortização extraordinária) changes the
// schedule. ReduceTerm is the zero value. Wire names "reduce_term" and
// "reduce_installment".
type Mode uint8

const (
	// ReduceTerm cancels installments from the last one backwards, as CCBs apply a
	// prepayment, and reduces the next one by what is left.
	ReduceTerm Mode = iota
	// ReduceInstallment keeps the due dates and re-amortizes what is left by Price.
	ReduceInstallment
)

var modeNames = [...]string{"reduce_term", "reduce_installment"}

// String returns the wire name, or "Mode(N)" for a value that is none of the
// constants.
func (m Mode) String() string {
	if int(m) < len(modeNames) {
		return modeNames[m]
	}
	return "Mode(" + strconv.Itoa(int(m)) + ")"
}

// ParseMode returns the Mode whose wire name is s. Anything else is invalid_format
// (param mode, apierr.ErrUnknown).
func ParseMode(s string) (Mode, error) {
	for i, n := range modeNames {
		if s == n {
			return Mode(i), nil
		}
	}
	return 0, apierr.Wrap(apierr.ErrUnknown, apierr.InvalidFormat, paramMode,
		"mode %s is not a prepayment mode; expected reduce_term or reduce_installment", apierr.Quote(s))
}

// Prepayment is the quote of a partial prepayment: its date, amount and mode, the
// balance it was taken from (Balance, the payoff of the open installments before it,
// B_s), the prepayment fee (for a company whose Terms agree to one, on the amount
// prepaid, paid on top of it), and the new schedule of the installments left, in the
// schedule's row format (installment numbers, nominal and due dates as booked). Money
// is in cents. It is a plain value.
type Prepayment struct {
	Date     calendar.Date
	Amount   int64
	Mode     Mode
	Balance  int64
	Fee      int64
	Schedule []schedule.CentsRow
}

// Prepay quotes a partial prepayment of amount on date s in mode m: the new schedule
// of the installments due on or after s. It is a quote: the loan is not changed.
//
// ReduceTerm: the last installments are cancelled whole while amount covers their
// present values at s (as Payoff computes them); what is left of amount reduces the
// next one, going backwards, by its future value: (amount − Σ PV)·(1 + i)^(t_k − t_s),
// the new face rounded half-up (a face that rounds to 0.00 is cancelled too). All in
// exact arithmetic. The rows keep every other face; each row's balance is the present
// value of the faces after it, rounded half-up, so the first row starts from the new
// payoff, within a cent of Balance − amount, and the interest of a row is its payment
// less the fall of the balance.
//
// ReduceInstallment: Balance − amount is re-amortized by Price over the same
// remaining due dates, time measured from t_s: the new installment is
// half-up((Balance − amount) / Σ (1 + i)^(−(t_k − t_s))), each row's interest is
// half-up(balance·((1 + i)^(t_k − t_(k−1)) − 1)) with t_0 = t_s, and the last row
// absorbs the rounding residue (its principal is the balance left).
//
// It runs in O(n + p) (plus the exact comparisons of ReduceTerm's cancellations) and
// allocates the rows and a buffer of terms.
//
// Errors: a nil *Loan is apierr.NilReceiver; s as for Payoff (param date); amount with
// sub-cent digits invalid_format, zero or negative amount_out_of_range (apierr.ErrRange),
// at or above Balance amount_out_of_range (ErrTotalSettlement: that is a total
// settlement, quoted by Payoff) (param amount); an installment overdue on s
// installment_overdue (param date), naming it; m not a Mode invalid_format (mode); a
// ReduceInstallment schedule too small for cent precision amount_out_of_range
// (ErrCentPrecision, amount).
func (l *Loan) Prepay(s calendar.Date, amount decimal.Decimal, m Mode) (Prepayment, error) {
	if l == nil {
		return Prepayment{}, apierr.NilReceiver("*servicing.Loan")
	}
	if int(m) >= len(modeNames) {
		return Prepayment{}, apierr.Wrap(apierr.ErrUnknown, apierr.InvalidFormat, paramMode,
			"mode %s is not a prepayment mode; expected reduce_term or reduce_installment", m)
	}
	x, err := money.ToCents(amount)
	if err != nil {
		return Prepayment{}, apierr.Relabel(err, paramAmount)
	}
	if x <= 0 {
		return Prepayment{}, apierr.Wrap(apierr.ErrRange, apierr.AmountOutOfRange, paramAmount,
			"amount %s is not positive; a prepayment is 0.01 or more", money.FormatCents(x))
	}
	if err := l.checkDate(s, paramDate, true); err != nil {
		return Prepayment{}, err
	}
	ts := l.settleTime(s)
	type open struct {
		in   *installment
		face int64
		e    int64 // (t_k − t_s)·mul ≥ 0, in units of the rate's growth
	}
	var obuf [64]open
	opens := obuf[:0]
	var buf state
	for k := range l.inst {
		in := &l.inst[k]
		st, _ := l.stateAt(in, s, &buf)
		rem := st.remaining(in)
		if rem == 0 {
			continue
		}
		if in.due.Before(s) {
			return Prepayment{}, apierr.Errorf(apierr.InstallmentOverdue, paramDate,
				"installment %d, due %s, is overdue on %s with %s remaining; pay it before prepaying",
				in.number, in.due, s, money.FormatCents(rem))
		}
		opens = append(opens, open{in, rem, max(in.t-ts, 0) * l.mul})
	}
	terms := make([]term, 0, len(opens)+1)
	for _, o := range opens {
		terms = append(terms, term{o.face, -o.e})
	}
	balance, _ := l.g.halfUp(terms) // ≤ Σ remaining
	if x >= balance {
		return Prepayment{}, apierr.Wrap(ErrTotalSettlement, apierr.AmountOutOfRange, paramAmount,
			"amount %s reaches the payoff of the open installments on %s, %s: that is a total settlement (Payoff)",
			money.FormatCents(x), s, money.FormatCents(balance))
	}
	p := Prepayment{Date: s, Amount: x, Mode: m, Balance: balance}
	p.Fee, _ = mulDivHalfUp(uint64(x), uint64(l.t.fee), 1, fractionScale)
	faces := make([]int64, len(opens))
	es := make([]int64, len(opens))
	for j, o := range opens {
		faces[j], es[j] = o.face, o.e
	}
	if m == ReduceTerm {
		faces = l.reduceTerm(faces, es, x)
		p.Schedule = l.rowsFromFaces(faces, es)
	} else {
		rows, err := l.reamortize(balance-x, es)
		if err != nil {
			return Prepayment{}, err
		}
		p.Schedule = rows
	}
	for j := range p.Schedule {
		in := opens[j].in
		p.Schedule[j].Number, p.Schedule[j].NominalDate, p.Schedule[j].DueDate = in.number, in.nominal, in.due
		p.Schedule[j].InterestTime = int(in.t)
	}
	return p, nil
}

// reduceTerm returns the faces left after cancelling from the end while x covers
// their present values and reducing the next one by the future value of the rest.
func (l *Loan) reduceTerm(faces, es []int64, x int64) []int64 {
	// cancelled: −Σ PV of the cancelled ones, as terms; test: x − Σ PV ≥ 0.
	test := []term{{x, 0}}
	k := len(faces) - 1
	for ; k >= 0; k-- {
		test = append(test, term{-faces[k], -es[k]})
		if l.g.sign(test) < 0 {
			test = test[:len(test)-1]
			break
		}
	}
	// k ≥ 0: x < Balance ≤ Σ PV + ½ and x, Balance are whole cents, so x < Σ PV.
	// New face of k: faces[k] − (x − Σ_cancelled PV)·ρ^(e_k).
	red := []term{{faces[k], 0}}
	for _, t := range test {
		red = append(red, term{-t.c, t.e + es[k]})
	}
	f, _ := l.g.halfUp(red) // between 0 and faces[k]
	faces = faces[:k+1]
	faces[k] = f
	if f <= 0 {
		faces = faces[:k]
	}
	return faces
}

// rowsFromFaces returns the rows paying faces at times es (from t_s), each balance
// the rounded present value of the faces after it.
func (l *Loan) rowsFromFaces(faces, es []int64) []schedule.CentsRow {
	m := len(faces)
	rows := make([]schedule.CentsRow, m)
	// Balance after row j (−1: before the first) = Σ_{k>j} faces[k]·ρ^(−(e_k − e_j)).
	// Suffix sums of faces[k]·ρ^(−e_k) in float, each balance scaled back by ρ^(e_j);
	// a balance the float cannot decide is computed exactly from its terms.
	suf := make([]float64, m+1)
	sufErr := make([]float64, m+1)
	mag := make([]float64, m+1)
	for k := m - 1; k >= 0; k-- {
		x, e := l.g.approxTerm(term{faces[k], -es[k]})
		suf[k], sufErr[k], mag[k] = suf[k+1]+x, sufErr[k+1]+e, mag[k+1]+math.Abs(x)
	}
	bal := func(j int) int64 { // balance after row j, j from −1
		if j == m-1 {
			return 0
		}
		var ej int64
		if j >= 0 {
			ej = es[j]
		}
		a := float64(ej) * l.g.l30
		g := math.Exp(a)
		v := suf[j+1] * g
		err := (sufErr[j+1]+2*mag[j+1]*float64(m)*unitRoundoff)*g*(1+16*unitRoundoff) +
			math.Abs(v)*2*unitRoundoff*(7*math.Abs(a)+6)
		if b, ok := roundFast(v, err); ok {
			return b
		}
		ts := make([]term, 0, m-j-1)
		for k := j + 1; k < m; k++ {
			ts = append(ts, term{faces[k], ej - es[k]})
		}
		b, _ := l.g.halfUp(ts)
		return b
	}
	prev := bal(-1)
	for j := range rows {
		b := bal(j)
		rows[j] = schedule.CentsRow{Payment: faces[j], Principal: prev - b, Interest: faces[j] - (prev - b), Balance: b}
		prev = b
	}
	return rows
}

// reamortize returns the Price rows of principal b over the times es (from t_s).
func (l *Loan) reamortize(b int64, es []int64) ([]schedule.CentsRow, error) {
	m := len(es)
	disc := make([]term, m)
	for j, e := range es {
		disc[j] = term{1, -e}
	}
	pmt, ok := l.g.ratioHalfUp(b, disc)
	if !ok || pmt <= 0 {
		return nil, apierr.Wrap(ErrCentPrecision, apierr.AmountOutOfRange, paramAmount,
			"the balance left, %s, over %d installments gives an installment of 0.00", money.FormatCents(b), m)
	}
	rows := make([]schedule.CentsRow, m)
	var prevE int64
	for j, e := range es {
		in, ok := l.g.delayInterest(b, int(e-prevE))
		if !ok {
			return nil, apierr.Wrap(ErrBeyondBound, apierr.AmountOutOfRange, paramAmount,
				"the re-amortized schedule's interest exceeds ±R$ 10^15")
		}
		prevE = e
		p := pmt - in
		if j == m-1 {
			p = b
		}
		switch {
		case j < m-1 && b-p <= 0:
			return nil, apierr.Wrap(ErrCentPrecision, apierr.AmountOutOfRange, paramAmount,
				"the rounded installment %s pays the balance off before installment %d of %d", money.FormatCents(pmt), j+1, m)
		case b-p > maxAmount:
			return nil, apierr.Wrap(ErrBeyondBound, apierr.AmountOutOfRange, paramAmount,
				"the re-amortized balance exceeds ±R$ 10^15")
		}
		b -= p
		rows[j] = schedule.CentsRow{Payment: p + in, Interest: in, Principal: p, Balance: b}
	}
	return rows, nil
}

// MarshalJSON writes {"date","amount","mode","balance","fee","schedule":[rows]}, the
// rows as schedule.CentsRow writes them (number, nominal_date, due_date, payment,
// interest, principal, balance), money as strings with two decimals.
func (p Prepayment) MarshalJSON() ([]byte, error) {
	return p.AppendJSON(make([]byte, 0, 128+192*len(p.Schedule))), nil
}

// AppendJSON appends what MarshalJSON writes to b.
func (p Prepayment) AppendJSON(b []byte) []byte {
	b = appendDate(b, `{"date":`, p.Date)
	b = appendMoney(b, `,"amount":`, p.Amount)
	b = append(b, `,"mode":"`...)
	b = append(b, p.Mode.String()...)
	b = append(b, '"')
	b = appendMoney(b, `,"balance":`, p.Balance)
	b = appendMoney(b, `,"fee":`, p.Fee)
	b = append(b, `,"schedule":[`...)
	for i, r := range p.Schedule {
		if i > 0 {
			b = append(b, ',')
		}
		b = r.AppendJSON(b)
	}
	return append(b, "]}"...)
}

package servicing

import (
	"github.com/dinie/lending/calendar"
	"github.com/dinie/lending/schedule"
)

// settleTime returns t_s, the interest time of a settlement on date s (≥ the release),
// in the day count's units, on the contract's own clock:
//
//   - a date from an installment's nominal date to its rolled due date (either way
//     round) is that installment's own time t_k: paying on the business day a due
//     date was rolled to is paying on the due date (Lei 7.089/1983), so the
//     installment pays its face value and the later ones are discounted from t_k;
//   - any other date is measured as the day count measures the nominal dates
//     (schedule.Elapsed), and kept between the times of the installments whose
//     nominal dates surround it. For monthly and daily pro rata the measure already
//     lies there; for periodic contracts, whose t_k = k ignore the calendar, this
//     keeps t_s in step with the schedule (never past the next installment's time,
//     never short of the last one's), so that the payoff never falls as s advances.
//
// It runs in O(n) and does not allocate.
func (l *Loan) settleTime(s calendar.Date) int64 {
	j := 0 // installments whose nominal date is before s
	for k := range l.inst {
		in := &l.inst[k]
		lo, hi := in.nominal, in.due
		if hi.Before(lo) {
			lo, hi = hi, lo
		}
		if !s.Before(lo) && !s.After(hi) {
			return in.t
		}
		if in.nominal.Before(s) {
			j = k + 1
		}
	}
	t, _ := schedule.Elapsed(l.dayCount, l.cal, l.release, s) // s ≥ release, checked by the callers
	tt := int64(t)
	if j > 0 {
		tt = max(tt, l.inst[j-1].t)
	}
	if j < len(l.inst) {
		tt = min(tt, l.inst[j].t)
	}
	return tt
}

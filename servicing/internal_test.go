package servicing

import (
	"testing"

	"github.com/dinie/lending/calendar"
)

// TestDelayDaysSTJ is the STJ's count (REsp 1.954.924, 2022): a card bill due on
// Saturday 2007-05-05, rolled to Monday 2007-05-07 and paid on 2007-05-28, is 23 days
// late — the delay runs from the original due date once the payment missed the next
// business day — and 21 counted from the rolled date (the borrower's claim, refused).
func TestDelayDaysSTJ(t *testing.T) {
	d := func(s string) calendar.Date {
		x, err := calendar.ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return x
	}
	nominal, due, paid := d("2007-05-05"), d("2007-05-07"), d("2007-05-28")
	if got, _ := calendar.Brazil().Adjust(nominal, calendar.Following); got != due {
		t.Fatalf("2007-05-05 rolls to %s, want 2007-05-07", got)
	}
	if got := calendar.DaysBetween(delayStart(nominal, due, Original), paid); got != 23 {
		t.Errorf("days late from the original date = %d, want 23", got)
	}
	if got := calendar.DaysBetween(delayStart(nominal, due, Rolled), paid); got != 21 {
		t.Errorf("days late from the rolled date = %d, want 21", got)
	}
	// A Preceding roll pulls the due date before the nominal one: the delay runs from
	// the earlier, the due date.
	if got := delayStart(d("2026-05-02"), d("2026-04-30"), Original); got != d("2026-04-30") {
		t.Errorf("preceding: delay counts from %s, want 2026-04-30", got)
	}
}

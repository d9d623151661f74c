package schedule

import (
	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/calendar"
)

// Elapsed returns the interest time from release to date under day count d, in
// thirtieths of a month, the unit of Plan.InterestTime: for the nominal date of an
// installment of a MonthlyProRata or DailyProRata plan it is exactly that
// installment's T_k = 30·t_k. It measures any date, so a servicer can price a
// settlement or a late payment on the contract's own clock:
//
//	MonthlyProRata  30·m + r, m the largest m with release.AddMonths(m) ≤ date,
//	                r the calendar days from release.AddMonths(m) to date
//	DailyProRata    the calendar days from release to date
//	Periodic        as MonthlyProRata: the textbook table's t_k = k labels rows
//	                and measures no date, so a date is measured by the calendar
//
// A date equal to release is 0. It runs in constant time and does not allocate.
//
// Errors (*apierr.Error): a zero release or date is missing_required_field (param
// release_date or date); a date before release is invalid_due_date (param date); a
// d that is none of the constants is invalid_format (param day_count).
func Elapsed(d DayCount, release, date calendar.Date) (int, error) {
	switch {
	case !d.valid():
		return 0, dayCountError(d.String())
	case release.IsZero():
		return 0, apierr.Errorf(apierr.MissingRequiredField, paramRelease, "release_date is required")
	case date.IsZero():
		return 0, apierr.Errorf(apierr.MissingRequiredField, "date", "date is required")
	case date.Before(release):
		return 0, apierr.Errorf(apierr.InvalidDueDate, "date",
			"date %s is before release_date %s; interest time runs from the release", date, release)
	}
	if d == DailyProRata {
		return calendar.DaysBetween(release, date), nil
	}
	y0, m0, _ := release.Date()
	y1, m1, _ := date.Date()
	m := (y1-y0)*12 + int(m1) - int(m0)
	// release.AddMonths(m) lies in date's month, within the calendar's range;
	// when its (clamped) day is after date's, one month less fits.
	at, _ := release.AddMonths(m)
	if at.After(date) {
		m--
		at, _ = release.AddMonths(m)
	}
	return 30*m + calendar.DaysBetween(at, date), nil
}

package schedule

import (
	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/calendar"
)

// Elapsed returns the interest time from release to date under day count d, in the
// day count's units (Plan.InterestTime's): for any date, not only an installment's,
// so that a servicer can price a settlement or a payment on the contract's own clock.
//
//	MonthlyProRata  30·m + r, m the largest m with release.AddMonths(m) ≤ date,
//	                r the calendar days from release.AddMonths(m) to date
//	Periodic        as MonthlyProRata: the textbook table's t_k = k labels rows
//	                and measures no date, so a date is measured by the calendar
//	DailyProRata    the calendar days from release to date (thirtieths of a month)
//	Actual365       the calendar days from release to date
//	Business252     the business days of cal (nil: calendar.Brazil()) in
//	                [release, date)
//
// At an installment's nominal date (its due date for Business252) it is the
// installment's InterestTime, except for Periodic terms. A date equal to release is 0.
// It runs in constant time (Business252: the calendar's, O(years)) and does not
// allocate. Plan.InterestTimeOn is Elapsed on the plan's own terms.
//
// Errors (*apierr.Error): a zero release or date is missing_required_field (param
// release_date or date); a date before release is date_out_of_range (param date); a
// d that is none of the constants is invalid_format (param day_count).
func Elapsed(d DayCount, cal *calendar.Calendar, release, date calendar.Date) (int, error) {
	switch {
	case !d.valid():
		return 0, dayCountError(d.String())
	case release.IsZero():
		return 0, apierr.Errorf(apierr.MissingRequiredField, paramRelease, "release_date is required")
	case date.IsZero():
		return 0, apierr.Errorf(apierr.MissingRequiredField, paramDate, "date is required")
	}
	return elapsed(d, cal, release, date)
}

// elapsed is Elapsed for a valid day count and set dates.
func elapsed(d DayCount, cal *calendar.Calendar, release, date calendar.Date) (int, error) {
	if date.Before(release) {
		return 0, apierr.Wrap(apierr.ErrRange, apierr.DateOutOfRange, paramDate,
			"date %s is before release_date %s", date, release)
	}
	switch d {
	case DailyProRata, Actual365:
		return calendar.DaysBetween(release, date), nil
	case Business252:
		if cal == nil {
			cal = calendar.Brazil()
		}
		return businessDays(cal, release, date), nil
	}
	y0, m0, _ := release.Date()
	y1, m1, _ := date.Date()
	m := (y1-y0)*12 + int(m1) - int(m0) // release.AddMonths(m) is in date's month
	at, err := release.AddMonths(m)
	if err != nil || at.After(date) {
		m--
		at, _ = release.AddMonths(m) // m ≥ 0 since date ≥ release; in range since ≤ date
	}
	return 30*m + calendar.DaysBetween(at, date), nil
}

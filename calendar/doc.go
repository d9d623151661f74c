// Package calendar holds civil dates and the Brazilian financial business day
// calendar: which days are business days, how to roll a date onto one, how to
// count and step over them.
//
// # The rule
//
// For financial operations a day is a business day unless it is a Saturday, a
// Sunday, a national holiday, or Carnival Monday or Tuesday ([Res. CMN
// 4.880/2020], which defines business days for the financial system). That set
// is ANBIMA's national calendar ("feriados nacionais", www.anbima.com.br), the
// reference every Brazilian financial system settles by, and Brazil returns it:
//
//	holiday                                        date
//	Confraternização Universal                     January 1
//	Carnaval (Monday and Tuesday)                  Easter − 48, Easter − 47
//	Paixão de Cristo (Good Friday)                 Easter − 2
//	Tiradentes                                     April 21
//	Dia do Trabalho                                May 1
//	Corpus Christi                                 Easter + 60
//	Independência do Brasil                        September 7
//	Nossa Senhora Aparecida                        October 12
//	Finados                                        November 2
//	Proclamação da República                       November 15
//	Dia Nacional de Zumbi e da Consciência Negra   November 20, from 2024 (Lei 14.759/2023)
//	Natal                                          December 25
//
// November 20 is a national holiday from 2024 on ([Lei 14.759/2023], published in
// December 2023); earlier years do not have it.
// Easter is Easter Sunday of the Gregorian calendar. No holiday moves when it
// falls on a weekend. Ash Wednesday, December 24 and December 31 are business
// days (banks open late or close to the public, but interest and settlement
// run). State and municipal holidays are not national; New builds a calendar
// that adds them (Fixed, Easter and Once rules, optionally limited by Years).
//
// A payment that falls due on a Saturday, Sunday or holiday may be paid on the
// first business day after it without late interest ([Lei 7.089/1983], art. 1):
// that is the Following roll, the zero value of Roll.
//
// The rules are github.com/rickar/cal/v2's br package (v2.1.31) with its two
// departures from ANBIMA corrected: br lacks Carnival Monday, and its Consciência
// Negra has no start year. Only the holiday definitions are used, not its
// Calendar type (whose WorkdaysFrom(d, 0) returns d even on a holiday, whose
// Locations field compares zones by pointer and whose cache spans about three
// years). The result agrees with ANBIMA's published list of national holidays
// on every day from 2001 through 2099. The same rules are applied to every year
// from 1 to 9999, including those before the laws that created some of the
// holidays: dates far from the present are the rules extrapolated, not
// history.
//
// # Roll conventions
//
// Adjust(d, roll) leaves a business day where it is and otherwise moves d:
//
//	Following           the first business day after d
//	ModifiedFollowing   the first business day after d, unless it is in a later month;
//	                    then the last business day before d
//	Preceding           the last business day before d
//	ModifiedPreceding   the last business day before d, unless it is in an earlier month;
//	                    then the first business day after d
//	Unadjusted          d, business day or not
//
// Their wire and command-line names are following, modified-following,
// preceding, modified-preceding and unadjusted (Roll.String, ParseRoll).
//
// # Counting and stepping
//
// AddBusinessDays(d, n) is the n-th business day after d (n > 0) or the |n|-th
// before it (n < 0); d itself is never counted. For n = 0 it returns d as it is,
// even on a holiday: zero steps go nowhere, and rolling is Adjust's job.
//
// BusinessDaysBetween(a, b) counts the business days excluding a and including
// b: for a <= b those in (a, b], for b < a minus those in [b, a). The day left is
// never counted and the day arrived on always is, so the two functions are
// inverse: BusinessDaysBetween(d, AddBusinessDays(d, n)) == n for every d and n.
// When both ends are business days the count equals ANBIMA's "dias úteis" from a
// (inclusive) to b (exclusive).
//
// DaysBetween(a, b) is b − a in calendar days. Date.AddMonths(k) keeps the
// day of the month and clamps it to the month's last day (January 31 plus one
// month is February 28 or 29); it is always computed from its receiver, so
// first.AddMonths(k) is the k-th date of the nominal monthly series of an
// anchor date, and MonthlySeries lists them.
//
// # Dates
//
// Date is a civil date of the proleptic Gregorian calendar from 0001-01-01 to
// 9999-12-31 (years MinYear to MaxYear, what YYYY-MM-DD can write). Its zero
// value is 0001-01-01, which IsZero reports and optional inputs read as unset.
// Its text form, in String, ParseDate, MarshalText and MarshalJSON, is exactly
// YYYY-MM-DD. DateOf gives the date of an instant in America/Sao_Paulo from the
// IANA time zone database, which the package embeds (time/tzdata) so that it
// works on machines without one; Brazil's daylight saving time, in force in the
// South-East until 2019, is honoured.
//
// Arithmetic never leaves the range silently: AddDays, AddMonths,
// AddBusinessDays and Adjust return ErrOutOfRange (and the zero Date) instead of
// wrapping or saturating. IsBusinessDay, BusinessDaysBetween and DaysBetween
// are defined on every pair of dates and return no error.
//
// # Speed and range of the table
//
// A calendar answers from a table of the years 1900 through 2199: a bit per
// day, 1 for a business day, plus the running count of business days before
// each 64-day word. It is built from the rules on first use (a millisecond or
// a few, once per Calendar, under sync.Once). There IsBusinessDay is one bit
// test and AddBusinessDays and BusinessDaysBetween a few population counts
// (a few nanoseconds and no allocation); rickar/cal is never called.
//
// Outside those years the same questions are answered from the rules, year by
// year: correct, but a few microseconds per year touched, so a count across
// millennia takes tens of milliseconds. The tests hold both paths to the same
// answers on random dates, and both to a second, independent implementation of
// the rules.
//
// # Concurrency
//
// Dates, Rolls and Rules are values. A *Calendar is immutable once New or
// Brazil returns it and safe for concurrent use; its table is built once,
// whichever goroutine asks first. The package has no mutable global state and
// never reads the clock.
//
// # Errors
//
// Every error is an *apierr.Error with the API's code, the offending field as param
// and a Detail quoting the input (apierr.Quote bounds it) and saying what was
// expected; its Err is one of the package's reasons, for errors.Is:
//
//	reason           code               param  when
//	ErrInvalidDate   invalid_format     date   text that is not YYYY-MM-DD; a month or day
//	                                           that does not exist (NewDate, ParseDate,
//	                                           UnmarshalText, UnmarshalJSON)
//	ErrOutOfRange    date_out_of_range  date   a year outside 1..9999; an arithmetic result
//	                                           outside 0001-01-01..9999-12-31 (AddDays,
//	                                           AddMonths, MonthlySeries, AddBusinessDays,
//	                                           Adjust, DateOf, DateIn)
//	                                    year   Holidays of a year outside 1..9999
//	ErrInvalidRoll   invalid_format     roll   an unknown roll name or value (ParseRoll,
//	                                           Roll.UnmarshalText, Roll.MarshalText, Adjust)
//	ErrInvalidRule   invalid_format     rule   an extra holiday that names no day (New)
//
// The param is the package's generic name for the value; a server relabels it with
// the request field it read (apierr.Relabel(err, "first_due_date")).
//
// [Res. CMN 4.880/2020]: https://www.bcb.gov.br/estabilidadefinanceira/exibenormativo?tipo=Resolu%C3%A7%C3%A3o%20CMN&numero=4880
// [Lei 7.089/1983]: https://www.planalto.gov.br/ccivil_03/leis/l7089.htm
// [Lei 14.759/2023]: https://www.planalto.gov.br/ccivil_03/_ato2023-2026/2023/lei/l14759.htm
package calendar

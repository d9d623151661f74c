package cet

import "math"

// percent returns rate·100 rounded half to even (ABNT NBR 5891) to 2 decimals, as
// the float64 nearest to that 2-decimal number. It rounds the exact value of
// rate·100 (not its float64 product, whose own rounding could make or break a
// tie): see hundredths. |rate| must be at most MaxAnnual.
func percent(rate float64) float64 {
	return float64(hundredths(rate)) / 100
}

// hundredths returns round-half-even(rate·10^4) computed exactly: the number of
// hundredths of a percent. rate·10^4 = hi + lo holds exactly (an FMA recovers the
// product's rounding error), hi − n is exact (Sterbenz), and because |hi| < 2^52
// the half is a multiple of ulp(hi): so hi's distance from the rounded n is below
// 1/2 by at least ulp(hi) unless hi is itself a tie, and only then can lo (smaller
// than ulp(hi)/2) decide the side. |rate| ≤ MaxAnnual keeps |hi| ≤ 10^14 < 2^52.
func hundredths(rate float64) int64 {
	hi := rate * 1e4
	lo := math.FMA(rate, 1e4, -hi)
	n := math.RoundToEven(hi)
	switch d := hi - n; {
	case d == 0.5 && lo > 0: // just above a tie that RoundToEven took down
		n++
	case d == -0.5 && lo < 0: // just below a tie that RoundToEven took up
		n--
	}
	return int64(n)
}

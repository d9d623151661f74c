package money

import (
	"strconv"

	"github.com/dinie/lending/apierr"
)

// AppendFixed appends the exact value v·10^−places to dst in plain decimal
// notation and returns the extended buffer: an optional '-', the integer digits
// (at least one, no leading zeros), then, when places > 0, a point and exactly
// places fraction digits. AppendFixed(b, 123456, 2) appends "1234.56",
// (b, 5, 3) "0.005", (b, -5, 2) "-0.05", (b, 7, 0) "7". A places below zero
// scales up: (b, 7, -2) appends "700". It never rounds, never fails, works for
// every int64 including math.MinInt64, and allocates only if dst lacks capacity:
// 23 bytes always suffice for places from 0 to 20 (beyond that the output grows
// with places, one byte per place).
//
// places is bounded like a decimal's exponent (apierr.MaxExponent): for |places| above
// apierr.MaxExponent the plain form would be up to 2^63 bytes long, so AppendFixed writes
// the same exact value in scientific notation instead, v 'e' −places
// ("1e-9223372036854775807"), at most 41 bytes. The library itself writes at most
// 10 places.
//
// This is the one fixed-point writer of the library: AppendCents is
// AppendFixed(dst, cents, 2), and the packages that hold rates as scaled
// integers (iof.Rate, schedule.MonthlyRate) print them with AppendTrimmed.
// Safe for concurrent use, like everything in this package.
func AppendFixed(dst []byte, v int64, places int) []byte {
	if places > apierr.MaxExponent || places < -apierr.MaxExponent {
		dst = strconv.AppendInt(dst, v, 10)
		if v == 0 {
			return dst
		}
		dst = append(dst, 'e')
		if places > 0 {
			dst = append(dst, '-')
			return strconv.AppendUint(dst, uint64(places), 10)
		}
		return strconv.AppendUint(dst, -uint64(places), 10) // right for math.MinInt too
	}
	u := uint64(v)
	if v < 0 {
		dst = append(dst, '-')
		u = -u // two's complement: also right for math.MinInt64
	}
	if places <= 0 {
		dst = strconv.AppendUint(dst, u, 10)
		for ; places < 0 && u != 0; places++ {
			dst = append(dst, '0')
		}
		return dst
	}
	if places > maxStackPlaces {
		// u has at most 20 digits, so the integer part is 0 and the fraction
		// starts with places−20 zeros before u's 20 zero-padded digits.
		dst = append(dst, '0', '.')
		for ; places > maxStackPlaces; places-- {
			dst = append(dst, '0')
		}
		var buf [maxStackPlaces]byte
		for i := len(buf) - 1; i >= 0; i-- {
			buf[i] = byte('0' + u%10)
			u /= 10
		}
		return append(dst, buf[:]...)
	}
	// Right to left: places fraction digits, the point, then the integer digits
	// (at least one), two at a time where it can. 20 + 1 + 20 bytes hold any
	// uint64 at any places ≤ 20.
	var buf [2*maxStackPlaces + 1]byte
	i := len(buf)
	for ; places >= 2; places -= 2 {
		q := u / 100
		r := (u - q*100) * 2
		i -= 2
		buf[i], buf[i+1] = digitPairs[r], digitPairs[r+1]
		u = q
	}
	if places == 1 {
		i--
		buf[i] = byte('0' + u%10)
		u /= 10
	}
	i--
	buf[i] = '.'
	for u >= 100 {
		q := u / 100
		r := (u - q*100) * 2
		i -= 2
		buf[i], buf[i+1] = digitPairs[r], digitPairs[r+1]
		u = q
	}
	if u >= 10 {
		i -= 2
		buf[i], buf[i+1] = digitPairs[2*u], digitPairs[2*u+1]
	} else {
		i--
		buf[i] = byte('0' + u)
	}
	return append(dst, buf[i:]...)
}

// digitPairs holds "00" … "99": digitPairs[2n:2n+2] is n in two digits.
const digitPairs = "00010203040506070809" +
	"10111213141516171819" +
	"20212223242526272829" +
	"30313233343536373839" +
	"40414243444546474849" +
	"50515253545556575859" +
	"60616263646566676869" +
	"70717273747576777879" +
	"80818283848586878889" +
	"90919293949596979899"

// maxStackPlaces is the digit count of the largest uint64 (18446744073709551615):
// up to this many places, AppendFixed builds its output in one stack buffer.
const maxStackPlaces = 20

// AppendTrimmed appends v·10^−places like AppendFixed, without the trailing
// zeros of the fraction and without the point when no fraction digit remains:
// the shortest plain form of the exact value. AppendTrimmed(b, 820000, 8)
// appends "0.0082", (b, 38000000, 8) "0.38", (b, 100000000, 8) "1",
// (b, -50, 2) "-0.5", (b, 0, 2) "0". It never rounds and allocates only if dst
// lacks capacity, as AppendFixed.
func AppendTrimmed(dst []byte, v int64, places int) []byte {
	dst = AppendFixed(dst, v, places)
	if places <= 0 || places > apierr.MaxExponent { // no point, nothing to trim
		return dst
	}
	// The appended text holds a point, so the scan stops at it at the latest.
	end := len(dst)
	for dst[end-1] == '0' {
		end--
	}
	if dst[end-1] == '.' {
		end--
	}
	return dst[:end]
}

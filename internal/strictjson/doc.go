// Package strictjson is the library's one JSON reader: every decoder of the
// module (the UnmarshalJSON methods of schedule, simulation, calendar, iof, api
// and the command's batch lines) reads its input through it, so one rule holds
// for all of them instead of one per field.
//
// The rule, on top of RFC 8259:
//
//   - malformed JSON (a syntax error, invalid UTF-8, data after the value,
//     nesting beyond MaxDepth) is malformed_body;
//   - a key given twice in one object, or two keys that differ only in case
//     ("net" and "NeT"), is invalid_format naming the key with its JSON path as
//     param (flows[2].amount): encoding/json lets the last one win and matches
//     keys case-insensitively, so a duplicate would silently replace a value;
//   - keys match struct fields exactly, and a key that is no field is
//     invalid_format with its path;
//   - every value has a length bound (strings MaxString bytes unless a decoder
//     raises it, numbers MaxNumber bytes, keys MaxKey bytes), and a detail
//     quotes input only through apierr.Quote;
//   - absence and a value differ: an absent or null member leaves a pointer nil
//     and is missing_required_field for a field tagged `strict:"required"`;
//   - a number's exponent is bounded before any arithmetic touches it
//     (ScanNumber saturates at MaxExponent), so 3e18446744073709551616 is huge,
//     never 3;
//   - the errors of the fields of one document are gathered in one
//     apierr.Errors, so an API problem lists them all in errors[].
//
// Parse builds a Value tree; Decode and Unmarshal store it in Go values with
// encoding/json's tags; Scalar is the entry of the scalar decoders (a rate, a
// date, money); ScanNumber, Decimal and Int read numbers exactly, never through a
// float64.
//
// The package has no state and everything in it is safe for concurrent use.
package strictjson

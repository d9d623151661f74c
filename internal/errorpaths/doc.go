// Package errorpaths holds two tests of the library's error model (issues 12 and
// 18), over the exported API of every package from apierr up to api:
//
//   - the error-path table: one file per package, each row an exported call with
//     a bad input, checked to fail with an *apierr.Error (errors.As) whose Code is
//     one of apierr.Codes() and, where the input has a field, whose Param names
//     it — and to return within a second, so an input that runs long fails too;
//   - the nil and zero-value contract (nil_test.go): every exported method of
//     every exported type, called by reflection on a nil pointer receiver and on
//     the zero value with zero arguments, returns without panicking, and every
//     error it returns is an *apierr.Error with a known code; a method declared
//     on a pointer receiver that returns an error returns
//     apierr.NilReceiver's (reason apierr.ErrNil) on a nil receiver. A
//     completeness check reads the packages' sources, so a new exported type
//     without a row fails.
//
// The package has no exported API; this file only documents the tests.
package errorpaths

// Package bench is the library's benchmark suite for the simulation hot path
// (issue 8): one full simulation, the grid of terms, the CET solve and the
// calendar and document checks beside them, measured against two baselines
// that live here, in test files, so that no one imports them:
//
//   - the float64 floor (floor_test.go): the same simulation done the
//     obvious way in float64, with no cent exactness — real due dates on the
//     Brazilian calendar, the Price table, the IOF and the CET by Newton, all in
//     float64. It is what the computation costs when nobody cares about the last
//     cent, the floor the library is compared against.
//   - the naive decimal version (naive_test.go): what a competent user would
//     write instead with shopspring/decimal everywhere, decimal powers for the
//     factors and the CET solved by Newton in decimal arithmetic.
//
// Both are held to simulation.Simulate's figures by tests (agree_test.go): the
// installment, interest, IOF and net within cents and the CET within 0.01
// percentage point, so every ratio compares the same computation.
//
// The benchmark names are read by scripts and must not change:
//
//	BenchmarkSimulate/{6,12,24,48}       simulation.Simulate, charges deducted
//	BenchmarkFloat64Floor/{6,12,24,48}   the float64 floor on the same inputs
//	BenchmarkNaiveDecimal/12             the all-decimal implementation
//	BenchmarkCET/12                      cet.Solve on Simulate/12's flows
//	BenchmarkGrid/48                     simulation.Grid over counts 1 … 48
//	BenchmarkIsBusinessDay               calendar.Calendar.IsBusinessDay
//	BenchmarkAddBusinessDays/30          calendar.Calendar.AddBusinessDays
//	BenchmarkValidateCPF                 validation.ParseCPF
//	BenchmarkValidateCNPJ                validation.ParseCNPJ
//
// Every benchmark reports allocations. Run them with
//
//	go test -run '^$' -bench . -benchmem -count 5 ./bench/
//
// The offer is the same everywhere: an MEI, R$ 10,000.00 requested at 3 % a.m.,
// a fee of R$ 50.00 plus 1 %, released on 2026-03-10 (charges deducted, first
// due date one month later, Following on ANBIMA's calendar, monthly pro rata).
//
// The package has no exported API; this file only documents the suite.
package bench

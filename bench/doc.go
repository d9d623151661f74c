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
// # Worst cases (issue 18)
//
// worst_test.go holds, for every exported entry point whose cost depends on its
// input beyond a constant, the slowest accepted input found (or the bound past
// which it is refused in O(1) with a typed error), each named and explained in its
// comment, with the target it is held to:
//
//	BenchmarkWorstGrid420/{1000000000,900000000}  Grid, 1 … 420 at 5 % a.m. daily, financed, from a 30th   ≤ 100 ms
//	BenchmarkWorstSimulate/{financed303,refused420}  Simulate at the growth bound; past it               ≤ 5 ms
//	BenchmarkWorstFinanced                         iof.FinancedCents, the slowest search below MaxGrowth ≤ 2 ms
//	BenchmarkWorstSimulateInstallment              simulation.SimulateInstallment, financed, 2 % × 420    ≤ 5 ms
//	BenchmarkWorstSolve/{amount420refused,count,rate}  schedule.SolveAmount, SolveCount, SolveRate       ≤ 5 ms
//	BenchmarkWorstServicing/{book420,transactions,payoff,prepay420}  servicing at MaxPayments            ≤ 5 ms
//	BenchmarkWorstWebhook/{sign,verifyNoMatch}     MaxBodyLen × MaxSecrets                              ≤ 5 ms
//
// The bounds that make these the worst cases, each refused in O(1) with a typed
// error beyond it and documented on its constant: every decimal within
// apierr.MaxDigits digits and ±apierr.MaxExponent (apierr.CheckBounds); counts within
// schedule.MaxInstallments; financed charges only where (1+i)^t ≤ iof.MaxGrowth
// (10^4); a loan's payments within servicing.MaxPayments and
// MaxPaymentsPerInstallment, its dates within MaxHorizonDays; a webhook body within
// webhook.MaxBodyLen and its secrets within MaxSecrets; parsers' inputs within
// their MaxLen bounds. Everything else runs in O(n) of a schedule of at most 420
// rows: schedule.New and Plan.Schedule, iof.Compute, cet.Solve (at most
// cet.MaxFlows flows), the calendar's arithmetic (bounded by its years), the
// validators (bounded by their lengths), api.Decode (MaxBodyBytes).
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

// Command lending is the command-line face of the library: it answers the
// questions a server asks — simulate this loan, print its schedule, solve for its
// missing term, solve this CET, is this a business day, is this CPF valid, what
// does this booked loan owe, is this webhook signed — from flags or, in batch,
// from one input per line on stdin, and serves the sandbox of the whole API
// (lending serve). The command only parses and prints: every figure and every
// verdict comes from the library packages. It reads the clock for "today" and
// "now", and the system's random source for a new secret, which the library never
// does.
//
//	lending <command> [arguments]
//	lending help                  list the commands (also -h, --help)
//	lending <command> -h          the command's help, on stdout (also --help;
//	                              calendar, validate and cet also take "help")
//
// The commands, each described below:
//
//	simulate   simulate a loan (the API's simulation)
//	calendar   business days, holidays, date rolling
//	cet        solve the CET of dated cash flows (--batch)
//	validate   check CPF, CNPJ, phone, e-mail, CEP, money
//	schedule   the amortization table of a loan (Price or SAC)
//	solve      the missing term: amount, installment, rate or count
//	loan       a booked loan's transactions, payoff and prepayment (--batch)
//	payoff     the payoff of a loan on a date
//	webhook    sign and verify webhook deliveries
//	serve      serve the whole API locally (the sandbox)
//
// Money is the API's wire format everywhere: digits, a point and exactly two
// decimals (25000.00), no sign, exponent or thousands separator. Dates are
// YYYY-MM-DD. Rates are percent per month (3 means 3 % a.m.), or per year
// where a flag or key says so (--annual-rate, annual_rate: 30 means 30 % a.a.).
// A flag is given once in schedule, simulate, solve and webhook: a repeated
// flag is a usage error.
//
// # Exit status
//
//	0  success
//	1  an input was invalid or a rule refused it (in a batch: any input), or
//	   stdin could not be read or stdout written
//	2  a usage error: no or an unknown command, an unknown flag or argument, a
//	   required flag missing, or a malformed argument of calendar holidays, add
//	   or adjust
//
// What goes to stderr: a rule failure of a single simulation or schedule as
// "code: detail" (the API's error code and the library's detail, one line); a
// result of calendar add or adjust outside the calendar's range as "lending
// calendar: " and the calendar's error; a usage error as "lending COMMAND:
// problem", a blank line and the command's help; an I/O failure as "lending
// COMMAND: reading stdin: …" or "lending COMMAND: writing output: …". Batches
// answer their inputs on stdout only.
//
// # Batches
//
// Eight commands read their inputs from stdin, one per line, and print one line
// per input, in input order. They share these rules:
//
//   - A line ends with "\n" or "\r\n" (a lone "\r" is data); a last line
//     without a newline is an input; an empty stdin has no inputs.
//   - A line over 1 MiB (1,048,576 bytes, its terminator not counted) is
//     answered unread: judged bad by the judging commands, malformed_body by the
//     JSON-line commands. A line of exactly 1 MiB is read.
//   - A bad input never stops the batch; the exit status is 1 if any input was
//     bad, 0 otherwise.
//   - If stdin fails, the inputs read so far have been answered, a piece of line
//     read before the failure is not, and the exit status is 1.
//
// They come in two kinds. Judging commands, calendar business-day and validate,
// judge the values of their arguments or, when there are none, of stdin: every
// line is an input, a blank one too (and it is invalid). The output line is the
// input exactly as given, a tab and the verdict, whose last field never holds a
// tab, so a line can be split from the right even when the input holds one; for
// an over-long line the input shown is its first 64 bytes and "...".
//
// JSON-line commands, cet --batch, simulate --batch, solve --batch, loan --batch,
// webhook sign --batch and webhook verify --batch, read one JSON object per
// line; lines of white space only are skipped. They read it with the library's
// one strict JSON reader (internal/strictjson), the reader under every decoder
// of the library: a key given twice, two keys that differ only in case ("net"
// and "NeT"), a key the command does not know, and a value over its length
// bound are invalid_format naming the key (flows[2].amount); a number's
// exponent is bounded before any arithmetic, so 3e18446744073709551616 is a
// rate out of range, never 3; a date given as 0001-01-01 is date_out_of_range,
// never taken as absent (leave the key out, or write null). The output line is
// the answer as one JSON object, or
//
//	{"error":{"code":"…","param":"…","detail":"…"}}
//
// with the API's error code, the input key at fault in param (empty when no
// single key is) and a detail saying what was wrong and what was expected.
//
// # simulate
//
//	lending simulate --amount 10000.00 --installments 12 --rate 3 [flags]
//	lending simulate --installment-value 500.00 --installments 12 --rate 3 [flags]
//	lending simulate --batch < lines.jsonl
//
// Simulates a loan as the API does (POST /credit-offers/{id}/simulations): the
// net amount, fees, IOF, interest, total, CET, installment and first due date,
// with the principal, the annual rate, the monthly CET, the IOF split and the
// schedule. The offer simulated is available, valid at now and allows any count
// from 1 to 420 installments. A release before the São Paulo date of now is
// refused (date_out_of_range): give --now to simulate a past day.
//
//	--amount         requested amount, money; required unless --installment-value
//	--installment-value  simulate by installment: the largest requested amount
//	                 (within --min-amount and --max-amount, fees, IOF and the
//	                 charges mode in the loop) whose installments_value is at
//	                 most this money
//	--installments   installment count, 1 to 420; required
//	--rate           interest rate in percent per month; required unless
//	                 --annual-rate
//	--annual-rate    the contract's rate in percent per year instead; the
//	                 schedule runs on it and interest_percentage shows its
//	                 monthly equivalent (10 places)
//	--now            the instant of the simulation, RFC 3339; default the clock,
//	                 read once per simulation (per line in a batch)
//	--release        release date; default the São Paulo date of now
//	--first-due      first nominal due date; default release + 1 month
//	--borrower       pf, pj, simples or mei (default mei): the IOF class
//	--charges        deducted (default: fees and IOF come off the amount
//	                 released) or financed (the principal covers them)
//	--fee-fixed      a fixed fee, money (default 0.00)
//	--fee-percent    a fee in percent of the requested amount (default 0)
//	--day-count      monthly (default), periodic, daily, actual365 (calendar
//	                 days / 365) or business252 (ANBIMA business days / 252)
//	--roll           following (default), modified-following, preceding,
//	                 modified-preceding or unadjusted
//	--grace          interest-only installments at the start (default 0)
//	--amortization   price (default) or sac (installments_value is then the
//	                 first amortizing installment, the largest)
//	--min-amount     the offer's min_amount (default 1.00)
//	--max-amount     the offer's approved_amount (default 1000000000.00)
//	--first-period-max-days  the longest first period in days, 1 to 366 (default 180)
//	--json           print the simulation as JSON
//	--batch          JSON lines from stdin (no other flag is allowed)
//
// The output is a summary and the schedule table, aligned; with --json, the
// API's response body indented (money as strings, percentages as numbers), with
// the library's extras under "breakdown" (principal, charges,
// annual_interest_percentage, annual_interest_rate, rate_per,
// cet_monthly_percentage, created_at, release_date, day_count, roll, grace,
// amortization, iof and the schedule's rows, each with its interest_time).
//
// A batch input line has the keys amount, installments, rate, now, release,
// first_due, borrower, charges, fee_fixed, fee_percent, day_count, roll,
// min_amount, max_amount, first_period_max_days, installment_value,
// annual_rate, grace and amortization: money and dates as JSON strings, counts
// and rates as JSON numbers, read exactly (never through a float);
// installments, amount (or installment_value) and rate (or annual_rate) are
// required, the rest take the flags' defaults, and null is the same as an
// absent key. The answer is the --json object on one line. An error's param
// names the input key at fault (requested_amount is "amount",
// installment_count "installments", interest_rate "rate",
// annual_interest_rate "annual_rate", installments_value "installment_value",
// release_date "release", first_due_date "first_due", borrower_class
// "borrower", approved_amount "max_amount"); a param with no input key keeps
// the library's name (cet_percentage, fees_amount). The codes:
//
//	malformed_body             not one JSON object, or a line over 1 MiB
//	missing_required_field     amount, installments or rate missing
//	invalid_format             a key of the wrong JSON type or format, an
//	                           unknown key, a count or grace that is not an
//	                           integer, rate with annual_rate, amount with
//	                           installment_value
//	amount_out_of_range        an amount outside its bounds, fees and IOF taking
//	                           the whole amount, terms too small for cent
//	                           precision, an installment_value below the
//	                           installment of min_amount
//	installments_out_of_range  a count outside 1 to 420
//	rate_out_of_range          a rate or fee percent outside 0 to 100, an
//	                           annual rate outside 0 to 409500, a CET beyond
//	                           10^12 %
//	value_out_of_range         a grace outside 0 to installments − 1
//	invalid_due_date           first due date not after the release, or beyond
//	                           the first-period bound
//	date_out_of_range          a release before the date of now, or before
//	                           2012-05-23, the IOF table's start
//
// # schedule
//
//	lending schedule --amount 25000.00 --installments 42 --rate 0.629890 [flags]
//
// Prints the amortization table of a loan, Price or SAC: the regular
// installment and, per installment, its nominal and due dates, payment,
// interest, principal and balance, with totals. The flags are simulate's terms:
// --amount (the principal), --installments and --rate (or --annual-rate),
// required; --release, --first-due, --day-count (monthly, periodic, daily,
// actual365, business252), --roll, --grace and --amortization (price, sac)
// with the same defaults; and --json, which prints the schedule as an indented
// object with principal, interest_rate, annual_interest_rate, rate_per,
// day_count, roll, release_date, installment_count, grace, amortization,
// installment, total_payments, total_interest, total_principal and rows
// (number, nominal_date, due_date, interest_time, payment, interest,
// principal, balance).
//
// # solve
//
//	lending solve [three of --amount, --installment, --rate (or --annual-rate), --installments] [flags]
//	lending solve --batch < lines.jsonl
//
// Given three of the four terms of a loan, prints the fourth, as the Banco
// Central's calculator and spreadsheets' PV, RATE and NPER do, on the
// schedule's own dates and day count (the schedule package's solvers):
//
//	--amount missing        the largest principal, to the cent, whose installment
//	                        is at most --installment (one cent more exceeds it),
//	                        and the present value of the installments at the rate
//	                        (the calculator's financed value)
//	--installment missing   the schedule's installment
//	--rate missing          the monthly rate: the exact root (|PV error| ≤ 10^−9
//	                        of the amount) and its 6-decimal display, with the
//	                        annual equivalent (1 + i)^12 − 1 to 6 decimals
//	--installments missing  the smallest whole count (up to 420) whose
//	                        installment is at most --installment, and the
//	                        fractional NPER of the textbook table
//
//	--amount        the principal, money
//	--installment   the installment, money
//	--rate          interest rate in percent per month
//	--annual-rate   the contract's rate in percent per year, instead of --rate
//	--installments  installment count, 1 to 420
//	--release       release date; default today in America/Sao_Paulo
//	--first-due     first nominal due date; default release + 1 month
//	--day-count     monthly (default), periodic, daily, actual365 or business252
//	--roll          following (default), modified-following, preceding,
//	                modified-preceding or unadjusted
//	--json          print the answer as JSON
//	--batch         JSON lines from stdin (no other flag is allowed)
//
// Fewer or more than three terms is a usage error. The answer, as --json and as
// a batch output line, is one object: solved (amount, installment, rate or
// installments), amount, installment, installments, rate (% a.m., a JSON
// number), annual_rate (% a.a.), and present_value (amount solved, Price),
// root (rate solved, a fraction per month) or nper (count solved). A batch
// input line has the keys amount, installment, rate, annual_rate,
// installments, release, first_due, day_count and roll (money and dates as
// strings, the count and rates as JSON numbers). Params name the input key
// (principal is "amount", installment_count "installments", interest_rate
// "rate", annual_interest_rate "annual_rate"). The codes: malformed_body;
// missing_required_field (fewer than three terms); invalid_format (all four
// terms, rate with annual_rate, a key of the wrong type or format, an unknown
// key); amount_out_of_range (an installment below the smallest principal's, a
// principal outside 1.00 to 1000000000.00); rate_out_of_range (no rate from 0
// to 100 % a.m. gives the installment: it repays less than the amount, or needs
// more); installments_out_of_range (no count up to 420 has an installment so
// small); invalid_due_date, date_out_of_range as for schedule.
//
// # loan
//
//	lending loan --batch < lines.jsonl
//
// Books a loan from a simulation (package servicing) and answers what it owes: its
// transactions as of a date, one per installment, with the late charges beside
// each; on request the payoff on that date and a partial prepayment's new
// schedule. --batch is required (the command has no other form) and takes no
// other flag. An input line:
//
//	{"loan":{"amount":"10000.00","installments":12,"rate":3,"release":"2026-03-10"},
//	 "payments":[{"installment":1,"amount":"1004.62","paid_at":"2026-04-10"}],
//	 "as_of":"2026-06-15","payoff":true,
//	 "prepay":{"date":"2026-06-15","amount":"3000.00","mode":"reduce_term"},
//	 "late":{"fine_percent":2,"mora_percent":1,"interest":"compound","count_from":"original"}}
//
// Only loan is required. Its keys are simulate --batch's (amount, installments,
// rate, now, release, first_due, borrower, charges, fee_fixed, fee_percent,
// day_count, roll, min_amount, max_amount, first_period_max_days,
// installment_value, annual_rate, grace, amortization) with their
// defaults, except that now defaults to noon in São Paulo of release when release
// is given: a loan booked on its release day. payments, at most 1,000, are applied
// in order, each ({"installment","amount","paid_at"}, all required) to its
// installment on its date. as_of defaults to the São Paulo date of now. payoff
// (true or false, default false) asks for the payoff on as_of. prepay asks for a
// partial prepayment quote: its date and amount are required, mode is
// reduce_term (default) or reduce_installment. late sets the late-charge terms:
// fine_percent (a JSON number, default 2; 0 to 2 for pf and mei, to 10 for pj and
// simples), mora_percent (default 1; 0 to 1 a month), interest (compound, the
// default, or linear) and count_from (original, the default, or rolled). null is
// an absent key; an unknown key is invalid_format. The answer:
//
//	{"transactions":[{"installment_number":1,"due_date":"…","nominal_date":"…","status":"paid",
//	   "amount_due":"…","amount_paid":"…","amount_remaining":"…","principal":"…","interest":"…",
//	   "fees":"0.00","days_overdue":0,"paid_at":"…",
//	   "late":{"days":0,"fine":"…","mora":"…","interest":"…","iof":"…","total":"…","owed":"…"},
//	   "payments":[{"installment_number":1,"amount":"…","paid_at":"…","allocation":{"iof":"…",
//	     "fine":"…","mora":"…","delay_interest":"…","interest":"…","principal":"…","discount":"…",
//	     "prepayment_fee":"…"}}]},…],
//	 "payoff":{"date":"…","amount":"…","prepayment_fee":"…","installments":[{"installment_number":7,
//	   "amount_remaining":"…","present_value":"…","discount":"…","late":"…"},…]},
//	 "prepay":{"date":"…","amount":"…","mode":"reduce_term","balance":"…","fee":"…",
//	   "schedule":[{"number":7,"nominal_date":"…","due_date":"…","payment":"…","interest":"…",
//	   "principal":"…","balance":"…"},…]}}
//
// with payoff and prepay only when asked. A transaction carries the API's fields
// (its status and days_overdue as of as_of, paid_at null while unpaid) and, beside
// them, its late charges as of as_of (late: days late, each charge, their total and
// what is still owed) and its payments with their allocation. The schedule's rows
// are schedule --json's. Params name the input key: loan.amount, loan.release,
// payments[2].paid_at, as_of, prepay.amount, late.fine_percent. The codes:
//
//	malformed_body            not one JSON object, or a line over 1 MiB
//	missing_required_field    loan, or a payment's or prepay's key, missing
//	invalid_format            a key of the wrong JSON type or format, an unknown key
//	(simulate's codes)        under loan.*
//	amount_out_of_range       a payment above what its installment owes on its date,
//	                          zero or negative; a prepayment reaching the payoff
//	value_out_of_range        an installment number outside the loan, more than
//	                          1,000 payments
//	invalid_due_date          a payment or a date before the release
//	date_out_of_range         a payment before an earlier one of its installment, a
//	                          date more than a century after the last due date
//	invalid_transition        a payment after the loan finished
//	installment_overdue       a prepayment while an installment is overdue
//	rate_out_of_range         a late-charge percent above its legal cap
//
// # payoff
//
//	lending payoff --amount 10000.00 --installments 12 --rate 3 --release 2026-12-15 --paid 6 --on 2027-06-15
//
// Simulates the loan as simulate does, pays its first --paid installments on their
// due dates and prints the payoff on --on: the total, the prepayment fee (none
// with the CLI's terms), and each open installment's remaining amount, present
// value, discount and late charges. The flags are simulate's but --batch
// (--amount or --installment-value, --installments, and --rate or --annual-rate
// required; --now, --release, --first-due, --borrower, --charges, --fee-fixed,
// --fee-percent, --day-count, --roll, --min-amount, --max-amount,
// --first-period-max-days, --grace, --amortization), --now defaulting to noon in
// São Paulo of --release when it is given, and:
//
//	--on     the settlement date YYYY-MM-DD; required
//	--paid   installments paid on their due dates, 0 to the count (default 0)
//	--json   print the payoff as JSON (date, amount, prepayment_fee, installments)
//
// A flag is given once. A refused loan or date is "code: detail" on stderr, exit 1.
//
// # cet
//
//	lending cet --batch < lines.jsonl
//
// Solves the CET of dated cash flows, one JSON line in, one out:
//
//	{"release":"YYYY-MM-DD","net":"940.00","flows":[{"date":"YYYY-MM-DD","amount":"205.73"},…]}
//	{"cet_annual":0.44075231889231026,"cet_percentage":44.08,"cet_monthly_percentage":3.09}
//
// release is the day the credit is released, net the amount the borrower
// receives (FC0), flows the payments on their (rolled) due dates; other fields
// are ignored. cet_annual is the CET as a fraction per year in full (the
// shortest decimal that reads back as the same float64); the percentages have 2
// decimals rounded half to even (ABNT NBR 5891). Time is calendar days over 365
// ([Res. CMN 4.881/2020]). Error params name the field ("net",
// "flows[3].amount"); the codes: malformed_body (not a JSON object, a line over
// 1 MiB); missing_required_field (release, net, flows or a flow's date or
// amount missing, or no flows); invalid_format (money or date not in the wire
// format, a field of the wrong JSON type); invalid_due_date (a payment before
// release); date_out_of_range (a payment more than 100 years after release);
// amount_out_of_range (net zero or too large, no positive payment after
// release, payments on the release date reaching net);
// installments_out_of_range (more than 10,000 flows); rate_out_of_range (a CET
// above 10^12 % a.a.).
//
// # validate
//
//	lending validate [-strict] KIND [VALUE...]
//
// KIND is cpf, cnpj, phone, email, cep or money; each VALUE (or stdin line) is
// judged by the validation package's parser and answered
//
//	INPUT<TAB>valid<TAB>CANONICAL
//	INPUT<TAB>invalid<TAB>CODE: reason
//
// CANONICAL is the stored form: 11 digits (cpf), 14 uppercase characters
// (cnpj), E.164 +55DDNNNNNNNNN (phone), the address with its domain lowercased
// (email), 8 digits (cep), digits.dd without leading zeros (money). CODE is
// invalid_cpf, invalid_cnpj, or invalid_format for the other kinds. cpf and cnpj
// accept the bare or masked form with spaces around; cnpj folds lowercase
// letters unless -strict is given (then a lowercase letter is invalid); money is
// strict. -strict with another KIND is a usage error.
//
// # calendar
//
//	lending calendar business-day [DATE...]  DATE<TAB>true|false per date
//	lending calendar holidays YEAR           DATE<TAB>NAME per national holiday
//	lending calendar add DATE N              the date N business days after DATE
//	lending calendar adjust DATE ROLL        DATE rolled onto a business day
//
// The calendar is ANBIMA's national one (weekends, national holidays, Carnival
// Monday and Tuesday). business-day is a judging batch: each input is answered
// INPUT<TAB>true|false, or INPUT<TAB>error<TAB>REASON when it is not a date
// (spaces around a date are ignored). holidays lists those on weekends too, for
// YEAR 1 to 9999; add goes backwards for a negative N and prints DATE for N =
// 0; ROLL is following, modified-following, preceding, modified-preceding or
// unadjusted. For holidays, add and adjust a malformed argument is a usage
// error (exit 2) and a result outside 0001-01-01..9999-12-31 is reported on
// stderr with exit 1.
//
// # webhook
//
//	lending webhook sign --secrets S1[,S2...] --id ID [--timestamp UNIX] < body
//	lending webhook sign --batch < lines.jsonl
//	lending webhook verify --secrets S1[,S2...] --id ID --timestamp UNIX --signature SIG [--now UNIX] [--tolerance SECONDS] < body
//	lending webhook verify --batch < lines.jsonl
//	lending webhook secret
//
// Standard Webhooks v1 signatures as the webhook package computes and checks
// them. sign prints the webhook-signature header value of a message, one token
// "v1,<base64>" per secret in the order given, separated by spaces; verify prints
// "ok" (exit 0) when a token matches, else "code: detail" on stderr (exit 1);
// secret prints a new secret, whsec_ and the base64 of 32 bytes from the system's
// secure random source. The body of sign and verify is all of stdin, byte for
// byte (a final newline is part of it), at most 1 MiB.
//
//	--secrets     the secrets, whsec_ and padded standard base64 (the prefix
//	              optional), comma-separated (base64 has no commas), 1 to 10;
//	              required, unless --secret gives the one secret
//	--secret      one secret, instead of --secrets
//	--id          the message id, webhook-id; required
//	--timestamp   webhook-timestamp, Unix seconds; required by verify, sign's
//	              default is the clock
//	--signature   verify: the webhook-signature value; required
//	--now         verify: the receiver's clock, Unix seconds; default the clock
//	--tolerance   verify: the seconds the timestamp may be off, each way;
//	              default 300
//	--batch       JSON lines from stdin (no other flag is allowed)
//
// A flag takes one value and is given once (a repeated flag is a usage error), so
// the secrets are one comma-separated --secrets. Batch lines, in and out:
//
//	{"secrets":["whsec_…",…],"id":"msg_…","timestamp":1767225600,"body":"<raw payload>"}
//	{"signature":"v1,<b64> v1,<b64>"}
//
//	{"secrets":[…],"id":"msg_…","timestamp":1767225600,"signature":"v1,<b64>","body":"<raw payload>","now":1767225600,"tolerance":300}
//	{"ok":true}
//
// "secrets", "id", "timestamp" and "body" are required (the body may be "");
// verify's "signature" is required, "now" defaults to the clock, read for each
// line, and "tolerance" to 300. null is an absent key; an unknown key is
// invalid_format. sign's timestamp is a JSON integer; verify's is the header's
// text, a JSON number as written or a JSON string, so that headers such as
// "1.5e9" or "abc" can be tried. Params name the input key (secrets[1], id,
// timestamp, signature). The checks and their order are the library's: the
// three headers present (missing_required_field), the id, the timestamp
// strictly digits (invalid_format), the timestamp within the tolerance, both
// edges inclusive (timestamp_out_of_range), then the signature
// (invalid_signature); a tolerance that is not positive is value_out_of_range.
// Other codes: malformed_body (not one JSON object, a line over 1 MiB),
// invalid_format (a key of the wrong JSON type, a malformed secret).
//
// # serve
//
//	lending serve [--addr 127.0.0.1:8080] [--seed N] [--now INSTANT]
//
// Serves the whole API from memory — the sandbox of package sandbox, every figure
// computed by the library — and prints one JSON line on stdout with the base URL and
// a ready credential:
//
//	{"base_url":"http://127.0.0.1:8080/v3","client_id":"dinie_ci_…","client_secret":"dinie_cs_test_…"}
//
//	--addr   the address to listen on (default 127.0.0.1:8080; port 0 picks one)
//	--seed   make ids, secrets and generated data reproducible
//	--now    start the sandbox clock at this RFC 3339 instant; it then runs at the
//	         real clock's pace (POST /v3/sandbox/clock moves it forward)
//
// SIGINT or SIGTERM shuts it down gracefully: in-flight requests finish and pending
// webhook deliveries are attempted once more; the exit status is then 0. It exits 1
// when it cannot listen, and 2 on a usage error. The README walks through a session
// with curl.
//
// # Examples
//
// A payoff on the 6th due date, after six installments paid:
//
//	$ lending payoff --amount 10000.00 --installments 12 --rate 3 --release 2026-12-15 --paid 6 --on 2027-06-15
//	payoff on 2027-06-15  5442.23
//	prepayment fee        0.00
//
//	   #  remaining  present value  discount  late
//	   7    1004.62         975.36     29.26  0.00
//	   8    1004.62         946.95     57.67  0.00
//	   9    1004.62         919.37     85.25  0.00
//	  10    1004.62         892.59    112.03  0.00
//	  11    1004.62         866.59    138.03  0.00
//	  12    1004.63         841.36    163.27  0.00
//
// A loan, its summary and schedule (first rows shown):
//
//	$ lending simulate --amount 10000.00 --installments 12 --rate 3 --now 2026-03-10T12:00:00Z --release 2026-03-10
//	requested amount  10000.00
//	amount (net)      9904.49
//	fees              0.00
//	IOF               95.51  (daily 57.51 + additional 38.00; mei rates 0.00274% a day + 0.38%)
//	interest          2055.45
//	total             12055.45
//	installments      12 × 1004.62  (first due 2026-04-10)
//	interest rate     3 % a.m.      (42.58 % a.a.)
//	CET               44.87 % a.a.  (3.14 % a.m.)
//	principal         10000.00      (charges deducted)
//	release           2026-03-10
//	day count         monthly
//	roll              following
//
//	      #  nominal date    due date   payment  interest  principal  balance
//	      1    2026-04-10  2026-04-10   1004.62    300.00     704.62  9295.38
//	…
//
// A batch line refused, with the input key as param (exit status 1):
//
//	$ echo '{"amount":"60000.00","installments":12,"rate":3,"max_amount":"50000.00"}' | lending simulate --batch
//	{"error":{"code":"amount_out_of_range","param":"amount","detail":"amount 60000.00 is above approved_amount 50000.00"}}
//
// The rate of 42 installments of 679.30 on 25,000.00 (the Banco Central's
// calculator shows 0.629890 from a coarser search), and what 24 of 935.00 at
// 1.99 % a.m. buy:
//
//	$ lending solve --amount 25000.00 --installment 679.30 --installments 42 --day-count periodic --release 2026-01-15
//	rate          0.629862 % a.m.  (root 0.006298624639388207; 7.825765 % a.a.)
//	amount        25000.00
//	installment   679.30
//	installments  42
//	$ lending solve --installment 935.00 --rate 1.99 --installments 24 --day-count periodic --release 2026-01-15
//	amount         17704.66  (the largest whose installment is at most 935.00)
//	present value  17704.57
//	installment    935.00
//	installments   24
//	rate           1.99 % a.m.  (26.6750549666 % a.a.)
//
// A schedule:
//
//	$ lending schedule --amount 1000.00 --installments 3 --rate 1 --release 2026-03-10
//	principal     1000.00
//	rate          1 % a.m.
//	installments  3 × 340.02
//	release       2026-03-10
//	day count     monthly
//	roll          following
//
//	      #  nominal date    due date  payment  interest  principal  balance
//	      1    2026-04-10  2026-04-10   340.02     10.00     330.02   669.98
//	      2    2026-05-10  2026-05-11   340.02      6.70     333.32   336.66
//	      3    2026-06-10  2026-06-10   340.03      3.37     336.66     0.00
//	  total                            1020.07     20.07    1000.00
//
// Judging batches:
//
//	$ printf '2026-02-16\n2026-02-18\n2026-02-30\n' | lending calendar business-day
//	2026-02-16	false
//	2026-02-18	true
//	2026-02-30	error	invalid date: day 30 is not 01 through 28 (February 2026)
//
//	$ lending validate cpf 280.012.389-38 280.012.389-39
//	280.012.389-38	valid	28001238938
//	280.012.389-39	invalid	invalid_cpf: cpf 280.012.389-39 has check digits 39; expected 38
//
// A date rolled and a date moved:
//
//	$ lending calendar adjust 2026-05-30 modified-following
//	2026-05-29
//	$ lending calendar add 2026-02-13 1
//	2026-02-18
//
// A webhook signed with the Standard Webhooks libraries' test vector, then
// verified 301 s later (exit status 1):
//
//	$ printf '{"test": 2432232314}' | lending webhook sign --secrets whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw --id msg_p5jXN8AQM9LWM0D4loKWxJek --timestamp 1614265330
//	v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=
//	$ printf '{"test": 2432232314}' | lending webhook verify --secrets whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw --id msg_p5jXN8AQM9LWM0D4loKWxJek --timestamp 1614265330 --signature v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE= --now 1614265631
//	timestamp_out_of_range: timestamp 1614265330 is 301 s before the receiver's clock; the tolerance is 300 s
//
// [Res. CMN 4.881/2020]: https://www.bcb.gov.br/estabilidadefinanceira/exibenormativo?tipo=Resolu%C3%A7%C3%A3o%20CMN&numero=4881
package main

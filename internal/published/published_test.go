package published_test

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/dinie/lending/calendar"
	"github.com/dinie/lending/cet"
	"github.com/dinie/lending/iof"
	"github.com/dinie/lending/money"
	"github.com/dinie/lending/schedule"
	"github.com/dinie/lending/servicing"
	"github.com/dinie/lending/statemachine"
	"github.com/dinie/lending/validation"
)

// figure is one line of the corpus.
type figure struct {
	id, op   string
	args     map[string]string
	want     string
	source   string
	location string
}

// operations maps each operation of the corpus to the library call that computes
// it; each returns the result as the corpus writes it.
var operations = map[string]func(a args) (string, error){
	// The Price installment with periodic time (the textbook table the calculator uses).
	"price.installment": func(a args) (string, error) {
		s, err := schedule.New(schedule.Terms{Principal: a.money("principal"), Rate: a.rate("rate"),
			Installments: a.int("n"), Release: a.date("release", "2026-01-15"), DayCount: schedule.Periodic})
		if err != nil {
			return "", err
		}
		return money.Format(s.Installment()), nil
	},
	// The present value of n installments at the rate, periodic time: the
	// calculator's "valor financiado" (schedule.SolveAmount's PresentValue).
	"price.pv": func(a args) (string, error) {
		sol, err := schedule.SolveAmount(schedule.Terms{Rate: a.rate("rate"), Installments: a.int("n"),
			Release: a.date("release", "2026-01-15"), DayCount: schedule.Periodic}, a.money("installment"))
		if err != nil {
			return "", err
		}
		return money.Format(sol.PresentValue()), nil
	},
	// The monthly rate of n installments on a principal, periodic time, in
	// percent to places decimals (the precision the source shows).
	"price.rate": func(a args) (string, error) {
		sol, err := schedule.SolveRate(schedule.Terms{Principal: a.money("principal"), Installments: a.int("n"),
			Release: a.date("release", "2026-01-15"), DayCount: schedule.Periodic}, a.money("installment"))
		if err != nil {
			return "", err
		}
		return strconv.FormatFloat(sol.Root*100, 'f', a.int("places"), 64), nil
	},
	"cet.periodic": func(a args) (string, error) {
		r, err := periodicCET(a)
		return strconv.FormatFloat(r.Percent(), 'f', 2, 64), err
	},
	"cet.periodic.month": func(a args) (string, error) {
		r, err := periodicCET(a)
		return strconv.FormatFloat(r.MonthlyPercent(), 'f', 2, 64), err
	},
	// A bullet loan: the whole principal paid once, days after the release.
	"iof.bullet": func(a args) (string, error) {
		release := a.date("release", "")
		due, err := release.AddDays(a.int("days"))
		if err != nil {
			return "", err
		}
		p := a.cents("principal")
		r, err := iof.ComputeCents(a.class("class"), release, p, []iof.Flow{{Due: due, Amortization: p}})
		return money.Format(r.Total()), err
	},
	// The principal of a bullet loan whose IOF is financed, so the customer nets net.
	"iof.financed": func(a args) (string, error) {
		release := a.date("release", "")
		due, err := release.AddDays(a.int("days"))
		if err != nil {
			return "", err
		}
		plan, err := schedule.NewPlan(schedule.Terms{Installments: 1, Release: release, FirstDue: due,
			FirstPeriodMaxDays: schedule.MaxFirstPeriodMaxDays, Roll: calendar.Unadjusted})
		if err != nil {
			return "", err
		}
		f, err := iof.Financed(plan, 1, a.class("class"), a.money("net"), decimal.Zero)
		if err != nil {
			return "", err
		}
		return money.Format(f.Principal()), nil
	},
	"cnpj.digits": func(a args) (string, error) { return validation.CNPJCheckDigits(a.s("base")) },
	"cnpj.valid": func(a args) (string, error) {
		_, err := validation.ParseCNPJ(a.s("value"))
		return verdict(err), nil
	},
	"cnpj.strict": func(a args) (string, error) {
		_, err := validation.ParseCNPJStrict(a.s("value"))
		return verdict(err), nil
	},
	"cpf.valid": func(a args) (string, error) {
		_, err := validation.ParseCPF(a.s("value"))
		return verdict(err), nil
	},
	"calendar.business": func(a args) (string, error) {
		return strconv.FormatBool(calendar.Brazil().IsBusinessDay(a.date("date", ""))), nil
	},
	// One installment of amount to a pf borrower, interest-free, due 30 days after a
	// release on 2026-03-02, paid days late: its fine or its mora.
	"servicing.late": func(a args) (string, error) {
		release := a.date("release", "2026-03-02")
		due, _ := release.AddDays(30)
		c := a.cents("amount")
		l, err := servicing.New(servicing.Contract{Release: release, Class: iof.Individual, Principal: c,
			Rows: []schedule.CentsRow{{Number: 1, NominalDate: due, DueDate: due, Payment: c, Principal: c}}},
			servicing.DefaultTerms())
		if err != nil {
			return "", err
		}
		paid, _ := due.AddDays(a.int("days"))
		txs, err := l.Transactions(paid)
		if err != nil {
			return "", err
		}
		part := map[string]int64{"fine": txs[0].Late.Fine, "mora": txs[0].Late.Mora}[a.s("part")]
		return money.FormatCents(part), nil
	},
	// The payoff of n equal payments of pmt at rate (periodic) one period before the
	// first.
	"servicing.payoff.equal": func(a args) (string, error) {
		release := a.date("release", "2026-03-10")
		pmt, n := a.cents("pmt"), a.int("n")
		rows := make([]schedule.CentsRow, n)
		for k := range rows {
			d, _ := release.AddMonths(k + 1)
			rows[k] = schedule.CentsRow{Number: k + 1, NominalDate: d, DueDate: d, Payment: pmt, Principal: pmt,
				Balance: pmt * int64(n-k-1)}
		}
		l, err := servicing.New(servicing.Contract{Release: release, Rate: a.rate("rate"), DayCount: schedule.Periodic,
			Class: iof.Individual, Principal: pmt * int64(n), Rows: rows}, servicing.DefaultTerms())
		if err != nil {
			return "", err
		}
		p, err := l.Payoff(release)
		return money.FormatCents(p.Amount), err
	},
	// A Price table (periodic) with its first installments paid on their due dates,
	// settled on the last of those dates.
	"servicing.payoff": func(a args) (string, error) {
		release := a.date("release", "2026-03-10")
		sch, err := schedule.New(schedule.Terms{Principal: a.money("principal"), Rate: a.rate("rate"),
			Installments: a.int("n"), Release: release, DayCount: schedule.Periodic})
		if err != nil {
			return "", err
		}
		rows := make([]schedule.CentsRow, sch.Len())
		for k := range rows {
			rows[k] = sch.CentsRow(k + 1)
		}
		l, err := servicing.New(servicing.Contract{Release: release, Rate: a.rate("rate"), DayCount: schedule.Periodic,
			Class: iof.Individual, Principal: sch.TotalPrincipalCents(), Rows: rows}, servicing.DefaultTerms())
		if err != nil {
			return "", err
		}
		paid := a.int("paid")
		for k := 1; k <= paid; k++ {
			r := rows[k-1]
			if l, _, err = l.Pay(statemachine.LoanActive, k, money.FromCents(r.Payment), r.DueDate); err != nil {
				return "", err
			}
		}
		p, err := l.Payoff(rows[paid-1].DueDate)
		return money.FormatCents(p.Amount), err
	},
	"servicing.dayslate": func(a args) (string, error) {
		return strconv.Itoa(servicing.DaysLate(a.date("nominal", ""), a.date("due", ""), a.date("paid", ""),
			servicing.Original)), nil
	},
}

func periodicCET(a args) (cet.Rate, error) {
	pmt := a.cents("payment")
	flows := make([]cet.Flow, a.int("n"))
	for k := range flows {
		flows[k] = cet.Flow{Time: k + 1, Cents: pmt}
	}
	return cet.Solve(a.cents("net"), flows, cet.Periodic)
}

func verdict(err error) string {
	if err != nil {
		return "invalid"
	}
	return "valid"
}

// TestPublished runs every figure of the corpus.
func TestPublished(t *testing.T) {
	figures := load(t)
	if len(figures) < 40 {
		t.Fatalf("only %d figures read; the corpus has more", len(figures))
	}
	for _, f := range figures {
		op, ok := operations[f.op]
		if !ok {
			t.Errorf("%s: unknown operation %q", f.location, f.op)
			continue
		}
		a := args{t: t, where: f.location, m: f.args}
		got, err := op(a)
		if err != nil {
			t.Errorf("%s %s: %v (want %s, %s)", f.location, f.id, err, f.want, f.source)
			continue
		}
		if got != f.want {
			t.Errorf("%s %s: %s(%v) = %s, want %s (%s)", f.location, f.id, f.op, f.args, got, f.want, f.source)
		}
	}
}

// load reads every corpus file: figures, with their source's text.
func load(t *testing.T) []figure {
	paths, err := filepath.Glob(filepath.Join("..", "..", "testdata", "published", "*.txt"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no corpus files: %v", err)
	}
	var out []figure
	ids := map[string]string{}
	for _, path := range paths {
		fh, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		sources := map[string]string{}
		sc := bufio.NewScanner(fh)
		for n := 1; sc.Scan(); n++ {
			line := strings.TrimSpace(sc.Text())
			where := fmt.Sprintf("%s:%d", filepath.Base(path), n)
			switch {
			case line == "" || strings.HasPrefix(line, "#"):
				continue
			case strings.HasPrefix(line, "source "):
				tag, text, ok := strings.Cut(strings.TrimPrefix(line, "source "), ":")
				if !ok || strings.TrimSpace(text) == "" {
					t.Fatalf("%s: a source line is `source TAG: text`", where)
				}
				sources[tag] = strings.TrimSpace(text)
				continue
			}
			f := parse(t, where, line)
			src, ok := sources[f.source]
			if !ok {
				t.Fatalf("%s: source @%s is not declared above it", where, f.source)
			}
			if prev, dup := ids[f.id]; dup {
				t.Fatalf("%s: id %s already used at %s", where, f.id, prev)
			}
			ids[f.id] = where
			f.source = src
			out = append(out, f)
		}
		fh.Close()
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

func parse(t *testing.T, where, line string) figure {
	fields := strings.Fields(line)
	arrow := -1
	for i, s := range fields {
		if s == "->" {
			arrow = i
		}
	}
	if arrow < 2 || arrow != len(fields)-3 || !strings.HasPrefix(fields[len(fields)-1], "@") {
		t.Fatalf("%s: a figure is `ID OPERATION KEY=VALUE… -> RESULT @SOURCE`: %q", where, line)
	}
	f := figure{location: where, id: fields[0], op: fields[1], args: map[string]string{},
		want: fields[arrow+1], source: fields[len(fields)-1][1:]}
	for _, kv := range fields[2:arrow] {
		k, v, ok := strings.Cut(kv, "=")
		if !ok {
			t.Fatalf("%s: operand %q is not KEY=VALUE", where, kv)
		}
		f.args[k] = v
	}
	return f
}

// args reads a figure's operands, failing the test on a malformed one.
type args struct {
	t     *testing.T
	where string
	m     map[string]string
}

func (a args) s(k string) string {
	v, ok := a.m[k]
	if !ok {
		a.t.Fatalf("%s: missing operand %s", a.where, k)
	}
	return v
}

func (a args) int(k string) int {
	n, err := strconv.Atoi(a.s(k))
	if err != nil {
		a.t.Fatalf("%s: %s: %v", a.where, k, err)
	}
	return n
}

func (a args) money(k string) decimal.Decimal {
	d, err := money.Parse(a.s(k))
	if err != nil {
		a.t.Fatalf("%s: %s: %v", a.where, k, err)
	}
	return d
}

func (a args) cents(k string) int64 {
	c, err := money.ParseCents(a.s(k))
	if err != nil {
		a.t.Fatalf("%s: %s: %v", a.where, k, err)
	}
	return c
}

func (a args) rate(k string) schedule.MonthlyRate {
	r, err := schedule.ParsePercentPerMonth(a.s(k))
	if err != nil {
		a.t.Fatalf("%s: %s: %v", a.where, k, err)
	}
	return r
}

func (a args) class(k string) iof.Class {
	c, err := iof.ParseClass(a.s(k))
	if err != nil {
		a.t.Fatalf("%s: %s: %v", a.where, k, err)
	}
	return c
}

func (a args) date(k, def string) calendar.Date {
	v, ok := a.m[k]
	if !ok {
		v = def
	}
	d, err := calendar.ParseDate(v)
	if err != nil {
		a.t.Fatalf("%s: %s: %v", a.where, k, err)
	}
	return d
}

package errorpaths_test

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/dinie/lending/api"
	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/calendar"
	"github.com/dinie/lending/cet"
	"github.com/dinie/lending/iof"
	"github.com/dinie/lending/schedule"
	"github.com/dinie/lending/servicing"
	"github.com/dinie/lending/simulation"
	"github.com/dinie/lending/statemachine"
	"github.com/dinie/lending/validation"
	"github.com/dinie/lending/webhook"
)

// exported lists a zero value of every exported type of every library package
// (generic types instantiated once; interfaces, which have no methods of their
// own to call, are in interfaces). TestEveryTypeListed holds the list to the
// sources.
var exported = map[string][]any{
	"apierr": {apierr.Code(""), apierr.Error{}, apierr.Errors(nil), apierr.Reason("")},
	"money":  {},
	"validation": {validation.CEP{}, validation.CNPJ{}, validation.CPF{}, validation.Environment(0),
		validation.FiscalRegion(0), validation.Phone{}, validation.Resource(0)},
	"calendar": {calendar.Calendar{}, calendar.Date{}, calendar.Holiday{}, calendar.Roll(0), calendar.Rule{}},
	"cet":      {cet.Basis(0), cet.DatedFlow{}, cet.Flow{}, cet.Rate{}},
	"schedule": {schedule.Amortization(0), schedule.AmountSolution{}, schedule.AnnualRate{}, schedule.CentsRow{},
		schedule.CountSolution{}, schedule.DayCount(0), schedule.MonthlyRate{}, schedule.Plan{}, schedule.RateSolution{},
		schedule.Row{}, schedule.Schedule{}, schedule.Terms{}},
	"iof": {iof.Basis{}, iof.Class(0), iof.Complement{}, iof.Delay{}, iof.Financing{}, iof.Flow{}, iof.Installment{},
		iof.Operation{}, iof.Rate(0), iof.Rates{}, iof.Regime{}, iof.Result{}},
	"statemachine": {statemachine.Credential{}, statemachine.CredentialStatus(0), statemachine.Customer{},
		statemachine.CustomerStatus(0), statemachine.Edge[statemachine.LoanStatus]{}, statemachine.Event(0),
		statemachine.InstallmentStatus(0), statemachine.KYCKind(0), statemachine.KYCRequirement{},
		statemachine.KYCStatus(0), statemachine.Lifecycle[statemachine.LoanStatus]{}, statemachine.LoanRequest{},
		statemachine.LoanStatus(0), statemachine.Offer{}, statemachine.OfferCents{}, statemachine.OfferStatus(0),
		statemachine.Origination[*simulation.Simulation]{}, statemachine.Registration{},
		statemachine.TransitionError{}, statemachine.WebhookStatus(0)},
	"simulation": {simulation.Cents{}, simulation.Charges(0), simulation.IOFDetail{}, simulation.Options{},
		simulation.Request{}, simulation.Simulation{}, simulation.Term{}},
	"servicing": {servicing.Allocation{}, servicing.Contract{}, servicing.CountFrom(0), servicing.DelayInterest(0),
		servicing.LateCharges{}, servicing.Loan{}, servicing.Mode(0), servicing.Payment{}, servicing.Payoff{},
		servicing.PayoffItem{}, servicing.Prepayment{}, servicing.Receipt{}, servicing.Settlement{}, servicing.Terms{},
		servicing.Transaction{}},
	"webhook": {webhook.Endpoint{}, webhook.EndpointSecret{}, webhook.Envelope{}, webhook.EventError{},
		webhook.Patterns(0), webhook.Payment{}, webhook.Secret{}},
	"api": {api.Credential{}, api.CredentialRequest{}, api.CreditOffer{}, api.Customer{}, api.CustomerFields{},
		api.CustomerInput{}, api.Deleted{}, api.Instant{}, api.KYCItem{}, api.List[api.Customer]{}, api.Loan{},
		api.LoanRecord{}, api.LoanRequest{}, api.Money(0), api.OfferBreakdown{}, api.Problem{},
		api.RotateSecretRequest{}, api.SimulationRequest{}, api.Token{}, api.WebhookEndpoint{},
		api.WebhookEndpointFields{}},
}

// interfaces are the exported interface types: constraints and views, no
// receivers.
var interfaces = map[string][]string{"statemachine": {"Quote", "State"}}

// nilValid are the types whose nil pointer is a documented value rather than a
// misuse: a nil *calendar.Calendar is the national calendar (calendar.Brazil);
// a nil *apierr.Error or *statemachine.TransitionError prints "<nil>" and unwraps
// to nothing; a nil *statemachine.Lifecycle is what KYCLifecycle returns for an
// invalid kind, a lifecycle with no states whose Transition says so.
var nilValid = map[reflect.Type]bool{
	reflect.TypeFor[calendar.Calendar]():                               true,
	reflect.TypeFor[apierr.Error]():                                    true,
	reflect.TypeFor[statemachine.TransitionError]():                    true,
	reflect.TypeFor[statemachine.Lifecycle[statemachine.LoanStatus]](): true,
}

// decoders read their input before their receiver: on a nil receiver they may
// report the input's error (the zero arguments are never valid input) instead of
// apierr.NilReceiver's, as long as it is typed and nothing panics.
var decoders = map[string]bool{"UnmarshalJSON": true, "UnmarshalText": true}

// promoted returns the methods typ promotes from embedded types of other
// modules (api.Instant's time.Time): their contract is their own package's.
func promoted(typ reflect.Type) map[string]bool {
	out := map[string]bool{}
	if typ.Kind() != reflect.Struct {
		return out
	}
	for i := range typ.NumField() {
		f := typ.Field(i)
		if !f.Anonymous || strings.HasPrefix(f.Type.PkgPath(), "github.com/dinie/lending") {
			continue
		}
		for _, t := range []reflect.Type{f.Type, reflect.PointerTo(f.Type)} {
			for j := range t.NumMethod() {
				out[t.Method(j).Name] = true
			}
		}
	}
	return out
}

// valueErrors are methods whose error result is a value, not a failure.
var valueErrors = map[string]bool{"Unwrap": true, "Err": true}

var errorType = reflect.TypeFor[error]()

// pending are calls another branch fixes: each must still fail here, so that the
// entry is removed, and the call held to the contract, as soon as the fix lands.
// Empty since the strict JSON reader made Row.UnmarshalJSON(nil) typed.
var pending = map[string]string{}

// TestNilAndZeroValues calls every exported method of every exported type on the
// zero value, on a pointer to it and on a nil pointer, with zero arguments.
func TestNilAndZeroValues(t *testing.T) {
	calls := 0
	for _, pkg := range sortedKeys(exported) {
		for _, v := range exported[pkg] {
			typ := reflect.TypeOf(v)
			ptr := reflect.PointerTo(typ)
			foreign := promoted(typ)
			// Methods with value receivers, on the zero value.
			for i := range typ.NumMethod() {
				m := typ.Method(i)
				if foreign[m.Name] {
					continue
				}
				calls++
				call(t, pkg+"."+typ.Name()+"{}."+m.Name, m.Func, reflect.Zero(typ), false)
			}
			// Methods with pointer receivers, on a pointer to the zero value and on nil.
			for i := range ptr.NumMethod() {
				m := ptr.Method(i)
				if _, ok := typ.MethodByName(m.Name); ok || foreign[m.Name] {
					continue // a value method: calling it through nil is a nil dereference by definition
				}
				calls += 2
				call(t, "(&"+pkg+"."+typ.Name()+"{})."+m.Name, m.Func, reflect.New(typ), false)
				call(t, "(*"+pkg+"."+typ.Name()+")(nil)."+m.Name, m.Func, reflect.Zero(ptr), !nilValid[typ] && !decoders[m.Name])
			}
		}
	}
	t.Logf("%d calls", calls)
}

// call calls f (a method expression) on recv with zero arguments and checks the
// contract; wantNil asks a returned error to be apierr.NilReceiver's.
func call(t *testing.T, name string, f, recv reflect.Value, wantNil bool) {
	t.Helper()
	if why, ok := pending[name]; ok {
		if !callFails(nil, name, f, recv, wantNil) {
			t.Errorf("%s now holds to the contract: remove it from pending (%s)", name, why)
		}
		return
	}
	callFails(t, name, f, recv, wantNil)
}

// callFails is call's check, reporting on t unless t is nil; it reports whether
// any check failed.
func callFails(t *testing.T, name string, f, recv reflect.Value, wantNil bool) (failed bool) {
	report := func(format string, args ...any) {
		failed = true
		if t != nil {
			t.Helper()
			t.Errorf(format, args...)
		}
	}
	ft := f.Type()
	args := []reflect.Value{recv}
	for i := 1; i < ft.NumIn(); i++ {
		args = append(args, reflect.Zero(ft.In(i)))
	}
	var out []reflect.Value
	func() {
		defer func() {
			if r := recover(); r != nil {
				report("%s panics: %v", name, r)
			}
		}()
		if ft.IsVariadic() {
			out = f.CallSlice(args)
		} else {
			out = f.Call(args)
		}
	}()
	method := name[strings.LastIndexByte(name, '.')+1:]
	for i, o := range out {
		if ft.Out(i) != errorType || valueErrors[method] {
			continue
		}
		if o.IsNil() {
			continue
		}
		err := o.Interface().(error)
		var e *apierr.Error
		switch {
		case !errors.As(err, &e) || !e.Code.Known():
			report("%s returns %T %v, want an *apierr.Error with a known code", name, err, err)
		case wantNil && !errors.Is(err, apierr.ErrNil):
			report("%s on a nil receiver returns %v, want apierr.NilReceiver's error", name, err)
		}
	}
	return failed
}

// TestEveryTypeListed reads the packages' sources: every exported type declared
// outside tests is in exported or interfaces, so the contract covers new types too.
func TestEveryTypeListed(t *testing.T) {
	for _, pkg := range sortedKeys(exported) {
		listed := map[string]bool{}
		for _, v := range exported[pkg] {
			name := reflect.TypeOf(v).Name()
			if i := strings.IndexByte(name, '['); i >= 0 {
				name = name[:i]
			}
			listed[name] = true
		}
		for _, name := range interfaces[pkg] {
			listed[name] = true
		}
		declared := declaredTypes(t, filepath.Join("..", "..", pkg))
		for _, name := range declared {
			if !listed[name] {
				t.Errorf("%s.%s is exported but not listed in nil_test.go", pkg, name)
			}
			delete(listed, name)
		}
		for name := range listed {
			t.Errorf("%s.%s is listed but not declared", pkg, name)
		}
	}
}

// declaredTypes returns the exported type names declared in dir's non-test files.
func declaredTypes(t *testing.T, dir string) []string {
	t.Helper()
	fset := token.NewFileSet()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, path := range files {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			g, ok := d.(*ast.GenDecl)
			if !ok || g.Tok != token.TYPE {
				continue
			}
			for _, s := range g.Specs {
				// An alias (api.Event = webhook.Envelope) is its target's type, listed
				// with the package that declares it.
				if ts := s.(*ast.TypeSpec); ts.Name.IsExported() && !ts.Assign.IsValid() {
					names = append(names, ts.Name.Name)
				}
			}
		}
	}
	if len(names) == 0 && !strings.HasSuffix(dir, "money") {
		t.Fatalf("no exported types in %s", dir)
	}
	return names
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

var _ = fmt.Sprint

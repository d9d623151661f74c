package strictjson

import (
	"encoding/json"
	"errors"
	"math/big"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/internal/strictjson/jsonref"
)

// TestParseRules: each rule of the reader, with the code and param a caller
// sees. The expected answers are the package doc's rules applied by hand.
func TestParseRules(t *testing.T) {
	long := strings.Repeat("9", MaxNumber+1)
	for _, c := range []struct {
		name, in string
		code     apierr.Code // "" accepted
		param    string
	}{
		{"object", `{"a":1,"b":"x","c":[true,false,null],"d":{}}`, "", ""},
		{"white space around", " \t\r\n{}\n", "", ""},
		{"not JSON", `nonsense`, apierr.MalformedBody, ""},
		{"empty", ``, apierr.MalformedBody, ""},
		{"trailing data", `{} {}`, apierr.MalformedBody, ""},
		{"trailing comma", `{"a":1,}`, apierr.MalformedBody, ""},
		{"single quotes", `{'a':1}`, apierr.MalformedBody, ""},
		{"leading zero", `{"a":01}`, apierr.MalformedBody, ""},
		{"invalid UTF-8", "{\"a\":\"\xff\"}", apierr.MalformedBody, ""},
		{"control character", "{\"a\":\"\x01\"}", apierr.MalformedBody, ""},
		{"byte order mark", "\ufeff{}", apierr.MalformedBody, ""},
		{"too deep", strings.Repeat("[", MaxDepth+1) + strings.Repeat("]", MaxDepth+1), apierr.MalformedBody, ""},
		{"deep enough", strings.Repeat("[", MaxDepth) + strings.Repeat("]", MaxDepth), "", ""},
		// Issue 19: the last duplicate must not win, and case must not fold.
		{"duplicate key", `{"amount":"-1.00","amount":"10000.00"}`, apierr.InvalidFormat, "amount"},
		{"key differing in case", `{"net":"940.00","NeT":"100.00"}`, apierr.InvalidFormat, "NeT"},
		{"duplicate escaped key", `{"net":1,"n\u0065t":2}`, apierr.InvalidFormat, "net"},
		{"duplicate in a nested array", `{"flows":[{"amount":"1.00"},{"amount":"1.00"},{"amount":"1.00","amount":"2.00"}]}`, apierr.InvalidFormat, "flows[2].amount"},
		{"Kelvin sign folds to k", `{"k":1,"\u212a":2}`, apierr.InvalidFormat, "\u212a"},
		{"same key in two objects", `{"a":{"x":1},"b":{"x":1}}`, "", ""},
		{"many keys, duplicate late", `{` + manyKeys(40) + `,"K7":1}`, apierr.InvalidFormat, "K7"},
		{"string at the bound", `{"a":"` + strings.Repeat("x", MaxString) + `"}`, "", ""},
		{"string over the bound", `{"a":"` + strings.Repeat("x", MaxString+1) + `"}`, apierr.InvalidFormat, "a"},
		{"number at the bound", `{"a":` + long[1:] + `}`, "", ""},
		{"integer over the bound", `{"a":` + long + `}`, apierr.ValueOutOfRange, "a"},
		{"decimal over the bound", `{"a":0.` + long + `}`, apierr.InvalidFormat, "a"},
		{"key over the bound", `{"` + strings.Repeat("k", MaxKey+1) + `":1}`, apierr.InvalidFormat, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse([]byte(c.in))
			if c.code == "" {
				if err != nil {
					t.Fatalf("Parse(%.40q) = %v; want it accepted", c.in, err)
				}
				return
			}
			e := First(err)
			if err == nil || e.Code != c.code || e.Param != c.param {
				t.Fatalf("Parse(%.40q) = %v; want %s (param %q)", c.in, err, c.code, c.param)
			}
			if len(e.Detail) > 300 {
				t.Errorf("detail of %d bytes: input not quoted through apierr.Quote", len(e.Detail))
			}
		})
	}
}

func manyKeys(n int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`"k` + strconv.Itoa(i) + `":1`)
	}
	return b.String()
}

// TestParseObject: a document that must be an object is malformed_body when it
// is another value — also when that value breaks a bound (a bare 65-digit
// integer was value_out_of_range naming no member; found by the CLI's
// FuzzCETLine) — while an object's member errors keep their code and path.
// Expected answers: ParseObject's doc applied by hand.
func TestParseObject(t *testing.T) {
	long := strings.Repeat("1", MaxNumber+1)
	for _, c := range []struct {
		name, in string
		code     apierr.Code // "" accepted
		param    string
	}{
		{"object", `{"a":1}`, "", ""},
		{"number", `1`, apierr.MalformedBody, ""},
		{"over-long integer", long, apierr.MalformedBody, ""},
		{"over-long string", `"` + strings.Repeat("x", MaxString+1) + `"`, apierr.MalformedBody, ""},
		{"array of over-long integers", `[` + long + `]`, apierr.MalformedBody, ""},
		{"not JSON", `{`, apierr.MalformedBody, ""},
		{"object with an over-long integer", `{"net":` + long + `}`, apierr.ValueOutOfRange, "net"},
		{"object with a duplicate", `{"a":1,"a":2}`, apierr.InvalidFormat, "a"},
	} {
		t.Run(c.name, func(t *testing.T) {
			v, err := ParseObject([]byte(c.in), Limits{})
			if c.code == "" {
				if err != nil || v.Kind != Object {
					t.Fatalf("ParseObject(%.40q) = %v, %v; want an object", c.in, v.Kind, err)
				}
				return
			}
			if e := First(err); err == nil || e.Code != c.code || e.Param != c.param {
				t.Fatalf("ParseObject(%.40q) = %v; want %s (param %q)", c.in, err, c.code, c.param)
			}
		})
	}
}

// TestParseGathers: the field errors of one document come together, in input
// order, so an API problem lists them all.
func TestParseGathers(t *testing.T) {
	_, err := Parse([]byte(`{"a":1,"a":2,"b":{"c":1,"C":2},"d":"` + strings.Repeat("x", MaxString+1) + `"}`))
	var es apierr.Errors
	if !errors.As(err, &es) || len(es) != 3 || es[0].Param != "a" || es[1].Param != "b.C" || es[2].Param != "d" {
		t.Fatalf("Parse = %v; want three errors a, b.C, d", err)
	}
}

type inner struct {
	N int `json:"n" strict:"required"`
}

type target struct {
	Name   *string           `json:"name"`
	Count  int               `json:"count"`
	Small  int8              `json:"small"`
	Flag   bool              `json:"flag"`
	Ratio  float64           `json:"ratio"`
	Num    json.Number       `json:"num"`
	Raw    json.RawMessage   `json:"raw"`
	Inner  *inner            `json:"inner"`
	List   []inner           `json:"list"`
	Map    map[string]string `json:"map"`
	Must   string            `json:"must" strict:"required"`
	Text   textish           `json:"text"`
	hidden int
	Skip   int `json:"-"`
	embedded
}

type embedded struct {
	Extra string `json:"extra"`
}

// textish is an encoding.TextUnmarshaler with a generic param, as the library's
// enums are.
type textish string

func (x *textish) UnmarshalText(b []byte) error {
	if string(b) != "ok" {
		return apierr.Errorf(apierr.InvalidFormat, "text", "text %s is not ok", apierr.Quote(string(b)))
	}
	*x = textish(b)
	return nil
}

// TestDecodeRules: Decode's rules, one row each; the expected values are the
// input's, the errors the package doc's.
func TestDecodeRules(t *testing.T) {
	for _, c := range []struct {
		name, in string
		errs     []string // "code param", in order; nil: accepted
		check    func(target) bool
	}{
		{"every kind", `{"name":"a","count":-3,"small":7,"flag":true,"ratio":1.5,"num":2e3,"raw":[1, 2],"inner":{"n":1},` +
			`"list":[{"n":2}],"map":{"k":"v"},"must":"m","text":"ok","extra":"e"}`, nil, func(v target) bool {
			return *v.Name == "a" && v.Count == -3 && v.Small == 7 && v.Flag && v.Ratio == 1.5 && v.Num == "2e3" &&
				string(v.Raw) == "[1, 2]" && v.Inner.N == 1 && len(v.List) == 1 && v.List[0].N == 2 &&
				v.Map["k"] == "v" && v.Must == "m" && v.Text == "ok" && v.Extra == "e" && v.hidden == 0
		}},
		{"absent stays nil, null is absent", `{"name":null,"must":"m"}`, nil, func(v target) bool { return v.Name == nil && v.Inner == nil }},
		{"zero value given is kept apart", `{"name":"","must":"m"}`, nil, func(v target) bool { return v.Name != nil && *v.Name == "" }},
		{"required absent", `{}`, []string{"missing_required_field must"}, nil},
		{"required null", `{"must":null}`, []string{"missing_required_field must"}, nil},
		{"nested required", `{"must":"m","inner":{},"list":[{"n":1},{}]}`, []string{"missing_required_field inner.n", "missing_required_field list[1].n"}, nil},
		{"exact case", `{"Must":"m"}`, []string{"invalid_format Must", "missing_required_field must"}, nil},
		{"unknown key", `{"must":"m","skip":1,"hidden":2}`, []string{"invalid_format skip", "invalid_format hidden"}, nil},
		{"money as a number into a string", `{"must":1000.00}`, []string{"invalid_format must"}, nil},
		{"count as a string", `{"must":"m","count":"12"}`, []string{"invalid_format count"}, nil},
		{"count with a fraction", `{"must":"m","count":12.0}`, []string{"invalid_format count"}, nil},
		{"count with an exponent", `{"must":"m","count":1.2e1}`, []string{"invalid_format count"}, nil},
		{"count beyond int", `{"must":"m","count":99999999999999999999}`, []string{"value_out_of_range count"}, nil},
		{"int8 beyond", `{"must":"m","small":128}`, []string{"value_out_of_range small"}, nil},
		{"float beyond", `{"must":"m","ratio":1e400}`, []string{"value_out_of_range ratio"}, nil},
		{"text relabelled", `{"must":"m","text":"no"}`, []string{"invalid_format text"}, nil},
		{"text not a string", `{"must":"m","text":1}`, []string{"invalid_format text"}, nil},
		{"list of the wrong type", `{"must":"m","list":{}}`, []string{"invalid_format list"}, nil},
		{"several gathered", `{"count":"x","flag":1,"name":2}`, []string{"invalid_format count", "invalid_format flag", "invalid_format name", "missing_required_field must"}, nil},
		{"top level not an object", `[]`, []string{"invalid_format "}, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			var v target
			err := Unmarshal([]byte(c.in), &v)
			var got []string
			var es apierr.Errors
			es = es.Append(err)
			for _, e := range es {
				got = append(got, string(e.Code)+" "+e.Param)
			}
			if strings.Join(got, "; ") != strings.Join(c.errs, "; ") {
				t.Fatalf("Unmarshal(%s) = %v; want %q", c.in, err, c.errs)
			}
			if c.check != nil && !c.check(v) {
				t.Errorf("Unmarshal(%s) = %+v", c.in, v)
			}
		})
	}
}

type unexportedEmbed struct{ A int }

// withEmbeds has an unexported embedded pointer (skipped: it cannot be
// allocated, and decoding must not panic) and an exported one (allocated).
type withEmbeds struct {
	*unexportedEmbed
	*Exported
}

// Exported is an exported embedded struct.
type Exported struct{ B int }

// TestDecodeEmbedded: embedded structs flatten as encoding/json flattens them,
// without a panic on the one kind encoding/json cannot set.
func TestDecodeEmbedded(t *testing.T) {
	var v withEmbeds
	if err := Unmarshal([]byte(`{"B":2}`), &v); err != nil || v.Exported == nil || v.B != 2 {
		t.Errorf("Unmarshal = %v, %+v", err, v)
	}
	if err := Unmarshal([]byte(`{"A":1}`), &v); First(err).Code != apierr.InvalidFormat {
		t.Errorf("Unmarshal of the unexported embedded field = %v; want it unknown", err)
	}
}

// TestRelabel: a scalar's param becomes the path; an object's goes under it.
func TestRelabel(t *testing.T) {
	scalar := apierr.Errorf(apierr.InvalidFormat, "amount", "amount is empty")
	if e := First(Relabel(scalar, "flows[2].amount", false)); e.Param != "flows[2].amount" || e.Detail != "flows[2].amount is empty" {
		t.Errorf("scalar: %+v", e)
	}
	obj := apierr.Errorf(apierr.InvalidFormat, "iof.rates", "iof.rates is wrong")
	if e := First(Relabel(obj, "breakdown", true)); e.Param != "breakdown.iof.rates" || e.Detail != "breakdown.iof.rates is wrong" {
		t.Errorf("object: %+v", e)
	}
	if e := First(Relabel(errors.New("secret text"), "x", false)); e.Code != apierr.InvalidFormat || e.Param != "x" || strings.Contains(e.Detail, "secret") {
		t.Errorf("plain error: %+v", e)
	}
	if Relabel(nil, "x", false) != nil {
		t.Error("Relabel(nil) is not nil")
	}
}

// TestScanNumber: the grammar, and exponents saturating instead of wrapping:
// 2^64 wraps an int64 accumulator to 0, which made 3e18446744073709551616 read
// as 3 (issue 19).
func TestScanNumber(t *testing.T) {
	for _, c := range []struct {
		in     string
		digits string
		exp    int64
		neg    bool
		ok     bool
	}{
		{"12.50e1", "1250", -1, false, true},
		{"-0", "0", 0, true, true},
		{"1E+2", "1", 2, false, true},
		{"3e18446744073709551616", "3", MaxExponent, false, true},
		{"1e9223372036854775807", "1", MaxExponent, false, true},
		{"1e-18446744073709551617", "1", -MaxExponent, false, true},
		{"1.5e-18446744073709551617", "15", -MaxExponent - 1, false, true},
		{"01", "", 0, false, false},
		{".5", "", 0, false, false},
		{"1.", "", 0, false, false},
		{"1e", "", 0, false, false},
		{"+1", "", 0, false, false},
		{"", "", 0, false, false},
	} {
		d, e, n, ok := ScanNumber(c.in)
		if d != c.digits || e != c.exp || n != c.neg || ok != c.ok {
			t.Errorf("ScanNumber(%q) = %q, %d, %v, %v; want %q, %d, %v, %v", c.in, d, e, n, ok, c.digits, c.exp, c.neg, c.ok)
		}
	}
}

// TestDecimal: exact, bounded before decimal arithmetic.
func TestDecimal(t *testing.T) {
	for _, c := range []struct {
		in, want string
		code     apierr.Code
	}{
		{"1.5", "1.5", ""}, {"-2e3", "-2000", ""}, {"0e99999999999999999999", "0", ""},
		{"1e-18446744073709551617", "", apierr.InvalidFormat},
		{"1e18446744073709551616", "", apierr.ValueOutOfRange},
		{"1e1001", "", apierr.ValueOutOfRange},
		{"1_0", "", apierr.InvalidFormat}, {".5", "", apierr.InvalidFormat},
		{strings.Repeat("1", MaxNumber+1), "", apierr.InvalidFormat},
	} {
		d, err := Decimal(c.in, "fee_percent")
		switch {
		case c.code == "" && (err != nil || d.String() != c.want):
			t.Errorf("Decimal(%q) = %s, %v; want %s", c.in, d, err, c.want)
		case c.code != "" && (err == nil || First(err).Code != c.code || First(err).Param != "fee_percent"):
			t.Errorf("Decimal(%q) = %s, %v; want %s", c.in, d, err, c.code)
		}
	}
}

// TestReferenceBounds: the reference checks the same bounds.
func TestReferenceBounds(t *testing.T) {
	if jsonref.MaxString != MaxString || jsonref.MaxNumber != MaxNumber || jsonref.MaxDepth != MaxDepth || jsonref.MaxKey != MaxKey {
		t.Fatal("jsonref's bounds differ from the reader's")
	}
}

// FuzzParse: differential against a strict reference built on another
// implementation — encoding/json's validator and tokenizer, with the
// duplicate, case-folding, depth and length rules checked on its tokens. Both
// must accept the same documents, refuse the same ones with the same class
// (malformed_body for syntax, a field error otherwise), and read the same tree.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		`{"a":1}`, `{"a":1,"a":2}`, `{"net":"1","NeT":"2"}`, `{"k":1,"\u212a":2}`, `[1,{"x":[{"y":null}]}]`,
		`"\ud800"`, `"\ud83d\ude00"`, `{"a":"\u0000"}`, `1e18446744073709551616`, `-0.0e-0`, `{"":1,"":2}`,
		"{\"a\":\"\xff\"}", `[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]`, ` true `, `nul`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		v, err := Parse(data)
		want, class, _ := jsonref.Parse(data)
		got := "ok"
		if err != nil {
			got = "field"
			if First(err).Code == apierr.MalformedBody {
				got = "malformed"
			}
		}
		if got != class {
			t.Fatalf("Parse(%q) = %v (%s); reference says %s", data, err, got, class)
		}
		if err == nil {
			if c := canonical(v); c != want {
				t.Fatalf("Parse(%q) reads %s; reference reads %s", data, c, want)
			}
		}
	})
}

// canonical renders a Value for comparison.
func canonical(v Value) string {
	switch v.Kind {
	case String:
		return strconv.Quote(v.Text)
	case Object:
		parts := make([]string, len(v.Members))
		for i, m := range v.Members {
			parts[i] = strconv.Quote(m.Key) + ":" + canonical(m.Value)
		}
		return "{" + strings.Join(parts, ",") + "}"
	case Array:
		parts := make([]string, len(v.Elems))
		for i, e := range v.Elems {
			parts[i] = canonical(e)
		}
		return "[" + strings.Join(parts, ",") + "]"
	}
	return v.Text
}

var jsonNumberRE = regexp.MustCompile(`^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$`)

// FuzzScanNumber: differential against the JSON number regexp and big.Int
// arithmetic on the exponent: same acceptance, same digits, and the exponent
// exact when it is inside ±MaxExponent, saturated with the right sign beyond.
func FuzzScanNumber(f *testing.F) {
	for _, s := range []string{"0", "-0.0", "12.50e1", "3e18446744073709551616", "1e-18446744073709551617", "1.5e-1099511627776",
		"1e1099511627775", "1e1099511627776", "01", "1.", "-", "1e+", "9" + strings.Repeat("0", 30) + "e-5"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		digits, exp, neg, ok := ScanNumber(s)
		m := jsonNumberRE.FindStringSubmatch(s)
		if ok != (m != nil) {
			t.Fatalf("ScanNumber(%q) ok %v; the regexp says %v", s, ok, m != nil)
		}
		if !ok {
			return
		}
		frac := strings.TrimPrefix(m[2], ".")
		if digits != m[1]+frac || neg != strings.HasPrefix(s, "-") {
			t.Fatalf("ScanNumber(%q) = %q, %v", s, digits, neg)
		}
		// The written exponent w, saturated at ±MaxExponent, less the fraction's
		// digits.
		w := new(big.Int)
		if m[3] != "" {
			w.SetString(strings.TrimPrefix(m[3][1:], "+"), 10)
		}
		lim := big.NewInt(MaxExponent)
		if w.Cmp(lim) > 0 {
			w.Set(lim)
		} else if w.Cmp(new(big.Int).Neg(lim)) < 0 {
			w.Neg(lim)
		}
		w.Sub(w, big.NewInt(int64(len(frac))))
		if !w.IsInt64() || w.Int64() != exp {
			t.Fatalf("ScanNumber(%q) exponent %d; want %s", s, exp, w)
		}
	})
}

// FuzzUnmarshal: differential of the decoder against encoding/json, the lenient
// reference, and against jsonref for the strict rules: whatever Unmarshal
// accepts, the reference reader accepts, its keys are the struct's exactly, and
// encoding/json decodes it to the same value; nothing panics.
func FuzzUnmarshal(f *testing.F) {
	for _, s := range []string{
		`{"name":"a","count":-3,"small":7,"flag":true,"ratio":1.5,"num":2e3,"raw":[1, 2],"inner":{"n":1},"list":[{"n":2}],"map":{"k":"v"},"must":"m","text":"ok","extra":"e"}`,
		`{"must":"m","Must":"n"}`, `{"must":"m","must":"n"}`, `{"must":"m","num":"12"}`, `{"must":"m","count":1e2}`,
		`{"must":"m","inner":null,"list":null,"map":null,"name":null}`, `{"must":"m","MUST":1}`,
	} {
		f.Add([]byte(s))
	}
	fields := []string{"name", "count", "small", "flag", "ratio", "num", "raw", "inner", "inner.n", "list", "list[].n", "map", "must", "text", "extra"}
	f.Fuzz(func(t *testing.T, data []byte) {
		var got target
		if Unmarshal(data, &got) != nil {
			return
		}
		_, class, paths := jsonref.Parse(data)
		if class != jsonref.OK {
			t.Fatalf("Unmarshal accepted %q; the reference says %s", data, class)
		}
		for _, p := range paths {
			if jsonref.Subset([]string{p}, fields) != "" && !strings.HasPrefix(p, "map.") && !strings.HasPrefix(p, "raw") {
				t.Fatalf("Unmarshal accepted %q with key %q", data, p)
			}
		}
		var want target
		if err := json.Unmarshal(data, &want); err != nil {
			t.Fatalf("encoding/json refuses %q, which Unmarshal accepted: %v", data, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("Unmarshal(%q) = %+v; encoding/json %+v", data, got, want)
		}
	})
}

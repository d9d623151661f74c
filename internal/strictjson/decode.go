package strictjson

import (
	"encoding"
	"encoding/json"
	"errors"
	"reflect"
	"strconv"
	"strings"
	"sync"

	"github.com/dinie/lending/apierr"
)

// Unmarshal parses data (ParseLimits, default Limits) and decodes it into v, a
// non-nil pointer. See Decode.
func Unmarshal(data []byte, v any) error { return UnmarshalLimits(data, Limits{}, v) }

// UnmarshalLimits is Unmarshal under lim.
func UnmarshalLimits(data []byte, lim Limits, v any) error {
	root, err := ParseLimits(data, lim)
	if err != nil {
		return err
	}
	return Decode(root, v)
}

// Decode stores the parsed value root in v, a non-nil pointer, with the
// encoding/json conventions made strict:
//
//   - a struct field is matched by its json tag's name (or its Go name) exactly:
//     case counts, and a key that is no field is invalid_format
//     (apierr.ErrUnknown) with the key's path as param;
//   - a field tagged `strict:"required"` that is absent or null is
//     missing_required_field (a tag of its own: encoding/json's tag takes no
//     such option); other absent fields keep their value, and a null
//     leaves a pointer, slice or map nil (absence and a zero value stay
//     different things: use a pointer);
//   - a value of the wrong JSON type (money as a JSON number into a string, a
//     count as a string) is invalid_format "x must be a string";
//   - an integer field takes only an integer written as one (12, not 12.0 or
//     1.2e1): a fraction or exponent is invalid_format, a value beyond the type
//     value_out_of_range;
//   - a json.Unmarshaler gets the value's text, an encoding.TextUnmarshaler the
//     content of a string; their *apierr.Error is relabelled with the path
//     (a scalar's param becomes the path, an object's param is put under it);
//     any other error becomes invalid_format;
//   - every field error is gathered in one apierr.Errors, in input order.
//
// Interfaces and maps of non-string keys are handed to encoding/json with the
// value's text (already checked for duplicates and lengths).
func Decode(root Value, v any) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return apierr.Errorf(apierr.Internal, "", "strictjson: Decode needs a non-nil pointer, not %T", v)
	}
	var d decoder
	d.value(root, rv.Elem(), "")
	return d.errs.Err()
}

type decoder struct{ errs apierr.Errors }

func (d *decoder) add(err error) { d.errs = d.errs.Append(err) }

var (
	unmarshalerType     = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()
	rawMessageType      = reflect.TypeFor[json.RawMessage]()
	numberType          = reflect.TypeFor[json.Number]()
)

// WrongType is the error for a value of JSON kind got where want is expected.
func WrongType(path string, got Kind, want string) *apierr.Error {
	return apierr.Wrap(apierr.ErrSyntax, apierr.InvalidFormat, path,
		"%s must be %s, not %s", name(path), want, got)
}

func (d *decoder) value(v Value, rv reflect.Value, path string) {
	if v.Kind == Null {
		switch rv.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Map, reflect.Interface:
			rv.SetZero()
		default:
			// A json.Unmarshaler value decides what null means to it (encoding/json's
			// convention); any other value is left alone.
			if rv.CanAddr() && rv.Addr().Type().Implements(unmarshalerType) {
				err := rv.Addr().Interface().(json.Unmarshaler).UnmarshalJSON(v.Raw)
				d.add(Relabel(err, path, false))
			}
		}
		return
	}
	if rv.Kind() == reflect.Pointer {
		if rv.IsNil() {
			rv.Set(reflect.New(rv.Type().Elem()))
		}
		d.value(v, rv.Elem(), path)
		return
	}
	if rv.Type() == rawMessageType {
		rv.SetBytes(append([]byte(nil), v.Raw...))
		return
	}
	if rv.Type() == numberType {
		if v.Kind != Number {
			d.add(WrongType(path, v.Kind, "a number"))
			return
		}
		rv.SetString(v.Text)
		return
	}
	if rv.CanAddr() {
		pv := rv.Addr()
		if pv.Type().Implements(unmarshalerType) {
			err := pv.Interface().(json.Unmarshaler).UnmarshalJSON(v.Raw)
			d.add(Relabel(err, path, v.Kind == Object || v.Kind == Array))
			return
		}
		if pv.Type().Implements(textUnmarshalerType) {
			if v.Kind != String {
				d.add(WrongType(path, v.Kind, "a string"))
				return
			}
			err := pv.Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(v.Text))
			d.add(Relabel(err, path, false))
			return
		}
	}
	switch rv.Kind() {
	case reflect.String:
		if v.Kind != String {
			d.add(WrongType(path, v.Kind, "a string"))
			return
		}
		rv.SetString(v.Text)
	case reflect.Bool:
		if v.Kind != Bool {
			d.add(WrongType(path, v.Kind, "true or false"))
			return
		}
		rv.SetBool(v.Text == "true")
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, err := Int(v, path, rv.Type().Bits())
		if err != nil {
			d.add(err)
			return
		}
		rv.SetInt(n)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		n, err := Int(v, path, 64)
		if err == nil && (n < 0 || rv.OverflowUint(uint64(n))) {
			err = rangeError(path, v.Text)
		}
		if err != nil {
			d.add(err)
			return
		}
		rv.SetUint(uint64(n))
	case reflect.Float32, reflect.Float64:
		if v.Kind != Number {
			d.add(WrongType(path, v.Kind, "a number"))
			return
		}
		f, err := strconv.ParseFloat(v.Text, rv.Type().Bits())
		if err != nil {
			d.add(rangeError(path, v.Text))
			return
		}
		rv.SetFloat(f)
	case reflect.Struct:
		d.object(v, rv, path)
	case reflect.Slice:
		if v.Kind != Array {
			d.add(WrongType(path, v.Kind, "an array"))
			return
		}
		s := reflect.MakeSlice(rv.Type(), len(v.Elems), len(v.Elems))
		for i, e := range v.Elems {
			d.value(e, s.Index(i), path+"["+strconv.Itoa(i)+"]")
		}
		rv.Set(s)
	case reflect.Map:
		if rv.Type().Key().Kind() != reflect.String || v.Kind != Object {
			d.fallback(v, rv, path)
			return
		}
		m := reflect.MakeMapWithSize(rv.Type(), len(v.Members))
		for _, mem := range v.Members {
			e := reflect.New(rv.Type().Elem()).Elem()
			d.value(mem.Value, e, join(path, mem.Key))
			m.SetMapIndex(reflect.ValueOf(mem.Key).Convert(rv.Type().Key()), e)
		}
		rv.Set(m)
	default:
		d.fallback(v, rv, path)
	}
}

// fallback hands a value of a type the decoder has no rule for to encoding/json.
func (d *decoder) fallback(v Value, rv reflect.Value, path string) {
	p := reflect.New(rv.Type())
	if err := json.Unmarshal(v.Raw, p.Interface()); err != nil {
		d.add(apierr.Wrap(err, apierr.InvalidFormat, path, "%s is not a valid value of its field", name(path)))
		return
	}
	rv.Set(p.Elem())
}

func (d *decoder) object(v Value, rv reflect.Value, path string) {
	if v.Kind != Object {
		d.add(WrongType(path, v.Kind, "an object"))
		return
	}
	fs := fieldsOf(rv.Type())
	seen := make([]bool, len(fs.list))
	for _, m := range v.Members {
		i, ok := fs.byName[m.Key]
		mpath := join(path, m.Key)
		if !ok {
			d.add(apierr.Wrap(apierr.ErrUnknown, apierr.InvalidFormat, mpath,
				"key %s is not a field%s; expected %s", apierr.Quote(m.Key), in(path), fs.names))
			continue
		}
		seen[i] = !m.Value.IsNull()
		f := fs.list[i]
		d.value(m.Value, fieldByIndex(rv, f.index), mpath)
	}
	for i, f := range fs.list {
		if f.required && !seen[i] {
			p := join(path, f.name)
			d.add(apierr.Wrap(apierr.ErrEmpty, apierr.MissingRequiredField, p, "%s is required", p))
		}
	}
}

// fieldByIndex is rv.FieldByIndex, allocating embedded struct pointers.
func fieldByIndex(rv reflect.Value, index []int) reflect.Value {
	for i, x := range index {
		if i > 0 && rv.Kind() == reflect.Pointer {
			if rv.IsNil() {
				rv.Set(reflect.New(rv.Type().Elem()))
			}
			rv = rv.Elem()
		}
		rv = rv.Field(x)
	}
	return rv
}

type field struct {
	name     string
	index    []int
	required bool
}

type fields struct {
	list   []field
	byName map[string]int
	names  string // the field names, for messages
}

var fieldCache sync.Map // reflect.Type → *fields

func fieldsOf(t reflect.Type) *fields {
	if f, ok := fieldCache.Load(t); ok {
		return f.(*fields)
	}
	fs := &fields{byName: map[string]int{}}
	collect(t, nil, fs)
	names := make([]string, len(fs.list))
	for i, f := range fs.list {
		names[i] = f.name
	}
	fs.names = strings.Join(names, ", ")
	if fs.names == "" {
		fs.names = "no keys"
	}
	f, _ := fieldCache.LoadOrStore(t, fs)
	return f.(*fields)
}

// collect gathers the fields of struct type t, flattening untagged embedded
// structs as encoding/json does (the shallower field wins a name).
func collect(t reflect.Type, index []int, fs *fields) {
	for i := range t.NumField() {
		sf := t.Field(i)
		tag := sf.Tag.Get("json")
		if tag == "-" {
			continue
		}
		nm, _, _ := strings.Cut(tag, ",")
		idx := append(append([]int(nil), index...), i)
		if sf.Anonymous && nm == "" {
			et := sf.Type
			if et.Kind() == reflect.Pointer {
				if !sf.IsExported() {
					continue // an unexported embedded pointer cannot be allocated
				}
				et = et.Elem()
			}
			if et.Kind() == reflect.Struct {
				collect(et, idx, fs)
				continue
			}
		}
		if !sf.IsExported() {
			continue
		}
		if nm == "" {
			nm = sf.Name
		}
		if _, dup := fs.byName[nm]; dup {
			continue
		}
		required := sf.Tag.Get("strict") == "required"
		fs.byName[nm] = len(fs.list)
		fs.list = append(fs.list, field{name: nm, index: idx, required: required})
	}
}

// Relabel puts err, a decoder's error for the value at path, under path: an
// *apierr.Error of a scalar (composite false) takes path as its param (its
// Detail's leading param rewritten, apierr.Error.WithParam); one of an object
// or array is put under path ("breakdown" + "iof.rates" →
// "breakdown.iof.rates"); an apierr.Errors has each entry relabelled; any other
// error becomes invalid_format naming path, its text not shown. A nil err is
// nil, and an empty path leaves err as it is.
func Relabel(err error, path string, composite bool) error {
	if err == nil || path == "" {
		return err
	}
	var es apierr.Errors
	if errors.As(err, &es) {
		out := make(apierr.Errors, 0, len(es))
		for _, e := range es {
			if e != nil {
				out = out.Append(relabelOne(e, path, composite))
			}
		}
		return out.Err()
	}
	var e *apierr.Error
	if errors.As(err, &e) && e != nil {
		return relabelOne(e, path, composite)
	}
	return apierr.Wrap(err, apierr.InvalidFormat, path, "%s is not a valid value of its field", path)
}

func relabelOne(e *apierr.Error, path string, composite bool) *apierr.Error {
	if composite && e.Param != "" && e.Param != path && !strings.HasPrefix(e.Param, path+".") && !strings.HasPrefix(e.Param, path+"[") {
		p := e.Param
		if p[0] != '[' {
			p = "." + p
		}
		return e.WithParam(path + p)
	}
	return e.WithParam(path)
}

func rangeError(path, text string) *apierr.Error {
	return apierr.Wrap(apierr.ErrRange, apierr.ValueOutOfRange, path,
		"%s %s is out of range", name(path), apierr.Quote(text))
}

// Int returns v, a JSON number written as an integer (digits with an optional
// '-': 12, not 12.0 or 1.2e1), as an integer of bits bits. Errors
// (*apierr.Error, param path): another JSON type, or a fraction or exponent, is
// invalid_format; an integer beyond the type is value_out_of_range
// (apierr.ErrRange). Callers with a domain code relabel the range error
// (installments_out_of_range).
func Int(v Value, path string, bits int) (int64, error) {
	if v.Kind != Number {
		return 0, WrongType(path, v.Kind, "an integer")
	}
	if strings.ContainsAny(v.Text, ".eE") {
		return 0, apierr.Wrap(apierr.ErrSyntax, apierr.InvalidFormat, path,
			"%s %s is not an integer; expected digits without a fraction or exponent", name(path), apierr.Quote(v.Text))
	}
	n, err := strconv.ParseInt(v.Text, 10, bits)
	if err != nil || len(v.Raw) > len(v.Text) {
		return 0, apierr.Wrap(apierr.ErrRange, apierr.ValueOutOfRange, path,
			"%s %s is out of range", name(path), apierr.Quote(string(v.Raw)))
	}
	return n, nil
}

// Members returns the members of v, an Object at path whose keys must be among
// keys, by key; null members are left out (null is absence). Errors
// (*apierr.Error): another JSON type is invalid_format at path; a key outside
// keys is invalid_format (apierr.ErrUnknown) at the key's path, the first such
// key in input order.
func Members(v Value, path string, keys []string) (map[string]Value, error) {
	if v.Kind != Object {
		return nil, WrongType(path, v.Kind, "an object")
	}
	m := make(map[string]Value, len(v.Members))
	for _, mem := range v.Members {
		known := false
		for _, k := range keys {
			known = known || k == mem.Key
		}
		if !known {
			return nil, apierr.Wrap(apierr.ErrUnknown, apierr.InvalidFormat, join(path, mem.Key),
				"unknown key %s%s; expected %s", apierr.Quote(mem.Key), in(path), strings.Join(keys, ", "))
		}
		if !mem.Value.IsNull() {
			m[mem.Key] = mem.Value
		}
	}
	return m, nil
}

// Str returns the content of v, a String at path; another JSON type is
// invalid_format.
func Str(v Value, path string) (string, error) {
	if v.Kind != String {
		return "", WrongType(path, v.Kind, "a string")
	}
	return v.Text, nil
}

// Num returns the text of v, a Number at path; another JSON type (a number in a
// string) is invalid_format.
func Num(v Value, path string) (string, error) {
	if v.Kind != Number {
		return "", WrongType(path, v.Kind, "a number")
	}
	return v.Text, nil
}

// First returns the first *apierr.Error of err (an *apierr.Error or an
// apierr.Errors), for outputs that carry one error; nil for nil.
func First(err error) *apierr.Error {
	if err == nil {
		return nil
	}
	var es apierr.Errors
	if errors.As(err, &es) {
		for _, e := range es {
			if e != nil {
				return e
			}
		}
	}
	var e *apierr.Error
	if errors.As(err, &e) && e != nil {
		return e
	}
	return apierr.Wrap(err, apierr.Internal, "", "internal error")
}

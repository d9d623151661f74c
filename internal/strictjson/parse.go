package strictjson

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/dinie/lending/apierr"
)

// Kind is the JSON type of a Value.
type Kind uint8

// The JSON types. The zero Kind is no value (an absent member).
const (
	Null Kind = iota + 1
	Bool
	Number
	String
	Array
	Object
)

var kindNames = [...]string{"no value", "null", "true or false", "a number", "a string", "an array", "an object"}

// String names the kind as a message says it: "a string", "an object".
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// Value is one parsed JSON value.
type Value struct {
	Kind Kind
	// Raw is the value's text exactly as in the input (quotes and escapes
	// included), for a json.Unmarshaler.
	Raw []byte
	// Text is a String's decoded content, a Number's text, a Bool's "true" or
	// "false".
	Text string
	// Members are an Object's members in input order; keys are unique, even
	// under case folding.
	Members []Member
	// Elems are an Array's elements.
	Elems []Value
}

// Member is one member of an object.
type Member struct {
	Key   string
	Value Value
}

// Get returns the member of an Object whose key is exactly key (case counts),
// and whether there is one.
func (v Value) Get(key string) (Value, bool) {
	for _, m := range v.Members {
		if m.Key == key {
			return m.Value, true
		}
	}
	return Value{}, false
}

// IsNull reports whether v is null or absent (the zero Value).
func (v Value) IsNull() bool { return v.Kind == Null || v.Kind == 0 }

// Limits bound what Parse accepts. A zero field takes its default.
type Limits struct {
	// MaxString bounds a string value, in decoded bytes (default MaxString).
	MaxString int
	// MaxNumber bounds a number's text, in bytes (default MaxNumber).
	MaxNumber int
	// MaxDepth bounds the nesting of arrays and objects (default MaxDepth).
	MaxDepth int
}

// The default limits.
const (
	// MaxString is the default bound on a string value: far above any name,
	// address, id or date of the API (the longest, a name, is 200 bytes), far
	// below a cost that matters. Fields that carry documents (a webhook body)
	// raise it with Limits.
	MaxString = 4096
	// MaxNumber is the bound on a number's text: 64 bytes hold every count,
	// rate and percentage with room to spare.
	MaxNumber = 64
	// MaxDepth is the deepest nesting Parse reads; the API's deepest body has 4.
	MaxDepth = 32
	// MaxKey bounds an object key; a longer key is no field of any request.
	MaxKey = 128
)

func (l Limits) withDefaults() Limits {
	if l.MaxString <= 0 {
		l.MaxString = MaxString
	}
	if l.MaxNumber <= 0 {
		l.MaxNumber = MaxNumber
	}
	if l.MaxDepth <= 0 {
		l.MaxDepth = MaxDepth
	}
	return l
}

// Parse reads data, one JSON value with optional white space around it, under
// the default Limits. See ParseLimits.
func Parse(data []byte) (Value, error) { return ParseLimits(data, Limits{}) }

// ParseLimits reads data, one JSON value (RFC 8259) with optional white space
// around it.
//
// Errors (*apierr.Error, or apierr.Errors when several members are at fault):
// text that is not one JSON value — a syntax error, invalid UTF-8, data after the
// value, nesting beyond MaxDepth — is malformed_body (apierr.ErrSyntax) naming
// the byte offset. The rest are invalid_format with the member's JSON path as
// param (flows[2].amount), gathered: a key given twice, or two keys that differ
// only in case (apierr.ErrDuplicate); a key beyond MaxKey bytes, a string beyond
// MaxString bytes or a number beyond MaxNumber bytes (apierr.ErrLength) — except
// that an over-long integer is value_out_of_range (apierr.ErrRange): it is a
// number, just too large for any field. Details quote input with apierr.Quote.
func ParseLimits(data []byte, lim Limits) (Value, error) {
	v, _, err := parse(data, lim)
	return v, err
}

// parse is ParseLimits that also gives the kind of the top-level value when the
// text is one JSON value whose members break a bound (the zero Kind when it
// is not one JSON value), so that ParseObject can tell a wrong document from a right
// one with wrong members.
func parse(data []byte, lim Limits) (Value, Kind, error) {
	p := parser{data: data, lim: lim.withDefaults()}
	p.skipSpace()
	v, ok := p.value("", 0)
	if !ok {
		return Value{}, 0, p.syntax
	}
	p.skipSpace()
	if p.pos < len(p.data) {
		return Value{}, 0, syntaxError(p.pos, "data after the JSON value")
	}
	if err := p.errs.Err(); err != nil {
		return Value{}, v.Kind, err
	}
	return v, v.Kind, nil
}

// ParseObject is Parse for a document that must be one JSON object: any other
// value is malformed_body, even one that also breaks a bound — a 65-digit
// number is a wrong document before it is a wrong number, and the error then
// names no member (param ""), as a malformed body does.
func ParseObject(data []byte, lim Limits) (Value, error) {
	v, kind, err := parse(data, lim)
	if kind != 0 && kind != Object {
		return Value{}, apierr.Wrap(apierr.ErrSyntax, apierr.MalformedBody, "",
			"expected one JSON object; the text is %s", kind)
	}
	return v, err
}

type parser struct {
	data   []byte
	pos    int
	lim    Limits
	errs   apierr.Errors
	syntax *apierr.Error
}

func syntaxError(pos int, what string) *apierr.Error {
	return apierr.Wrap(apierr.ErrSyntax, apierr.MalformedBody, "",
		"not valid JSON: %s at byte %d", what, pos)
}

func (p *parser) fail(what string) (Value, bool) {
	if p.syntax == nil {
		p.syntax = syntaxError(p.pos, what)
	}
	return Value{}, false
}

func (p *parser) skipSpace() {
	for p.pos < len(p.data) {
		switch p.data[p.pos] {
		case ' ', '\t', '\n', '\r':
			p.pos++
		default:
			return
		}
	}
}

// value parses the value at p.pos, whose JSON path is path.
func (p *parser) value(path string, depth int) (Value, bool) {
	if p.pos >= len(p.data) {
		return p.fail("unexpected end")
	}
	start := p.pos
	switch c := p.data[p.pos]; {
	case c == '{':
		return p.object(path, depth)
	case c == '[':
		return p.array(path, depth)
	case c == '"':
		s, ok := p.str()
		if !ok {
			return Value{}, false
		}
		if len(s) > p.lim.MaxString {
			p.errs = append(p.errs, apierr.Wrap(apierr.ErrLength, apierr.InvalidFormat, path,
				"%s is a string of %d bytes; expected at most %d", name(path), len(s), p.lim.MaxString))
		}
		return Value{Kind: String, Raw: p.data[start:p.pos], Text: s}, true
	case c == '-' || c >= '0' && c <= '9':
		if !p.number() {
			return Value{}, false
		}
		text := string(p.data[start:p.pos])
		if len(text) > p.lim.MaxNumber {
			if strings.ContainsAny(text, ".eE") {
				p.errs = append(p.errs, apierr.Wrap(apierr.ErrLength, apierr.InvalidFormat, path,
					"%s is a number of %d bytes; expected at most %d", name(path), len(text), p.lim.MaxNumber))
			} else {
				p.errs = append(p.errs, apierr.Wrap(apierr.ErrRange, apierr.ValueOutOfRange, path,
					"%s is an integer of %d digits, too large for any field", name(path), len(strings.TrimPrefix(text, "-"))))
			}
		}
		return Value{Kind: Number, Raw: p.data[start:p.pos], Text: text}, true
	case c == 't':
		return p.literal("true", Bool)
	case c == 'f':
		return p.literal("false", Bool)
	case c == 'n':
		return p.literal("null", Null)
	}
	return p.fail("unexpected character " + strconv.QuoteRune(p.peekRune()))
}

func (p *parser) peekRune() rune {
	r, _ := utf8.DecodeRune(p.data[p.pos:])
	return r
}

func (p *parser) literal(word string, k Kind) (Value, bool) {
	start := p.pos
	if len(p.data)-p.pos < len(word) || string(p.data[p.pos:p.pos+len(word)]) != word {
		return p.fail("invalid literal")
	}
	p.pos += len(word)
	return Value{Kind: k, Raw: p.data[start:p.pos], Text: word}, true
}

func (p *parser) object(path string, depth int) (Value, bool) {
	if depth >= p.lim.MaxDepth {
		return p.fail("nesting deeper than " + strconv.Itoa(p.lim.MaxDepth))
	}
	start := p.pos
	p.pos++ // '{'
	v := Value{Kind: Object}
	p.skipSpace()
	if p.pos < len(p.data) && p.data[p.pos] == '}' {
		p.pos++
		v.Raw = p.data[start:p.pos]
		return v, true
	}
	// folded maps each key's lower-case form to the key first given, once an
	// object has enough members that a linear scan would cost.
	var folded map[string]string
	for {
		p.skipSpace()
		if p.pos >= len(p.data) || p.data[p.pos] != '"' {
			return p.fail("expected a string key")
		}
		key, ok := p.str()
		if !ok {
			return Value{}, false
		}
		p.skipSpace()
		if p.pos >= len(p.data) || p.data[p.pos] != ':' {
			return p.fail("expected ':' after an object key")
		}
		p.pos++
		p.skipSpace()
		mpath := join(path, key)
		mv, ok := p.value(mpath, depth+1)
		if !ok {
			return Value{}, false
		}
		switch prev, dup := p.seen(v.Members, &folded, key); {
		case len(key) > MaxKey:
			p.errs = append(p.errs, apierr.Wrap(apierr.ErrLength, apierr.InvalidFormat, path,
				"%s has a key of %d bytes %s; expected at most %d", name(path), len(key), apierr.Quote(key), MaxKey))
		case dup && prev == key:
			p.errs = append(p.errs, apierr.Wrap(apierr.ErrDuplicate, apierr.InvalidFormat, mpath,
				"key %s is given twice%s; each key is given once", apierr.Quote(key), in(path)))
		case dup:
			p.errs = append(p.errs, apierr.Wrap(apierr.ErrDuplicate, apierr.InvalidFormat, mpath,
				"key %s differs from key %s only in case%s; keys are case-sensitive and each is given once",
				apierr.Quote(key), apierr.Quote(prev), in(path)))
		default:
			v.Members = append(v.Members, Member{Key: key, Value: mv})
		}
		p.skipSpace()
		if p.pos >= len(p.data) {
			return p.fail("unexpected end in an object")
		}
		switch p.data[p.pos] {
		case ',':
			p.pos++
		case '}':
			p.pos++
			v.Raw = p.data[start:p.pos]
			return v, true
		default:
			return p.fail("expected ',' or '}' in an object")
		}
	}
}

// seen reports whether key, or a key equal to it under Unicode case folding, is
// among members, and returns that key.
func (p *parser) seen(members []Member, folded *map[string]string, key string) (string, bool) {
	const linear = 16
	if len(members) < linear {
		for _, m := range members {
			if strings.EqualFold(m.Key, key) {
				return m.Key, true
			}
		}
		return "", false
	}
	if *folded == nil {
		*folded = make(map[string]string, 2*len(members))
		for _, m := range members {
			(*folded)[fold(m.Key)] = m.Key
		}
	}
	f := fold(key)
	if prev, ok := (*folded)[f]; ok {
		return prev, true
	}
	(*folded)[f] = key
	return "", false
}

// fold maps s to a form shared by exactly the strings strings.EqualFold equates:
// each rune to the smallest rune of its case-folding orbit.
func fold(s string) string {
	var b strings.Builder
	for _, r := range s {
		b.WriteRune(foldRune(r))
	}
	return b.String()
}

func foldRune(r rune) rune {
	m := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		if f < m {
			m = f
		}
	}
	return m
}

func (p *parser) array(path string, depth int) (Value, bool) {
	if depth >= p.lim.MaxDepth {
		return p.fail("nesting deeper than " + strconv.Itoa(p.lim.MaxDepth))
	}
	start := p.pos
	p.pos++ // '['
	v := Value{Kind: Array}
	p.skipSpace()
	if p.pos < len(p.data) && p.data[p.pos] == ']' {
		p.pos++
		v.Raw = p.data[start:p.pos]
		return v, true
	}
	for {
		p.skipSpace()
		ev, ok := p.value(path+"["+strconv.Itoa(len(v.Elems))+"]", depth+1)
		if !ok {
			return Value{}, false
		}
		v.Elems = append(v.Elems, ev)
		p.skipSpace()
		if p.pos >= len(p.data) {
			return p.fail("unexpected end in an array")
		}
		switch p.data[p.pos] {
		case ',':
			p.pos++
		case ']':
			p.pos++
			v.Raw = p.data[start:p.pos]
			return v, true
		default:
			return p.fail("expected ',' or ']' in an array")
		}
	}
}

// number scans a JSON number at p.pos.
func (p *parser) number() bool {
	d := p.data
	i := p.pos
	if i < len(d) && d[i] == '-' {
		i++
	}
	switch {
	case i < len(d) && d[i] == '0':
		i++
	case i < len(d) && d[i] >= '1' && d[i] <= '9':
		for i < len(d) && isDigit(d[i]) {
			i++
		}
	default:
		p.pos = i
		p.fail("invalid number")
		return false
	}
	if i < len(d) && d[i] == '.' {
		i++
		s := i
		for i < len(d) && isDigit(d[i]) {
			i++
		}
		if i == s {
			p.pos = i
			p.fail("invalid number: no digits after '.'")
			return false
		}
	}
	if i < len(d) && (d[i] == 'e' || d[i] == 'E') {
		i++
		if i < len(d) && (d[i] == '+' || d[i] == '-') {
			i++
		}
		s := i
		for i < len(d) && isDigit(d[i]) {
			i++
		}
		if i == s {
			p.pos = i
			p.fail("invalid number: no digits in the exponent")
			return false
		}
	}
	p.pos = i
	return true
}

func isDigit(c byte) bool { return c-'0' <= 9 }

// str scans a JSON string at p.pos and returns its decoded content. Invalid
// UTF-8 and control characters are syntax errors; a lone surrogate escape
// decodes to U+FFFD, as encoding/json decodes it.
func (p *parser) str() (string, bool) {
	d := p.data
	p.pos++ // '"'
	start := p.pos
	// Fast path: no escapes.
	for i := start; i < len(d); i++ {
		c := d[i]
		if c == '"' {
			s := d[start:i]
			if !utf8.Valid(s) {
				p.pos = start
				_, ok := p.fail("invalid UTF-8 in a string")
				return "", ok
			}
			p.pos = i + 1
			return string(s), true
		}
		if c == '\\' {
			break
		}
		if c < 0x20 {
			p.pos = i
			_, ok := p.fail("control character in a string")
			return "", ok
		}
	}
	var b []byte
	i := start
	for {
		if i >= len(d) {
			p.pos = i
			_, ok := p.fail("unterminated string")
			return "", ok
		}
		c := d[i]
		switch {
		case c == '"':
			p.pos = i + 1
			return string(b), true
		case c < 0x20:
			p.pos = i
			_, ok := p.fail("control character in a string")
			return "", ok
		case c == '\\':
			if i+1 >= len(d) {
				p.pos = i
				_, ok := p.fail("unterminated string")
				return "", ok
			}
			e := d[i+1]
			i += 2
			switch e {
			case '"', '\\', '/':
				b = append(b, e)
			case 'b':
				b = append(b, '\b')
			case 'f':
				b = append(b, '\f')
			case 'n':
				b = append(b, '\n')
			case 'r':
				b = append(b, '\r')
			case 't':
				b = append(b, '\t')
			case 'u':
				r, ok := hex4(d, i)
				if !ok {
					p.pos = i
					_, ok := p.fail("invalid \\u escape")
					return "", ok
				}
				i += 4
				if utf16.IsSurrogate(r) {
					r2, ok := rune(0), false
					if i+6 <= len(d) && d[i] == '\\' && d[i+1] == 'u' {
						r2, ok = hex4(d, i+2)
					}
					if dec := utf16.DecodeRune(r, r2); ok && dec != utf8.RuneError {
						r = dec
						i += 6
					} else {
						r = utf8.RuneError
					}
				}
				b = utf8.AppendRune(b, r)
			default:
				p.pos = i - 1
				_, ok := p.fail("invalid escape")
				return "", ok
			}
		case c < utf8.RuneSelf:
			b = append(b, c)
			i++
		default:
			r, size := utf8.DecodeRune(d[i:])
			if r == utf8.RuneError && size == 1 {
				p.pos = i
				_, ok := p.fail("invalid UTF-8 in a string")
				return "", ok
			}
			b = append(b, d[i:i+size]...)
			i += size
		}
	}
}

func hex4(d []byte, i int) (rune, bool) {
	if i+4 > len(d) {
		return 0, false
	}
	var r rune
	for _, c := range d[i : i+4] {
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			return 0, false
		}
	}
	return r, true
}

// join is the JSON path of member key of the object at path.
func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// name is how a message names the value at path.
func name(path string) string {
	if path == "" {
		return "the value"
	}
	return path
}

func in(path string) string {
	if path == "" {
		return ""
	}
	return " in " + path
}

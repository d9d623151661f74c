// Package jsonref is the reference the strict reader's differential tests
// compare with: a strict JSON reader built on another implementation,
// encoding/json's validator and tokenizer, with the rules of package strictjson
// (keys unique under case folding, bounded depth and lengths) checked on its
// tokens. It is slow and simple on purpose; only tests import it.
package jsonref

import (
	"bytes"
	"encoding/json"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The bounds of the strict reader's default Limits, written again here so the
// reference does not import what it checks (strictjson's tests hold the two
// equal).
const (
	MaxString = 4096
	MaxNumber = 64
	MaxDepth  = 32
	MaxKey    = 128
)

// The classes of a document.
const (
	OK        = "ok"        // accepted
	Malformed = "malformed" // not one JSON value: malformed_body
	Field     = "field"     // a field error: a repeated or case-folded key, a value over its bound
)

// Parse classifies data under the strict reader's default limits and, when it is
// accepted, returns its canonical tree (strings Go-quoted, numbers as written,
// members in order) and the JSON paths of its object members, array indices
// written "[]" (flows[].amount).
func Parse(data []byte) (canonical, class string, paths []string) {
	return ParseLimits(data, MaxString)
}

// ParseLimits is Parse with maxString bytes for a string.
func ParseLimits(data []byte, maxString int) (canonical, class string, paths []string) {
	if !json.Valid(data) || !utf8.Valid(data) {
		return "", Malformed, nil
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	type frame struct {
		obj, wantKey bool
		keys, parts  []string
		key, path    string
	}
	var stack []*frame
	field := false
	var result string
	emit := func(s string) {
		if len(stack) == 0 {
			result = s
			return
		}
		top := stack[len(stack)-1]
		if top.obj {
			top.parts = append(top.parts, strconv.Quote(top.key)+":"+s)
			top.wantKey = true
		} else {
			top.parts = append(top.parts, s)
		}
	}
	childPath := func() string {
		if len(stack) == 0 {
			return ""
		}
		top := stack[len(stack)-1]
		if !top.obj {
			return top.path + "[]"
		}
		if top.path == "" {
			return top.key
		}
		return top.path + "." + top.key
	}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", Malformed, nil
		}
		if k, isKey := tok.(string); isKey && len(stack) > 0 && stack[len(stack)-1].obj && stack[len(stack)-1].wantKey {
			top := stack[len(stack)-1]
			for _, p := range top.keys {
				field = field || strings.EqualFold(p, k)
			}
			field = field || len(k) > MaxKey
			top.keys = append(top.keys, k)
			top.key, top.wantKey = k, false
			paths = append(paths, childPath())
			continue
		}
		switch x := tok.(type) {
		case json.Delim:
			switch x {
			case '{', '[':
				if len(stack)+1 > MaxDepth {
					return "", Malformed, nil
				}
				stack = append(stack, &frame{obj: x == '{', wantKey: x == '{', path: childPath()})
			default:
				top := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				if top.obj {
					emit("{" + strings.Join(top.parts, ",") + "}")
				} else {
					emit("[" + strings.Join(top.parts, ",") + "]")
				}
			}
		case string:
			field = field || len(x) > maxString
			emit(strconv.Quote(x))
		case json.Number:
			field = field || len(x) > MaxNumber
			emit(string(x))
		case bool:
			emit(strconv.FormatBool(x))
		case nil:
			emit("null")
		}
	}
	if field {
		return "", Field, nil
	}
	return result, OK, paths
}

// Subset reports the first path of got that is not in allowed, or "".
func Subset(got, allowed []string) string {
	set := make(map[string]bool, len(allowed))
	for _, p := range allowed {
		set[p] = true
	}
	for _, p := range got {
		if !set[p] {
			return p
		}
	}
	return ""
}

// NumberRE is the JSON number grammar.
var NumberRE = regexp.MustCompile(`^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$`)

// Scalar reads data as one JSON scalar the reference way: its kind ("null",
// "string", "number", "bool", or "" when it is not one bounded JSON scalar) and
// its text (a string's content, a number as written).
func Scalar(data []byte, maxString int) (kind, text string) {
	canon, class, _ := ParseLimits(data, maxString)
	if class != OK {
		return "", ""
	}
	switch {
	case canon == "null":
		return "null", ""
	case canon == "true" || canon == "false":
		return "bool", canon
	case strings.HasPrefix(canon, `"`):
		s, _ := strconv.Unquote(canon)
		return "string", s
	case strings.HasPrefix(canon, "{") || strings.HasPrefix(canon, "["):
		return "", ""
	}
	return "number", canon
}

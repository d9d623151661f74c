package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strconv"
	"strings"

	"github.com/dinie/lending/apierr"
)

// MaxBodyBytes bounds a JSON request body: 1 MiB, far above any request of the API.
const MaxBodyBytes = 1 << 20

// Decode reads one JSON object from r into v (a pointer to one of the package's
// request types), reading at most MaxBodyBytes:
//
//   - a body over the bound, empty, not JSON, or with anything after the object is
//     malformed_body (400);
//   - an unknown field, a field of the wrong JSON type, or a wire value its type
//     refuses (money as a JSON number, a date not YYYY-MM-DD) is invalid_format with
//     the field's JSON path as param ("installments_value", "events[2]");
//   - every field error of the body is gathered in one apierr.Errors.
//
// Missing required fields are the request type's to report (its Check method):
// absence and a zero value differ only there.
func Decode(r io.Reader, v any) error {
	body, err := io.ReadAll(io.LimitReader(r, MaxBodyBytes+1))
	if err != nil {
		return apierr.Wrap(err, apierr.MalformedBody, "", "reading the body: %v", err)
	}
	return DecodeBytes(body, v)
}

// DecodeBytes is Decode on a body already read.
func DecodeBytes(body []byte, v any) error {
	if len(body) > MaxBodyBytes {
		return apierr.Wrap(apierr.ErrLength, apierr.MalformedBody, "",
			"the body is over %d bytes", MaxBodyBytes)
	}
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) == 0 || trimmed[0] != '{' || !json.Valid(trimmed) {
		return apierr.Wrap(apierr.ErrSyntax, apierr.MalformedBody, "",
			"the body is not one JSON object")
	}
	dec := json.NewDecoder(bytes.NewReader(trimmed))
	dec.DisallowUnknownFields()
	var errs apierr.Errors
	if err := dec.Decode(v); err != nil {
		errs = errs.Append(fieldError(err))
	}
	return errs.Err()
}

// fieldError maps encoding/json's errors to the API's.
func fieldError(err error) error {
	var e *apierr.Error
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &te):
		path := te.Field
		return apierr.Wrap(apierr.ErrSyntax, apierr.InvalidFormat, path,
			"%s is a JSON %s; expected %s", path, te.Value, jsonKind(te.Type.Kind().String()))
	case errors.As(err, &e):
		// A wire type's own refusal (Money, Instant, Date, a status): encoding/json
		// does not say which field, so the message of the type stands.
		return e
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		name, _ := strconv.Unquote(strings.TrimPrefix(err.Error(), "json: unknown field "))
		return apierr.Wrap(apierr.ErrUnknown, apierr.InvalidFormat, name,
			"%s is not a field of this request", apierr.Quote(name))
	}
	return apierr.Wrap(err, apierr.MalformedBody, "", "the body is not one JSON object")
}

func jsonKind(k string) string {
	switch k {
	case "string":
		return "a string"
	case "int", "int64", "int32", "uint8", "uint64":
		return "an integer"
	case "bool":
		return "true or false"
	case "slice":
		return "an array"
	case "struct", "map", "ptr":
		return "an object"
	}
	return "another type"
}

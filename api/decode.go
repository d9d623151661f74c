package api

import (
	"io"
	"mime"
	"strings"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/internal/strictjson"
)

// MaxBodyBytes bounds a JSON request body: 1 MiB, far above any request of the API.
const MaxBodyBytes = 1 << 20

// Decode reads one JSON object from r into v (a pointer to one of the package's
// request types), reading at most MaxBodyBytes, with the library's shared strict
// reader (internal/strictjson):
//
//   - a body over the bound, empty, not JSON, or with anything after the object is
//     malformed_body (400);
//   - a key given twice, two keys that differ only in case, a key that is no
//     field (keys match exactly: "Installments" is not "installments"), a field
//     of the wrong JSON type, a value over its length bound, or a wire value its
//     type refuses (money as a JSON number, a date not YYYY-MM-DD, the zero date
//     0001-01-01) is invalid_format with the field's JSON path as param
//     ("installments_value", "events[2]");
//   - a field tagged `strict:"required"` that is absent or null is
//     missing_required_field;
//   - every field error of the body is gathered in one apierr.Errors.
//
// Other missing fields are the request type's to report (its Check method): a
// pointer field stays nil when absent, so absence and a zero value differ.
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
	root, err := strictjson.ParseObject(body, strictjson.Limits{})
	if err != nil {
		return err
	}
	return strictjson.Decode(root, v)
}

// CheckContentType checks a request's Content-Type against the media type its body
// must have: application/json for every JSON body of the API, multipart/form-data for
// document uploads. Parameters are allowed (application/json; charset=utf-8) and the
// type is matched case-insensitively (RFC 9110 §8.3.1). A missing or different type is
// invalid_content_type (400), param Content-Type. A request without a body (an empty
// POST of an action) needs no type: pass hasBody false.
func CheckContentType(header string, hasBody bool, want string) error {
	if !hasBody && header == "" {
		return nil
	}
	got, _, err := mime.ParseMediaType(header)
	if err == nil && strings.EqualFold(got, want) {
		return nil
	}
	if header == "" {
		return apierr.Wrap(apierr.ErrEmpty, apierr.InvalidContentType, "Content-Type",
			"Content-Type is missing; expected %s", want)
	}
	return apierr.Errorf(apierr.InvalidContentType, "Content-Type",
		"Content-Type %s is not %s", apierr.Quote(header), want)
}

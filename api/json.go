package api

import (
	"bytes"
	"encoding/json"
	"errors"

	"github.com/dinie/lending/apierr"
)

// jsonMarshal is encoding/json without HTML escaping (the API's bodies are not HTML)
// and without the trailing newline; a failure (a wire value out of its range) keeps
// the library's error.
func jsonMarshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		var e *apierr.Error
		if asError(err, &e) {
			return nil, e
		}
		return nil, apierr.Wrap(err, apierr.Internal, "", "encoding JSON: %v", err)
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte{'\n'}), nil
}

// asError is errors.As for *apierr.Error through encoding/json's MarshalerError.
func asError(err error, target **apierr.Error) bool { return errors.As(err, target) }

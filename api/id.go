package api

import (
	"encoding/hex"
	"io"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/validation"
)

// NewID returns a new ID of resource r: its prefix and 32 lowercase hex digits, from
// 16 bytes read from src (crypto/rand.Reader in production; a seeded source makes a
// sandbox reproducible). It allocates the ID only.
//
// Errors: a resource without IDs is invalid_format (param "resource"); a src that
// fails or ends early is internal_error, its error kept in the chain.
func NewID(r validation.Resource, src io.Reader) (string, error) {
	prefix := r.Prefix()
	if prefix == "" {
		return "", apierr.Errorf(apierr.InvalidFormat, "resource",
			"resource %d has no IDs; expected one of customer, credit_offer, simulation, loan, transaction, webhook_endpoint, credential", uint8(r))
	}
	var raw [16]byte
	if _, err := io.ReadFull(src, raw[:]); err != nil {
		return "", apierr.Wrap(err, apierr.Internal, "", "reading randomness for an id: %v", err)
	}
	b := make([]byte, len(prefix)+32)
	copy(b, prefix)
	hex.Encode(b[len(prefix):], raw[:])
	return string(b), nil
}

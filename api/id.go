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

// NewClientSecret returns a new client secret of environment env from src: the
// environment's prefix (dinie_cs_live_ or dinie_cs_test_) and 48 lowercase hex digits
// of 24 random bytes (192 bits), a value validation.CheckClientSecret accepts for env.
// src must be a strong source (crypto/rand) outside tests. Errors: an env that is
// neither Live nor Sandbox is invalid_format (param environment); a failing src
// internal_error.
func NewClientSecret(env validation.Environment, src io.Reader) (string, error) {
	var prefix string
	switch env {
	case validation.Live:
		prefix = validation.ClientSecretLivePrefix
	case validation.Sandbox:
		prefix = validation.ClientSecretTestPrefix
	default:
		return "", apierr.Errorf(apierr.InvalidFormat, "environment", "environment %d is neither live nor sandbox", env)
	}
	var raw [24]byte
	if _, err := io.ReadFull(src, raw[:]); err != nil {
		return "", apierr.Wrap(err, apierr.Internal, "", "reading randomness for a client secret: %v", err)
	}
	return prefix + hex.EncodeToString(raw[:]), nil
}

package webhook

import "github.com/dinie/lending/apierr"

// The reasons specific to webhooks, kept in apierr.Error.Err so that callers branch
// with errors.Is; the generic ones (apierr.ErrEmpty, apierr.ErrLength,
// apierr.ErrCharacter, apierr.ErrSyntax, apierr.ErrRange, apierr.ErrDuplicate,
// apierr.ErrNil) serve webhooks too.
const (
	// ErrInvalidPattern: an event pattern that is not "*", "<resource>.*" or an event
	// name of the catalogue.
	ErrInvalidPattern apierr.Reason = "invalid event pattern"
	// ErrTooOld: a webhook-timestamp more than the tolerance before the receiver's clock.
	ErrTooOld apierr.Reason = "timestamp too old"
	// ErrTooNew: a webhook-timestamp more than the tolerance after the receiver's clock.
	ErrTooNew apierr.Reason = "timestamp too new"
	// ErrNoSignature: a webhook-signature without any well-formed v1 token (only other
	// versions, or malformed tokens).
	ErrNoSignature apierr.Reason = "no v1 signature"
	// ErrNoMatch: v1 tokens were present but none equals the MAC under any of the
	// receiver's secrets.
	ErrNoMatch apierr.Reason = "no matching signature"
)

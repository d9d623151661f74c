package api

import (
	"net/http"

	"github.com/dinie/lending/apierr"
)

// Status is the HTTP status the API answers code with: the contract's table for its
// own codes, and for the library's the status each constant of package apierr
// documents. A code outside apierr.Codes (a server's own, or a typo) is 500: it is a
// defect of the server, not a rule the client broke, so it never passes as a 4xx.
func Status(code apierr.Code) int {
	switch code {
	case apierr.InvalidContentType, apierr.MalformedBody, apierr.MissingFile,
		apierr.TimestampOutOfRange, apierr.InvalidSignature:
		return http.StatusBadRequest
	case apierr.MissingToken, apierr.InvalidToken, apierr.TokenExpired:
		return http.StatusUnauthorized
	case apierr.Forbidden:
		return http.StatusForbidden
	case apierr.NotFound:
		return http.StatusNotFound
	case apierr.MethodNotAllowed:
		return http.StatusMethodNotAllowed
	case apierr.CustomerAlreadyExists, apierr.OfferAlreadyAccepted, apierr.SessionAlreadyActive,
		apierr.InvalidTransition, apierr.IdempotencyConflict:
		return http.StatusConflict
	case apierr.MissingRequiredField, apierr.InvalidCPF, apierr.InvalidCNPJ, apierr.InvalidFormat,
		apierr.KYCIncomplete, apierr.OfferExpired, apierr.SimulationMismatch, apierr.AmountOutOfRange,
		apierr.InstallmentsOutOfRange, apierr.RateOutOfRange, apierr.InvalidDueDate,
		apierr.DateOutOfRange, apierr.SimulationExpired, apierr.ImmutableField,
		apierr.InvalidDocumentType, apierr.ValueOutOfRange:
		return http.StatusUnprocessableEntity
	case apierr.RateLimitExceeded:
		return http.StatusTooManyRequests
	}
	return http.StatusInternalServerError
}

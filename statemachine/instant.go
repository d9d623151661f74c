package statemachine

import (
	"time"

	"github.com/dinie/lending/apierr"
)

// checkInstant rejects the zero time.Time, which is never a real instant here and
// usually means a field was left unset.
func checkInstant(t time.Time, param string) error {
	if t.IsZero() {
		return apierr.Errorf(apierr.MissingRequiredField, param,
			"%s is the zero time; want an instant", param)
	}
	return nil
}

package sandbox

import (
	"crypto/rand"
	"net/http"
	"net/http/httptest"

	"github.com/dinie/lending/api"
)

// recorded is a response kept whole, so Idempotency-Key can replay it byte for byte.
type recorded struct {
	status int
	header http.Header
	body   []byte
}

func (rec *recorded) capture(write func(http.ResponseWriter)) {
	w := httptest.NewRecorder()
	write(w)
	rec.status, rec.header, rec.body = w.Code, w.Header().Clone(), w.Body.Bytes()
}

func (rec *recorded) problem(r *http.Request, err error) {
	rec.capture(func(w http.ResponseWriter) { api.WriteProblem(w, r, err) })
}

func (rec *recorded) json(r *http.Request, status int, v any) {
	rec.capture(func(w http.ResponseWriter) {
		if v == nil {
			w.WriteHeader(status)
			return
		}
		api.WriteJSON(w, r, status, v)
	})
}

func (rec *recorded) writeTo(w http.ResponseWriter) {
	for k, vs := range rec.header {
		w.Header()[k] = vs
	}
	w.WriteHeader(rec.status)
	_, _ = w.Write(rec.body)
}

// cryptoRand is crypto/rand as an io.Reader value.
type cryptoRand struct{}

func (cryptoRand) Read(p []byte) (int, error) { return rand.Read(p) }

package sandbox

import (
	"context"
	"net/http"

	"github.com/dinie/lending/statemachine"
)

type endpointRec struct{}

func (s *Server) webhookRoutes() {}

// emit queues event for the partner's matching endpoints, with data as its snapshot.
// Callers hold s.mu.
func (s *Server) emit(partner string, e statemachine.Event, data any) {
	s.deliver.enqueue(partner, e, data)
}

func (s *Server) emitAll(partner string, events []statemachine.Event, data any) {
	for _, e := range events {
		s.emit(partner, e, data)
	}
}

type deliverer struct{ s *Server }

func newDeliverer(s *Server) *deliverer { return &deliverer{s: s} }

func (d *deliverer) enqueue(partner string, e statemachine.Event, data any) {}

func (d *deliverer) close(ctx context.Context) error { return nil }

var _ = http.MethodGet

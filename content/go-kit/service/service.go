// Package service wires logging, tracing, metrics and graceful shutdown for a Fernway service.
package service

import (
	"log/slog"
	"os"

	fwlog "github.com/fernway/go-kit/log"
)

// Service holds the shared plumbing of one running service.
type Service struct {
	name   string
	logger *slog.Logger
}

// New builds a Service named name, configured from FERNWAY_* environment variables.
func New(name string) *Service {
	return &Service{name: name, logger: fwlog.New(os.Stdout, name)}
}

// Logger returns the service's structured logger.
func (s *Service) Logger() *slog.Logger { return s.logger }

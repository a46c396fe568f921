// Package log builds Fernway's standard structured logger (JSON, trace ids, PII redaction).
package log

import (
	"io"
	"log/slog"
)

// New returns a JSON slog.Logger that tags every record with the service name.
func New(w io.Writer, service string) *slog.Logger {
	h := slog.NewJSONHandler(w, &slog.HandlerOptions{ReplaceAttr: redactPII})
	return slog.New(h).With("service", service)
}

// redactPII masks attributes whose key suggests personal data (email, phone, passport).
func redactPII(_ []string, a slog.Attr) slog.Attr {
	switch a.Key {
	case "email", "phone", "passport_number", "date_of_birth":
		return slog.String(a.Key, "[redacted]")
	}
	return a
}

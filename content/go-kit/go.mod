module github.com/fernway/go-kit

go 1.22

require (
	github.com/prometheus/client_golang v1.19.1
	github.com/twmb/franz-go v1.17.1
	go.opentelemetry.io/otel v1.28.0
	go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracegrpc v1.28.0
)

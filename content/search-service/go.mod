module github.com/fernway/search-service

go 1.22

require (
	github.com/fernway/go-kit v1.9.2
	github.com/fernway/pricing-engine/gen/go v2.4.0+incompatible
	github.com/opensearch-project/opensearch-go/v4 v4.1.0
	google.golang.org/grpc v1.65.0
)

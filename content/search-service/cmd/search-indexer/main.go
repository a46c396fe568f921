// Command search-indexer loads supplier fare and hotel content feeds into OpenSearch.
// It runs as a Kubernetes CronJob every 30 minutes; see docs/architecture.md.
package main

import (
	"context"
	"os"

	"github.com/fernway/go-kit/service"
	"github.com/fernway/search-service/internal/indexer"
)

func main() {
	svc := service.New("search-indexer")
	if err := indexer.RunOnce(context.Background(), svc); err != nil {
		svc.Logger().Error("indexing failed", "err", err)
		os.Exit(1)
	}
}

// Command search-service serves the Search API (api/openapi.yaml).
package main

import (
	"context"
	"os"

	"github.com/fernway/go-kit/service"
	"github.com/fernway/search-service/internal/api"
)

func main() {
	svc := service.New("search-service")
	if err := api.Serve(context.Background(), svc); err != nil {
		svc.Logger().Error("fatal", "err", err)
		os.Exit(1)
	}
}

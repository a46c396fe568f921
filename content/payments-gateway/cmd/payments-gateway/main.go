package main

import (
	"context"
	"os"

	"github.com/fernway/go-kit/service"
	"github.com/fernway/payments-gateway/internal/app"
)

func main() {
	ctx := context.Background()
	svc := service.New("payments-gateway") // logging, tracing, metrics, graceful shutdown
	if err := app.Run(ctx, svc); err != nil {
		svc.Logger().Error("fatal", "err", err)
		os.Exit(1)
	}
}

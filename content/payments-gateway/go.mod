module github.com/fernway/payments-gateway

go 1.22

require (
	github.com/adyen/adyen-go-api-library/v11 v11.0.0
	github.com/fernway/go-kit v1.9.2
	github.com/jackc/pgx/v5 v5.6.0
	github.com/stripe/stripe-go/v79 v79.4.0
	github.com/twmb/franz-go v1.17.1
)

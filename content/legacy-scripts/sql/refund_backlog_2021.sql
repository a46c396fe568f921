-- One-off: refunds requested during the 2021 schedule-change wave that were never paid out.
-- Ran against the monolith database (gone). Kept for the audit trail (FIN-118).
SELECT r.booking_id, r.requested_at, r.amount, r.currency
FROM refund_request r
LEFT JOIN refund_payout p ON p.refund_request_id = r.id
WHERE r.requested_at BETWEEN '2021-01-01' AND '2021-12-31'
  AND p.id IS NULL
ORDER BY r.requested_at;

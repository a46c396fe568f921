#!/usr/bin/env python3
"""Export one month of bookings to CSV for Finance.

Usage: export_bookings_csv.py 2024-05 > bookings-2024-05.csv
Needs PG_DSN pointing at the bookings-db *read replica* (never the primary).
"""
import csv
import os
import sys

import psycopg

QUERY = """
SELECT b.id, b.created_at, b.status, b.total_amount, b.currency, b.payment_id
FROM booking b
WHERE b.created_at >= %(start)s::date
  AND b.created_at < (%(start)s::date + interval '1 month')
ORDER BY b.created_at
"""


def main(month: str) -> None:
    with psycopg.connect(os.environ["PG_DSN"]) as conn, conn.cursor() as cur:
        cur.execute(QUERY, {"start": f"{month}-01"})
        out = csv.writer(sys.stdout)
        out.writerow([d.name for d in cur.description])
        out.writerows(cur)


if __name__ == "__main__":
    main(sys.argv[1])

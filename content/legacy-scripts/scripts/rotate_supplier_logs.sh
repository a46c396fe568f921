#!/usr/bin/env bash
# Rotated supplier request/response logs on the old search EC2 hosts (decommissioned 2022-03).
# Kept for reference only; the hosts no longer exist.
set -euo pipefail
LOG_DIR=/var/log/fernway/suppliers
find "$LOG_DIR" -name '*.xml' -mtime +7 -print0 | xargs -0 --no-run-if-empty gzip -9
find "$LOG_DIR" -name '*.xml.gz' -mtime +90 -delete

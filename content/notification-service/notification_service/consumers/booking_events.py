"""Consumes booking.events.v1 and dispatches traveller notifications."""

from __future__ import annotations

import structlog

from notification_service.dedup import already_handled, mark_handled
from notification_service.dispatch import send_email, send_sms

log = structlog.get_logger()

HANDLERS = {
    "fernway.booking.confirmed.v1": lambda e: send_email("booking_confirmed", e),
    "fernway.booking.ticketed.v1": lambda e: (send_email("e_ticket", e), send_sms("tickets_ready", e)),
    "fernway.booking.cancelled.v1": lambda e: send_email("booking_cancelled", e),
}


def handle(event: dict) -> None:
    handler = HANDLERS.get(event["type"])
    if handler is None:
        return  # BookingCreated and unknown future types: nothing to send
    if already_handled(event["eventId"]):
        log.info("duplicate event skipped", event_id=event["eventId"])
        return
    handler(event)
    mark_handled(event["eventId"])

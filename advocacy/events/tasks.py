"""Event email tasks: each is one call to events/notices.py; transient failures are retried with backoff."""

from __future__ import annotations

from celery import shared_task

from advocacy.delivery import MAX_RETRIES, attempt
from advocacy.events import notices
from common.retry import RETRY_ON_DATABASE_ERRORS


def _log_only(reason: str) -> None:
    """An address the provider refuses is logged by attempt(); the event and the RSVP stand."""


@shared_task(bind=True, name="advocacy.events.tasks.send_host_email", acks_late=True, max_retries=MAX_RETRIES,
             **RETRY_ON_DATABASE_ERRORS)
def send_host_email(self, event_id: int, kind: str) -> str:
    return attempt(self, lambda: notices.send_host_email(event_id=event_id, kind=kind), give_up=_log_only)


@shared_task(bind=True, name="advocacy.events.tasks.send_rsvp_confirmation", acks_late=True,
             max_retries=MAX_RETRIES, **RETRY_ON_DATABASE_ERRORS)
def send_rsvp_confirmation(self, rsvp_id: int) -> str:
    return attempt(self, lambda: notices.send_rsvp_confirmation(rsvp_id=rsvp_id), give_up=_log_only)


@shared_task(bind=True, name="advocacy.events.tasks.send_attendee_message", acks_late=True, max_retries=MAX_RETRIES,
             **RETRY_ON_DATABASE_ERRORS)
def send_attendee_message(self, delivery_id: int) -> str:
    return attempt(self, lambda: notices.send_attendee_message(delivery_id=delivery_id), give_up=_log_only)

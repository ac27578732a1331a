"""Event emails, each sent once: the row's timestamp is set in the same locked transaction as the send.

Each email is written in its reader's language (the host's or the attendee's, recorded with the row).
"""

from __future__ import annotations

from celery import shared_task
from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext

from advocacy.delivery import TransientDeliveryError, claim_row, retry_transient
from advocacy.emails.channels import build_message, send_message
from advocacy.events.ics import event_ics
from advocacy.events.models import AttendeeDelivery, AttendeeMessage, Event, Rsvp

HOST_EMAILS = {"received": "received_email_sent_at", "approved": "approval_email_sent_at"}


def _subject(kind: str, title: str) -> str:
    subjects = {
        "received": lambda: gettext("Your event was received: %(title)s"),
        "approved": lambda: gettext("Your event is approved: %(title)s"),
        "rsvp": lambda: gettext("You're going: %(title)s"),
        AttendeeMessage.Kind.MESSAGE: lambda: gettext("A message from the host of %(title)s"),
        AttendeeMessage.Kind.CANCELLED: lambda: gettext("Cancelled: %(title)s"),
    }
    return (subjects[kind]() % {"title": title})[:200]


def _send(*, kind: str, event: Event, to: str, language: str, context: dict, attach_ics: bool = False) -> None:
    with translation.override(language or "en"):
        body = render_to_string(f"events/email_{kind}.txt", {
            "event": event, "base_url": settings.PUBLIC_BASE_URL, **context})
        message = build_message(subject=_subject(kind, event.title), body=body, to=[to],
                                from_email=settings.DEFAULT_FROM_EMAIL)
    if attach_ics:
        message.attach("event.ics", event_ics(event), "text/calendar")
    send_message(message)


def _deliver_once(task, model, pk, *, stamp: str, send) -> str:
    """Lock the row, send unless `stamp` is already set, set it in the same transaction; retry transient errors."""
    try:
        with transaction.atomic():
            row = claim_row(model, pk, ready=lambda r: getattr(r, stamp) is None)
            if row is None:
                return "nothing to do"
            send(row)
            setattr(row, stamp, timezone.now())
            row.save(update_fields=[stamp])
    except TransientDeliveryError as exc:
        retry_transient(task, exc)
        return "retrying"
    return "sent"


def _host_sender(kind: str):
    def send(event: Event) -> None:
        manage = f"{settings.PUBLIC_BASE_URL}/events/manage/{event.manage_token}/"
        _send(kind=kind, event=event, to=event.host_email, language=event.language, context={"manage_url": manage})
    return send


def _send_rsvp(rsvp: Rsvp) -> None:
    _send(kind="rsvp", event=rsvp.event, to=rsvp.email, language=rsvp.language, context={"rsvp": rsvp},
          attach_ics=True)


def _send_attendee_copy(delivery: AttendeeDelivery) -> None:
    rsvp, message = delivery.rsvp, delivery.message
    _send(kind=message.kind, event=message.event, to=rsvp.email, language=rsvp.language,
          context={"rsvp": rsvp, "message": message})


@shared_task(bind=True, name="advocacy.events.tasks.send_host_email", acks_late=True, max_retries=8)
def send_host_email(self, event_id: int, kind: str) -> str:
    return _deliver_once(self, Event, event_id, stamp=HOST_EMAILS[kind], send=_host_sender(kind))


@shared_task(bind=True, name="advocacy.events.tasks.send_rsvp_confirmation", acks_late=True, max_retries=8)
def send_rsvp_confirmation(self, rsvp_id: int) -> str:
    return _deliver_once(self, Rsvp, rsvp_id, stamp="confirmation_sent_at", send=_send_rsvp)


@shared_task(bind=True, name="advocacy.events.tasks.send_attendee_message", acks_late=True, max_retries=8)
def send_attendee_message(self, delivery_id: int) -> str:
    return _deliver_once(self, AttendeeDelivery, delivery_id, stamp="sent_at", send=_send_attendee_copy)

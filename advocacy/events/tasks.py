"""Event emails, each sent once: the row's timestamp is set in the same locked transaction as the send."""

from __future__ import annotations

from celery import shared_task
from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from advocacy.delivery import TransientDeliveryError, claim_row, retry_transient
from advocacy.emails.channels import build_message, send_message
from advocacy.events.ics import event_ics
from advocacy.events.models import Event, Rsvp

HOST_EMAILS = {"received": ("received_email_sent_at", "Your event was received: {title}"),
               "approved": ("approval_email_sent_at", "Your event is approved: {title}")}


@shared_task(bind=True, name="advocacy.events.tasks.send_host_email", acks_late=True, max_retries=8)
def send_host_email(self, event_id: int, kind: str) -> str:
    field, subject = HOST_EMAILS[kind]
    try:
        with transaction.atomic():
            event = claim_row(Event, event_id, ready=lambda e: getattr(e, field) is None)
            if event is None:
                return "nothing to do"
            manage = f"{settings.PUBLIC_BASE_URL}/events/manage/{event.manage_token}/"
            body = render_to_string(f"events/email_{kind}.txt", {"event": event, "manage_url": manage,
                                                                 "base_url": settings.PUBLIC_BASE_URL})
            send_message(build_message(subject=subject.format(title=event.title)[:200], body=body,
                                       to=[event.host_email], from_email=settings.DEFAULT_FROM_EMAIL))
            setattr(event, field, timezone.now())
            event.save(update_fields=[field])
    except TransientDeliveryError as exc:
        retry_transient(self, exc)
        return "retrying"
    return "sent"


@shared_task(bind=True, name="advocacy.events.tasks.send_rsvp_confirmation", acks_late=True, max_retries=8)
def send_rsvp_confirmation(self, rsvp_id: int) -> str:
    try:
        with transaction.atomic():
            rsvp = claim_row(Rsvp, rsvp_id, ready=lambda r: r.confirmation_sent_at is None)
            if rsvp is None:
                return "nothing to do"
            event = rsvp.event
            body = render_to_string("events/email_rsvp.txt", {"rsvp": rsvp, "event": event,
                                                              "base_url": settings.PUBLIC_BASE_URL})
            message = build_message(subject=f"You're going: {event.title}"[:200], body=body, to=[rsvp.email],
                                    from_email=settings.DEFAULT_FROM_EMAIL)
            message.attach("event.ics", event_ics(event), "text/calendar")
            send_message(message)
            rsvp.confirmation_sent_at = timezone.now()
            rsvp.save(update_fields=["confirmation_sent_at"])
    except TransientDeliveryError as exc:
        retry_transient(self, exc)
        return "retrying"
    return "sent"

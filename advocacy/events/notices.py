"""The emails a host or a guest gets, each sent once (advocacy.delivery.send_system_email_once)."""

from __future__ import annotations

from django.conf import settings
from django.template.loader import render_to_string

from advocacy.delivery import send_system_email_once
from advocacy.events.ics import event_ics
from advocacy.events.models import Event, Rsvp
from advocacy.providers.email import build_message

HOST_EMAILS = {"received": ("received_email_sent_at", "Your event was received: {title}"),
               "approved": ("approval_email_sent_at", "Your event is approved: {title}")}


def _host_email(event: Event, kind: str):
    subject = HOST_EMAILS[kind][1].format(title=event.title)[:200]
    manage = f"{settings.PUBLIC_BASE_URL}/events/manage/{event.manage_token}/"
    body = render_to_string(f"events/email_{kind}.txt", {"event": event, "manage_url": manage,
                                                         "base_url": settings.PUBLIC_BASE_URL})
    return build_message(subject=subject, body=body, to=[event.host_email], from_email=settings.DEFAULT_FROM_EMAIL)


def send_host_email(*, event_id: int, kind: str) -> bool:
    """"received" when a host proposes an event, "approved" when an organizer approves it."""
    return send_system_email_once(Event, event_id, sent_field=HOST_EMAILS[kind][0],
                                  compose=lambda event: _host_email(event, kind))


def _rsvp_email(rsvp: Rsvp):
    event = rsvp.event
    body = render_to_string("events/email_rsvp.txt", {"rsvp": rsvp, "event": event,
                                                      "base_url": settings.PUBLIC_BASE_URL})
    message = build_message(subject=f"You're going: {event.title}"[:200], body=body, to=[rsvp.email],
                            from_email=settings.DEFAULT_FROM_EMAIL)
    message.attach("event.ics", event_ics(event), "text/calendar")
    return message


def send_rsvp_confirmation(*, rsvp_id: int) -> bool:
    return send_system_email_once(Rsvp, rsvp_id, sent_field="confirmation_sent_at", compose=_rsvp_email)

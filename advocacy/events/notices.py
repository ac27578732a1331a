"""The emails a host or a guest gets, each sent once (advocacy.delivery.send_system_email_once), each written in
its reader's language (the host's or the attendee's, recorded with the row)."""

from __future__ import annotations

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext

from advocacy.delivery import send_system_email_once
from advocacy.events.ics import event_ics
from advocacy.events.models import AttendeeDelivery, AttendeeMessage, Event, Rsvp
from advocacy.providers.email import build_message

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


def _compose(*, kind: str, event: Event, to: str, language: str, context: dict, attach_ics: bool = False):
    with translation.override(language or "en"):
        body = render_to_string(f"events/email_{kind}.txt", {
            "event": event, "base_url": settings.PUBLIC_BASE_URL, **context})
        message = build_message(subject=_subject(kind, event.title), body=body, to=[to],
                                from_email=settings.DEFAULT_FROM_EMAIL)
    if attach_ics:
        message.attach("event.ics", event_ics(event), "text/calendar")
    return message


def _host_email(event: Event, kind: str):
    manage = f"{settings.PUBLIC_BASE_URL}/events/manage/{event.manage_token}/"
    return _compose(kind=kind, event=event, to=event.host_email, language=event.language,
                    context={"manage_url": manage})


def send_host_email(*, event_id: int, kind: str) -> bool:
    """"received" when a host proposes an event, "approved" when an organizer approves it."""
    return send_system_email_once(Event, event_id, sent_field=HOST_EMAILS[kind],
                                  compose=lambda event: _host_email(event, kind))


def _rsvp_email(rsvp: Rsvp):
    return _compose(kind="rsvp", event=rsvp.event, to=rsvp.email, language=rsvp.language, context={"rsvp": rsvp},
                    attach_ics=True)


def send_rsvp_confirmation(*, rsvp_id: int) -> bool:
    return send_system_email_once(Rsvp, rsvp_id, sent_field="confirmation_sent_at", compose=_rsvp_email)


def _attendee_copy(delivery: AttendeeDelivery):
    rsvp, message = delivery.rsvp, delivery.message
    return _compose(kind=message.kind, event=message.event, to=rsvp.email, language=rsvp.language,
                    context={"rsvp": rsvp, "message": message})


def send_attendee_message(*, delivery_id: int) -> bool:
    """One attendee's copy of the host's message or of the cancellation."""
    return send_system_email_once(AttendeeDelivery, delivery_id, sent_field="sent_at", compose=_attendee_copy)

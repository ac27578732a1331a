"""What a host does from their private page: edit the event, cancel it, write to everyone coming."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from advocacy.delivery import enqueue_on_commit
from advocacy.events.models import AttendeeDelivery, AttendeeMessage, Event
from advocacy.events.services import EventRefused, centroid, change_status_once

EDITABLE = ("title", "description", "starts_at", "ends_at", "time_zone", "address", "online_url", "capacity")


def update_event(*, event: Event, title: str, description: str, starts_at: dt.datetime, ends_at: dt.datetime | None,
                 time_zone: str, address: str, zip_code: str, online_url: str, capacity: int | None) -> Event:
    """Change what the host may change. An approved event stays approved; its place moves only by address."""
    if event.status == Event.Status.CANCELLED:
        raise EventRefused("cancelled", _("This event is cancelled and can no longer be changed."), status=409)
    if ends_at and ends_at <= starts_at:
        raise EventRefused("invalid", _("The event must end after it starts."), field="ends_at")
    if starts_at != event.starts_at and starts_at <= timezone.now():
        raise EventRefused("past", _("Pick a date and time in the future."), field="starts_at")
    if capacity is not None and capacity < event.rsvp_count:
        raise EventRefused("invalid", _("%(n)s people are already coming: the capacity cannot be lower.")
                           % {"n": event.rsvp_count}, field="capacity")
    if event.is_online and not online_url:
        raise EventRefused("invalid", _("Give the link people use to join online."), field="online_url")
    if not event.is_online and zip_code and zip_code != event.zip_code:
        point = centroid(zip_code)
        event.zip_code, event.latitude, event.longitude = point.zcta, point.latitude, point.longitude
    event.title, event.description, event.starts_at, event.ends_at = title, description, starts_at, ends_at
    event.time_zone, event.capacity = time_zone, capacity
    if event.is_online:
        event.online_url = online_url
    elif address:
        event.address = address
    event.save()
    return event


def _notify_attendees(event: Event, kind: str, body: str) -> AttendeeMessage:
    from advocacy.events.tasks import send_attendee_message

    message = AttendeeMessage.objects.create(event=event, kind=kind, body=body)
    deliveries = AttendeeDelivery.objects.bulk_create(
        AttendeeDelivery(message=message, rsvp=rsvp) for rsvp in event.rsvps.all())
    for delivery in deliveries:
        enqueue_on_commit(send_attendee_message, delivery.pk)
    return message


def cancel_event(*, event: Event, note: str = "") -> bool:
    """Cancel the event and email everyone who RSVPed, once. False when it was already cancelled."""
    with transaction.atomic():
        cancelled = change_status_once(event=event, status=Event.Status.CANCELLED, stamp="cancelled_at")
        if cancelled is not None:
            _notify_attendees(cancelled, AttendeeMessage.Kind.CANCELLED, note.strip())
    return cancelled is not None


def message_attendees(*, event: Event, body: str) -> AttendeeMessage:
    """The host's note to everyone coming, one email each."""
    body = body.strip()
    if not body:
        raise EventRefused("invalid", _("Write a message first."), field="body")
    if event.status != Event.Status.APPROVED:
        raise EventRefused("not_open", _("Only a listed event can message its attendees."), status=409)
    if not event.rsvps.exists():
        raise EventRefused("invalid", _("Nobody has RSVPed yet."), field="body")
    with transaction.atomic():
        return _notify_attendees(event, AttendeeMessage.Kind.MESSAGE, body)

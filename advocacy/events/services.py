"""Host, approve, find and join local actions."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from advocacy import ratelimit
from advocacy.campaigns.models import Campaign
from advocacy.delivery import enqueue_on_commit
from advocacy.events.models import MAX_DAYS_AHEAD, Event, IceLocation, Rsvp
from advocacy.geo import bounding_box, miles_between
from common.refusals import Refused
from targets.lookup import normalize_zip
from targets.models import ZipCentroid

RADIUS_CHOICES = (10, 25, 50, 100, 250)
HOUR = 3600


class EventRefused(Refused):
    pass


def centroid(zip_code: str) -> ZipCentroid:
    from targets.lookup import LookupRefused

    try:
        zip_code = normalize_zip(zip_code)
    except LookupRefused as exc:
        raise EventRefused("invalid_zip", exc.message, field="zip") from exc
    point = ZipCentroid.objects.filter(zcta=zip_code).first()
    if point is None:
        raise EventRefused("unknown_zip", _("We could not find ZIP code %(zip)s.") % {"zip": zip_code}, status=404,
                           field="zip")
    return point


def _limit(scope: str, ip: str | None, count: int) -> None:
    if ip:
        ratelimit.enforce(scope, ip, ratelimit.Limit(count, HOUR), refusal=EventRefused,
                          message=_("Too many requests from your connection. Please try later."))


def host_event(*, campaign: Campaign, title: str, description: str, host_name: str, host_email: str,
               organization: str, is_online: bool, online_url: str, starts_at: dt.datetime,
               ends_at: dt.datetime | None, time_zone: str, ice_location: IceLocation | None, address: str,
               zip_code: str, capacity: int | None, ip_address: str | None = None, language: str = "en") -> Event:
    """Record a proposed event; it waits for an organizer's approval. The host gets a "received" email."""
    if starts_at <= timezone.now():
        raise EventRefused("past", _("Pick a date and time in the future."), field="starts_at")
    if starts_at > timezone.now() + dt.timedelta(days=MAX_DAYS_AHEAD):
        raise EventRefused("too_far", _("Pick a date within the next two years."), field="starts_at")
    if ends_at and ends_at <= starts_at:
        raise EventRefused("invalid", _("The event must end after it starts."), field="ends_at")
    latitude = longitude = None
    if not is_online:
        latitude, longitude, address, zip_code = _place(ice_location, address, zip_code)
    elif not online_url:
        raise EventRefused("invalid", _("Give the link people use to join online."), field="online_url")
    _limit("events-host", ip_address, settings.EVENTS_PER_IP_PER_HOUR)
    from advocacy.events.tasks import send_host_email

    with transaction.atomic():
        event = Event.objects.create(
            campaign=campaign, title=title, description=description, host_name=host_name, host_email=host_email,
            organization=organization, is_online=is_online, online_url=online_url if is_online else "",
            starts_at=starts_at, ends_at=ends_at, time_zone=time_zone, ice_location=ice_location,
            address="" if is_online else address, zip_code="" if is_online else zip_code, latitude=latitude,
            longitude=longitude, capacity=capacity, host_ip=ip_address or None, language=language[:5])
        enqueue_on_commit(send_host_email, event.pk, "received")
    return event


def _place(ice_location: IceLocation | None, address: str, zip_code: str) -> tuple[float, float, str, str]:
    """Where an in-person event is: an ICE site (its own coordinates) or an address placed by its ZIP code."""
    if ice_location is not None:
        zip_code = zip_code or ice_location.zip_code[:5]
        address = address or f"{ice_location.address}, {ice_location.city}, {ice_location.state}"
        if ice_location.latitude is not None and ice_location.longitude is not None and zip_code:
            return ice_location.latitude, ice_location.longitude, address, zip_code[:5]
    elif not address:
        raise EventRefused("invalid", _("Choose an ICE location or give an address."), field="address")
    point = centroid(zip_code)
    return point.latitude, point.longitude, address, point.zcta


def change_status_once(*, event: Event, status: str, stamp: str) -> Event | None:
    """Lock the event and move it to `status`, stamping `stamp`; None when it was already there.

    Call inside transaction.atomic(), then enqueue what follows with enqueue_on_commit.
    """
    locked = Event.objects.select_for_update().get(pk=event.pk)
    if locked.status == status:
        return None
    locked.status = status
    setattr(locked, stamp, timezone.now())
    locked.save(update_fields=["status", stamp])
    return locked


def approve_event(*, event: Event) -> bool:
    from advocacy.events.tasks import send_host_email

    with transaction.atomic():
        approved = change_status_once(event=event, status=Event.Status.APPROVED, stamp="approved_at")
        if approved is not None:
            enqueue_on_commit(send_host_email, approved.pk, "approved")
    return approved is not None


def reject_event(*, event: Event) -> None:
    Event.objects.filter(pk=event.pk).update(status=Event.Status.REJECTED)


@dataclass
class NearbyEvent:
    event: Event
    miles: float


def upcoming(campaign: Campaign):
    now = timezone.now()
    return (Event.objects.filter(campaign=campaign, status=Event.Status.APPROVED)
            .filter(starts_at__gte=now - dt.timedelta(hours=6)).select_related("ice_location"))


def events_near(*, campaign: Campaign, zip_code: str, radius: float) -> list[NearbyEvent]:
    """Approved upcoming in-person events within `radius` miles of the ZIP's centroid, nearest first."""
    point = centroid(zip_code)
    south, north, west, east = bounding_box(point.latitude, point.longitude, radius)
    candidates = upcoming(campaign).filter(is_online=False, latitude__range=(south, north),
                                           longitude__range=(west, east))
    found = [NearbyEvent(event, miles_between(point.latitude, point.longitude, event.latitude, event.longitude))
             for event in candidates]
    return sorted((n for n in found if n.miles <= radius), key=lambda n: (n.miles, n.event.starts_at))


def online_events(*, campaign: Campaign) -> list[Event]:
    return list(upcoming(campaign).filter(is_online=True))


def locations_near(*, zip_code: str, limit: int = 15) -> list[tuple[IceLocation, float]]:
    """ICE offices and facilities nearest a ZIP, for the host form."""
    point = centroid(zip_code)
    located = IceLocation.objects.exclude(latitude=None)
    ranked = sorted(((loc, miles_between(point.latitude, point.longitude, loc.latitude, loc.longitude))
                     for loc in located), key=lambda pair: pair[1])
    return ranked[:limit]


def rsvp(*, event: Event, name: str, email: str, zip_code: str = "", ip_address: str | None = None,
         language: str = "en") -> Rsvp:
    from advocacy.events.tasks import send_rsvp_confirmation

    if event.status != Event.Status.APPROVED:
        raise EventRefused("not_open", _("This event is not taking RSVPs."), status=409)
    if (event.ends_at or event.starts_at) < timezone.now():
        raise EventRefused("past", _("This event has already happened."), status=409)
    _limit("events-rsvp", ip_address, settings.RSVPS_PER_IP_PER_HOUR)
    email = email.strip().lower()
    try:
        with transaction.atomic():
            locked = Event.objects.select_for_update().get(pk=event.pk)
            if locked.capacity is not None and locked.rsvps.count() >= locked.capacity:
                raise EventRefused("full", _("Sorry, this event is full."), status=409)
            created = Rsvp.objects.create(event=locked, name=name.strip()[:100], email=email, zip_code=zip_code[:5],
                                          language=language[:5])
            enqueue_on_commit(send_rsvp_confirmation, created.pk)
    except IntegrityError as exc:
        raise EventRefused("duplicate", _("You have already RSVPed to this event with that email."), status=409,
                           field="email") from exc
    return created

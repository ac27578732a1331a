"""Reads that decide where a call goes next: which leg, which number, which caller ID."""

from __future__ import annotations

import math
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.utils import timezone

from advocacy.calls.models import CallLeg, CallSession
from advocacy.campaigns.models import Campaign
from advocacy.campaigns.selectors import published_campaigns
from advocacy.geo import miles_between
from targets.models import DistrictOffice, Target, ZipCentroid


def session_for_webhook(session_id) -> CallSession:
    return get_object_or_404(CallSession.objects.select_related("campaign"), pk=session_id)


def leg_of(session: CallSession, leg_id: int) -> CallLeg:
    """A leg of this session only: a leg id from another session's URL is refused (404)."""
    return get_object_or_404(session.legs.select_related("target", "session"), pk=leg_id)


def inbound_campaign(*, number_called: str) -> Campaign | None:
    return published_campaigns().filter(phone_number=number_called).first()


def next_leg(*, session: CallSession) -> CallLeg | None:
    return session.legs.select_related("target").filter(status=CallLeg.Status.PENDING).first()


def dialing_leg(*, session: CallSession) -> CallLeg | None:
    return session.legs.select_related("target").filter(status=CallLeg.Status.DIALING).first()


def nearest_district_office(*, target: Target | None, zip_code: str) -> DistrictOffice | None:
    if target is None:
        return None
    offices = [o for o in target.district_offices.exclude(phone="") if o.latitude is not None]
    if not offices:
        return None
    centroid = ZipCentroid.objects.filter(zcta=zip_code).first()
    if centroid is None:
        return offices[0]
    return min(offices, key=lambda o: miles_between(centroid.latitude, centroid.longitude, o.latitude, o.longitude))


def number_for(leg: CallLeg) -> str:
    """Always the target's own number from our data: nothing in a request chooses whom we dial."""
    if leg.is_district_office:
        office = nearest_district_office(target=leg.target, zip_code=leg.session.zip_code)
        return office.phone if office else ""
    return leg.target.phone if leg.target else ""


def can_offer_district_office(leg: CallLeg) -> bool:
    return (not leg.is_district_office and leg.status in (CallLeg.Status.BUSY, CallLeg.Status.NO_ANSWER)
            and leg.target is not None and leg.target.kind == Target.Kind.MEMBER
            and leg.session.step == leg.step
            and nearest_district_office(target=leg.target, zip_code=leg.session.zip_code) is not None)


def campaign_number(campaign: Campaign) -> str:
    return campaign.phone_number or settings.TWILIO_CALLER_ID


def caller_id_for(session: CallSession) -> str:
    """Offices see the supporter's own number where allowed, so staff recognise a constituent."""
    if settings.CALL_PASS_SUPPORTER_CALLER_ID and session.direction == CallSession.Direction.OUTBOUND:
        return session.phone
    return campaign_number(session.campaign)


def stale_filter(now: datetime) -> Q:
    """Sessions that should have ended by now: placing (with no run holding its lease) or ringing for
    CALL_STALE_AFTER_SECONDS, in progress for CALL_MAX_SECONDS longer (Twilio's time limit ends such a call), or
    still queued CALL_MAX_SECONDS after the reconciler re-sent it (a long queue drains well within that)."""
    stale = timedelta(seconds=settings.CALL_STALE_AFTER_SECONDS)
    longest = timedelta(seconds=settings.CALL_MAX_SECONDS)
    unleased = Q(placing_lease_until__isnull=True) | Q(placing_lease_until__lt=now)
    waiting = Q(status__in=[CallSession.Status.PLACING, CallSession.Status.RINGING], placed_at__lt=now - stale)
    talking = Q(status=CallSession.Status.IN_PROGRESS, placed_at__lt=now - stale - longest)
    never_placed = Q(status=CallSession.Status.QUEUED, requeued_at__lt=now - longest)
    return (waiting & unleased) | talking | never_placed


def live_call_count(*, campaign: Campaign) -> int:
    """Calls that hold a line now; stale ones (lost status callbacks) never count."""
    return (CallSession.objects.filter(campaign=campaign, status__in=CallSession.LIVE)
            .exclude(stale_filter(timezone.now())).count())


def stale_sessions(*, now: datetime) -> list[CallSession]:
    """Sessions the reconciler asks Twilio about: the stale ones, and calls in progress for CALL_STALE_AFTER_SECONDS
    (a lost final callback is found within minutes, not after CALL_MAX_SECONDS; a call still live is left alone)."""
    long_talk = Q(status=CallSession.Status.IN_PROGRESS,
                  placed_at__lt=now - timedelta(seconds=settings.CALL_STALE_AFTER_SECONDS))
    return list(CallSession.objects.filter(stale_filter(now) | long_talk, is_preview=False).order_by("placed_at")[:500])


def lost_sessions(*, now: datetime) -> list[CallSession]:
    """Calls that should be being placed and are not (their task was lost), never re-sent before."""
    old = now - timedelta(seconds=settings.CALL_REQUEUE_AFTER_SECONDS)
    unleased = Q(placing_lease_until__isnull=True) | Q(placing_lease_until__lt=now)
    return list(CallSession.objects.filter(unleased, status__in=[CallSession.Status.QUEUED, CallSession.Status.PLACING],
                                           twilio_sid="", requeued_at__isnull=True, created_at__lt=old,
                                           is_preview=False)[:500])


def place_in_line(*, session: CallSession) -> tuple[int, int] | None:
    """(position, minutes) while the call waits for a slot to be placed (calls leave at
    TWILIO_CALLS_PER_SECOND across the account); None once Twilio has it."""
    if session.twilio_sid or session.status not in (CallSession.Status.QUEUED, CallSession.Status.PLACING):
        return None
    ahead = CallSession.objects.filter(status__in=[CallSession.Status.QUEUED, CallSession.Status.PLACING],
                                       twilio_sid="", is_preview=False, created_at__lt=session.created_at).count()
    position = ahead + 1
    seconds = position / max(settings.TWILIO_CALLS_PER_SECOND, 0.01)
    return position, max(1, math.ceil(seconds / 60))

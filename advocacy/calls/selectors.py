"""Reads that decide where a call goes next: which leg, which number, which caller ID."""

from __future__ import annotations

import math
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import OuterRef, Q, Subquery
from django.shortcuts import get_object_or_404
from django.utils import timezone

from advocacy.calls.campaign_copy import attach_campaign, with_campaign_version
from advocacy.calls.models import CallLeg, CallSession
from advocacy.campaigns.models import Campaign
from advocacy.campaigns.selectors import published_campaigns
from advocacy.geo import miles_between
from advocacy.providers.twilio_accounts import total_calls_per_second
from targets.models import DistrictOffice, Target, ZipCentroid
from targets.reach import reach_for


def session_for_webhook(session_id) -> CallSession:
    session = get_object_or_404(with_campaign_version(CallSession.objects), pk=session_id)
    return attach_campaign(session, session.campaign_version)


def session_and_next_leg(session_id) -> tuple[CallSession, CallLeg | None]:
    """The session (with its campaign) and the leg it will dial next, in one query while a leg is pending."""
    leg = (with_campaign_version(CallLeg.objects.select_related("session", "target"), path="session__campaign")
           .filter(session_id=session_id, status=CallLeg.Status.PENDING).first())
    if leg is not None:
        return attach_campaign(leg.session, leg.campaign_version), leg
    return session_for_webhook(session_id), None


def leg_of(session: CallSession, leg_id: int) -> CallLeg:
    """A leg of this session only: a leg id from another session's URL is refused (404)."""
    return get_object_or_404(session.legs.select_related("target", "session"), pk=leg_id)


def inbound_campaign(*, number_called: str) -> Campaign | None:
    return published_campaigns().filter(phone_number=number_called).first()


def next_leg(*, session: CallSession) -> CallLeg | None:
    """The next office to dial, annotated (in the same query) with what decides the opening script: the first
    office's template kind and its target's kind and state (voice.introduce_office compares the two)."""
    first = CallLeg.objects.filter(session=OuterRef("session"), target__isnull=False).order_by("position", "id")
    return (session.legs.select_related("target").filter(status=CallLeg.Status.PENDING)
            .annotate(first_template_kind=Subquery(first.values("template_kind")[:1]),
                      first_target_kind=Subquery(first.values("target__kind")[:1]),
                      first_target_state=Subquery(first.values("target__state")[:1])).first())


def legs_awaiting_outcome(*, session: CallSession) -> list[CallLeg]:
    """Offices the supporter was connected to (or tried) and has not yet said how it went, in call order."""
    return list(session.legs.exclude(target=None).exclude(status__in=[CallLeg.Status.PENDING, CallLeg.Status.SKIPPED])
                .filter(outcome=""))


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
    return reach_for(leg.target).phone if leg.target else ""  # a member with no number: the Capitol switchboard


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
    # A call waiting for its slot (an ETA task) is not lost until well after that slot; a call-back counts
    # from the moment it came due, not from when it was asked for.
    not_waiting = Q(slot_at__isnull=True) | Q(slot_at__lt=old)
    not_just_due = Q(scheduled_for__isnull=True) | Q(scheduled_for__lt=old)
    return list(CallSession.objects.filter(unleased, not_waiting, not_just_due,
                                           status__in=[CallSession.Status.QUEUED, CallSession.Status.PLACING],
                                           twilio_sid="", requeued_at__isnull=True, created_at__lt=old,
                                           is_preview=False)[:500])


def unanswered_phones_from(ip_address: str, *, limit: int) -> set[str]:
    """Different numbers asked for from this address in the last day whose call ended without the supporter
    answering and pressing 1 (at most `limit` + 1 of them)."""
    since = timezone.now() - timedelta(days=1)
    phones = (CallSession.objects.filter(ip_address=ip_address, created_at__gte=since, status__in=CallSession.FINAL,
                                         supporter_connected=False, is_preview=False)
              .values_list("phone", flat=True).distinct())
    return set(phones[:limit + 1])


def place_in_line(*, session: CallSession, now: datetime | None = None) -> tuple[int, int] | None:
    """(position, minutes) while the call waits to be placed, from the slot the pacing clock gave it (the calls
    with earlier slots are ahead of it); None once Twilio has it. Before its first slot is reserved (a moment
    after the request), the queue's length at the pool's rate stands in."""
    if session.twilio_sid or session.status not in (CallSession.Status.QUEUED, CallSession.Status.PLACING):
        return None
    now = now or timezone.now()
    waiting = CallSession.objects.filter(status__in=[CallSession.Status.QUEUED, CallSession.Status.PLACING],
                                         twilio_sid="", is_preview=False)
    if session.slot_at is not None:
        position = waiting.filter(slot_at__gt=now, slot_at__lt=session.slot_at).count() + 1
        seconds = (session.slot_at - now).total_seconds()
    else:
        position = waiting.filter(Q(slot_at__gt=now) | Q(slot_at__isnull=True, created_at__lt=session.created_at)) \
            .count() + 1
        seconds = position / max(total_calls_per_second(), 0.01)
    return position, max(1, math.ceil(seconds / 60))

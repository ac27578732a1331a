"""Reads that decide where a call goes next: which leg, which number, which caller ID."""

from __future__ import annotations

import math
import uuid
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import F, Func, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from advocacy.calls.campaign_copy import attach_campaign, with_campaign_version
from advocacy.calls.models import CallLeg, CallSession
from advocacy.campaigns.models import Campaign
from advocacy.campaigns.selectors import published_campaigns
from advocacy.geo import miles_between
from advocacy.providers.twilio_accounts import total_calls_per_second
from common.compiled import CompiledRead
from targets.models import DistrictOffice, Target, ZipCentroid
from targets.reach import reach_for

# The reads every webhook makes, compiled once per process (common/compiled.py): their SQL is fixed.
_SESSION = CompiledRead(lambda session_id: with_campaign_version(CallSession.objects).filter(pk=session_id),
                        uuid.UUID)
_FIRST_PENDING_LEG = CompiledRead(
    lambda session_id: with_campaign_version(CallLeg.objects.select_related("session", "target"),
                                             path="session__campaign")
    .filter(session_id=session_id, status=CallLeg.Status.PENDING)[:1], uuid.UUID)


def _first_office_of(session_id):
    return CallLeg.objects.filter(session_id=session_id, target__isnull=False).order_by("position", "id")


_NEXT_LEG = CompiledRead(
    lambda session_id: CallLeg.objects.select_related("target").filter(session_id=session_id,
                                                                       status=CallLeg.Status.PENDING)
    .annotate(first_template_kind=Subquery(_first_office_of(session_id).values("template_kind")[:1]),
              first_target_kind=Subquery(_first_office_of(session_id).values("target__kind")[:1]),
              first_target_state=Subquery(_first_office_of(session_id).values("target__state")[:1]))[:1],
    uuid.UUID)


def session_for_webhook(session_id) -> CallSession:
    found = _SESSION(session_id)
    if not found:
        raise Http404("no such call")
    return attach_campaign(found[0], found[0].campaign_version)


def session_and_next_leg(session_id) -> tuple[CallSession, CallLeg | None]:
    """The session (with its campaign) and the leg it will dial next, in one query while a leg is pending."""
    found = _FIRST_PENDING_LEG(session_id)
    if found:
        return attach_campaign(found[0].session, found[0].campaign_version), found[0]
    return session_for_webhook(session_id), None


def leg_of(session: CallSession, leg_id: int) -> CallLeg:
    """A leg of this session only: a leg id from another session's URL is refused (404)."""
    return get_object_or_404(session.legs.select_related("target", "session"), pk=leg_id)


def inbound_campaign(*, number_called: str) -> Campaign | None:
    return published_campaigns().filter(phone_number=number_called).first()


def next_leg(*, session: CallSession) -> CallLeg | None:
    """The next office to dial, annotated (in the same query) with what decides the opening script: the first
    office's template kind and its target's kind and state (voice.introduce_office compares the two)."""
    found = _NEXT_LEG(session.pk)
    if not found:
        return None
    found[0].session = session
    return found[0]


_LEGS = CompiledRead(lambda session_id: CallLeg.objects.select_related("target").filter(session_id=session_id),
                     uuid.UUID)


def legs_with_targets(*, session: CallSession) -> list[CallLeg]:
    """Every leg of the call in order, with its target (compiled once per process)."""
    found = _LEGS(session.pk)
    for leg in found:
        leg.session = session
    return found


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


def _stale(now: datetime, stale_cut: datetime, talk_cut: datetime, requeue_cut: datetime) -> Q:
    unleased = Q(placing_lease_until__isnull=True) | Q(placing_lease_until__lt=now)
    waiting = Q(status__in=[CallSession.Status.PLACING, CallSession.Status.RINGING], placed_at__lt=stale_cut)
    talking = Q(status=CallSession.Status.IN_PROGRESS, placed_at__lt=talk_cut)
    never_placed = Q(status=CallSession.Status.QUEUED, requeued_at__lt=requeue_cut)
    return (waiting & unleased) | talking | never_placed


def stale_cutoffs(now: datetime) -> tuple[datetime, datetime, datetime, datetime]:
    stale = timedelta(seconds=settings.CALL_STALE_AFTER_SECONDS)
    longest = timedelta(seconds=settings.CALL_MAX_SECONDS)
    return now, now - stale, now - stale - longest, now - longest


def stale_filter(now: datetime) -> Q:
    """Sessions that should have ended by now: placing (with no run holding its lease) or ringing for
    CALL_STALE_AFTER_SECONDS, in progress for CALL_MAX_SECONDS longer (Twilio's time limit ends such a call), or
    still queued CALL_MAX_SECONDS after the reconciler re-sent it (a long queue drains well within that)."""
    return _stale(*stale_cutoffs(now))


def count_subquery(sessions) -> Coalesce:
    """COUNT(*) of `sessions` as a subquery (no GROUP BY), so that a count is one compiled read."""
    counted = sessions.order_by().annotate(n=Func(F("pk"), function="COUNT", output_field=IntegerField()))
    return Coalesce(Subquery(counted.values("n")), 0, output_field=IntegerField())


# Every call request checks the campaign's capacity: compiled once per process (common/compiled.py).
def live_calls_subquery(cutoffs) -> Coalesce:
    """How many of the campaign (an outer Campaign query) calls hold a line now; stale ones never count."""
    return count_subquery(CallSession.objects.filter(campaign_id=OuterRef("pk"), status__in=CallSession.LIVE)
                  .exclude(_stale(*cutoffs)))


_LIVE_CALLS = CompiledRead(lambda campaign_id, *cutoffs: Campaign.objects.filter(pk=campaign_id)
                           .annotate(live=live_calls_subquery(cutoffs)).values_list("live", flat=True),
                           int, datetime, datetime, datetime, datetime)


def live_call_count(*, campaign: Campaign) -> int:
    """Calls that hold a line now; stale ones (lost status callbacks) never count."""
    return next(iter(_LIVE_CALLS(campaign.pk, *stale_cutoffs(timezone.now()))), 0)


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


def place_in_line(*, session: CallSession, now: datetime | None = None) -> tuple[int, int] | None:
    """(position, minutes) while the call waits to be placed, from the slot the pacing clock gave it (the calls
    with earlier slots are ahead of it); None once Twilio has it. Before its first slot is reserved (a moment
    after the request), the queue's length at the pool's rate stands in."""
    if session.twilio_sid or session.status not in (CallSession.Status.QUEUED, CallSession.Status.PLACING):
        return None
    now = now or timezone.now()
    if session.slot_at is not None:
        position = next(iter(_AHEAD_OF_SLOT(session.pk, now, session.slot_at)), 0) + 1
        seconds = (session.slot_at - now).total_seconds()
    else:
        ahead = getattr(session, "waiting_ahead", None)  # counted by the request that just recorded it
        if ahead is None:
            ahead = next(iter(_AHEAD_OF_REQUEST(session.pk, now, session.created_at)), 0)
        position = ahead + 1
        seconds = position / max(total_calls_per_second(), 0.01)
    return position, max(1, math.ceil(seconds / 60))


def waiting_sessions():
    return CallSession.objects.filter(status__in=[CallSession.Status.QUEUED, CallSession.Status.PLACING],
                                      twilio_sid="", is_preview=False)


# The status page and the API answer say where a call is in line: one compiled count each.
_AHEAD_OF_SLOT = CompiledRead(lambda session_id, now, slot_at: CallSession.objects.filter(pk=session_id).annotate(
    ahead=count_subquery(waiting_sessions().filter(slot_at__gt=now, slot_at__lt=slot_at)))
    .values_list("ahead", flat=True), uuid.UUID, datetime, datetime)
_AHEAD_OF_REQUEST = CompiledRead(lambda session_id, now, created_at: CallSession.objects.filter(pk=session_id).annotate(
    ahead=count_subquery(waiting_sessions().filter(Q(slot_at__gt=now)
                                                   | Q(slot_at__isnull=True, created_at__lt=created_at))))
    .values_list("ahead", flat=True), uuid.UUID, datetime, datetime)

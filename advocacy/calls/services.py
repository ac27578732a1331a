"""What happens on a call, one function per step; every state change and its dashboard count commit together.

Webhooks may arrive twice (Twilio retries) and tasks may run twice (redelivery): each step locks its row
and checks the state it expects, so a repeat changes nothing.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from advocacy.calls import safety
from advocacy.calls.models import CallLeg, CallSession
from advocacy.campaigns.models import Campaign
from advocacy.campaigns.selectors import campaign_targets
from advocacy.dashboard.counters import record_contact, record_supporter
from advocacy.dashboard.models import Metric
from advocacy.delivery import enqueue_on_commit
from advocacy.geo import miles_between
from targets.lookup import LookupResult, lookup
from targets.models import DistrictOffice, Target, ZipCentroid

DIAL_RESULTS = {
    "completed": (CallLeg.Status.COMPLETED, None),
    "answered": (CallLeg.Status.COMPLETED, None),
    "busy": (CallLeg.Status.BUSY, Metric.CALL_BUSY),
    "no-answer": (CallLeg.Status.NO_ANSWER, Metric.CALL_NO_ANSWER),
    "failed": (CallLeg.Status.FAILED, Metric.CALL_FAILED),
    "canceled": (CallLeg.Status.FAILED, Metric.CALL_FAILED),
}
CALL_STATUSES = {
    "queued": CallSession.Status.PLACING,
    "initiated": CallSession.Status.PLACING,
    "ringing": CallSession.Status.RINGING,
    "in-progress": CallSession.Status.IN_PROGRESS,
    "answered": CallSession.Status.IN_PROGRESS,
    "completed": CallSession.Status.COMPLETED,
    "busy": CallSession.Status.BUSY,
    "no-answer": CallSession.Status.NO_ANSWER,
    "failed": CallSession.Status.FAILED,
    "canceled": CallSession.Status.CANCELED,
}
FINAL_STATUSES = {CallSession.Status.COMPLETED, CallSession.Status.BUSY, CallSession.Status.NO_ANSWER,
                  CallSession.Status.FAILED, CallSession.Status.CANCELED}
OUTCOME_METRICS = {
    CallLeg.Outcome.SPOKE_TO_STAFF: Metric.OUTCOME_SPOKE_TO_STAFF,
    CallLeg.Outcome.LEFT_VOICEMAIL: Metric.OUTCOME_LEFT_VOICEMAIL,
    CallLeg.Outcome.LINE_BUSY: Metric.OUTCOME_LINE_BUSY,
    CallLeg.Outcome.NO_ANSWER: Metric.OUTCOME_NO_ANSWER,
    CallLeg.Outcome.OTHER: Metric.OUTCOME_OTHER,
}


def _count(session: CallSession, metric: str, *, target_id: int | None = None, amount: int = 1) -> None:
    if session.is_preview or amount <= 0:
        return
    record_contact(campaign_id=session.campaign_id, metric=metric, amount=amount, target_id=target_id,
                   state=session.state, district=session.district)


def _locked_session(session_id) -> CallSession:
    return CallSession.objects.select_for_update().select_related("campaign").get(pk=session_id)


def _locked_leg(leg_id) -> CallLeg:
    return CallLeg.objects.select_for_update(of=("self",)).select_related("target", "session").get(pk=leg_id)


def add_legs(*, session: CallSession, location: LookupResult | None) -> list[CallLeg]:
    legs = []
    for position, entry in enumerate(campaign_targets(campaign=session.campaign, location=location)):
        leg = CallLeg(session=session, campaign_id=session.campaign_id, position=position, target=entry.target,
                      template_kind=entry.template_kind)
        if entry.target is None:
            leg.vacant_seat = entry.vacant_district.label
        legs.append(leg)
    return CallLeg.objects.bulk_create(legs)


def start_call_session(*, campaign: Campaign, phone: str, zip_code: str, address: str | None = None,
                       ip_address: str | None = None, language: str = "en", partner_code: str = "") -> CallSession:
    """Validate, record the session and its legs, count it, and queue the call. Raises CallRefused or
    targets.lookup.LookupRefused with a message for the supporter; nothing is recorded then."""
    phone = safety.normalize_phone(phone)
    location = lookup(zip_code=zip_code, address=address)
    safety.check_call_allowed(campaign=campaign, phone=phone, ip_address=ip_address)
    from advocacy.calls.tasks import place_call

    with transaction.atomic():
        session = CallSession.objects.create(
            campaign=campaign, phone=phone, zip_code=location.zip_code, ip_address=ip_address or None,
            language=language[:2], state=location.districts[0].state if location.districts else "",
            district=location.districts[0].district if len(location.districts) == 1 else None,
            partner_code=partner_code,
        )
        add_legs(session=session, location=location)
        _count(session, Metric.CALL_SESSION_STARTED)
        record_supporter(campaign_id=campaign.pk, identity=phone)
        enqueue_on_commit(place_call, str(session.pk))
    return session


def start_inbound_session(*, campaign: Campaign, phone: str, call_sid: str) -> CallSession:
    """A supporter called the campaign's number: the session exists before we know their ZIP."""
    with transaction.atomic():
        session, created = CallSession.objects.get_or_create(
            twilio_sid=call_sid, defaults={
                "campaign": campaign, "phone": phone[:20], "direction": CallSession.Direction.INBOUND,
                "status": CallSession.Status.IN_PROGRESS, "placed_at": timezone.now(),
                "answered_at": timezone.now(), "supporter_connected": True, "language": campaign.language},
        )
        if created:
            _count(session, Metric.CALL_SESSION_STARTED)
            _count(session, Metric.SUPPORTER_CONNECTED)
            if phone.startswith("+"):
                record_supporter(campaign_id=campaign.pk, identity=phone)
    return session


def set_inbound_location(*, session: CallSession, location: LookupResult, district_index: int | None) -> None:
    """The caller's ZIP (and, for a split ZIP, their chosen district) decides the targets; set once."""
    with transaction.atomic():
        session = _locked_session(session.pk)
        if session.legs.exists():
            return
        if district_index is not None:
            chosen = location.districts[district_index]
            members = [t for t in location.members if t.chamber == Target.Chamber.SENATE or
                       (t.state, t.district) == (chosen.state, chosen.district)]
            location = LookupResult(zip_code=location.zip_code, districts=[chosen], needs_address=False,
                                    members=members, vacancies=[v for v in location.vacancies if v == chosen])
        session.zip_code = location.zip_code
        session.state = location.districts[0].state
        session.district = location.districts[0].district if len(location.districts) == 1 else None
        session.save(update_fields=["zip_code", "state", "district"])
        add_legs(session=session, location=location)


def supporter_pressed_start(*, session: CallSession) -> None:
    with transaction.atomic():
        session = _locked_session(session.pk)
        if session.supporter_connected:
            return
        session.supporter_connected = True
        session.answered_at = session.answered_at or timezone.now()
        if session.status not in FINAL_STATUSES:
            session.status = CallSession.Status.IN_PROGRESS
        session.save(update_fields=["supporter_connected", "answered_at", "status"])
        _count(session, Metric.SUPPORTER_CONNECTED)


def next_leg(*, session: CallSession) -> CallLeg | None:
    return session.legs.select_related("target").filter(status=CallLeg.Status.PENDING).first()


def skip_leg(*, leg: CallLeg, reason: str) -> None:
    with transaction.atomic():
        leg = _locked_leg(leg.pk)
        if leg.status != CallLeg.Status.PENDING:
            return
        leg.status, leg.skip_reason, leg.ended_at = CallLeg.Status.SKIPPED, reason, timezone.now()
        leg.save(update_fields=["status", "skip_reason", "ended_at"])
        _count(leg.session, Metric.CALL_SKIPPED, target_id=leg.target_id)


def begin_leg(*, leg: CallLeg) -> CallLeg:
    """Mark the leg as dialing its number: always the target's own number from our data."""
    with transaction.atomic():
        leg = _locked_leg(leg.pk)
        if leg.status != CallLeg.Status.PENDING:
            return leg
        leg.number_dialed = number_for(leg)
        leg.status, leg.started_at = CallLeg.Status.DIALING, timezone.now()
        leg.save(update_fields=["number_dialed", "status", "started_at"])
        _count(leg.session, Metric.CALL_ATTEMPTED, target_id=leg.target_id)
    return leg


def number_for(leg: CallLeg) -> str:
    if leg.is_district_office:
        office = nearest_district_office(target=leg.target, zip_code=leg.session.zip_code)
        return office.phone if office else ""
    return leg.target.phone if leg.target else ""


def finish_leg(*, leg_id: int, dial_status: str, duration: int, dial_sid: str = "") -> CallLeg:
    """Record how a <Dial> ended; a repeated callback for a finished leg changes nothing."""
    status, metric = DIAL_RESULTS.get(dial_status, (CallLeg.Status.FAILED, Metric.CALL_FAILED))
    with transaction.atomic():
        leg = _locked_leg(leg_id)
        if leg.status not in (CallLeg.Status.DIALING, CallLeg.Status.CONNECTED):
            return leg
        if status == CallLeg.Status.COMPLETED and duration <= 0:
            status, metric = CallLeg.Status.NO_ANSWER, Metric.CALL_NO_ANSWER
        leg.status, leg.duration_seconds, leg.dial_sid = status, max(duration, 0), dial_sid[:64]
        leg.ended_at = timezone.now()
        leg.save(update_fields=["status", "duration_seconds", "dial_sid", "ended_at"])
        if status == CallLeg.Status.COMPLETED:
            _count(leg.session, Metric.CALL_CONNECTED, target_id=leg.target_id)
            _count(leg.session, Metric.TALK_SECONDS, target_id=leg.target_id, amount=leg.duration_seconds)
        else:
            _count(leg.session, metric, target_id=leg.target_id)
    return leg


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


def add_district_office_leg(*, leg: CallLeg) -> CallLeg | None:
    """After a busy or unanswered DC line, a second leg to the member's nearest district office (once)."""
    with transaction.atomic():
        leg = _locked_leg(leg.pk)
        existing = leg.session.legs.filter(position=leg.position, is_district_office=True).first()
        if existing:
            return existing
        return CallLeg.objects.create(session=leg.session, campaign_id=leg.campaign_id, position=leg.position,
                                      is_district_office=True, target=leg.target, template_kind=leg.template_kind)


def can_offer_district_office(leg: CallLeg) -> bool:
    return (not leg.is_district_office and leg.status in (CallLeg.Status.BUSY, CallLeg.Status.NO_ANSWER)
            and leg.target is not None and leg.target.kind == Target.Kind.MEMBER
            and nearest_district_office(target=leg.target, zip_code=leg.session.zip_code) is not None)


def finish_remaining_legs(session: CallSession) -> None:
    """The supporter hung up: the legs never reached are skipped, the one in progress ends."""
    for leg in session.legs.filter(status=CallLeg.Status.DIALING):
        finish_leg(leg_id=leg.pk, dial_status="failed", duration=0)
    for leg in session.legs.filter(status=CallLeg.Status.PENDING):
        skip_leg(leg=leg, reason="supporter hung up")


def update_call_status(*, session_id, twilio_status: str, call_sid: str = "") -> CallSession:
    """The status callback: moves the session forward only, never back, so retries and reordering are safe."""
    new_status = CALL_STATUSES.get(twilio_status)
    with transaction.atomic():
        session = _locked_session(session_id)
        if new_status is None or session.status in FINAL_STATUSES:
            return session
        order = [CallSession.Status.QUEUED, CallSession.Status.PLACING, CallSession.Status.RINGING,
                 CallSession.Status.IN_PROGRESS]
        if new_status in order and order.index(new_status) <= order.index(session.status):
            return session
        session.status = new_status
        if call_sid and not session.twilio_sid:
            session.twilio_sid = call_sid
        if new_status in FINAL_STATUSES:
            session.ended_at = timezone.now()
        session.save(update_fields=["status", "twilio_sid", "ended_at"])
    if new_status in FINAL_STATUSES:
        finish_remaining_legs(session)
    return session


def record_outcome(*, leg: CallLeg, outcome: str) -> bool:
    """The supporter says how a call went; the first answer per leg counts."""
    if outcome not in OUTCOME_METRICS:
        return False
    with transaction.atomic():
        leg = _locked_leg(leg.pk)
        if leg.outcome:
            return False
        leg.outcome = outcome
        leg.save(update_fields=["outcome"])
        _count(leg.session, Metric.OUTCOME_REPORTED, target_id=leg.target_id)
        _count(leg.session, OUTCOME_METRICS[outcome], target_id=leg.target_id)
    return True

"""A call session's life: started (from the page, the API or an inbound call), answered, connected, ended.

Every state change and its dashboard count commit together. Webhooks may arrive twice (Twilio retries) and
tasks may run twice (redelivery): each step locks its row and checks the state it expects.
"""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from advocacy.calls import safety
from advocacy.calls.counts import count, locked_session
from advocacy.calls.legs import add_legs
from advocacy.calls.models import CallSession
from advocacy.calls.tasks import place_call
from advocacy.campaigns.models import Campaign
from advocacy.dashboard.counters import record_supporter
from advocacy.dashboard.models import Metric
from advocacy.delivery import enqueue_on_commit
from advocacy.providers.telephony import MACHINE_ANSWERS
from common.writes import insert_rows, new_instance, save_fields, writes_together
from targets.lookup import LookupResult, lookup
from targets.models import Target


def start_call_session(*, campaign: Campaign, phone: str, zip_code: str, address: str | None = None,
                       ip_address: str | None = None, language: str = "en", idempotency_key: str = "",
                       partner_code: str = "", first_name: str = "", scheduled_for: datetime | None = None,
                       checks: safety.RequestChecks | None = None) -> CallSession:
    """Validate, record the session and its legs, count it, and queue the call (or, with `scheduled_for`, keep
    it `scheduled` until the reconciler's due pass queues it). Raises CallRefused or
    targets.lookup.LookupRefused with a message for the supporter; nothing is recorded then. `checks`: the
    request's figures when the caller has read them already (submissions.py)."""
    phone = safety.normalize_phone(phone)
    location = lookup(zip_code=zip_code, address=address)
    checks = safety.check_call_allowed(campaign=campaign, phone=phone, ip_address=ip_address, checks=checks)
    with transaction.atomic(savepoint=False):  # inside submit_call's transaction: no savepoint needed
        session = new_instance(  # CallSession(...) without Django's keyword handling (common/writes.py)
            CallSession, campaign=campaign, phone=phone, zip_code=location.zip_code, ip_address=ip_address or None,
            idempotency_key=idempotency_key,
            language=language[:2], state=location.states[0] if location.states else "",
            district=location.districts[0].district if len(location.districts) == 1 else None,
            partner_code=partner_code, first_name=safety.clean_first_name(first_name), scheduled_for=scheduled_for,
            status=CallSession.Status.SCHEDULED if scheduled_for else CallSession.Status.QUEUED,
        )
        insert_rows([session])  # the request's hot insert (common/writes.py)
        session.planned_legs = add_legs(session=session, location=location)
        session.waiting_ahead = checks.waiting  # its place in line, read with the checks (selectors.place_in_line)
        with writes_together():  # the minute's two counters in one INSERT (one statement in all on PostgreSQL)
            count(session, Metric.CALL_SESSION_STARTED)
            record_supporter(campaign_id=campaign.pk, identity=phone)
        if scheduled_for is None:
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
            count(session, Metric.CALL_SESSION_STARTED)
            count(session, Metric.SUPPORTER_CONNECTED)
            if phone.startswith("+"):
                record_supporter(campaign_id=campaign.pk, identity=phone)
    return session


def store_split_zip(*, session: CallSession, zip_code: str) -> None:
    """The caller's ZIP lies in several districts: keep it while they choose one."""
    CallSession.objects.filter(pk=session.pk, zip_code="").update(zip_code=zip_code)


def set_inbound_location(*, session: CallSession, location: LookupResult, district_index: int | None) -> None:
    """The caller's ZIP (and, for a split ZIP, their chosen district) decides the targets; set once."""
    with transaction.atomic():
        session = locked_session(session.pk)
        if session.legs.exists():
            return
        if district_index is not None:
            chosen = location.districts[district_index]
            members = [t for t in location.members if t.chamber == Target.Chamber.SENATE or
                       (t.state, t.district) == (chosen.state, chosen.district)]
            location = LookupResult(zip_code=location.zip_code, districts=[chosen], needs_address=False,
                                    members=members, vacancies=[v for v in location.vacancies if v == chosen])
        session.zip_code = location.zip_code
        session.state = location.states[0] if location.states else ""
        session.district = location.districts[0].district if len(location.districts) == 1 else None
        save_fields(session, "zip_code", "state", "district")
        add_legs(session=session, location=location)


def record_answer(*, session: CallSession, call_sid: str, answered_by: str) -> bool:
    """The call was picked up: keep Twilio's CallSid (when none is known yet: a status callback may have brought
    it first, and it is this same call's) and who answered. True when a machine answered."""
    changed = []
    if answered_by and session.answered_by != answered_by[:24]:
        session.answered_by = answered_by[:24]
        changed.append("answered_by")
    if call_sid and not session.twilio_sid:
        session.twilio_sid = call_sid[:64]
        changed.append("twilio_sid")
    if changed:
        save_fields(session, *changed)
    return answered_by in MACHINE_ANSWERS


def supporter_pressed_start(*, session_id) -> CallSession:
    """The supporter pressed 1: connected once (a replayed key press counts nothing). Returns the session."""
    with transaction.atomic():
        session = locked_session(session_id)
        if session.supporter_connected:
            return session
        session.supporter_connected = True
        session.answered_at = session.answered_at or timezone.now()
        if session.status not in CallSession.FINAL:
            session.status = CallSession.Status.IN_PROGRESS
        with writes_together():  # one round trip on PostgreSQL
            save_fields(session, "supporter_connected", "answered_at", "status")
            count(session, Metric.SUPPORTER_CONNECTED)
    return session

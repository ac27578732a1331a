"""The steps of a call, one leg (one office) at a time; each locks its row and checks the state it expects,
so a webhook that Twilio retries or someone replays changes nothing the second time.

A session's `step` counts how far the call has advanced; every `next` webhook URL carries the step it
advances from, and a `next` for a step already taken re-answers the current step instead of moving on.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone, translation

from advocacy.calls import selectors
from advocacy.calls.counts import count, locked_leg, locked_session
from advocacy.calls.models import CallLeg, CallSession
from advocacy.campaigns.selectors import campaign_targets
from advocacy.dashboard.models import Metric
from common.writes import insert_rows, new_instance, save_fields, writes_together
from targets.lookup import LookupResult

DIAL_RESULTS = {
    "completed": (CallLeg.Status.COMPLETED, None),
    "answered": (CallLeg.Status.COMPLETED, None),
    "busy": (CallLeg.Status.BUSY, Metric.CALL_BUSY),
    "no-answer": (CallLeg.Status.NO_ANSWER, Metric.CALL_NO_ANSWER),
    "failed": (CallLeg.Status.FAILED, Metric.CALL_FAILED),
    "canceled": (CallLeg.Status.FAILED, Metric.CALL_FAILED),
}
OUTCOME_METRICS = {
    CallLeg.Outcome.SPOKE_TO_STAFF: Metric.OUTCOME_SPOKE_TO_STAFF,
    CallLeg.Outcome.LEFT_VOICEMAIL: Metric.OUTCOME_LEFT_VOICEMAIL,
    CallLeg.Outcome.LINE_BUSY: Metric.OUTCOME_LINE_BUSY,
    CallLeg.Outcome.NO_ANSWER: Metric.OUTCOME_NO_ANSWER,
    CallLeg.Outcome.OTHER: Metric.OUTCOME_OTHER,
}


@dataclass
class Advance:
    """What a `next` webhook did: the leg now dialing (None: no office left), the legs skipped on the way."""

    session: CallSession
    leg: CallLeg | None
    step: int
    replay: bool = False
    skipped: list[CallLeg] = field(default_factory=list)


def add_legs(*, session: CallSession, location: LookupResult | None) -> list[CallLeg]:
    legs = []
    with translation.override(session.language or "en"):  # each office's reason, in the words the call speaks
        entries = campaign_targets(campaign=session.campaign, location=location)
    for position, entry in enumerate(entries):
        legs.append(new_instance(CallLeg, session=session, campaign_id=session.campaign_id, position=position,
                                 target=entry.target, template_kind=entry.template_kind, reason=entry.reason[:200],
                                 vacant_seat="" if entry.target else entry.vacant_district.label))
    return insert_rows(legs)  # their ids are not read back: nothing that adds legs needs them


def skip_leg(*, leg: CallLeg, reason: str) -> None:
    with transaction.atomic():
        leg = locked_leg(leg.pk)
        if leg.status != CallLeg.Status.PENDING:
            return
        leg.status, leg.skip_reason, leg.ended_at = CallLeg.Status.SKIPPED, reason, timezone.now()
        with writes_together():  # the leg and its counts: one round trip on PostgreSQL
            save_fields(leg, "status", "skip_reason", "ended_at")
            count(leg.session, Metric.CALL_SKIPPED, target_id=leg.target_id)


def _begin_leg(leg: CallLeg, *, number: str, step: int) -> None:
    leg.number_dialed, leg.step = number, step
    leg.status, leg.started_at = CallLeg.Status.DIALING, timezone.now()
    save_fields(leg, "number_dialed", "step", "status", "started_at")
    count(leg.session, Metric.CALL_ATTEMPTED, target_id=leg.target_id)


def advance(*, session_id, from_step: int) -> Advance:
    """Skip the legs we cannot dial (vacant seat, no number) and begin the next one, once per step."""
    with transaction.atomic():
        session = locked_session(session_id)
        if session.step != from_step:
            return Advance(session=session, leg=selectors.dialing_leg(session=session), step=session.step,
                           replay=True)
        result = Advance(session=session, leg=None, step=from_step + 1)
        while (leg := selectors.next_leg(session=session)) is not None:
            leg.session = session
            number = selectors.number_for(leg) if leg.target else ""
            if number:
                result.leg = leg
                break
            skip_leg(leg=leg, reason="no number" if leg.target else "vacant seat")  # written now: read again next
            result.skipped.append(leg)
        session.step = result.step
        with writes_together():  # the leg's start, its counts and the session's step: one round trip on PostgreSQL
            if result.leg is not None:
                _begin_leg(result.leg, number=number, step=result.step)
            save_fields(session, "step")
    return result


def finish_leg(*, leg_id: int, dial_status: str, duration: int, dial_sid: str = "", session_id=None) -> CallLeg:
    """Record how a <Dial> ended; a repeated callback for a finished leg changes nothing."""
    status, metric = DIAL_RESULTS.get(dial_status, (CallLeg.Status.FAILED, Metric.CALL_FAILED))
    with transaction.atomic():
        leg = locked_leg(leg_id, session_id=session_id)
        if leg.status != CallLeg.Status.DIALING:
            return leg
        if status == CallLeg.Status.COMPLETED and duration <= 0:
            status, metric = CallLeg.Status.NO_ANSWER, Metric.CALL_NO_ANSWER
        leg.status, leg.duration_seconds, leg.dial_sid = status, max(duration, 0), dial_sid[:64]
        leg.ended_at = timezone.now()
        with writes_together():  # the leg and its counts: one round trip on PostgreSQL
            save_fields(leg, "status", "duration_seconds", "dial_sid", "ended_at")
            if status == CallLeg.Status.COMPLETED:
                count(leg.session, Metric.CALL_CONNECTED, target_id=leg.target_id)
                count(leg.session, Metric.TALK_SECONDS, target_id=leg.target_id, amount=leg.duration_seconds)
            else:
                count(leg.session, metric, target_id=leg.target_id)
    return leg


def add_district_office_leg(*, leg: CallLeg) -> CallLeg | None:
    """After a busy or unanswered DC line, a second leg to the member's nearest district office (once, and
    only while the call is still at that leg's step: a replayed key press after the call moved on adds nothing)."""
    with transaction.atomic():
        session = locked_session(leg.session_id)  # the session first, in the order advance() locks them
        leg = locked_leg(leg.pk)
        if session.step != leg.step:
            return None
        existing = session.legs.filter(position=leg.position, is_district_office=True).first()
        if existing:
            return existing
        return CallLeg.objects.create(session=session, campaign_id=leg.campaign_id, position=leg.position,
                                      is_district_office=True, target=leg.target, template_kind=leg.template_kind)


def finish_remaining_legs(session: CallSession) -> None:
    """The supporter hung up: the legs never reached are skipped, the one in progress ends."""
    for leg in session.legs.filter(status=CallLeg.Status.DIALING):
        finish_leg(leg_id=leg.pk, dial_status="failed", duration=0)
    for leg in session.legs.filter(status=CallLeg.Status.PENDING):
        skip_leg(leg=leg, reason="supporter hung up")


def record_outcome(*, leg: CallLeg, outcome: str) -> bool:
    """The supporter says how a call went; the first answer per leg counts."""
    if outcome not in OUTCOME_METRICS:
        return False
    with transaction.atomic():
        leg = locked_leg(leg.pk)
        if leg.outcome:
            return False
        leg.outcome = outcome
        with writes_together():
            save_fields(leg, "outcome")
            count(leg.session, Metric.OUTCOME_REPORTED, target_id=leg.target_id)
            count(leg.session, OUTCOME_METRICS[outcome], target_id=leg.target_id)
    return True

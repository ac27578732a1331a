"""Placing the outbound call exactly once, whatever the broker redelivers.

The first run reserves the call's slot from the shared pacing clock (pacing.py) and records it on the session;
a run before that slot raises PlaceAt, and the task hands itself back to Celery with that ETA: no worker ever
sleeps waiting for a slot. Each run of place_call takes a lease on the session with a token of its own. A
second run (a redelivery while the first is alive) finds the lease held and looks again when it runs out. The
lease is renewed just before Twilio is asked, so it never lapses mid-request; a run that lost its lease stops.
A run that finds an expired lease (its holder died) first asks Twilio whether the call exists.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from advocacy.calls import pacing
from advocacy.calls.counts import locked_session
from advocacy.calls.links import webhook_url
from advocacy.calls.models import CallSession
from advocacy.calls.selectors import campaign_number
from advocacy.providers.telephony import get_telephony
from common.compiled import CompiledRead
from common.errors import PermanentDeliveryError, TransientDeliveryError
from common.writes import save_fields, update_where

logger = logging.getLogger(__name__)


class PlaceLater(Exception):
    """Another run holds the lease; look again after `seconds`."""

    def __init__(self, seconds: float):
        super().__init__(f"placing lease held; look again in {seconds:.0f} s")
        self.seconds = seconds


class PlaceAt(Exception):
    """The call's slot is still ahead: run again at `at` (never sleep in a worker)."""

    def __init__(self, at: datetime):
        super().__init__(f"the call's slot is at {at.isoformat()}")
        self.at = at


EARLY_TOLERANCE_SECONDS = 0.02  # Celery's ETA timer can wake a few milliseconds early


@dataclass
class Claim:
    session: CallSession
    token: str
    interrupted: bool  # an earlier run died while placing: the call may already exist


def lease() -> timedelta:
    return timedelta(seconds=settings.CALL_PLACING_LEASE_SECONDS)


# The first run's read: what decides whether the call still waits and its slot (compiled once per process).
_LOCKED_FOR_SLOT = CompiledRead(lambda session_id: CallSession.objects.select_for_update(of=("self",))
                                .filter(pk=session_id).only("status", "twilio_sid", "slot_at", "twilio_account"),
                                uuid.UUID)


def _waiting(session: CallSession | None) -> bool:
    return session is not None and not session.twilio_sid and session.status in (CallSession.Status.QUEUED,
                                                                                 CallSession.Status.PLACING)


def reserved_slot(session_id) -> tuple[datetime, str] | None:
    """The moment this call may be placed (reserved on the first run, from the account free soonest); None when
    there is nothing left to place. Answers (slot, account)."""
    with transaction.atomic():
        session = next(iter(_LOCKED_FOR_SLOT(session_id)), None)
        if not _waiting(session):
            return None
        if session.slot_at is None:
            slot = pacing.reserve()
            session.slot_at, session.twilio_account = datetime.fromtimestamp(slot.at, UTC), slot.account_sid
            save_fields(session, "slot_at", "twilio_account")
    return session.slot_at, session.twilio_account


def _claim(session_id) -> Claim | None:
    with transaction.atomic():
        try:
            session = locked_session(session_id)
        except CallSession.DoesNotExist:
            session = None
        if not _waiting(session):
            return None
        now = timezone.now()
        if session.placing_lease_until and session.placing_lease_until > now:
            raise PlaceLater((session.placing_lease_until - now).total_seconds() + 1)
        # An earlier run died while placing, or failed on an error that may have come after Twilio created the
        # call (a timeout): either way the call may exist, so this run asks Twilio first.
        claim = Claim(session=session, token=uuid.uuid4().hex,
                      interrupted=session.status == CallSession.Status.PLACING or session.place_attempts > 0)
        session.status, session.placing_token = CallSession.Status.PLACING, claim.token
        session.placing_lease_until = now + lease()
        session.place_attempts += 1
        session.placed_at = session.placed_at or now
        save_fields(session, "status", "placing_token", "placing_lease_until", "place_attempts", "placed_at")
    return claim


def _renew(claim: Claim) -> bool:
    return bool(update_where(CallSession, {"placing_lease_until": timezone.now() + lease()},
                             id=claim.session.pk, placing_token=claim.token, twilio_sid=""))


def _placed(claim: Claim, sid: str) -> str:
    update_where(CallSession, {"twilio_sid": sid, "placing_lease_until": None}, id=claim.session.pk, twilio_sid="")
    return sid


def _failed(claim: Claim, exc: Exception, *, permanent: bool) -> None:
    fields = {"last_error": str(exc)[:1000], "placing_lease_until": None, "placing_token": ""}
    if permanent:
        fields.update(status=CallSession.Status.FAILED, ended_at=timezone.now())
        logger.warning("call %s failed permanently: %s", claim.session.pk, exc)
    else:
        fields.update(status=CallSession.Status.QUEUED, slot_at=None)  # the retry takes a slot of its own
    CallSession.objects.filter(pk=claim.session.pk, placing_token=claim.token).update(**fields)


def place_session_call(*, session_id) -> str:
    """Create the outbound call through the telephony adapter, at its reserved slot, exactly once. Raises PlaceAt
    before the slot, PlaceLater while another run holds the lease, TransientDeliveryError when worth retrying."""
    reserved = reserved_slot(session_id)
    if reserved is None:
        return "nothing to do"
    slot_at, account_sid = reserved
    if (slot_at - timezone.now()).total_seconds() > EARLY_TOLERANCE_SECONDS:
        raise PlaceAt(slot_at)
    turn = pacing.take_turn(account_sid)
    if turn is not None:  # this run is late and another call just left from the account: keep the pace
        raise PlaceAt(datetime.fromtimestamp(turn, UTC))
    claim = _claim(session_id)
    if claim is None:
        return "nothing to do"
    session, telephony = claim.session, get_telephony(claim.session.twilio_account)
    try:
        if claim.interrupted:
            found = telephony.find_call(to=session.phone, created_after=session.created_at)
            if found is not None:
                return _placed(claim, found.sid)
        if not _renew(claim):
            return "lease lost"  # another run took over after our lease ran out; it places the call
        created = telephony.create_call(
            to=session.phone, from_=campaign_number(session.campaign), url=webhook_url("calls:answer", session),
            status_callback=webhook_url("calls:status", session), time_limit=settings.CALL_MAX_SECONDS,
            machine_detection=session.campaign.detect_answering_machines)
    except TransientDeliveryError as exc:
        _failed(claim, exc, permanent=False)
        raise
    except PermanentDeliveryError as exc:
        _failed(claim, exc, permanent=True)
        return "failed"
    return _placed(claim, created.sid)

"""A call's progress as Twilio reports it in status callbacks (or the reconciler reads it from Twilio)."""

from __future__ import annotations

import uuid

from django.db import transaction
from django.utils import timezone

from advocacy.calls.counts import locked_session
from advocacy.calls.legs import finish_remaining_legs
from advocacy.calls.models import CallSession
from common.compiled import CompiledRead
from common.writes import save_fields

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
# The order a call moves through before it ends; a callback never moves a session back along it.
PROGRESS = [CallSession.Status.QUEUED, CallSession.Status.PLACING, CallSession.Status.RINGING,
            CallSession.Status.IN_PROGRESS]

_SEEN_STATUS = CompiledRead(lambda session_id: CallSession.objects.only("status").filter(pk=session_id), uuid.UUID)


def moves_forward(current: str, new: str) -> bool:
    if current in CallSession.FINAL:
        return False
    return new not in PROGRESS or PROGRESS.index(new) > PROGRESS.index(current)


def update_call_status(*, session_id, twilio_status: str, call_sid: str = "") -> CallSession:
    """The status callback: moves the session forward only, never back, so retries and reordering are safe."""
    new_status = CALL_STATUSES.get(twilio_status)
    found = _SEEN_STATUS(session_id)
    if not found:
        raise CallSession.DoesNotExist(f"no call session {session_id}")
    seen = found[0]
    if new_status is None or not moves_forward(seen.status, new_status):
        return seen  # a retried or late callback: one read, no lock, no transaction
    with transaction.atomic():
        session = locked_session(session_id)
        if new_status is None or not moves_forward(session.status, new_status):
            return session
        session.status = new_status
        if call_sid and not session.twilio_sid:
            session.twilio_sid = call_sid
        if new_status in CallSession.FINAL:
            session.ended_at = timezone.now()
        save_fields(session, "status", "twilio_sid", "ended_at")
    if new_status in CallSession.FINAL:
        finish_remaining_legs(session)
    return session

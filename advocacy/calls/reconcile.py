"""The calls reconciler (a beat task every minute): nothing accepted is lost, nothing is left hanging.

- A call-back that has come due (callbacks.py) is queued to be placed at the shared pace.
- A call whose place_call task was lost (a broker outage, a worker that died and a message never
  redelivered) is re-sent once; place_call's lease and its look-up at Twilio keep it from being placed twice.
- A session that should have ended (its status callbacks were lost) is finished with the status Twilio
  reports for its call, or failed with a reason when Twilio has none.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from advocacy.calls import selectors
from advocacy.calls.callbacks import release_due_callbacks
from advocacy.calls.legs import finish_remaining_legs
from advocacy.calls.models import CallSession
from advocacy.calls.progress import CALL_STATUSES, update_call_status
from advocacy.providers.telephony import get_telephony

logger = logging.getLogger(__name__)


def requeue_lost_sessions(*, now: datetime, requeue: Callable[[str], None]) -> int:
    sent = 0
    for session in selectors.lost_sessions(now=now):
        with transaction.atomic():
            # Its old slot has passed: the re-sent task reserves a new one, at the back of the queue, so it never
            # jumps ahead of the calls waiting for their slots nor leaves at a moment reserved by another call.
            if CallSession.objects.filter(pk=session.pk, requeued_at__isnull=True, twilio_sid="").update(
                    requeued_at=now, slot_at=None):
                transaction.on_commit(lambda pk=str(session.pk): requeue(pk))
                sent += 1
    return sent


def _give_up(session: CallSession, reason: str) -> None:
    if CallSession.objects.filter(pk=session.pk, status=session.status).update(
            status=CallSession.Status.FAILED, ended_at=timezone.now(), last_error=reason):
        finish_remaining_legs(session)
        logger.warning("call %s finished by the reconciler: %s", session.pk, reason)


def finish_stale_session(*, session: CallSession, telephony) -> str:
    """Ask Twilio how the call really ended and record that; a call Twilio does not know has failed."""
    info = telephony.fetch_call(sid=session.twilio_sid) if session.twilio_sid else None
    if info is None:
        _give_up(session, "no final status; the provider has no such call" if session.twilio_sid
                 else "never placed")
        return "failed"
    if CALL_STATUSES.get(info.status) in CallSession.FINAL:
        update_call_status(session_id=session.pk, twilio_status=info.status, call_sid=info.sid)
        return info.status
    return "still live"  # Twilio says it is running: look again next time; it no longer counts as live


def reconcile_calls(*, requeue: Callable[[str], None], now: datetime | None = None) -> dict[str, int]:
    now = now or timezone.now()
    due = release_due_callbacks(now=now, enqueue=requeue)
    requeued = requeue_lost_sessions(now=now, requeue=requeue)
    stale = selectors.stale_sessions(now=now)
    finished = sum(finish_stale_session(session=s, telephony=get_telephony(s.twilio_account)) != "still live"
                   for s in stale)
    return {"due": due, "requeued": requeued, "finished": finished}

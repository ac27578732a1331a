"""Celery tasks that place calls. Each takes a session id, locks the row and checks its state first."""

from __future__ import annotations

import logging
from datetime import timedelta

from celery import shared_task
from django.db import transaction
from django.utils import timezone

from advocacy.calls import pacing
from advocacy.calls.models import CallSession
from advocacy.calls.twiml import campaign_number, url
from advocacy.delivery import PermanentDeliveryError, TransientDeliveryError, claim_row, retry_transient
from advocacy.providers.twilio_client import get_telephony, webhook_auth_token

logger = logging.getLogger(__name__)
# How long one delivery of place_call may hold a session in "placing" (pacing wait + the API request)
# before another delivery may conclude that the worker died and check with the provider.
PLACING_LEASE = timedelta(minutes=5)


@shared_task(bind=True, name="advocacy.calls.tasks.place_call", acks_late=True, max_retries=8)
def place_call(self, session_id: str) -> str:
    """Create the outbound call through the telephony adapter, at the shared pace, exactly once."""
    from django.conf import settings

    telephony = get_telephony()
    with transaction.atomic():
        session = claim_row(CallSession, session_id,
                            ready=lambda s: s.status in (CallSession.Status.QUEUED, CallSession.Status.PLACING)
                            and not s.twilio_sid)
        if session is None:
            return "nothing to do"
        now = timezone.now()
        if session.status == CallSession.Status.PLACING and session.placed_at is not None \
                and now - session.placed_at < PLACING_LEASE:
            # Another delivery of this task is placing the call right now (a broker redelivery); look again
            # once its lease has run out, in case that worker died.
            raise self.retry(countdown=(session.placed_at + PLACING_LEASE - now).total_seconds() + 1,
                             max_retries=None)
        interrupted = session.status == CallSession.Status.PLACING and session.placed_at is not None
        session.status = CallSession.Status.PLACING
        session.place_attempts += 1
        first_attempt_at = session.placed_at or now
        session.placed_at = first_attempt_at
        session.save(update_fields=["status", "place_attempts", "placed_at"])
    try:
        if interrupted:
            # A worker died after asking for this call: ask the provider before asking again.
            found = telephony.find_call(to=session.phone, since=first_attempt_at)
            if found is not None:
                CallSession.objects.filter(pk=session.pk, twilio_sid="").update(twilio_sid=found.sid)
                return found.sid
        pacing.wait_for_slot()
        created = telephony.create_call(
            to=session.phone, from_=campaign_number(session.campaign),
            url=url("calls:answer", session), status_callback=url("calls:status", session),
            time_limit=settings.CALL_MAX_SECONDS,
        )
    except TransientDeliveryError as exc:
        CallSession.objects.filter(pk=session.pk).update(last_error=str(exc)[:1000],
                                                         status=CallSession.Status.QUEUED, placed_at=None)
        retry_transient(self, exc)
        return "retrying"
    except PermanentDeliveryError as exc:
        CallSession.objects.filter(pk=session.pk).update(status=CallSession.Status.FAILED, last_error=str(exc)[:1000],
                                                         ended_at=timezone.now())
        logger.warning("call %s failed permanently: %s", session.pk, exc)
        return "failed"
    CallSession.objects.filter(pk=session.pk, twilio_sid="").update(twilio_sid=created.sid)
    return created.sid


@shared_task(name="advocacy.calls.tasks.simulate_call")
def simulate_call(*, sid: str, to: str, from_: str, url: str, status_callback: str) -> str:
    """The built-in simulator: the supporter answers, presses 1, and every office answers."""
    from advocacy.calls.simulator import DjangoClientTransport, Scenario, run_call

    params = {"CallSid": sid, "AccountSid": "ACsimulator", "From": from_, "To": to}
    transcript = run_call(url=url, params=params, auth_token=webhook_auth_token(), transport=DjangoClientTransport(),
                          scenario=Scenario(talk_seconds=30), status_callback=status_callback)
    CallSession.objects.filter(twilio_sid=sid).update(transcript=transcript.to_text())
    return transcript.status

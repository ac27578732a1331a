"""Celery tasks of the calls app: each is one service call, shaped for Celery's retries."""

from __future__ import annotations

import time
from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.db import InterfaceError, OperationalError, close_old_connections
from django.utils import timezone

from advocacy.calls import placing, reconcile, simulated
from advocacy.delivery import retry_transient
from common.errors import TransientDeliveryError


@shared_task(bind=True, name="advocacy.calls.tasks.place_call", acks_late=True, max_retries=8)
def place_call(self, session_id: str) -> str:
    try:
        return placing.place_session_call(session_id=session_id)
    except placing.PlaceAt as slot:
        return _run_at(self, session_id, slot.at)
    except placing.PlaceLater as later:
        # Another run is placing this call right now (a broker redelivery); look again once its lease has run
        # out, in case that worker died.
        raise self.retry(countdown=later.seconds, max_retries=None) from None
    except (OperationalError, InterfaceError) as exc:  # the database dropped us: try again, nothing was placed
        close_old_connections()  # a dead connection is replaced on the next query
        retry_transient(self, TransientDeliveryError(f"database: {exc}"))
    except TransientDeliveryError as exc:
        retry_transient(self, exc)
    return "retrying"


def _run_at(task, session_id: str, at) -> str:
    """Hand the call back to Celery with `eta=` its slot (at most CALL_PACING_MAX_ETA_SECONDS ahead and half the
    broker's visibility timeout, so Redis never redelivers a message a worker holds): this worker is free again
    at once."""
    if task.request.is_eager:  # no broker, no worker pool: the embedded mode waits for the slot right here
        time.sleep(max(0.0, (at - timezone.now()).total_seconds()))
        return task.apply(args=(session_id,)).result
    visibility = settings.CELERY_BROKER_TRANSPORT_OPTIONS.get("visibility_timeout", 3600)
    horizon = min(settings.CALL_PACING_MAX_ETA_SECONDS, visibility / 2)
    eta = min(at, timezone.now() + timedelta(seconds=horizon))
    place_call.apply_async((session_id,), eta=eta)
    return f"placing at {at.isoformat()}"


@shared_task(name="advocacy.calls.tasks.simulate_call")
def simulate_call(*, sid: str, to: str, from_: str, url: str, status_callback: str,
                  machine_detection: bool = False) -> str:
    """The built-in simulator standing in for Twilio: the supporter answers, presses 1, every office answers."""
    return simulated.play_simulated_call(sid=sid, to=to, from_=from_, url=url, status_callback=status_callback,
                                         machine_detection=machine_detection)


@shared_task(bind=True, name="advocacy.calls.tasks.reconcile_calls", acks_late=True)
def reconcile_calls(self) -> dict[str, int]:
    """Every minute (CELERY_BEAT_SCHEDULE): re-send lost calls once, finish the ones that should have ended."""
    try:
        return reconcile.reconcile_calls(requeue=lambda session_id: place_call.delay(session_id))
    except (OperationalError, InterfaceError, TransientDeliveryError) as exc:
        raise self.retry(exc=exc, countdown=30, max_retries=2) from exc

"""Celery tasks of the calls app: each is one service call, shaped for Celery's retries."""

from __future__ import annotations

from celery import shared_task
from django.db import InterfaceError, OperationalError, close_old_connections

from advocacy.calls import placing, reconcile, simulated
from advocacy.delivery import retry_transient
from common.errors import TransientDeliveryError


@shared_task(bind=True, name="advocacy.calls.tasks.place_call", acks_late=True, max_retries=8)
def place_call(self, session_id: str) -> str:
    try:
        return placing.place_session_call(session_id=session_id)
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

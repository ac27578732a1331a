"""The delivery backbone every channel uses: enqueue after commit, retry transient errors, run once.

A delivery is a database row before it is an attempt (house rule 3). Tasks take the row's id, claim it
with a row lock, and look at its state: a task that Celery redelivers after a worker died finds the
row already sent and does nothing, so nothing is ever sent twice.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

from django.db import transaction

from advocacy.providers.errors import PermanentDeliveryError, TransientDeliveryError

__all__ = ["PermanentDeliveryError", "TransientDeliveryError", "backoff_seconds", "claim_row",
           "enqueue_on_commit", "retry_transient"]

# Exponential backoff with full jitter: retry n waits a random time in [0, min(cap, base * 2**n)].
RETRY_BACKOFF_BASE_SECONDS = 2
RETRY_BACKOFF_CAP_SECONDS = 600
MAX_RETRIES = 8


def backoff_seconds(retries: int, *, base: float = RETRY_BACKOFF_BASE_SECONDS,
                    cap: float = RETRY_BACKOFF_CAP_SECONDS) -> float:
    return random.uniform(0, min(cap, base * (2 ** retries)))


def enqueue_on_commit(task: Any, *args: Any, **kwargs: Any) -> None:
    """Send `task` to the broker once the current transaction commits (immediately outside one)."""
    transaction.on_commit(lambda: task.apply_async(args=args, kwargs=kwargs))


def retry_transient(task_self: Any, exc: TransientDeliveryError, *, max_retries: int = MAX_RETRIES) -> None:
    """Ask Celery to run the task again later with jittered exponential backoff.

    Run eagerly (the embedded default), Celery runs the retry at once, inline; there is then nothing to
    raise to the caller, whose request already got its answer recorded in the database.
    """
    if task_self.request.is_eager:
        if task_self.request.retries < max_retries:
            request = task_self.request
            task_self.apply(args=request.args, kwargs=request.kwargs, retries=request.retries + 1)
        return
    raise task_self.retry(exc=exc, countdown=backoff_seconds(task_self.request.retries),
                          max_retries=max_retries)


def claim_row(model: type, pk: Any, *, ready: Callable[[Any], bool]) -> Any | None:
    """Lock the row and return it when `ready(row)` says it still needs work; None otherwise.

    Call inside transaction.atomic(). On PostgreSQL select_for_update makes a second worker wait
    until the first commits; on SQLite the database lock serialises writers.
    """
    row = model.objects.select_for_update().filter(pk=pk).first()
    if row is None or not ready(row):
        return None
    return row

"""The delivery backbone every channel uses: enqueue after commit, retry transient errors, run once.

A delivery is a database row before it is an attempt (house rule 3). Tasks take the row's id, claim it
with a row lock, and look at its state: a task that Celery redelivers after a worker died finds the
row already sent and does nothing, so nothing is ever sent twice.
"""

from __future__ import annotations

import logging
import random
import threading
import uuid
from collections.abc import Callable
from typing import Any

from celery import current_app
from django.db import models, transaction
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerError

from advocacy.providers.email import send_message
from advocacy.queues import queue_for
from common.compiled import CompiledRead
from common.errors import PermanentDeliveryError, TransientDeliveryError
from common.writes import save_fields

# Exponential backoff with full jitter: retry n waits a random time in [0, min(cap, base * 2**n)].
RETRY_BACKOFF_BASE_SECONDS = 2
RETRY_BACKOFF_CAP_SECONDS = 600
MAX_RETRIES = 8


def backoff_seconds(retries: int, *, base: float = RETRY_BACKOFF_BASE_SECONDS,
                    cap: float = RETRY_BACKOFF_CAP_SECONDS) -> float:
    return random.uniform(0, min(cap, base * (2 ** retries)))


logger = logging.getLogger(__name__)


def enqueue(task: Any, *args: Any, options: dict | None = None, **kwargs: Any) -> bool:
    """Send `task` (a task, or a registered task's name: services name the tasks that call them, so no import
    circle) to the broker now, with apply_async's `options` (countdown, retries). With the broker down the failure
    is logged, not raised: the row is already committed, and the reconciler (emails/reconcile.py) sends it when
    the broker is back."""
    runner = current_app.tasks[task] if isinstance(task, str) else task  # registered by its app's ready()
    # Tasks take ids (house rule 3): their plain repr is short, and Celery's saferepr of them cost a quarter of
    # the request's enqueue (scripts/bench/callpower.py).
    options = {"argsrepr": repr(args), "kwargsrepr": repr(kwargs), **(options or {})}
    if current_app.conf.task_always_eager:  # it runs here and now: its errors are the task's, not a broker's
        runner.apply_async(args=args, kwargs=kwargs, **options)
        return True
    sender = _sender()
    queue = options.get("queue") or queue_for(runner.name)
    if queue in sender.declared:
        options.setdefault("declare", [])
    try:
        runner.apply_async(args=args, kwargs=kwargs, producer=sender.producer, **options)
    except (BrokerError, OSError) as exc:
        logger.warning("could not enqueue %s%r (the reconciler will): %s", getattr(task, "name", task), args, exc)
        sender.discard()
        return False
    sender.declared.add(queue)
    return True


class _Sender(threading.local):
    """This thread's producer on a broker connection of its own, kept while the app's broker pool is the same one
    (a new pool: another broker, or a forked process). Taking a producer from Celery's pool for each task (acquire,
    revive, release) and letting kombu declare the queue on every publish (it copies and binds the queue first)
    cost a third of the call request's enqueue (scripts/bench/callpower.py). The first task sent to each queue
    declares it, as Celery does; workers declare their queues when they start, too."""

    pool = producer = None
    declared: set[str]

    def discard(self) -> None:
        """After a broker error: the next task starts on a new connection."""
        if self.producer is not None:
            self.producer.connection.release()
        self.pool = self.producer = None


_SENDER = _Sender()


def _sender() -> _Sender:
    pool = current_app.pool
    if _SENDER.pool is not pool:
        _SENDER.discard()
        _SENDER.producer = current_app.amqp.Producer(current_app.connection_for_write(), auto_declare=False)
        _SENDER.pool, _SENDER.declared = pool, set()
    return _SENDER


def enqueue_on_commit(task: Any, *args: Any, **kwargs: Any) -> None:
    """Send `task` to the broker once the current transaction commits (immediately outside one)."""
    transaction.on_commit(lambda: enqueue(task, *args, **kwargs))


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


def claim_row(model: type, pk: Any, *, ready: Callable[[Any], bool], related: tuple[str, ...] = ()) -> Any | None:
    """Lock the row and return it when `ready(row)` says it still needs work; None otherwise. `related` rows
    are read in the same query and not locked.

    Call inside transaction.atomic(). On PostgreSQL select_for_update makes a second worker wait
    until the first commits; on SQLite the database lock serialises writers.
    """
    rows = _claim_read(model, related)(pk)
    if not rows or not ready(rows[0]):
        return None
    return rows[0]


_CLAIMS: dict[tuple, CompiledRead] = {}


def _claim_read(model: type, related: tuple[str, ...]) -> CompiledRead:
    """The locked read of one row of `model` (with `related`), compiled once per process (common/compiled.py)."""
    if (model, related) not in _CLAIMS:
        kind = uuid.UUID if isinstance(model._meta.pk, models.UUIDField) else int
        locked = model.objects.select_for_update(of=("self",)) if related else model.objects.select_for_update()
        _CLAIMS[model, related] = CompiledRead(lambda pk: locked.select_related(*related).filter(pk=pk), kind)
    return _CLAIMS[model, related]


def send_system_email_once(model: type, pk: Any, *, sent_field: str, compose: Callable[[Any], Any],
                           related: tuple[str, ...] = ()) -> bool:
    """Send the email `compose(row)` builds, once: `sent_field` (a timestamp) is set in the same locked
    transaction as the send, so a redelivered task finds it set and sends nothing. False when already sent.
    `related` rows that compose reads come in the same query (not locked)."""
    with transaction.atomic():
        row = claim_row(model, pk, ready=lambda r: getattr(r, sent_field) is None, related=related)
        if row is None:
            return False
        send_message(compose(row))
        setattr(row, sent_field, timezone.now())
        save_fields(row, sent_field)
    return True


def attempt(task_self: Any, work: Callable[[], Any], *, give_up: Callable[[str], Any],
            on_retry: Callable[[str], Any] | None = None, max_retries: int = MAX_RETRIES) -> str:
    """One delivery attempt inside a task: transient errors are retried with backoff (`on_retry` records the
    failed attempt) until `max_retries`, then `give_up(reason)`; permanent errors `give_up(reason)` at once."""
    try:
        return "sent" if work() else "nothing to do"
    except TransientDeliveryError as exc:
        if task_self.request.retries >= max_retries:
            reason = f"gave up after {max_retries + 1} attempts: {exc}"
            logger.warning("%s %r: %s", task_self.name, task_self.request.args, reason)
            give_up(reason)
            return "failed"
        if on_retry is not None:
            on_retry(str(exc))
        retry_transient(task_self, exc, max_retries=max_retries)
        return "retrying"
    except PermanentDeliveryError as exc:
        logger.warning("%s %r failed permanently: %s", task_self.name, task_self.request.args, exc)
        give_up(str(exc))
        return "failed"

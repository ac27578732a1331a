"""Workers keep their PostgreSQL connection across tasks, and still survive a database restart.

Celery's Django fixup closes every connection around each task unless CELERY_DB_REUSE_MAX is set; settings.py sets
it, so a worker reuses one connection (issue 20: 1.7x the email throughput). The fixup then never asks Django
whether that connection still works, so this module does what Django does around each request: before and after
every task, close_old_connections() drops a connection that is older than CONN_MAX_AGE or saw an error, and re-arms
CONN_HEALTH_CHECKS, so the task's first query finds a connection that died while idle (a restarted database) and
reconnects instead of failing. Eager tasks run inside the caller's transaction and are left alone.
"""

from __future__ import annotations

from celery import signals
from django.db import close_old_connections


def _recycle(sender=None, **kwargs) -> None:
    request = getattr(sender, "request", None)
    if request is not None and getattr(request, "is_eager", False):
        return
    close_old_connections()


def install() -> None:
    signals.task_prerun.connect(_recycle, weak=False, dispatch_uid="advocacy.worker_db.prerun")
    signals.task_postrun.connect(_recycle, weak=False, dispatch_uid="advocacy.worker_db.postrun")

"""What every Celery task treats as transient besides a provider's own errors: the database going away for a
moment (a restart, a failover, a dropped connection). Pass to @shared_task: Celery retries the task with
jittered exponential backoff; the task's row lock and state check make the retry safe."""

from __future__ import annotations

from django.db import InterfaceError, OperationalError

DATABASE_ERRORS = (OperationalError, InterfaceError)
RETRY_ON_DATABASE_ERRORS = {"autoretry_for": DATABASE_ERRORS, "retry_backoff": 2, "retry_backoff_max": 300,
                            "retry_jitter": True}

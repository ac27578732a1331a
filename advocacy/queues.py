"""Celery queues by kind, so a call backlog never delays an email and a mail-server stall never delays a call.

Tasks are routed by name, so a task someone adds later lands on the right queue without touching this file:
  advocacy.calls.*                       -> calls
  advocacy.emails.*, advocacy.events.tasks.send_*   -> emails (supporters' and offices' mail, hosts' and RSVPs' mail)
  anything run on a schedule (CELERY_BEAT_SCHEDULE), and everything else -> housekeeping
A worker started without -Q consumes all three; production runs one worker (pool) per queue (see README).
"""

from __future__ import annotations

from django.conf import settings

CALLS, EMAILS, HOUSEKEEPING = "calls", "emails", "housekeeping"
QUEUES = (CALLS, EMAILS, HOUSEKEEPING)
PREFIXES = (
    ("advocacy.calls.", CALLS),
    ("advocacy.emails.", EMAILS),
    ("advocacy.events.tasks.send_", EMAILS),
)


def queue_for(name: str) -> str:
    """The queue a task of this name goes to."""
    if name in _scheduled():
        return HOUSEKEEPING
    for prefix, queue in PREFIXES:
        if name.startswith(prefix):
            return queue
    return HOUSEKEEPING


_SCHEDULED: tuple[object, frozenset[str]] = (None, frozenset())


def _scheduled() -> frozenset[str]:
    """The tasks beat runs, built once per schedule (a test's override_settings brings its own)."""
    global _SCHEDULED
    schedule = settings.CELERY_BEAT_SCHEDULE
    if _SCHEDULED[0] is not schedule:
        _SCHEDULED = (schedule, frozenset(entry["task"] for entry in schedule.values()))
    return _SCHEDULED[1]


def route_task(name, args, kwargs, options, task=None, **kw):
    """Celery router (CELERY_TASK_ROUTES): an explicit queue= on apply_async still wins."""
    return {"queue": queue_for(name)}

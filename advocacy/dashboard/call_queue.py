"""The call queue as organizers see it: how many supporters wait for their call, how long the wait has been, and
calls placed per second against the configured pace (issue 15's "visible queue").

Depth is the campaign's sessions still queued; a wait is placed_at - created_at of the sessions placed in the last
WAIT_WINDOW; the rate counts the sessions placed in the last RATE_WINDOW. One indexed query on PostgreSQL reads a few
hundred rows at most (the waits of 15 minutes at a few calls per second).
"""

from __future__ import annotations

import datetime as dt

from django.db import connection
from django.db.models import Count, Q
from django.utils import timezone

from advocacy.calls.models import CallSession
from advocacy.providers.twilio_accounts import total_calls_per_second

WAIT_WINDOW = dt.timedelta(minutes=15)
RATE_WINDOW = dt.timedelta(seconds=60)


def _percentile(values: list[float], fraction: float) -> float | None:
    if not values:
        return None
    values = sorted(values)
    return round(values[min(len(values) - 1, int(round(fraction * (len(values) - 1))))], 1)


def _queue_rows(sessions, now: dt.datetime) -> tuple[int, int, list[tuple[dt.datetime, dt.datetime]]]:
    """The queued and scheduled counts (call-backs not yet due) and (created_at, placed_at) of the sessions placed
    within WAIT_WINDOW: one query on PostgreSQL (served by the (campaign, status) and (campaign, placed_at)
    indexes), three elsewhere."""
    queued, scheduled = Q(status=CallSession.Status.QUEUED), Q(status=CallSession.Status.SCHEDULED)
    placed = Q(placed_at__gte=now - WAIT_WINDOW) & ~queued
    if connection.vendor != "postgresql":
        return (sessions.filter(queued).count(), sessions.filter(scheduled).count(),
                list(sessions.filter(placed).values_list("created_at", "placed_at")))
    from django.contrib.postgres.aggregates import ArrayAgg

    row = sessions.filter(queued | scheduled | Q(placed_at__gte=now - WAIT_WINDOW)).aggregate(
        depth=Count("pk", filter=queued), scheduled=Count("pk", filter=scheduled),
        created=ArrayAgg("created_at", filter=placed, order_by="pk", default=[]),
        placed=ArrayAgg("placed_at", filter=placed, order_by="pk", default=[]))
    return row["depth"], row["scheduled"], list(zip(row["created"], row["placed"], strict=True))


def call_queue(*, campaign_id: int, now: dt.datetime | None = None) -> dict:
    """{"depth", "calls_scheduled", "wait_p50_seconds", "wait_p95_seconds", "placed_per_second",
    "configured_per_second"}."""
    now = now or timezone.now()
    sessions = CallSession.objects.filter(campaign_id=campaign_id, direction=CallSession.Direction.OUTBOUND,
                                          is_preview=False)
    depth, scheduled, placed = _queue_rows(sessions, now)
    waits = [(placed_at - created).total_seconds() for created, placed_at in placed]
    recent = sum(1 for _, placed_at in placed if placed_at >= now - RATE_WINDOW)
    return {
        "depth": depth,
        "calls_scheduled": scheduled,
        "wait_p50_seconds": _percentile(waits, 0.5),
        "wait_p95_seconds": _percentile(waits, 0.95),
        "placed_per_second": round(recent / RATE_WINDOW.total_seconds(), 2),
        "configured_per_second": total_calls_per_second(),  # the sum of the TWILIO_ACCOUNTS pool's rates
    }

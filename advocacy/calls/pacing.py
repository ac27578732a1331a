"""Outbound call pacing shared by every worker process: a reservation clock per Twilio account, in the database.

Twilio accepts a limited number of outbound-call API requests per second per account (1 by default; the <Dial>
legs do not count). When place_call first runs for a session it reserves the next free slot under a row lock
(`next_at = max(now, next_at) + 1/rate`), from whichever account of TWILIO_ACCOUNTS is free soonest, and
records slot and account on the session. A task that runs before its slot hands itself back to Celery with
`eta=` the slot (placing.PlaceAt) instead of sleeping, so a worker is never blocked waiting: calls leave at
exactly the pool's rate, in the order they were accepted, and emails or other calls run in between.

A task can run late (a busy worker, a restarted one); late tasks must not then leave together. So just before
it asks Twilio, a run also takes its turn on the account's send clock (`take_turn`): no two requests to one
account leave closer than 1/rate (less a tenth for timer jitter); a run that is too close goes back to Celery
with the ETA of its turn. The reservation clock sets the order and the estimate; the send clock guarantees the
rate even when the workers fall behind.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from django.db import connection, transaction

from advocacy.calls.models import PacingSlot
from advocacy.providers.twilio_accounts import twilio_account, twilio_accounts

KEY_PREFIX = "twilio:"


@dataclass(frozen=True)
class Slot:
    at: float  # unix time
    account_sid: str


def _advance(key: str, *, now: float, interval: float, due_within: float | None = None) -> float | None:
    """One statement on the clock `key` (created on first use): next_at = max(next_at, now) + interval, and the new
    next_at returned. With `due_within`, only when next_at - due_within <= now; None when it was not due. The
    upsert takes the row's lock for its statement only, so two workers never share a slot."""
    table, key_, next_at = (connection.ops.quote_name(name) for name in (PacingSlot._meta.db_table, "key", "next_at"))
    greatest = "GREATEST" if connection.vendor == "postgresql" else "MAX"  # SQLite's scalar MAX
    due = "" if due_within is None else f" WHERE {table}.{next_at} - %s <= %s"
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {table} ({key_}, {next_at}) VALUES (%s, %s) ON CONFLICT ({key_}) DO UPDATE "
                       f"SET {next_at} = {greatest}({table}.{next_at}, %s) + %s{due} RETURNING {next_at}",
                       [key, now + interval, now, interval, *(() if due_within is None else (due_within, now))])
        row = cursor.fetchone()
    return None if row is None else row[0]


def reserve_slot(key: str = "twilio", *, rate: float) -> float:
    """Reserve the next slot of one clock; returns its unix time (now or later)."""
    interval = 1.0 / rate if rate > 0 else 0.0
    return _advance(key, now=time.time(), interval=interval) - interval


def reserve(*, now: float | None = None) -> Slot:
    """The earliest free slot across the account pool, reserved. The clocks are locked in key order, so two
    workers reserving at once never deadlock and never share a slot."""
    accounts = {KEY_PREFIX + a.sid: a for a in twilio_accounts()}
    now = time.time() if now is None else now
    if len(accounts) == 1:  # one clock (the usual case): one statement
        [(key, account)] = accounts.items()
        interval = 1.0 / account.calls_per_second if account.calls_per_second > 0 else 0.0
        return Slot(at=_advance(key, now=now, interval=interval) - interval, account_sid=account.sid)
    with transaction.atomic():
        for key in accounts:
            PacingSlot.objects.get_or_create(key=key)
        clocks = list(PacingSlot.objects.select_for_update().filter(key__in=accounts).order_by("key"))
        clock = min(clocks, key=lambda c: (max(now, c.next_at), c.key))
        at = max(now, clock.next_at)
        rate = accounts[clock.key].calls_per_second
        clock.next_at = at + (1.0 / rate if rate > 0 else 0.0)
        clock.save(update_fields=["next_at"])
    return Slot(at=at, account_sid=accounts[clock.key].sid)


def take_turn(account_sid: str, *, now: float | None = None) -> float | None:
    """Claim the account's next send; None when taken, else the unix time to come back at."""
    rate = twilio_account(account_sid).calls_per_second
    interval = 1.0 / rate if rate > 0 else 0.0
    key = "sent:" + account_sid
    now = time.time() if now is None else now
    if _advance(key, now=now, interval=interval, due_within=interval / 10) is not None:
        return None
    return PacingSlot.objects.values_list("next_at", flat=True).get(key=key)  # not yet: come back then

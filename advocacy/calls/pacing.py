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

from django.db import transaction

from advocacy.calls.models import PacingSlot
from advocacy.providers.twilio_accounts import twilio_account, twilio_accounts

KEY_PREFIX = "twilio:"


@dataclass(frozen=True)
class Slot:
    at: float  # unix time
    account_sid: str


def reserve_slot(key: str = "twilio", *, rate: float) -> float:
    """Reserve the next slot of one clock; returns its unix time (now or later)."""
    interval = 1.0 / rate if rate > 0 else 0.0
    with transaction.atomic():
        PacingSlot.objects.get_or_create(key=key)
        slot = PacingSlot.objects.select_for_update().get(key=key)
        at = max(time.time(), slot.next_at)
        slot.next_at = at + interval
        slot.save(update_fields=["next_at"])
    return at


def reserve(*, now: float | None = None) -> Slot:
    """The earliest free slot across the account pool, reserved. The clocks are locked in key order, so two
    workers reserving at once never deadlock and never share a slot."""
    accounts = {KEY_PREFIX + a.sid: a for a in twilio_accounts()}
    now = time.time() if now is None else now
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
    with transaction.atomic():
        PacingSlot.objects.get_or_create(key=key)
        clock = PacingSlot.objects.select_for_update().get(key=key)
        if now < clock.next_at - interval / 10:
            return clock.next_at
        clock.next_at = max(now, clock.next_at) + interval
        clock.save(update_fields=["next_at"])
    return None

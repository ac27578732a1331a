"""Outbound call pacing shared by every worker process: a reservation clock in the database.

Twilio accepts a limited number of outbound-call API requests per second per account (1 by default;
the <Dial> legs do not count). Each place_call task reserves the next free slot under a row lock
(`next_at = max(now, next_at) + 1/rate`) and waits until its slot. Tasks reserve in the order they
start, which is the queue's order, so bursts are placed in order and nothing is dropped; with W
workers no task waits more than about W slots.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.db import transaction

from advocacy.calls.models import PacingSlot


def reserve_slot(key: str = "twilio", *, rate: float | None = None) -> float:
    """Reserve the next slot; returns its unix time (now or later)."""
    rate = rate or settings.TWILIO_CALLS_PER_SECOND
    interval = 1.0 / rate if rate > 0 else 0.0
    with transaction.atomic():
        PacingSlot.objects.get_or_create(key=key)
        slot = PacingSlot.objects.select_for_update().get(key=key)
        at = max(time.time(), slot.next_at)
        slot.next_at = at + interval
        slot.save(update_fields=["next_at"])
    return at


def wait_for_slot(key: str = "twilio") -> float:
    at = reserve_slot(key)
    delay = at - time.time()
    if delay > 0:
        time.sleep(delay)
    return at

"""Pacing: reservations are spaced by TWILIO_CALLS_PER_SECOND (the burst across workers: e2e/test_burst.py)."""

from advocacy.calls import pacing


def test_reservations_are_spaced_by_the_rate(db, settings):
    settings.TWILIO_CALLS_PER_SECOND = 4
    slots = [pacing.reserve_slot("unit") for _ in range(5)]

    assert [round(b - a, 3) for a, b in zip(slots, slots[1:], strict=False)] == [0.25] * 4

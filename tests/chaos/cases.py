"""The fault cases, run by test_faults.py (PostgreSQL, Redis, Celery workers, beat) and by
test_faults_sqlite.py (the embedded default: SQLite, eager tasks, no broker, the reconciler run by hand).

`world` holds the stack, the fake Twilio, the SMTP sink, the database, and `between`: what to run while
waiting for the reconciler (nothing where beat runs it).
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from tests.chaos.audit import settle
from tests.chaos.burst import Burst, Figures

SETTLE_SECONDS = 120


def settle_burst(world, burst: Burst, name: str) -> Figures:
    figures = settle(burst, world["db"], world["twilio"], world["smtp"], timeout=SETTLE_SECONDS,
                     between=world.get("between"))
    print("\n" + figures.line(f"[{world['name']}] {name}"))
    world["figures"].append(figures.line(f"[{world['name']}] {name}"))
    return figures


def run_case(world, name: str, *, prefix: str, calls: int, emails: int, duration: float, fault=None) -> Figures:
    burst = Burst(world["stack"], prefix=prefix, calls=calls, emails=emails)
    burst.run(duration=duration, during=fault)
    return settle_burst(world, burst, name)


def assert_nothing_lost_doubled_or_stuck(figures: Figures) -> None:
    assert (figures.lost, figures.duplicated, figures.stuck, figures.bare_500) == (0, 0, 0, 0), figures.line("case")
    assert figures.accepted > 0


def no_fault(world, prefix: str) -> None:
    figures = run_case(world, "no fault", prefix=prefix, calls=20, emails=20, duration=5)
    assert figures.server_errors == 0
    assert_nothing_lost_doubled_or_stuck(figures)


def calls_marked(world, name: str, *, prefix: str, calls: int, mark: set[str], duration: float) -> Burst:
    """A burst of calls only, every phone of it added to one of the fake Twilio's sets (`mark`) first."""
    burst = Burst(world["stack"], prefix=prefix, calls=calls, emails=0)
    mark.update(burst.phones)
    burst.run(duration=duration)
    assert_nothing_lost_doubled_or_stuck(settle_burst(world, burst, name))
    return burst


def status_callbacks_lost(world, prefix: str) -> None:
    calls_marked(world, "status callbacks lost", prefix=prefix, calls=20,
                 mark=world["twilio"].drop_status_callbacks_to, duration=4)
    # Stale sessions were finished from Twilio's own record and no longer count against the live-call cap.
    live = world["db"].rows("SELECT count(*) FROM calls_callsession WHERE status IN ('placing','ringing',"
                            "'in_progress') AND phone LIKE %s", (f"+1212{prefix}%",))
    assert live == [(0,)]


def double_submits(world, prefix: str) -> None:
    burst = Burst(world["stack"], prefix=prefix, calls=12, emails=12)
    with ThreadPoolExecutor(8) as pool:
        for phone, address in zip(burst.phones, burst.emails, strict=True):
            pool.submit(burst.call, phone)
            pool.submit(burst.call, phone)
            pool.submit(burst.email, address)
            pool.submit(burst.email, address)
    figures = settle_burst(world, burst, "double submits")
    assert_nothing_lost_doubled_or_stuck(figures)
    sessions = world["db"].rows("SELECT count(*) FROM calls_callsession WHERE phone LIKE %s", (f"+1212{prefix}%",))
    actions = world["db"].rows("SELECT count(*) FROM emails_emailaction WHERE email LIKE %s", (f"s{prefix}-%",))
    assert sessions == [(12,)] and actions == [(12,)]


def replayed_webhooks(world, prefix: str) -> None:
    twilio = world["twilio"]
    burst = calls_marked(world, "replayed next/dialed webhooks", prefix=prefix, calls=6, mark=twilio.replay_steps_to,
                         duration=2)
    for phone in burst.phones:
        legs = world["db"].rows("SELECT l.status FROM calls_callleg l JOIN calls_callsession s ON s.id = l.session_id "
                                "WHERE s.phone = %s AND NOT l.is_district_office", (phone,))
        assert legs and all(status == "completed" for (status,) in legs), (phone, legs)
        assert len(twilio.transcript_for(phone).dialed) == len(legs)

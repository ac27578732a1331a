"""Faults in the middle of a burst of call and email actions, on a production-style stack of the suite's own.

Each test runs a bounded burst through the public API against gunicorn, two Celery workers and beat, with the
fake Twilio playing every call against the signed webhooks and an SMTP sink taking every message; it injects
one fault, lets the reconciler run, and then counts: 0 accepted actions lost, 0 duplicate calls or emails,
0 sessions or deliveries stuck, 0 bare 500 pages. The figures are printed (run with -s to see them) and are
recorded in docs/reliability.md.
"""

from __future__ import annotations

import logging
import time

import pytest

from tests.chaos import cases, prepare
from tests.chaos.audit import Database
from tests.chaos.servers import OwnPostgres, OwnRedis, binaries_missing
from tests.conftest import ACCOUNT_SID, AUTH_TOKEN
from tests.fakes.smtp import FakeSMTPServer
from tests.fakes.twilio import FakeTwilio
from tests.services import skip_or_fail

pytestmark = [pytest.mark.integration, pytest.mark.chaos]

@pytest.fixture(scope="module")
def world(tmp_path_factory):
    missing = binaries_missing()
    if missing:
        skip_or_fail(missing)
    logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd's line-by-line session log
    redis, postgres = OwnRedis().start(), OwnPostgres().start()
    with FakeTwilio(account_sid=ACCOUNT_SID, auth_token=AUTH_TOKEN) as twilio, FakeSMTPServer() as smtp:
        stack = prepare.start_stack(tmp_path_factory, database_url=postgres.url(), broker_url=redis.url(0),
                            cache_url=redis.url(1), twilio=twilio, smtp=smtp)
        try:
            yield {"name": "PostgreSQL", "stack": stack, "redis": redis, "postgres": postgres, "twilio": twilio,
                   "smtp": smtp, "db": Database(postgres.url()), "figures": []}
        finally:
            stack.stop()
            print(f"\nchaos stack logs: {stack.log_dir}")
    redis.close()
    postgres.close()


def test_no_fault_baseline(world):
    cases.no_fault(world, "210")


def test_redis_stopped_for_20_seconds(world):
    redis = world["redis"]

    def outage():
        redis.stop()
        time.sleep(20)
        redis.start()

    figures = cases.run_case(world, "Redis stopped 20 s", prefix="220", calls=40, emails=40, duration=25, fault=outage)
    cases.assert_nothing_lost_doubled_or_stuck(figures)


def test_postgres_restarted(world):
    figures = cases.run_case(world, "PostgreSQL restarted", prefix="230", calls=40, emails=40, duration=10,
                          fault=world["postgres"].restart)
    cases.assert_nothing_lost_doubled_or_stuck(figures)


def test_a_whole_worker_killed(world):
    stack = world["stack"]

    def kill_and_replace():
        victim = stack.workers[0]
        victim.kill()
        stack.workers.remove(victim)
        stack.start_worker(0)

    figures = cases.run_case(world, "worker SIGKILLed", prefix="240", calls=40, emails=40, duration=10,
                          fault=kill_and_replace)
    cases.assert_nothing_lost_doubled_or_stuck(figures)


def test_status_callbacks_lost(world):
    cases.status_callbacks_lost(world, "250")


def test_double_submits(world):
    cases.double_submits(world, "260")


def test_replayed_webhooks_change_nothing(world):
    cases.replayed_webhooks(world, "270")

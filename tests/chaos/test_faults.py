"""Faults in the middle of a burst of call and email actions, on a production-style stack of the suite's own.

Each test runs a bounded burst through the public API against gunicorn, two Celery workers and beat, with the
fake Twilio playing every call against the signed webhooks and an SMTP sink taking every message; it injects
one fault, lets the reconciler run, and then counts: 0 accepted actions lost, 0 duplicate calls or emails,
0 sessions or deliveries stuck, 0 bare 500 pages. The figures are printed (run with -s to see them) and are
recorded in docs/reliability.md.
"""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.chaos.audit import Database, settle
from tests.chaos.burst import Burst
from tests.chaos.servers import OwnPostgres, OwnRedis, binaries_missing
from tests.chaos.stack import Stack
from tests.conftest import ACCOUNT_SID, AUTH_TOKEN
from tests.fakes.smtp import FakeSMTPServer
from tests.fakes.twilio import FakeTwilio
from tests.services import skip_or_fail
from tests.targets.fixtures import ZCCD, write_data_dir

pytestmark = [pytest.mark.integration, pytest.mark.chaos]

# Short ages so that the reconciler acts within a test; the README gives the production values.
FAST_RECOVERY = {
    "CELERY_VISIBILITY_TIMEOUT": "30", "CELERY_UNACKED_RESTORE_INTERVAL": "2", "CELERY_UNACKED_RESTORE_THROTTLE": "2",
    "RECONCILE_EVERY_SECONDS": "3", "CALL_REQUEUE_AFTER_SECONDS": "10", "CALL_STALE_AFTER_SECONDS": "20",
    "CALL_PLACING_LEASE_SECONDS": "15", "EMAIL_STUCK_SECONDS": "10",
}
SETTLE_SECONDS = 120
CAMPAIGN_SETUP = """
import datetime as dt
from django.utils import timezone
from advocacy.campaigns.models import Campaign, CampaignTarget, MessageTemplate
from targets.models import Target
campaign = Campaign.objects.create(slug="chaos", title="Chaos", phone_number="+12025550100", is_published=True,
    call_script="Please cut ICE's budget.", from_email="action@coalition.example",
    window_start=timezone.now() - dt.timedelta(hours=1), window_end=timezone.now() + dt.timedelta(hours=3))
CampaignTarget.objects.create(campaign=campaign, position=0, source=CampaignTarget.Source.OWN_HOUSE)
CampaignTarget.objects.create(campaign=campaign, position=1, source=CampaignTarget.Source.OWN_SENATORS)
MessageTemplate.objects.create(campaign=campaign, target_kind=MessageTemplate.TargetKind.MEMBER,
    subject="Communities, not cages", body="Dear {{ target_name }},\\n\\nCut ICE's budget.\\n\\n{{ supporter.name }}")
Target.objects.filter(key="G000599").update(email="office@goldman.example")
Target.objects.filter(key="S000148").update(email="office@schumer.example")
"""


def start_stack(tmp_path_factory, *, database_url: str, broker_url, cache_url, twilio, smtp) -> Stack:
    stack = Stack(database_url=database_url, broker_url=broker_url, cache_url=cache_url, twilio=twilio, smtp=smtp,
                  env_overrides=FAST_RECOVERY)
    data_dir = write_data_dir(tmp_path_factory.mktemp("chaos-data"), zccd=ZCCD + "36,NY,10002,10\n")
    stack.manage("migrate", "--noinput")
    stack.manage("sync_targets", "--data-dir", str(data_dir))
    stack.manage("shell", "-c", CAMPAIGN_SETUP)
    return stack.start()


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    missing = binaries_missing()
    if missing:
        skip_or_fail(missing)
    redis, postgres = OwnRedis().start(), OwnPostgres().start()
    with FakeTwilio(account_sid=ACCOUNT_SID, auth_token=AUTH_TOKEN) as twilio, FakeSMTPServer() as smtp:
        stack = start_stack(tmp_path_factory, database_url=postgres.url(), broker_url=redis.url(0),
                            cache_url=redis.url(1), twilio=twilio, smtp=smtp)
        try:
            yield {"stack": stack, "redis": redis, "postgres": postgres, "twilio": twilio, "smtp": smtp,
                   "db": Database(postgres.url())}
        finally:
            stack.stop()
            print(f"\nchaos stack logs: {stack.log_dir}")
    redis.close()
    postgres.close()


def run_case(world, name: str, *, prefix: str, calls: int, emails: int, duration: float, fault=None):
    burst = Burst(world["stack"], prefix=prefix, calls=calls, emails=emails)
    burst.run(duration=duration, during=fault)
    figures = settle(burst, world["db"], world["twilio"], world["smtp"], timeout=SETTLE_SECONDS)
    print("\n" + figures.line(name))
    return burst, figures


def assert_nothing_lost_doubled_or_stuck(figures) -> None:
    assert (figures.lost, figures.duplicated, figures.stuck, figures.bare_500) == (0, 0, 0, 0), figures.line("case")
    assert figures.accepted > 0


def test_no_fault_baseline(world):
    _, figures = run_case(world, "no fault", prefix="210", calls=20, emails=20, duration=5)
    assert figures.server_errors == 0
    assert_nothing_lost_doubled_or_stuck(figures)


def test_redis_stopped_for_20_seconds(world):
    redis = world["redis"]

    def outage():
        redis.stop()
        time.sleep(20)
        redis.start()

    _, figures = run_case(world, "Redis stopped 20 s", prefix="220", calls=40, emails=40, duration=25, fault=outage)
    assert_nothing_lost_doubled_or_stuck(figures)


def test_postgres_restarted(world):
    _, figures = run_case(world, "PostgreSQL restarted", prefix="230", calls=40, emails=40, duration=10,
                          fault=world["postgres"].restart)
    assert_nothing_lost_doubled_or_stuck(figures)


def test_a_whole_worker_killed(world):
    stack = world["stack"]

    def kill_and_replace():
        victim = stack.workers[0]
        victim.kill()
        stack.workers.remove(victim)
        stack.start_worker(0)

    _, figures = run_case(world, "worker SIGKILLed", prefix="240", calls=40, emails=40, duration=10,
                          fault=kill_and_replace)
    assert_nothing_lost_doubled_or_stuck(figures)


def test_status_callbacks_lost(world):
    twilio = world["twilio"]
    burst = Burst(world["stack"], prefix="250", calls=20, emails=0)
    twilio.drop_status_callbacks_to.update(burst.phones)
    burst.run(duration=4)
    figures = settle(burst, world["db"], twilio, world["smtp"], timeout=SETTLE_SECONDS)
    print("\n" + figures.line("status callbacks lost"))
    assert_nothing_lost_doubled_or_stuck(figures)
    # Stale sessions were finished from Twilio's own record and no longer count against the live-call cap.
    live = world["db"].rows("SELECT count(*) FROM calls_callsession WHERE status IN ('placing','ringing',"
                            "'in_progress') AND phone LIKE %s", ("+1212250%",))
    assert live == [(0,)]


def test_double_submits(world):
    burst = Burst(world["stack"], prefix="260", calls=12, emails=12)
    with ThreadPoolExecutor(8) as pool:
        for phone, address in zip(burst.phones, burst.emails, strict=True):
            pool.submit(burst.call, phone)
            pool.submit(burst.call, phone)
            pool.submit(burst.email, address)
            pool.submit(burst.email, address)
    figures = settle(burst, world["db"], world["twilio"], world["smtp"], timeout=SETTLE_SECONDS)
    print("\n" + figures.line("double submits"))
    assert_nothing_lost_doubled_or_stuck(figures)
    sessions = world["db"].rows("SELECT count(*) FROM calls_callsession WHERE phone LIKE %s", ("+1212260%",))
    actions = world["db"].rows("SELECT count(*) FROM emails_emailaction WHERE email LIKE %s", ("s260-%",))
    assert sessions == [(12,)] and actions == [(12,)]


def test_replayed_webhooks_change_nothing(world):
    twilio = world["twilio"]
    burst = Burst(world["stack"], prefix="270", calls=6, emails=0)
    twilio.replay_steps_to.update(burst.phones)
    burst.run(duration=2)
    figures = settle(burst, world["db"], twilio, world["smtp"], timeout=SETTLE_SECONDS)
    print("\n" + figures.line("replayed next/dialed webhooks"))
    assert_nothing_lost_doubled_or_stuck(figures)
    for phone in burst.phones:
        legs = world["db"].rows("SELECT l.status FROM calls_callleg l JOIN calls_callsession s ON s.id = l.session_id "
                                "WHERE s.phone = %s AND NOT l.is_district_office", (phone,))
        assert legs and all(status == "completed" for (status,) in legs), (phone, legs)
        assert len(twilio.transcript_for(phone).dialed) == len(legs)

"""Many writers hitting the same counter rows at once, on PostgreSQL: not one count is lost or doubled.

Every writer starts on counter rows that do not exist yet, so both the insert race (two writers creating the
same minute's row) and the update race (value = value + n on a hot row) are exercised.
"""

import os
import subprocess
import sys
import threading
import time

import pytest
from django.db import connection, transaction

from advocacy.dashboard.counters import record_contact, record_supporter
from advocacy.dashboard.models import Metric, MinuteCount, PlaceCount, TargetCount
from advocacy.dashboard.selectors import campaign_totals
from targets.models import Target
from tests import services
from tests.services import ROOT, require_postgres_and_redis

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

WRITERS = 8
CONTACTS_PER_WRITER = 150


def record_attempts(campaign_id: int, target_id: int, writer: int, count: int) -> None:
    """One writer's share: each attempt in its own transaction, as a delivery task or webhook would do it."""
    import datetime as dt

    start = dt.datetime(2026, 11, 24, 17, 0, tzinfo=dt.UTC)
    for n in range(count):
        with transaction.atomic():
            at = start + dt.timedelta(minutes=n % 5)
            record_contact(campaign_id=campaign_id, metric=Metric.CALL_CONNECTED, at=at, target_id=target_id,
                           state="NY", district=10)
            record_contact(campaign_id=campaign_id, metric=Metric.TALK_SECONDS, amount=7, at=at,
                           target_id=target_id, state="NY", district=10)
            record_supporter(campaign_id=campaign_id, identity=f"+1802555{n % 40:04d}", at=at)


def assert_exact(campaign, writers: int, per_writer: int) -> None:
    total = writers * per_writer
    totals = campaign_totals(campaign=campaign)
    assert totals["calls_connected"] == total
    assert totals["talk_minutes"] == round(total * 7 / 60, 1)
    assert totals["unique_supporters"] == 40
    rows = MinuteCount.objects.filter(campaign=campaign, metric=Metric.CALL_CONNECTED)
    assert sorted(rows.values_list("value", flat=True)) == [total // 5] * 5  # one row per minute, none duplicated
    assert TargetCount.objects.get(campaign=campaign, metric=Metric.TALK_SECONDS).value == total * 7
    assert PlaceCount.objects.get(campaign=campaign, metric=Metric.CALL_CONNECTED).value == total


def test_threads_recording_at_once_lose_no_counts(campaign):
    require_postgres_and_redis()
    target = Target.objects.get(key="G000599")
    barrier = threading.Barrier(WRITERS)
    errors: list[BaseException] = []

    def writer(number: int) -> None:
        try:
            barrier.wait()
            record_attempts(campaign.pk, target.pk, number, CONTACTS_PER_WRITER)
        except BaseException as exc:  # surfaced in the main thread below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert not errors, errors
    assert_exact(campaign, WRITERS, CONTACTS_PER_WRITER)


WRITER_SCRIPT = """
import sys, time
from pathlib import Path
import django
django.setup()
from tests.dashboard.test_concurrent_writers import record_attempts
go = Path(sys.argv[1])
while not go.exists():
    time.sleep(0.01)
record_attempts(int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]))
"""


def test_separate_processes_recording_at_once_lose_no_counts(campaign, tmp_path):
    require_postgres_and_redis()
    target = Target.objects.get(key="G000599")
    go = tmp_path / "go"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "advocacy.settings",
           "DATABASE_URL": services.test_database_url(), "PYTHONPATH": str(ROOT)}
    processes = [
        subprocess.Popen([sys.executable, "-c", WRITER_SCRIPT, str(go), str(campaign.pk), str(target.pk), str(n),
                          str(CONTACTS_PER_WRITER)], cwd=ROOT, env=env,
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        for n in range(WRITERS)
    ]
    time.sleep(2)  # let every process import Django and wait at the line
    go.touch()
    outputs = [process.communicate(timeout=180)[0].decode() for process in processes]

    assert [p.returncode for p in processes] == [0] * WRITERS, outputs
    assert_exact(campaign, WRITERS, CONTACTS_PER_WRITER)

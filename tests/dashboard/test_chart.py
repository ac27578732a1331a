"""The activity chart: zoomed to the last hour of activity by default, the whole window bucketed on demand,
summed by the database into one row per bar."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from advocacy.dashboard.chart import activity_chart, bucket_minutes
from advocacy.dashboard.counters import record_contact
from advocacy.dashboard.models import Metric

pytestmark = pytest.mark.django_db

DAY = dt.datetime(2026, 11, 24, 5, 0, tzinfo=dt.UTC)  # a 24-hour day of action


@pytest.fixture
def day_of_action(campaign):
    campaign.window_start, campaign.window_end = DAY, DAY + dt.timedelta(days=1)
    campaign.save()
    return campaign


def record(campaign, metric, minutes, amount=1):
    record_contact(campaign_id=campaign.pk, metric=metric, amount=amount,
                   at=DAY + dt.timedelta(minutes=minutes, seconds=20))


def test_bucket_sizes_are_round_and_fit_the_chart():
    assert [bucket_minutes(m) for m in (1, 60, 144, 145, 24 * 60, 7 * 24 * 60)] == [1, 1, 1, 2, 10, 120]


def test_the_whole_day_is_144_ten_minute_bars_summed_in_one_query(day_of_action):
    record(day_of_action, Metric.CALL_CONNECTED, 0)
    record(day_of_action, Metric.CALL_CONNECTED, 9, amount=2)  # same ten minutes as the first
    record(day_of_action, Metric.EMAIL_SENT, 10)
    record(day_of_action, Metric.WEBFORM_REPORTED, 19)
    record(day_of_action, Metric.CALL_ATTEMPTED, 20)  # not charted
    record(day_of_action, Metric.EMAIL_SENT, 24 * 60 - 1, amount=5)

    with CaptureQueriesContext(connection) as queries:
        chart = activity_chart(day_of_action, zoom="all", now=DAY + dt.timedelta(days=2))

    assert len(queries) == 2  # the activity's bounds, then the buckets
    assert chart["bucket_minutes"] == 10 and len(chart["points"]) == 144
    assert [(p["calls"], p["emails"]) for p in chart["points"][:3]] == [(3, 0), (0, 2), (0, 0)]
    assert chart["points"][-1] == {"minute": (DAY + dt.timedelta(minutes=1430)).isoformat(), "calls": 0, "emails": 5}
    assert sum(p["calls"] + p["emails"] for p in chart["points"]) == 10


def test_by_default_the_chart_zooms_to_the_last_hour_up_to_now(day_of_action):
    record(day_of_action, Metric.CALL_CONNECTED, 100)  # outside the last hour
    record(day_of_action, Metric.CALL_CONNECTED, 150, amount=4)
    now = DAY + dt.timedelta(minutes=170, seconds=5)

    chart = activity_chart(day_of_action, now=now)

    assert chart["bucket_minutes"] == 1 and len(chart["points"]) == 60
    assert chart["points"][0]["minute"] == (DAY + dt.timedelta(minutes=111)).isoformat()
    assert chart["points"][-1]["minute"] == (DAY + dt.timedelta(minutes=170)).isoformat()  # the current minute
    assert sum(p["calls"] for p in chart["points"]) == 4


def test_after_a_quiet_spell_the_zoom_shows_the_last_hour_that_had_activity(day_of_action):
    record(day_of_action, Metric.EMAIL_SENT, 30)
    chart = activity_chart(day_of_action, now=DAY + dt.timedelta(days=3))

    assert chart["end"] == (DAY + dt.timedelta(minutes=31)).isoformat()
    assert len(chart["points"]) == 31  # clipped at the window's start
    assert chart["points"][-1]["emails"] == 1


def test_before_the_window_opens_there_is_nothing_to_chart(day_of_action):
    assert activity_chart(day_of_action, now=DAY - dt.timedelta(hours=1))["points"] == []


def test_the_call_queue_shows_depth_waits_and_pace(campaign, settings):
    from advocacy.calls.models import CallSession
    from advocacy.dashboard.call_queue import call_queue

    settings.TWILIO_CALLS_PER_SECOND = 1.0
    now = dt.datetime(2026, 11, 24, 18, 0, tzinfo=dt.UTC)
    for n, wait in enumerate([2, 4, 6, 8, 100]):  # placed within the last minute, after waiting this long
        session = CallSession.objects.create(campaign=campaign, phone=f"+1802555{n:04d}", status="in_progress",
                                             placed_at=now - dt.timedelta(seconds=10 + n))
        CallSession.objects.filter(pk=session.pk).update(created_at=session.placed_at - dt.timedelta(seconds=wait))
    old = CallSession.objects.create(campaign=campaign, phone="+18025559998", status="completed",
                                     placed_at=now - dt.timedelta(hours=1))
    CallSession.objects.filter(pk=old.pk).update(created_at=old.placed_at - dt.timedelta(seconds=999))
    for n in range(3):
        CallSession.objects.create(campaign=campaign, phone=f"+1802556{n:04d}")  # still queued
    CallSession.objects.create(campaign=campaign, phone="+18025559999", is_preview=True)
    for n in range(2):  # call-backs asked for later: scheduled, not in the queue
        CallSession.objects.create(campaign=campaign, phone=f"+1802557{n:04d}", status="scheduled",
                                   scheduled_for=now + dt.timedelta(hours=1))

    assert call_queue(campaign_id=campaign.pk, now=now) == {
        "depth": 3, "calls_scheduled": 2, "wait_p50_seconds": 6.0, "wait_p95_seconds": 100.0,
        "placed_per_second": round(5 / 60, 2), "configured_per_second": 1.0}

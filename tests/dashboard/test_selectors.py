"""What the dashboard reads back from the counters that record_contact keeps."""

import datetime as dt

import pytest
from django.utils import timezone

from advocacy.dashboard.counters import record_contact, record_supporter
from advocacy.dashboard.models import Metric, MinuteCount
from advocacy.dashboard.selectors import campaign_totals, dashboard_stats
from targets.models import Target

pytestmark = pytest.mark.django_db

START = dt.datetime(2026, 11, 24, 17, 0, tzinfo=dt.UTC)


@pytest.fixture
def action_hour(campaign):
    campaign.window_start, campaign.window_end = START, START + dt.timedelta(minutes=10)
    campaign.goal_calls, campaign.goal_emails = 8, 4
    campaign.save()
    return campaign


def record(campaign, metric, *, minute=0, amount=1, target=None, state="", district=None):
    at = START + dt.timedelta(minutes=minute, seconds=30)
    record_contact(campaign_id=campaign.pk, metric=metric, amount=amount, at=at,
                   target_id=target.pk if target else None, state=state, district=district)


def test_totals_tables_and_goals_add_up_from_each_recorded_contact(action_hour):
    goldman, schumer = Target.objects.get(key="G000599"), Target.objects.get(key="S000148")
    for phone in ("+18025550101", "+18025550102", " +18025550101 "):  # the third is the first again
        record(action_hour, Metric.CALL_SESSION_STARTED, minute=1)
        record_supporter(campaign_id=action_hour.pk, identity=phone, at=START)
    record(action_hour, Metric.SUPPORTER_CONNECTED, minute=1, amount=2)
    for seconds in (60, 120):
        record(action_hour, Metric.CALL_ATTEMPTED, minute=2, target=goldman, state="NY", district=10)
        record(action_hour, Metric.CALL_CONNECTED, minute=2, target=goldman, state="NY", district=10)
        record(action_hour, Metric.TALK_SECONDS, minute=2, amount=seconds, target=goldman, state="NY", district=10)
    record(action_hour, Metric.CALL_ATTEMPTED, minute=3, target=schumer, state="NY")
    record(action_hour, Metric.CALL_BUSY, minute=3, target=schumer, state="NY")
    record(action_hour, Metric.CALL_ATTEMPTED, minute=3, target=schumer, state="VT", district=0)
    record(action_hour, Metric.CALL_NO_ANSWER, minute=3, target=schumer, state="VT", district=0)
    record(action_hour, Metric.EMAIL_SENT, minute=5, target=goldman, state="NY", district=10)
    record(action_hour, Metric.EMAIL_DELIVERED, minute=6, target=goldman, state="NY", district=10)
    record(action_hour, Metric.WEBFORM_REPORTED, minute=9, target=schumer, state="NY", district=10)
    record(action_hour, Metric.OUTCOME_REPORTED, minute=4)
    record(action_hour, Metric.OUTCOME_LEFT_VOICEMAIL, minute=4)

    stats = dashboard_stats(campaign=action_hour)

    assert campaign_totals(campaign=action_hour) == stats["totals"] == {
        "call_sessions": 3, "supporters_connected": 2, "calls_attempted": 4, "calls_connected": 2,
        "talk_minutes": 3.0, "calls_busy": 1, "calls_no_answer": 1, "calls_failed": 0, "emails_sent": 1,
        "emails_delivered": 1, "emails_bounced": 0, "webform_reported": 1, "cwc_delivered": 0, "webform_opened": 0,
        "unique_supporters": 2,
    }
    assert stats["goals"] == {"calls": {"goal": 8, "done": 2, "percent": 25.0},
                              "emails": {"goal": 4, "done": 2, "percent": 50.0}}
    assert [(row["id"], row["contacts"], row["calls_connected"], row["average_call_seconds"], row["busy"],
             row["no_answer"], row["emails"]) for row in stats["targets"]] == [
        ("G000599", 3, 2, 90, 0, 0, 1), ("S000148", 3, 0, 0, 1, 1, 1)]
    assert stats["top_states"] == [{"state": "NY", "contacts": 5}, {"state": "VT", "contacts": 1}]
    assert stats["top_districts"] == [{"district": "NY-10", "contacts": 4}, {"district": "VT-AL", "contacts": 1}]
    assert stats["outcomes"] == {"spoke_to_staff": 0, "left_voicemail": 1, "line_busy": 0, "no_answer": 0, "other": 0}
    assert [(p["calls"], p["emails"]) for p in stats["per_minute"]] == [
        (0, 0), (0, 0), (2, 0), (0, 0), (0, 0), (0, 1), (0, 0), (0, 0), (0, 0), (0, 1)]
    assert stats["per_minute"][0]["minute"] == START.isoformat()


def test_counts_are_rollups_not_rows(action_hour):
    for _ in range(50):
        record(action_hour, Metric.CALL_CONNECTED, minute=2)

    assert MinuteCount.objects.filter(campaign=action_hour).count() == 1
    assert campaign_totals(campaign=action_hour)["calls_connected"] == 50


def test_without_a_window_the_chart_spans_the_recorded_minutes(campaign):
    campaign.window_start = campaign.window_end = None
    campaign.save()
    record(campaign, Metric.EMAIL_SENT, minute=3)
    record(campaign, Metric.CALL_CONNECTED, minute=6)

    series = dashboard_stats(campaign=campaign)["per_minute"]

    assert [(p["calls"], p["emails"]) for p in series] == [(0, 1), (0, 0), (0, 0), (1, 0)]


def test_a_campaign_with_nothing_recorded_shows_zeros(campaign):
    campaign.window_start = campaign.window_end = None
    campaign.save()
    stats = dashboard_stats(campaign=campaign)

    assert set(stats["totals"].values()) == {0}
    assert stats["per_minute"] == [] and stats["targets"] == [] and stats["goals"]["calls"]["percent"] is None


def test_an_unknown_metric_is_refused_rather_than_silently_counted(campaign):
    with pytest.raises(ValueError):
        record_contact(campaign_id=campaign.pk, metric="calls_connected_typo", at=timezone.now())
    assert not MinuteCount.objects.exists()

"""Each counter is one INSERT … ON CONFLICT DO UPDATE: a recorded contact costs one statement per counter, whether
its rows exist yet or not, and on PostgreSQL one statement for all three (before: an UPDATE, then on a new row a
savepoint, an INSERT and its release)."""

import datetime as dt

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from advocacy.dashboard.counters import record_contact, record_supporter
from advocacy.dashboard.models import Metric, MinuteCount, PartnerCount, PlaceCount, TargetCount
from common.writes import save_fields, writes_together
from targets.models import Target

pytestmark = pytest.mark.django_db

AT = dt.datetime(2026, 11, 24, 17, 0, 30, tzinfo=dt.UTC)


def record(campaign, target, amount=1):
    record_contact(campaign_id=campaign.pk, metric=Metric.CALL_CONNECTED, amount=amount, at=AT, target_id=target.pk,
                   state="NY", district=10)


def test_a_contact_is_one_statement_per_counter_on_new_and_existing_rows(campaign):
    goldman = Target.objects.get(key="G000599")
    with CaptureQueriesContext(connection) as new_rows:
        record(campaign, goldman)
    with CaptureQueriesContext(connection) as existing_rows:
        record(campaign, goldman, amount=4)

    per_contact = 1 if connection.vendor == "postgresql" else 3  # PostgreSQL: the three upserts in one WITH statement
    assert len(new_rows) == len(existing_rows) == per_contact, [q["sql"] for q in new_rows + existing_rows]
    assert all("ON CONFLICT" in q["sql"] for q in new_rows.captured_queries + existing_rows.captured_queries)
    for model in (MinuteCount, TargetCount, PlaceCount):
        assert model.objects.get(campaign=campaign, metric=Metric.CALL_CONNECTED).value == 5
    assert MinuteCount.objects.get(campaign=campaign).minute == AT.replace(second=0)


def test_a_supporter_is_counted_once_in_two_statements(campaign):
    with CaptureQueriesContext(connection) as first:
        assert record_supporter(campaign_id=campaign.pk, identity="+18025550101", at=AT) is True
    with CaptureQueriesContext(connection) as again:
        assert record_supporter(campaign_id=campaign.pk, identity=" +18025550101 ", at=AT) is False

    assert (len(first), len(again)) == (2, 1)
    assert MinuteCount.objects.get(campaign=campaign, metric=Metric.UNIQUE_SUPPORTERS).value == 1


def test_a_partners_contact_adds_its_counter_to_the_same_round_trip(campaign):
    """Partner traffic: one more upsert (in the same WITH statement on PostgreSQL); other metrics write none."""
    goldman = Target.objects.get(key="G000599")
    with CaptureQueriesContext(connection) as partner:
        record_contact(campaign_id=campaign.pk, metric=Metric.CALL_CONNECTED, at=AT, target_id=goldman.pk,
                       state="NY", district=10, partner_code="unidos")
    with CaptureQueriesContext(connection) as other_metric:
        record_contact(campaign_id=campaign.pk, metric=Metric.TALK_SECONDS, amount=30, at=AT, target_id=goldman.pk,
                       state="NY", district=10, partner_code="unidos")

    assert len(partner) == (1 if connection.vendor == "postgresql" else 4)
    assert len(other_metric) == (1 if connection.vendor == "postgresql" else 3)
    assert list(PartnerCount.objects.values_list("partner_code", "metric", "value")) == [
        ("unidos", Metric.CALL_CONNECTED, 1)]
    assert MinuteCount.objects.get(campaign=campaign, metric=Metric.CALL_CONNECTED).value == 1


def test_a_steps_writes_and_counts_go_together_and_the_same_counter_is_summed(campaign):
    """writes_together(): on PostgreSQL one statement for the row's update and every counter, the same counter
    row twice summed into one upsert (a statement may not touch a row twice); elsewhere one statement each."""
    goldman = Target.objects.get(key="G000599")
    with CaptureQueriesContext(connection) as queries, transaction.atomic(), writes_together():
        save_fields(goldman.__class__(pk=goldman.pk, phone="+12025550199"), "phone")
        record(campaign, goldman, amount=2)
        record(campaign, goldman, amount=3)
    statements = [q["sql"] for q in queries.captured_queries if not q["sql"].startswith(("SAVEPOINT", "RELEASE"))]

    assert len(statements) == (1 if connection.vendor == "postgresql" else 4), statements
    assert Target.objects.get(pk=goldman.pk).phone == "+12025550199"
    for model in (MinuteCount, TargetCount, PlaceCount):
        assert model.objects.get(campaign=campaign, metric=Metric.CALL_CONNECTED).value == 5


def test_writes_together_sends_nothing_when_its_block_raises(campaign):
    goldman = Target.objects.get(key="G000599")
    with CaptureQueriesContext(connection) as queries, pytest.raises(RuntimeError), transaction.atomic():
        with writes_together():
            record(campaign, goldman)
            raise RuntimeError("the step failed")
    record(campaign, goldman, amount=4)  # after the block: at once

    if connection.vendor == "postgresql":  # elsewhere the count ran at once, and its transaction rolled it back
        assert not [q for q in queries.captured_queries if "dashboard_" in q["sql"]]
    assert MinuteCount.objects.get(campaign=campaign, metric=Metric.CALL_CONNECTED).value == 4


def test_two_counters_of_one_table_in_a_block_are_one_multi_row_insert(campaign):
    """A new call counts its start and a new supporter in the same minute: one INSERT for both minute rows."""
    with CaptureQueriesContext(connection) as queries, transaction.atomic(), writes_together():
        record_contact(campaign_id=campaign.pk, metric=Metric.CALL_SESSION_STARTED, at=AT)
        record_supporter(campaign_id=campaign.pk, identity="+18025550101", at=AT)
    minute_rows = [q["sql"] for q in queries.captured_queries if 'INTO "dashboard_minutecount"' in q["sql"]]

    assert len(minute_rows) == 1 and minute_rows[0].count("), (") == 1, minute_rows
    counted = dict(MinuteCount.objects.filter(campaign=campaign).values_list("metric", "value"))
    assert counted == {Metric.CALL_SESSION_STARTED.value: 1, Metric.UNIQUE_SUPPORTERS.value: 1}

"""common/compiled.py and common/writes.py: a read compiled once runs with each call's own arguments; fixed writes."""

import datetime as dt
import uuid

import pytest
from django.db import connection
from django.db.models import Value
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from advocacy.calls.models import CallLeg, CallSession
from common.compiled import CompiledRead
from common.writes import insert_rows, new_instance, save_fields, update_where

pytestmark = pytest.mark.django_db


def _session(campaign, phone):
    return CallSession.objects.create(campaign=campaign, phone=phone, zip_code="10002", state="NY", district=10)


def test_each_call_reads_its_own_row_with_related_objects_and_annotations(campaign):
    first, second = _session(campaign, "+18025550101"), _session(campaign, "+18025550102")
    CallLeg.objects.create(session=second, campaign=campaign, position=0, template_kind="member")
    read = CompiledRead(lambda session_id: CallLeg.objects.select_related("session")
                        .filter(session_id=session_id).annotate(n=Value(7)),
                        uuid.UUID)
    assert read(first.pk) == []
    legs = read(str(second.pk))  # a string from a URL works too
    with CaptureQueriesContext(connection) as queries:
        assert legs[0].session.phone == "+18025550102"  # select_related: no further query
        assert legs[0].n == 7
    assert not queries.captured_queries
    assert read(first.pk) == [] and read(second.pk)[0].pk == legs[0].pk


def test_a_shape_that_ignores_its_argument_is_refused(campaign):
    read = CompiledRead(lambda session_id: CallSession.objects.filter(phone="+1"), uuid.UUID)
    with pytest.raises(ValueError, match="does not appear"):
        read(uuid.uuid4())


def test_save_fields_writes_only_the_named_columns(campaign):
    session = _session(campaign, "+18025550103")
    stale = CallSession.objects.get(pk=session.pk)
    CallSession.objects.filter(pk=session.pk).update(zip_code="05401")
    stale.step, stale.zip_code = 3, "99999"
    save_fields(stale, "step")
    fresh = CallSession.objects.get(pk=session.pk)
    assert (fresh.step, fresh.zip_code) == (3, "05401")


def test_update_where_changes_only_the_rows_that_still_match(campaign):
    leased, taken = _session(campaign, "+18025550104"), _session(campaign, "+18025550105")
    CallSession.objects.filter(pk=taken.pk).update(twilio_sid="CA" + "5" * 32)
    until = timezone.now() + dt.timedelta(seconds=30)

    assert update_where(CallSession, {"placing_lease_until": until, "step": 2}, id=leased.pk, twilio_sid="") == 1
    assert update_where(CallSession, {"placing_lease_until": until}, id=taken.pk, twilio_sid="") == 0
    assert update_where(CallSession, {"step": 4}, id=str(leased.pk), twilio_sid="") == 1  # an id as a URL has it

    assert CallSession.objects.get(pk=leased.pk).placing_lease_until == until
    assert CallSession.objects.get(pk=leased.pk).step == 4
    assert CallSession.objects.get(pk=taken.pk).placing_lease_until is None


def test_insert_rows_stores_each_kind_of_value_as_django_would(campaign):
    when = timezone.now() - dt.timedelta(minutes=3)
    session = CallSession(campaign=campaign, phone="+18025550106", zip_code="10002", state="NY", district=None,
                          ip_address="203.0.113.9", status=CallSession.Status.SCHEDULED, scheduled_for=when,
                          is_preview=True, step=2, first_name="Ana")
    insert_rows([session])

    stored = CallSession.objects.get(pk=session.pk)
    assert (stored.campaign_id, stored.phone, stored.district, stored.ip_address, stored.status) == (
        campaign.pk, "+18025550106", None, "203.0.113.9", "scheduled")
    assert (stored.scheduled_for, stored.is_preview, stored.step, stored.first_name) == (when, True, 2, "Ana")
    assert stored.created_at is not None and stored.placing_lease_until is None


def test_a_new_instance_has_its_values_its_defaults_and_its_related_objects(campaign):
    first = new_instance(CallSession, campaign=campaign, phone="+18025550101", zip_code="10002")
    second = new_instance(CallSession, campaign_id=campaign.pk, phone="+18025550102")

    assert first.campaign is campaign and first.campaign_id == campaign.pk  # cached: no query to read it
    assert first.status == CallSession.Status.QUEUED and first.language == "en" and first.district is None
    assert isinstance(first.pk, uuid.UUID) and first.pk != second.pk  # a callable default, called each time
    with pytest.raises(TypeError, match="no field"):
        new_instance(CallSession, campaign=campaign, phone_number="+1")
    insert_rows([first, second])
    assert CallSession.objects.get(pk=first.pk).zip_code == "10002"
    stored = CallSession.objects.get(pk=second.pk)
    assert stored.campaign_id == campaign.pk and stored.status == "queued" and stored.created_at is not None

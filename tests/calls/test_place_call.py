"""place_call through the twilio client against the fake Twilio's REST API: once, and only once, per session."""

import datetime as dt

import pytest
from celery.exceptions import Retry
from django.utils import timezone

from advocacy.calls.models import CallSession
from advocacy.calls.tasks import place_call

pytestmark = pytest.mark.django_db


@pytest.fixture
def queued(campaign):
    return CallSession.objects.create(campaign=campaign, phone="+18025550142", zip_code="10002")


def test_the_call_is_created_with_our_webhooks_and_limits(fake_api, queued, settings):
    place_call.apply(args=[str(queued.pk)])

    queued.refresh_from_db()
    params = fake_api.calls[queued.twilio_sid]["params"]
    assert params["To"] == "+18025550142" and params["From"] == "+12025550100"
    assert params["Url"] == f"https://calls.example.org/calls/twiml/{queued.pk}/answer"
    assert params["StatusCallback"] == f"https://calls.example.org/calls/status/{queued.pk}"
    assert params["TimeLimit"] == str(settings.CALL_MAX_SECONDS)
    assert queued.status == CallSession.Status.PLACING and queued.place_attempts == 1


def test_running_the_task_twice_places_one_call(fake_api, queued):
    place_call.apply(args=[str(queued.pk)])
    place_call.apply(args=[str(queued.pk)])

    assert len(fake_api.created) == 1


def test_a_redelivered_task_finds_the_call_a_dead_worker_placed_even_if_only_queued(fake_api, queued):
    place_call.apply(args=[str(queued.pk)])
    sid = CallSession.objects.get(pk=queued.pk).twilio_sid
    assert fake_api.calls[sid]["status"] == "queued"  # Twilio has not started it: it has no start time yet
    # The worker died after Twilio created the call but before the sid was saved; its lease ran out:
    CallSession.objects.filter(pk=queued.pk).update(twilio_sid="", placing_lease_until=timezone.now())

    place_call.apply(args=[str(queued.pk)])

    assert len(fake_api.created) == 1
    assert CallSession.objects.get(pk=queued.pk).twilio_sid == sid


def test_a_duplicate_delivery_leaves_a_call_being_placed_alone(fake_api, queued, settings):
    settings.CALL_PLACING_LEASE_SECONDS = 120
    CallSession.objects.filter(pk=queued.pk).update(
        status=CallSession.Status.PLACING, placing_token="another-run",
        placing_lease_until=timezone.now() + dt.timedelta(seconds=120))

    with pytest.raises(Retry) as retry:  # eager mode raises what a worker would schedule
        place_call.apply(args=[str(queued.pk)], throw=True)

    assert 110 < retry.value.when <= 121  # it looks again once the other run's lease has run out
    assert fake_api.created == []


def test_a_permanent_error_fails_the_session_without_retrying(fake_api, queued):
    fake_api.fail_next = [400]

    place_call.apply(args=[str(queued.pk)])

    queued.refresh_from_db()
    assert queued.status == CallSession.Status.FAILED and "Twilio 400" in queued.last_error
    assert fake_api.created == [] and len([r for r in fake_api.requests if r["method"] == "POST"]) == 1


@pytest.mark.integration
@pytest.mark.django_db(transaction=True)
def test_a_run_that_outlived_its_lease_does_not_place_a_second_call(fake_api, campaign, settings):
    """Two redeliveries of a call whose worker died mid-placing. Run A claims it and asks Twilio whether the call
    exists, a look-up that outlasts A's lease; run B takes the session over, finds nothing and places the call.
    When A's answer comes its lease is gone: it stops."""
    import threading
    import time

    from tests.services import require_postgres_and_redis

    require_postgres_and_redis()
    settings.CALL_PLACING_LEASE_SECONDS = 1
    fake_api.list_delay = 2.0
    session = CallSession.objects.create(campaign=campaign, phone="+18025550142", zip_code="10002",
                                         status=CallSession.Status.PLACING, placing_token="dead-worker",
                                         placing_lease_until=timezone.now(), slot_at=timezone.now())
    results = {}
    run_a = threading.Thread(target=lambda: results.setdefault("a", place_call.apply(args=[str(session.pk)]).get()))
    run_a.start()
    time.sleep(1.5)

    results["b"] = place_call.apply(args=[str(session.pk)]).get()
    run_a.join(10)

    assert results["a"] == "lease lost" and results["b"].startswith("CA")
    assert len(fake_api.created) == 1
    assert CallSession.objects.get(pk=session.pk).place_attempts == 2


def test_a_create_whose_answer_was_lost_is_looked_up_before_it_is_retried(fake_api, queued, settings):
    """Twilio created the call but its answer came after our timeout: the retry finds it instead of calling twice."""
    settings.TWILIO_REQUEST_TIMEOUT_SECONDS = 0.5
    fake_api.slow_answers = [1.5]

    place_call.apply(args=[str(queued.pk)])  # eager: the retry runs at once

    queued.refresh_from_db()
    assert len(fake_api.created) == 1 and queued.twilio_sid == fake_api.created[0]["sid"]
    assert queued.place_attempts == 2

"""The calls reconciler (the beat task), against the fake Twilio's REST API: lost calls are placed once,
sessions whose status callbacks were lost are finished with Twilio's own answer, and never hold a line."""

import datetime as dt

import pytest
from django.utils import timezone

from advocacy.calls import selectors
from advocacy.calls.models import CallLeg, CallSession
from advocacy.calls.tasks import reconcile_calls
from tests.calls.conftest import request_call

pytestmark = pytest.mark.django_db


def ago(**kwargs):
    return timezone.now() - dt.timedelta(**kwargs)


@pytest.fixture
def ringing_long_ago(campaign):
    """A call Twilio placed 20 minutes ago whose status callbacks never arrived."""
    session = CallSession.objects.create(campaign=campaign, phone="+18025550199", status=CallSession.Status.RINGING,
                                         placed_at=ago(minutes=20), twilio_sid="CA" + "7" * 32)
    CallLeg.objects.create(session=session, campaign=campaign, position=0)
    return session


def twilio_knows(fake_api, sid, status):
    fake_api.calls[sid] = {"sid": sid, "to": "+18025550142", "from": "+12025550100", "url": "", "params": {},
                           "status_callback": "", "time_limit": None, "status": status, "created": timezone.now()}


def test_a_lost_queued_call_is_placed_once_however_often_the_reconciler_runs(fake_api, campaign,
                                                                           django_capture_on_commit_callbacks):
    session = CallSession.objects.create(campaign=campaign, phone="+18025550142")  # its task never reached a worker
    CallSession.objects.filter(pk=session.pk).update(created_at=ago(minutes=3))

    for _ in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            reconcile_calls.apply()

    session.refresh_from_db()
    assert len(fake_api.created) == 1 and session.twilio_sid == fake_api.created[0]["sid"]
    assert session.requeued_at is not None and session.place_attempts == 1


def test_a_call_still_being_placed_or_just_requested_is_left_alone(fake_api, campaign):
    CallSession.objects.create(campaign=campaign, phone="+18025550142")  # just now: its task is on its way
    CallSession.objects.create(campaign=campaign, phone="+18025550143", status=CallSession.Status.PLACING,
                               placing_lease_until=timezone.now() + dt.timedelta(minutes=1))
    CallSession.objects.filter(phone="+18025550143").update(created_at=ago(minutes=3))

    reconcile_calls.apply()

    assert fake_api.created == [] and not CallSession.objects.filter(requeued_at__isnull=False).exists()


@pytest.mark.parametrize("twilio_status,expected", [("completed", "completed"), ("no-answer", "no_answer")])
def test_a_stale_session_is_finished_with_the_status_twilio_reports(fake_api, ringing_long_ago, twilio_status,
                                                                   expected):
    twilio_knows(fake_api, ringing_long_ago.twilio_sid, twilio_status)

    reconcile_calls.apply()

    ringing_long_ago.refresh_from_db()
    assert ringing_long_ago.status == expected and ringing_long_ago.ended_at is not None
    assert [r["path"].rsplit("/", 1)[1] for r in fake_api.requests] == [f"{ringing_long_ago.twilio_sid}.json"]
    assert {leg.status for leg in ringing_long_ago.legs.all()} == {CallLeg.Status.SKIPPED}


def test_a_stale_session_twilio_does_not_know_fails_with_a_reason(fake_api, ringing_long_ago):
    reconcile_calls.apply()

    ringing_long_ago.refresh_from_db()
    assert ringing_long_ago.status == CallSession.Status.FAILED and "no such call" in ringing_long_ago.last_error


def test_a_call_twilio_says_is_still_running_is_left_running(fake_api, ringing_long_ago):
    twilio_knows(fake_api, ringing_long_ago.twilio_sid, "in-progress")

    reconcile_calls.apply()

    assert CallSession.objects.get(pk=ringing_long_ago.pk).status == CallSession.Status.RINGING


def test_stale_sessions_never_hold_a_line(client, campaign, settings, ringing_long_ago):
    settings.CALL_MAX_CONCURRENT_PER_CAMPAIGN = 1
    CallSession.objects.filter(pk=ringing_long_ago.pk).update(placed_at=ago(minutes=5))
    assert request_call(client, campaign).json()["error"]["code"] == "busy"  # still fresh: it holds the line

    CallSession.objects.filter(pk=ringing_long_ago.pk).update(placed_at=ago(minutes=20))

    assert request_call(client, campaign).status_code == 202


def test_the_reconciler_runs_every_minute(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["reconcile-calls"]
    assert entry == {"task": reconcile_calls.name, "schedule": 60}


def test_a_call_re_sent_long_ago_and_still_never_placed_is_failed_with_a_reason(fake_api, campaign):
    session = CallSession.objects.create(campaign=campaign, phone="+18025550142")
    CallSession.objects.filter(pk=session.pk).update(created_at=ago(hours=2), requeued_at=ago(hours=2))

    reconcile_calls.apply()

    session.refresh_from_db()
    assert session.status == CallSession.Status.FAILED and session.last_error == "never placed"
    assert fake_api.created == []  # re-sent once already: not again


def talking(campaign, *, minutes: int, digit: str) -> CallSession:
    """A call answered `minutes` ago whose final status callback never came."""
    return CallSession.objects.create(campaign=campaign, phone="+1802555014" + digit, twilio_sid="CA" + digit * 32,
                                      status=CallSession.Status.IN_PROGRESS, placed_at=ago(minutes=minutes))


def test_a_call_in_progress_whose_final_callback_was_lost_is_finished_from_twilio(fake_api, campaign):
    """It is asked about after CALL_STALE_AFTER_SECONDS, not only after CALL_MAX_SECONDS: the line is freed."""
    old, young = talking(campaign, minutes=20, digit="8"), talking(campaign, minutes=5, digit="9")
    twilio_knows(fake_api, old.twilio_sid, "completed")

    reconcile_calls.apply()

    assert CallSession.objects.get(pk=old.pk).status == CallSession.Status.COMPLETED
    assert CallSession.objects.get(pk=young.pk).status == CallSession.Status.IN_PROGRESS
    assert [r["path"].rsplit("/", 1)[1] for r in fake_api.requests] == [f"{old.twilio_sid}.json"]


def test_a_long_call_twilio_says_is_live_stays_live_and_holds_its_line(fake_api, campaign):
    session = talking(campaign, minutes=20, digit="8")
    twilio_knows(fake_api, session.twilio_sid, "in-progress")

    reconcile_calls.apply()

    assert CallSession.objects.get(pk=session.pk).status == CallSession.Status.IN_PROGRESS
    assert selectors.live_call_count(campaign=campaign) == 1

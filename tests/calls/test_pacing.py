"""Pacing by reservation and ETA: reservations spaced by each account's rate, a call that runs before its slot
handed back to Celery instead of sleeping, the account pool (TWILIO_ACCOUNTS) and its webhook signatures, and a
lost call re-sent at the back of the queue. The burst across worker processes: e2e/test_burst.py."""

import datetime as dt
import time

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

from advocacy.calls import pacing, placing
from advocacy.calls.models import CallSession
from advocacy.calls.tasks import place_call
from advocacy.providers import telephony
from advocacy.providers.twilio_accounts import twilio_accounts
from tests.conftest import ACCOUNT_SID, AUTH_TOKEN

pytestmark = pytest.mark.django_db
SECOND_SID, SECOND_TOKEN = "AC" + "2" * 32, "second-auth-token"


@pytest.fixture
def two_accounts(fake_api, settings):
    """The fake serves both accounts; the primary places 2 calls a second, the second 1."""
    fake_api.tokens[SECOND_SID] = SECOND_TOKEN
    settings.TWILIO_ACCOUNTS = f"{ACCOUNT_SID}:{AUTH_TOKEN}:2,{SECOND_SID}:{SECOND_TOKEN}:1"
    return fake_api


def test_reservations_are_spaced_by_the_rate(settings):
    slots = [pacing.reserve_slot("unit", rate=4) for _ in range(5)]

    assert [round(b - a, 3) for a, b in zip(slots, slots[1:], strict=False)] == [0.25] * 4


def test_two_accounts_are_each_paced_at_their_own_rate(settings):
    settings.TWILIO_ACCOUNTS = "ACfast:t1:2,ACslow:t2:1"
    now = time.time() + 1000  # past any clock this test database has seen
    slots = [pacing.reserve(now=now) for _ in range(9)]

    by_account = {sid: [s.at - now for s in slots if s.account_sid == sid] for sid in ("ACfast", "ACslow")}
    assert by_account == {"ACfast": [0, 0.5, 1.0, 1.5, 2.0, 2.5], "ACslow": [0, 1.0, 2.0]}
    assert max(s.at for s in slots) - now == 2.5  # 9 calls in 3 seconds: the pool's 3 calls a second


@pytest.mark.parametrize("raw", ['[{"sid": "ACa", "token": "t", "cps": 5}, {"sid": "ACb", "token": "u"}]',
                                 "ACa:t:5, ACb:u"])
def test_the_account_pool_is_read_from_json_or_a_list(settings, raw):
    settings.TWILIO_ACCOUNTS, settings.TWILIO_CALLS_PER_SECOND = raw, 1.0

    assert [(a.sid, a.token, a.calls_per_second) for a in twilio_accounts()] == [("ACa", "t", 5.0), ("ACb", "u", 1.0)]


@pytest.mark.parametrize("raw", ["ACa", "ACa::1", "ACa:t:0", "[]"])
def test_a_broken_account_pool_is_refused_clearly(settings, raw):
    settings.TWILIO_ACCOUNTS = raw

    with pytest.raises(ImproperlyConfigured, match="TWILIO_ACCOUNTS"):
        twilio_accounts()


def test_a_call_that_runs_before_its_slot_is_handed_back_without_sleeping(fake_api, campaign, settings):
    settings.TWILIO_CALLS_PER_SECOND = 0.1  # one call every 10 s
    first, second = (CallSession.objects.create(campaign=campaign, phone=f"+1802555014{n}") for n in range(2))
    placing.place_session_call(session_id=first.pk)

    began = time.monotonic()
    with pytest.raises(placing.PlaceAt) as early:
        placing.place_session_call(session_id=second.pk)

    assert time.monotonic() - began < 1.0  # no sleep: the task is re-sent with eta= its slot
    second.refresh_from_db()
    assert early.value.at == second.slot_at and 9 < (second.slot_at - timezone.now()).total_seconds() <= 10
    assert len(fake_api.created) == 1 and second.status == CallSession.Status.QUEUED and not second.twilio_sid


def test_late_calls_do_not_leave_together(fake_api, campaign, settings):
    settings.TWILIO_CALLS_PER_SECOND = 1.0
    late = [CallSession.objects.create(campaign=campaign, phone=f"+1802555014{n}") for n in range(2)]
    CallSession.objects.filter(pk__in=[s.pk for s in late]).update(  # both slots passed: their worker fell behind
        slot_at=timezone.now() - dt.timedelta(seconds=5), twilio_account=ACCOUNT_SID)

    placing.place_session_call(session_id=late[0].pk)
    with pytest.raises(placing.PlaceAt) as turn:
        placing.place_session_call(session_id=late[1].pk)

    assert len(fake_api.created) == 1 and 0.8 < (turn.value.at - timezone.now()).total_seconds() <= 1.0


def test_a_call_is_placed_from_the_account_whose_slot_it_got(two_accounts, campaign):
    sessions = [CallSession.objects.create(campaign=campaign, phone=f"+1802555014{n}") for n in range(2)]
    for session in sessions:
        CallSession.objects.filter(pk=session.pk).update(slot_at=timezone.now() - dt.timedelta(seconds=1),
                                                         twilio_account=SECOND_SID if session is sessions[1] else "")
        place_call.apply(args=[str(session.pk)])

    assert [c["account"] for c in two_accounts.created] == [ACCOUNT_SID, SECOND_SID]
    placed = CallSession.objects.get(pk=sessions[1].pk)
    assert placed.twilio_sid == two_accounts.created[1]["sid"]


def test_webhooks_are_checked_with_the_token_of_the_account_that_placed_the_call(two_accounts, campaign, client):
    session = CallSession.objects.create(campaign=campaign, phone="+18025550142", twilio_account=SECOND_SID,
                                         status=CallSession.Status.RINGING, twilio_sid="CA" + "3" * 32)
    url = f"https://calls.example.org/calls/status/{session.pk}"
    params = {"CallSid": session.twilio_sid, "CallStatus": "ringing", "AccountSid": SECOND_SID}

    def post(token):
        return client.post(f"/calls/status/{session.pk}", params, HTTP_X_TWILIO_SIGNATURE=telephony.sign(url, params,
                                                                                                           token))

    assert post(AUTH_TOKEN).status_code == 403  # the primary account's token does not sign this call's webhooks
    assert post(SECOND_TOKEN).status_code == 204


def test_a_lost_call_is_re_sent_at_the_back_of_the_queue(fake_api, campaign, settings,
                                                         django_capture_on_commit_callbacks):
    from advocacy.calls.tasks import reconcile_calls

    settings.TWILIO_CALLS_PER_SECOND = 0.1
    lost = CallSession.objects.create(campaign=campaign, phone="+18025550142")
    CallSession.objects.filter(pk=lost.pk).update(created_at=timezone.now() - dt.timedelta(minutes=10),
                                                  slot_at=timezone.now() - dt.timedelta(minutes=9))
    waiting = CallSession.objects.create(campaign=campaign, phone="+18025550143")
    pacing.reserve()  # a call placed just now
    with pytest.raises(placing.PlaceAt):  # the clock's next slot is now this call's, 10 s from now
        placing.place_session_call(session_id=waiting.pk)

    with django_capture_on_commit_callbacks(execute=False) as resent:
        reconcile_calls.apply()
    lost.refresh_from_db()
    waiting.refresh_from_db()
    assert len(resent) == 1 and lost.requeued_at is not None and lost.slot_at is None
    with pytest.raises(placing.PlaceAt):  # re-sent, it reserves a new slot behind the call already waiting
        placing.place_session_call(session_id=lost.pk)
    lost.refresh_from_db()
    assert lost.slot_at > waiting.slot_at and fake_api.created == []

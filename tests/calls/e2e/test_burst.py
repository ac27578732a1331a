"""Bursts of call requests placed by two worker processes through the twilio client against the fake Twilio: at
the configured pace, in order, none lost and none placed twice, with 429s and 503s retried; no worker sleeps
waiting for a slot (an email on the same worker pool goes out at once while the calls drain); and a pool of two
accounts, each paced at its own rate."""

import time

import pytest

from advocacy.calls import services
from advocacy.calls.models import CallSession
from advocacy.emails import services as emails
from advocacy.emails.models import EmailDelivery
from tests.calls.conftest import ACCOUNT_SID, AUTH_TOKEN
from tests.emails.test_smtp_delivery import smtp_env
from tests.fakes.smtp import FakeSMTPServer
from tests.fakes.twilio import FakeTwilio
from tests.services import require_postgres_and_redis, wait_for

RATE = 10.0  # calls per second; Twilio's default is 1, but a test of 100 calls should not take 100 s
SECOND_SID, SECOND_TOKEN = "AC" + "2" * 32, "second-auth-token"
# The worker fixture's 3-second visibility timeout (for redelivery tests) would cap each ETA at 1.5 s and make
# every waiting call hop through the pool twice a second; production's is an hour (ETAs up to 300 s).
PRODUCTION_LIKE = {"SECRET_KEY": "test-secret-key", "CELERY_VISIBILITY_TIMEOUT": "60"}


def busiest_second(times: list[float]) -> int:
    return max(sum(1 for t in times if start <= t < start + 1.0) for start in times)


def request_calls(campaign, count: int, prefix: str = "+1802555") -> list[str]:
    phones = [f"{prefix}{n:04d}" for n in range(count)]
    for phone in phones:
        services.start_call_session(campaign=campaign, phone=phone, zip_code="10002", ip_address="192.0.2.1")
    return phones


@pytest.fixture
def crowd(settings):
    settings.CALLS_PER_IP_PER_HOUR = 1000
    settings.CALL_MAX_PHONES_PER_IP_PER_DAY = 1000  # one IP stands in for a crowd here


@pytest.mark.integration
@pytest.mark.django_db(transaction=True)
def test_a_burst_is_placed_at_the_pace_once_each_and_no_worker_sleeps(email_campaign, celery_worker_process, crowd):
    require_postgres_and_redis()
    email_campaign.require_email_confirmation = False
    email_campaign.save()
    with FakeTwilio(account_sid=ACCOUNT_SID, auth_token=AUTH_TOKEN, drive_calls=False) as fake, \
            FakeSMTPServer() as smtp:
        fake.fail_next = [429, 429, 503]
        env = {**smtp_env(smtp), "TWILIO_ACCOUNT_SID": ACCOUNT_SID, "TWILIO_AUTH_TOKEN": AUTH_TOKEN,
               "TWILIO_API_BASE_URL": fake.url, "TWILIO_CALLS_PER_SECOND": str(RATE), **PRODUCTION_LIKE}
        # Two single-process workers, each taking calls and emails from the same pool: a worker that slept until
        # a call's slot would hold the email behind the call backlog.
        for _ in range(2):
            celery_worker_process(extra_env=env, concurrency=1, queues="calls,emails")
        phones = request_calls(email_campaign, 100)
        wait_for(lambda: len(fake.created) >= 5, timeout=30, message="the first calls to be placed")

        began = time.monotonic()
        emails.submit_email_action(campaign=email_campaign, name="Ana Ruiz", email="ana@example.org",
                                   zip_code="10002")
        wait_for(lambda: EmailDelivery.objects.filter(channel="email", status="sent").count() == 2, timeout=30,
                 interval=0.05, message="both offices' emails to be sent")
        waited, placed_meanwhile = time.monotonic() - began, len(fake.created)
        wait_for(lambda: CallSession.objects.exclude(twilio_sid="").count() == 100, timeout=120,
                 message="all 100 calls to be placed")

    assert waited < 2.0, f"the email waited {waited:.1f} s behind the calls: a worker slept"
    assert placed_meanwhile < 90  # the backlog was still draining when the email went out
    assert sorted(c["to"] for c in fake.created) == sorted(phones)  # none lost, none placed twice
    assert set(CallSession.objects.values_list("twilio_sid", flat=True)) == {c["sid"] for c in fake.created}
    times = sorted(c["at"] for c in fake.created)
    assert times[-1] - times[0] >= (len(times) - 1) / RATE * 0.9
    # Each call leaves at its reserved slot plus the task's wake-up and the HTTP request's own latency, so a
    # one-second window can catch a slot of jitter at either edge; more would mean two calls shared a slot.
    assert busiest_second(times) <= RATE + 2, [round(b - a, 3) for a, b in zip(times, times[1:], strict=False)]


@pytest.mark.integration
@pytest.mark.django_db(transaction=True)
def test_two_accounts_each_place_at_their_own_rate(campaign, celery_worker_process, crowd):
    require_postgres_and_redis()
    with FakeTwilio(account_sid=ACCOUNT_SID, auth_token=AUTH_TOKEN, drive_calls=False,
                    more_accounts={SECOND_SID: SECOND_TOKEN}) as fake:
        env = {"TWILIO_ACCOUNTS": f"{ACCOUNT_SID}:{AUTH_TOKEN}:6,{SECOND_SID}:{SECOND_TOKEN}:3",
               "TWILIO_API_BASE_URL": fake.url, **PRODUCTION_LIKE}
        for _ in range(2):
            celery_worker_process(extra_env=env, concurrency=2, queues="calls")
        phones = request_calls(campaign, 60)
        wait_for(lambda: CallSession.objects.exclude(twilio_sid="").count() == 60, timeout=60,
                 message="all 60 calls to be placed")

    assert sorted(c["to"] for c in fake.created) == sorted(phones)  # none lost, none placed twice
    by_account = {sid: sorted(c["at"] for c in fake.created if c["account"] == sid) for sid in (ACCOUNT_SID,
                                                                                                SECOND_SID)}
    # 6 and 3 calls a second: two thirds from the first account (a late run that waits for its account's next
    # turn can shift a call or two)
    assert 36 <= len(by_account[ACCOUNT_SID]) <= 44, {sid: len(t) for sid, t in by_account.items()}
    for sid, rate in ((ACCOUNT_SID, 6), (SECOND_SID, 3)):
        times = by_account[sid]
        assert times[-1] - times[0] >= (len(times) - 1) / rate * 0.9
        assert busiest_second(times) <= rate + 2, [round(b - a, 3) for a, b in zip(times, times[1:], strict=False)]
    every = sorted(c["at"] for c in fake.created)
    assert every[-1] - every[0] < 60 / 9 + 2  # the pool's 9 calls a second, not either account's alone
    placed_by = dict(CallSession.objects.values_list("twilio_sid", "twilio_account"))
    assert all(placed_by[c["sid"]] == c["account"] for c in fake.created)

"""A burst of 100 call requests, placed by two worker processes through the twilio client against the fake
Twilio: at the configured pace, in order, none lost and none placed twice, with 429s and 503s retried."""

import pytest

from advocacy.calls import services
from advocacy.calls.models import CallSession
from tests.calls.conftest import ACCOUNT_SID, AUTH_TOKEN
from tests.fakes.twilio import FakeTwilio
from tests.services import require_postgres_and_redis, wait_for

RATE = 20.0  # calls per second; Twilio's default is 1, but a test of 100 calls should not take 100 s


@pytest.mark.integration
@pytest.mark.django_db(transaction=True)
def test_a_burst_of_100_calls_is_placed_at_the_pace_none_lost_none_twice(campaign, celery_worker_process, settings):
    require_postgres_and_redis()
    settings.CALLS_PER_IP_PER_HOUR = 1000
    settings.CALL_MAX_PHONES_PER_IP_PER_DAY = 1000  # one IP stands in for a crowd here
    with FakeTwilio(account_sid=ACCOUNT_SID, auth_token=AUTH_TOKEN, drive_calls=False) as fake:
        fake.fail_next = [429, 429, 503]
        env = {"TWILIO_ACCOUNT_SID": ACCOUNT_SID, "TWILIO_AUTH_TOKEN": AUTH_TOKEN, "TWILIO_API_BASE_URL": fake.url,
               "TWILIO_CALLS_PER_SECOND": str(RATE), "SECRET_KEY": "test-secret-key"}
        celery_worker_process(extra_env=env, concurrency=2)
        celery_worker_process(extra_env=env, concurrency=2)
        phones = [f"+1802555{n:04d}" for n in range(100)]
        for phone in phones:
            services.start_call_session(campaign=campaign, phone=phone, zip_code="10002", ip_address="192.0.2.1")

        wait_for(lambda: CallSession.objects.exclude(twilio_sid="").count() == 100, timeout=120,
                 message="all 100 calls to be placed")

    assert sorted(c["to"] for c in fake.created) == sorted(phones)  # none lost, none placed twice
    assert len({c["sid"] for c in fake.created}) == 100
    assert set(CallSession.objects.values_list("twilio_sid", flat=True)) == {c["sid"] for c in fake.created}
    times = sorted(c["at"] for c in fake.created)
    assert times[-1] - times[0] >= (len(times) - 1) / RATE * 0.9
    # Each call leaves at its reserved slot plus the HTTP request's own latency, so a one-second window can
    # catch one slot of jitter at either edge; more than that would mean two workers shared a slot.
    busiest = max(sum(1 for t in times if start <= t < start + 1.0) for start in times)
    assert busiest <= RATE + 2, [round(b - a, 3) for a, b in zip(times, times[1:], strict=False)]

import pytest

from advocacy.calls.models import CallSession
from tests.fakes.twilio import FakeTwilio

ACCOUNT_SID = "AC" + "1" * 32
AUTH_TOKEN = "fake-auth-token"
SUPPORTER = "+18025550142"


@pytest.fixture
def fake_twilio(live_server, settings):
    with FakeTwilio(account_sid=ACCOUNT_SID, auth_token=AUTH_TOKEN) as fake:
        settings.TWILIO_ACCOUNT_SID = ACCOUNT_SID
        settings.TWILIO_AUTH_TOKEN = AUTH_TOKEN
        settings.TWILIO_API_BASE_URL = fake.url
        settings.PUBLIC_BASE_URL = live_server.url
        settings.TWILIO_CALLS_PER_SECOND = 1000
        yield fake


def request_call(client, campaign, *, phone=SUPPORTER, zip_code="10002", **extra):
    return client.post(f"/api/v1/campaigns/{campaign.slug}/calls", {"phone": phone, "zip": zip_code, **extra},
                       content_type="application/json")


def session_for(response) -> CallSession:
    return CallSession.objects.get(pk=response.json()["call_id"])

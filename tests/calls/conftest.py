import pytest

from advocacy.calls.models import CallSession
from tests.conftest import ACCOUNT_SID, AUTH_TOKEN
from tests.fakes.twilio import FakeTwilio

SUPPORTER = "+18025550142"


def request_call(client, campaign, *, phone=SUPPORTER, zip_code="10002", **extra):
    return client.post(f"/api/v1/campaigns/{campaign.slug}/calls", {"phone": phone, "zip": zip_code, **extra},
                       content_type="application/json")


def session_for(response) -> CallSession:
    return CallSession.objects.get(pk=response.json()["call_id"])


@pytest.fixture
def fake_api(settings):
    """The fake's REST API only: calls are created but nobody plays them."""
    with FakeTwilio(account_sid=ACCOUNT_SID, auth_token=AUTH_TOKEN, drive_calls=False) as fake:
        settings.TWILIO_ACCOUNT_SID = ACCOUNT_SID
        settings.TWILIO_AUTH_TOKEN = AUTH_TOKEN
        settings.TWILIO_API_BASE_URL = fake.url
        settings.TWILIO_CALLS_PER_SECOND = 1000
        settings.PUBLIC_BASE_URL = "https://calls.example.org"
        yield fake


from advocacy.calls.models import CallSession
from tests.conftest import ACCOUNT_SID, AUTH_TOKEN  # noqa: F401 - re-exported for the call tests

SUPPORTER = "+18025550142"


def request_call(client, campaign, *, phone=SUPPORTER, zip_code="10002", **extra):
    return client.post(f"/api/v1/campaigns/{campaign.slug}/calls", {"phone": phone, "zip": zip_code, **extra},
                       content_type="application/json")


def session_for(response) -> CallSession:
    return CallSession.objects.get(pk=response.json()["call_id"])

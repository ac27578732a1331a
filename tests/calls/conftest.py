import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import timezone

from advocacy.calls.models import CallSession
from advocacy.campaigns.models import Campaign, CampaignTarget
from targets.models import DistrictOffice, Target
from tests.fakes.twilio import FakeTwilio
from tests.targets.fixtures import ZCCD, write_data_dir

ACCOUNT_SID = "AC" + "1" * 32
AUTH_TOKEN = "fake-auth-token"
SUPPORTER = "+18025550142"


@pytest.fixture
def targets(tmp_path, db):
    data_dir = write_data_dir(tmp_path, zccd=ZCCD + "36,NY,10002,10\n")
    call_command("sync_targets", "--data-dir", str(data_dir), stdout=open("/dev/null", "w"))
    nadler = Target.objects.get(key="N000002")
    DistrictOffice.objects.filter(target=nadler).update(latitude=40.1, longitude=-73.1)


@pytest.fixture
def campaign(targets):
    campaign = Campaign.objects.create(slug="detention", title="Communities Not Cages", phone_number="+12025550100",
                                       call_intro="Thanks for calling.", call_script="Please cut ICE's budget.",
                                       window_start=timezone.now() - dt.timedelta(hours=1),
                                       window_end=timezone.now() + dt.timedelta(hours=1))
    CampaignTarget.objects.create(campaign=campaign, position=0, source=CampaignTarget.Source.OWN_HOUSE)
    CampaignTarget.objects.create(campaign=campaign, position=1, source=CampaignTarget.Source.OWN_SENATORS)
    CampaignTarget.objects.create(campaign=campaign, position=2, source=CampaignTarget.Source.FIXED,
                                  target=Target.objects.get(key="dhs_main"))
    return campaign


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

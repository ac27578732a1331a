"""A target the campaign reaches by more than one line (own House member, a fixed line, a role) is contacted once."""

import pytest

from advocacy.campaigns.models import CampaignTarget
from advocacy.emails.models import EmailAction
from targets.models import Target, TargetRole
from tests.emails.conftest import submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def overlapping(email_campaign):
    goldman = Target.objects.get(key="G000599")
    TargetRole.objects.get_or_create(target=goldman, role="committee:TEST", defaults={"rank": 1})
    CampaignTarget.objects.create(campaign=email_campaign, position=3, source=CampaignTarget.Source.FIXED,
                                  target=goldman)
    CampaignTarget.objects.create(campaign=email_campaign, position=4, source=CampaignTarget.Source.ROLE,
                                  role="committee:TEST")
    return email_campaign


def test_the_action_json_lists_each_target_once(client, overlapping):
    body = client.get(f"/api/v1/campaigns/{overlapping.slug}?zip=10002").json()
    keys = [t["id"] for t in body["targets"] if "id" in t]
    assert keys.count("G000599") == 1 and len(keys) == len(set(keys))


def test_an_email_action_writes_one_message_per_target(client, overlapping, settings,
                                                       django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = "anymail.backends.test.EmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        response = submit(client, overlapping)
    assert response.status_code == 202
    targets = list(EmailAction.objects.get().deliveries.values_list("target__key", flat=True))
    assert targets.count("G000599") == 1 and len(targets) == len(set(targets))

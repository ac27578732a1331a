"""Partner codes: recorded on calls and emails from the page, the snippet and the API, and counted per partner."""

import csv
import io

import pytest

from advocacy.calls.models import CallLeg, CallSession
from advocacy.calls.services import start_call_session
from advocacy.emails.models import EmailAction, EmailDelivery
from advocacy.emails.services import confirm_action, submit_email_action
from advocacy.partners.codes import clean_partner_code
from advocacy.partners.models import PartnerKey
from tests.calls.conftest import request_call

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("raw, code", [("Unidos-TX", "unidos-tx"), (" ab_c.1 ", "ab_c.1"), ("", ""), (None, ""),
                                       ("<script>", ""), ("x" * 41, ""), ("-lead", "")])
def test_codes_are_short_labels_and_anything_else_is_dropped(raw, code):
    assert clean_partner_code(raw) == code


def test_the_top_level_page_carries_its_ref_into_both_forms(client, email_campaign):
    page = client.get(f"/c/{email_campaign.slug}/", {"zip": "10002", "ref": "Unidos"}).content.decode()

    assert page.count('<input type="hidden" name="ref" value="unidos">') == 3  # ZIP form, call, email
    assert 'name="embed_token"' not in page  # the top-level page keeps the CSRF cookie


def test_the_api_credits_the_ref_in_the_body(client, campaign):
    response = request_call(client, campaign, ref="Casa-Libre")

    assert response.status_code == 202
    assert CallSession.objects.get().partner_code == "casa-libre"


def test_an_api_keys_partner_wins_over_a_claimed_ref(client, campaign):
    partner = PartnerKey(name="Keyed", partner_code="keyed-partner")
    key = partner.issue_key()
    partner.save()
    response = client.post(f"/api/v1/campaigns/{campaign.slug}/calls",
                           {"phone": "+18025550142", "zip": "10002", "ref": "claimed"},
                           content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {key}")

    assert response.status_code == 202
    assert CallSession.objects.get().partner_code == "keyed-partner"


def test_the_email_api_credits_the_ref(client, email_campaign):
    response = client.post(f"/api/v1/campaigns/{email_campaign.slug}/emails",
                           {"name": "Ana", "email": "ana@example.org", "zip": "10002", "ref": "unidos"},
                           content_type="application/json")

    assert response.status_code == 202, response.content
    assert EmailAction.objects.get().partner_code == "unidos"


@pytest.fixture
def credited(email_campaign, settings, django_capture_on_commit_callbacks):
    """Two emails through "unidos", one without a partner; one call session through "unidos"."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    for n, code in enumerate(["unidos", "unidos", ""]):
        with django_capture_on_commit_callbacks(execute=True):
            action = submit_email_action(campaign=email_campaign, name=f"S{n}", email=f"s{n}@example.org",
                                         zip_code="10002", partner_code=code)
            confirm_action(action=action)
    start_call_session(campaign=email_campaign, phone="+18025550142", zip_code="10002", partner_code="unidos")
    return email_campaign


def sent(code: str) -> int:
    return EmailDelivery.objects.filter(action__partner_code=code, status__in=["sent", "reported"]).count()


def test_the_dashboard_breaks_counts_down_by_partner(client, admin_user, credited):
    client.force_login(admin_user)

    partners = {row["partner"]: row for row in client.get(f"/organize/{credited.slug}/stats.json").json()["partners"]}
    page = client.get(f"/organize/{credited.slug}/").content.decode()

    assert partners["unidos"] == {"partner": "unidos", "call_sessions": 1, "calls_connected": 0,
                                  "email_actions": 2, "emails": sent("unidos")}
    assert partners[""]["email_actions"] is None and partners[""]["emails"] == sent("") > 0  # partners only
    assert partners[""]["call_sessions"] == 0
    assert '<tr data-partner="unidos"><td>unidos</td><td>1</td><td>0</td><td>2</td>' in page
    assert '<td><em>no partner</em></td><td>0</td><td>0</td><td>—</td>' in page


def test_the_csv_names_the_partner_of_every_attempt(client, admin_user, credited):
    client.force_login(admin_user)

    body = b"".join(client.get(f"/organize/{credited.slug}/export.csv").streaming_content).decode()
    rows = list(csv.DictReader(io.StringIO(body)))

    assert sum(1 for r in rows if r["partner"] == "unidos") == EmailDelivery.objects.filter(
        action__partner_code="unidos").count() + CallLeg.objects.filter(session__partner_code="unidos").count()
    assert {r["partner"] for r in rows} == {"unidos", ""}


def test_the_public_counter_shows_a_partners_own_contribution(client, credited):
    everyone = client.get(f"/api/v1/campaigns/{credited.slug}/stats").json()
    theirs = client.get(f"/api/v1/campaigns/{credited.slug}/stats", {"ref": "Unidos"}).json()
    page = client.get(f"/c/{credited.slug}/embed/", {"ref": "unidos", "lang": "es"}).content.decode()

    assert "partner" not in everyone
    assert theirs["partner"] == {"partner": "unidos", "call_sessions": 1, "calls_connected": 0,
                                 "email_actions": 2, "emails": sent("unidos")}
    assert theirs["totals"] == everyone["totals"]
    assert f"A través de unidos: 0 llamadas y {sent('unidos')} correos" in page

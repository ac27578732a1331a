"""Partner API keys: issued once in the admin, stored hashed, counted on their own limits, revocable."""

import re

import pytest
from django.test import RequestFactory

from advocacy.calls.models import CallSession
from advocacy.partners.auth import PartnerAuthFailed, authenticate_partner
from advocacy.partners.models import PartnerKey

pytestmark = pytest.mark.django_db


def issue_in_admin(admin_client, **limits) -> str:
    data = {"name": "Cosecha", "partner_code": "cosecha", "calls_per_hour": 3, "emails_per_hour": 3,
            "lookups_per_minute": 100, **limits}
    response = admin_client.post("/admin/partners/partnerkey/add/", data, follow=True)
    key = re.search(r"(pk_[A-Za-z0-9_-]{20,})", response.content.decode()).group(1)
    listing = admin_client.get("/admin/partners/partnerkey/").content.decode()
    assert key not in listing  # shown once, on the page after issuing
    return key


def call(client, campaign, n, key=None, ip="198.51.100.7"):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {key}"} if key else {}
    return client.post(f"/api/v1/campaigns/{campaign.slug}/calls", {"phone": f"202555{n:04d}", "zip": "10002"},
                       content_type="application/json", REMOTE_ADDR=ip, **headers)


def test_a_partner_server_is_not_stopped_by_the_per_ip_rules(admin_client, client, campaign, settings):
    settings.CALLS_PER_IP_PER_HOUR, settings.CALL_MAX_PHONES_PER_IP_PER_DAY = 2, 2
    key = issue_in_admin(admin_client)
    stored = PartnerKey.objects.get()
    assert key not in str(PartnerKey.objects.values().get()) and stored.key_hash

    assert [call(client, campaign, n, key).status_code for n in range(1, 5)] == [202, 202, 202, 429]  # its own: 3
    assert [call(client, campaign, n).status_code for n in range(11, 14)] == [202, 202, 429]  # the same IP, no key
    assert CallSession.objects.filter(ip_address__isnull=True).count() == 3  # the server's IP is not a supporter's


def test_keys_count_separately(admin_client, client, campaign):
    first = issue_in_admin(admin_client, calls_per_hour=1)
    second = issue_in_admin(admin_client, name="CASA", partner_code="casa", calls_per_hour=1)
    assert call(client, campaign, 1, first).status_code == 202
    assert call(client, campaign, 2, first).status_code == 429
    assert call(client, campaign, 3, second).status_code == 202


def test_revoked_and_unknown_keys_are_refused(admin_client, client, campaign):
    key = issue_in_admin(admin_client)
    admin_client.post("/admin/partners/partnerkey/", {"action": "revoke",
                                                      "_selected_action": [PartnerKey.objects.get().pk]})
    for bad in (key, "pk_not-a-key"):
        response = call(client, campaign, 1, bad)
        assert response.status_code == 401 and response.json()["error"]["code"] == "invalid_api_key"
        lookup = client.get("/api/v1/lookup?zip=10002", HTTP_X_API_KEY=bad)
        assert lookup.status_code == 401
    assert not CallSession.objects.exists()


def test_the_partner_code_is_on_the_request(admin_client):
    key = issue_in_admin(admin_client)
    request = RequestFactory().post("/api/v1/x", HTTP_AUTHORIZATION=f"Bearer {key}")
    assert authenticate_partner(request).name == "Cosecha" and request.partner == "cosecha"
    anonymous = RequestFactory().post("/api/v1/x")
    assert authenticate_partner(anonymous) is None and anonymous.partner == ""
    with pytest.raises(PartnerAuthFailed):
        authenticate_partner(RequestFactory().post("/", HTTP_X_API_KEY="pk_wrong"))


def test_partner_lookups_have_their_own_limit(admin_client, client, targets, settings):
    settings.LOOKUPS_PER_MINUTE_PER_IP = 1
    key = issue_in_admin(admin_client, lookups_per_minute=3)
    keyed = [client.get("/api/v1/lookup?zip=10002", HTTP_X_API_KEY=key).status_code for _ in range(4)]
    assert keyed == [200, 200, 200, 429]
    assert client.get("/api/v1/lookup?zip=10002").status_code == 200  # the per-IP count is its own


def test_a_partner_form_posts_emails_past_the_per_ip_limit(admin_client, client, email_campaign, settings):
    settings.EMAILS_PER_IP_PER_HOUR = 1
    settings.EMAIL_BACKEND = "anymail.backends.test.EmailBackend"
    key = issue_in_admin(admin_client, emails_per_hour=2)
    statuses = [client.post(f"/api/v1/campaigns/{email_campaign.slug}/emails",
                            {"name": "Ana", "email": f"p{n}@example.org", "zip": "10002"},
                            content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {key}").status_code
                for n in range(3)]
    assert statuses == [202, 202, 429]

"""Every lookup path shares one per-address limit; admin logins are throttled; forged webhooks are refused."""

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from advocacy.emails.models import EmailDelivery

pytestmark = pytest.mark.django_db


def test_every_lookup_path_counts_against_one_limit(client, campaign, settings):
    settings.LOOKUPS_PER_MINUTE_PER_IP = 4
    paths = [f"/c/{campaign.slug}/?zip=10002", "/lookup/?zip=10002", f"/api/v1/campaigns/{campaign.slug}?zip=10002",
             f"/c/{campaign.slug}/?zip=10002&address=1+Main+St", "/api/v1/lookup?zip=10002",
             f"/c/{campaign.slug}/embed/?zip=10002"]
    statuses = [client.get(path).status_code for path in paths]
    assert statuses == [200, 200, 200, 200, 429, 429]
    assert client.get(f"/c/{campaign.slug}/").status_code == 200  # a page without a lookup is not counted
    refused = client.get("/api/v1/lookup?zip=10002")
    assert refused.json()["error"]["code"] == "rate_limited" and int(refused["Retry-After"]) > 0


PASSWORD = "right-horse-battery-staple"


def login_after_failures(client, failures: int):
    User.objects.create_superuser("organizer", "o@example.org", PASSWORD)
    for _ in range(failures):
        client.post("/admin/login/", {"username": "organizer", "password": "wrong"})
    return client.post("/admin/login/?next=/admin/", {"username": "organizer", "password": PASSWORD})


def test_the_101st_admin_login_attempt_is_refused(client):
    response = login_after_failures(client, 100)
    assert response.status_code in (403, 429)
    assert client.get("/admin/").status_code == 302  # not logged in


def test_an_organizer_who_mistypes_a_few_times_still_logs_in(client):
    response = login_after_failures(client, 3)
    assert response.status_code == 302 and client.get("/admin/").status_code == 200


POSTMARK_BOUNCE = {"RecordType": "Bounce", "MessageID": "pm-1", "Type": "HardBounce", "TypeCode": 1,
                   "Email": "office@goldman.example", "BouncedAt": "2026-01-01T00:00:00Z", "Description": "x",
                   "Details": "x", "Inactive": True, "CanActivate": False}


@pytest.fixture
def production_postmark(settings):
    settings.DEBUG = False
    settings.EMAIL_BACKEND = "anymail.backends.postmark.EmailBackend"
    settings.ANYMAIL = {"POSTMARK_SERVER_TOKEN": "server-token"}
    return settings



def test_a_forged_tracking_event_is_refused_without_the_secret(client, production_postmark):
    response = client.post("/anymail/postmark/tracking/", POSTMARK_BOUNCE, content_type="application/json")
    assert response.status_code == 403
    with pytest.raises(SystemCheckError, match="advocacy.E001"):
        call_command("check")


def test_with_the_secret_only_authenticated_events_are_accepted(client, production_postmark):
    production_postmark.ANYMAIL = {**production_postmark.ANYMAIL, "WEBHOOK_SECRET": "hook:s3cret"}
    forged = client.post("/anymail/postmark/tracking/", POSTMARK_BOUNCE, content_type="application/json")
    genuine = client.post("/anymail/postmark/tracking/", POSTMARK_BOUNCE, content_type="application/json",
                          HTTP_AUTHORIZATION="Basic aG9vazpzM2NyZXQ=")
    assert forged.status_code in (400, 401, 403) and genuine.status_code == 200
    assert not EmailDelivery.objects.exists()
    call_command("check")  # no error once the secret is set

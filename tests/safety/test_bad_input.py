"""Bad input is a clear 4xx with a JSON body (or a page), never a 500: content types, nesting, NUL bytes."""

import json

import pytest

from advocacy.calls.models import CallSession

pytestmark = pytest.mark.django_db


def endpoints(campaign):
    return [f"/api/v1/campaigns/{campaign.slug}/calls", f"/api/v1/campaigns/{campaign.slug}/emails"]


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", ""])
def test_json_endpoints_refuse_other_content_types(client, email_campaign, content_type):
    """A page on any site can make its visitors' browsers post text/plain without a preflight; we refuse it."""
    body = json.dumps({"phone": "2025550123", "zip": "10002", "name": "A", "email": "a@example.org"})
    for url in endpoints(email_campaign):
        response = client.generic("POST", url, body, content_type=content_type)
        assert response.status_code == 415, url
        assert response.json()["error"]["code"] == "unsupported_media_type"
    assert not CallSession.objects.exists()


def test_deeply_nested_json_is_a_400(client, campaign):
    for depth in (50, 100_000):
        body = "[" * depth + "]" * depth
        response = client.post(endpoints(campaign)[0], '{"phone": ' + body + "}", content_type="application/json")
        assert response.status_code == 400 and response.json()["error"]["code"] == "invalid_json"


def test_a_nul_byte_in_the_call_language_is_a_400(client, campaign):
    response = client.post(endpoints(campaign)[0], {"phone": "2025550123", "zip": "10002", "language": "e\x00s"},
                           content_type="application/json")
    assert response.status_code == 400 and "error" in response.json()
    unknown = client.post(endpoints(campaign)[0], {"phone": "2025550123", "zip": "10002", "language": "xx"},
                          content_type="application/json")
    assert unknown.status_code == 400 and "language" in unknown.json()["error"]["fields"]
    assert not CallSession.objects.exists()


@pytest.mark.parametrize("path", ["/emails/a/%00/", "/emails/confirm/%00/", "/events/manage/a%00b/",
                                  "/events/manage/%00/rsvps.csv", "/lookup/?zip=100%0002"])
def test_a_nul_byte_in_a_url_is_a_400(client, targets, path):
    response = client.get(path)
    assert response.status_code == 400


def test_a_nul_byte_in_an_api_url_is_a_json_400(client, targets):
    response = client.get("/api/v1/lookup?zip=1000%002")
    assert response.status_code == 400 and response.json()["error"]["code"] == "invalid"

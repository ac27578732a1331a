"""One error path for every JSON endpoint: unknown campaigns, bad JSON and refused lookups answer the documented
error body, in the visitor's language, from every app."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db

UNKNOWN_CAMPAIGN = [
    ("get", "/api/v1/campaigns/nope"),
    ("get", "/api/v1/campaigns/nope/events"),
    ("get", "/api/v1/campaigns/nope/stats"),
    ("post", "/api/v1/campaigns/nope/calls"),
    ("post", "/api/v1/campaigns/nope/emails"),
]


@pytest.mark.parametrize("method, path", UNKNOWN_CAMPAIGN)
def test_an_unknown_campaign_is_the_same_translated_404_everywhere(client, campaign, method, path):
    response = getattr(client, method)(path, HTTP_ACCEPT_LANGUAGE="es", content_type="application/json")
    assert response.status_code == 404
    assert response.json() == {"error": {"code": "not_found", "message": "No hay ninguna campaña llamada nope."}}


@pytest.mark.parametrize("path", ["/api/v1/campaigns/detention/calls", "/api/v1/campaigns/detention/emails"])
def test_bad_json_is_a_400_with_the_error_body(client, campaign, path):
    response = client.post(path, "{not json", content_type="application/json")
    assert response.status_code == 400 and response.json()["error"]["code"] == "invalid_json"


@pytest.mark.parametrize("path", ["/api/v1/lookup?zip=", "/api/v1/campaigns/detention?zip=abc"])
def test_a_refused_lookup_is_a_400_on_the_zip_field(client, campaign, path):
    response = client.get(path, HTTP_ACCEPT_LANGUAGE="es")
    error = response.json()["error"]
    assert response.status_code == 400 and error["code"] == "invalid" and list(error["fields"]) == ["zip"]
    assert response["Access-Control-Allow-Origin"] == "*"


def test_an_unknown_zip_is_a_404_from_the_lookup_and_the_call_api(client, campaign):
    lookup = client.get("/api/v1/lookup?zip=20500")
    call = client.post("/api/v1/campaigns/detention/calls", {"phone": "802-555-0142", "zip": "20500"},
                       content_type="application/json")
    assert lookup.status_code == call.status_code == 404
    assert lookup.json()["error"]["code"] == call.json()["error"]["code"] == "not_found"


def test_a_django_404_is_not_shown_in_english_to_a_spanish_visitor(client, campaign):
    response = client.get("/api/v1/calls/00000000-0000-0000-0000-000000000000", HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 404 and response.json()["error"]["message"] == "No existe esa llamada."

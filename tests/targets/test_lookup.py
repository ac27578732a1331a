"""The lookup, through GET /api/v1/lookup and the /lookup/ page, with the geocoder faked over HTTP."""

import pytest
from django.core.management import call_command

from tests.fakes.geocoder import FakeCensusGeocoder
from tests.targets.fixtures import write_data_dir

pytestmark = pytest.mark.django_db


@pytest.fixture
def targets(tmp_path):
    call_command("sync_targets", "--data-dir", str(write_data_dir(tmp_path)), stdout=open("/dev/null", "w"))


def test_a_split_zip_lists_every_candidate_and_asks_for_an_address(client, targets):
    body = client.get("/api/v1/lookup", {"zip": "10001"}).json()

    assert body["needs_address"] is True
    assert [d["label"] for d in body["districts"]] == ["NY-10", "NY-12"]
    assert [m["display_name"] for m in body["members"]] == [
        "Representative Daniel Goldman", "Representative Jerrold Nadler",
        "Senator Charles Schumer", "Senator Kirsten Gillibrand"]


def test_an_address_narrows_a_split_zip_through_the_geocoder(client, targets, settings):
    with FakeCensusGeocoder({"201 varick": ("NY", 12)}) as geocoder:
        settings.CENSUS_GEOCODER_URL = geocoder.url
        body = client.get("/api/v1/lookup", {"zip": "10001", "address": "201 Varick St"}).json()

    assert body["matched_by"] == "address" and body["needs_address"] is False
    assert [m["id"] for m in body["members"]] == ["N000002", "S000148", "G000555"]
    assert geocoder.requests[0]["query"]["address"] == ["201 Varick St, 10001"]


@pytest.mark.parametrize("fake", [{"delay": 1.0}, {"status": 500}, {}])
def test_a_geocoder_that_fails_falls_back_to_the_zip(client, targets, settings, fake):
    with FakeCensusGeocoder({}, **fake) as geocoder:
        settings.CENSUS_GEOCODER_URL = geocoder.url
        settings.GEOCODER_TIMEOUT = 0.2
        body = client.get("/api/v1/lookup", {"zip": "10001", "address": "1 Nowhere Rd"}).json()

    assert body["matched_by"] == "zip_fallback"
    assert len(body["districts"]) == 2


def test_at_large_territory_and_vacant_seats(client, targets):
    vermont = client.get("/api/v1/lookup", {"zip": "05401"}).json()
    guam = client.get("/api/v1/lookup", {"zip": "96910"}).json()
    vacant = client.get("/api/v1/lookup", {"zip": "90000"}).json()

    assert [(m["title"], m["district"]) for m in vermont["members"]] == [("Representative", 0)]
    assert vermont["districts"][0]["label"] == "VT-AL"
    assert [m["title"] for m in guam["members"]] == ["Delegate"]
    assert vacant["vacancies"] == [{"state": "CA", "district": 2, "label": "CA-2", "share": None}]


@pytest.mark.parametrize("zip_code,status,code", [("", 400, "invalid"), ("123", 400, "invalid"),
                                                   ("abcde", 400, "invalid"), ("20500", 404, "not_found")])
def test_bad_zips_get_a_clear_json_error(client, targets, zip_code, status, code):
    response = client.get("/api/v1/lookup", {"zip": zip_code})

    assert response.status_code == status
    assert response.json()["error"]["code"] == code
    assert response.json()["error"]["message"]


def test_lookups_are_rate_limited_per_ip(client, targets, settings):
    settings.LOOKUPS_PER_MINUTE_PER_IP = 3
    statuses = [client.get("/api/v1/lookup", {"zip": "05401"}, REMOTE_ADDR="203.0.113.9").status_code
                for _ in range(4)]

    assert statuses == [200, 200, 200, 429]


def test_the_lookup_page(client, targets):
    page = client.get("/lookup/", {"zip": "10001"}).content.decode()

    assert "Representative Jerrold Nadler" in page and "more than one district" in page
    assert "We could not find ZIP code 20500" in client.get("/lookup/", {"zip": "20500"}).content.decode()


def test_lookup_errors_come_in_the_visitors_language(client, targets):
    body = client.get("/api/v1/lookup", {"zip": "123"}, HTTP_ACCEPT_LANGUAGE="es").json()

    assert body["error"]["message"] == "Un código postal tiene 5 dígitos, como 10001."

"""The geocoder pinned to the Congress in effect, through the lookup API, against fakes of the Census geocoder
and Geocodio over HTTP."""

import pytest
from django.core.management import call_command

from tests.fakes.geocoder import FakeCensusGeocoder, FakeGeocodio
from tests.targets.fixtures import write_data_dir

pytestmark = pytest.mark.django_db
BOTH_LAYERS = {"201 varick": {119: ("NY", 12), 120: ("NY", 10)}}  # the Current vintage alternating


@pytest.fixture
def targets(tmp_path):
    call_command("sync_targets", "--data-dir", str(write_data_dir(tmp_path)), stdout=open("/dev/null", "w"))


def ask(client, address="201 Varick St"):
    return client.get("/api/v1/lookup", {"zip": "10001", "address": address}).json()


@pytest.mark.parametrize("congress,member", [(119, "N000002"), (120, "G000599")])
def test_a_census_answer_with_both_layers_is_read_for_the_congress_in_effect(client, targets, settings, congress,
                                                                              member):
    settings.CONGRESS_OVERRIDE = congress
    settings.CENSUS_GEOCODER_VINTAGES = {"119": "Current_Current", "120": "Current_Next"}
    with FakeCensusGeocoder(BOTH_LAYERS) as geocoder:
        settings.CENSUS_GEOCODER_URL = geocoder.url
        body = ask(client)

    assert body["matched_by"] == "address" and body["members"][0]["id"] == member
    query = geocoder.requests[0]["query"]
    assert query["layers"] == [f"{congress}th Congressional Districts"]
    assert query["vintage"] == [{119: "Current_Current", 120: "Current_Next"}[congress]]


def test_a_census_answer_without_the_layer_of_the_congress_is_unknown(client, targets, settings):
    settings.CONGRESS_OVERRIDE = 120
    with FakeCensusGeocoder({"201 varick": ("NY", 12)}) as geocoder:  # only a 119th layer
        settings.CENSUS_GEOCODER_URL = geocoder.url
        body = ask(client)

    # No 120th plan is loaded for NY in these fixtures: no House member is guessed from the 119th's table.
    assert body["matched_by"] == "zip_fallback" and body["needs_address"] is True
    assert (body["districts"], body["unmapped_states"]) == ([], ["NY"])
    assert [m["chamber"] for m in body["members"]] == ["senate", "senate"]


@pytest.fixture
def geocodio(settings):
    def start(addresses, **options):
        fake = FakeGeocodio(addresses, **options)
        settings.GEOCODIO_API_KEY = "test-key"
        settings.GEOCODIO_URL = f"{fake.url}/v1.7/geocode"
        return fake
    return start


@pytest.mark.parametrize("congress,member", [(119, "N000002"), (120, "G000599")])
def test_geocodio_is_asked_for_the_cd_field_of_the_congress_in_effect(client, targets, settings, geocodio,
                                                                       congress, member):
    settings.CONGRESS_OVERRIDE = congress
    with geocodio(BOTH_LAYERS) as fake:
        body = ask(client)

    assert body["matched_by"] == "address" and [m["id"] for m in body["members"]][0] == member
    assert fake.requests[0]["query"]["fields"] == [f"cd{congress}"]
    assert fake.requests[0]["query"]["q"] == ["201 Varick St, 10001"]


@pytest.mark.parametrize("options,addresses", [({"status": 500}, BOTH_LAYERS), ({}, {}),
                                               ({"api_key": "another-key"}, BOTH_LAYERS),
                                               ({}, {"201 varick": {119: ("NY", 12)}})])
def test_geocodio_failing_or_without_that_congress_falls_back_to_the_zip(client, targets, settings, geocodio,
                                                                        options, addresses):
    settings.CONGRESS_OVERRIDE = 120
    with geocodio(addresses, **options):
        body = ask(client)

    assert body["matched_by"] == "zip_fallback" and body["unmapped_states"] == ["NY"]
    assert [m["chamber"] for m in body["members"]] == ["senate", "senate"]


def test_geocoder_answers_are_cached_per_congress(client, targets, settings, geocodio):
    with geocodio(BOTH_LAYERS) as fake:
        settings.CONGRESS_OVERRIDE = 119
        first, again = ask(client), ask(client)
        settings.CONGRESS_OVERRIDE = 120
        other = ask(client)

    assert len(fake.requests) == 2  # the repeat came from the cache; the other Congress did not
    assert first == again and other["members"][0]["id"] == "G000599"

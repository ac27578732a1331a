"""District data per Congress: the answer follows the Congress in effect at the request's moment (noon ET on
January 3 of odd years), a future plan loads ahead of time without changing today's answers, and a state whose
new plan is not loaded is asked for a street address."""

from datetime import datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command

from targets.congress import congress_at
from targets.lookup import lookup
from targets.models import DistrictPlan, ZipDistrict
from targets.sync.sources import SOURCES
from tests.fakes.geocoder import FakeCensusGeocoder
from tests.targets.fixtures import PEOPLE, PLAN_120, person, write_data_dir, write_plan

pytestmark = pytest.mark.django_db
UTC = ZoneInfo("UTC")
SWITCH = datetime(2027, 1, 3, 17, 0, tzinfo=UTC)  # noon Eastern (EST, UTC-5)
BEFORE = datetime(2027, 1, 3, 16, 59, 59, tzinfo=UTC)
OHIO = [person("L000566", "Bob", "Latta", "rep", "OH", 15), person("B001281", "Joyce", "Beatty", "rep", "OH", 3),
        person("M001242", "Bernie", "Moreno", "sen", "OH")]


def sync(data_dir) -> str:
    out = StringIO()
    call_command("sync_targets", "--data-dir", str(data_dir), stdout=out)
    return out.getvalue()


@pytest.mark.parametrize("moment,congress", [
    (datetime(2025, 1, 3, 16, 59, tzinfo=UTC), 118), (datetime(2025, 1, 3, 17, 0, tzinfo=UTC), 119),
    (datetime(2026, 11, 25, tzinfo=UTC), 119), (BEFORE, 119), (SWITCH, 120), (datetime(2028, 6, 1, tzinfo=UTC), 120),
    (datetime(2029, 1, 3, 17, 0, tzinfo=UTC), 121)])
def test_the_congress_switches_at_noon_eastern_on_january_3_of_odd_years(moment, congress):
    assert congress_at(moment) == congress


def test_a_zip_whose_district_changes_answers_by_the_congress_in_effect(tmp_path):
    sync(write_plan(write_data_dir(tmp_path)))

    before, after = lookup(zip_code="10001", at=BEFORE), lookup(zip_code="10001", at=SWITCH)

    assert (before.congress, [d.label for d in before.districts], before.needs_address) == (
        119, ["NY-10", "NY-12"], True)
    assert (after.congress, [d.label for d in after.districts], after.needs_address) == (120, ["NY-12"], False)
    assert [t.key for t in after.house_members] == ["N000002"]


def test_the_override_setting_pins_the_congress_for_every_caller(client, tmp_path, settings):
    sync(write_plan(write_data_dir(tmp_path)))
    today = client.get("/api/v1/lookup", {"zip": "10001"}).json()
    settings.CONGRESS_OVERRIDE = 120

    pinned = client.get("/api/v1/lookup", {"zip": "10001"}).json()

    assert (today["congress"], len(today["districts"])) == (119, 2)
    assert (pinned["congress"], [d["label"] for d in pinned["districts"]]) == (120, ["NY-12"])


def test_a_future_plan_and_its_refresh_change_nothing_today(client, tmp_path):
    data_dir = write_data_dir(tmp_path)
    sync(data_dir)
    today = client.get("/api/v1/lookup", {"zip": "10001"}).json()
    rows_119 = set(ZipDistrict.objects.filter(congress=119).values_list("zcta", "state", "district"))

    first = sync(write_plan(data_dir))
    refreshed = sync(write_plan(data_dir, text=PLAN_120.replace("36,NY,10001,12", "36,NY,10001,10")))

    assert client.get("/api/v1/lookup", {"zip": "10001"}).json() == today
    assert set(ZipDistrict.objects.filter(congress=119).values_list("zcta", "state", "district")) == rows_119
    assert [d.label for d in lookup(zip_code="10001", at=SWITCH).districts] == ["NY-10"]
    assert "zip_districts_120:" in first and "120th Congress plan" in first
    assert "loaded: zip_districts_120 sha256:" in refreshed


def test_a_split_zip_is_ranked_by_share_and_the_page_says_where_most_of_it_is(client, tmp_path, settings):
    sync(write_plan(write_data_dir(tmp_path, people=PEOPLE + OHIO)))
    settings.CONGRESS_OVERRIDE = 120

    body = client.get("/api/v1/lookup", {"zip": "43125"}).json()
    page = client.get("/lookup/", {"zip": "43125"}).content.decode()
    result = lookup(zip_code="43125")

    assert [(d["label"], d["share"]) for d in body["districts"]] == [("OH-15", 0.72), ("OH-3", 0.28)]
    assert body["largest_district"]["label"] == "OH-15" and body["needs_address"] is True
    assert [m["id"] for m in body["members"]] == ["L000566", "B001281", "M001242"]
    assert "Most of ZIP 43125 is in OH-15" in page and 'name="address"' in page
    assert [t.key for t in result.senators_first] == ["M001242", "L000566", "B001281"]


def test_after_the_switch_a_state_without_its_new_plan_asks_for_the_address(client, tmp_path, settings):
    sync(write_plan(write_data_dir(tmp_path)))  # the 120th plan has no Vermont
    settings.CONGRESS_OVERRIDE = 120

    zip_only = client.get("/api/v1/lookup", {"zip": "05401"}).json()
    page = client.get("/lookup/", {"zip": "05401"}).content.decode()
    with FakeCensusGeocoder({"1 main": {119: ("VT", 0), 120: ("VT", 0)}}) as geocoder:
        settings.CENSUS_GEOCODER_URL = geocoder.url
        with_address = client.get("/api/v1/lookup", {"zip": "05401", "address": "1 Main St"}).json()

    assert (zip_only["districts"], zip_only["members"], zip_only["unmapped_states"]) == ([], [], ["VT"])
    assert zip_only["needs_address"] is True
    assert "new district map for VT is not loaded" in page
    assert (with_address["matched_by"], [m["id"] for m in with_address["members"]]) == ("address", ["B001288"])
    assert with_address["unmapped_states"] == [] and not with_address["needs_address"]
    assert DistrictPlan.objects.filter(congress=119, state="VT").exists()
    assert not DistrictPlan.objects.filter(congress=120, state="VT").exists()


def test_cached_answers_are_kept_per_congress(tmp_path):
    sync(write_plan(write_data_dir(tmp_path)))

    assert len(lookup(zip_code="10001", at=BEFORE).districts) == 2  # cached for the 119th
    assert len(lookup(zip_code="10001", at=SWITCH).districts) == 1  # not served the 119th's cached answer
    assert len(lookup(zip_code="10001", at=BEFORE).districts) == 2


def test_live_sources_are_pinned_to_a_commit_named_in_a_setting(settings):
    settings.ZIP_DISTRICTS_REF = "f58fe9912b312c2b8ab9174d1eb7b830a25af039"
    settings.CONGRESS_LEGISLATORS_REF = "dfa9622263dd4c8d08636926e498f1845704d7eb"

    url, version = SOURCES["zip_districts"].live()

    assert url.endswith("/us-zipcodes-congress/f58fe9912b312c2b8ab9174d1eb7b830a25af039/zccd.csv")
    assert version == "f58fe9912b312c2b8ab9174d1eb7b830a25af039"
    assert "/congress-legislators/dfa9622263dd4c8d08636926e498f1845704d7eb/" in SOURCES["legislators"].live()[0]

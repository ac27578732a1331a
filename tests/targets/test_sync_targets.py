"""sync_targets through its management command, on small files laid out like shared/data."""

from io import StringIO

import pytest
import yaml
from django.core.management import CommandError, call_command

from targets.models import DistrictOffice, Target, TargetRole, ZipCentroid, ZipDistrict
from tests.targets.fixtures import PEOPLE, write_data_dir

pytestmark = pytest.mark.django_db


def sync(data_dir) -> str:
    out = StringIO()
    call_command("sync_targets", "--data-dir", str(data_dir), stdout=out)
    return out.getvalue()


def test_imports_members_offices_zips_and_fixed_targets(tmp_path):
    output = sync(write_data_dir(tmp_path))

    assert "legislators: 7 created" in output
    nadler = Target.objects.get(key="N000002")
    assert (str(nadler), nadler.phone, nadler.chamber, nadler.district) == (
        "Representative Jerrold Nadler", "+12022250001", "house", 12)
    assert Target.objects.get(key="S000148").title == "Senator"
    assert Target.objects.get(key="M001233").title == "Delegate"
    assert Target.objects.get(key="M001233").name == "James Moylan"  # no official_full: first + last
    assert Target.objects.get(key="X000001").phone == ""
    assert Target.objects.get(key="dhs_main").kind == Target.Kind.EXECUTIVE
    form_only = Target.objects.get(key="white_house_contact_form")
    assert (form_only.phone, form_only.contact_form) == ("", "https://www.whitehouse.gov/contact/")
    assert set(ZipDistrict.objects.filter(zcta="10001").values_list("district", flat=True)) == {10, 12}
    assert ZipDistrict.objects.filter(zcta="96910", state="GU").exists()
    assert not ZipDistrict.objects.filter(zcta="99999").exists()  # only island areas come from the supplement
    assert ZipCentroid.objects.get(zcta="05401").latitude == pytest.approx(40.1)
    office = DistrictOffice.objects.get(office_id="N000002-nyc")
    assert (office.phone, office.address) == ("+12123677350", "201 Varick St 660")
    roles = dict(TargetRole.objects.values_list("role", "target__key"))
    assert roles["committee:HSAP15:chair"] == "G000599"
    assert roles["committee:HSAP15:ranking-member"] == "B001288"
    assert roles["leadership:house:house-minority-whip"] == "N000002"


def test_a_second_run_changes_nothing(tmp_path):
    data_dir = write_data_dir(tmp_path)
    sync(data_dir)
    before = list(Target.objects.order_by("key").values_list("key", "updated_at"))

    output = sync(data_dir)

    assert " 0 created, 0 updated" in output
    assert "created" in output and all(" 0 created, 0 updated" in line for line in output.splitlines()
                                        if "created" in line)
    assert list(Target.objects.order_by("key").values_list("key", "updated_at")) == before


def test_a_member_who_left_is_retired_not_deleted(tmp_path):
    sync(write_data_dir(tmp_path))
    remaining = [p for p in PEOPLE if p["id"]["bioguide"] != "G000599"]

    output = sync(write_data_dir(tmp_path, people=remaining))

    goldman = Target.objects.get(key="G000599")
    assert not goldman.is_active and goldman.retired_at is not None
    assert "1 retired" in output
    (tmp_path / "congress-legislators" / "legislators-current.yaml").write_text(yaml.safe_dump(PEOPLE))
    sync(tmp_path)
    assert Target.objects.get(key="G000599").is_active


def test_a_broken_source_keeps_the_previous_data_and_fails_the_command(tmp_path):
    data_dir = write_data_dir(tmp_path)
    sync(data_dir)
    (data_dir / "zip-district" / "zccd.csv").write_text("state_fips,state_abbr,zcta,cd\n36,NY,10001,10\n")

    with pytest.raises(CommandError, match="1 source"):
        sync(data_dir)

    assert set(ZipDistrict.objects.filter(zcta="10001").values_list("district", flat=True)) == {10, 12}
    assert Target.objects.filter(kind="member").count() == 7


def test_a_missing_data_dir_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="is not a directory"):
        sync(tmp_path / "nope")


def test_bad_rows_are_reported_with_their_line_and_skipped(tmp_path):
    from tests.targets.fixtures import ZCCD

    data_dir = write_data_dir(tmp_path, zccd=ZCCD.replace("50,VT,05401,0\n", "50,VT,05401,zero\n36,NY,ABCDE,3\n"))

    output = sync(data_dir)

    assert "zccd.csv line 4: skipped (ValueError" in output and "zccd.csv line 5: skipped" in output
    assert "2 bad rows skipped" in output
    assert not ZipDistrict.objects.filter(zcta="05401").exists()
    assert ZipDistrict.objects.filter(zcta="10001").count() == 2  # the rest of the file still loaded


def test_a_changed_sync_refreshes_cached_lookups(client, tmp_path):
    sync(write_data_dir(tmp_path))
    before = client.get("/api/v1/lookup", {"zip": "05401"}).json()
    people = [dict(p) for p in PEOPLE]
    people[4] = {**people[4], "name": {"first": "Becca", "last": "Balint-Renamed",
                                       "official_full": "Becca Balint-Renamed"}}

    sync(write_data_dir(tmp_path, people=people))

    after = client.get("/api/v1/lookup", {"zip": "05401"}).json()
    assert before["targets"][0]["name"] == "Becca Balint"
    assert after["targets"][0]["name"] == "Becca Balint-Renamed"

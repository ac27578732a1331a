"""Turnover guards: a lagging or shrunken source is refused, the previous data kept, loudly, and the command
fails; members without a phone are reached through the Capitol switchboard; stale fixed targets warn."""

from io import StringIO

import pytest
import yaml
from django.core.management import CommandError, call_command

from targets.models import DistrictOffice, Target, TargetRole
from targets.reach import reach_for
from tests.targets.fixtures import PEOPLE, person, write_data_dir

pytestmark = pytest.mark.django_db
MEMBERSHIP = "congress-legislators/committee-membership-current.yaml"


def sync(data_dir) -> str:
    out = StringIO()
    call_command("sync_targets", "--data-dir", str(data_dir), stdout=out)
    return out.getvalue()


def failing_sync(data_dir, match) -> str:
    out = StringIO()
    with pytest.raises(CommandError, match=match):
        call_command("sync_targets", "--data-dir", str(data_dir), stdout=out)
    return out.getvalue()


def roles() -> dict:
    return dict(TargetRole.objects.values_list("role", "target__key"))


def test_an_empty_committee_file_leaves_the_roles_in_place_and_fails_loudly(tmp_path, caplog):
    data_dir = write_data_dir(tmp_path)
    sync(data_dir)
    held = roles()
    (data_dir / MEMBERSHIP).write_text("{}\n")  # congress-legislators on 2025-01-03

    output = failing_sync(data_dir, "1 source")

    assert roles() == held and held["committee:HSAP15:ranking-member"] == "B001288"
    assert "committees: FAILED, kept the previous data (the source has 0 committee seats where we hold 2" in output
    assert any(r.levelname == "ERROR" and "committee seats" in r.getMessage() for r in caplog.records)


def test_missing_leadership_roles_keep_the_leaders_while_members_still_update(tmp_path):
    data_dir = write_data_dir(tmp_path)
    sync(data_dir)
    lagging = [{**p, "leadership_roles": []} if p["id"]["bioguide"] == "N000002" else p for p in PEOPLE]
    lagging[1] = person("G000599", "Daniel", "Goldman", "rep", "NY", 10, phone="202-225-7944")
    (data_dir / "fixed_targets.yaml").write_text(yaml.safe_dump({"executive": []}))

    output = failing_sync(write_data_dir(data_dir, people=lagging) and data_dir, "1 source")

    assert "leadership_roles: FAILED" in output
    assert roles()["leadership:house:house-minority-whip"] == "N000002"
    assert Target.objects.get(key="G000599").phone == "+12022257944"


def test_a_members_file_that_shrank_is_refused(tmp_path):
    data_dir = write_data_dir(tmp_path)
    sync(data_dir)

    output = failing_sync(write_data_dir(data_dir, people=PEOPLE[:3]), "1 source")

    assert "legislators: FAILED" in output and "3 members where we hold 7" in output
    assert Target.objects.filter(kind="member", is_active=True).count() == 7


def test_a_district_office_file_that_shrank_is_refused(tmp_path):
    data_dir = write_data_dir(tmp_path)
    sync(data_dir)
    (data_dir / "congress-legislators/legislators-district-offices.yaml").write_text("[]\n")

    output = failing_sync(data_dir, "1 source")

    assert "district_offices: FAILED" in output and DistrictOffice.objects.count() == 1


def test_a_new_member_without_a_phone_is_reached_through_the_switchboard(client, tmp_path):
    sync(write_data_dir(tmp_path))
    new_member = Target.objects.get(key="X000001")  # no phone in the file, like Rep. Gallagher in June 2026

    reach = reach_for(new_member)
    body = client.get("/api/v1/lookup", {"zip": "96001"}).json()
    page = client.get("/lookup/", {"zip": "96001"}, HTTP_ACCEPT_LANGUAGE="es").content.decode()

    assert (reach.phone, reach.via_switchboard) == ("+12022243121", True)
    assert reach.instruction("en") == ("You will reach the Capitol switchboard. Ask the operator for the office "
                                       "of Representative No Phone.")
    assert "Representative No Phone" in reach.instruction("es") and "operador" in reach.instruction("es")
    member = body["members"][0]
    assert (member["phone"], member["dial_phone"]) == (None, "+12022243121")
    assert "Capitol switchboard" in member["switchboard_instruction"]
    assert "tel:+12022243121" in page
    assert reach_for(Target.objects.get(key="N000002")).via_switchboard is False


def test_fixed_targets_past_valid_until_or_unverified_warn(tmp_path):
    data_dir = write_data_dir(tmp_path)
    fixed = yaml.safe_load((data_dir / "fixed_targets.yaml").read_text())
    fixed["valid_until"] = "2027-01-03"
    fixed["executive"][0].update({"valid_until": "2025-01-03", "verified_on": "2025-01-01"})
    fixed["executive"][1]["verified_on"] = "2099-01-01"
    (data_dir / "fixed_targets.yaml").write_text(yaml.safe_dump(fixed))

    output = sync(data_dir)

    dhs = Target.objects.get(key="dhs_main")
    assert (str(dhs.valid_until), str(dhs.verified_on)) == ("2025-01-03", "2025-01-01")
    assert str(Target.objects.get(key="white_house_contact_form").valid_until) == "2027-01-03"
    assert "WARNING: fixed target dhs_main was valid until 2025-01-03" in output
    assert "WARNING: fixed target dhs_main not verified in the last 90 days" in output
    assert "white_house_contact_form not verified" not in output

"""The pre-flight check, through `manage.py check_campaign` and the organizer page, on the small target data."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from advocacy.campaigns.models import CampaignTarget
from targets.models import Target

pytestmark = pytest.mark.django_db


@pytest.fixture
def preflight_campaign(campaign):
    today = timezone.localdate()
    Target.objects.filter(key="dhs_main").update(valid_until=today - dt.timedelta(days=1), verified_on=today)
    Target.objects.filter(key="white_house_contact_form").update(verified_on=today - dt.timedelta(days=91))
    for position, (source, key, role) in enumerate([
            (CampaignTarget.Source.FIXED, "white_house_contact_form", ""),
            (CampaignTarget.Source.ROLE, None, "committee:HSAP15"),
            (CampaignTarget.Source.ROLE, None, "committee:SSAP14")], start=3):
        CampaignTarget.objects.create(campaign=campaign, position=position, source=source, role=role,
                                      target=Target.objects.get(key=key) if key else None)
    return campaign


def check(*args) -> tuple[str, str]:
    out = StringIO()
    try:
        call_command("check_campaign", *args, stdout=out)
    except CommandError as exc:
        return out.getvalue(), str(exc)
    return out.getvalue(), ""


def flagged(output: str) -> dict[str, str]:
    return {line.split("] ", 1)[1].split(" | ")[0]: line.split("!! ", 1)[1]
            for line in output.splitlines() if "!! " in line}


def test_check_campaign_flags_each_problem_and_exits_non_zero(preflight_campaign):
    output, error = check("detention")

    problems = flagged(output)
    assert problems["CA-2"] == "vacant seat"
    assert problems["Representative No Phone (CA-1)"] == (
        "no phone: reached through the Capitol switchboard; no district office")
    assert problems["Representative Daniel Goldman (NY-10)"] == "no district office"
    assert "Representative Jerrold Nadler (NY-12)" not in problems  # has a phone and a district office
    assert problems["Department of Homeland Security"].startswith("past valid_until")
    assert problems["White House contact form"] == "not verified in the last 90 days"
    assert problems["committee:SSAP14"] == "nobody holds this role"
    assert problems["Senate, CA"] == "2 vacant seat(s)" and "Senate, NY" not in problems
    assert "legislators sha256:" in output and error.endswith("problem(s) found")


def test_after_the_switch_states_without_a_new_plan_are_flagged(preflight_campaign, settings, tmp_path):
    from tests.targets.fixtures import write_data_dir, write_plan

    call_command("sync_targets", "--data-dir", str(write_plan(write_data_dir(tmp_path))), stdout=StringIO())
    settings.CONGRESS_OVERRIDE = 120

    problems = flagged(check("detention", "--problems-only")[0])

    assert problems["district plans, 120th Congress"] == (
        "no plan loaded for VT: supporters there are asked for a street address")


def test_an_unknown_campaign_is_a_clear_error():
    assert check("nope")[1] == "no campaign 'nope'"


def test_the_organizer_page_is_staff_only_and_linked_from_the_dashboard(client, preflight_campaign, admin_user,
                                                                        django_user_model):
    assert client.get("/organize/detention/preflight/").status_code == 302
    client.force_login(django_user_model.objects.create_user("volunteer", password="x"))
    assert client.get("/organize/detention/preflight/").status_code == 302
    client.force_login(admin_user)

    page = client.get("/organize/detention/preflight/").content.decode()
    problems_only = client.get("/organize/detention/preflight/", {"problems": "1"}).content.decode()
    dashboard = client.get("/organize/detention/").content.decode()

    assert "nobody holds this role" in page and "not verified in the last 90 days" in page
    assert "Representative Jerrold Nadler" in page and "Representative Jerrold Nadler" not in problems_only
    assert 'href="/organize/detention/preflight/"' in dashboard

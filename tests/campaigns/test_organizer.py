"""The organizer's admin: local time zones, variable checks, duplicate, positions, defaults, /organize/, run."""

import datetime as dt
import os
import subprocess
import zoneinfo
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from advocacy.campaigns.models import Campaign

pytestmark = pytest.mark.django_db
INLINES = ("demands", "target_lines", "message_templates", "schedule", "sample_posts")


@pytest.fixture
def organizer(client, django_user_model):
    user = django_user_model.objects.create_superuser("org", "org@example.org", "pw")
    client.force_login(user)
    return user


def admin_post(*, slug="pacific", start, end, time_zone="America/Los_Angeles", **extra) -> dict:
    data = {"slug": slug, "title": "Pacific day", "language": "en", "time_zone": time_zone,
            "window_start_0": start[0], "window_start_1": start[1], "window_end_0": end[0], "window_end_1": end[1],
            "goal_calls": "0", "goal_emails": "0", "require_email_confirmation": "on",
            "office_hours_start": "09:00", "office_hours_end": "17:00", **extra}
    for prefix in INLINES:
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    return data


def test_a_window_entered_in_the_campaigns_time_zone_opens_and_closes_at_those_local_times(client, organizer):
    day = (timezone.now() + dt.timedelta(days=30)).date()
    response = client.post("/admin/campaigns/campaign/add/",
                           admin_post(start=(day.isoformat(), "09:00:00"), end=(day.isoformat(), "21:00:00")))
    assert response.status_code == 302, response.content.decode()[:3000]
    campaign = Campaign.objects.get(slug="pacific")
    pacific = zoneinfo.ZoneInfo(campaign.time_zone)
    assert campaign.window_start == dt.datetime.combine(day, dt.time(9), tzinfo=pacific)
    assert campaign.window_end == dt.datetime.combine(day, dt.time(21), tzinfo=pacific)
    assert campaign.is_published is False  # new campaigns start unpublished
    assert campaign.is_open(campaign.window_start) and not campaign.is_open(campaign.window_start - dt.timedelta(
        seconds=1))

    change = client.get(f"/admin/campaigns/campaign/{campaign.pk}/change/").content.decode()
    assert 'name="window_start_1" value="09:00:00"' in change and 'name="window_end_1" value="21:00:00"' in change
    listing = client.get("/admin/campaigns/campaign/").content.decode()
    assert "9 a.m. PST" in listing or "9 a.m. PDT" in listing


def test_unknown_variables_and_role_paths_are_refused_on_save(client, organizer, targets):
    day = (timezone.now() + dt.timedelta(days=3)).date().isoformat()
    data = admin_post(start=(day, "09:00:00"), end=(day, "21:00:00"),
                      call_script="Hello, my name is {{ suporter.name }}. {% if target.nmae %}x{% endif %}")
    data.update({"target_lines-TOTAL_FORMS": "1", "target_lines-0-position": "0", "target_lines-0-source": "role",
                 "target_lines-0-role": "committee:HSAP99"})
    page = client.post("/admin/campaigns/campaign/add/", data).content.decode()

    assert "Unknown variable(s): suporter.name, target.nmae" in page
    assert "Nobody holds the role &#x27;committee:HSAP99&#x27;" in page and "committee:HSAP15:chair" in page
    assert not Campaign.objects.filter(slug="pacific").exists()
    assert "{{ supporter.first_name }}" in client.get("/admin/campaigns/campaign/add/").content.decode()


def test_duplicate_copies_everything_unpublished(client, organizer, email_campaign):
    email_campaign.demands.create(position=0, text="Free them all.")
    response = client.post("/admin/campaigns/campaign/", {"action": "duplicate",
                                                          "_selected_action": [email_campaign.pk]})
    copy = Campaign.objects.get(slug="detention-copy")

    assert response.status_code == 302 and copy.is_published is False and copy.title.endswith("(copy)")
    assert [d.text for d in copy.demands.all()] == ["Free them all."]
    assert copy.target_lines.count() == email_campaign.target_lines.count() == 3
    assert copy.message_templates.count() == 2
    assert email_campaign.demands.count() == 1


def test_new_rows_whose_position_was_left_alone_go_after_the_existing_ones(client, organizer, campaign):
    data = admin_post(slug=campaign.slug, start=("2020-01-01", "00:00:00"), end=("2040-01-01", "00:00:00"),
                      time_zone="America/New_York", is_published="on", phone_number=campaign.phone_number,
                      call_script=campaign.call_script, call_intro=campaign.call_intro)
    lines = list(campaign.target_lines.all())
    data.update({"target_lines-TOTAL_FORMS": str(len(lines) + 1), "target_lines-INITIAL_FORMS": str(len(lines))})
    for i, line in enumerate(lines):
        data.update({f"target_lines-{i}-id": line.pk, f"target_lines-{i}-campaign": campaign.pk,
                     f"target_lines-{i}-position": line.position, f"target_lines-{i}-source": line.source,
                     f"target_lines-{i}-target": line.target_id or "",
                     f"target_lines-{i}-radius_miles": line.radius_miles})
    n = len(lines)
    data.update({f"target_lines-{n}-position": "0", f"target_lines-{n}-source": "role",
                 f"target_lines-{n}-role": "committee:HSAP15", f"target_lines-{n}-radius_miles": "25"})
    response = client.post(f"/admin/campaigns/campaign/{campaign.pk}/change/", data)

    assert response.status_code == 302, response.content.decode()[:2000]
    assert list(campaign.target_lines.values_list("source", "position")) == [
        ("own_house", 0), ("own_senators", 1), ("fixed", 2), ("role", 3)]


def test_organize_lists_counts_a_new_campaign_link_and_logout(client, organizer, campaign):
    page = client.get("/organize/").content.decode()

    assert 'href="/admin/campaigns/campaign/add/"' in page and 'action="/admin/logout/"' in page
    assert "<td>0</td>" in page and campaign.title in page


def test_the_demo_is_created_when_missing_and_reset_only_on_request(targets):
    call_command("load_demo_campaign", "--date", "2026-11-24", stdout=StringIO())
    Campaign.objects.filter(slug="day-of-action").update(title="Our own title")
    out = StringIO()
    call_command("load_demo_campaign", "--date", "2026-11-25", stdout=out)
    assert Campaign.objects.get(slug="day-of-action").title == "Our own title" and "kept" in out.getvalue()
    call_command("load_demo_campaign", "--reset", "--date", "2026-11-25", stdout=StringIO())
    assert Campaign.objects.get(slug="day-of-action").title.startswith("Communities Not Cages")


def test_ensure_admin_creates_then_updates_the_password(monkeypatch):
    monkeypatch.setenv("ADMIN_PASSWORD", "first")
    call_command("ensure_admin", "--username", "boss", stdout=StringIO())
    monkeypatch.setenv("ADMIN_PASSWORD", "second")
    call_command("ensure_admin", "--username", "boss", stdout=StringIO())
    user = get_user_model().objects.get(username="boss")
    assert user.is_superuser and user.check_password("second") and not user.check_password("first")


def test_scripts_run_derives_the_public_base_url_from_port():
    script = (Path(__file__).resolve().parents[2] / "scripts" / "run").read_text()
    prelude = script[:script.index("scripts/setup")] + script[script.index("export DEBUG"):script.index("PY=")]
    env = {k: v for k, v in os.environ.items() if k != "PUBLIC_BASE_URL"}
    got = subprocess.run(["bash", "-c", prelude + 'echo "$PUBLIC_BASE_URL"'], env={**env, "PORT": "8101"},
                         capture_output=True, text=True, check=True).stdout.strip()
    given = subprocess.run(["bash", "-c", prelude + 'echo "$PUBLIC_BASE_URL"'],
                           env={**env, "PORT": "8101", "PUBLIC_BASE_URL": "https://act.example"},
                           capture_output=True, text=True, check=True).stdout.strip()
    assert got == "http://localhost:8101" and given == "https://act.example"

"""Security headers with DEBUG off, `check --deploy` clean for the README's production settings, /healthz
private, CSV cells that cannot run as formulas, and event dates a time zone cannot overflow."""

import csv
import datetime as dt
import io
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.utils import timezone

from advocacy.events.models import Event

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db


def readme_production_env() -> dict[str, str]:
    """The variables of the README's production example (the block after `<!-- production-env -->`)."""
    text = (ROOT / "README.md").read_text()
    block = text.split("<!-- production-env -->", 1)[1].split("```", 2)[1]
    env = dict(re.findall(r"^([A-Z_]+)=(\S+)$", block, re.M))
    env["SECRET_KEY"] = secrets.token_urlsafe(50)  # the README says to generate one
    return env


def run_check(env: dict[str, str]) -> subprocess.CompletedProcess:
    base = {"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", "/tmp")}
    return subprocess.run([sys.executable, "manage.py", "check", "--deploy"], cwd=ROOT, env={**base, **env},
                          capture_output=True, text=True, timeout=120)


def test_check_deploy_is_clean_for_the_readme_production_settings():
    env = readme_production_env()
    assert env["PUBLIC_BASE_URL"].startswith("https://") and env["DEBUG"] == "false"
    result = run_check(env)
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout and "WARNING" not in result.stdout + result.stderr


def test_production_without_the_webhook_secret_does_not_start():
    env = readme_production_env()
    del env["ANYMAIL_WEBHOOK_SECRET"]
    result = run_check(env)
    assert result.returncode != 0 and "advocacy.E001" in result.stderr


def test_security_headers_with_debug_off(client, campaign, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    page = client.get(f"/c/{campaign.slug}/", secure=True)
    csp = page["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
    assert page["Strict-Transport-Security"].startswith("max-age=31536000")
    assert page["X-Frame-Options"] == "DENY" and page["X-Content-Type-Options"] == "nosniff"
    assert page["Referrer-Policy"] == "same-origin" and page["Cross-Origin-Opener-Policy"] == "same-origin"
    embed = client.get(f"/c/{campaign.slug}/embed/", secure=True)
    assert "X-Frame-Options" not in embed  # partner sites frame the embed page: the view widens frame-ancestors
    assert "frame-ancestors 'none'" not in embed["Content-Security-Policy"]


def test_the_call_status_script_runs_under_the_policy(client, campaign):
    session_id = client.post(f"/api/v1/campaigns/{campaign.slug}/calls", {"phone": "2025550123", "zip": "10002"},
                             content_type="application/json").json()["call_id"]
    page = client.get(f"/calls/{session_id}/")
    nonce = re.search(r"'nonce-([^']+)'", page["Content-Security-Policy"]).group(1)
    assert f'<script nonce="{nonce}">' in page.content.decode()


def test_healthz_tells_the_public_only_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json() == {"status": "ok"}


def test_rsvp_csv_cells_cannot_be_formulas(client, campaign):
    event = Event.objects.create(campaign=campaign, title="Vigil", description="x", host_name="H",
                                 host_email="h@example.org", starts_at=timezone.now() + dt.timedelta(days=2),
                                 status="approved")
    for n, name in enumerate(['=HYPERLINK("http://evil.example","x")', "+1+1", "-2+3", "@SUM(A1)", "Ana"]):
        event.rsvps.create(name=name, email=f"p{n}@example.org")
    body = b"".join(client.get(f"/events/manage/{event.manage_token}/rsvps.csv").streaming_content).decode()
    names = [row[0] for row in csv.reader(io.StringIO(body))][1:]
    assert names == ["'=HYPERLINK(\"http://evil.example\",\"x\")", "'+1+1", "'-2+3", "'@SUM(A1)", "Ana"]


def test_far_event_dates_are_refused_and_the_admin_list_stays_up(client, admin_client, campaign):
    from tests.events.test_events import host_form

    response = client.post(f"/c/{campaign.slug}/events/host/",
                           host_form(date="9999-12-31", start_time="23:30", time_zone="America/Los_Angeles"))
    assert response.status_code in (200, 400) and "within the next two years" in response.content.decode()
    assert not Event.objects.exists()
    admin_add = admin_client.post("/admin/events/event/add/", {
        "campaign": campaign.pk, "title": "Far", "description": "x", "host_name": "H", "host_email": "h@example.org",
        "starts_at_0": "9999-12-31", "starts_at_1": "23:30:00", "time_zone": "America/Los_Angeles",
        "status": "approved", "rsvps-TOTAL_FORMS": "0", "rsvps-INITIAL_FORMS": "0"})
    assert admin_add.status_code == 200 and "within the next two years" in admin_add.content.decode()
    assert not Event.objects.exists()
    assert admin_client.get("/admin/events/event/").status_code == 200


def test_the_policy_built_once_is_django_csps_own_and_follows_the_settings(client, campaign, settings):
    """advocacy/security/csp.py: a response without a nonce or a view's directives gets the header django-csp would
    build; a changed policy is sent at once; a page whose script uses a nonce still gets a nonce of its own."""
    from csp.utils import build_policy

    api = client.get("/api/v1/lookup?zip=10002")
    assert api["Content-Security-Policy"] == build_policy() and "nonce-" not in api["Content-Security-Policy"]

    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"default-src": ["'none'"], "frame-ancestors": ["'none'"]}}
    directives = client.get("/api/v1/lookup?zip=10002")["Content-Security-Policy"].split("; ")
    assert sorted(directives) == ["default-src 'none'", "frame-ancestors 'none'"]  # django-csp's order varies
    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"default-src": ["'self'"]},
                                        "EXCLUDE_URL_PREFIXES": ["/api/"]}
    assert "Content-Security-Policy" not in client.get("/api/v1/lookup?zip=10002")

"""The dashboard's numbers against the records the real call and email flows leave behind."""

import csv
import io

import pytest
from django.core import mail

from advocacy.calls.models import CallLeg, CallSession
from advocacy.calls.simulator import Scenario
from advocacy.emails.models import EmailAction, EmailDelivery
from advocacy.emails.services import confirm_action, submit_email_action
from advocacy.emails.webforms import report_webform
from targets.models import Target
from tests.calls.conftest import request_call

pytestmark = pytest.mark.django_db(transaction=True)


def drive_calls(client, campaign, fake_twilio):
    Target.objects.filter(key="S000148").update(phone="+12022240002")
    fake_twilio.set_scenario("+18025550101", Scenario(target_results={"+12022240002": "busy"},
                                                      supporter_keys=["1", "2"]))
    fake_twilio.set_scenario("+18025550102", Scenario(star_on={1}, talk_seconds=90))
    fake_twilio.set_scenario("+18025550103", Scenario(supporter_keys=[""]))  # voicemail: never starts
    for n in range(1, 4):
        assert request_call(client, campaign, phone=f"+1802555010{n}").status_code == 202
        fake_twilio.wait_idle()  # one call at a time: SQLite's shared in-memory test database is single-writer
    leg = CallLeg.objects.filter(session__phone="+18025550102", status="completed").first()
    client.post(f"/calls/{leg.session_id}/outcome/{leg.pk}/", {"outcome": "left_voicemail"})


def drive_emails(campaign, settings):
    settings.EMAIL_BACKEND = "anymail.backends.test.EmailBackend"
    for n in range(3):
        action = submit_email_action(campaign=campaign, name=f"Supporter {n}", email=f"s{n}@example.org",
                                     zip_code="10002")
        if n < 2:
            confirm_action(action=action)
    report_webform(delivery=EmailDelivery.objects.filter(status="to_report").first())


def expected_from_records(campaign) -> dict:
    legs = CallLeg.objects.filter(campaign=campaign)
    deliveries = EmailDelivery.objects.filter(campaign=campaign)
    return {
        "call_sessions": CallSession.objects.filter(campaign=campaign).count(),
        "supporters_connected": CallSession.objects.filter(campaign=campaign, supporter_connected=True).count(),
        "calls_attempted": legs.exclude(status__in=["pending", "skipped"]).count(),
        "calls_connected": legs.filter(status="completed").count(),
        "talk_minutes": round(sum(legs.values_list("duration_seconds", flat=True)) / 60, 1),
        "calls_busy": legs.filter(status="busy").count(),
        "calls_no_answer": legs.filter(status="no_answer").count(),
        "calls_failed": legs.filter(status="failed").count(),
        "emails_sent": deliveries.filter(status="sent").count(),
        "emails_delivered": 0,
        "emails_bounced": 0,
        "webform_reported": deliveries.filter(status="reported").count(),
        "cwc_delivered": deliveries.filter(channel="cwc", status="delivered").count(),
        "webform_opened": deliveries.filter(channel="webform", event_at__isnull=False).count(),
        "unique_supporters": len(set(CallSession.objects.filter(campaign=campaign).values_list("phone", flat=True))
                                 | set(EmailAction.objects.filter(campaign=campaign, status="confirmed")
                                       .values_list("email", flat=True))),
    }


def test_stats_json_matches_the_records_exactly(client, email_campaign, fake_twilio, admin_user, settings):
    drive_calls(client, email_campaign, fake_twilio)
    drive_emails(email_campaign, settings)
    client.force_login(admin_user)

    stats = client.get(f"/organize/{email_campaign.slug}/stats.json").json()

    assert stats["totals"] == expected_from_records(email_campaign)
    assert stats["totals"]["calls_busy"] == 1 and stats["totals"]["emails_sent"] == 4
    assert stats["outcomes"]["left_voicemail"] == 1
    by_target = {row["id"]: row for row in stats["targets"]}
    goldman = CallLeg.objects.filter(target__key="G000599", status="completed")
    assert by_target["G000599"]["calls_connected"] == goldman.count()
    assert by_target["G000599"]["emails"] == EmailDelivery.objects.filter(target__key="G000599", status="sent").count()
    assert stats["top_states"][0]["state"] == "NY"
    assert sum(p["calls"] for p in stats["per_minute"]) == stats["totals"]["calls_connected"]
    assert len(stats["per_minute"]) == 60 and stats["chart"]["range"] == "hour"  # zoomed to the last hour
    whole = client.get(f"/organize/{email_campaign.slug}/stats.json?range=all").json()
    start, end = email_campaign.window_start.replace(second=0, microsecond=0), email_campaign.window_end
    minutes = -(-(end - start).total_seconds() // 60)  # the two-hour window, its last part-minute included
    assert len(whole["per_minute"]) == minutes in (120, 121) and whole["chart"]["bucket_minutes"] == 1
    assert sum(p["calls"] for p in whole["per_minute"]) == stats["totals"]["calls_connected"]
    assert mail.outbox  # the emails really went through the (test) provider


def test_the_csv_export_streams_every_attempt_without_personal_data(client, email_campaign, fake_twilio,
                                                                     admin_user, settings):
    drive_calls(client, email_campaign, fake_twilio)
    drive_emails(email_campaign, settings)
    client.force_login(admin_user)

    response = client.get(f"/organize/{email_campaign.slug}/export.csv")
    body = b"".join(response.streaming_content).decode()
    rows = list(csv.DictReader(io.StringIO(body)))

    assert response.streaming and response["Content-Type"].startswith("text/csv")
    assert len(rows) == CallLeg.objects.count() + EmailDelivery.objects.count()
    assert {r["channel"] for r in rows} >= {"call", "email", "webform"}
    assert "+1802555010" not in body and "@example.org" not in body


def test_the_public_counter_is_cached_and_has_no_personal_data(client, email_campaign, settings):
    settings.EMAIL_BACKEND = "anymail.backends.test.EmailBackend"
    email_campaign.require_email_confirmation = False
    email_campaign.save()
    first = client.get(f"/api/v1/campaigns/{email_campaign.slug}/stats").json()
    submit_email_action(campaign=email_campaign, name="Ana Supporter", email="ana@example.org", zip_code="10002")
    cached = client.get(f"/api/v1/campaigns/{email_campaign.slug}/stats")

    assert cached.json() == first  # served from the cache until it expires
    assert cached["Access-Control-Allow-Origin"] == "*" and "max-age" in cached["Cache-Control"]
    assert set(first["totals"]) == {"calls", "call_sessions", "emails", "supporters"}
    from django.core.cache import cache
    cache.clear()
    fresh = client.get(f"/api/v1/campaigns/{email_campaign.slug}/stats")
    assert fresh.json()["totals"] == {"calls": 0, "call_sessions": 0, "supporters": 1,
                                      "emails": EmailDelivery.objects.filter(status="sent").count()}
    assert fresh.json()["totals"]["emails"] == 2 and b"ana@example.org" not in fresh.content


def test_organizer_pages_need_a_staff_login(client, email_campaign, django_user_model):
    for path in ("/organize/", f"/organize/{email_campaign.slug}/", f"/organize/{email_campaign.slug}/stats.json",
                 f"/organize/{email_campaign.slug}/export.csv"):
        response = client.get(path)
        assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    client.force_login(django_user_model.objects.create_user("volunteer", password="x"))
    assert client.get(f"/organize/{email_campaign.slug}/").status_code == 302


def test_the_dashboard_page_renders_for_staff(client, email_campaign, admin_user):
    client.force_login(admin_user)
    page = client.get(f"/organize/{email_campaign.slug}/").content.decode()

    assert "calls connected to targets" in page and 'id="chart"' in page

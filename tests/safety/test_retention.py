"""Personal data with an end: the retention job hashes exactly the rows past their period, and counts,
duplicate checks and rate limits keep working on the hashes."""

import datetime as dt
import io
import logging

import pytest
from django.core.management import call_command
from django.utils import timezone

from advocacy.calls.models import CallSession
from advocacy.dashboard.models import CampaignSupporter
from advocacy.dashboard.selectors import metric_totals
from advocacy.emails.models import EmailAction, Supporter
from advocacy.privacy.identity import identity_key
from advocacy.privacy.logfilter import RedactPersonalData
from advocacy.privacy.tasks import apply_retention_task
from tests.emails.conftest import outbox_confirm_path, submit

pytestmark = pytest.mark.django_db

OLD, RECENT = dt.timedelta(days=31), dt.timedelta(days=29)


def call(client, campaign, phone, ip="198.51.100.7"):
    return client.post(f"/api/v1/campaigns/{campaign.slug}/calls", {"phone": phone, "zip": "10002"},
                       content_type="application/json", REMOTE_ADDR=ip)


def email_and_confirm(client, campaign, capture, email):
    with capture(execute=True):
        assert submit(client, campaign, email=email).status_code == 202
    with capture(execute=True):
        client.post(outbox_confirm_path(email))
    return EmailAction.objects.filter(email=email).latest("id")


def age(model, pk, delta, **fields):
    when = timezone.now() - delta
    model.objects.filter(pk=pk).update(created_at=when, **{name: when for name in fields.get("times", ())},
                                       **fields.get("values", {}))


@pytest.fixture
def history(client, email_campaign, settings, django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = "anymail.backends.test.EmailBackend"
    settings.CALLS_PER_PHONE_PER_HOUR = 2
    settings.CALL_DUPLICATE_WINDOW_SECONDS = 0  # two calls from one phone are two sessions here
    old_call, recent_call, live_call = (call(client, email_campaign, phone).json()["call_id"]
                                        for phone in ("2025550101", "2025550101", "2025550199"))
    age(CallSession, old_call, OLD, times=["ended_at"], values={"status": "completed"})
    age(CallSession, recent_call, RECENT, times=["ended_at"], values={"status": "completed"})
    age(CallSession, live_call, OLD, values={"status": "in_progress"})
    old = email_and_confirm(client, email_campaign, django_capture_on_commit_callbacks, "ana@example.org")
    age(EmailAction, old.pk, OLD, times=["confirmed_at"])
    old.deliveries.update(sent_at=timezone.now() - OLD)
    recent = email_and_confirm(client, email_campaign, django_capture_on_commit_callbacks, "bob@example.org")
    return {"old_call": old_call, "recent_call": recent_call, "live_call": live_call, "old": old.pk,
            "recent": recent.pk}


def test_the_job_hashes_exactly_the_rows_past_their_period(history, email_campaign):
    before = metric_totals(campaign_id=email_campaign.pk)["unique_supporters"]

    assert apply_retention_task.delay().get()["calls"] == 1

    sessions = {str(s.pk): s for s in CallSession.objects.all()}
    assert sessions[history["old_call"]].phone == identity_key("+12025550101")
    assert sessions[history["recent_call"]].phone == "+12025550101"  # 29 days: still kept
    assert sessions[history["live_call"]].phone == "+12025550199"  # not final: still kept
    # IPs go as soon as the call is over; a live call keeps its own until then.
    assert sessions[history["recent_call"]].ip_address is None
    assert sessions[history["live_call"]].ip_address == "198.51.100.7"
    old, recent = EmailAction.objects.get(pk=history["old"]), EmailAction.objects.get(pk=history["recent"])
    assert old.email == identity_key("ana@example.org") and old.name == "" and old.ip_address is None
    assert recent.email == "bob@example.org" and recent.ip_address is None
    assert Supporter.objects.filter(email=identity_key("ana@example.org")).exists()
    assert not Supporter.objects.filter(email="ana@example.org").exists()
    assert metric_totals(campaign_id=email_campaign.pk)["unique_supporters"] == before == 4
    # The dashboard's supporter keys are the same keyed hashes (an unkeyed hash of a phone number is reversible).
    assert set(CampaignSupporter.objects.values_list("supporter_key", flat=True)) == {
        identity_key(x) for x in ("+12025550101", "+12025550199", "ana@example.org", "bob@example.org")}
    assert apply_retention_task.delay().get()["calls"] == 0  # a second run changes nothing


def test_counts_and_limits_still_work_on_the_hashes(client, history, email_campaign,
                                                    django_capture_on_commit_callbacks):
    apply_retention_task.delay().get()

    assert call(client, email_campaign, "2025550101").status_code == 429  # the per-phone limit still counts
    email_and_confirm(client, email_campaign, django_capture_on_commit_callbacks, "ana@example.org")
    assert metric_totals(campaign_id=email_campaign.pk)["unique_supporters"] == 4  # ana is not counted twice


def test_forget_supporter_hashes_a_number_and_an_address_now(history):
    out = io.StringIO()
    call_command("forget_supporter", "--phone", "(202) 555-0199", "--email", "Bob@example.org", stdout=out)

    assert "1 call(s), 1 email action(s)" in out.getvalue()
    assert CallSession.objects.get(pk=history["live_call"]).phone == identity_key("+12025550199")
    assert EmailAction.objects.get(pk=history["recent"]).email == identity_key("bob@example.org")
    assert not CallSession.objects.filter(phone="+12025550199").exists()


def test_the_admin_masks_phones_and_emails(admin_client, history):
    calls = admin_client.get(f"/admin/calls/callsession/{history['recent_call']}/change/").content.decode()
    emails = admin_client.get("/admin/emails/emailaction/").content.decode()
    assert "2025550101" not in calls and "+1202•••••01" in calls
    assert "bob@example.org" not in emails and "b•••@example.org" in emails


def test_logs_carry_no_full_phone_number_or_email(settings):
    configured = settings.LOGGING["handlers"]["console"]["filters"]
    assert "redact" in configured
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RedactPersonalData())
    logger = logging.getLogger("tests.privacy")
    logger.addHandler(handler)
    try:
        logger.warning("call to %s for %s failed", "+12025550123", "ana.ruiz@example.org")
        logger.warning("sms (202) 555-0124 and 202.555.0125")
    finally:
        logger.removeHandler(handler)
    text = stream.getvalue()
    for secret in ("2025550123", "555-0124", "555.0125", "ana.ruiz@"):
        assert secret not in text
    assert "…23" in text and "@example.org" in text

"""What the mail server says back: deferrals are retried, refusals are recorded with the reason, and
nothing reaches an office twice. Django's SMTP backend talks to a real local SMTP server (aiosmtpd)."""

import pytest

from advocacy.dashboard.selectors import metric_totals
from advocacy.delivery import MAX_RETRIES
from advocacy.emails.models import EmailAction, EmailDelivery
from tests.emails.conftest import GOLDMAN_EMAIL, SCHUMER_EMAIL, confirm_path, submit
from tests.fakes.smtp import FakeSMTPServer

pytestmark = pytest.mark.django_db

SUPPORTER = "ana@example.org"


@pytest.fixture
def smtp(settings):
    with FakeSMTPServer() as server:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", server.port, 10
        yield server


def submit_and_confirm(client, campaign, capture, smtp) -> EmailAction:
    with capture(execute=True):
        assert submit(client, campaign).status_code == 202
    action = EmailAction.objects.get()
    with capture(execute=True):
        client.post(confirm_path(smtp.to(SUPPORTER)[-1].as_string()))
    return action


def delivery_to(address: str) -> EmailDelivery:
    return EmailDelivery.objects.get(address=address)


def test_a_greylisting_server_gets_the_message_once_after_retries(
        client, email_campaign, smtp, django_capture_on_commit_callbacks):
    smtp.refuse("RCPT", "451 4.7.1 Greylisted, try again later", times=2, to=GOLDMAN_EMAIL)

    submit_and_confirm(client, email_campaign, django_capture_on_commit_callbacks, smtp)

    goldman = delivery_to(GOLDMAN_EMAIL)
    assert len(smtp.to(GOLDMAN_EMAIL)) == 1 and len(smtp.to(SCHUMER_EMAIL)) == 1
    assert (goldman.status, goldman.attempts) == ("sent", 3)
    assert "451" in goldman.last_error
    assert metric_totals(campaign_id=email_campaign.pk)["email_sent"] == 2


def test_a_refused_message_is_recorded_with_the_reason_and_the_others_still_go(
        client, email_campaign, smtp, django_capture_on_commit_callbacks):
    smtp.refuse("DATA", "554 5.7.1 Message rejected as spam", times=None, to=GOLDMAN_EMAIL)

    submit_and_confirm(client, email_campaign, django_capture_on_commit_callbacks, smtp)

    goldman, schumer = delivery_to(GOLDMAN_EMAIL), delivery_to(SCHUMER_EMAIL)
    assert (goldman.status, goldman.attempts) == ("failed", 1)
    assert "554" in goldman.last_error and "rejected as spam" in goldman.last_error
    assert smtp.to(GOLDMAN_EMAIL) == [] and len(smtp.to(SCHUMER_EMAIL)) == 1
    assert schumer.status == "sent"
    assert metric_totals(campaign_id=email_campaign.pk)["email_sent"] == 1


def test_an_unknown_mailbox_is_not_retried(client, email_campaign, smtp, django_capture_on_commit_callbacks):
    smtp.refuse("RCPT", "550 5.1.1 No such user", times=None, to=SCHUMER_EMAIL)

    submit_and_confirm(client, email_campaign, django_capture_on_commit_callbacks, smtp)

    schumer = delivery_to(SCHUMER_EMAIL)
    assert (schumer.status, schumer.attempts) == ("failed", 1) and "550" in schumer.last_error
    assert [reply for reply, to in smtp.refused if to == [SCHUMER_EMAIL]] == ["550 5.1.1 No such user"]


def test_a_server_that_never_recovers_fails_the_delivery_after_the_last_retry(
        client, email_campaign, smtp, django_capture_on_commit_callbacks):
    smtp.refuse("DATA", "421 4.3.2 Service shutting down", times=None, to=GOLDMAN_EMAIL)

    submit_and_confirm(client, email_campaign, django_capture_on_commit_callbacks, smtp)

    goldman = delivery_to(GOLDMAN_EMAIL)
    assert goldman.status == "failed" and goldman.attempts == MAX_RETRIES + 1
    assert goldman.last_error.startswith(f"gave up after {MAX_RETRIES + 1} attempts") and "421" in goldman.last_error
    assert smtp.to(GOLDMAN_EMAIL) == []
    assert metric_totals(campaign_id=email_campaign.pk)["email_sent"] == 1


def test_a_supporter_address_the_server_refuses_still_records_the_action(
        client, email_campaign, smtp, django_capture_on_commit_callbacks):
    smtp.refuse("RCPT", "550 5.1.1 No such user", times=None, to=SUPPORTER)

    with django_capture_on_commit_callbacks(execute=True):
        response = submit(client, email_campaign)

    assert response.status_code == 202
    action = EmailAction.objects.get()
    assert action.status == "pending_confirmation" and action.confirmation_sent_at is None
    assert set(action.deliveries.values_list("status", flat=True)) == {"waiting"}
    assert smtp.messages == []

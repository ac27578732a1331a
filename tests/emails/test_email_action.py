"""The email action through its entry points, with anymail's test backend standing in for the provider."""

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from advocacy.dashboard.selectors import metric_totals
from advocacy.emails.models import EmailAction, EmailDelivery
from tests.emails.conftest import GOLDMAN_EMAIL, SCHUMER_EMAIL, outbox_confirm_path, submit

pytestmark = pytest.mark.django_db

ANYMAIL_TEST = "anymail.backends.test.EmailBackend"


@pytest.fixture(autouse=True)
def anymail_test_backend(settings):
    settings.EMAIL_BACKEND = ANYMAIL_TEST


def confirm(client, action, capture):
    with capture(execute=True):
        return client.post(outbox_confirm_path(action.email))


def test_nothing_is_sent_until_the_supporter_confirms(client, email_campaign, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = submit(client, email_campaign)

    assert response.status_code == 202 and response.json()["needs_confirmation"] is True
    action = EmailAction.objects.get()
    assert [m.to for m in mail.outbox] == [["ana@example.org"]]  # only the confirmation request
    link = outbox_confirm_path("ana@example.org")
    assert action.token not in link
    assert set(action.deliveries.values_list("status", flat=True)) == {"waiting"}
    assert client.get(link).status_code == 200  # a GET (link scanner) sends nothing
    assert len(mail.outbox) == 1


def test_confirmed_messages_go_to_each_office_once_with_the_right_headers(
        client, email_campaign, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        submit(client, email_campaign, personal_note="My cousin was held for 9 months.")
    action = EmailAction.objects.get()
    confirm(client, action, django_capture_on_commit_callbacks)
    confirm(client, action, django_capture_on_commit_callbacks)  # a second click changes nothing

    to_offices = [m for m in mail.outbox if m.to[0] in (GOLDMAN_EMAIL, SCHUMER_EMAIL)]
    assert sorted(m.to[0] for m in to_offices) == [GOLDMAN_EMAIL, SCHUMER_EMAIL]
    goldman = next(m for m in to_offices if m.to == [GOLDMAN_EMAIL])
    assert goldman.from_email == "action@coalition.example"
    assert goldman.reply_to == ["Ana Ruiz <ana@example.org>"]
    assert goldman.subject == "Communities, not cages, Representative Daniel Goldman"
    assert "My cousin was held for 9 months." in goldman.body
    assert goldman.body.rstrip().endswith("Ana Ruiz, New York 10002")
    assert goldman.alternatives[0].mimetype == "text/html"
    receipts = [m for m in mail.outbox if m.to == ["ana@example.org"]]
    assert len(receipts) == 2 and "Your messages" in receipts[1].subject
    deliveries = {d.target.key: d for d in action.deliveries.select_related("target")}
    assert deliveries["G000599"].status == "sent" and deliveries["G000599"].provider_message_id
    assert deliveries["dhs_main"].channel == "webform" and deliveries["dhs_main"].status == "to_report"
    totals = metric_totals(campaign_id=email_campaign.pk)
    assert (totals["email_sent"], totals["unique_supporters"]) == (2, 1)


def test_web_form_targets_are_reported_by_the_supporter(client, email_campaign, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        submit(client, email_campaign)
    action = EmailAction.objects.get()
    confirm(client, action, django_capture_on_commit_callbacks)
    dhs = action.deliveries.get(target__key="dhs_main")

    page = client.get(f"/emails/a/{action.token}/").content.decode()
    client.post(f"/emails/a/{action.token}/webform/{dhs.pk}/")
    client.post(f"/emails/a/{action.token}/webform/{dhs.pk}/")

    assert "https://www.dhs.gov" in page or "Open their form" in page
    assert EmailDelivery.objects.get(pk=dhs.pk).status == "reported"
    assert metric_totals(campaign_id=email_campaign.pk)["webform_reported"] == 1


def test_a_confirmed_browser_skips_confirmation_next_time(client, email_campaign,
                                                          django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        submit(client, email_campaign)
    confirm(client, EmailAction.objects.get(), django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/c/{email_campaign.slug}/email/", {"name": "Ana Ruiz", "email": "ana@example.org",
                                                                   "zip": "10002"})

    second = EmailAction.objects.latest("id")
    assert response.status_code == 302 and second.status == "confirmed"


def test_bounce_and_delivery_webhooks_update_each_delivery(client, email_campaign, settings,
                                                           django_capture_on_commit_callbacks):
    settings.ANYMAIL = {"WEBHOOK_SECRET": "hook:secret"}
    with django_capture_on_commit_callbacks(execute=True):
        submit(client, email_campaign)
    confirm(client, EmailAction.objects.get(), django_capture_on_commit_callbacks)
    goldman = EmailDelivery.objects.get(target__key="G000599")
    schumer = EmailDelivery.objects.get(target__key="S000148")
    auth = {"HTTP_AUTHORIZATION": "Basic aG9vazpzZWNyZXQ="}  # hook:secret

    bounce = {"RecordType": "Bounce", "Type": "HardBounce", "TypeCode": 1, "MessageID": goldman.provider_message_id,
              "Email": GOLDMAN_EMAIL, "BouncedAt": "2026-11-24T18:01:00Z", "Description": "mailbox unavailable"}
    delivered = {"RecordType": "Delivery", "MessageID": schumer.provider_message_id, "Recipient": SCHUMER_EMAIL,
                 "DeliveredAt": "2026-11-24T18:01:00Z", "Details": "250 OK"}
    for payload in (bounce, bounce, delivered):
        response = client.post("/anymail/postmark/tracking/", payload, content_type="application/json", **auth)
        assert response.status_code == 200
    unauthenticated = client.post("/anymail/postmark/tracking/", bounce, content_type="application/json")

    assert unauthenticated.status_code == 400
    assert EmailDelivery.objects.get(pk=goldman.pk).status == "bounced"
    assert EmailDelivery.objects.get(pk=schumer.pk).status == "delivered"
    totals = metric_totals(campaign_id=email_campaign.pk)
    assert (totals["email_bounced"], totals["email_delivered"]) == (1, 1)


def test_header_injection_adds_no_headers(client, email_campaign, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = submit(client, email_campaign, name="Ana\r\nBcc: victim@example.com",
                          email="ana@example.org")
    confirm(client, EmailAction.objects.get(), django_capture_on_commit_callbacks)

    assert response.status_code == 202
    for message in mail.outbox:
        raw = message.message().as_string()
        assert "\nBcc:" not in raw and "victim@example.com" not in message.recipients()
    office = next(m for m in mail.outbox if m.to == [GOLDMAN_EMAIL])
    assert office.reply_to == ['"Ana Bcc: victim@example.com" <ana@example.org>']  # quoted: one address


@pytest.mark.parametrize("fields,status,field", [
    ({"email": "not-an-email"}, 400, "email"),
    ({"name": ""}, 400, "name"),
    ({"zip": "1"}, 400, "zip"),
    ({"personal_note": "x" * 2001}, 400, "personal_note"),
])
def test_bad_input_gets_clear_errors(client, email_campaign, fields, status, field):
    response = submit(client, email_campaign, **fields)

    assert response.status_code == status
    assert field in response.json()["error"]["fields"]
    assert not EmailAction.objects.exists()


def test_html_in_a_note_is_escaped_in_the_html_part(client, email_campaign, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        submit(client, email_campaign, personal_note="<script>alert(1)</script>")
    confirm(client, EmailAction.objects.get(), django_capture_on_commit_callbacks)

    office = next(m for m in mail.outbox if m.to == [GOLDMAN_EMAIL])
    assert "&lt;script&gt;" in office.alternatives[0].content and "<script>" not in office.alternatives[0].content


def test_rate_limits_and_the_honeypot(client, email_campaign, settings):
    settings.EMAILS_PER_ADDRESS_PER_HOUR = 1
    assert submit(client, email_campaign).status_code == 202
    refused = submit(client, email_campaign)
    bot = client.post(f"/c/{email_campaign.slug}/email/", {"name": "Bot", "email": "b@example.org", "zip": "10002",
                                                           "website": "http://spam"})

    assert refused.status_code == 429 and refused["Retry-After"]
    assert bot.status_code == 400
    assert EmailAction.objects.count() == 1


def test_unconfirmed_actions_expire(email_campaign, client):
    submit(client, email_campaign)
    EmailAction.objects.update(created_at=timezone.now() - dt.timedelta(hours=49))
    from advocacy.emails.tasks import expire_unconfirmed

    assert expire_unconfirmed.delay().get() == 1
    assert EmailAction.objects.get().status == "expired"
    assert set(EmailDelivery.objects.values_list("status", flat=True)) == {"canceled"}


def test_an_unknown_language_is_a_clear_error(client, email_campaign):
    response = submit(client, email_campaign, language="xx")

    assert response.status_code == 400
    assert response.json()["error"]["fields"]["language"] == ["Choose one of: en, es."]
    assert submit(client, email_campaign, language=["es"]).status_code == 400
    assert not EmailAction.objects.exists()


def test_a_confirmation_link_used_after_it_expired_sends_nothing(client, email_campaign,
                                                                  django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        submit(client, email_campaign)
    action = EmailAction.objects.get()
    EmailAction.objects.update(created_at=timezone.now() - dt.timedelta(hours=49))  # before the hourly sweep

    confirm(client, action, django_capture_on_commit_callbacks)

    assert EmailAction.objects.get().status == "expired"
    assert set(EmailDelivery.objects.values_list("status", flat=True)) == {"canceled"}
    assert [m.to for m in mail.outbox] == [["ana@example.org"]]  # only the confirmation request
    assert "expired" in client.get(f"/emails/a/{action.token}/").content.decode()

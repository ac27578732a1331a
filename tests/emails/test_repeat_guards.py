"""What a repeat must not change: a second "delivered" event, a second click on Confirm."""

import pytest

from advocacy.dashboard.selectors import metric_totals
from advocacy.emails.models import EmailAction, EmailDelivery
from tests.conftest import confirm_url
from tests.emails.conftest import SCHUMER_EMAIL, submit

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def anymail_test_backend(settings):
    settings.EMAIL_BACKEND = "anymail.backends.test.EmailBackend"
    settings.ANYMAIL = {"WEBHOOK_SECRET": "hook:secret"}


def confirmed_action(client, campaign, capture) -> EmailAction:
    with capture(execute=True):
        submit(client, campaign)
    action = EmailAction.objects.get()
    with capture(execute=True):
        client.post(confirm_url(action))
    return EmailAction.objects.get(pk=action.pk)


def test_a_repeated_delivered_event_counts_once(client, email_campaign, django_capture_on_commit_callbacks):
    confirmed_action(client, email_campaign, django_capture_on_commit_callbacks)
    schumer = EmailDelivery.objects.get(target__key="S000148")
    delivered = {"RecordType": "Delivery", "MessageID": schumer.provider_message_id, "Recipient": SCHUMER_EMAIL,
                 "DeliveredAt": "2026-11-24T18:01:00Z", "Details": "250 OK"}
    for _ in range(3):  # providers retry their webhooks; each copy is a 200
        response = client.post("/anymail/postmark/tracking/", delivered, content_type="application/json",
                               HTTP_AUTHORIZATION="Basic aG9vazpzZWNyZXQ=")
        assert response.status_code == 200

    assert EmailDelivery.objects.get(pk=schumer.pk).status == "delivered"
    assert metric_totals(campaign_id=email_campaign.pk)["email_delivered"] == 1


def test_a_second_confirm_changes_nothing_and_enqueues_nothing(client, email_campaign,
                                                              django_capture_on_commit_callbacks):
    action = confirmed_action(client, email_campaign, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True) as enqueued:
        response = client.post(confirm_url(action))

    assert response.status_code == 302
    assert enqueued == []  # every message already went out: nothing to send again, no second receipt
    again = EmailAction.objects.get(pk=action.pk)
    assert again.confirmed_at == action.confirmed_at
    assert metric_totals(campaign_id=email_campaign.pk)["unique_supporters"] == 1

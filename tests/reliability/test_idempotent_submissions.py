"""The same submission twice (a double click, a partner retrying a POST) records one action and sends once."""

from __future__ import annotations

import pytest
from django.core import mail

from advocacy.emails.models import EmailAction
from tests.emails.conftest import submit

pytestmark = pytest.mark.django_db


def submit_with_key(client, campaign, key, **fields):
    data = {"name": "Ana Ruiz", "email": "ana@example.org", "zip": "10002", **fields}
    return client.post(f"/api/v1/campaigns/{campaign.slug}/emails", data, content_type="application/json",
                       headers={"Idempotency-Key": key})


@pytest.fixture(autouse=True)
def anymail_test_backend(settings):
    settings.EMAIL_BACKEND = "anymail.backends.test.EmailBackend"


def test_the_same_email_twice_returns_the_first_action(client, email_campaign, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = submit(client, email_campaign)
        second = submit(client, email_campaign, personal_note="clicked again")

    assert first.status_code == second.status_code == 202
    assert first.json()["action_id"] == second.json()["action_id"]
    assert EmailAction.objects.count() == 1 and len(mail.outbox) == 1  # one confirmation request


def test_the_form_twice_lands_on_the_same_action_page(client, email_campaign):
    form = {"name": "Ana Ruiz", "email": "ana@example.org", "zip": "10002"}
    first = client.post(f"/c/{email_campaign.slug}/email/", form)
    second = client.post(f"/c/{email_campaign.slug}/email/", form)
    assert first.status_code == second.status_code == 302 and first["Location"] == second["Location"]
    assert EmailAction.objects.count() == 1


def test_another_client_with_the_same_email_gets_an_action_of_its_own(client, email_campaign):
    form = {"name": "Ana Ruiz", "email": "ana@example.org", "zip": "10002", "personal_note": "my own words"}
    first = client.post(f"/c/{email_campaign.slug}/email/", form, REMOTE_ADDR="198.51.100.7")
    other = client.post(f"/c/{email_campaign.slug}/email/", {**form, "personal_note": ""}, REMOTE_ADDR="203.0.113.9")

    # Someone else who types the address never lands on the first action's page (with its personal note).
    assert first["Location"] != other["Location"]
    assert EmailAction.objects.count() == 2
    assert "my own words" not in client.get(other["Location"]).content.decode()


def test_outside_the_window_a_new_action_is_recorded(client, email_campaign, settings):
    settings.EMAIL_DUPLICATE_WINDOW_SECONDS = 0
    submit(client, email_campaign)
    submit(client, email_campaign)
    assert EmailAction.objects.count() == 2


def test_an_idempotency_key_replays_the_first_answer(client, email_campaign, settings):
    settings.EMAIL_DUPLICATE_WINDOW_SECONDS = 0  # only the key makes these the same submission
    settings.EMAILS_PER_ADDRESS_PER_HOUR = 1
    first = submit_with_key(client, email_campaign, "partner-42")
    retried = submit_with_key(client, email_campaign, "partner-42")
    fresh = submit_with_key(client, email_campaign, "partner-43")
    misused = submit_with_key(client, email_campaign, "partner-42", email="other@example.org")

    assert first.status_code == retried.status_code == 202
    assert first.json()["action_id"] == retried.json()["action_id"]
    assert fresh.status_code == 429  # a new key is a new submission, and this address is at its limit
    assert misused.status_code == 422 and misused.json()["error"]["code"] == "idempotency_key_reused"
    assert EmailAction.objects.count() == 1

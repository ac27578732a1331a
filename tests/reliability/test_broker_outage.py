"""The broker is down while supporters act: every action is recorded and answered as usual, and the reconciler
sends each message exactly once when the broker is back."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from django.core import mail
from django.utils import timezone

from advocacy.emails.models import EmailAction, EmailDelivery
from advocacy.emails.tasks import reconcile_emails
from tests.conftest import confirm_url
from tests.emails.conftest import GOLDMAN_EMAIL, SCHUMER_EMAIL, submit

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def anymail_test_backend(settings):
    settings.EMAIL_BACKEND = "anymail.backends.test.EmailBackend"


def later(**delta):
    """Time passing, as the reconciler sees it: the rows' clocks are moved back."""
    past = timezone.now() - dt.timedelta(**delta)
    EmailAction.objects.update(created_at=past)
    EmailAction.objects.exclude(confirmed_at=None).update(confirmed_at=past)
    EmailDelivery.objects.exclude(queued_at=None).update(queued_at=past)


def to(address):
    return [m for m in mail.outbox if m.to == [address]]


def test_submit_and_confirm_during_an_outage_then_the_reconciler_sends_once(
        client, email_campaign, broker_down, django_capture_on_commit_callbacks, caplog):
    started = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True):
        submitted = submit(client, email_campaign)
    action = EmailAction.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        confirmed = client.post(confirm_url(action))
    print(f"\nbroker down: submit {submitted.status_code}, confirm {confirmed.status_code}, "
          f"{time.monotonic() - started:.1f}s")

    assert submitted.status_code == 202 and confirmed.status_code == 302
    assert "could not enqueue" in caplog.text
    assert mail.outbox == []  # nothing could be handed to a worker
    assert set(action.deliveries.filter(channel="email").values_list("status", flat=True)) == {"queued"}

    broker_down.back()
    assert reconcile_emails.delay().get() == {"failed": 0, "requeued": 0, "notices_requeued": 0}  # not yet stuck
    later(minutes=16)
    with django_capture_on_commit_callbacks(execute=True):
        first = reconcile_emails.delay().get()
    with django_capture_on_commit_callbacks(execute=True):
        second = reconcile_emails.delay().get()

    # The receipt is not re-sent by the pass: it waits until the messages are out, and their last task sends it.
    assert first == {"failed": 0, "requeued": 2, "notices_requeued": 0} and second["requeued"] == 0
    assert len(to(GOLDMAN_EMAIL)) == 1 and len(to(SCHUMER_EMAIL)) == 1
    assert len(to("ana@example.org")) == 1  # the receipt; the confirmation request was overtaken by the click
    assert set(action.deliveries.filter(channel="email").values_list("status", flat=True)) == {"sent"}


def test_an_unsent_confirmation_request_is_sent_once_by_the_reconciler(
        client, email_campaign, broker_down, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assert submit(client, email_campaign).status_code == 202
    broker_down.back()
    later(minutes=16)
    for _ in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            reconcile_emails.delay().get()

    assert len(to("ana@example.org")) == 1 and "Confirm" in to("ana@example.org")[0].subject
    assert EmailAction.objects.get().confirmation_sent_at is not None


def test_clicking_confirm_again_hands_on_stuck_messages(
        client, email_campaign, broker_down, django_capture_on_commit_callbacks):
    email_campaign.require_email_confirmation = False
    email_campaign.save()
    with django_capture_on_commit_callbacks(execute=True):
        submit(client, email_campaign)  # confirmed at once; its deliveries could not be enqueued
    action = EmailAction.objects.get()
    broker_down.back()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(confirm_url(action))
    assert to(GOLDMAN_EMAIL) == []  # a click seconds later: the worker may just be slow

    EmailDelivery.objects.update(queued_at=timezone.now() - dt.timedelta(minutes=2))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(confirm_url(action))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(confirm_url(action))

    assert len(to(GOLDMAN_EMAIL)) == 1 and len(to(SCHUMER_EMAIL)) == 1


def test_messages_never_sent_are_failed_with_the_reason_after_their_age_limit(
        client, email_campaign, broker_down, django_capture_on_commit_callbacks, settings):
    email_campaign.require_email_confirmation = False
    email_campaign.save()
    with django_capture_on_commit_callbacks(execute=True):
        submit(client, email_campaign)
    broker_down.back()
    later(hours=settings.EMAIL_GIVE_UP_HOURS, minutes=1)
    with django_capture_on_commit_callbacks(execute=True):
        done = reconcile_emails.delay().get()

    assert done["failed"] == 2 and to(GOLDMAN_EMAIL) == []
    failed = EmailDelivery.objects.filter(channel="email")
    assert set(failed.values_list("status", flat=True)) == {"failed"}
    assert all(d.last_error.startswith("not sent within 24 hours") for d in failed)

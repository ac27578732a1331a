"""Calls, emails and housekeeping run on separate Celery queues: a call backlog never delays an email.

The routing test runs everywhere; the worker test starts real subprocess workers, one per queue, on Redis and
PostgreSQL, with calls paced at 0.5 per second so a backlog of call tasks holds its worker for many seconds.
"""

import time

import pytest
from django.conf import settings

from advocacy.calls import services as calls
from advocacy.calls.models import CallSession
from advocacy.celery import app
from advocacy.emails import services as emails
from advocacy.emails.models import EmailDelivery
from advocacy.queues import queue_for
from tests.conftest import ACCOUNT_SID, AUTH_TOKEN
from tests.emails.test_smtp_delivery import smtp_env
from tests.fakes.smtp import FakeSMTPServer
from tests.fakes.twilio import FakeTwilio
from tests.services import wait_for

BACKLOG = 6
RATE = 0.5  # calls per second: the backlog takes (BACKLOG - 1) / RATE = 10 s to drain


def test_every_task_is_routed_by_its_kind():
    app.loader.import_default_modules()
    routed = {name: queue_for(name) for name in app.tasks if not name.startswith("celery.")}

    scheduled = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert {name for name, queue in routed.items() if queue == "calls"} == {
        name for name in routed if name.startswith("advocacy.calls.") and name not in scheduled}
    assert routed["advocacy.calls.tasks.reconcile_calls"] == "housekeeping"  # a scheduled pass, not a call
    assert routed["advocacy.emails.tasks.deliver_email"] == routed["advocacy.emails.tasks.send_receipt"] == "emails"
    assert routed["advocacy.events.tasks.send_rsvp_confirmation"] == "emails"
    # Scheduled jobs are housekeeping, even one that lives in the emails app.
    assert routed["advocacy.emails.tasks.expire_unconfirmed"] == routed["targets.tasks.sync_targets_task"] == \
        "housekeeping"
    assert queue_for("advocacy.cwc.tasks.some_new_task") == "housekeeping"
    assert app.amqp.router.route({}, "advocacy.calls.tasks.place_call")["queue"].name == "calls"


@pytest.mark.integration
@pytest.mark.django_db(transaction=True)
def test_a_backlog_of_paced_calls_does_not_delay_a_confirmation_email(email_campaign, celery_worker_process,
                                                                        settings):
    settings.CALLS_PER_IP_PER_HOUR = settings.CALL_MAX_PHONES_PER_IP_PER_DAY = 1000
    email_campaign.require_email_confirmation = False
    email_campaign.save()
    with FakeTwilio(account_sid=ACCOUNT_SID, auth_token=AUTH_TOKEN, drive_calls=False) as twilio, \
            FakeSMTPServer() as smtp:
        env = {**smtp_env(smtp), "TWILIO_ACCOUNT_SID": ACCOUNT_SID, "TWILIO_AUTH_TOKEN": AUTH_TOKEN,
               "TWILIO_API_BASE_URL": twilio.url, "TWILIO_CALLS_PER_SECOND": str(RATE)}
        celery_worker_process(extra_env=env, queues="calls")
        celery_worker_process(extra_env=env, queues="emails")
        for n in range(BACKLOG):
            calls.start_call_session(campaign=email_campaign, phone=f"+1802555{n:04d}", zip_code="10002",
                                     ip_address="192.0.2.1")
        wait_for(lambda: twilio.created, timeout=30, message="the first call to be placed")

        began = time.monotonic()
        emails.submit_email_action(campaign=email_campaign, name="Ana Ruiz", email="ana@example.org",
                                   zip_code="10002")
        wait_for(lambda: EmailDelivery.objects.filter(channel="email", status="sent").count() == 2, timeout=30,
                 interval=0.05, message="both offices' emails to be sent")
        waited = time.monotonic() - began
        placed_meanwhile = len(twilio.created)
        wait_for(lambda: CallSession.objects.exclude(twilio_sid="").count() == BACKLOG, timeout=60,
                 message="the call backlog to drain")

    assert waited < 2.0, f"the emails waited {waited:.1f} s behind the calls"
    assert placed_meanwhile < BACKLOG  # the call backlog was still draining when the emails went out
    assert len(twilio.created) == BACKLOG  # and every call was placed, once

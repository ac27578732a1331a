"""A worker keeps one SMTP connection open across messages (advocacy/providers/email.py), and a connection the
server drops is reopened without sending anything twice or losing anything. Django's SMTP backend talks to a
real local SMTP server (aiosmtpd); deliveries run through the real task, eagerly, in this process."""

import pytest

from advocacy.emails import services
from advocacy.emails.models import EmailDelivery
from advocacy.emails.tasks import deliver_email
from tests.emails.conftest import GOLDMAN_EMAIL, SCHUMER_EMAIL
from tests.fakes.smtp import FakeSMTPServer
from tests.services import wait_for

pytestmark = pytest.mark.django_db

SUPPORTERS = 6


@pytest.fixture
def queued(email_campaign):
    """SUPPORTERS confirmed actions, two office messages each, queued and not yet sent."""
    email_campaign.require_email_confirmation = False
    email_campaign.save()
    for i in range(SUPPORTERS):
        services.submit_email_action(campaign=email_campaign, name=f"Ana {i}", email=f"ana{i}@example.org",
                                     zip_code="10002", city="New York")
    pks = list(EmailDelivery.objects.filter(status="queued", channel="email").order_by("pk")
               .values_list("pk", flat=True))
    assert len(pks) == 2 * SUPPORTERS
    return pks


def deliver(pks):
    return [deliver_email.apply(args=[pk]).get() for pk in pks]


def message_ids(smtp):
    return [m["Message-ID"] for m in smtp.messages]


def test_many_messages_go_over_one_connection(smtp, queued):
    assert deliver(queued) == ["sent"] * len(queued)

    assert smtp.connections == 1
    assert len(smtp.to(GOLDMAN_EMAIL)) == len(smtp.to(SCHUMER_EMAIL)) == SUPPORTERS
    assert sorted(message_ids(smtp)) == sorted(EmailDelivery.objects.filter(pk__in=queued)
                                               .values_list("message_id", flat=True))
    assert set(EmailDelivery.objects.filter(pk__in=queued).values_list("status", flat=True)) == {"sent"}


def test_without_reuse_every_message_opens_its_own(smtp, queued, settings):
    settings.EMAIL_CONNECTION_REUSE = False
    deliver(queued)
    assert smtp.connections == len(queued) == len(smtp.messages)


def test_a_connection_the_server_closes_between_messages_is_reopened(smtp, queued):
    deliver(queued[:4])
    smtp.disconnect_all()
    wait_for(lambda: all(s.transport is None or s.transport.is_closing() for s in smtp.sessions), timeout=5,
             message="the server to hang up")
    deliver(queued[4:])

    ids = message_ids(smtp)
    assert len(ids) == len(set(ids)) == len(queued)  # nothing twice, nothing lost
    assert smtp.connections == 2
    assert set(EmailDelivery.objects.filter(pk__in=queued).values_list("status", flat=True)) == {"sent"}
    retried = EmailDelivery.objects.get(pk=queued[4])
    assert (retried.status, retried.attempts) == ("sent", 2)  # its first attempt met the closed connection


def test_a_connection_dropped_during_a_send_is_retried_once_on_a_new_connection(smtp, queued):
    deliver(queued[:3])
    smtp.drop_during_data()
    assert deliver(queued[3:]) == ["retrying"] + ["sent"] * (len(queued) - 4)  # eager: retried inline

    ids = message_ids(smtp)
    assert len(ids) == len(set(ids)) == len(queued)  # the dropped message was not accepted: sent once, on retry
    assert smtp.connections == 2
    dropped = EmailDelivery.objects.get(pk=queued[3])
    assert (dropped.status, dropped.attempts) == ("sent", 2)
    assert EmailDelivery.objects.filter(pk__in=queued, attempts=1).count() == len(queued) - 1


@pytest.mark.integration
@pytest.mark.django_db(transaction=True)
def test_worker_processes_keep_one_connection_each(email_campaign, celery_worker_process):
    """Subprocess workers (2 processes) on a Redis broker and PostgreSQL: every message once, over at most one
    SMTP connection per worker process."""
    with FakeSMTPServer() as smtp:
        celery_worker_process(concurrency=2, extra_env={
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend", "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(smtp.port), "EMAIL_TIMEOUT": "30", "SECRET_KEY": "test-secret-key",
            "EMAILS_PER_ADDRESS_PER_HOUR": "1000", "EMAILS_PER_IP_PER_HOUR": "1000"})
        email_campaign.require_email_confirmation = False
        email_campaign.save()
        for i in range(SUPPORTERS):
            services.submit_email_action(campaign=email_campaign, name=f"Ana {i}", email=f"ana{i}@example.org",
                                         zip_code="10002", city="New York")
        expected = 3 * SUPPORTERS  # two offices and a receipt each
        wait_for(lambda: len(smtp.messages) >= expected, timeout=90, message="every message")

    ids = message_ids(smtp)
    assert len(ids) == len(set(ids)) == expected
    assert smtp.connections <= 2
    assert not EmailDelivery.objects.filter(status="queued").exists()

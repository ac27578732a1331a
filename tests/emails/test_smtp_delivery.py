"""Real delivery: PostgreSQL, a Redis broker, a subprocess Celery worker and a real SMTP server."""

import pytest
from django.core import mail

from advocacy.emails import services
from advocacy.emails.models import EmailAction, EmailDelivery
from tests.emails.conftest import GOLDMAN_EMAIL, SCHUMER_EMAIL
from tests.fakes.smtp import FakeSMTPServer
from tests.services import wait_for

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def smtp_env(smtp: FakeSMTPServer) -> dict:
    return {"EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend", "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(smtp.port), "EMAIL_TIMEOUT": "30", "SECRET_KEY": "test-secret-key"}


def submit_and_confirm(campaign) -> EmailAction:
    action = services.submit_email_action(campaign=campaign, name="Ana Ruiz", email="ana@example.org",
                                          zip_code="10002", city="New York")
    services.confirm_action(action=action)
    return action


def test_a_worker_delivers_one_message_per_office_over_smtp(email_campaign, celery_worker_process):
    with FakeSMTPServer() as smtp:
        celery_worker_process(extra_env=smtp_env(smtp))
        action = submit_and_confirm(email_campaign)
        wait_for(lambda: not action.deliveries.filter(status="queued").exists(), timeout=60,
                 message="deliveries to be sent")
        wait_for(lambda: len(smtp.messages) >= 4, timeout=30, message="confirmation, two offices and the receipt")

    goldman = smtp.to(GOLDMAN_EMAIL)
    assert len(goldman) == 1 and len(smtp.to(SCHUMER_EMAIL)) == 1
    assert goldman[0]["From"] == "action@coalition.example"
    assert goldman[0]["Reply-To"] == "Ana Ruiz <ana@example.org>"
    assert goldman[0]["Message-ID"] == action.deliveries.get(target__key="G000599").message_id
    assert set(action.deliveries.filter(channel="email").values_list("status", flat=True)) == {"sent"}
    assert not mail.outbox  # everything went through the worker, nothing in this process
    assert EmailDelivery.objects.filter(status="sent").count() == 2


def test_a_worker_retries_a_deferred_message_and_delivers_it_once(email_campaign, celery_worker_process):
    with FakeSMTPServer() as smtp:
        smtp.refuse("RCPT", "451 4.7.1 Greylisted, try again later", times=2, to=GOLDMAN_EMAIL)
        celery_worker_process(extra_env=smtp_env(smtp))
        action = submit_and_confirm(email_campaign)
        wait_for(lambda: not action.deliveries.filter(status="queued").exists(), timeout=90,
                 message="the deferred delivery to be retried and sent")

    goldman = action.deliveries.get(target__key="G000599")
    assert (goldman.status, goldman.attempts) == ("sent", 3)
    assert len(smtp.to(GOLDMAN_EMAIL)) == 1 and len(smtp.to(SCHUMER_EMAIL)) == 1
    assert [to for _reply, to in smtp.refused] == [[GOLDMAN_EMAIL], [GOLDMAN_EMAIL]]

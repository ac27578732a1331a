"""A Celery worker SIGKILLed in the middle of a delivery: the task is redelivered and the email is sent once."""

import pytest

from advocacy.emails.models import EmailDelivery
from tests.emails.conftest import GOLDMAN_EMAIL, SCHUMER_EMAIL
from tests.emails.test_smtp_delivery import smtp_env, submit_and_confirm
from tests.fakes.smtp import FakeSMTPServer
from tests.services import wait_for

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def test_sigkill_mid_delivery_then_exactly_one_message_per_office(email_campaign, celery_worker_process):
    with FakeSMTPServer() as smtp:
        smtp.hold()  # the first delivery the worker takes stalls inside the SMTP conversation
        first = celery_worker_process(extra_env=smtp_env(smtp))
        action = submit_and_confirm(email_campaign)
        wait_for(lambda: smtp.connections >= 1, timeout=30, message="the worker to be mid-delivery")

        first.kill()  # SIGKILL: no ack, no cleanup, the row lock dies with the connection
        assert not smtp.messages
        smtp.release()
        celery_worker_process(extra_env=smtp_env(smtp))

        wait_for(lambda: not action.deliveries.filter(status="queued").exists(), timeout=90,
                 message="the redelivered tasks to finish")
        wait_for(lambda: len(smtp.to("ana@example.org")) >= 2, timeout=30, message="confirmation and receipt")

    assert len(smtp.to(GOLDMAN_EMAIL)) == 1
    assert len(smtp.to(SCHUMER_EMAIL)) == 1
    assert len(smtp.to("ana@example.org")) == 2
    sent = EmailDelivery.objects.filter(channel="email")
    assert set(sent.values_list("status", flat=True)) == {"sent"}
    assert sum(sent.values_list("attempts", flat=True)) == 2  # the killed attempt was rolled back with its lock

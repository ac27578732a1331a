"""CWC delivery by a real worker: PostgreSQL, a Redis broker, a subprocess Celery worker and the fake CWC host."""

import time

import pytest

from advocacy.emails import services
from advocacy.emails.models import EmailAction
from advocacy.emails.tasks import deliver_email
from tests.emails.cwc_fixtures import API_KEY
from tests.services import wait_for

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def cwc_env(fake, settings) -> dict:
    names = ("CWC_DELIVERY_AGENT", "CWC_DELIVERY_AGENT_ACK_EMAIL", "CWC_DELIVERY_AGENT_CONTACT_NAME",
             "CWC_DELIVERY_AGENT_CONTACT_EMAIL", "CWC_DELIVERY_AGENT_CONTACT_PHONE")
    return {"CWC_HOUSE_HOST": fake.url, "CWC_HOUSE_API_KEY": API_KEY, "SECRET_KEY": "test-secret-key",
            **{name: getattr(settings, name) for name in names}}


def test_a_worker_retries_a_503_delivers_once_and_ignores_a_duplicate_task(
        email_campaign, fake_cwc, settings, celery_worker_process):
    fake_cwc.fail_next(503)
    celery_worker_process(extra_env=cwc_env(fake_cwc, settings))
    action = services.submit_email_action(campaign=email_campaign, name="Ana Ruiz", email="ana@example.org",
                                          zip_code="10002", address="250 Broadway", city="New York",
                                          personal_note="Free them.")
    services.confirm_action(action=action)
    delivery = action.deliveries.get(channel="cwc")
    wait_for(lambda: EmailAction.objects.get(pk=action.pk).deliveries.get(pk=delivery.pk).status == "delivered",
             timeout=60, message="the CWC delivery after one retry")

    deliver_email.delay(delivery.pk)  # a duplicate, as a redelivered message would be
    deliver_email.delay(delivery.pk)
    time.sleep(3)  # a negative: give the single worker time to take both copies (it logs "nothing to do")
    delivery.refresh_from_db()
    posts = [r for r in fake_cwc.requests if r["path"] == "/v2/message"]
    assert (len(posts), len(fake_cwc.delivered), delivery.attempts) == (2, 1, 2)
    assert fake_cwc.delivered[0].findtext("Message/ConstituentMessage") == "Free them."

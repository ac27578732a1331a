import re

import pytest

from advocacy.providers import email as email_provider
from tests.conftest import GOLDMAN_EMAIL, SCHUMER_EMAIL  # noqa: F401 - re-exported for the email tests
from tests.emails.cwc_fixtures import contact_forms, fake_cwc  # noqa: F401 - fixtures for the CWC and web-form tests
from tests.fakes.smtp import FakeSMTPServer


def submit(client, campaign, **fields):
    data = {"name": "Ana Ruiz", "email": "ana@example.org", "zip": "10002", "city": "New York", **fields}
    return client.post(f"/api/v1/campaigns/{campaign.slug}/emails", data, content_type="application/json")


CONFIRM_LINK = re.compile(r"/emails/confirm/([A-Za-z0-9_-]+)/")


def confirm_path(text: str) -> str:
    """The confirmation link's path, read from the email we sent: the only place its secret exists."""
    return CONFIRM_LINK.search(text).group(0)


def outbox_confirm_path(address: str) -> str:
    from django.core import mail

    return confirm_path(next(m.body for m in reversed(mail.outbox) if m.to == [address]
                             and CONFIRM_LINK.search(m.body)))


@pytest.fixture
def smtp(settings):
    """A real SMTP server (aiosmtpd) behind Django's SMTP backend, the worker's connection held across messages."""
    with FakeSMTPServer() as server:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", server.port, 10
        settings.EMAILS_PER_ADDRESS_PER_HOUR = settings.EMAILS_PER_IP_PER_HOUR = 1000
        settings.EMAIL_CONNECTION_REUSE = True
        yield server
    email_provider.close_connection()

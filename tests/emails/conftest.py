import re

from tests.conftest import GOLDMAN_EMAIL, SCHUMER_EMAIL  # noqa: F401 - re-exported for the email tests
from tests.emails.cwc_fixtures import contact_forms, fake_cwc  # noqa: F401 - fixtures for the CWC and web-form tests


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

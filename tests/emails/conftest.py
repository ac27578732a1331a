from tests.conftest import GOLDMAN_EMAIL, SCHUMER_EMAIL  # noqa: F401 - re-exported for the email tests
from tests.emails.cwc_fixtures import contact_forms, fake_cwc  # noqa: F401 - fixtures for the CWC and web-form tests


def submit(client, campaign, **fields):
    data = {"name": "Ana Ruiz", "email": "ana@example.org", "zip": "10002", "city": "New York", **fields}
    return client.post(f"/api/v1/campaigns/{campaign.slug}/emails", data, content_type="application/json")

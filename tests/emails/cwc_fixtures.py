"""Contact-congress files and a configured CWC host for the CWC tests."""

from __future__ import annotations

import pytest
import yaml
from django.core.management import call_command

from tests.fakes.cwc import FakeCWC

API_KEY = "cwc-test-key"
SCHUMER_FORM = "https://www.schumer.senate.gov/contact/email-chuck"


def form(visit: str, *fields: str) -> dict:
    return {"contact_form": {"method": "POST", "action": "/send", "steps": [
        {"visit": visit},
        {"fill_in": [{"name": v.lower(), "selector": f"#{v.lower()}", "value": v, "required": True} for v in fields]
         + [{"name": "optional", "selector": "#opt", "value": "$ADDRESS_STREET_2", "required": False}]},
        {"select": [{"name": "prefix", "selector": "#prefix", "value": "$NAME_PREFIX", "required": True,
                     "options": ["Mr.", "Ms."]}]},
    ]}}


def write_contact_forms(root) -> None:
    members = root / "contact-congress" / "members"
    members.mkdir(parents=True, exist_ok=True)
    files = {
        "G000599": {"contact_form": {"steps": [{"visit": "stubforcwc"}]}},
        "S000148": form(SCHUMER_FORM, "$NAME_FIRST", "$NAME_LAST", "$ADDRESS_STREET", "$EMAIL", "$MESSAGE"),
        "G000555": form("https://www.gillibrand.senate.gov/contact/email-me", "$EMAIL", "$MESSAGE"),
    }
    for bioguide, data in files.items():
        (members / f"{bioguide}.yaml").write_text(yaml.safe_dump(data))


@pytest.fixture
def contact_forms(targets, tmp_path):
    """The `targets` data dir (tmp_path) plus contact-congress files: Goldman (NY-10) takes CWC."""
    write_contact_forms(tmp_path)
    call_command("sync_targets", "--data-dir", str(tmp_path), stdout=open("/dev/null", "w"))


@pytest.fixture
def fake_cwc(settings, contact_forms):
    with FakeCWC(api_key=API_KEY, offices=["HNY10", "HNY12"]) as fake:
        settings.CWC_HOUSE_HOST, settings.CWC_HOUSE_API_KEY = fake.url, API_KEY
        settings.CWC_DELIVERY_AGENT = "Coalition Action Tools"
        settings.CWC_DELIVERY_AGENT_ACK_EMAIL = "cwc-acks@coalition.example"
        settings.CWC_DELIVERY_AGENT_CONTACT_NAME = "Sam Organizer"
        settings.CWC_DELIVERY_AGENT_CONTACT_EMAIL = "sam@coalition.example"
        settings.CWC_DELIVERY_AGENT_CONTACT_PHONE = "202-555-0100"
        yield fake

import pytest

from advocacy.campaigns.models import MessageTemplate
from targets.models import Target

GOLDMAN_EMAIL = "office@goldman.example"
SCHUMER_EMAIL = "office@schumer.example"


@pytest.fixture
def email_campaign(campaign):
    campaign.from_email = "action@coalition.example"
    campaign.save()
    for kind in (MessageTemplate.TargetKind.MEMBER, MessageTemplate.TargetKind.EXECUTIVE):
        MessageTemplate.objects.create(
            campaign=campaign, target_kind=kind, subject="Communities, not cages, {{ target_name }}",
            body="Dear {{ target_name }},\n\n{% for d in demands %}- {{ d }}\n{% endfor %}\nSincerely,\n"
                 "{{ supporter.name }}, {{ supporter.city }} {{ supporter.zip_code }}")
    Target.objects.filter(key="G000599").update(email=GOLDMAN_EMAIL)
    Target.objects.filter(key="S000148").update(email=SCHUMER_EMAIL)
    Target.objects.filter(key="dhs_main").update(url="https://www.dhs.gov/contact-us")
    return campaign


def submit(client, campaign, **fields):
    data = {"name": "Ana Ruiz", "email": "ana@example.org", "zip": "10002", "city": "New York", **fields}
    return client.post(f"/api/v1/campaigns/{campaign.slug}/emails", data, content_type="application/json")

"""Messages to a House office that takes CWC, end to end against a fake CWC host that speaks the protocol."""

import pytest
from django.core import mail
from django.core.cache import cache

from advocacy.dashboard.selectors import metric_totals
from advocacy.emails.models import EmailAction, EmailDelivery
from advocacy.emails.tasks import deliver_email
from targets.models import Target
from tests.conftest import confirm_url
from tests.emails.conftest import submit
from tests.fakes.cwc import REQUIRED

pytestmark = pytest.mark.django_db

NOTE = "My neighbor was detained for eight months.\nHis kids still ask when he comes home."


@pytest.fixture(autouse=True)
def anymail_test_backend(settings):
    settings.EMAIL_BACKEND = "anymail.backends.test.EmailBackend"


def act(client, campaign, capture, **fields) -> EmailAction:
    data = {"address": "250 Broadway", "city": "New York", "prefix": "Ms.", "personal_note": NOTE, **fields}
    with capture(execute=True):
        response = submit(client, campaign, **data)
    assert response.status_code == 202, response.content
    action = EmailAction.objects.get()
    with capture(execute=True):
        client.post(confirm_url(action))
    return action


def cwc_delivery(action) -> EmailDelivery:
    return action.deliveries.get(channel="cwc")


def test_a_stubforcwc_office_gets_a_cwc_message_with_every_required_element(
        client, email_campaign, fake_cwc, django_capture_on_commit_callbacks):
    action = act(client, email_campaign, django_capture_on_commit_callbacks)

    assert len(fake_cwc.delivered) == 1 and not fake_cwc.rejected
    message = fake_cwc.delivered[0]
    assert all((message.findtext(path) or "").strip() for path in REQUIRED)
    assert message.findtext("Recipient/MemberOffice") == "HNY10"
    assert message.findtext("Message/OrganizationStatement").startswith("Dear Representative Daniel Goldman,")
    assert NOTE not in message.findtext("Message/OrganizationStatement")
    assert message.findtext("Message/ConstituentMessage") == NOTE
    assert [message.findtext(f"Constituent/{t}") for t in ("Prefix", "FirstName", "LastName", "Address1", "City",
                                                           "StateAbbreviation", "Zip")] == [
        "Ms.", "Ana", "Ruiz", "250 Broadway", "New York", "NY", "10002"]
    assert message.findtext("Message/LibraryOfCongressTopics/LibraryOfCongressTopic") == "Immigration"
    delivery = cwc_delivery(action)
    assert delivery.status == "delivered" and delivery.address == "HNY10"
    assert delivery.provider_message_id == message.findtext("Delivery/DeliveryId")
    assert "Success" in delivery.provider_response
    action.refresh_from_db()
    assert action.street_address == ""  # forgotten once CWC has it
    assert not [m for m in mail.outbox if "goldman" in m.to[0]]  # CWC instead of email, not both
    totals = metric_totals(campaign_id=email_campaign.pk)
    assert (totals["cwc_delivered"], totals["email_sent"]) == (1, 1)  # Goldman by CWC, Schumer by email


def test_the_form_asks_for_a_street_address_when_a_cwc_office_is_among_the_targets(
        client, email_campaign, fake_cwc):
    page = client.get(f"/c/{email_campaign.slug}/?zip=10002")
    assert b'id="email-address" name="address" type="text" autocomplete="street-address" required' in page.content
    response = submit(client, email_campaign, address="", city="New York")
    assert response.status_code == 400 and response.json()["error"]["fields"] == {"address": [
        "Enter your street address: Congress needs it to deliver your message."]}
    assert not EmailAction.objects.exists()


def test_a_cwc_400_marks_the_delivery_failed_with_cwcs_reason(
        client, email_campaign, fake_cwc, django_capture_on_commit_callbacks):
    fake_cwc.offices.remove("HNY10")  # the host no longer serves this office
    action = act(client, email_campaign, django_capture_on_commit_callbacks)

    delivery = cwc_delivery(action)
    assert delivery.status == "failed" and delivery.attempts == 1
    assert "unknown office HNY10" in delivery.last_error
    assert fake_cwc.rejected == ["unknown office HNY10"] and not fake_cwc.delivered
    assert metric_totals(campaign_id=email_campaign.pk)["cwc_delivered"] == 0


def test_a_cwc_503_is_retried_and_delivered_once(client, email_campaign, fake_cwc, django_capture_on_commit_callbacks):
    fake_cwc.fail_next(503)
    action = act(client, email_campaign, django_capture_on_commit_callbacks)

    posts = [r for r in fake_cwc.requests if r["path"] == "/v2/message"]
    delivery = cwc_delivery(action)
    assert (len(posts), len(fake_cwc.delivered)) == (2, 1)
    assert (delivery.status, delivery.attempts) == ("delivered", 2)
    ids = {p["body"].split(b"<DeliveryId>")[1][:32] for p in posts}
    assert len(ids) == 1  # the retry carries the same DeliveryId


def test_a_duplicate_task_sends_nothing(client, email_campaign, fake_cwc, django_capture_on_commit_callbacks):
    action = act(client, email_campaign, django_capture_on_commit_callbacks)
    before = len(fake_cwc.requests)

    assert deliver_email.delay(cwc_delivery(action).pk).get() == "nothing to do"
    assert len(fake_cwc.requests) == before and len(fake_cwc.delivered) == 1


def test_an_office_the_host_lists_takes_cwc_even_without_stubforcwc(
        client, email_campaign, fake_cwc, django_capture_on_commit_callbacks):
    Target.objects.filter(key="G000599").update(takes_cwc=False)  # contact-congress gave it a web form
    fake_cwc.offices = ["HNY12"]
    with django_capture_on_commit_callbacks(execute=True):
        submit(client, email_campaign, address="250 Broadway")
    assert EmailAction.objects.get().deliveries.get(target__key="G000599").channel == "email"  # not listed

    EmailAction.objects.all().delete()
    cache.clear()  # the office list is cached for CWC_OFFICES_CACHE_SECONDS
    fake_cwc.offices = ["HNY10"]
    action = act(client, email_campaign, django_capture_on_commit_callbacks)
    assert cwc_delivery(action).target.key == "G000599" and len(fake_cwc.delivered) == 1
    assert [r["path"] for r in fake_cwc.requests].count("/offices") == 2


def test_a_senator_whose_office_the_senate_host_lists_gets_cwc(
        client, email_campaign, fake_cwc, settings, django_capture_on_commit_callbacks):
    Target.objects.filter(key="S000148").update(cwc_office="SNY02")  # class 3 → S + NY + 02
    fake_cwc.offices.append("SNY02")
    settings.CWC_SENATE_HOST, settings.CWC_SENATE_API_KEY = fake_cwc.url, settings.CWC_HOUSE_API_KEY
    action = act(client, email_campaign, django_capture_on_commit_callbacks)

    assert set(action.deliveries.filter(channel="cwc").values_list("address", flat=True)) == {"HNY10", "SNY02"}
    assert sorted(m.findtext("Recipient/MemberOffice") for m in fake_cwc.delivered) == ["HNY10", "SNY02"]
    assert action.deliveries.get(target__key="G000555").channel == "webform"  # not listed: her official form

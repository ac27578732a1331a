"""Offices without email or CWC: the official form from contact-congress, "form opened" / "marked sent", and a
receipt that says honestly how each message went."""

import pytest
from django.core import mail

from advocacy.dashboard.selectors import metric_totals
from advocacy.emails.models import EmailAction
from targets.models import Target
from tests.conftest import confirm_url
from tests.emails.conftest import submit
from tests.emails.cwc_fixtures import SCHUMER_FORM

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_office_emails(settings, email_campaign):
    settings.EMAIL_BACKEND = "anymail.backends.test.EmailBackend"
    Target.objects.filter(key="S000148").update(email="")  # Schumer now only takes his web form


def confirmed_action(client, campaign, capture) -> EmailAction:
    with capture(execute=True):
        submit(client, campaign, address="250 Broadway", personal_note="Line one.\nLine two.")
    action = EmailAction.objects.get()
    with capture(execute=True):
        client.post(confirm_url(action))
    return action


def receipts() -> list:
    return [m for m in mail.outbox if m.to == ["ana@example.org"] and "Your messages" in m.subject]


def test_a_senators_step_links_to_the_official_form_and_says_what_it_asks(
        client, email_campaign, contact_forms, django_capture_on_commit_callbacks):
    action = confirmed_action(client, email_campaign, django_capture_on_commit_callbacks)
    assert action.street_address == ""  # kept only when a CWC office needs it
    schumer = action.deliveries.get(target__key="S000148")
    assert (schumer.channel, schumer.address, schumer.status) == ("webform", SCHUMER_FORM, "to_report")

    page = client.get(f"/emails/a/{action.token}/").content.decode()
    assert f'href="/emails/a/{action.token}/form/{schumer.pk}/"' in page
    assert "The form will ask for: first name, last name, street address, email, message, title (Mr., Ms.…)." in page
    assert "Line one.\nLine two." in page  # shown with its line breaks, for copying
    assert ">Sent<" not in page

    opened = client.get(f"/emails/a/{action.token}/form/{schumer.pk}/")
    client.get(f"/emails/a/{action.token}/form/{schumer.pk}/")  # opened twice, counted once
    assert opened.status_code == 302 and opened["Location"] == SCHUMER_FORM
    schumer.refresh_from_db()
    assert schumer.status == "form_opened"
    assert "Form opened" in client.get(f"/emails/a/{action.token}/").content.decode()
    assert metric_totals(campaign_id=email_campaign.pk)["webform_opened"] == 1


def test_the_receipt_waits_for_the_marks_and_says_which_went_how(
        client, email_campaign, fake_cwc, django_capture_on_commit_callbacks):
    Target.objects.filter(key="dhs_main").update(url="")  # leaves Goldman (CWC) and the two senators' forms
    action = confirmed_action(client, email_campaign, django_capture_on_commit_callbacks)
    assert action.deliveries.get(target__key="G000599").status == "delivered"
    [receipt] = receipts()  # sent once CWC answered, while the forms are still to do
    assert "Representative Daniel Goldman: delivered through Congress's official system (CWC)" in receipt.body
    assert f"Senator Charles Schumer: not sent yet: use their web form ({SCHUMER_FORM})" in receipt.body

    for delivery in action.deliveries.filter(channel="webform"):
        with django_capture_on_commit_callbacks(execute=True):
            client.post(f"/emails/a/{action.token}/webform/{delivery.pk}/")
    assert set(action.deliveries.filter(channel="webform").values_list("status", flat=True)) == {"reported"}
    assert len(receipts()) == 1  # never a second receipt
    totals = metric_totals(campaign_id=email_campaign.pk)
    assert (totals["cwc_delivered"], totals["webform_reported"], totals["email_sent"]) == (1, 2, 0)


def test_with_only_web_forms_the_receipt_comes_once_every_form_is_marked(
        client, email_campaign, contact_forms, django_capture_on_commit_callbacks):
    Target.objects.filter(key__in=["G000599", "dhs_main"]).update(email="", url="")
    Target.objects.filter(key="G000599").update(is_active=False)
    action = confirmed_action(client, email_campaign, django_capture_on_commit_callbacks)
    forms = list(action.deliveries.filter(channel="webform"))
    assert len(forms) == 2 and not receipts()

    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/emails/a/{action.token}/webform/{forms[0].pk}/")
    assert not receipts()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/emails/a/{action.token}/webform/{forms[1].pk}/")
    [receipt] = receipts()
    assert receipt.body.count("you marked it sent through their web form") == 2


def test_a_cwc_office_on_a_site_without_cwc_says_so_and_links_its_website(
        client, email_campaign, contact_forms, django_capture_on_commit_callbacks):
    Target.objects.filter(key="G000599").update(email="")
    action = confirmed_action(client, email_campaign, django_capture_on_commit_callbacks)
    goldman = action.deliveries.get(target__key="G000599")
    assert (goldman.channel, goldman.address) == ("webform", "https://goldman.house.gov")  # no form: home page

    page = client.get(f"/emails/a/{action.token}/").content.decode()
    assert "takes messages through Congress's official system, which this site is not connected to" in page
    assert ">Open their website<" in page

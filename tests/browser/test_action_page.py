"""A supporter on a phone: ZIP → targets → "Call me" → the call's page; then the email, confirmed.
In English and in Spanish, with screenshots saved under test-artifacts/screenshots/."""

import re

import pytest
from django.core import mail

from advocacy.calls.models import CallSession
from advocacy.emails.models import EmailAction

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(live_server, settings, email_campaign):
    settings.PUBLIC_BASE_URL = live_server.url  # the built-in call simulator signs its webhooks for this URL
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    email_campaign.demands.create(position=0, text="Free them all.", text_es="Libérenlos a todos.")
    return live_server.url


def test_zip_to_call_to_confirmed_email_in_english(site, phone_page, screenshot):
    page = phone_page
    page.goto(f"{site}/c/detention/")
    page.get_by_label("Your ZIP code").fill("10002")
    page.get_by_role("button", name="Find my targets").click()

    targets = page.locator(".action-targets .target strong")
    assert targets.all_inner_texts() == ["Representative Daniel Goldman", "Senator Charles Schumer",
                                         "Senator Kirsten Gillibrand", "Department of Homeland Security"]
    screenshot(page, "action-page-en")

    page.get_by_label("Your phone number").fill("(802) 555-0142")
    page.get_by_role("button", name="Call me now").click()
    page.wait_for_url(re.compile(r"/calls/[0-9a-f-]+/$"))
    session = CallSession.objects.get()
    assert page.locator("h1").inner_text() == "Your call"
    assert page.locator(".leg").count() == 4
    assert session.status in {"queued", "placing", "completed"}
    screenshot(page, "call-status-en")

    page.goto(f"{site}/c/detention/?zip=10002")
    page.get_by_label("Your name", exact=True).fill("Ana Ruiz")
    page.get_by_label("Your email").fill("ana@example.org")
    page.get_by_role("button", name="Send the email").click()
    assert "Check your inbox" in page.locator("[role=status]").inner_text()
    action = EmailAction.objects.get()
    link = re.search(r"https?://\S+/emails/confirm/\S+/", mail.outbox[0].body).group(0)
    page.goto(link.replace(re.match(r"https?://[^/]+", link).group(0), site))
    page.get_by_role("button", name="Confirm and send").click()

    assert "Thank you!" in page.locator("[role=status]").inner_text()
    action.refresh_from_db()
    assert action.status == "confirmed"
    assert {d.status for d in action.deliveries.filter(channel="email")} == {"sent"}
    screenshot(page, "email-sent-en")


def test_the_action_page_in_spanish(site, phone_page, screenshot):
    page = phone_page
    page.goto(f"{site}/c/detention/")
    page.locator("#language-select").select_option("es")
    page.get_by_role("button", name="Change").click()

    page.get_by_label("Tu código postal").fill("10002")
    page.get_by_role("button", name="Buscar a quién contactar").click()

    assert page.locator("html").get_attribute("lang") == "es"
    assert "Libérenlos a todos." in page.locator(".demands").inner_text()
    assert page.get_by_role("button", name="Llámame ahora").is_visible()
    screenshot(page, "action-page-es")

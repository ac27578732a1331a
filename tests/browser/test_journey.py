"""The supporter's whole journey in a browser, on a phone and a desktop, in English and Spanish: look up, call
(with a first name), one tap per office without the page reloading, the done page, then the email too, its
confirmation and its done page. axe-core runs on every page on the way and finds no violations; screenshots go
to test-artifacts/screenshots/journey-*."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.utils import timezone

from advocacy.calls.models import CallLeg, CallSession
from advocacy.campaigns import demo
from advocacy.campaigns.models import SamplePost, ScheduleItem
from advocacy.events.models import Event
from targets.models import ZipCentroid
from tests.browser.axe_check import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}
LOCALES = {"en": "en-US", "es": "es-US"}


@pytest.fixture
def world(live_server, settings, email_campaign, fake_twilio):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    campaign = email_campaign
    campaign.call_script, campaign.call_script_es = demo.CALL_SCRIPT, demo.CALL_SCRIPT_ES
    campaign.hashtag = "#CommunitiesNotCages"
    campaign.save()
    campaign.demands.create(position=0, text="Free them all.", text_es="Libérenlos a todos.")
    SamplePost.objects.create(campaign=campaign, position=0, text="I called today. #CommunitiesNotCages",
                              text_es="Hoy llamé. #CommunitiesNotCages")
    ScheduleItem.objects.create(campaign=campaign, title="Digital action hour", title_es="Hora de acción digital",
                                starts_at=timezone.now() + dt.timedelta(minutes=40),
                                ends_at=timezone.now() + dt.timedelta(minutes=100))
    ZipCentroid.objects.update_or_create(zcta="10002", defaults={"latitude": 40.716, "longitude": -73.986})
    Event.objects.create(campaign=campaign, title="Vigil at 26 Federal Plaza", description="Bring candles.",
                         host_name="Rosa", host_email="rosa@example.org", status="approved", zip_code="10007",
                         starts_at=timezone.now() + dt.timedelta(days=1), latitude=40.715, longitude=-74.004)
    return live_server.url


@pytest.fixture
def open_page(chromium_browser, request):
    def open_(viewport: str, language: str):
        phone = viewport == "phone"
        context = chromium_browser.new_context(viewport=VIEWPORTS[viewport], device_scale_factor=2 if phone else 1,
                                               is_mobile=phone, has_touch=phone, locale=LOCALES[language])
        request.addfinalizer(context.close)
        page = context.new_page()
        page.set_default_timeout(20_000)
        return page
    return open_


def tap_every_outcome(page) -> int:
    """One tap per office; the page must not reload (a marker set on window survives) and focus moves on."""
    page.evaluate("window.__samePage = true")
    offices = page.locator("form.outcome-form").count()
    for done in range(offices):
        page.locator("form.outcome-form button[value=spoke_to_staff]").first.click()
        page.locator("li.leg .outcome").nth(done).wait_for()
        if done < offices - 1:  # the next office's buttons have the focus
            assert page.evaluate("document.activeElement.closest('form.outcome-form') !== null")
    assert page.evaluate("window.__samePage === true")
    assert page.evaluate("document.activeElement.closest('#done-link') !== null")
    return offices


def send_the_email_too(page, world: str, check) -> None:
    """From the action page the call's done page led to: the email, its confirmation, its done page."""
    page.fill("#email-name", "Ana Ruiz")
    page.fill("#email-email", "ana@example.org")
    page.click("#email-form button[type=submit]")
    page.wait_for_url("**/emails/a/*/")
    check("email-pending")
    link = re.search(r"https?://\S+/emails/confirm/\S+/", mail.outbox[-1].body).group(0)
    page.goto(re.sub(r"^https?://[^/]+", world, link))
    check("email-confirm")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/emails/a/*/")
    check("email-status")
    page.click("#done-link")
    page.locator("#other-action").wait_for()
    check("email-done")


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_call_then_email_with_one_tap_outcomes_and_done_pages(world, open_page, screenshot, fake_twilio,
                                                              viewport, language):
    page = open_page(viewport, language)
    violations = {}

    def check(name: str) -> None:
        violations[name] = axe_violations(page)
        screenshot(page, f"journey-{name}-{viewport}-{language}")

    for name, path in (("lookup", "/lookup/?zip=10002"), ("events", "/c/detention/events/?zip=10002"),
                       ("lookup-po-box", "/c/detention/?zip=10099#act"), ("action", "/c/detention/?zip=10002#act")):
        page.goto(world + path)
        check(name)

    for field, value in (("#call-first-name", "Ana"), ("#call-phone", "(802) 555-0142")):
        page.fill(field, value)
    with page.expect_navigation(url="**/calls/*/"):
        page.click("#call-form button[type=submit]")
    page.locator("#done-link a").wait_for()  # the page followed the call until it ended
    fake_twilio.wait_idle()
    page.reload()
    check("call-status")
    offices = tap_every_outcome(page)
    check("call-outcomes")
    session = CallSession.objects.get()
    assert session.first_name == "Ana" and session.language == language
    assert offices == 4 and CallLeg.objects.exclude(outcome="spoke_to_staff").count() == 0

    page.click("#done-link a")
    page.locator("#other-action").wait_for()
    assert "zip=10002" in page.locator("#other-action").get_attribute("href")
    assert "Vigil at 26 Federal Plaza" in page.locator("#local").inner_text()
    assert "#CommunitiesNotCages" in page.locator("#share").inner_text()
    check("call-done")

    page.click("#other-action")
    send_the_email_too(page, world, check)

    assert {name: found for name, found in violations.items() if found} == {}

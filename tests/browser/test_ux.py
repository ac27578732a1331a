"""Phone-first and accessible, in English and Spanish: the ZIP box above the fold, each office with its reason,
the host's edit and cancel, and an organizer's window entered in the campaign's own time zone.
Screenshots at 390×844 and 1280×900 go to test-artifacts/screenshots/; axe-core finds no violations."""

import datetime as dt
import re
import zoneinfo

import pytest
from django.core.management import call_command
from django.utils import timezone

from advocacy.campaigns.models import Campaign
from advocacy.events.models import Event, IceLocation
from advocacy.events.services import approve_event
from targets.models import ZipCentroid
from tests.browser.axe_check import axe_violations
from tests.events.fixtures import nyc_field_office_event

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}
WORDS = {
    "en": {"zip": "Your ZIP code", "find": "Find my targets", "call": "Call them",
           "senator": "One of your two senators", "dhs": "Runs ICE and CBP, which hold people in detention"},
    "es": {"zip": "Tu código postal", "find": "Buscar a quién contactar", "call": "Llámalos",
           "senator": "Uno de tus dos senadores", "dhs": "Dirige ICE y CBP, que mantienen a personas en detención"},
}


@pytest.fixture
def browser_page(chromium_browser, request):
    def open_page(viewport: str, language: str):
        is_phone = viewport == "phone"
        context = chromium_browser.new_context(viewport=VIEWPORTS[viewport], device_scale_factor=2 if is_phone else 1,
                                               is_mobile=is_phone, has_touch=is_phone,
                                               locale="es-US" if language == "es" else "en-US")
        request.addfinalizer(context.close)
        page = context.new_page()
        page.set_default_timeout(15_000)
        return page
    return open_page


@pytest.fixture
def demo(live_server, targets, settings):
    settings.PUBLIC_BASE_URL = live_server.url
    call_command("load_demo_campaign", stdout=open("/dev/null", "w"))  # open today, US Eastern time
    return live_server.url


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_zip_box_above_the_fold_and_each_office_with_its_reason(demo, browser_page, screenshot, viewport, language):
    words = WORDS[language]
    page = browser_page(viewport, language)
    page.goto(f"{demo}/c/day-of-action/")

    zip_box = page.get_by_label(words["zip"])
    box = zip_box.bounding_box()
    assert box["y"] + box["height"] <= VIEWPORTS[viewport]["height"], f"ZIP box ends at {box['y'] + box['height']}"
    assert page.locator(".site-header").bounding_box()["height"] < 70
    assert axe_violations(page) == []
    page.screenshot(path=str(screenshot(page, f"ux-action-{viewport}-{language}")).replace(".png", "-fold.png"))

    zip_box.fill("10002")
    page.get_by_role("button", name=words["find"]).click()
    reasons = page.locator(".action-targets .reason").all_inner_texts()
    assert words["senator"] in reasons and words["dhs"] in reasons
    assert len(reasons) == page.locator(".action-targets .target strong").count()
    call_button = page.locator("#call-form button[type=submit]") if viewport == "desktop" else \
        page.get_by_role("link", name=words["call"])
    assert call_button.is_visible() and call_button.bounding_box()["y"] < VIEWPORTS[viewport]["height"]
    assert axe_violations(page) == []
    screenshot(page, f"ux-results-{viewport}-{language}")


def test_host_picks_a_site_then_edits_and_cancels(live_server, campaign, browser_page, screenshot, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    ZipCentroid.objects.update_or_create(zcta="10001", defaults={"latitude": 40.750742, "longitude": -73.996530})
    IceLocation.objects.create(key="facility-brooklyn-mdc", kind="detention", name="BROOKLYN MDC",
                               address="80 29TH STREET", city="BROOKLYN", state="NY", zip_code="11232",
                               latitude=40.66, longitude=-74.0)
    page = browser_page("phone", "en")
    page.goto(f"{live_server.url}/c/{campaign.slug}/events/host/")
    assert axe_violations(page) == []
    page.get_by_label("Your ZIP code, to list the ICE sites near you").fill("10001")
    page.get_by_role("button", name="Show ICE sites near me").click()
    page.get_by_label(re.compile(r"^Brooklyn MDC \(Brooklyn, NY\)")).check()
    page.get_by_label("Your name").fill("Rosa")
    page.get_by_label("Your email").fill("rosa@example.org")
    page.get_by_label("Event title").fill("Vigil at Brooklyn MDC")
    page.get_by_label("Description").fill("Bring candles.")
    page.get_by_label("Date").fill((timezone.now() + dt.timedelta(days=5)).date().isoformat())
    page.get_by_label("Starts").fill("18:00")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") != "website"
    screenshot(page, "ux-host-form")
    page.get_by_role("button", name="Submit for approval").click()
    event = Event.objects.get()
    approve_event(event=event)

    page.reload()
    assert "80 29th Street, Brooklyn, NY 11232" in page.inner_text("main")
    assert axe_violations(page) == []
    page.get_by_text("Edit the event").click()
    page.get_by_label("Event title").fill("Candlelight vigil at Brooklyn MDC")
    page.get_by_role("button", name="Save changes").click()
    assert "Your changes are saved." in page.inner_text("main")
    page.get_by_role("button", name="Cancel the event").click()
    assert page.locator(".event-status").inner_text() == "Cancelled"
    screenshot(page, "ux-host-cancelled")
    event.refresh_from_db()
    assert event.title == "Candlelight vigil at Brooklyn MDC" and event.status == "cancelled"
    page.goto(f"{live_server.url}/c/{campaign.slug}/events/{event.pk}/")
    assert "This event is cancelled." in page.inner_text("main")
    assert axe_violations(page) == []


def _enter_window(page, base: str, campaign_id: int, start: dt.datetime, end: dt.datetime) -> None:
    page.goto(f"{base}/admin/campaigns/campaign/{campaign_id}/change/")
    for name, value in (("window_start", start), ("window_end", end)):
        page.fill(f"#id_{name}_0", value.strftime("%Y-%m-%d"))
        page.fill(f"#id_{name}_1", value.strftime("%H:%M:%S"))
    with page.expect_navigation():
        page.locator("input[name=_continue]").click()
    assert page.locator(".messagelist .success").count() == 1, page.locator(".errorlist, .errornote").all_inner_texts()


def test_an_organizer_enters_the_window_in_the_campaigns_time_zone(live_server, campaign, admin_user,
                                                                   browser_page, screenshot):
    admin_user.set_password("organizer-pass")
    admin_user.save()
    Campaign.objects.filter(pk=campaign.pk).update(time_zone="America/Los_Angeles")
    pacific = zoneinfo.ZoneInfo("America/Los_Angeles")
    page = browser_page("desktop", "en")
    page.goto(f"{live_server.url}/admin/login/?next=/admin/")
    page.fill("#id_username", admin_user.username)
    page.fill("#id_password", "organizer-pass")
    page.locator("input[type=submit]").click()

    now = timezone.now().astimezone(pacific).replace(second=0, microsecond=0)
    tomorrow_9 = (now + dt.timedelta(days=1)).replace(hour=9, minute=0)
    _enter_window(page, live_server.url, campaign.pk, tomorrow_9, tomorrow_9.replace(hour=21))
    assert page.locator("#id_window_start_1").input_value() == "09:00:00"
    screenshot(page, "ux-admin-window-pacific")
    page.goto(f"{live_server.url}/c/{campaign.slug}/")
    zone = tomorrow_9.strftime("%Z")
    assert f"It opens {tomorrow_9:%A, %B} {tomorrow_9.day}, 9:00 AM {zone}." in page.inner_text("#act")

    _enter_window(page, live_server.url, campaign.pk, now - dt.timedelta(hours=1), now + dt.timedelta(hours=1))
    page.goto(f"{live_server.url}/c/{campaign.slug}/")
    assert page.get_by_label("Your ZIP code").is_visible()

    _enter_window(page, live_server.url, campaign.pk, now - dt.timedelta(hours=2), now - dt.timedelta(minutes=1))
    page.goto(f"{live_server.url}/c/{campaign.slug}/")
    assert "The action has ended" in page.inner_text("#act")
    campaign.refresh_from_db()
    assert campaign.window_end.astimezone(pacific).replace(tzinfo=None) == (
        now - dt.timedelta(minutes=1)).replace(tzinfo=None)


@pytest.mark.parametrize("language", ["en", "es"])
def test_lookup_and_event_pages_pass_axe_on_a_phone(demo, campaign, browser_page, screenshot, language):
    event = nyc_field_office_event(campaign, capacity=1)
    event.rsvps.create(name="Ana", email="ana@example.org")
    page = browser_page("phone", language)
    for name, path in (("lookup", "/lookup/?zip=10001"), ("events", f"/c/{campaign.slug}/events/?zip=10001"),
                       ("event-full", f"/c/{campaign.slug}/events/{event.pk}/")):
        page.goto(demo + path)
        assert axe_violations(page) == [], name
        screenshot(page, f"ux-{name}-{language}")
    assert page.locator(".event-full").is_visible() and page.locator(".rsvp-form").count() == 0
    assert ("26 Federal Plaza, New York, NY 10278" if language == "en" else "26 Federal Plaza") in page.inner_text(
        "main")

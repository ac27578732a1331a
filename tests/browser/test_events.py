"""Host an action → an organizer approves it in the admin → a neighbor finds it by ZIP and RSVPs."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from advocacy.events.models import Event, IceLocation, Rsvp
from targets.models import ZipCentroid

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_host_approve_find_rsvp(live_server, phone_page, screenshot, campaign, settings, chromium_browser,
                                admin_login):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    ZipCentroid.objects.update_or_create(zcta="07102", defaults={"latitude": 40.735657, "longitude": -74.172367})
    ZipCentroid.objects.update_or_create(zcta="10001", defaults={"latitude": 40.750742, "longitude": -73.996530})
    IceLocation.objects.create(key="ero-new", kind="field_office", name="Newark Field Office",
                               address="970 Broad St", city="Newark", state="NJ", zip_code="07102",
                               latitude=40.735657, longitude=-74.172367)
    page = phone_page
    host_a_vigil(page, f"{live_server.url}/c/{campaign.slug}/events/host/?near=10001")
    assert page.locator(".event-status").inner_text() == "Waiting for approval"
    screenshot(page, "event-hosted")

    admin = chromium_browser.new_page()
    admin_login(admin, live_server.url, next_path="/admin/events/event/")
    admin.locator("input.action-select").first.check()
    admin.select_option("select[name=action]", "approve")
    admin.click("button[name=index]")
    assert "1 event(s) approved." in admin.locator(".messagelist").inner_text()
    admin.close()

    page.goto(f"{live_server.url}/c/{campaign.slug}/events/")
    page.get_by_label("Your ZIP code").fill("10001")
    page.get_by_label("Within").select_option("25")
    page.get_by_role("button", name="Search").click()
    assert "9.3 miles away" in page.locator(".events").first.inner_text()
    page.get_by_role("link", name="Vigil at the Newark field office").click()

    page.get_by_label("Your name").fill("Ana")
    page.get_by_label("Your email").fill("ana@example.org")
    page.get_by_role("button", name="I'll be there").click()
    assert "You're going!" in page.locator("[role=status]").inner_text()
    assert Rsvp.objects.get().event == Event.objects.get(status="approved")
    screenshot(page, "event-rsvp")


def host_a_vigil(page, host_url: str) -> None:
    page.goto(host_url)
    page.get_by_label("Your name").fill("Rosa")
    page.get_by_label("Your email").fill("rosa@example.org")
    page.get_by_label("Event title").fill("Vigil at the Newark field office")
    page.get_by_label("Description").fill("Bring candles and signs.")
    page.get_by_label(re.compile(r"^Newark Field Office \(Newark, NJ\) · 9 mi")).check()
    page.get_by_label("Date").fill((timezone.now() + dt.timedelta(days=5)).date().isoformat())
    page.get_by_label("Starts").fill("18:00")
    page.get_by_label("Capacity (optional)").fill("20")
    page.get_by_role("button", name="Submit for approval").click()

"""An organizer watches the dashboard in a real browser: the numbers and the chart move without a reload."""

import pytest
from django.conf import settings as django_settings
from playwright.sync_api import expect

from advocacy.dashboard.counters import record_contact
from advocacy.dashboard.models import Metric
from targets.models import Target

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def organizer_page(browser, live_server, client, admin_user, **context_options):
    """A browser context logged in as staff (the test client's session cookie), and a page in it."""
    client.force_login(admin_user)
    context = browser.new_context(**context_options)
    context.add_cookies([{"name": django_settings.SESSION_COOKIE_NAME,
                          "value": client.cookies[django_settings.SESSION_COOKIE_NAME].value,
                          "url": live_server.url}])
    page = context.new_page()
    page.set_default_timeout(15_000)
    return context, page


def test_the_dashboard_updates_itself_as_contacts_are_recorded(chromium_browser, screenshot, live_server,
                                                               client, campaign, admin_user, settings):
    settings.DASHBOARD_REFRESH_SECONDS = 1
    context, page = organizer_page(chromium_browser, live_server, client, admin_user,
                                   viewport={"width": 1280, "height": 900})
    try:
        page.goto(f"{live_server.url}/organize/{campaign.slug}/")
        connected = page.locator('[data-total="calls_connected"]')
        assert connected.inner_text() == "0"
        # Locator waits, not wait_for_function: the page's CSP forbids the eval that one needs.
        expect(page.locator("#updated")).not_to_be_empty()
        assert page.locator("#chart rect").count() == 0

        goldman = Target.objects.get(key="G000599")
        for _ in range(3):
            for metric in (Metric.CALL_ATTEMPTED, Metric.CALL_CONNECTED):
                record_contact(campaign_id=campaign.pk, metric=metric, target_id=goldman.pk, state="NY", district=10)
        record_contact(campaign_id=campaign.pk, metric=Metric.EMAIL_SENT, target_id=goldman.pk, state="NY",
                       district=10)

        expect(connected).to_have_text("3")
        assert page.locator('[data-total="emails_sent"]').inner_text() == "1"
        assert page.locator("#chart rect.calls").count() == 1 and page.locator("#chart rect.emails").count() == 1
        assert "NY-10: 4" in page.locator("#districts").inner_text()
        assert "Goldman" in page.locator("#targets tbody").inner_text()
        assert page.locator('[data-goal="calls"]').inner_text() == "3 (no goal set)"
        assert page.locator("#chart text.axis").count() == 3  # the scale's top and the window's start and end
        assert "Left voicemail: 0" in page.locator("#outcomes").inner_text()
        screenshot(page, "dashboard-live")
    finally:
        context.close()


def test_on_a_phone_the_chart_zooms_from_the_last_hour_to_the_whole_day(chromium_browser, screenshot, live_server,
                                                                       client, campaign, admin_user, settings):
    import datetime as dt

    from django.utils import timezone

    settings.DASHBOARD_REFRESH_SECONDS = 1
    campaign.window_start = timezone.now().replace(second=0, microsecond=0) - dt.timedelta(hours=12)
    campaign.window_end = campaign.window_start + dt.timedelta(hours=24)
    campaign.save()
    goldman = Target.objects.get(key="G000599")
    record_contact(campaign_id=campaign.pk, metric=Metric.CALL_CONNECTED, target_id=goldman.pk, state="NY",
                   district=10)
    record_contact(campaign_id=campaign.pk, metric=Metric.EMAIL_SENT, at=campaign.window_start + dt.timedelta(hours=1))
    context, page = organizer_page(chromium_browser, live_server, client, admin_user,
                                   viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    try:
        page.goto(f"{live_server.url}/organize/{campaign.slug}/")
        expect(page.locator("#updated")).not_to_have_text("")
        assert page.locator("#bucket").inner_text() == "one bar per minute"
        assert page.locator("#chart rect.calls").count() == 1 and page.locator("#chart rect.emails").count() == 0
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")  # nothing off-screen
        box = page.locator("#chart").bounding_box()
        assert box["width"] <= 375 and page.locator("#chart").get_attribute("viewBox").split()[2] == str(
            round(box["width"]))  # drawn at the phone's own width, so its labels stay legible
        screenshot(page, "dashboard-phone-last-hour")

        page.get_by_role("link", name="Whole window").click()
        expect(page.locator("#bucket")).to_have_text("one bar per 10 minutes")
        assert page.locator("#chart rect.calls").count() == 1 and page.locator("#chart rect.emails").count() == 1
        assert page.locator(".zoom [aria-current]").inner_text() == "Whole window"
        assert page.url.endswith("?range=all")
        screenshot(page, "dashboard-phone-whole-day")
    finally:
        context.close()

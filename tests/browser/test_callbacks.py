"""On a phone (390×844): a supporter asks to be called back later, sees when and how to cancel; when the clock
reaches that time the due pass places the call against the fake Twilio, once; in another run the supporter
cancels first and is never called."""

import datetime as dt

import pytest
from django.utils import timezone

from advocacy.calls.models import CallSession
from advocacy.calls.tasks import reconcile_calls
from tests.services import wait_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def open_campaign(campaign):
    campaign.window_end = timezone.now() + dt.timedelta(days=30)
    campaign.save()
    return campaign


def schedule_from_the_action_page(page, live_server, campaign) -> CallSession:
    page.goto(f"{live_server.url}/c/{campaign.slug}/?zip=10002")
    page.fill("#call-phone", "(802) 555-0142")
    second = page.locator("#call-at option").nth(2)  # "Now", then the offices' next open half hours
    page.select_option("#call-at", second.get_attribute("value"))
    page.click("#call-form button[type=submit]")
    page.wait_for_url("**/calls/*/")
    page.get_by_text("We will call you on").wait_for()
    return CallSession.objects.get()


def test_a_callback_is_scheduled_then_placed_once_at_its_time(live_server, phone_page, screenshot, open_campaign,
                                                             fake_twilio):
    page = phone_page
    session = schedule_from_the_action_page(page, live_server, open_campaign)
    assert session.status == CallSession.Status.SCHEDULED and fake_twilio.created == []
    assert page.get_by_role("link", name="Cancel my call").is_visible()
    screenshot(page, "callback-scheduled")

    CallSession.objects.filter(pk=session.pk).update(scheduled_for=timezone.now() - dt.timedelta(seconds=1))
    for _ in range(2):  # the beat's due pass, twice: the call-back is queued once
        reconcile_calls.apply()
    wait_for(lambda: fake_twilio.created, timeout=60, message="the call-back placed")
    fake_twilio.wait_idle(timeout=90)  # the call plays to its end (slow when the machine is busy)
    page.get_by_text("Your call has ended. Thank you!").wait_for(timeout=60000)  # the page followed it live

    session.refresh_from_db()
    assert [c["to"] for c in fake_twilio.created] == ["+18025550142"]
    assert session.status == CallSession.Status.COMPLETED and session.twilio_sid == fake_twilio.created[0]["sid"]
    screenshot(page, "callback-placed")


def test_a_callback_cancelled_from_its_link_is_never_placed(live_server, phone_page, screenshot, open_campaign,
                                                           fake_twilio):
    page = phone_page
    session = schedule_from_the_action_page(page, live_server, open_campaign)

    page.get_by_role("link", name="Cancel my call").click()
    page.get_by_role("button", name="Cancel my call").click()
    page.get_by_text("Your call is cancelled. We will not call you.").wait_for()
    screenshot(page, "callback-cancelled")
    CallSession.objects.filter(pk=session.pk).update(scheduled_for=timezone.now() - dt.timedelta(minutes=5))
    reconcile_calls.apply()

    assert fake_twilio.created == [] and CallSession.objects.get().status == CallSession.Status.CANCELED

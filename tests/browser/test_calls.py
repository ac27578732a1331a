"""A supporter asks for a call from the action page on a phone, follows it live and reports how it went."""

import pytest

from advocacy.calls.models import CallSession
from advocacy.calls.simulator import Scenario

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_call_me_then_follow_the_call_and_report_an_outcome(live_server, phone_page, screenshot, campaign,
                                                           fake_twilio):
    fake_twilio.default_scenario = Scenario(target_results={"+12022828000": "busy"})
    page = phone_page
    page.goto(f"{live_server.url}/c/{campaign.slug}/?zip=10002")

    page.fill("#call-phone", "(802) 555-0142")
    page.click("#call-form button[type=submit]")

    page.wait_for_url("**/calls/*/")
    page.get_by_text("Your call has ended. Thank you!").wait_for()  # the page follows the call until it ends
    fake_twilio.wait_idle()
    page.reload()
    legs = page.locator("li.leg")
    assert legs.count() == 4
    assert "Busy" in legs.nth(3).inner_text()
    screenshot(page, "call-status")

    legs.nth(0).get_by_role("button", name="Spoke to staff").click()
    page.get_by_text("You said: Spoke to staff").wait_for()

    session = CallSession.objects.get()
    assert session.phone == "+18025550142" and session.status == CallSession.Status.COMPLETED
    assert session.legs.order_by("position").first().outcome == "spoke_to_staff"

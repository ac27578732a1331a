"""A web-form step's "Copy the message" copies the letter with every line break, as the office's form needs it."""

import pytest

from advocacy.emails import services
from targets.models import Target

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NOTE = "My brother has been held in Batavia for 200 days.\n\nPlease visit the facility."


@pytest.fixture
def clipboard_page(chromium_browser, live_server):
    context = chromium_browser.new_context(permissions=["clipboard-read", "clipboard-write"], base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def test_copy_the_message_keeps_line_breaks(clipboard_page, email_campaign, settings, screenshot):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    Target.objects.filter(key="S000148").update(email="")  # Schumer's office: the web form
    action = services.submit_email_action(campaign=email_campaign, name="Ana Ruiz", email="ana@example.org",
                                          zip_code="10002", city="New York", personal_note=NOTE)
    services.confirm_action(action=action)
    schumer = action.deliveries.get(target__key="S000148")
    assert schumer.body.count("\n") >= 6

    page = clipboard_page
    page.goto(f"/emails/a/{action.token}/")
    step = page.locator(".delivery", has_text="Senator Charles Schumer")
    step.get_by_role("button", name="Copy the message").click()
    step.get_by_role("button", name="Copied").wait_for()
    copied = page.evaluate("navigator.clipboard.readText()")
    screenshot(page, "webform-step-copy")

    assert copied == schumer.body
    assert "Batavia for 200 days.\n\nPlease visit" in copied and copied.startswith("Dear Senator Charles Schumer,\n\n")

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_home_page_in_a_phone_browser(live_server, phone_page, screenshot):
    phone_page.goto(live_server.url + "/")

    assert phone_page.locator("h1").inner_text() == "Take action"
    assert screenshot(phone_page, "home").exists()

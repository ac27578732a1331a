"""Playwright driving Debian's chromium (/usr/bin/chromium) against pytest-django's live_server.

Screenshots go to test-artifacts/screenshots/. Without chromium the browser tests skip, except
under CI=true, where scripts/test has installed it and a missing browser is a failure.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.services import skip_or_fail

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parent.parent.parent / "test-artifacts" / "screenshots"
PHONE_VIEWPORT = {"width": 390, "height": 844}

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make around it are
# still synchronous, so Django's async-safety guard would refuse them.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = pytest.mark.browser


@pytest.fixture(scope="session")
def chromium_browser():
    if not Path(CHROMIUM).exists():
        skip_or_fail(f"chromium is not installed at {CHROMIUM} (scripts/install-browser installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        )
        yield browser
        browser.close()


@pytest.fixture
def phone_page(chromium_browser):
    context = chromium_browser.new_context(viewport=PHONE_VIEWPORT, device_scale_factor=2, is_mobile=True,
                                           has_touch=True, locale="en-US")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def screenshot():
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(page, name: str) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.fixture
def admin_login(admin_user):
    """Signs a page in through the admin's own login form, as pytest-django's admin_user (password "password")."""

    def log_in(page, site: str, *, next_path: str = "/admin/") -> None:
        page.goto(f"{site}/admin/login/?next={next_path}")
        page.fill("#id_username", admin_user.username)
        page.fill("#id_password", "password")
        page.click("input[type=submit]")

    return log_in

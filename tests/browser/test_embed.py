"""A partner's page on another origin frames the action: a call and an email done entirely inside the iframe,
on a desktop in English and on a phone in Spanish, then the dashboard credits the partner's code.

The partner page is served from 127.0.0.1 on a port of its own and the action from localhost (or the other way
round): a different site, so the browser gives the frame none of our cookies, as on a real partner site."""

from __future__ import annotations

import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest
from django.core import mail

from advocacy.calls.models import CallSession
from advocacy.emails.models import EmailAction
from tests.browser.conftest import PHONE_VIEWPORT

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TEXT = {
    "en": {"zip": "Your ZIP code", "find": "Find my targets", "phone": "Your phone number", "call": "Call me now",
           "ended": "Your call has ended. Thank you!", "report": "Report", "said": "You said:", "name": "Your name",
           "email": "Your email", "send": "Send the email", "inbox": "Check your inbox",
           "back": "Back to the action", "confirmed": "Confirmed already?", "thanks": "Thank you! Here is",
           "sent_it": "I sent it", "done": "Done: what next?", "email_too": "Send the email too",
           "call_too": "Call too"},
    "es": {"zip": "Tu código postal", "find": "Buscar a quién contactar", "phone": "Tu número de teléfono",
           "call": "Llámame ahora", "ended": "Tu llamada terminó. ¡Gracias!", "report": "Contar", "said": "Dijiste:",
           "name": "Tu nombre", "email": "Tu correo electrónico", "send": "Enviar el correo",
           "inbox": "Revisa tu correo", "back": "Volver a la acción", "confirmed": "¿Ya confirmaste?",
           "thanks": "¡Gracias! Así va cada mensaje.", "sent_it": "Ya lo envié", "done": "Listo: ¿y ahora qué?",
           "email_too": "Envía también el correo", "call_too": "Llama también"},
}


def partner_page_html(action_origin: str, lang: str) -> str:
    if lang == "en":  # the snippet the action page gives: an iframe, and the script that credits data-ref
        snippet = (f'<iframe src="{action_origin}/c/detention/embed/?ref=unidos-tx" title="Act" '
                   f'style="width:100%;border:0;min-height:520px"></iframe>'
                   f'<script src="{action_origin}/static/js/embed.js" data-ref="unidos-tx" async></script>')
    else:  # the script alone, adding the iframe itself
        snippet = (f'<script src="{action_origin}/static/js/embed.js" data-campaign="detention" '
                   f'data-ref="unidos-tx" data-lang="es" async></script>')
    return (f'<!doctype html><html><head><meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<title>Unidos TX</title></head><body style="margin:0;font-family:sans-serif">'
            f'<h1 style="background:#702;color:#fff;margin:0;padding:12px">Unidos TX: act today</h1>'
            f'{snippet}<footer>Unidos TX</footer></body></html>')


@pytest.fixture
def partner_site(live_server):
    """A partner's page on another site (the other one of localhost / 127.0.0.1, another port)."""
    action = urlsplit(live_server.url)
    host = "127.0.0.1" if action.hostname == "localhost" else "localhost"
    pages: dict[str, str] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            body = pages.get(self.path.split("?")[0], "").encode()
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://{host}:{server.server_address[1]}"
    for lang in TEXT:
        pages[f"/act-{lang}"] = partner_page_html(live_server.url, lang)
    yield base
    server.shutdown()
    server.server_close()


@pytest.fixture
def site(live_server, settings, email_campaign, fake_twilio):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    email_campaign.demands.create(position=0, text="Free them all.", text_es="Libérenlos a todos.")
    return live_server.url


def call_inside_the_frame(frame, t: dict, fake_twilio, page, screenshot, name: str) -> None:
    frame.get_by_label(t["zip"]).fill("10002")
    frame.get_by_role("button", name=t["find"]).click()
    frame.get_by_label(t["phone"]).fill("(802) 555-0142")
    screenshot(page, f"{name}-targets")
    frame.get_by_role("button", name=t["call"]).click()
    frame.get_by_text(t["ended"]).wait_for()  # followed live, inside the frame, until it ends
    fake_twilio.wait_idle()
    for form in range(frame.locator("form.outcome-form").count()):  # one tap per office, inside the frame
        frame.locator("form.outcome-form button[value=spoke_to_staff]").first.click()
        frame.locator(".outcome").nth(form).wait_for()
    screenshot(page, f"{name}-call")
    frame.get_by_role("link", name=t["done"]).click()
    frame.get_by_role("link", name=t["email_too"]).wait_for()
    screenshot(page, f"{name}-call-done")


def email_inside_the_frame(frame, t: dict, page, screenshot, name: str, browser_context, site: str) -> None:
    frame.get_by_role("link", name=t["back"]).click()
    frame.get_by_label(t["zip"]).fill("10002")
    frame.get_by_role("button", name=t["find"]).click()
    frame.get_by_label(t["name"], exact=True).fill("Ana Ruiz")
    frame.get_by_label(t["email"]).fill("ana@example.org")
    frame.locator("#email-form").get_by_role("button", name=t["send"]).click()
    frame.get_by_text(t["inbox"]).wait_for()
    screenshot(page, f"{name}-email-confirmation-step")

    link = re.search(r"https?://\S+/emails/confirm/\S+/", mail.outbox[-1].body).group(0)
    mailbox = browser_context.new_page()  # the supporter opens the link from their mail, in a tab of its own
    mailbox.goto(re.sub(r"^https?://[^/]+", site, link))
    mailbox.locator("main form button[type=submit]").click()
    mailbox.locator("main [role=status]").wait_for()
    mailbox.close()

    frame.get_by_role("link", name=re.compile(re.escape(t["confirmed"]))).click()
    frame.get_by_text(t["thanks"]).wait_for()
    frame.get_by_role("button", name=t["sent_it"]).first.click()  # a web-form office, reported from the frame
    frame.locator(".delivery-reported").wait_for()
    screenshot(page, f"{name}-email-results")
    frame.get_by_role("link", name=t["done"]).click()
    frame.get_by_role("link", name=t["call_too"]).wait_for()
    screenshot(page, f"{name}-email-done")


def dashboard_credits(browser, site: str, admin_login) -> dict[str, str]:
    context = browser.new_context()
    page = context.new_page()
    admin_login(page, site, next_path="/organize/detention/")
    row = page.locator('#partners tr[data-partner="unidos-tx"] td')
    cells = row.all_inner_texts()
    context.close()
    return dict(zip(["partner", "call_sessions", "calls_connected", "email_actions", "emails"], cells, strict=True))


@pytest.mark.parametrize("lang, viewport", [("en", {"width": 1280, "height": 900}), ("es", PHONE_VIEWPORT)],
                         ids=["desktop-en", "phone-es"])
def test_a_partner_page_on_another_site_completes_a_call_and_an_email_in_the_frame(
        chromium_browser, partner_site, site, fake_twilio, screenshot, admin_login, lang, viewport):
    t = TEXT[lang]
    context = chromium_browser.new_context(viewport=viewport, locale="en-US", is_mobile=viewport == PHONE_VIEWPORT,
                                           has_touch=viewport == PHONE_VIEWPORT)
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.goto(f"{partner_site}/act-{lang}")
    assert urlsplit(partner_site).hostname != urlsplit(site).hostname  # a different site, not just another port
    frame = page.frame_locator("iframe")
    name = f"embed-{lang}-{'phone' if viewport == PHONE_VIEWPORT else 'desktop'}"

    call_inside_the_frame(frame, t, fake_twilio, page, screenshot, name)
    assert not [c for c in context.cookies(site) if c["name"] == "csrftoken"]  # the frame never had our cookie
    email_inside_the_frame(frame, t, page, screenshot, name, context, site)

    height = page.locator("iframe").evaluate("f => f.getBoundingClientRect().height")
    assert height > 520  # embed.js grew the frame to its content
    context.close()

    session, action = CallSession.objects.get(), EmailAction.objects.get()
    assert (session.partner_code, session.language, session.status) == ("unidos-tx", lang, "completed")
    assert session.legs.order_by("position").first().outcome == "spoke_to_staff"
    assert (action.partner_code, action.language, action.status) == ("unidos-tx", lang, "confirmed")
    credits = dashboard_credits(chromium_browser, site, admin_login)
    assert credits["call_sessions"] == "1" and credits["email_actions"] == "1"
    assert int(credits["calls_connected"]) == session.legs.filter(status="completed").count() > 0
    assert int(credits["emails"]) == action.deliveries.filter(status__in=["sent", "reported"]).count() > 0

"""No English reaches a Spanish supporter: every catalogue entry has Spanish, and the pages and emails we render
in Spanish contain none of the English msgids."""

import re
from html import unescape
from pathlib import Path

import polib
import pytest
from django.core import mail
from django.core.management import call_command

from advocacy.events.models import Rsvp
from tests.events.fixtures import nyc_field_office_event

pytestmark = pytest.mark.django_db
PO = Path(__file__).resolve().parents[1] / "locale" / "es" / "LC_MESSAGES" / "django.po"
CATALOGUE = polib.pofile(str(PO))
PLACEHOLDER = re.compile(r"%\([a-z_]+\)s|%s|%d")


def english_fragments() -> set[str]:
    """Pieces of English long enough to mean something, from every msgid whose Spanish differs."""
    fragments = set()
    for entry in CATALOGUE:
        spanish = entry.msgstr or entry.msgstr_plural.get(0, "")
        if spanish == entry.msgid:
            continue
        for piece in PLACEHOLDER.split(entry.msgid):
            piece = piece.strip(" .,:;\"'()·")
            if len(piece) >= 14 or (len(piece) >= 8 and " " in piece):
                fragments.add(piece)
    return fragments


ENGLISH = english_fragments()


def visible_text(html: str) -> str:
    html = re.sub(r"(?s)<(script|style)\b.*?</\1>", " ", html)
    html = re.sub(r"(?s)<pre class=\"embed-snippet\">.*?</pre>", " ", html)  # code to copy, not prose
    text = re.sub(r"<[^>]+>", " ", html)
    return " ".join(unescape(text).split())


def english_in(text: str) -> list[str]:
    return sorted(f for f in ENGLISH if f in text)


def test_every_catalogue_entry_has_spanish():
    missing = [e.msgid for e in CATALOGUE if not (e.msgstr or e.msgstr_plural.get(0)) or "fuzzy" in e.flags]
    assert missing == []


@pytest.fixture
def spanish_world(campaign, targets, settings, django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("load_demo_campaign", stdout=open("/dev/null", "w"))  # today in Eastern time: open now
    event = nyc_field_office_event(campaign, title="Vigilia", description="Traigan velas.", capacity=5,
                                   language="es")
    return {"campaign": campaign, "event": event}


def spanish_pages(client, world) -> dict[str, str]:
    slug, event = world["campaign"].slug, world["event"]
    es = {"HTTP_ACCEPT_LANGUAGE": "es"}
    pages = {
        "action": client.get("/c/day-of-action/", {"zip": "10002"}, **es),
        "action split": client.get(f"/c/{slug}/", {"zip": "10001"}, **es),
        "action no zip": client.get("/c/day-of-action/", **es),
        "bad zip": client.get(f"/c/{slug}/", {"zip": "20500"}, **es),
        "lookup": client.get("/lookup/", {"zip": "10001"}, **es),
        "events": client.get(f"/c/{slug}/events/", {"zip": "10001"}, **es),
        "host": client.get(f"/c/{slug}/events/host/", {"near": "10001"}, **es),
        "event": client.get(f"/c/{slug}/events/{event.pk}/", **es),
        "manage": client.get(f"/events/manage/{event.manage_token}/", **es),
        "call refused": client.post(f"/c/{slug}/call/", {"zip": "10002", "phone": "12"}, **es),
    }
    for name, response in pages.items():
        assert response.status_code in (200, 400), name
    return {name: visible_text(r.content.decode()) for name, r in pages.items()}


def test_spanish_pages_show_no_english(client, spanish_world):
    pages = spanish_pages(client, spanish_world)
    found = {name: english_in(text) for name, text in pages.items()}

    assert "Senador/a Charles Schumer" in pages["action"] and "Uno de tus dos senadores" in pages["action"]
    assert "Dirige ICE y CBP" in pages["action"] and "Llámalos" in pages["action"]

    assert {name: hits for name, hits in found.items() if hits} == {}


def test_spanish_event_emails_show_no_english(client, spanish_world, django_capture_on_commit_callbacks):
    event = spanish_world["event"]
    slug = spanish_world["campaign"].slug
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/c/{slug}/events/{event.pk}/", {"name": "Ana", "email": "ana@example.org"},
                    HTTP_ACCEPT_LANGUAGE="es")
        client.post(f"/events/manage/{event.manage_token}/message/", {"body": "Nos vemos en la puerta norte."},
                    HTTP_ACCEPT_LANGUAGE="es")
        client.post(f"/events/manage/{event.manage_token}/cancel/", {"note": ""}, HTTP_ACCEPT_LANGUAGE="es")
    assert Rsvp.objects.get().language == "es"
    assert len(mail.outbox) == 3
    for message in mail.outbox:
        assert english_in(message.subject + "\n" + message.body) == [], message.subject
    assert [m.subject.split(":")[0] for m in mail.outbox] == ["Vas a ir", "Un mensaje de quien organiza Vigilia",
                                                             "Cancelado"]


def test_the_spanish_email_steps_show_no_english(client, email_campaign, settings, django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    es = {"HTTP_ACCEPT_LANGUAGE": "es"}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/c/{email_campaign.slug}/email/", {"name": "Ana Ruiz", "email": "ana@example.org",
                                                                    "zip": "10002"}, **es)
    assert response.status_code == 302
    status_page = visible_text(client.get(response["Location"], **es).content.decode())
    confirmation = mail.outbox[-1]

    assert "Representante Daniel Goldman" in status_page and "Esperando tu confirmación" in status_page
    assert "Representante Daniel Goldman" in confirmation.body
    assert english_in(status_page) == [] and english_in(confirmation.subject + confirmation.body) == []


def test_the_spanish_call_and_email_journey_shows_no_english(client, spanish_world, settings,
                                                             django_capture_on_commit_callbacks):
    """The call's status page with its outcome buttons, the done pages, the email's steps, the messages the
    offices get and the supporter's emails, all from the demo campaign in Spanish."""
    from advocacy.calls.models import CallSession
    from advocacy.emails import services as email_services
    from advocacy.emails.models import EmailAction
    from targets.models import Target

    settings.DEBUG = True  # the built-in simulator plays the call
    es = {"HTTP_ACCEPT_LANGUAGE": "es"}
    Target.objects.filter(key__in=["G000599", "S000148"]).update(email="office@house.example")
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/c/day-of-action/call/", {"zip": "10002", "phone": "802-555-0142", "first_name": "Ana"}, **es)
        client.post("/c/day-of-action/email/", {"name": "Ana Ruiz", "email": "ana@example.org", "zip": "10002"},
                    **es)
    session, action = CallSession.objects.get(), EmailAction.objects.get()
    secret = mail.outbox[-1].body.split("/emails/confirm/")[1].split("/")[0]
    pages = {name: visible_text(client.get(url, **es).content.decode()) for name, url in {
        "call status": f"/calls/{session.pk}/", "call done": f"/calls/{session.pk}/done/",
        "email confirm": f"/emails/confirm/{secret}/", "email status": f"/emails/a/{action.token}/",
        "po box": "/c/day-of-action/?zip=10099", "lookup po box": "/lookup/?zip=10099"}.items()}
    with django_capture_on_commit_callbacks(execute=True):
        email_services.confirm_action(action=action)
    pages["email done"] = visible_text(client.get(f"/emails/a/{action.token}/done/", **es).content.decode())

    assert "¿Cómo te fue con Senador/a Charles Schumer?" in pages["call status"]
    assert "Envía también el correo" in pages["call done"] and "Llama también" in pages["email done"]
    assert "solo para apartados postales" in pages["po box"] and "Senador/a Charles Schumer" in pages["po box"]
    assert {name: english_in(text) for name, text in pages.items() if english_in(text)} == {}
    offices = [m for m in mail.outbox if m.to == ["office@house.example"]]
    assert offices and all("Su constituyente le pide" in m.subject for m in offices)
    for message in mail.outbox:
        assert english_in(message.subject + "\n" + message.body) == [], message.subject

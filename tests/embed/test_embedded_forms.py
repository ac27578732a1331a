"""The iframe's forms post without a CSRF cookie: a signed form token for the campaign plus our own Origin.
Top-level forms keep Django's cookie CSRF."""

import re

import pytest
from django.test import Client

from advocacy.calls.models import CallSession
from advocacy.campaigns.models import Campaign
from advocacy.emails.models import EmailAction
from advocacy.embed.tokens import form_token
from tests.embed.helpers import OWN_ORIGIN, embed_form, form_fields

pytestmark = pytest.mark.django_db


@pytest.fixture
def browser():
    """A browser in a partner's iframe: Django's CSRF is enforced and it never has our CSRF cookie."""
    return Client(enforce_csrf_checks=True)


def test_an_embedded_call_request_is_accepted_credited_and_stays_in_the_frame(browser, campaign):
    fields = embed_form(browser, campaign, "call-form", ref="Unidos-TX", lang="es")
    assert fields["embed"] == "1" and fields["ref"] == "unidos-tx" and fields["lang"] == "es"
    browser.cookies.clear()  # a cross-site frame keeps no cookie

    response = browser.post(f"/c/{campaign.slug}/call/", {**fields, "phone": "(802) 555-0142"},
                            HTTP_ORIGIN=OWN_ORIGIN)

    session = CallSession.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/calls/{session.pk}/?embed=1&ref=unidos-tx&lang=es"
    assert session.partner_code == "unidos-tx" and session.language == "es"
    assert response.get("X-Frame-Options") is None
    status_page = browser.get(response["Location"])
    assert status_page.get("X-Frame-Options") is None and "Tu llamada" in status_page.content.decode()


def test_an_embedded_email_lands_on_the_framable_confirmation_instructions(browser, email_campaign):
    fields = embed_form(browser, email_campaign, "email-form", ref="unidos")
    browser.cookies.clear()

    response = browser.post(f"/c/{email_campaign.slug}/email/",
                            {**fields, "name": "Ana Ruiz", "email": "ana@example.org"}, HTTP_ORIGIN=OWN_ORIGIN)

    action = EmailAction.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/emails/a/{action.token}/?embed=1&ref=unidos"
    assert action.partner_code == "unidos"
    page = browser.get(response["Location"])
    assert page.get("X-Frame-Options") is None and "Check your inbox" in page.content.decode()


def test_a_cross_site_post_without_a_token_is_still_refused(browser, campaign):
    for fields in ({"phone": "+18025550142", "zip": "10002"},
                   {"phone": "+18025550142", "zip": "10002", "embed": "1"}):
        response = browser.post(f"/c/{campaign.slug}/call/", fields, HTTP_ORIGIN="https://evil.example")
        assert response.status_code == 403
    assert not CallSession.objects.exists()


def test_a_top_level_post_without_the_csrf_cookie_is_refused_as_before(browser, email_campaign):
    response = browser.post(f"/c/{email_campaign.slug}/email/", {"zip": "10002", "name": "A", "email": "a@b.org"},
                            HTTP_ORIGIN=OWN_ORIGIN)

    assert response.status_code == 403 and response["X-Frame-Options"] == "DENY"
    assert not EmailAction.objects.exists()


def test_a_token_read_by_another_site_is_useless_from_that_site(browser, campaign):
    fields = embed_form(browser, campaign, "call-form")

    response = browser.post(f"/c/{campaign.slug}/call/", {**fields, "phone": "+18025550142"},
                            HTTP_ORIGIN="https://evil.example")

    assert response.status_code == 403 and "page we do not recognize" in response.content.decode()
    assert response.get("X-Frame-Options") is None  # the refusal shows inside the frame, not a grey box
    assert not CallSession.objects.exists()


@pytest.mark.parametrize("origin_header", [{}, {"HTTP_ORIGIN": "null"}])
def test_a_post_with_no_origin_to_check_is_refused(browser, campaign, origin_header):
    fields = embed_form(browser, campaign, "call-form")

    response = browser.post(f"/c/{campaign.slug}/call/", {**fields, "phone": "+18025550142"}, **origin_header)

    assert response.status_code == 403 and not CallSession.objects.exists()


def test_a_listed_partner_origin_may_post(browser, campaign):
    campaign.embed_allowed_origins = "https://unidos.example"
    campaign.save()
    fields = embed_form(browser, campaign, "call-form")

    response = browser.post(f"/c/{campaign.slug}/call/", {**fields, "phone": "+18025550142"},
                            HTTP_ORIGIN="https://unidos.example")

    assert response.status_code == 302 and CallSession.objects.count() == 1


def test_tokens_are_bound_to_their_campaign_and_expire(browser, campaign, settings):
    other = Campaign.objects.create(slug="other", title="Other")
    fields = embed_form(browser, campaign, "call-form")
    post = {**fields, "phone": "+18025550142"}

    other_token = form_token(campaign_id=other.pk)
    wrong_campaign = browser.post(f"/c/{campaign.slug}/call/", {**post, "embed_token": other_token},
                                  HTTP_ORIGIN=OWN_ORIGIN)
    forged = browser.post(f"/c/{campaign.slug}/call/", {**post, "embed_token": fields["embed_token"] + "x"},
                          HTTP_ORIGIN=OWN_ORIGIN)
    settings.EMBED_FORM_TOKEN_SECONDS = -1
    expired = browser.post(f"/c/{campaign.slug}/call/", post, HTTP_ORIGIN=OWN_ORIGIN)

    assert [r.status_code for r in (wrong_campaign, forged, expired)] == [403, 403, 403]
    assert "open too long" in expired.content.decode()
    assert not CallSession.objects.exists()


def test_each_render_gets_a_fresh_token(browser, campaign):
    tokens = {embed_form(browser, campaign, "call-form")["embed_token"] for _ in range(3)}

    assert len(tokens) == 3


def test_the_outcome_report_works_inside_the_frame(browser, campaign):
    session = campaign.call_sessions.create(phone="+18025550142", zip_code="10002", status="completed")
    leg = session.legs.create(campaign=campaign, position=0, status="completed", duration_seconds=30,
                              target=campaign.target_lines.get(position=2).target)
    page = browser.get(f"/calls/{session.pk}/", {"embed": "1", "lang": "es"}).content.decode()
    fields = form_fields(re.sub(r'class="outcome-form"', 'id="outcome-form"', page), "outcome-form")

    response = browser.post(f"/calls/{session.pk}/outcome/{leg.pk}/", {**fields, "outcome": "spoke_to_staff"},
                            HTTP_ORIGIN=OWN_ORIGIN)

    leg.refresh_from_db()
    # the only office reported on an ended call: on to the done page, still in the frame's mode
    assert response.status_code == 302 and response["Location"] == f"/calls/{session.pk}/done/?embed=1&lang=es"
    assert leg.outcome == "spoke_to_staff"
    done = browser.get(response["Location"])
    assert done.status_code == 200 and done.get("X-Frame-Options") is None and "Llama también" not in \
        done.content.decode() and "Envía también el correo" in done.content.decode()


def test_errors_inside_the_frame_are_framable_translated_and_lead_back_to_the_embed(browser, campaign):
    fields = embed_form(browser, campaign, "call-form", lang="es", ref="unidos")

    response = browser.post(f"/c/{campaign.slug}/call/", {**fields, "phone": "12"}, HTTP_ORIGIN=OWN_ORIGIN)

    page = response.content.decode()
    assert response.status_code == 400 and response.get("X-Frame-Options") is None
    assert "No pudimos hacer tu llamada" in page
    assert f'href="/c/{campaign.slug}/embed/?ref=unidos&amp;lang=es&amp;zip=10002#act"' in page
    assert 'class="site-header"' not in page  # no language form that would need a cookie

"""Embed pages may be framed (CSP frame-ancestors, per-campaign allow-list); everything else stays DENY."""

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from advocacy.embed.framing import EmbedFramingMiddleware, mark_framable, with_frame_ancestors
from advocacy.embed.origins import frame_ancestors

pytestmark = pytest.mark.django_db


def framing_directive(response) -> str:
    """The frame-ancestors directive of the response's policy ("" when none); the site-wide policy's other
    directives are not this test's business."""
    directives = [d.strip() for d in response.get("Content-Security-Policy", "").split(";")]
    return next((d for d in directives if d.startswith("frame-ancestors")), "")


def frame_headers(response) -> tuple[str | None, str]:
    return response.get("X-Frame-Options"), framing_directive(response)


def test_the_embed_may_be_framed_by_any_site_when_the_allow_list_is_empty(client, campaign):
    response = client.get(f"/c/{campaign.slug}/embed/")

    assert response.status_code == 200
    assert frame_headers(response) == (None, "frame-ancestors *")


def test_the_allow_list_names_the_partner_sites_that_may_frame_it(client, campaign):
    campaign.embed_allowed_origins = "https://Unidos.example/take-action\nhttp://localhost:8080\nnot an origin"
    campaign.save()

    response = client.get(f"/c/{campaign.slug}/embed/")

    assert frame_headers(response) == (None, "frame-ancestors 'self' https://unidos.example http://localhost:8080")


@pytest.mark.parametrize("path", ["/c/detention/", "/c/detention/?zip=10002&embed=0", "/admin/login/",
                                  "/organize/", "/"])
def test_top_level_pages_still_refuse_to_be_framed(client, campaign, path):
    response = client.get(path, follow=False)

    assert response["X-Frame-Options"] == "DENY"
    assert framing_directive(response) in ("", "frame-ancestors 'none'")


def test_pages_reached_from_the_embed_are_framable_only_in_embed_mode(client, campaign):
    session = campaign.call_sessions.create(phone="+18025550142", zip_code="10002")

    assert client.get(f"/calls/{session.pk}/")["X-Frame-Options"] == "DENY"
    embedded = client.get(f"/calls/{session.pk}/", {"embed": "1"})
    assert frame_headers(embedded) == (None, "frame-ancestors *")


def test_a_site_wide_policy_keeps_its_other_directives_and_loses_only_frame_ancestors():
    policy = "default-src 'self'; frame-ancestors 'none'; img-src 'self' data:"

    assert with_frame_ancestors(policy, "*") == "default-src 'self'; frame-ancestors *; img-src 'self' data:"
    assert with_frame_ancestors("frame-ancestors 'none'", "'self' https://a.example") == (
        "frame-ancestors 'self' https://a.example")
    assert with_frame_ancestors("default-src 'self';", "*") == "default-src 'self'; frame-ancestors *"
    assert with_frame_ancestors("", "*") == "frame-ancestors *"


def test_the_middleware_rewrites_whatever_policy_a_site_wide_csp_set_on_embed_responses_only():
    def site_wide_csp(request):  # what django-csp (or any later middleware) leaves on a response
        response = HttpResponse("ok")
        response["Content-Security-Policy"] = "default-src 'self'; frame-ancestors 'none'"
        response["X-Frame-Options"] = "DENY"
        if request.GET.get("embed"):
            mark_framable(response, "'self' https://unidos.example")
        return response

    middleware = EmbedFramingMiddleware(site_wide_csp)
    embedded = middleware(RequestFactory().get("/x", {"embed": "1"}))
    top_level = middleware(RequestFactory().get("/x"))

    assert (embedded.get("X-Frame-Options"), embedded["Content-Security-Policy"]) == (
        None, "default-src 'self'; frame-ancestors 'self' https://unidos.example")
    assert (top_level["X-Frame-Options"], top_level["Content-Security-Policy"]) == (
        "DENY", "default-src 'self'; frame-ancestors 'none'")


def test_no_campaign_means_no_allow_list():
    assert frame_ancestors(None) == "*"

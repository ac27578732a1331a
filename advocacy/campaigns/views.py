"""The supporter's action page, its embeddable twin, and the campaign JSON for partner sites."""

from __future__ import annotations

from django.http import JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.http import require_GET

from advocacy.api.endpoints import json_endpoint
from advocacy.campaigns.models import Campaign
from advocacy.campaigns.selectors import action_for_location, campaign_json, entry_json, published_campaign
from advocacy.dashboard.selectors import public_totals
from advocacy.emails.services import preview_messages
from advocacy.embed.decorators import embeddable
from advocacy.embed.locators import campaign_by_slug
from targets.lookup import LookupRefused


def _page_context(request, campaign: Campaign, *, embed: bool) -> dict:
    language = translation.get_language() or "en"
    zip_code = request.GET.get("zip", "").strip()
    address = request.GET.get("address", "").strip()
    context = {"campaign": campaign, "zip_code": zip_code, "address": address, "language": language,
               "embed": embed, "location": None, "entries": [], "lookup_error": ""}
    if zip_code:
        try:
            context.update(action_for_location(campaign=campaign, zip_code=zip_code, address=address or None,
                                               language=language))
            context["email_previews"] = preview_messages(
                campaign=campaign, location=context["location"], language=language,
                supporter={"name": "", "zip_code": context["location"].zip_code,
                           "states": context["location"].states})
            context["needs_postal_address"] = any(m["channel"] == "cwc" for m in context["email_previews"])
        except LookupRefused as exc:
            context["lookup_error"] = exc.message
    context.update(campaign_json(campaign=campaign, language=language, request=request))
    context["stats"] = public_totals(campaign_id=campaign.pk)
    return context


@require_GET
def action_page(request, slug):
    campaign = published_campaign(slug)
    return render(request, "campaigns/action.html", _page_context(request, campaign, embed=False))


@embeddable(campaign_by_slug, always=True)
@require_GET
def embed_page(request, slug):
    campaign = published_campaign(slug)
    return render(request, "campaigns/embed.html", _page_context(request, campaign, embed=True))


@require_GET
@json_endpoint(cors=True)
def campaign_api(request, slug):
    campaign = published_campaign(slug)
    language = request.GET.get("lang") or translation.get_language() or "en"
    body = campaign_json(campaign=campaign, language=language, request=request)["campaign_json"]
    zip_code = request.GET.get("zip")
    if zip_code is not None:
        found = action_for_location(campaign=campaign, zip_code=zip_code, address=request.GET.get("address"),
                                    language=language)
        body["location"] = {"zip": found["location"].zip_code, "needs_address": found["location"].needs_address,
                            "districts": [d.label for d in found["location"].districts]}
        body["targets"] = [entry_json(entry) for entry in found["entries"]]
    return JsonResponse(body)

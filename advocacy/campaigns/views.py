"""The supporter's action page, its embeddable twin, and the campaign JSON for partner sites."""

from __future__ import annotations

from csp.decorators import csp_replace
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils import translation
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_GET

from advocacy.api.responses import error_response, lookup_error_response
from advocacy.campaigns.models import Campaign
from advocacy.campaigns.selectors import action_for_location, campaign_json, entry_json
from advocacy.dashboard.selectors import public_totals
from advocacy.emails.services import preview_messages
from targets.lookup import LookupError


def published_campaign(slug: str) -> Campaign:
    return get_object_or_404(Campaign, slug=slug, is_published=True)


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
                supporter={"name": "", "zip_code": context["location"].zip_code})
        except LookupError as exc:
            context["lookup_error"] = exc.message
    context.update(campaign_json(campaign=campaign, language=language, request=request))
    context["stats"] = public_totals(campaign_id=campaign.pk)
    return context


@require_GET
def action_page(request, slug):
    campaign = published_campaign(slug)
    return render(request, "campaigns/action.html", _page_context(request, campaign, embed=False))


@require_GET
@xframe_options_exempt
@csp_replace({"frame-ancestors": ["*"]})  # any partner site may frame the embed (the CSP's one exception)
def embed_page(request, slug):
    campaign = published_campaign(slug)
    return render(request, "campaigns/embed.html", _page_context(request, campaign, embed=True))


@require_GET
def campaign_api(request, slug):
    campaign = Campaign.objects.filter(slug=slug, is_published=True).first()
    if campaign is None:
        return error_response(404, "not_found", f"No campaign called {slug!r}.")
    language = request.GET.get("lang") or translation.get_language() or "en"
    body = campaign_json(campaign=campaign, language=language, request=request)["campaign_json"]
    zip_code = request.GET.get("zip")
    if zip_code is not None:
        try:
            found = action_for_location(campaign=campaign, zip_code=zip_code, address=request.GET.get("address"),
                                        language=language)
        except LookupError as exc:
            return lookup_error_response(exc)
        body["location"] = {"zip": found["location"].zip_code, "needs_address": found["location"].needs_address,
                            "districts": [d.label for d in found["location"].districts]}
        body["targets"] = [entry_json(entry) for entry in found["entries"]]
    response = JsonResponse(body)
    response["Access-Control-Allow-Origin"] = "*"
    return response

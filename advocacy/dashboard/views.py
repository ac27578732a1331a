"""The organizer dashboard (staff only) and the public counter."""

from __future__ import annotations

from django.conf import settings
from django.contrib.admin.views.decorators import staff_member_required
from django.core.cache import cache
from django.http import JsonResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from advocacy.api.responses import error_response
from advocacy.campaigns.models import Campaign
from advocacy.dashboard.export import attempts_csv
from advocacy.dashboard.selectors import dashboard_stats, public_totals


@staff_member_required
def index(request):
    return render(request, "dashboard/index.html", {"campaigns": Campaign.objects.order_by("-window_start")})


@staff_member_required
def campaign_dashboard(request, slug):
    campaign = get_object_or_404(Campaign, slug=slug)
    context = {"campaign": campaign, "stats": dashboard_stats(campaign=campaign),
               "refresh_seconds": settings.DASHBOARD_REFRESH_SECONDS}
    return render(request, "dashboard/campaign.html", context)


@staff_member_required
def stats_json(request, slug):
    campaign = get_object_or_404(Campaign, slug=slug)
    body = dashboard_stats(campaign=campaign)
    body["generated_at"] = timezone.now().isoformat()
    response = JsonResponse(body)
    response["Cache-Control"] = "private, no-store"
    return response


@staff_member_required
def export_csv(request, slug):
    campaign = get_object_or_404(Campaign, slug=slug)
    response = StreamingHttpResponse(attempts_csv(campaign_id=campaign.pk), content_type="text/csv; charset=utf-8")
    stamp = timezone.now().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="{campaign.slug}-contacts-{stamp}.csv"'
    return response


@require_GET
def public_stats(request, slug):
    """Totals only, no personal data; served from the cache so the action hour's spike never hits the database."""
    key = f"public-stats:{slug}"
    body = cache.get(key)
    if body is None:
        campaign = Campaign.objects.filter(slug=slug, is_published=True).only("pk", "goal_calls", "goal_emails").first()
        if campaign is None:
            return error_response(404, "not_found", f"No campaign called {slug!r}.")
        body = {"campaign": slug, "totals": public_totals(campaign_id=campaign.pk),
                "goals": {"calls": campaign.goal_calls, "emails": campaign.goal_emails},
                "updated_at": timezone.now().isoformat()}
        cache.set(key, body, settings.PUBLIC_STATS_CACHE_SECONDS)
    response = JsonResponse(body)
    response["Cache-Control"] = f"public, max-age={settings.PUBLIC_STATS_CACHE_SECONDS}"
    response["Access-Control-Allow-Origin"] = "*"
    return response

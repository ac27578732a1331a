"""The organizer dashboard (staff only) and the public counter."""

from __future__ import annotations

import hashlib
import json

from django.conf import settings
from django.contrib.admin.views.decorators import staff_member_required
from django.core.cache import cache
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse, HttpResponseNotModified, StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from advocacy.api.endpoints import allow_any_origin, json_endpoint
from advocacy.api.responses import error_response
from advocacy.campaigns.models import Campaign
from advocacy.dashboard.chart import RANGES
from advocacy.dashboard.export import attempts_csv
from advocacy.dashboard.models import Metric
from advocacy.dashboard.selectors import dashboard_stats, public_counter
from advocacy.partners.codes import clean_partner_code
from advocacy.partners.selectors import partner_breakdown, published_partner_contribution


@staff_member_required
def index(request):
    from advocacy.dashboard.selectors import organize_rows

    return render(request, "dashboard/index.html", {"rows": organize_rows()})


def _zoom(request) -> str:
    return request.GET.get("range") if request.GET.get("range") in RANGES else "hour"


def _stats_body(campaign, zoom: str) -> bytes:
    """stats.json's body, computed at most once per campaign, range and refresh interval (shared by every
    organizer watching, and by every web process when the cache is Redis)."""
    key = f"dashboard-stats:{campaign.pk}:{zoom}"
    body = cache.get(key)
    if body is None:
        stats = dashboard_stats(campaign=campaign, zoom=zoom)
        stats["partners"] = partner_breakdown(campaign_id=campaign.pk, totals=stats["totals"])
        stats["generated_at"] = timezone.now().isoformat()
        body = json.dumps(stats, cls=DjangoJSONEncoder).encode()
        cache.set(key, body, settings.DASHBOARD_REFRESH_SECONDS)
    return body


@staff_member_required
def campaign_dashboard(request, slug):
    campaign = get_object_or_404(Campaign, slug=slug)
    stats = json.loads(_stats_body(campaign, _zoom(request)))
    outcomes = [(key, Metric(f"outcome_{key}").label, count) for key, count in stats["outcomes"].items()]
    goal_rows = [("calls", _("Calls connected"), stats["goals"]["calls"]),
                 ("emails", _("Emails and web forms"), stats["goals"]["emails"])]
    context = {"campaign": campaign, "stats": stats, "outcomes": outcomes, "goal_rows": goal_rows,
               "refresh_seconds": settings.DASHBOARD_REFRESH_SECONDS,
               "partners": stats["partners"]}
    return render(request, "dashboard/campaign.html", context)


@staff_member_required
@json_endpoint
def stats_json(request, slug):
    campaign = get_object_or_404(Campaign, slug=slug)
    response = HttpResponse(_stats_body(campaign, _zoom(request)), content_type="application/json")
    response["Cache-Control"] = "private, no-store"
    return response


@staff_member_required
def export_csv(request, slug):
    campaign = get_object_or_404(Campaign, slug=slug)
    response = StreamingHttpResponse(attempts_csv(campaign_id=campaign.pk), content_type="text/csv; charset=utf-8")
    stamp = timezone.now().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="{campaign.slug}-contacts-{stamp}.csv"'
    return response


def _public_headers(response: HttpResponse, etag: str) -> HttpResponse:
    response["Cache-Control"] = f"public, max-age={settings.PUBLIC_STATS_CACHE_SECONDS}"
    if etag:
        response["ETag"] = etag
    return allow_any_origin(response, expose=("ETag",))


@require_safe
@json_endpoint
def public_stats(request, slug):
    """Totals only, no personal data; served from the cache so the action hour's spike never hits the database.

    The cache holds the encoded body and its ETag (a hash of the numbers, not of the time they were read), so a
    partner site polling with If-None-Match gets a bodiless 304 until a count changes.
    """
    ref = clean_partner_code(request.GET.get("ref"))  # ?ref=: the partner's own contribution besides the totals
    key = f"public-stats:{slug}" + (f":{ref}" if ref else "")
    cached = cache.get(key)
    if cached is None:
        body = public_counter(slug=slug)
        if body is not None and ref:
            body["partner"] = published_partner_contribution(slug=slug, code=ref)
        if body is None:
            cached = {"missing": True}
        else:
            numbers = json.dumps(body, sort_keys=True).encode()
            body["updated_at"] = timezone.now().isoformat()
            cached = {"content": json.dumps(body).encode(),
                      "etag": f'"{hashlib.sha256(numbers).hexdigest()[:32]}"'}
        cache.set(key, cached, settings.PUBLIC_STATS_CACHE_SECONDS)
    if cached.get("missing"):
        return _public_headers(error_response(404, "not_found", _("No campaign called %(slug)s.") % {"slug": slug}),
                               "")
    if cached["etag"] in {tag.strip() for tag in request.headers.get("If-None-Match", "").split(",")}:
        return _public_headers(HttpResponseNotModified(), cached["etag"])
    response = HttpResponse(cached["content"], content_type="application/json")
    return _public_headers(response, cached["etag"])

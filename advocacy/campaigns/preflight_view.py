"""/c/<slug>/preflight/: the pre-flight check for organizers (staff only)."""

from __future__ import annotations

from django.contrib.admin.views.decorators import staff_member_required
from django.shortcuts import get_object_or_404, render

from advocacy.campaigns.models import Campaign
from advocacy.campaigns.preflight import campaign_preflight


@staff_member_required
def preflight_page(request, slug):
    campaign = get_object_or_404(Campaign, slug=slug)
    only_problems = request.GET.get("problems") == "1"
    check = campaign_preflight(campaign=campaign)
    return render(request, "campaigns/preflight.html", {
        "campaign": campaign, "check": check, "rows": check.problems if only_problems else check.rows,
        "only_problems": only_problems})

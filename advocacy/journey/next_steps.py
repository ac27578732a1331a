"""The done page's content for one supporter: reads only (campaign, events, counters)."""

from __future__ import annotations

from django.utils import timezone, translation

from advocacy.campaigns.models import Campaign, ScheduleItem, translated
from advocacy.campaigns.selectors import campaign_json
from advocacy.dashboard.selectors import public_totals
from advocacy.events.services import EventRefused, NearbyEvent, events_near

NEARBY_MILES = 50
NEARBY_SHOWN = 3


def nearby_actions(*, campaign: Campaign, zip_code: str) -> list[NearbyEvent]:
    """The nearest upcoming local actions (none when the ZIP has no centroid, such as a PO-box ZIP)."""
    if not zip_code:
        return []
    try:
        return events_near(campaign=campaign, zip_code=zip_code, radius=NEARBY_MILES)[:NEARBY_SHOWN]
    except EventRefused:
        return []


def upcoming_moments(campaign: Campaign) -> list[tuple[ScheduleItem, str]]:
    """The campaign's schedule items still ahead (the action hour, the livestream…), with their titles."""
    now = timezone.now()
    language = translation.get_language() or "en"
    return [(item, translated(item, "title", language)) for item in campaign.schedule.all()
            if (item.ends_at or item.starts_at) > now]


def next_steps(*, campaign: Campaign, zip_code: str, did: str) -> dict:
    """`did` is "call" or "email": the page then offers the other one."""
    language = translation.get_language() or "en"
    page = campaign_json(campaign=campaign, language=language)
    return {
        "campaign": campaign, "did": did, "zip_code": zip_code,
        "title": page["title"], "sample_posts": page["sample_posts"],
        "nearby": nearby_actions(campaign=campaign, zip_code=zip_code),
        "moments": upcoming_moments(campaign),
        "stats": public_totals(campaign_id=campaign.pk),
        "campaign_open": page["campaign_open"],
    }

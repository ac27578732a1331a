"""Writes about campaigns an organizer asks for from the admin."""

from __future__ import annotations

from django.db import transaction
from django.utils.text import slugify

from advocacy.campaigns.models import Campaign

CHILDREN = ("demands", "target_lines", "message_templates", "schedule", "sample_posts")


def _free_slug(base: str) -> str:
    for n in range(1, 1000):
        slug = slugify(f"{base}-copy" if n == 1 else f"{base}-copy-{n}")[:50]
        if not Campaign.objects.filter(slug=slug).exists():
            return slug
    raise ValueError(f"no free slug for a copy of {base}")


@transaction.atomic
def duplicate_campaign(*, campaign: Campaign) -> Campaign:
    """An unpublished copy with the same texts, targets, templates, schedule and posts (no contacts, no events)."""
    children = {name: list(getattr(campaign, name).all()) for name in CHILDREN}
    copy = Campaign.objects.get(pk=campaign.pk)
    copy.pk = None
    copy.slug = _free_slug(campaign.slug)
    copy.title = f"{campaign.title} (copy)"[:200]
    copy.is_published = False
    copy.save()
    for rows in children.values():
        for row in rows:
            row.pk = None
            row.campaign = copy
            row.save()
    return copy

"""Reads about campaigns: whom a campaign reaches for a supporter's location."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from advocacy.campaigns import reasons
from advocacy.campaigns.content import cached_by_target_data, campaign_as_of, content_of
from advocacy.campaigns.custom_targets import custom_targets_for
from advocacy.campaigns.models import Campaign, CampaignTarget, MessageTemplate, translated
from common.compiled import CompiledRead
from common.refusals import NotFound
from targets.lookup import District, LookupResult
from targets.models import Target, TargetRole


def published_campaigns() -> QuerySet[Campaign]:
    return Campaign.objects.filter(is_published=True)


# Its id and version only: the row itself comes from this process's copy (content.campaign_as_of), which a save
# forgets and any process's edit (a new updated_at) replaces.
_PUBLISHED = CompiledRead(lambda slug: published_campaigns().filter(slug=slug).order_by("pk")
                          .values_list("pk", "updated_at")[:1], str)


def published_campaign(slug: str) -> Campaign:
    """The campaign supporters may act on; Http404 with a translated message otherwise (a JSON endpoint's
    decorator turns it into the documented 404 body, a page into the 404 page). Every supporter request reads it:
    its id and version in one compiled read (common/compiled.py), the row from the process's copy when warm."""
    found = _PUBLISHED(slug)
    if not found:
        raise NotFound(_("No campaign called %(slug)s.") % {"slug": slug})
    return campaign_as_of(*found[0])


@dataclass
class CampaignTargetEntry:
    """One office the supporter is asked to contact, in campaign order. `target` is None for a vacant seat."""

    target: Target | None
    template_kind: str  # a MessageTemplate.TargetKind: which script and email template applies
    vacant_district: District | None = None
    reason: str = ""  # why this office, in the active language: "Your senator", "Chair of the …"


def _template_kind(target: Target, source: str) -> str:
    if target.kind == Target.Kind.MEMBER:
        if source == CampaignTarget.Source.ROLE:
            return MessageTemplate.TargetKind.LEADERSHIP
        return MessageTemplate.TargetKind.MEMBER
    return MessageTemplate.TargetKind.EXECUTIVE


def targets_for_role(role: str) -> list[Target]:
    """Everyone active holding `role` or a role under it ("committee:HSAP15" covers its chair and ranking member)."""
    roles = (
        TargetRole.objects.filter(target__is_active=True)
        .filter(role=role) | TargetRole.objects.filter(target__is_active=True, role__startswith=f"{role}:")
    )
    seen: list[Target] = []
    for target_role in roles.select_related("target").order_by("role", "rank", "target__name"):
        if target_role.target not in seen:
            seen.append(target_role.target)
    return seen


def campaign_targets(*, campaign: Campaign, location: LookupResult | None) -> list[CampaignTargetEntry]:
    """The campaign's targets for a supporter, in order, without duplicates, each with its reason.

    `location` is None when the supporter gave no location: only the fixed and role targets remain.
    """
    entries: list[CampaignTargetEntry] = []
    seen: set[int] = set()

    def add(target: Target, source: str, reason: str) -> None:
        if target.pk in seen or not target.is_active:
            return
        seen.add(target.pk)
        entries.append(CampaignTargetEntry(target=target, template_kind=_template_kind(target, source),
                                           reason=reason))

    lines = cached_by_target_data(campaign, "lines", lambda: list(campaign.target_lines.select_related("target")))
    for line in lines:
        if line.source == CampaignTarget.Source.OWN_HOUSE and location is not None:
            house = location.house_members
            for target in house:
                add(target, line.source, reasons.house_reason(target, several=len(house) > 1))
            entries.extend(CampaignTargetEntry(target=None, template_kind=MessageTemplate.TargetKind.MEMBER,
                                               vacant_district=district) for district in location.vacancies)
        elif line.source == CampaignTarget.Source.OWN_SENATORS and location is not None:
            for target in location.senators:
                add(target, line.source, reasons.senate_reason(count=len(location.senators)))
        elif line.source == CampaignTarget.Source.FIXED and line.target is not None:
            add(line.target, line.source, reasons.fixed_reason(line))
        elif line.source == CampaignTarget.Source.ROLE and line.role:
            holders = cached_by_target_data(campaign, f"role:{line.role}",
                                            functools.partial(targets_for_role, line.role))
            for target in holders:
                add(target, line.source, reasons.role_reason(line, target))
        elif line.source == CampaignTarget.Source.CUSTOM and line.role and location is not None:
            for target in custom_targets_for(prefix=line.role, location=location, radius_miles=line.radius_miles):
                add(target, line.source, reasons.role_reason(line, target))
    return entries


@dataclass
class ActionTarget:
    """A target as the action page shows it: who, their number, and what to say."""

    entry: CampaignTargetEntry
    script: str

    @property
    def target(self) -> Target | None:
        return self.entry.target


def action_for_location(*, campaign: Campaign, zip_code: str, address: str | None, language: str) -> dict:
    """The supporter's targets in order with their scripts. Raises targets.lookup.LookupRefused on bad input."""
    from advocacy.campaigns.scripts import call_script_for
    from targets.lookup import lookup

    location = lookup(zip_code=zip_code, address=address)
    supporter = {"zip_code": location.zip_code, "states": location.states}
    entries = [
        ActionTarget(entry=entry, script=call_script_for(campaign=campaign, target=entry.target,
                                                         template_kind=entry.template_kind, language=language,
                                                         supporter=supporter) if entry.target else "")
        for entry in campaign_targets(campaign=campaign, location=location)
    ]
    return {"location": location, "entries": entries}


def entry_json(item: ActionTarget) -> dict:
    from targets.serializers import district_json, target_json

    if item.target is None:
        return {"vacant": district_json(item.entry.vacant_district), "template_kind": item.entry.template_kind}
    return {**target_json(item.target), "template_kind": item.entry.template_kind, "reason": item.entry.reason,
            "script": item.script}


def _schedule_item_json(item, language: str) -> dict:
    return {"title": translated(item, "title", language), "description": translated(item, "description", language),
            "starts_at": item.starts_at.isoformat(), "ends_at": item.ends_at.isoformat() if item.ends_at else None,
            "url": item.url or None, "link_label": translated(item, "link_label", language) or None,
            "recording_url": item.recording_url or None}


def campaign_json(*, campaign: Campaign, language: str, request=None) -> dict:
    """The campaign as page context and as the public JSON body (`campaign_json`)."""
    now = timezone.now()
    content = content_of(campaign)
    schedule = content.schedule
    demands = [translated(d, "text", language) for d in content.demands]
    posts = [translated(p, "text", language) for p in content.sample_posts]
    body = {
        "slug": campaign.slug,
        "title": translated(campaign, "title", language),
        "summary": translated(campaign, "summary", language),
        "language": language,
        "time_zone": campaign.time_zone,
        "window_start": campaign.window_start.isoformat() if campaign.window_start else None,
        "window_end": campaign.window_end.isoformat() if campaign.window_end else None,
        "is_open": campaign.is_open(now),
        "has_closed": campaign.has_closed(now),
        "closed_message": translated(campaign, "closed_message", language),
        "demands": demands,
        "hashtag": campaign.hashtag,
        "toolkit_url": campaign.toolkit_url or None,
        "goals": {"calls": campaign.goal_calls, "emails": campaign.goal_emails},
        "schedule": [_schedule_item_json(item, language) for item in schedule],
        "sample_posts": posts,
        "stats_url": f"/api/v1/campaigns/{campaign.slug}/stats",
    }
    return {
        "campaign_json": body,
        "title": body["title"],
        "summary": body["summary"],
        "demands": demands,
        "schedule": [(item, translated(item, "title", language), translated(item, "description", language),
                      translated(item, "link_label", language)) for item in schedule],
        "sample_posts": posts,
        "campaign_open": body["is_open"],
        "campaign_closed": body["has_closed"],
        "closed_message": body["closed_message"],
    }

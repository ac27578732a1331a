"""Reads about campaigns: whom a campaign reaches for a supporter's location."""

from __future__ import annotations

from dataclasses import dataclass

from advocacy.campaigns.models import Campaign, CampaignTarget, MessageTemplate
from targets.lookup import District, LookupResult
from targets.models import Target, TargetRole


@dataclass
class CampaignTargetEntry:
    """One office the supporter is asked to contact, in campaign order. `target` is None for a vacant seat."""

    target: Target | None
    template_kind: str  # a MessageTemplate.TargetKind: which script and email template applies
    vacant_district: District | None = None


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
    """The campaign's targets for a supporter, in order, without duplicates.

    `location` is None when the supporter gave no location: only the fixed and role targets remain.
    """
    entries: list[CampaignTargetEntry] = []
    seen: set[int] = set()

    def add(target: Target, source: str) -> None:
        if target.pk in seen or not target.is_active:
            return
        seen.add(target.pk)
        entries.append(CampaignTargetEntry(target=target, template_kind=_template_kind(target, source)))

    for line in campaign.target_lines.select_related("target").all():
        if line.source == CampaignTarget.Source.OWN_HOUSE and location is not None:
            for target in location.house_members:
                add(target, line.source)
            for district in location.vacancies:
                entries.append(CampaignTargetEntry(target=None, template_kind=MessageTemplate.TargetKind.MEMBER,
                                                   vacant_district=district))
        elif line.source == CampaignTarget.Source.OWN_SENATORS and location is not None:
            for target in location.senators:
                add(target, line.source)
        elif line.source == CampaignTarget.Source.FIXED and line.target is not None:
            add(line.target, line.source)
        elif line.source == CampaignTarget.Source.ROLE and line.role:
            for target in targets_for_role(line.role):
                add(target, line.source)
    return entries

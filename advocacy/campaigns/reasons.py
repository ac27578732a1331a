"""Why each office is on a supporter's list, in words: "your senator", "Chair of the …", the organizer's note."""

from __future__ import annotations

from django.utils.translation import gettext

from advocacy.campaigns.models import CampaignTarget, translated
from targets.models import Target, TargetRole
from targets.titles import role_description

HOUSE_TITLES = {
    "Delegate": lambda: gettext("Your delegate in Congress"),
    "Resident Commissioner": lambda: gettext("Your resident commissioner in Congress"),
}


def house_reason(target: Target, *, several: bool) -> str:
    if several:
        return gettext("One of the House members for your ZIP code (add your address to narrow it down)")
    known = HOUSE_TITLES.get(target.title)
    return known() if known else gettext("Your representative in the House")


def senate_reason(*, count: int) -> str:
    return gettext("One of your two senators") if count > 1 else gettext("Your senator")


def fixed_reason(line: CampaignTarget) -> str:
    return translated(line, "reason") or gettext("An office this campaign asks everyone to contact")


def role_reason(line: CampaignTarget, target: Target) -> str:
    """The organizer's words for the line if given, else the target's titles under the line's role path."""
    own = translated(line, "reason")
    if own:
        return own
    titles = [
        role_description(role.title)
        for role in TargetRole.objects.filter(target=target).order_by("role")
        if role.role == line.role or role.role.startswith(f"{line.role}:")
    ]
    return "; ".join(titles) or line.role

"""How a target is reached by phone: its own number, or, for a member of Congress with none on file (a new
member's first days, measured on the January 2025 changeover), the Capitol switchboard (202-224-3121) with an
instruction to ask the operator for that member's office.

The call flow dials `reach_for(target).phone` and, when `via_switchboard`, speaks `instruction(language)`
to the supporter before connecting; the action page shows the same words beside the number.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from targets.models import Target


@dataclass(frozen=True)
class Reach:
    target: Target
    phone: str  # E.164, as dialed; "" when the target cannot be called at all
    via_switchboard: bool

    def instruction(self, language: str | None = None) -> str:
        """What the supporter must say to the operator, in their language; "" for a direct number."""
        if not self.via_switchboard:
            return ""
        with translation.override(language or translation.get_language()):
            return _("You will reach the Capitol switchboard. Ask the operator for the office of %(name)s.") % {
                "name": str(self.target)}


def reach_for(target: Target) -> Reach:
    """The number to dial for `target`: its own, else the switchboard for an active member of Congress."""
    if target.phone:
        return Reach(target=target, phone=target.phone, via_switchboard=False)
    if target.kind == Target.Kind.MEMBER and target.is_active:
        return Reach(target=target, phone=settings.CAPITOL_SWITCHBOARD, via_switchboard=True)
    return Reach(target=target, phone="", via_switchboard=False)

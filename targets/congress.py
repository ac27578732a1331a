"""Which Congress is sitting at a moment: a new one convenes at noon Eastern on January 3 of each odd year
(20th Amendment), so district plans, geocoder layers and cache keys all follow this number."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone

EASTERN = ZoneInfo("America/New_York")
FIRST_CONGRESS_YEAR = 1789


def congress_at(moment: datetime) -> int:
    """The Congress in office at `moment` (an aware datetime), ignoring the override."""
    local = moment.astimezone(EASTERN)
    year = local.year
    if year % 2 == 1 and (local.month, local.day, local.hour) < (1, 3, 12):
        year -= 1  # before noon on January 3 the previous Congress still sits
    return (year - FIRST_CONGRESS_YEAR) // 2 + 1


def congress_in_effect(moment: datetime | None = None) -> int:
    """The Congress the lookup answers for: the one sitting at `moment` when a caller names one; otherwise
    `CONGRESS_OVERRIDE` when set (tests, special cases), else the one sitting now."""
    if moment is not None:
        return congress_at(moment)
    if settings.CONGRESS_OVERRIDE:
        return int(settings.CONGRESS_OVERRIDE)
    return congress_at(timezone.now())


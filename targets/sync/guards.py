"""Turnover guards: at a new Congress the upstream files lag (committee membership became `{}` on
2025-01-03, leadership roles were missing for months), so a source that shrank implausibly is refused and
the previous data kept, loudly, and sync_targets exits non-zero."""

from __future__ import annotations

import logging

logger = logging.getLogger("targets.sync")

# The least part of what we hold that a new file may keep: a Congress turns over ~15% of its members and
# new members lack district offices for weeks, so anything below these is a broken or lagging source.
KEEP_AT_LEAST = {
    "members": 0.8,
    "committee seats": 0.5,
    "leadership roles": 0.5,
    "district offices": 0.5,
    "ZIP-to-district rows": 0.5,
}


class ImplausibleShrink(ValueError):
    """A source holds far less than what we have: refused, the previous data kept."""


def refuse_shrink(what: str, new: int, held: int) -> None:
    ratio = KEEP_AT_LEAST[what]
    if held and new < held * ratio:
        message = (f"the source has {new} {what} where we hold {held} (under {ratio:.0%}); refusing it and "
                   f"keeping the previous data: upstream data lags at a new Congress, check the source")
        logger.error("sync_targets: %s", message)
        raise ImplausibleShrink(message)

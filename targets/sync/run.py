"""sync_targets: every source in order, each in its own transaction; a failing source keeps its old data."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.db import transaction

from advocacy.providers.downloads import SourceUnavailable
from targets.sync import importers
from targets.sync.sources import read_source
from targets.sync.upsert import Counts

logger = logging.getLogger(__name__)


class SyncReport:
    def __init__(self) -> None:
        self.results: dict[str, Counts] = {}
        self.failures: dict[str, str] = {}

    @property
    def ok(self) -> bool:
        return not self.failures

    @property
    def changed(self) -> int:
        return sum(c.created + c.updated + c.retired + c.deleted for c in self.results.values())

    def lines(self) -> list[str]:
        lines = [f"{name}: {counts}" for name, counts in self.results.items()]
        lines += [f"{name}: FAILED, kept the previous data ({reason})" for name, reason in self.failures.items()]
        return lines


def sync_targets(*, data_dir: Path | None = None, progress: Callable[[str], None] | None = None) -> SyncReport:
    """Every source in order; `progress` hears about each source as it finishes."""
    report = SyncReport()
    progress = progress or (lambda line: None)
    roles: importers.Roles = {}

    def step(name: str, work: Callable[[Counts], importers.Roles | None], keep_prefix: str = "") -> None:
        counts = Counts()
        try:
            with transaction.atomic():
                found = work(counts)
        except (SourceUnavailable, ValueError, KeyError, TypeError) as exc:
            logger.warning("sync_targets: %s failed: %s", name, exc)
            report.failures[name] = str(exc)
            progress(f"{name}: FAILED, kept the previous data ({exc})")
            if keep_prefix:
                roles.update(importers.existing_roles(keep_prefix))
            return
        if found:
            roles.update(found)
        report.results[name] = counts
        progress(f"{name}: {counts}")

    def read(name: str) -> str:
        return read_source(name, data_dir=data_dir)

    step("legislators", lambda c: importers.import_legislators(read("legislators"), c), "leadership:")
    step("committees", lambda c: importers.import_committee_roles(read("committee_membership"), read("committees"), c),
         "committee:")
    step("district_offices", lambda c: importers.import_district_offices(read("district_offices"), c))
    step("zip_districts", lambda c: importers.import_zip_districts(read("zip_districts"), _optional(
        "zip_districts_territories", data_dir), c))
    step("zip_centroids", lambda c: importers.import_zip_centroids(read("zip_centroids"), c))
    if data_dir is not None or settings.FIXED_TARGETS_URL:
        step("fixed_targets", lambda c: importers.import_fixed_targets(read("fixed_targets"), c))
    step("roles", lambda c: importers.replace_roles(roles, c))
    if report.changed:
        bump_lookup_version()
    return report


def bump_lookup_version() -> None:
    """Cached lookup answers carry this version, so a sync that changed anything makes them all stale."""
    from django.core.cache import cache

    from targets.lookup import LOOKUP_VERSION_KEY

    try:
        cache.incr(LOOKUP_VERSION_KEY)
    except ValueError:
        cache.set(LOOKUP_VERSION_KEY, 2, timeout=None)


def _optional(name: str, data_dir: Path | None) -> str | None:
    try:
        return read_source(name, data_dir=data_dir)
    except SourceUnavailable as exc:
        logger.warning("sync_targets: %s skipped: %s", name, exc)
        return None

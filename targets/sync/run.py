"""sync_targets: every source in order, each in its own transaction; a failing source keeps its old data.

Each source's line says which version it loaded (the pinned commit, or the file's content hash); the last
version loaded of each is kept in SourceLoad for check_campaign. District plans are per Congress: the 119th's
from zccd.csv, any other from DISTRICT_PLAN_FILES or <data-dir>/zip-district/plans/cd<N>.csv.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from advocacy.providers.downloads import SourceUnavailable
from targets.models import SourceLoad
from targets.sync import contact_forms, importers
from targets.sync.guards import ImplausibleShrink, refuse_shrink
from targets.sync.plans import import_plan
from targets.sync.sources import content_version, plan_locations, read_location, read_versioned
from targets.sync.upsert import Counts

logger = logging.getLogger(__name__)
ZCCD_SOURCE = "OpenSourceActivismTech/us-zipcodes-congress zccd.csv"
FAILURES = (SourceUnavailable, ValueError, KeyError, TypeError, AttributeError)


class SyncReport:
    def __init__(self) -> None:
        self.results: dict[str, Counts] = {}
        self.failures: dict[str, str] = {}
        self.versions: dict[str, str] = {}

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


class _Sync:
    """One run: `step` runs a source in a transaction, `read` remembers the versions it read."""

    def __init__(self, data_dir: Path | None, progress: Callable[[str], None]) -> None:
        self.data_dir, self.progress = data_dir, progress
        self.report = SyncReport()
        self.roles: importers.Roles = {}
        self.read_now: dict[str, tuple[str, str]] = {}

    def read(self, name: str) -> str:
        text, version = read_versioned(name, data_dir=self.data_dir)
        self.read_now[name] = (self.data_dir and str(self.data_dir) or "live", version)
        return text

    def step(self, name: str, work: Callable[[Counts], importers.Roles | None], keep_prefix: str = "") -> None:
        counts, self.read_now = Counts(), {}
        try:
            with transaction.atomic():
                found = work(counts)
        except FAILURES as exc:
            (logger.error if isinstance(exc, ImplausibleShrink) else logger.warning)(
                "sync_targets: %s failed: %s", name, exc)
            self.fail(name, str(exc), keep_prefix)
            return
        if found:
            self.roles.update(found)
        self.report.results[name] = counts
        versions = ", ".join(f"{source} {version}" for source, (_, version) in self.read_now.items())
        self.progress(f"{name}: {counts}" + (f"\n    loaded: {versions}" if versions else ""))
        for source, (where, version) in self.read_now.items():
            self.report.versions[source] = version
            SourceLoad.objects.update_or_create(name=source, defaults={
                "url": where[:500], "version": version[:100], "loaded_at": timezone.now()})

    def fail(self, name: str, reason: str, keep_prefix: str = "") -> None:
        self.report.failures[name] = reason
        self.progress(f"{name}: FAILED, kept the previous data ({reason})")
        if keep_prefix:  # the roles under this prefix stay exactly as we hold them
            self.roles = {k: v for k, v in self.roles.items() if not k[1].startswith(keep_prefix)}
            self.roles.update(importers.existing_roles(keep_prefix))

    def guard_leadership(self) -> None:
        """Members load even when the file's leadership roles lag; the roles we hold stay until they return."""
        found = sum(1 for _, role in self.roles if role.startswith("leadership:"))
        try:
            refuse_shrink("leadership roles", found, len(importers.existing_roles("leadership:")))
        except ImplausibleShrink as exc:
            self.fail("leadership_roles", str(exc), "leadership:")

    def plans(self) -> None:
        territories = self.optional("zip_districts_territories")
        self.step("zip_districts", lambda c: import_plan(
            congress=settings.ZIP_DISTRICTS_CONGRESS, text=self.read("zip_districts"), territories_text=territories,
            source=ZCCD_SOURCE, version=self.read_now["zip_districts"][1], counts=c))
        for congress, location in plan_locations(self.data_dir).items():
            self.step(f"zip_districts_{congress}", lambda c, congress=congress, location=location: self.plan(
                congress, location, territories, c))

    def plan(self, congress: int, location: str, territories: str | None, counts: Counts) -> None:
        text = read_location(location)
        version = content_version(text)
        self.read_now[f"zip_districts_{congress}"] = (location, version)
        import_plan(congress=congress, text=text, territories_text=territories, source=location, version=version,
                    counts=counts)

    def optional(self, name: str) -> str | None:
        try:
            return read_versioned(name, data_dir=self.data_dir)[0]
        except SourceUnavailable as exc:
            logger.warning("sync_targets: %s skipped: %s", name, exc)
            return None


def sync_targets(*, data_dir: Path | None = None, progress: Callable[[str], None] | None = None) -> SyncReport:
    """Every source in order; `progress` hears about each source as it finishes."""
    run = _Sync(data_dir, progress or (lambda line: None))
    run.step("legislators", lambda c: importers.import_legislators(run.read("legislators"), c), "leadership:")
    run.guard_leadership()
    run.step("committees", lambda c: importers.import_committee_roles(
        run.read("committee_membership"), run.read("committees"), c), "committee:")
    run.step("district_offices", lambda c: importers.import_district_offices(run.read("district_offices"), c))
    run.plans()
    run.step("zip_centroids", lambda c: importers.import_zip_centroids(run.read("zip_centroids"), c))
    if data_dir is not None or settings.FIXED_TARGETS_URL:
        run.step("fixed_targets", lambda c: importers.import_fixed_targets(run.read("fixed_targets"), c))
    run.step("roles", lambda c: importers.replace_roles(run.roles, c))
    run.step("contact_forms", lambda c: contact_forms.sync_contact_forms(data_dir, c))
    if run.report.changed:
        bump_lookup_version()
    return run.report


def bump_lookup_version() -> None:
    """Cached lookup answers carry this version, so a sync that changed anything makes them all stale."""
    from django.core.cache import cache

    from targets.lookup import LOOKUP_VERSION_KEY, forget_lookup_version
    from targets.serializers import forget_local_bodies

    try:
        cache.incr(LOOKUP_VERSION_KEY)
    except ValueError:
        cache.set(LOOKUP_VERSION_KEY, 2, timeout=None)
    forget_lookup_version(), forget_local_bodies()

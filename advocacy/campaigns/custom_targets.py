"""Which of the organizer's own targets (targets/custom.py) a supporter reaches: those of their district,
those within the campaign line's radius of their ZIP, and statewide ones of their state."""

from __future__ import annotations

from advocacy.geo import miles_between
from targets.lookup import LookupResult
from targets.models import Target, TargetRole, ZipCentroid


def _matches(target: Target, location: LookupResult, centroid: ZipCentroid | None, radius_miles: float) -> bool:
    if target.district is not None:
        return any((d.state, d.district) == (target.state, target.district) for d in location.districts)
    if target.latitude is not None and target.longitude is not None:
        return centroid is not None and miles_between(centroid.latitude, centroid.longitude, target.latitude,
                                                      target.longitude) <= radius_miles
    return target.state in {d.state for d in location.districts}


def custom_targets_for(*, prefix: str, location: LookupResult, radius_miles: float) -> list[Target]:
    """The group's active targets in the supporter's district, within `radius_miles` of their ZIP, or statewide."""
    roles = TargetRole.objects.filter(role=prefix) | TargetRole.objects.filter(role__startswith=f"{prefix}:")
    targets = Target.objects.filter(kind=Target.Kind.CUSTOM, is_active=True, roles__in=roles).distinct()
    centroid = ZipCentroid.objects.filter(zcta=location.zip_code).first()
    return sorted((t for t in targets if _matches(t, location, centroid, radius_miles)), key=lambda t: t.name)

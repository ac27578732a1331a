"""The organizer's own targets: imported from a CSV, matched to a supporter by district, state or distance.

CSV columns: name, title, email, phone, state, district, latitude, longitude, role (only name is required,
and each row needs a state or coordinates). Each row becomes a Target of kind "custom" keyed by the import's
group and its email (or name), holding the role "custom:<group>" (and "custom:<group>:<role>" when given),
so a campaign line "custom" with role "custom:<group>" reaches the group's targets that match the supporter
(advocacy/campaigns/custom_targets.py).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction

from targets.models import Target, TargetRole
from targets.sync.importers import slug
from targets.sync.phones import to_e164

COLUMNS = ("name", "title", "email", "phone", "state", "district", "latitude", "longitude", "role")


@dataclass
class CustomImport:
    created: int = 0
    updated: int = 0
    errors: list[str] = field(default_factory=list)


def _number(row: dict, column: str, kind: type) -> int | float | None:
    value = (row.get(column) or "").strip()
    if not value:
        return None
    try:
        return kind(value)
    except ValueError as exc:
        raise ValueError(f"{column} {value!r} is not a number") from exc


def _values(row: dict) -> dict:
    name, email = (row.get("name") or "").strip(), (row.get("email") or "").strip().lower()
    state = (row.get("state") or "").strip().upper()
    if not name:
        raise ValueError("name is empty")
    if email:
        try:
            validate_email(email)
        except ValidationError as exc:
            raise ValueError(f"email {email!r} is not an address") from exc
    if state and (len(state) != 2 or not state.isalpha()):
        raise ValueError(f"state {state!r} is not a two-letter code")
    latitude, longitude = _number(row, "latitude", float), _number(row, "longitude", float)
    if (latitude is None) != (longitude is None):
        raise ValueError("give both latitude and longitude, or neither")
    if not state and latitude is None:
        raise ValueError("each target needs a state, or coordinates")
    return {"name": name[:200], "title": (row.get("title") or "").strip()[:200], "email": email,
            "phone": to_e164((row.get("phone") or "").strip()) or "", "state": state,
            "district": _number(row, "district", int), "latitude": latitude, "longitude": longitude}


def _save(group: str, values: dict, role: str, result: CustomImport) -> None:
    key = f"custom:{group}:{slug(values['email'] or values['name'])}"[:64]
    target, created = Target.objects.update_or_create(
        key=key, defaults={**values, "kind": Target.Kind.CUSTOM, "is_active": True, "source": f"CSV import {group}"})
    result.created += created
    result.updated += not created
    wanted = {f"custom:{group}"} | ({f"custom:{group}:{slug(role)}"} if role else set())
    target.roles.exclude(role__in=wanted).delete()
    for path in wanted:
        TargetRole.objects.get_or_create(target=target, role=path, defaults={"title": values["title"] or group})


def import_custom_targets(*, text: str, group: str) -> CustomImport:
    """Every valid row is saved (all in one transaction); each bad row is reported with its line number."""
    group, result = slug(group), CustomImport()
    if not group:
        result.errors.append("name the group of targets (e.g. sheriffs-287g)")
        return result
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    missing = {"name"} - {c.strip().lower() for c in reader.fieldnames or []}
    if missing:
        result.errors.append(f"the CSV has no {', '.join(sorted(missing))} column; columns: {', '.join(COLUMNS)}")
        return result
    with transaction.atomic():
        for line, raw in enumerate(reader, start=2):
            row = {(k or "").strip().lower(): v for k, v in raw.items()}
            try:
                _save(group, _values(row), (row.get("role") or "").strip(), result)
            except ValueError as exc:
                result.errors.append(f"line {line}: {exc}")
    return result

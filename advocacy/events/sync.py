"""ICE field offices and detention facilities, from a directory laid out like shared/data or ICE_DATA_URL."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from django.conf import settings
from django.db import transaction

from advocacy.events.models import IceLocation
from advocacy.providers.downloads import SourceUnavailable, read_text
from targets.sync.phones import to_e164
from targets.sync.upsert import Counts, upsert

FILES = {"field_offices": "ice/ero_field_offices.csv", "facilities": "ice/ice_detention_facilities_fy26.csv"}


def read(name: str, data_dir: Path | None) -> str:
    if data_dir is None and not settings.ICE_DATA_URL:
        raise SourceUnavailable("no ICE_DATA_URL configured; pass --data-dir")
    url = f"{settings.ICE_DATA_URL.rstrip('/')}/{FILES[name]}" if settings.ICE_DATA_URL else None
    return read_text(relative_path=FILES[name], data_dir=data_dir, url=url)


def _float(value: str) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


@transaction.atomic
def sync_ice_locations(*, data_dir: Path | None = None) -> Counts:
    counts = Counts()
    for row in csv.DictReader(io.StringIO(read("field_offices", data_dir))):
        upsert(IceLocation, {"key": f"ero-{row['aor_code'].lower()}"}, {
            "kind": IceLocation.Kind.FIELD_OFFICE, "name": row["office_name"], "address": row["address"],
            "city": row["city"], "state": row["state"], "zip_code": row["zip"], "phone": to_e164(row["phone"]),
            "aor_code": row["aor_code"], "facility_type": "", "latitude": _float(row["latitude"]),
            "longitude": _float(row["longitude"]), "source": "ICE ERO field offices"}, counts)
    for row in csv.DictReader(io.StringIO(read("facilities", data_dir))):
        upsert(IceLocation, {"key": f"facility-{_slug(row['name'])}-{row['zip']}"}, {
            "kind": IceLocation.Kind.DETENTION, "name": row["name"], "address": row["address"],
            "city": row["city"], "state": row["state"], "zip_code": row["zip"], "phone": "",
            "aor_code": row["aor_code"], "facility_type": row["type_detailed"],
            "latitude": _float(row["zcta_centroid_lat"]), "longitude": _float(row["zcta_centroid_lon"]),
            "source": "ICE detention statistics FY26"}, counts)
    return counts

"""ZIP → district tables, one per Congress's district plan: the 119th's zccd.csv (pinned upstream) and any
further plan (e.g. the 120th's, built by build_zip_districts) loaded ahead of time. Loading a plan for a
future Congress touches only that Congress's rows, so today's answers do not change."""

from __future__ import annotations

import csv
import io

from targets.models import DistrictPlan, ZipDistrict
from targets.sync.guards import refuse_shrink
from targets.sync.upsert import Counts, replace_set

TERRITORIES = {"AS", "GU", "MP", "VI"}
ROW_ERRORS = (KeyError, ValueError, TypeError, IndexError, AttributeError)
PLAN_COLUMNS = "state_fips,state_abbr,zcta,cd,share"  # zccd.csv's columns, plus each district's share


def import_plan(*, congress: int, text: str, territories_text: str | None, source: str, version: str,
                counts: Counts) -> None:
    """Make `congress`'s ZIP table exactly this file's rows (plus the island areas' at-large seats, which no
    redistricting changes) and record which states the plan covers."""
    wanted: dict[tuple, tuple] = {}
    for key, share in _zip_rows(text, counts, source.rsplit("/", 1)[-1]):
        wanted[key] = (share,)
    for key, share in _zip_rows(territories_text or "", counts, "territories supplement"):
        if key[1] in TERRITORIES:
            wanted.setdefault(key, (share,))
    if len(wanted) < 100:
        raise ValueError(f"the ZIP-to-district file has only {len(wanted)} rows; refusing to replace the table")
    refuse_shrink("ZIP-to-district rows", len(wanted), ZipDistrict.objects.filter(congress=congress).count())
    replace_set(ZipDistrict, key_fields=("zcta", "state", "district"), value_fields=("share",), wanted=wanted,
                counts=counts, scope={"congress": congress})
    plans = {(state,): (source[:500], version[:100]) for _, state, _ in wanted}
    replace_set(DistrictPlan, key_fields=("state",), value_fields=("source", "version"), wanted=plans,
                counts=Counts(), scope={"congress": congress})
    counts.notes.append(f"{congress}th Congress plan: {len(plans)} states, version {version}")


def _zip_rows(text: str, counts: Counts, name: str):
    reader = csv.DictReader(io.StringIO(text))
    for row in reader:
        try:
            zcta, state, district = row["zcta"].strip(), row["state_abbr"].strip(), int(row["cd"])
            if not (zcta.isdigit() and len(zcta) <= 5 and len(state) == 2 and 0 <= district <= 99):
                raise ValueError(f"not a ZCTA/state/district: {zcta!r} {state!r} {district!r}")
            share = float(row["share"]) if (row.get("share") or "").strip() else None
            if share is not None and not 0 <= share <= 1:
                raise ValueError(f"not a share between 0 and 1: {share}")
        except ROW_ERRORS as exc:
            counts.skip(f"{name} line {reader.line_num}", exc)
            continue
        yield (zcta.zfill(5), state, district), share

"""Targets as the JSON API and pages show them: public office data only."""

from __future__ import annotations

import json

from django.conf import settings
from django.utils.translation import get_language

from common.local_copies import LocalCopies
from targets.congress import congress_in_effect
from targets.lookup import District, LookupResult, lookup, lookup_cache_key, normalize_zip
from targets.models import Target
from targets.reach import reach_for


def target_json(target: Target) -> dict:
    reach = reach_for(target)
    return {
        "id": target.key,
        "name": target.name,
        "title": target.title,
        "display_name": str(target),
        "kind": target.kind,
        "chamber": target.chamber or None,
        "state": target.state or None,
        "district": target.district,
        "party": target.party or None,
        "phone": target.phone or None,
        "url": target.url or None,
        "contact_form": target.contact_form or None,
        "dial_phone": reach.phone or None,
        "switchboard_instruction": reach.instruction() or None,
    }


def district_json(district: District) -> dict:
    return {"state": district.state, "district": district.district, "label": district.label,
            "share": district.share}


def lookup_json(result: LookupResult) -> dict:
    return {
        "zip": result.zip_code,
        "districts": [district_json(d) for d in result.districts],
        "needs_address": result.needs_address,
        "matched_by": result.matched_by,
        "targets": [target_json(t) for t in result.members],
        "members": [target_json(t) for t in result.members],
        "vacancies": [district_json(d) for d in result.vacancies],
        "congress": result.congress,
        "largest_district": district_json(result.largest_district) if result.largest_district else None,
        "unmapped_states": result.unmapped_states,
        "po_box": getattr(result, "po_box", False),
    }


# The hottest answers are kept in this process too, by the same versioned key (common/local_copies.py).
_local_bodies = LocalCopies(2048)


def cached_lookup_body(zip_code: str) -> bytes:
    """The encoded JSON answer for a ZIP, cached beside lookup()'s own answer (same Congress and version) and
    per language (the switchboard instruction is in the reader's language): a warm API answer skips encoding."""
    zip_code = normalize_zip(zip_code)
    key = f"{lookup_cache_key(zip_code, congress_in_effect())}:json:{get_language()}"
    return _local_bodies.read_through(key, lambda: json.dumps(lookup_json(lookup(zip_code=zip_code))).encode(),
                                      settings.LOOKUP_CACHE_SECONDS)


def forget_local_bodies() -> None:
    _local_bodies.clear()

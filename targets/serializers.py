"""Targets as the JSON API and pages show them: public office data only."""

from __future__ import annotations

import json
import threading
from collections import OrderedDict

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language

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


# The hottest answers are kept in this process too, by the same versioned key, so a warm lookup makes no round
# trip to a shared cache: a sync bumps the version, and every process reads the new one within a second.
LOCAL_BODIES = 2048
_local_bodies: OrderedDict[str, bytes] = OrderedDict()
_local_lock = threading.Lock()  # gunicorn's threads share it


def cached_lookup_body(zip_code: str) -> bytes:
    """The encoded JSON answer for a ZIP, cached beside lookup()'s own answer (same Congress and version) and
    per language (the switchboard instruction is in the reader's language): a warm API answer skips encoding."""
    zip_code = normalize_zip(zip_code)
    key = f"{lookup_cache_key(zip_code, congress_in_effect())}:json:{get_language()}"
    with _local_lock:
        body = _local_bodies.get(key)
        if body is not None:
            _local_bodies.move_to_end(key)
            return body
    body = cache.get(key)
    if body is None:
        body = json.dumps(lookup_json(lookup(zip_code=zip_code))).encode()
        cache.set(key, body, settings.LOOKUP_CACHE_SECONDS)
    with _local_lock:
        _local_bodies[key] = body
        if len(_local_bodies) > LOCAL_BODIES:
            _local_bodies.popitem(last=False)
    return body


def forget_local_bodies() -> None:
    with _local_lock:
        _local_bodies.clear()

"""GET /api/v1/lookup?zip=...&address=...: a supporter's districts and members of Congress."""

from __future__ import annotations

import json

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.views.decorators.http import require_GET

from advocacy.api.responses import lookup_error_response
from targets.lookup import LOOKUP_VERSION_KEY, LookupError, lookup, normalize_zip
from targets.serializers import lookup_json


def cached_lookup_body(zip_code: str) -> bytes:
    """The encoded JSON answer for a ZIP. ZIP-only answers change only when sync_targets changes the data,
    which bumps the version in their key."""
    zip_code = normalize_zip(zip_code)
    version = cache.get_or_set(LOOKUP_VERSION_KEY, 1, timeout=None)
    key = f"lookup:{version}:{zip_code}"
    body = cache.get(key)
    if body is None:
        body = json.dumps(lookup_json(lookup(zip_code=zip_code))).encode()
        cache.set(key, body, settings.LOOKUP_CACHE_SECONDS)
    return body


@require_GET
def lookup_view(request):
    """Rate limited with every other lookup path (advocacy.security.middleware)."""
    zip_code, address = request.GET.get("zip", ""), request.GET.get("address")
    try:
        if address:
            body = json.dumps(lookup_json(lookup(zip_code=zip_code, address=address))).encode()
        else:
            body = cached_lookup_body(zip_code)
    except LookupError as exc:
        return lookup_error_response(exc)
    response = HttpResponse(body, content_type="application/json")
    response["Access-Control-Allow-Origin"] = "*"
    return response

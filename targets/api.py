"""GET /api/v1/lookup?zip=...&address=...: a supporter's districts and members of Congress."""

from __future__ import annotations

from django.conf import settings
from django.http import JsonResponse
from django.views.decorators.http import require_GET

from advocacy import ratelimit
from advocacy.api.responses import error_response
from targets.lookup import LookupError, lookup
from targets.serializers import lookup_json

LOOKUP_STATUS = {"invalid": 400, "not_found": 404}


@require_GET
def lookup_view(request):
    verdict = ratelimit.hit("lookup", ratelimit.client_ip(request),
                            ratelimit.Limit(settings.LOOKUPS_PER_MINUTE_PER_IP, 60))
    if not verdict.allowed:
        return error_response(429, "rate_limited", "Too many lookups; try again shortly.",
                              retry_after=verdict.retry_after)
    try:
        result = lookup(zip_code=request.GET.get("zip", ""), address=request.GET.get("address"))
    except LookupError as exc:
        return error_response(LOOKUP_STATUS[exc.code], exc.code, exc.message, fields={"zip": [exc.message]})
    response = JsonResponse(lookup_json(result))
    response["Access-Control-Allow-Origin"] = "*"
    return response

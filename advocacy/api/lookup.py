"""GET /api/v1/lookup?zip=...&address=...: a supporter's districts and members of Congress.

The lookup service itself is targets.lookup; this is only its JSON face, in the API layer with the rest of the
partner API (rate limit, error body, CORS), so that targets/ never imports the advocacy apps.
"""

from __future__ import annotations

import json

from django.http import HttpResponse
from django.views.decorators.http import require_GET

from advocacy.api.endpoints import json_endpoint
from targets.lookup import lookup
from targets.serializers import cached_lookup_body, lookup_json


@require_GET
@json_endpoint(cors=True)
def lookup_view(request):
    """Rate limited with every other lookup path (advocacy.security.middleware)."""
    zip_code, address = request.GET.get("zip", ""), request.GET.get("address")
    if address:
        body = json.dumps(lookup_json(lookup(zip_code=zip_code, address=address))).encode()
    else:
        body = cached_lookup_body(zip_code)
    return HttpResponse(body, content_type="application/json")

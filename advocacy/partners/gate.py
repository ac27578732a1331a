"""The API views' one call: which limits apply to this request (a supporter's browser or a partner's server)."""

from __future__ import annotations

from django.http import JsonResponse

from advocacy import ratelimit
from advocacy.api.responses import error_response
from advocacy.partners.auth import PartnerAuthFailed, authenticate_partner

HOUR = 3600


def api_client(request, *, kind: str) -> tuple[JsonResponse | None, str | None]:
    """(refusal, ip_address). With a valid partner key the key's own hourly limit for `kind` ("calls" or
    "emails") applies and the per-IP rules do not (ip_address is None: every supporter of a partner shares the
    partner server's address). Without a key: no refusal here, and the client's address for the per-IP rules."""
    try:
        partner = authenticate_partner(request)
    except PartnerAuthFailed as exc:
        return error_response(401, "invalid_api_key", exc.message), None
    if partner is None:
        return None, ratelimit.client_ip(request)
    limit = ratelimit.Limit(getattr(partner, f"{kind}_per_hour"), HOUR)
    verdict = ratelimit.hit(f"partner-{kind}", str(partner.pk), limit)
    if not verdict.allowed:
        return error_response(429, "rate_limited", "This API key has reached its hourly limit.",
                              retry_after=verdict.retry_after), None
    return None, None

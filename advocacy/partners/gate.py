"""The API views' one call: which limits apply to this request (a supporter's browser or a partner's server)."""

from __future__ import annotations

from advocacy import ratelimit
from advocacy.partners.auth import PartnerAuthFailed, authenticate_partner
from common.refusals import Refused

HOUR = 3600


def api_client_ip(request, *, kind: str) -> str | None:
    """The address the per-IP rules count, or None for a partner's server. With a valid partner key the key's own
    hourly limit for `kind` ("calls" or "emails") applies and the per-IP rules do not (every supporter of a partner
    shares the partner server's address). Refused: 401 for a bad key, 429 once the key's hourly limit is reached."""
    try:
        partner = authenticate_partner(request)
    except PartnerAuthFailed as exc:
        raise Refused("invalid_api_key", exc.message, status=401) from exc
    if partner is None:
        return ratelimit.client_ip(request)
    ratelimit.enforce(f"partner-{kind}", str(partner.pk), ratelimit.Limit(getattr(partner, f"{kind}_per_hour"), HOUR),
                      message="This API key has reached its hourly limit.")
    return None

"""The API views' one call: which limits apply to this request (a supporter's browser or a partner's server)."""

from __future__ import annotations

from dataclasses import dataclass

from advocacy import ratelimit
from advocacy.api.responses import json_object, requested_language
from advocacy.campaigns.models import Campaign
from advocacy.campaigns.selectors import published_campaign
from advocacy.partners.auth import PartnerAuthFailed, authenticate_partner
from advocacy.partners.codes import partner_code_for
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


@dataclass(frozen=True)
class Submission:
    """What a POST to the partner API carries besides its own fields."""

    campaign: Campaign
    body: dict
    ip_address: str | None  # None for a partner's server: its key's limits applied instead
    language: str
    invalid: dict[str, list[str]]  # the language's field error, when we do not speak the one asked for
    partner_code: str
    idempotency_key: str


def api_submission(request, slug: str, *, kind: str) -> Submission:
    """The campaign (404 unless published), the JSON body (400/415), the caller's limits (401/429) and language,
    checked in that order for every endpoint."""
    campaign = published_campaign(slug)
    body = json_object(request)
    ip_address = api_client_ip(request, kind=kind)
    language, invalid = requested_language(body, default=campaign.language)
    return Submission(campaign=campaign, body=body, ip_address=ip_address, language=language, invalid=invalid,
                      partner_code=partner_code_for(request, body),
                      idempotency_key=request.headers.get("Idempotency-Key", ""))

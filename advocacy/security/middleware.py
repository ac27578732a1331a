"""Guards every request passes before a view: no NUL bytes, lookups rate limited on every path, and no
unauthenticated email-tracking webhooks in production."""

from __future__ import annotations

from django.conf import settings
from django.shortcuts import render
from django.utils.translation import gettext as _

from advocacy import ratelimit
from advocacy.api.responses import error_response
from advocacy.partners.auth import PartnerAuthFailed, authenticate_partner
from advocacy.security.checks import webhooks_unprotected

LOOKUP_PARAMS = ("zip", "address")


def _is_api(request) -> bool:
    return request.path.startswith("/api/")


def _has_nul(request) -> bool:
    return "\x00" in request.path or "%00" in request.META.get("QUERY_STRING", "") or any(
        "\x00" in value for values in request.GET.lists() for value in values[1])


def _lookup_verdict(request) -> ratelimit.Verdict:
    """Every page or endpoint that answers a ?zip= or &address= may cost a geocoder request: one shared limit
    per client address, or the partner key's own limit for a partner's server."""
    partner = authenticate_partner(request) if _is_api(request) else None
    if partner is not None:
        return ratelimit.hit("lookup-partner", str(partner.pk),
                             ratelimit.Limit(partner.lookups_per_minute, 60))
    return ratelimit.hit("lookup", ratelimit.client_ip(request),
                         ratelimit.Limit(settings.LOOKUPS_PER_MINUTE_PER_IP, 60))


class SafetyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _has_nul(request):
            return self._refuse(request, 400, "invalid", _("The address contains characters we cannot read."))
        if request.path.startswith("/anymail/") and webhooks_unprotected():
            return error_response(403, "webhook_secret_missing", "Tracking webhooks are off until "
                                  "ANYMAIL_WEBHOOK_SECRET is set.")
        if request.method == "GET" and any(request.GET.get(p) for p in LOOKUP_PARAMS):
            try:
                verdict = _lookup_verdict(request)
            except PartnerAuthFailed as exc:
                return error_response(401, "invalid_api_key", exc.message)
            if not verdict.allowed:
                response = self._refuse(request, 429, "rate_limited",
                                        _("Too many lookups from your connection. Please try again in a minute."))
                response["Retry-After"] = str(verdict.retry_after)
                return response
        return self.get_response(request)

    @staticmethod
    def _refuse(request, status: int, code: str, message: str):
        if _is_api(request):
            return error_response(status, code, message)
        return render(request, "security/refused.html", {"message": message}, status=status)

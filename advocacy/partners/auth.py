"""authenticate_partner(request): the partner key a server-to-server request carries, if any.

A key is sent as `Authorization: Bearer pk_…` (or `X-Api-Key: pk_…`). A request with no key is an
ordinary supporter's request (per-IP limits); a request with a wrong or revoked key is refused (401),
never quietly treated as anonymous.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from advocacy.partners.models import PartnerKey, key_digest

LAST_USED_RESOLUTION = timedelta(minutes=5)


class PartnerAuthFailed(Exception):
    message = "This API key is not valid, or has been revoked."


def presented_key(request) -> str:
    header = request.META.get("HTTP_AUTHORIZATION", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    return request.META.get("HTTP_X_API_KEY", "").strip()


def authenticate_partner(request) -> PartnerKey | None:
    """The request's partner key, also set as `request.partner_key` and its code as `request.partner`.
    None when no key was sent; PartnerAuthFailed when one was sent and is unknown or revoked."""
    if hasattr(request, "partner_key"):
        return request.partner_key
    key = presented_key(request)
    partner = None
    if key:
        partner = PartnerKey.objects.filter(key_hash=key_digest(key), revoked_at__isnull=True).first()
        if partner is None:
            raise PartnerAuthFailed
        now = timezone.now()
        if partner.last_used_at is None or now - partner.last_used_at > LAST_USED_RESOLUTION:
            PartnerKey.objects.filter(pk=partner.pk).update(last_used_at=now)
    request.partner_key = partner
    request.partner = partner.partner_code if partner else ""
    return partner

"""Which sites may frame a campaign's embed, and which origins may post its forms."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError


def normalize_origin(value: str) -> str:
    """"https://Partner.example/path" -> "https://partner.example"; "" for anything that is not an origin."""
    parts = urlsplit(value.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return ""
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{parts.hostname.lower()}{port}"


def partner_origins(campaign) -> list[str]:
    """The campaign's allow-list of partner origins (empty: any site may frame the embed)."""
    lines = (campaign.embed_allowed_origins or "").split() if campaign is not None else []
    return [origin for origin in (normalize_origin(line) for line in lines) if origin]


def frame_ancestors(campaign) -> str:
    allowed = partner_origins(campaign)
    return " ".join(["'self'", *allowed]) if allowed else "*"


def own_origins(request) -> set[str]:
    """This site's own origins: the iframe's forms post from here."""
    origins = {normalize_origin(request.build_absolute_uri("/"))}
    origins.add(normalize_origin(getattr(settings, "PUBLIC_BASE_URL", "") or ""))
    origins.update(normalize_origin(o) for o in getattr(settings, "CSRF_TRUSTED_ORIGINS", []) if "*" not in o)
    return origins - {""}


def request_origin(request) -> str:
    """The Origin header, or the Referer's origin for the browsers that send no Origin; "" when neither."""
    origin = request.headers.get("Origin", "")
    if origin and origin != "null":
        return normalize_origin(origin)
    if origin == "null":
        return ""
    return normalize_origin(request.headers.get("Referer", ""))


def validate_origin_list(value: str) -> None:
    """The admin's check of a campaign's allow-list: every entry a scheme and host (and port), nothing else."""
    bad = [item for item in value.split() if normalize_origin(item) != item.rstrip("/").lower()]
    if bad:
        raise ValidationError("Not an origin (https://partner.example, no path): %(items)s",
                              params={"items": ", ".join(bad)})

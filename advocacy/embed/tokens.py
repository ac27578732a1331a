"""The embedded forms' CSRF token: signed, short-lived, made fresh for each render, bound to one campaign.

It takes the place of the CSRF cookie, which a browser does not keep in a cross-site frame. It is checked
together with the Origin header (advocacy.embed.guard), which does the work a cookie cannot do there.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.core import signing

SALT = "advocacy.embed.form-token"


def form_token(*, campaign_id: int) -> str:
    return signing.TimestampSigner(salt=SALT).sign(f"{campaign_id}.{secrets.token_urlsafe(9)}")


def token_problem(token: str, *, campaign_id: int) -> str | None:
    """None when the token is good for this campaign; else "missing", "expired" or "invalid"."""
    if not token:
        return "missing"
    try:
        value = signing.TimestampSigner(salt=SALT).unsign(token, max_age=settings.EMBED_FORM_TOKEN_SECONDS)
    except signing.SignatureExpired:
        return "expired"
    except signing.BadSignature:
        return "invalid"
    return None if value.partition(".")[0] == str(campaign_id) else "invalid"

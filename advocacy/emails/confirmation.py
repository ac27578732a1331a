"""Double opt-in that proves the mailbox.

The confirmation link carries a secret that exists only in the email we send: we keep its SHA-256, never
the secret, and it is unrelated to the action's public id (the `action_id` the API returns and the page
token). The "remember me" cookie is set only after a real confirmation and names the confirmed address.
"""

from __future__ import annotations

import hashlib
import secrets

from django.core import signing

from advocacy.emails.models import EmailAction

REMEMBER_COOKIE = "confirmed_email"
REMEMBER_SECONDS = 365 * 24 * 3600


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def issue_secret(action: EmailAction) -> str:
    """A new secret for the confirmation email; call inside the transaction that sends it."""
    secret = secrets.token_urlsafe(32)
    action.confirm_secret_hash = _digest(secret)
    action.save(update_fields=["confirm_secret_hash"])
    return secret


def action_for_secret(secret: str) -> EmailAction | None:
    if not secret or len(secret) > 100 or "\x00" in secret:
        return None
    return EmailAction.objects.select_related("campaign").filter(confirm_secret_hash=_digest(secret)).first()


def remember_cookie_value(email: str) -> str:
    return signing.TimestampSigner(salt=REMEMBER_COOKIE).sign(email.strip().lower())


def remembered_email(request) -> str | None:
    try:
        return signing.TimestampSigner(salt=REMEMBER_COOKIE).unsign(request.COOKIES.get(REMEMBER_COOKIE, ""),
                                                                       max_age=REMEMBER_SECONDS)
    except signing.BadSignature:
        return None

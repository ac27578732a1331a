"""Double opt-in that proves the mailbox.

The confirmation link carries a secret that is shown only in the email we send: we keep its SHA-256, never
the secret. Only the server can make it (an HMAC keyed by SECRET_KEY), it cannot be derived from the action's public
id (the `action_id` the API returns and the page token), and it is the same in every confirmation email of one
action, so a resent email never leaves a dead link behind. The "remember me" cookie is set only after a real
confirmation and names the confirmed address.
"""

from __future__ import annotations

import base64
import hashlib

from django.core import signing
from django.utils.crypto import salted_hmac

from advocacy.emails.models import EmailAction

REMEMBER_COOKIE = "confirmed_email"
REMEMBER_SECONDS = 365 * 24 * 3600


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def issue_secret(action: EmailAction) -> str:
    """The secret for the action's confirmation email; call inside the transaction that sends it. It is the same
    every time for one action (a keyed HMAC, with SECRET_KEY, of values that never leave the server together), so
    an email sent by an attempt whose transaction was then lost (a database restart) carries a link that works."""
    digest = salted_hmac("advocacy.emails.confirmation", f"{action.pk}:{action.token}:{action.created_at.isoformat()}",
                         algorithm="sha256").digest()
    secret = base64.urlsafe_b64encode(digest).decode().rstrip("=")
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

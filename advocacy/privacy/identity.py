"""Supporters' phone numbers and emails as keyed hashes: what is left of them once their retention ends.

The key (PRIVACY_HASH_KEY) comes from the environment, so a copy of the database alone cannot be matched
against a list of numbers. The hash is stable, so rate limits, duplicate checks and unique-supporter counts
work the same on a hashed row as on a fresh one. Hashing a hash returns it unchanged.
"""

from __future__ import annotations

import hashlib
import hmac

from django.conf import settings

PREFIX = "h1:"


def _key() -> bytes:
    configured = getattr(settings, "PRIVACY_HASH_KEY", "")
    if configured:
        return configured.encode()
    return hashlib.sha256(("privacy-hash:" + settings.SECRET_KEY).encode()).digest()


def normalized(value: str) -> str:
    return (value or "").strip().lower()


def is_hashed(value: str) -> bool:
    return (value or "").startswith(PREFIX)


def identity_key(value: str) -> str:
    """`h1:` and 40 hex digits of HMAC-SHA256 of the normalised value (a phone in E.164, an email, an IP)."""
    if is_hashed(value):
        return value
    digest = hmac.new(_key(), normalized(value).encode(), hashlib.sha256).hexdigest()
    return PREFIX + digest[:40]


def mask_phone(phone: str) -> str:
    """+1 202 ••• ••67: enough to tell two rows apart on screen, not enough to call."""
    if not phone or is_hashed(phone):
        return "(erased)" if phone else ""
    return phone[:5] + "•" * max(len(phone) - 7, 0) + phone[-2:]


def mask_email(email: str) -> str:
    if not email or is_hashed(email):
        return "(erased)" if email else ""
    local, _, domain = email.partition("@")
    return f"{local[:1]}•••@{domain}" if domain else local[:1] + "•••"

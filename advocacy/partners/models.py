"""API keys for partner organizations' servers. Only a hash of each key is stored; the key is shown once."""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone

KEY_PREFIX = "pk_"


def key_digest(key: str) -> str:
    # Keys are 256-bit random: a plain SHA-256 cannot be reversed, and lookups stay one indexed query.
    return hashlib.sha256(key.encode()).hexdigest()


def _default_calls() -> int:
    return settings.PARTNER_CALLS_PER_HOUR


def _default_emails() -> int:
    return settings.PARTNER_EMAILS_PER_HOUR


def _default_lookups() -> int:
    return settings.PARTNER_LOOKUPS_PER_MINUTE


class PartnerKey(models.Model):
    name = models.CharField(max_length=200, help_text="The partner organization, as organizers know it")
    partner_code = models.SlugField(max_length=40, help_text="Short code recorded on the calls and emails this "
                                                             "key files, for attribution")
    key_prefix = models.CharField(max_length=16, editable=False, db_index=True)  # shown in the admin to tell keys apart
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    calls_per_hour = models.PositiveIntegerField(default=_default_calls)
    emails_per_hour = models.PositiveIntegerField(default=_default_emails)
    lookups_per_minute = models.PositiveIntegerField(default=_default_lookups)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(null=True, blank=True, help_text="Set to refuse the key from now on")

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.key_prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None

    def issue_key(self) -> str:
        """A new key for this partner (the old one stops working). Returns it: the only time it is seen."""
        key = KEY_PREFIX + secrets.token_urlsafe(32)
        self.key_prefix, self.key_hash = key[:10], key_digest(key)
        return key

    def revoke(self) -> None:
        self.revoked_at = timezone.now()
        self.save(update_fields=["revoked_at"])

"""The public URLs Twilio calls back on: built from PUBLIC_BASE_URL, against which signatures are checked."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse


def webhook_url(name: str, session, *args) -> str:
    return settings.PUBLIC_BASE_URL + reverse(name, args=[session.pk, *args])

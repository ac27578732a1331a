"""Fixed-window rate limits in Django's cache (Redis in production, so every process shares them)."""

from __future__ import annotations

import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache


@dataclass(frozen=True)
class Limit:
    count: int
    seconds: int


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    retry_after: int = 0


def hit(scope: str, key: str, limit: Limit) -> Verdict:
    """Count one attempt for `key` in `scope`; refuse once `limit.count` attempts fall in the current window."""
    if limit.count <= 0:
        return Verdict(True)
    window = int(time.time() // limit.seconds)
    cache_key = f"ratelimit:{scope}:{key}:{window}"
    cache.add(cache_key, 0, timeout=limit.seconds + 5)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, timeout=limit.seconds + 5)
        count = 1
    if count > limit.count:
        return Verdict(False, retry_after=int(limit.seconds - time.time() % limit.seconds) + 1)
    return Verdict(True)


def client_ip(request) -> str:
    """The client's address; behind a trusted proxy (BEHIND_TLS_PROXY) the first X-Forwarded-For hop."""
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if forwarded and settings.BEHIND_TLS_PROXY:
        return forwarded.split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "")

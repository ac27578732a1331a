"""Fixed-window rate limits in Django's cache (Redis in production, so every process shares them).

Keys are stored as keyed hashes (advocacy.privacy.identity), so the cache holds no phone number, email or IP.
"""

from __future__ import annotations

import ipaddress
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache

from advocacy.privacy.identity import identity_key
from common.refusals import Refused


@dataclass(frozen=True)
class Limit:
    count: int
    seconds: int


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    retry_after: int = 0


def _count(cache_key: str, timeout: int) -> int:
    """One more attempt under `cache_key`: one pipelined round trip with the Redis cache (count_hit)."""
    if hasattr(cache, "count_hit"):
        return cache.count_hit(cache_key, timeout)
    cache.add(cache_key, 0, timeout=timeout)
    try:
        return cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, timeout=timeout)
        return 1


def _refused(limit: Limit) -> Verdict:
    return Verdict(False, retry_after=int(limit.seconds - time.time() % limit.seconds) + 1)


def hit(scope: str, key: str, limit: Limit) -> Verdict:
    """Count one attempt for `key` in `scope`; refuse once `limit.count` attempts fall in the current window."""
    if limit.count <= 0:
        return Verdict(True)
    window = int(time.time() // limit.seconds)
    count = _count(f"ratelimit:{scope}:{identity_key(str(key))}:{window}", limit.seconds + 5)
    return _refused(limit) if count > limit.count else Verdict(True)


def distinct(scope: str, key: str, member: str, limit: Limit) -> Verdict:
    """Refuse once `key` has been seen with more than `limit.count` different `member`s in the window
    (for example, many phone numbers from one connection); a member seen before is always allowed."""
    if limit.count <= 0:
        return Verdict(True)
    window = int(time.time() // limit.seconds)
    base = f"distinct:{scope}:{identity_key(str(key))}:{window}"
    if not cache.add(f"{base}:{identity_key(str(member))}", 1, timeout=limit.seconds + 5):
        return Verdict(True)
    if _count(base, limit.seconds + 5) > limit.count:
        cache.delete(f"{base}:{identity_key(str(member))}")
        cache.decr(base)
        return _refused(limit)
    return Verdict(True)


def enforce(scope: str, key: str, limit: Limit, *, message: str, refusal: type[Refused] = Refused) -> None:
    """hit(), raising `refusal` (code rate_limited, 429, with the seconds until the window turns) once over."""
    verdict = hit(scope, key, limit)
    if not verdict.allowed:
        raise refusal("rate_limited", message, status=429, retry_after=verdict.retry_after)


def _trusted(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in ipaddress.ip_network(cidr, strict=False) for cidr in settings.TRUSTED_PROXY_CIDRS)


def client_ip(request) -> str:
    """The client's address. Behind TRUSTED_PROXY_COUNT proxies, the X-Forwarded-For hop the nearest trusted
    proxy appended (the Nth from the right), never one a client wrote; with TRUSTED_PROXY_CIDRS, the rightmost
    hop that is not one of our proxies. With neither, X-Forwarded-For is ignored."""
    remote = request.META.get("REMOTE_ADDR", "")
    hops = [h.strip() for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if h.strip()]
    if settings.TRUSTED_PROXY_CIDRS and _trusted(remote):
        for hop in reversed(hops):
            if not _trusted(hop):
                return hop
        return hops[0] if hops else remote
    count = settings.TRUSTED_PROXY_COUNT
    if count > 0 and hops:
        return hops[-count] if len(hops) >= count else hops[0]
    return remote

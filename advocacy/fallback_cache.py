"""The shared cache (Redis) with a fallback to process memory while Redis is unreachable.

Rate limits, cached lookups and counters live in the cache. Without a fallback, a Redis outage turns every
request that touches the cache into a 500, although the database could still record the action. While Redis
is down each process uses its own memory instead: rate limits still count (per process rather than shared),
lookups are cached locally, and nothing is refused for want of a cache. After a failure Redis is left alone
for `RETRY_SECONDS`, so an outage costs one connection timeout per process every few seconds, not one per call.
"""

from __future__ import annotations

import logging
import time

from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)
RETRY_SECONDS = 2.0


def _redis_or_memory(name: str):
    """The cache method `name`, asked of Redis while it answers and of process memory while it does not."""

    def method(self, *args, **kwargs):
        return self._either(name, *args, **kwargs)

    method.__name__ = method.__qualname__ = name
    return method


class RedisWithLocalFallback(RedisCache):
    def __init__(self, server, params):
        params = dict(params)
        options = dict(params.get("OPTIONS") or {})
        options.setdefault("socket_connect_timeout", 0.5)
        options.setdefault("socket_timeout", 1.0)
        params["OPTIONS"] = options
        super().__init__(server, params)
        self.local = LocMemCache(f"fallback-{id(self)}", {"OPTIONS": {"MAX_ENTRIES": 50_000}})
        self.down_until = 0.0

    def _either(self, name: str, *args, **kwargs):
        if time.monotonic() >= self.down_until:
            try:
                return getattr(super(), name)(*args, **kwargs)
            except RedisError as exc:
                self.down_until = time.monotonic() + RETRY_SECONDS
                logger.warning("Redis cache unreachable (%s); using process memory for %ss", exc, RETRY_SECONDS)
        return getattr(self.local, name)(*args, **kwargs)

    add = _redis_or_memory("add")
    get = _redis_or_memory("get")
    set = _redis_or_memory("set")
    touch = _redis_or_memory("touch")
    delete = _redis_or_memory("delete")
    get_many = _redis_or_memory("get_many")
    set_many = _redis_or_memory("set_many")
    delete_many = _redis_or_memory("delete_many")
    has_key = _redis_or_memory("has_key")
    incr = _redis_or_memory("incr")

    def count_hit(self, key: str, timeout: int) -> int:
        """Add one to the counter at `key`, creating it with `timeout`, and return the new count: INCR and EXPIRE
        in one MULTI/EXEC round trip to Redis; add and incr in process memory while Redis is down."""
        if time.monotonic() >= self.down_until:
            try:
                redis_key = self.make_and_validate_key(key)
                pipe = self._cache.get_client(redis_key, write=True).pipeline(transaction=True)
                count, _expiry = pipe.incr(redis_key).expire(redis_key, timeout).execute()
                return int(count)
            except RedisError as exc:
                self.down_until = time.monotonic() + RETRY_SECONDS
                logger.warning("Redis cache unreachable (%s); using process memory for %ss", exc, RETRY_SECONDS)
        self.local.add(key, 0, timeout=timeout)
        return self.local.incr(key)

    def clear(self):
        self.local.clear()
        return self._either("clear")

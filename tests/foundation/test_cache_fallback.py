"""A Redis outage degrades the shared cache to process memory instead of failing requests."""

from __future__ import annotations

import time

import pytest

from advocacy import fallback_cache
from advocacy.fallback_cache import RedisWithLocalFallback
from tests.chaos.servers import OwnRedis, own_server


@pytest.fixture
def own_redis():
    with own_server(OwnRedis) as redis:
        yield redis


def test_the_cache_keeps_answering_while_redis_is_down_and_uses_redis_again_after(own_redis, monkeypatch):
    monkeypatch.setattr(fallback_cache, "RETRY_SECONDS", 0.2)
    cache = RedisWithLocalFallback(own_redis.url(3), {})
    cache.set("kept", "in redis", 60)
    assert cache.get("kept") == "in redis"

    own_redis.stop()
    began = time.monotonic()
    assert cache.get("kept") is None  # Redis's copy is out of reach; no exception reaches the caller
    assert cache.add("limit", 0, 60) is True
    assert [cache.incr("limit") for _ in range(3)] == [1, 2, 3]  # a rate limit still counts, in this process
    assert time.monotonic() - began < 3  # one short connection timeout, not one per call

    own_redis.start()
    time.sleep(0.3)
    cache.set("after", "back in redis", 60)
    assert RedisWithLocalFallback(own_redis.url(3), {}).get("after") == "back in redis"


def test_a_rate_limit_counts_in_redis_with_one_pipelined_call_and_in_memory_while_redis_is_down(
        own_redis, monkeypatch):
    monkeypatch.setattr(fallback_cache, "RETRY_SECONDS", 0.2)
    one, other = RedisWithLocalFallback(own_redis.url(4), {}), RedisWithLocalFallback(own_redis.url(4), {})
    assert [one.count_hit("hits", 60), other.count_hit("hits", 60), one.count_hit("hits", 60)] == [1, 2, 3]
    assert one.get("hits") == 3  # the same key and value format as Django's own add/incr
    ttl = one._cache.get_client(write=True).ttl(one.make_and_validate_key("hits"))
    assert 0 < ttl <= 60  # a window's counter never outlives it

    own_redis.stop()
    assert [one.count_hit("hits", 60) for _ in range(2)] == [1, 2]  # per process while Redis is away

    own_redis.start()
    time.sleep(0.3)
    assert one.count_hit("fresh", 60) == 1 and other.get("fresh") == 1


def test_the_lookup_rate_limit_refuses_past_its_limit_with_the_redis_cache(own_redis, settings):
    from django.core import cache as django_cache

    from advocacy import ratelimit

    settings.CACHES = {"default": {"BACKEND": "advocacy.fallback_cache.RedisWithLocalFallback",
                                   "LOCATION": own_redis.url(5)}}
    monkey_cache = django_cache.caches["default"]
    assert isinstance(monkey_cache, RedisWithLocalFallback)
    limit = ratelimit.Limit(3, 60)
    verdicts = [ratelimit.hit("lookup", "203.0.113.9", limit).allowed for _ in range(4)]
    assert verdicts == [True, True, True, False]
    assert ratelimit.hit("lookup", "203.0.113.10", limit).allowed

"""A Redis outage degrades the shared cache to process memory instead of failing requests."""

from __future__ import annotations

import time

import pytest

from advocacy import fallback_cache
from advocacy.fallback_cache import RedisWithLocalFallback
from tests.chaos.servers import OwnRedis, binaries_missing
from tests.services import skip_or_fail


@pytest.fixture
def own_redis():
    if binaries_missing():
        skip_or_fail(binaries_missing())
    redis = OwnRedis().start()
    yield redis
    redis.close()


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

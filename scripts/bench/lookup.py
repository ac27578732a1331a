"""Benchmark: supporter lookups per second, in-process and over HTTP, against baselines in the same run.

    .venv/bin/python scripts/bench/lookup.py [--postgres]      (REDIS_URL set: the production Redis cache)

Loads the real target data from ../shared/data into a throwaway database first. In-process: lookup()
against a plain dict lookup and a bare ZipDistrict query. Over HTTP (Django's test client, full middleware):
GET /api/v1/lookup, cold (cache cleared) and warm, against a minimal Django JSON view. Then the warm lookup and
the minimal view again, interleaved in ROUNDS rounds, each with wall and CPU time per request and the Redis round
trips per request (every command or pipeline the cache sends; the safety middleware's rate limit included).
"""

from __future__ import annotations

import random
import sys
import time

from _django import SHARED_DATA, rate, setup

ROUNDS = 5


def minimal_json(request):
    from django.http import JsonResponse

    return JsonResponse({"zip": request.GET.get("zip"), "ok": True})


def main() -> None:
    database = "postgres" if "--postgres" in sys.argv else "sqlite"
    setup(database=database, name="bench_lookup")
    from django.conf import settings
    from django.core.management import call_command
    from django.urls import include, path

    call_command("sync_targets", "--data-dir", str(SHARED_DATA), stdout=open("/dev/null", "w"))
    module = sys.modules[__name__]
    module.urlpatterns = [path("bench/minimal", minimal_json), path("", include("advocacy.urls"))]
    settings.ROOT_URLCONF = __name__
    settings.LOOKUPS_PER_MINUTE_PER_IP = 10**9
    zips, contenders = lookups_and_baselines()
    results = {name: rate(fn) for name, fn in contenders}
    report(database, zips, results)
    print(f"cache: {settings.CACHES['default']['BACKEND'].rsplit('.', 1)[-1]}")
    named = dict(contenders)
    interleaved(named["minimal"], named["warm"])


def lookups_and_baselines() -> tuple[list[str], list[tuple[str, object]]]:
    """Each way of answering one random ZIP: two in-process baselines, lookup(), and three over HTTP."""
    from django.core.cache import cache
    from django.test import Client

    from targets.lookup import lookup
    from targets.models import ZipDistrict

    table: dict[str, list] = {}
    for zcta, state, district in ZipDistrict.objects.values_list("zcta", "state", "district"):
        table.setdefault(zcta, []).append((state, district))
    zips = list(table)
    hot = zips[:500]  # an action hour's traffic concentrates on the ZIPs where people live
    rng = random.Random(7)
    client = Client()

    def api_cold():
        cache.clear()
        client.get("/api/v1/lookup", {"zip": rng.choice(zips)})

    return zips, [
        ("dict", lambda: table.get(rng.choice(zips))),
        ("query", lambda: list(ZipDistrict.objects.filter(zcta=rng.choice(zips)).values_list("state", "district"))),
        ("lookup", lambda: lookup(zip_code=rng.choice(zips))),
        ("minimal", lambda: client.get("/bench/minimal", {"zip": rng.choice(zips)})),
        ("cold", api_cold),
        ("warm", lambda: client.get("/api/v1/lookup", {"zip": rng.choice(hot)})),
    ]


def report(database: str, zips: list[str], results: dict[str, float]) -> None:
    print(f"database: {database}, {len(zips)} ZIPs, one process")
    print(f"in-process baseline: dict lookup            {results['dict']:10.0f} /s")
    print(f"in-process baseline: bare ZipDistrict query {results['query']:10.0f} /s")
    print(f"lookup(): districts + members + vacancies   {results['lookup']:10.0f} /s   "
          f"ratio to the query {results['lookup'] / results['query']:.2f}")
    print(f"HTTP baseline: minimal Django JSON view     {results['minimal']:10.0f} /s")
    print(f"GET /api/v1/lookup, cache cold             {results['cold']:10.0f} /s   "
          f"ratio to the minimal view {results['cold'] / results['minimal']:.2f}")
    print(f"GET /api/v1/lookup, cache warm             {results['warm']:10.0f} /s   "
          f"ratio to the minimal view {results['warm'] / results['minimal']:.2f}")


def redis_round_trips() -> list[int]:
    """A counter of the Redis round trips this process makes (one per command sent, one per pipeline)."""
    from redis.connection import AbstractConnection

    sent = [0]
    original = AbstractConnection.send_packed_command

    def counting(self, command, check_health=True):
        sent[0] += 1
        return original(self, command, check_health)

    AbstractConnection.send_packed_command = counting
    return sent


def per_request(fn, n: int = 500) -> tuple[float, float]:
    """(wall ms, CPU ms) per call of fn, over n calls."""
    wall, cpu = time.perf_counter(), time.process_time()
    for _ in range(n):
        fn()
    return (time.perf_counter() - wall) / n * 1000, (time.process_time() - cpu) / n * 1000


def interleaved(minimal, warm) -> None:
    sent = redis_round_trips()
    ratios = []
    for n in range(ROUNDS):
        base_wall, base_cpu = per_request(minimal)
        before = sent[0]
        wall, cpu = per_request(warm)
        trips = (sent[0] - before) / 500
        ratios.append((base_wall / wall, base_cpu / cpu))
        print(f"round {n + 1}: minimal view {base_wall:6.3f} ms wall {base_cpu:6.3f} ms CPU | warm lookup "
              f"{wall:6.3f} ms wall {cpu:6.3f} ms CPU, {trips:.2f} Redis round trips | ratio wall "
              f"{ratios[-1][0]:.2f} CPU {ratios[-1][1]:.2f}")
    walls, cpus = sorted(r for r, _ in ratios), sorted(c for _, c in ratios)
    print(f"warm lookup / minimal view, median of {ROUNDS} interleaved rounds: wall {walls[ROUNDS // 2]:.2f}, "
          f"CPU {cpus[ROUNDS // 2]:.2f}")


if __name__ == "__main__":
    main()

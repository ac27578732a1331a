"""Benchmark: supporter lookups per second, in-process and over HTTP, against baselines in the same run.

    .venv/bin/python scripts/bench/lookup.py [--postgres]

Loads the real target data from ../shared/data into a throwaway database first. In-process: lookup()
against a plain dict lookup and a bare ZipDistrict query. Over HTTP (Django's test client, full middleware):
GET /api/v1/lookup, cold (cache cleared) and warm, against a minimal Django JSON view.
"""

from __future__ import annotations

import random
import sys

from _django import SHARED_DATA, rate, setup


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


if __name__ == "__main__":
    main()

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
    from django.core.cache import cache
    from django.core.management import call_command
    from django.test import Client
    from django.urls import include, path

    from targets.lookup import lookup
    from targets.models import ZipDistrict

    call_command("sync_targets", "--data-dir", str(SHARED_DATA), stdout=open("/dev/null", "w"))
    module = sys.modules[__name__]
    module.urlpatterns = [path("bench/minimal", minimal_json), path("", include("advocacy.urls"))]
    settings.ROOT_URLCONF = __name__
    settings.LOOKUPS_PER_MINUTE_PER_IP = 10**9
    pairs = list(ZipDistrict.objects.values_list("zcta", "state", "district"))
    table: dict[str, list] = {}
    for zcta, state, district in pairs:
        table.setdefault(zcta, []).append((state, district))
    zips = list(table)
    rng = random.Random(7)
    client = Client()

    def dict_lookup():
        table.get(rng.choice(zips))

    def bare_query():
        list(ZipDistrict.objects.filter(zcta=rng.choice(zips)).values_list("state", "district"))

    def service():
        lookup(zip_code=rng.choice(zips))

    def minimal():
        client.get("/bench/minimal", {"zip": rng.choice(zips)})

    def api_cold():
        cache.clear()
        client.get("/api/v1/lookup", {"zip": rng.choice(zips)})

    hot = zips[:500]  # an action hour's traffic concentrates on the ZIPs where people live

    def api_warm():
        client.get("/api/v1/lookup", {"zip": rng.choice(hot)})

    results = {name: rate(fn) for name, fn in [("dict", dict_lookup), ("query", bare_query), ("lookup", service),
                                                ("minimal", minimal), ("cold", api_cold), ("warm", api_warm)]}
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

"""Benchmark: supporter lookups per second (ZIP → districts → members) against a bare ZipDistrict query.

    .venv/bin/python scripts/bench/lookup.py [--postgres]

Loads the real target data from ../shared/data into a throwaway database first.
"""

from __future__ import annotations

import random
import sys

from _django import SHARED_DATA, rate, setup


def main() -> None:
    database = "postgres" if "--postgres" in sys.argv else "sqlite"
    setup(database=database, name="bench_lookup")
    from django.core.management import call_command
    from django.test import Client

    from targets.lookup import lookup
    from targets.models import ZipDistrict

    call_command("sync_targets", "--data-dir", str(SHARED_DATA), stdout=open("/dev/null", "w"))
    zips = list(ZipDistrict.objects.values_list("zcta", flat=True).distinct())
    rng = random.Random(7)

    def baseline():
        list(ZipDistrict.objects.filter(zcta=rng.choice(zips)).values_list("state", "district"))

    def service():
        lookup(zip_code=rng.choice(zips))

    client = Client()

    def api():
        client.get("/api/v1/lookup", {"zip": rng.choice(zips)}, REMOTE_ADDR=f"10.0.{rng.randrange(255)}.1")

    from django.conf import settings
    settings.LOOKUPS_PER_MINUTE_PER_IP = 10**9
    base, svc, http = rate(baseline), rate(service), rate(api)
    print(f"database: {database}, {len(zips)} ZIPs")
    print(f"baseline: bare ZipDistrict query      {base:8.0f} /s")
    print(f"lookup():  districts + members         {svc:8.0f} /s   ratio {svc / base:.2f}")
    print(f"GET /api/v1/lookup (JSON, rate limit)  {http:8.0f} /s   ratio {http / base:.2f}")


if __name__ == "__main__":
    main()

"""Shared setup for the benchmarks: a throwaway database, Django configured against it, timing helpers."""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# The real target data: TARGET_DATA_DIR, else ../shared/data beside the checkout (or beside a worktree's parent).
SHARED_DATA = Path(os.environ.get("TARGET_DATA_DIR") or os.environ.get("SHARED_DATA_DIR") or next(
    (p for p in (ROOT.parent / "shared" / "data", ROOT.parent.parent / "shared" / "data") if p.is_dir()),
    ROOT.parent / "shared" / "data"))


def setup(*, database: str = "sqlite", name: str = "bench", broker_url: str = "") -> str:
    """Point Django at a fresh database ("sqlite" in a temp dir, or "postgres": BENCH_POSTGRES_URL/<name>)."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "advocacy.settings")
    os.environ.setdefault("SECRET_KEY", "bench-secret-key")
    os.environ["DEBUG"] = "false"
    os.environ.pop("CELERY_BROKER_URL", None)
    if broker_url:
        os.environ["CELERY_BROKER_URL"] = broker_url
    name = os.environ.get("BENCH_DATABASE", name)  # a name of one's own when several people benchmark at once
    if database == "postgres":
        import psycopg

        base = os.environ.get("BENCH_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432")
        if not os.environ.get("BENCH_REUSE_DATABASE"):  # set: keep the data a previous run generated
            with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
                conn.execute(f'CREATE DATABASE "{name}"')
        os.environ["DATABASE_URL"] = f"{base}/{name}"
    else:
        os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/{name}.sqlite3"
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    return os.environ["DATABASE_URL"]


def rate(fn, *, seconds: float = 3.0, warmup: int = 20) -> float:
    """Calls per second of fn() over about `seconds`."""
    for _ in range(warmup):
        fn()
    count, start = 0, time.perf_counter()
    while (elapsed := time.perf_counter() - start) < seconds:
        fn()
        count += 1
    return count / elapsed


def latencies_ms(fn, *, n: int = 200, warmup: int = 10) -> dict[str, float]:
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(n):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return {"p50": statistics.median(samples), "p95": samples[int(len(samples) * 0.95) - 1], "max": samples[-1]}

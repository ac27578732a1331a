from __future__ import annotations

import os

import pytest
import redis as redis_lib

from advocacy.celery import app as celery_app
from tests.services import REDIS_URL, WorkerProcess, require_postgres_and_redis


@pytest.fixture
def broker_url():
    """A Redis database of its own for this test run, flushed before use."""
    require_postgres_and_redis()
    url = REDIS_URL.rsplit("/", 1)[0] + "/" + os.environ.get("TEST_REDIS_DB", "9")
    redis_lib.Redis.from_url(url).flushdb()
    return url


@pytest.fixture
def real_celery(broker_url, settings):
    """Tasks go to a real Redis broker (not eager) from this process, for a subprocess worker to run."""
    previous = {
        "broker_url": celery_app.conf.broker_url,
        "task_always_eager": celery_app.conf.task_always_eager,
    }
    settings.CELERY_TASK_ALWAYS_EAGER = False
    settings.CELERY_BROKER_URL = broker_url
    celery_app.conf.update(broker_url=broker_url, task_always_eager=False)
    celery_app._pool = None
    celery_app.__dict__.pop("amqp", None)
    yield broker_url
    celery_app.conf.update(**previous)
    celery_app._pool = None


@pytest.fixture
def celery_worker_process(real_celery):
    """Start workers with `celery_worker_process()`; every one is stopped when the test ends."""
    workers: list[WorkerProcess] = []

    def start(**kwargs) -> WorkerProcess:
        worker = WorkerProcess(broker_url=real_celery, **kwargs).start()
        workers.append(worker)
        return worker

    yield start
    for worker in workers:
        worker.stop()


@pytest.fixture(autouse=True)
def fresh_cache():
    """Rate-limit counters and cached counts live in the cache: every test starts from an empty one."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()

"""Real services for the integration suite: PostgreSQL, Redis and a Celery worker in a subprocess.

Integration tests skip with a reason when a service is unreachable, except under CI=true, where a
missing service fails the test: CI must prove reliability on the real thing.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

import pytest
from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
POSTGRES_URL = os.environ.get("TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


def skip_or_fail(reason: str) -> None:
    if in_ci():
        pytest.fail(f"CI=true requires this integration test to run, but {reason}")
    pytest.skip(reason)


def reachable(url: str, default_port: int) -> bool:
    parsed = urlparse(url)
    try:
        with socket.create_connection((parsed.hostname or "127.0.0.1", parsed.port or default_port), timeout=1):
            return True
    except OSError:
        return False


def require_postgres_and_redis() -> None:
    if connection.vendor != "postgresql":
        skip_or_fail(
            "the test database is not PostgreSQL (scripts/test runs the integration pass with "
            f"DATABASE_URL={POSTGRES_URL})"
        )
    if not reachable(REDIS_URL, 6379):
        skip_or_fail(f"Redis is not reachable at {REDIS_URL}")


def test_database_url() -> str:
    """The URL of the database pytest-django created, for a worker in another process."""
    db = settings.DATABASES["default"]
    user = db.get("USER") or "postgres"
    host = db.get("HOST") or "127.0.0.1"
    port = db.get("PORT") or 5432
    return f"postgresql://{user}@{host}:{port}/{db['NAME']}"


class WorkerProcess:
    """`celery -A advocacy worker` in a subprocess, which a test can SIGKILL and start again."""

    def __init__(self, *, broker_url: str, extra_env: dict[str, str] | None = None, concurrency: int = 1,
                 queues: str | None = None, extra_args: list[str] | None = None):
        self.broker_url = broker_url
        self.extra_args = extra_args or []
        self.extra_env = extra_env or {}
        self.concurrency = concurrency
        self.queues = queues
        self.process: subprocess.Popen | None = None
        self.log_path = Path(f"/tmp/celery-worker-{os.getpid()}-{id(self)}.log")

    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env.update(
            {
                "DJANGO_SETTINGS_MODULE": "advocacy.settings",
                "DATABASE_URL": test_database_url(),
                "CELERY_BROKER_URL": self.broker_url,
                "CELERY_TASK_ALWAYS_EAGER": "false",
                "CELERY_VISIBILITY_TIMEOUT": "3",
                "CELERY_UNACKED_RESTORE_INTERVAL": "1",
                "CELERY_UNACKED_RESTORE_THROTTLE": "1",
                "REDIS_URL": self.broker_url,
                "PYTHONUNBUFFERED": "1",
            }
        )
        env.update(self.extra_env)
        return env

    def start(self) -> WorkerProcess:
        # --pool=solo keeps the task in the main process, so SIGKILL really kills it mid-task.
        args = [sys.executable, "-m", "celery", "-A", "advocacy", "worker", "--loglevel=INFO",
                "--without-gossip", "--without-mingle", "--without-heartbeat"]
        args += ["--pool=solo"] if self.concurrency == 1 else ["--pool=prefork", f"--concurrency={self.concurrency}"]
        if self.queues:
            args += ["-Q", self.queues]
        args += self.extra_args
        log = self.log_path.open("ab")
        self.process = subprocess.Popen(args, cwd=ROOT, env=self.env(), stdout=log, stderr=subprocess.STDOUT,
                                        start_new_session=True)
        self.wait_ready()
        return self

    def wait_ready(self, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"celery worker exited early:\n{self.log()}")
            if b"ready." in self.log_path.read_bytes():
                return
            time.sleep(0.1)
        raise RuntimeError(f"celery worker not ready after {timeout}s:\n{self.log()}")

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def kill(self) -> None:
        """SIGKILL the whole worker process group: no clean shutdown, no ack, no requeue by the worker."""
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill()


def wait_for(predicate, *, timeout: float = 30, interval: float = 0.1, message: str = "condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = predicate()
        if result:
            return result
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout}s waiting for {message}")

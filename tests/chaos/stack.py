"""The production-style stack the fault-injection suite runs: gunicorn, Celery workers and beat as subprocesses,
on the suite's own PostgreSQL (or a SQLite file) and its own Redis, with the fake Twilio and an SMTP sink.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests

from tests.chaos.servers import free_port, wait_port

ROOT = Path(__file__).resolve().parents[2]


class Process:
    def __init__(self, name: str, args: list[str], env: dict[str, str], log_dir: Path):
        self.name, self.args, self.env = name, args, env
        self.log_path = log_dir / f"{name}.log"
        self.process: subprocess.Popen | None = None

    def start(self) -> Process:
        log = self.log_path.open("ab")
        self.process = subprocess.Popen(self.args, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT,
                                        start_new_session=True)
        return self

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def kill(self) -> None:
        """SIGKILL the whole process group: no clean shutdown, no ack."""
        if self.alive():
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.alive():
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill()

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def wait_log(self, text: str, timeout: float = 40) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not self.alive():
                raise RuntimeError(f"{self.name} exited early:\n{self.log()[-4000:]}")
            if text in self.log():
                return
            time.sleep(0.1)
        raise RuntimeError(f"{self.name} not ready after {timeout}s:\n{self.log()[-4000:]}")


class Stack:
    """Web, workers and beat sharing one environment. `env_overrides` tune ages and limits for a short run."""

    def __init__(self, *, database_url: str, broker_url: str | None, cache_url: str | None, twilio, smtp,
                 env_overrides: dict[str, str] | None = None, workers: int = 2):
        self.log_dir = Path(tempfile.mkdtemp(prefix="chaos-stack-"))
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.workers_wanted = workers if broker_url else 0
        self.env = dict(os.environ)
        self.env.update({
            "DJANGO_SETTINGS_MODULE": "advocacy.settings", "DEBUG": "false", "SECRET_KEY": "chaos-secret-key",
            "DATABASE_URL": database_url, "PUBLIC_BASE_URL": self.url, "PYTHONUNBUFFERED": "1",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "TWILIO_ACCOUNT_SID": twilio.account_sid, "TWILIO_AUTH_TOKEN": twilio.auth_token,
            "TWILIO_API_BASE_URL": twilio.url, "TWILIO_CALLS_PER_SECOND": "50",
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend", "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(smtp.port), "EMAIL_TIMEOUT": "5",
            # A burst from one test client is not abuse: the limits are set out of the way.
            "CALLS_PER_IP_PER_HOUR": "100000", "CALL_MAX_PHONES_PER_IP_PER_DAY": "100000",
            "EMAILS_PER_IP_PER_HOUR": "100000", "LOOKUPS_PER_MINUTE_PER_IP": "100000",
            "CALLS_PER_PHONE_PER_HOUR": "100", "EMAILS_PER_ADDRESS_PER_HOUR": "100",
            "CALL_MAX_CONCURRENT_PER_CAMPAIGN": "1000",
        })
        for name in ("CELERY_BROKER_URL", "REDIS_URL", "CELERY_TASK_ALWAYS_EAGER"):
            self.env.pop(name, None)
        if broker_url:
            self.env["CELERY_BROKER_URL"] = broker_url
        else:
            self.env["CELERY_TASK_ALWAYS_EAGER"] = "true"
        if cache_url:
            self.env["REDIS_URL"] = cache_url
        self.env.update(env_overrides or {})
        self.web: Process | None = None
        self.workers: list[Process] = []
        self.beat: Process | None = None

    def manage(self, *args: str, input_text: str | None = None) -> str:
        result = subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=self.env, input=input_text,
                                capture_output=True, text=True, timeout=300)
        if result.returncode != 0:
            raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
        return result.stdout

    def start(self) -> Stack:
        self.web = Process("web", [sys.executable, "-m", "gunicorn", "advocacy.wsgi", "--bind",
                                   f"127.0.0.1:{self.port}", "--workers", "3", "--threads", "4", "--timeout", "60"],
                           self.env, self.log_dir).start()
        wait_port(self.port, timeout=40)
        for index in range(self.workers_wanted):
            self.start_worker(index)
        if self.workers_wanted:
            self.beat = Process("beat", [sys.executable, "-m", "celery", "-A", "advocacy", "beat", "--loglevel=INFO",
                                         "--schedule", str(self.log_dir / "beat-schedule")],
                                self.env, self.log_dir).start()
        return self

    def start_worker(self, index: int) -> Process:
        worker = Process(f"worker{index}-{len(self.workers)}",
                         [sys.executable, "-m", "celery", "-A", "advocacy", "worker", "--loglevel=INFO",
                          "--without-gossip", "--without-mingle", "--without-heartbeat", "--pool=prefork",
                          "--concurrency=2", "-n", f"chaos{index}-{len(self.workers)}@%h", *self.queue_args()],
                         self.env, self.log_dir).start()
        worker.wait_log("ready.")
        self.workers.append(worker)
        return worker

    def queue_args(self) -> list[str]:
        queues = self.env.get("CHAOS_WORKER_QUEUES")
        return ["-Q", queues] if queues else []

    def get(self, path: str, **kwargs) -> requests.Response:
        return requests.get(self.url + path, timeout=30, **kwargs)

    def post_json(self, path: str, body: dict, headers: dict | None = None) -> requests.Response:
        return requests.post(self.url + path, json=body, timeout=30, headers=headers or {})

    def stop(self) -> None:
        for process in [self.beat, *self.workers, self.web]:
            if process is not None:
                process.stop()

    def logs(self) -> str:
        parts = []
        for process in [self.web, *self.workers, self.beat]:
            if process is not None:
                parts.append(f"----- {process.name} -----\n{process.log()[-3000:]}")
        return "\n".join(parts)

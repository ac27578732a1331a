"""Servers the fault-injection suite owns: a Redis and a PostgreSQL cluster of its own on free ports.

Faults are injected only into these (stop, restart, kill); the machine's shared services are never touched.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_port(port: int, *, up: bool = True, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                if up:
                    return
        except OSError:
            if not up:
                return
        time.sleep(0.1)
    raise RuntimeError(f"port {port} did not come {'up' if up else 'down'} in {timeout}s")


def binaries_missing() -> str | None:
    for binary in ("redis-server", str(PG_BIN / "initdb"), str(PG_BIN / "pg_ctl")):
        if shutil.which(binary) is None:
            return f"{binary} is not installed"
    return None


@contextmanager
def own_server(server_class):
    """A started OwnRedis or OwnPostgres for one test, closed after it; skipped (failed under CI=true) when the
    binaries are missing."""
    from tests.services import skip_or_fail

    if binaries_missing():
        skip_or_fail(binaries_missing())
    server = server_class().start()
    try:
        yield server
    finally:
        server.close()


class OwnRedis:
    """redis-server on a free port, keeping nothing on disk; `stop()` and `start()` again on the same port."""

    def __init__(self) -> None:
        self.port = free_port()
        self.dir = tempfile.mkdtemp(prefix="chaos-redis-")
        self.process: subprocess.Popen | None = None

    def url(self, db: int = 0) -> str:
        return f"redis://127.0.0.1:{self.port}/{db}"

    def start(self) -> OwnRedis:
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--dir", self.dir], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        wait_port(self.port)
        return self

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)
        wait_port(self.port, up=False)

    def close(self) -> None:
        self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)


class OwnPostgres:
    """A throwaway PostgreSQL cluster (initdb + pg_ctl) run as the postgres user, on a free port."""

    def __init__(self) -> None:
        self.port = free_port()
        self.dir = Path(tempfile.mkdtemp(prefix="chaos-pg-"))
        self.data = self.dir / "data"
        self.log = self.dir / "server.log"
        self.as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.as_postgres:
            shutil.chown(self.dir, user="postgres")

    def url(self, db: str = "chaos") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{db}"

    def _run(self, *args: str) -> None:
        subprocess.run([*self.as_postgres, *args], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def _ctl(self, action: str, *extra: str) -> None:
        options = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200"
        self._run(str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-l", str(self.log), "-o", options, "-w",
                  action, *extra)

    def start(self) -> OwnPostgres:
        if not self.data.exists():
            self._run(str(PG_BIN / "initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust", "-N")
            self._ctl("start")
            self._run(str(PG_BIN / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "chaos")
        else:
            self._ctl("start")
        return self

    def restart(self) -> None:
        """A fast restart: every open connection is cut, as in a failover or a crash-restart."""
        self._ctl("restart", "-m", "fast")

    def close(self) -> None:
        try:
            self._ctl("stop", "-m", "immediate")
        except subprocess.CalledProcessError:
            pass
        shutil.rmtree(self.dir, ignore_errors=True)

"""Workers keep one PostgreSQL connection across tasks, and a database restart costs a reconnect, not a failure.

The database is a cluster of the test's own (tests/chaos/servers.py), restarted under a running worker.
"""

import pytest
from celery import Celery

from tests.chaos.servers import OwnPostgres, own_server
from tests.services import WorkerProcess

pytestmark = pytest.mark.integration


def probe(app: Celery) -> int:
    """The PostgreSQL backend pid that served one task in the worker."""
    return app.send_task("tests.dbprobe.backend_pid", queue="housekeeping").get(timeout=30)


@pytest.fixture
def cluster():
    with own_server(OwnPostgres) as pg:
        yield pg


def start_worker(broker_url: str, cluster: OwnPostgres, **env) -> WorkerProcess:
    return WorkerProcess(broker_url=broker_url, extra_args=["-I", "tests.foundation.dbprobe"], extra_env={
        "DATABASE_URL": cluster.url(), "CELERY_RESULT_BACKEND": broker_url, "SECRET_KEY": "test-secret-key", **env,
    }).start()


def test_a_worker_reuses_its_connection_and_survives_a_database_restart(broker_url, cluster):
    app = Celery(broker=broker_url, backend=broker_url)
    worker = start_worker(broker_url, cluster)
    try:
        before = [probe(app) for _ in range(5)]
        assert len(set(before)) == 1, before  # one connection for every task

        cluster.restart()  # terminates that connection under the idle worker
        after = [probe(app) for _ in range(3)]  # the first task after the restart succeeds, on a new connection
    finally:
        worker.stop()
    assert len(set(after)) == 1 and after[0] != before[0], (before, after)
    assert "OperationalError" not in worker.log()


def test_without_reuse_every_task_opens_a_connection(broker_url, cluster):
    app = Celery(broker=broker_url, backend=broker_url)
    worker = start_worker(broker_url, cluster, CELERY_DB_REUSE_MAX="0")
    try:
        pids = [probe(app) for _ in range(4)]
    finally:
        worker.stop()
    assert len(set(pids)) == 4, pids  # Celery's default: the connection is closed around each task

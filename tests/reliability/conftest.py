from __future__ import annotations

import socket

import pytest

from advocacy.celery import app as celery_app


def closed_port() -> int:
    """A port nothing listens on: bound, then released."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def broker_down():
    """Tasks go to a Redis broker that is not there, as during an outage; `back()` brings eager delivery back."""
    previous = {"broker_url": celery_app.conf.broker_url, "task_always_eager": celery_app.conf.task_always_eager}

    def use(**conf):
        celery_app.conf.update(**conf)
        celery_app._pool = None
        celery_app.__dict__.pop("amqp", None)

    class Outage:
        @staticmethod
        def back():
            use(**previous)

    use(broker_url=f"redis://127.0.0.1:{closed_port()}/0", task_always_eager=False)
    yield Outage
    use(**previous)

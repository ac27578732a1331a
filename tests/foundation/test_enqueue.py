"""delivery.enqueue sends on this thread's own producer and declares each queue once: tasks reach a real Redis
broker, a broker error starts the next task on a fresh connection, and a new broker gets a new producer."""

import kombu
import pytest
import redis as redis_lib

from advocacy import delivery
from advocacy.celery import app as celery_app
from tests.reliability.conftest import closed_port

pytestmark = [pytest.mark.integration, pytest.mark.django_db]
TASK = "advocacy.calls.tasks.place_call"  # the calls queue; nothing consumes it in this test


def _use_broker(url: str) -> None:
    celery_app.conf.update(broker_url=url)
    celery_app._pool = None  # as a new broker configuration does
    celery_app.__dict__.pop("amqp", None)


def test_one_producer_per_broker_each_queue_declared_once_and_a_failure_starts_afresh(real_celery, monkeypatch):
    queued = redis_lib.Redis.from_url(real_celery)
    declares = []
    original = kombu.Producer.maybe_declare

    def counting(producer, entity, *args, **kwargs):  # kombu's own, observed
        declares.append(entity.name)
        return original(producer, entity, *args, **kwargs)

    monkeypatch.setattr(kombu.Producer, "maybe_declare", counting)
    assert delivery.enqueue(TASK, "one") and delivery.enqueue(TASK, "two")
    producer = delivery._sender().producer
    assert queued.llen("calls") == 2
    assert declares == ["calls"]  # the first task declared the queue; the second did not

    _use_broker(f"redis://127.0.0.1:{closed_port()}/0")  # the broker is gone
    assert delivery.enqueue(TASK, "lost") is False
    assert delivery._SENDER.producer is None  # discarded: the next task connects afresh

    _use_broker(real_celery)  # back
    assert delivery.enqueue(TASK, "three")
    assert queued.llen("calls") == 3
    assert delivery._sender().producer is not producer

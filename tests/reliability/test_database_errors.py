"""Every Celery task outside the call flow treats a dropped database connection as transient and retries."""

from __future__ import annotations

import psycopg
import pytest
from django.db import InterfaceError, OperationalError

from advocacy.celery import app as celery_app
from tests import services as test_services
from tests.emails.conftest import GOLDMAN_EMAIL, SCHUMER_EMAIL
from tests.emails.test_smtp_delivery import smtp_env, submit_and_confirm
from tests.fakes.smtp import FakeSMTPServer
from tests.services import wait_for


def test_every_task_outside_calls_retries_database_errors():
    celery_app.loader.import_default_modules()
    ours = {name: task for name, task in celery_app.tasks.items()
            if name.startswith(("advocacy.", "targets.")) and not name.startswith("advocacy.calls.")}
    assert "advocacy.emails.tasks.reconcile_emails" in ours and "targets.tasks.sync_targets_task" in ours
    for name, task in ours.items():
        retried = tuple(getattr(task, "autoretry_for", ()))
        assert issubclass(OperationalError, retried) and issubclass(InterfaceError, retried), name


@pytest.mark.integration
@pytest.mark.django_db(transaction=True)
def test_a_delivery_whose_connection_is_killed_is_retried_and_sent_once(email_campaign, celery_worker_process):
    with FakeSMTPServer() as smtp:
        action = submit_and_confirm(email_campaign)  # queued in Redis; no worker yet
        with psycopg.connect(test_services.test_database_url()) as blocker:
            blocker.execute("SELECT id FROM emails_emaildelivery WHERE status = 'queued' FOR UPDATE")
            celery_worker_process(extra_env=smtp_env(smtp))
            waiting = ("SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
                       "AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'")
            with psycopg.connect(test_services.test_database_url(), autocommit=True) as admin:
                wait_for(lambda: admin.execute(waiting).fetchall(), timeout=30,
                         message="the worker to wait for the delivery row")
                admin.execute(f"SELECT pg_terminate_backend(pid) FROM ({waiting}) AS locked")
            blocker.rollback()
        wait_for(lambda: not action.deliveries.filter(status="queued").exists(), timeout=60,
                 message="the retried delivery to be sent")
        wait_for(lambda: len(smtp.to("ana@example.org")) >= 2, timeout=30, message="confirmation and receipt")

    assert len(smtp.to(GOLDMAN_EMAIL)) == 1 and len(smtp.to(SCHUMER_EMAIL)) == 1
    assert set(action.deliveries.filter(channel="email").values_list("status", flat=True)) == {"sent"}

"""The fault cases that apply to the embedded default: SQLite, eager tasks, no broker, no Redis, no beat.

gunicorn runs the web on a SQLite file of the suite's own, every task runs in the request that enqueued it,
and the reconcilers (which beat would run) are run by hand between looks, as a cron `manage.py shell` would.
Double submits, replayed webhooks and lost status callbacks must lose, double and strand nothing here too.
"""

from __future__ import annotations

import logging
import time

import pytest

from tests.chaos import cases, prepare
from tests.chaos.audit import Database
from tests.conftest import ACCOUNT_SID, AUTH_TOKEN
from tests.fakes.smtp import FakeSMTPServer
from tests.fakes.twilio import FakeTwilio

pytestmark = [pytest.mark.integration, pytest.mark.chaos]

RECONCILE = ("from advocacy.calls.tasks import reconcile_calls; from advocacy.emails.tasks import reconcile_emails; "
             "reconcile_calls.apply(); reconcile_emails.apply()")


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    logging.getLogger("mail.log").setLevel(logging.WARNING)
    database = tmp_path_factory.mktemp("chaos-sqlite") / "db.sqlite3"
    with FakeTwilio(account_sid=ACCOUNT_SID, auth_token=AUTH_TOKEN) as twilio, FakeSMTPServer() as smtp:
        stack = prepare.start_stack(tmp_path_factory, database_url=f"sqlite:///{database}", broker_url=None,
                                    cache_url=None, twilio=twilio, smtp=smtp)
        last = {"at": 0.0}

        def reconcile_now_and_then():
            if time.monotonic() - last["at"] >= float(prepare.FAST_RECOVERY["RECONCILE_EVERY_SECONDS"]):
                stack.manage("shell", "-c", RECONCILE)
                last["at"] = time.monotonic()

        try:
            yield {"name": "SQLite", "stack": stack, "twilio": twilio, "smtp": smtp,
                   "db": Database(f"sqlite:///{database}"), "between": reconcile_now_and_then, "figures": []}
        finally:
            stack.stop()
            print(f"\nchaos stack logs: {stack.log_dir}")


@pytest.mark.parametrize("case, prefix", [(cases.no_fault, "310"), (cases.status_callbacks_lost, "350"),
                                          (cases.double_submits, "360"), (cases.replayed_webhooks, "370")],
                         ids=["no fault", "status callbacks lost", "double submits", "replayed webhooks"])
def test_nothing_lost_doubled_or_stuck(world, case, prefix):
    case(world, prefix)

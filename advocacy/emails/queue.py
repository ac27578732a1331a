"""Handing email deliveries to the workers, and handing them again when they are stuck.

The task names live here so services never import the tasks module (emails/tasks.py imports the services).
Re-enqueueing is a compare-and-set on `queued_at`: of two reconciler passes, or a pass and a second click on
Confirm, exactly one re-enqueues a row; the delivery task's row lock makes a stray duplicate send nothing.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Q

from advocacy.delivery import enqueue_on_commit
from advocacy.emails.models import EmailAction, EmailDelivery

DELIVER_EMAIL = "advocacy.emails.tasks.deliver_email"
DELIVER_EMAILS = "advocacy.emails.tasks.deliver_emails"
SEND_CONFIRMATION = "advocacy.emails.tasks.send_confirmation"
SEND_RECEIPT = "advocacy.emails.tasks.send_receipt"
# A second click on Confirm re-enqueues what has waited at least this long (a slow worker is not stuck).
REQUEUE_ON_CONFIRM_SECONDS = 60
BATCH = 500
# The receipt says how each message went, so it waits until none is still being sent or waiting on a web form.
UNSETTLED = (EmailDelivery.Status.QUEUED, EmailDelivery.Status.TO_REPORT, EmailDelivery.Status.FORM_OPENED)


def queue_deliveries(delivery_ids: list[int], *, now: dt.datetime) -> None:
    """Mark one action's rows queued and enqueue them, as one task, once the transaction commits."""
    EmailDelivery.objects.filter(pk__in=delivery_ids).update(status=EmailDelivery.Status.QUEUED, queued_at=now)
    if delivery_ids:
        enqueue_on_commit(DELIVER_EMAILS, sorted(delivery_ids))


def requeue_stuck_deliveries(*, cutoff: dt.datetime, now: dt.datetime, action_id: int | None = None) -> list[int]:
    """Re-enqueue `queued` deliveries nobody has touched since `cutoff`; returns their ids."""
    stuck = EmailDelivery.objects.filter(status=EmailDelivery.Status.QUEUED).filter(
        Q(queued_at__lt=cutoff) | Q(queued_at=None, action__confirmed_at__lt=cutoff))
    if action_id is not None:
        stuck = stuck.filter(action_id=action_id)
    requeued = []
    for pk, queued_at in stuck.order_by("pk").values_list("pk", "queued_at")[:BATCH]:
        claimed = EmailDelivery.objects.filter(pk=pk, status=EmailDelivery.Status.QUEUED, queued_at=queued_at)
        if claimed.update(queued_at=now):
            enqueue_on_commit(DELIVER_EMAIL, pk)
            requeued.append(pk)
    return requeued


def requeue_unsent_notices(*, cutoff: dt.datetime, now: dt.datetime) -> int:
    """The confirmation request or receipt that never went out (enqueued while the broker was down, or its
    worker lost), re-enqueued exactly once per action: a supporter's address that keeps failing is not retried
    forever (the action expires unconfirmed; the offices' messages are unaffected by a lost receipt)."""
    waiting = EmailAction.objects.filter(notice_requeued_at=None)
    unsent = [(SEND_CONFIRMATION, waiting.filter(status=EmailAction.Status.PENDING_CONFIRMATION,
                                                 confirmation_sent_at=None, created_at__lt=cutoff)),
              (SEND_RECEIPT, waiting.filter(status=EmailAction.Status.CONFIRMED, receipt_sent_at=None,
                                            confirmed_at__lt=cutoff).exclude(deliveries__status__in=UNSETTLED))]
    count = 0
    for task, actions in unsent:
        for pk in actions.order_by("pk").values_list("pk", flat=True)[:BATCH]:
            if EmailAction.objects.filter(pk=pk, notice_requeued_at=None).update(notice_requeued_at=now):
                enqueue_on_commit(task, pk)
                count += 1
    return count

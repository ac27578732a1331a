"""Email tasks: thin wrappers of the sending and notice services; advocacy.delivery.attempt retries transient
failures with backoff."""

from __future__ import annotations

import logging

from celery import shared_task

from advocacy.delivery import MAX_RETRIES, attempt, backoff_seconds, enqueue, enqueue_on_commit
from advocacy.emails import notices, queue, reconcile, sending, services
from common.errors import PermanentDeliveryError, TransientDeliveryError
from common.retry import RETRY_ON_DATABASE_ERRORS

logger = logging.getLogger(__name__)


def _log_only(reason: str) -> None:
    """A supporter's own address the provider refuses (or that stays unreachable) is logged by attempt(), not
    retried forever: their messages to the offices are unaffected and still recorded."""


@shared_task(bind=True, name="advocacy.emails.tasks.deliver_email", acks_late=True, max_retries=MAX_RETRIES,
             **RETRY_ON_DATABASE_ERRORS)
def deliver_email(self, delivery_id: int) -> str:
    outcome = attempt(self, lambda: sending.send_delivery(delivery_id=delivery_id),
                      give_up=lambda reason: sending.mark_failed(delivery_id=delivery_id, reason=reason),
                      on_retry=lambda reason: sending.record_failed_attempt(delivery_id=delivery_id, reason=reason))
    if outcome in ("sent", "failed"):
        _receipt_when_settled(delivery_id)
    return outcome


@shared_task(name="advocacy.emails.tasks.deliver_emails", acks_late=True, **RETRY_ON_DATABASE_ERRORS)
def deliver_emails(delivery_ids: list[int]) -> dict[str, int]:
    """One action's messages in one task (see emails/sending.py); a message that fails transiently goes on to
    deliver_email's own retries, counted as its first attempt. Run again, it sends only what is still queued."""
    outcomes = {"sent": 0, "nothing to do": 0, "failed": 0, "retrying": 0}
    for delivery_id in delivery_ids:
        try:
            outcome = "sent" if sending.send_delivery(delivery_id=delivery_id) else "nothing to do"
        except TransientDeliveryError as exc:
            sending.record_failed_attempt(delivery_id=delivery_id, reason=str(exc))
            enqueue(deliver_email, delivery_id, options={"countdown": backoff_seconds(0), "retries": 1})
            outcome = "retrying"
        except PermanentDeliveryError as exc:
            sending.mark_failed(delivery_id=delivery_id, reason=str(exc))
            outcome = "failed"
        outcomes[outcome] += 1
    settled_action = None
    if delivery_ids and outcomes["sent"] + outcomes["failed"]:
        settled_action = sending.finish_if_settled(delivery_id=delivery_ids[-1])
    if settled_action is not None:
        _receipt_now(settled_action)
    return outcomes


def _receipt_now(action_id: int) -> None:
    """The receipt in the task that settled the action (no second task); a transient failure goes on to
    send_receipt's own retries, a refused supporter address is logged (their offices' messages are sent)."""
    try:
        notices.send_receipt_email(action_id=action_id)
    except TransientDeliveryError:
        enqueue(send_receipt, action_id, options={"countdown": backoff_seconds(0), "retries": 1})
    except PermanentDeliveryError as exc:
        logger.warning("receipt for email action %s refused: %s", action_id, exc)


def _receipt_when_settled(delivery_id: int) -> None:
    settled_action = sending.finish_if_settled(delivery_id=delivery_id)
    if settled_action is not None:
        enqueue_on_commit(queue.SEND_RECEIPT, settled_action)


@shared_task(bind=True, name="advocacy.emails.tasks.send_confirmation", acks_late=True, max_retries=MAX_RETRIES,
             **RETRY_ON_DATABASE_ERRORS)
def send_confirmation(self, action_id: int) -> str:
    return attempt(self, lambda: notices.send_confirmation_email(action_id=action_id), give_up=_log_only)


@shared_task(bind=True, name="advocacy.emails.tasks.send_receipt", acks_late=True, max_retries=MAX_RETRIES,
             **RETRY_ON_DATABASE_ERRORS)
def send_receipt(self, action_id: int) -> str:
    return attempt(self, lambda: notices.send_receipt_email(action_id=action_id), give_up=_log_only)


@shared_task(name="advocacy.emails.tasks.expire_unconfirmed", max_retries=3, **RETRY_ON_DATABASE_ERRORS)
def expire_unconfirmed() -> int:
    return services.expire_unconfirmed()


@shared_task(name="advocacy.emails.tasks.reconcile_emails", max_retries=3, **RETRY_ON_DATABASE_ERRORS)
def reconcile_emails() -> dict[str, int]:
    return reconcile.reconcile_emails()

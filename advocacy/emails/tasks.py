"""Email tasks: each is one service call; advocacy.delivery.attempt retries transient failures with backoff."""

from __future__ import annotations

from celery import shared_task

from advocacy.delivery import MAX_RETRIES, attempt, enqueue_on_commit
from advocacy.emails import notices, queue, reconcile, services
from common.retry import RETRY_ON_DATABASE_ERRORS


def _log_only(reason: str) -> None:
    """A supporter's own address the provider refuses (or that stays unreachable) is logged by attempt(), not
    retried forever: their messages to the offices are unaffected and still recorded."""


@shared_task(bind=True, name="advocacy.emails.tasks.deliver_email", acks_late=True, max_retries=MAX_RETRIES,
             **RETRY_ON_DATABASE_ERRORS)
def deliver_email(self, delivery_id: int) -> str:
    outcome = attempt(self, lambda: services.send_delivery(delivery_id=delivery_id),
                      give_up=lambda reason: services.mark_failed(delivery_id=delivery_id, reason=reason),
                      on_retry=lambda reason: services.record_failed_attempt(delivery_id=delivery_id, reason=reason))
    settled_action = services.finish_if_settled(delivery_id=delivery_id) if outcome in ("sent", "failed") else None
    if settled_action is not None:
        enqueue_on_commit(queue.SEND_RECEIPT, settled_action)
    return outcome


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
